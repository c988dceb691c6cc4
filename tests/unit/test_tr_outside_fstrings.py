"""lupdate cannot see a ``tr()`` written inside an f-string: such a string is never
translated, and the interface shows it in English."""

from __future__ import annotations

import ast
from pathlib import Path

import conseil_desktop

PACKAGE = Path(conseil_desktop.__file__).resolve().parent
TRANSLATING = {"tr", "translate"}


def calls_inside_fstrings(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                function = inner.func
                name = (function.attr if isinstance(function, ast.Attribute)
                        else getattr(function, "id", ""))
                if name in TRANSLATING:
                    lines.append(inner.lineno)
    return lines


def test_the_finder_sees_a_tr_call_in_an_fstring() -> None:
    assert calls_inside_fstrings(ast.parse("x = f\"<b>{self.tr('Roles')}</b>\"")) == [1]
    assert calls_inside_fstrings(ast.parse("title = self.tr('Roles')\nx = f'{title}'")) == []


def test_no_interface_string_is_translated_inside_an_fstring() -> None:
    sources = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    found = [f"{path.relative_to(PACKAGE)}:{line}" for path in sources
             for line in calls_inside_fstrings(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []

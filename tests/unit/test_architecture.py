"""Layering: only ui/ and app.py may import Qt; start-up stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import conseil_desktop

PACKAGE = Path(conseil_desktop.__file__).resolve().parent
QT_ALLOWED = {PACKAGE / "app.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_outside_ui_and_app_imports_qt() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in QT_ALLOWED or (PACKAGE / "ui") in path.parents:
            continue
        modules = imported_modules(path)
        if any(m.split(".")[0] in {"PySide6", "shiboken6", "PyQt6", "PyQt5"} for m in modules):
            offenders.append(str(path.relative_to(PACKAGE)))
        if any(m.startswith("conseil_desktop.ui") for m in modules):
            offenders.append(f"{path.relative_to(PACKAGE)} imports ui/")
    assert offenders == []


def test_the_scan_would_catch_an_offender(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_command_line_verbs_do_not_load_qt_or_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from conseil_desktop import app, cli\n"
        "from conseil_desktop.db import engine\n"
        "from conseil_desktop.services import listing, council\n"
        "heavy = ['PySide6', 'reportlab', 'openpyxl', 'alembic']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""

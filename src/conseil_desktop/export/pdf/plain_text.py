"""Paragraphs of plain text, made without reportlab's markup parser and broken
into lines once per width.

A project fiche holds some seventy small paragraphs (table cells), and the
portfolio has one fiche per project: reportlab spent a third of its time
parsing the same few styles out of ``<para>…</para>`` markup, and another
third breaking every cell into lines two or three times (a table measures its
rows, :class:`~reportlab.platypus.KeepInFrame` measures the table, and the
table measures each cell again as it draws it).

:func:`plain_paragraph` gives what ``Paragraph(escape(text), style)`` gives,
fragment for fragment, for text holding no markup character and no line
break; anything else is parsed as before. Its paragraphs remember their lines
for each width they were given.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _lineClean
from reportlab.platypus.paraparser import ParaFrag, ParaParser

# What the parser would read as markup or an entity, and line breaks (<br/>).
_NOT_PLAIN = re.compile(r"[&<>\n\r]")
_FUZZ = 1e-8  # below this width reportlab's wrap refuses without breaking lines


class MemoParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A Paragraph that breaks its text into lines once per available width."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width < _FUZZ:
            return super().wrap(available_width, available_height)  # type: ignore[no-any-return]
        memo: dict[float, tuple[Any, ...]] | None = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        found = memo.get(available_width)
        if found is None:
            size = super().wrap(available_width, available_height)
            memo[available_width] = (size, self.blPara, self._wrapWidths)
            return size  # type: ignore[no-any-return]
        size, self.blPara, self._wrapWidths = found
        self.width, self.height = size
        return size  # type: ignore[no-any-return]


# The parser's fragment for plain text depends on these three only (its
# ``_initial_frag``); the test compares whole fragments with the parser's.
_templates: dict[tuple[Any, ...], ParaFrag] = {}


def _template(style: ParagraphStyle) -> ParaFrag:
    """The fragment reportlab's parser makes for a plain word in ``style``."""
    key = (style.fontName, style.fontSize, style.textColor)
    found = _templates.get(key)
    if found is None:
        _, frags, _ = ParaParser().parse("x", style)
        if frags is None or len(frags) != 1:
            raise ValueError(f"unexpected fragments for style {style.name}")
        found = _templates[key] = frags[0]
    return found


def plain_paragraph(value: str, style: ParagraphStyle) -> Paragraph:
    """``value`` as a paragraph: its markup characters shown as they are, its line
    breaks kept, its other runs of white space shown as one space (as reportlab does)."""
    if value and not _NOT_PLAIN.search(value) and not getattr(style, "textTransform", None):
        cleaned = _lineClean(value)
        if cleaned:
            frag = _template(style).clone(text=cleaned, link=[], us_lines=[])
            return MemoParagraph(cleaned, style, frags=[frag])
    return MemoParagraph(_escape(value).replace("\n", "<br/>"), style)


def _escape(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape(value)

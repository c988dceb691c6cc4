"""A4 documents with embedded DejaVu fonts, shared styles, tables and a
"page X / Y" footer. Import only where a PDF is written: reportlab is heavy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from conseil_desktop.export import fonts
from conseil_desktop.export.pdf.plain_text import plain_paragraph
from conseil_desktop.progress import OnProgress, Stage, report

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP_MARGIN = 16 * mm
BOTTOM_MARGIN = 18 * mm
_FRAME_PADDING = 6  # reportlab's default Frame padding, on each side
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 2 * _FRAME_PADDING
CONTENT_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN - 2 * _FRAME_PADDING - 1

INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#24527a")
MUTED = colors.HexColor("#5f6b7a")
HEADER_FILL = colors.HexColor("#dde7f1")
STRIPE_FILL = colors.HexColor("#f4f7fa")
RULE = colors.HexColor("#b9c6d3")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_right: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    label: ParagraphStyle


def make_styles() -> Styles:
    fonts.register_fonts()
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5,
                          textColor=INK)
    cell = ParagraphStyle("cell", parent=body, fontName=fonts.CONDENSED, fontSize=8.5,
                          leading=10.5)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=17,
                             leading=21, textColor=ACCENT, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, spaceAfter=10),
        heading=ParagraphStyle("heading", parent=body, fontName=fonts.BOLD, fontSize=11,
                               leading=14, textColor=ACCENT, spaceBefore=10, spaceAfter=4),
        body=body,
        body_right=ParagraphStyle("body_right", parent=body, alignment=TA_RIGHT),
        note=ParagraphStyle("note", parent=body, fontName=fonts.ITALIC, fontSize=8.5,
                            textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.CONDENSED_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        label=ParagraphStyle("label", parent=cell, fontName=fonts.CONDENSED_BOLD,
                             textColor=MUTED),
    )


def text(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters escaped, line breaks kept."""
    return plain_paragraph(str(value), style)


_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")
_BULLET = re.compile(r"^\s*[-*•]\s+", re.MULTILINE)


def rich_text(value: str, style: ParagraphStyle) -> Paragraph:
    """A debate summary with the simple marks of the meeting screen: ``**gras**``,
    ``*italique*`` and ``- `` list lines (shown as bullets); anything else stays text."""
    marked = _BULLET.sub("\u2022\u00a0", escape(value))
    marked = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", marked))
    return Paragraph(marked.replace("\n", "<br/>"), style)


def data_table(
    styles: Styles, header: Sequence[str], rows: Sequence[Sequence[object]],
    widths: Sequence[float], *, right: frozenset[int] = frozenset(), total: bool = False,
) -> Table:
    """A table with a shaded header row repeated on each page and striped rows.

    Columns listed in ``right`` are right-aligned (amounts); with ``total`` the
    last row is set in bold. A value that is already a flowable is kept as it is.
    """
    def cell(value: object, column: int, bold: bool) -> Flowable:
        if isinstance(value, Flowable):
            return value
        style = styles.cell_right if column in right else styles.cell
        if bold:
            style = ParagraphStyle("bold", parent=style, fontName=fonts.CONDENSED_BOLD)
        return text(value, style)

    head = [cell(h, i, True) for i, h in enumerate(header)]
    body = [
        [cell(v, i, total and n == len(rows) - 1) for i, v in enumerate(row)]
        for n, row in enumerate(rows)
    ]
    scale = CONTENT_WIDTH / sum(widths)
    table = Table([head, *body], colWidths=[w * scale for w in widths], repeatRows=1)
    commands = [
        *ruled_rows(), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    commands += [("BACKGROUND", (0, n), (-1, n), STRIPE_FILL)
                 for n in range(2, len(rows) + 1, 2)]
    if total and rows:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT))
    table.setStyle(TableStyle(commands))
    return table


def field_table(styles: Styles, pairs: Sequence[tuple[str, str]]) -> Table:
    """Label / value lines of a record sheet (fiche), two pairs per row."""
    cells = [[text(label, styles.label), text(value or "—", styles.cell)]
             for label, value in pairs]
    if len(cells) % 2:
        cells.append([text("", styles.cell), text("", styles.cell)])
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    percent = CONTENT_WIDTH / 100
    table = Table(rows, colWidths=[q * percent for q in (19, 31, 19, 31)])
    table.setStyle(TableStyle(ruled_rows()))
    return table


def ruled_rows(padding: float = 2.5) -> list[tuple[Any, ...]]:
    """Table commands: rows separated by a thin rule, cells aligned at the top.

    The font is set even though every cell is a Paragraph: otherwise reportlab
    selects its default Helvetica, which would be listed, not embedded, in the PDF.
    """
    return [
        ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 0.5),
    ]


def one_page(content: list[Flowable]) -> list[Flowable]:
    """Content shrunk if need be to fit exactly one page, then a page break."""
    return [KeepInFrame(CONTENT_WIDTH, CONTENT_HEIGHT, content, mode="shrink", vAlign="TOP"),
            PageBreak()]


def build_pdf(path: Path, story: list[Flowable], *, title: str, footer: str,
              progress: OnProgress | None = None) -> None:
    """Write an A4 PDF whose every page carries ``footer`` and "page X / Y".

    ``progress`` hears :attr:`Stage.SAVING` for each page whose footer is drawn once
    all are laid out; a cancel it raises stops there (the caller removes the file)."""
    fonts.register_fonts()
    while story and isinstance(story[-1], PageBreak):
        story = story[:-1]  # no blank last page
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=title,
        author="Conseil Desktop", creator="Conseil Desktop", lang="fr-FR",
        # Otherwise every page refers to a Helvetica that is not embedded.
        initialFontName=fonts.REGULAR, initialFontSize=10,
    )
    doc.build(story, canvasmaker=partial(_NumberedCanvas, footer=footer, progress=progress))


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Keeps every page until the end, to print the total number of pages."""

    def __init__(self, *args: Any, footer: str, progress: OnProgress | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._progress = progress
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states):
            report(self._progress, Stage.SAVING, number, total)
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        y = BOTTOM_MARGIN - 8 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 4 * mm, PAGE_WIDTH - MARGIN, y + 4 * mm)
        self.setFont(fonts.REGULAR, 7.5)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, y, self._footer)
        self.drawRightString(PAGE_WIDTH - MARGIN, y, f"Page {self.getPageNumber()} / {total}")
        self.restoreState()

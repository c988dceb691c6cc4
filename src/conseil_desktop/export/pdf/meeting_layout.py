"""The page frame of the meeting documents (sign-in sheet, convocations, dossier).

Like :mod:`layout` (same margins, styles, DejaVu fonts), with what these
documents need on top: portrait or landscape A4, a running header at the top
of every page (changed by :class:`RunningHeader` markers, so that the dossier
names the part each page belongs to), and *Page X / Y* at the foot, or no
page numbers for letters going to different people.
"""

from __future__ import annotations

import re
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    PageBreak,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from conseil_desktop.export import fonts
from conseil_desktop.export.pdf.layout import (
    _FRAME_PADDING,
    BOTTOM_MARGIN,
    MARGIN,
    MUTED,
    RULE,
    TOP_MARGIN,
    Styles,
    text,
)


def page_size(is_landscape: bool = False) -> tuple[float, float]:
    return landscape(A4) if is_landscape else A4


def frame_size(is_landscape: bool = False) -> tuple[float, float]:
    """Width and height available to the flowables of one page."""
    width, height = page_size(is_landscape)
    return (width - 2 * MARGIN - 2 * _FRAME_PADDING,
            height - TOP_MARGIN - BOTTOM_MARGIN - 2 * _FRAME_PADDING - 1)


class RunningHeader(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Takes no room; sets the text printed at the top of this page and the next."""

    def __init__(self, value: str) -> None:
        super().__init__()
        self.value = value

    def wrap(self, _w: float, _h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.running_header = self.value


def build_document(path: Path, story: list[Flowable], *, title: str, header: str,
                   is_landscape: bool = False, numbered: bool = True) -> None:
    """Write the PDF: ``header`` on top of each page (until a marker changes it)."""
    fonts.register_fonts()
    while story and isinstance(story[-1], PageBreak):
        story = story[:-1]
    size = page_size(is_landscape)
    doc = SimpleDocTemplate(
        str(path), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=title,
        author="Conseil Desktop", creator="Conseil Desktop", lang="fr-FR",
        initialFontName=fonts.REGULAR, initialFontSize=10,
    )
    doc.build(story, canvasmaker=partial(_PagedCanvas, header=header, numbered=numbered))


class _PagedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, to print "Page X / Y" and the running header."""

    def __init__(self, *args: Any, header: str, numbered: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running_header = header
        self._numbered = numbered
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(fonts.REGULAR, 7.5)
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        top = height - TOP_MARGIN + 4 * mm
        self.drawString(MARGIN, top, _fit(self.running_header, width - 2 * MARGIN))
        self.line(MARGIN, top - 1.5 * mm, width - MARGIN, top - 1.5 * mm)
        if self._numbered:
            y = BOTTOM_MARGIN - 8 * mm
            self.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
            self.drawRightString(width - MARGIN, y, f"Page {self.getPageNumber()} / {total}")
        self.restoreState()


def wrap_words(value: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width``, broken at spaces and after hyphens (names like
    *Fontaine-d'Argent-Montmorency*), and inside a word only if it is longer
    than a whole line.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for token in re.findall(r"[^\s-]*-|[^\s-]+\s*|\s+", value):
        if not line or stringWidth((line + token).rstrip(), font, size) <= width:
            line += token
            continue
        lines.append(line.rstrip())
        line = token.lstrip()
    lines.append(line.rstrip())
    fitted: list[str] = []
    for part in lines:
        while stringWidth(part, font, size) > width and len(part) > 1:
            cut = max(1, next((n for n in range(len(part) - 1, 0, -1)
                               if stringWidth(part[:n], font, size) <= width), 1))
            fitted.append(part[:cut])
            part = part[cut:]
        fitted.append(part)
    return [part for part in fitted if part] or [""]


def _fit(value: str, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while value and stringWidth(value, fonts.REGULAR, 7.5) > width:
        value = value[:-2] + "…"
    return value


def logo_image(png: bytes | None, max_width: float, max_height: float) -> Image | None:
    """The council's logo scaled to fit the box, or None (no logo, or unreadable)."""
    if not png:
        return None
    try:
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(BytesIO(png)).getSize()
    except Exception:  # noqa: BLE001 - a damaged logo must not prevent the document
        return None
    scale = min(max_width / width, max_height / height)
    return Image(BytesIO(png), width=width * scale, height=height * scale)


def letterhead(styles: Styles, council_name: str, logo: bytes | None,
               lines: list[tuple[str, str]], width: float) -> Flowable:
    """The council's name (with the logo on its left) above ``(text, style name)`` lines."""
    paragraphs = [text(council_name, styles.heading)]
    paragraphs += [text(value, getattr(styles, style)) for value, style in lines if value]
    image = logo_image(logo, 30 * mm, 20 * mm)
    if image is None:
        table = Table([[paragraphs]], colWidths=[width])
    else:
        table = Table([[image, paragraphs]], colWidths=[34 * mm, width - 34 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9),
    ]))
    return table

"""The list of members as a spreadsheet (.xlsx), a CSV file or a printed list (.pdf).

* xlsx: one write-only sheet, frozen header, widths, autofilter, dates as dates,
  every text cell neutralised against formula injection;
* CSV: what a French spreadsheet opens directly: UTF-8 with a BOM, ``;`` between
  values, CRLF line ends, dates as 25/11/2026, text neutralised;
* PDF: landscape A4, DejaVu embedded, the header row and "Page X / Y" on every
  page. The rows are laid out here, a page at a time with fixed row heights
  (the lines of each cell measured once), so that 100,000 members cost time in
  proportion, never one giant table that reportlab splits again and again; each
  page is drawn as a reportlab Table would draw it, its text in one text object.

Phone numbers and e-mail addresses appear only if their columns were asked
for (see :func:`~conseil_desktop.services.member_rows.choose_columns`).

A ``progress`` hook (``conseil_desktop.progress``) hears the rows written (every
500 in a workbook, 5,000 in a CSV, 2,000 laid out in a PDF) and the PDF's pages
drawn; a cancel it raises stops the writing there and leaves no file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conseil_desktop.export.files import atomic_output, output_format
from conseil_desktop.export.safety import FORMULA_STARTS, neutralise
from conseil_desktop.export.xlsx.cells import PHONE_NUMBER
from conseil_desktop.progress import OnProgress, Stage, report
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.member_rows import MemberColumn, MemberTable

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

FORMATS = ("xlsx", "csv", "pdf")
TITLE = "Liste des membres"

# Spreadsheet widths (characters) and PDF widths (relative) of each column.
_XLSX_WIDTHS = {
    "last_name": 22, "first_name": 18, "college": 15, "seat": 12, "status": 15,
    "roles": 28, "organisation": 34, "joined_on": 12, "mandate_end_on": 13,
    "phone": 16, "email": 30,
}
_PDF_WIDTHS = {
    "last_name": 15, "first_name": 13, "college": 10, "seat": 8.5, "status": 10,
    "roles": 14, "organisation": 18, "joined_on": 8, "mandate_end_on": 8,
    "phone": 10.5, "email": 19,
}


def export_members(
    table: MemberTable, path: Path, *, council_name: str, today: date | None = None,
    progress: OnProgress | None = None,
) -> None:
    """Write ``path`` (.xlsx, .csv or .pdf, from its extension), atomically."""
    kind = output_format(path, FORMATS, "les membres")
    with atomic_output(path) as temporary:
        if kind == "xlsx":
            write_members_xlsx(table, temporary, progress)
        elif kind == "csv":
            write_members_csv(table, temporary, progress)
        else:
            write_members_pdf(table, temporary, council_name=council_name,
                              today=today or date.today(), progress=progress)


# --- spreadsheet and CSV ------------------------------------------------------------


def write_members_xlsx(table: MemberTable, path: Path,
                       progress: OnProgress | None = None) -> None:
    """One sheet; its 100,000 rows are written by :mod:`~conseil_desktop.export.xlsx.fast_rows`
    (openpyxl's per-cell objects took longer than the 6 s goal on their own)."""
    from conseil_desktop.export.xlsx import saving
    from conseil_desktop.export.xlsx.fast_rows import style_id, write_rows
    from conseil_desktop.export.xlsx.sheets import (
        DATE_FORMAT,
        Column,
        new_workbook,
        start_sheet,
    )

    count = len(table.rows)
    with saving.writing(new_workbook()) as workbook:
        columns = [Column(c.header, _XLSX_WIDTHS[c.key]) for c in table.columns]
        sheet = start_sheet(workbook, "Membres", columns, count)
        dates = style_id(sheet, number_format=DATE_FORMAT)
        phones = style_id(sheet, quotePrefix=True)  # shown as typed, no visible apostrophe
        styles = [dates if c.is_date else phones if c.key == "phone" else None
                  for c in table.columns]
        report(progress, Stage.MEMBERS, 0, count)
        written = None if progress is None else (
            lambda done: progress(Stage.MEMBERS, done, count))
        write_rows(sheet, _xlsx_rows(table), styles, written)
        saving.save_workbook(workbook, path, progress)


def _xlsx_rows(table: MemberTable) -> Iterator[list[Any]]:
    """Text neutralised (a phone number, digits and spaces, needs nothing), dates as is."""
    plain = [c.is_date or c.key == "phone" for c in table.columns]
    phone = next((i for i, c in enumerate(table.columns) if c.key == "phone"), None)
    starts = FORMULA_STARTS
    for row in table.rows:
        values = [v if keep or not v or not v.startswith(starts) else "'" + v
                  for keep, v in zip(plain, row, strict=True)]
        if phone is not None and values[phone] and not PHONE_NUMBER.fullmatch(values[phone]):
            values[phone] = neutralise(values[phone])
        yield values


_CSV_BATCH = 5_000  # rows written between two reports (about 50 ms)


def write_members_csv(table: MemberTable, path: Path,
                      progress: OnProgress | None = None) -> None:
    formats: list[Callable[[Any], Any]] = [fmt_date if c.is_date else neutralise
                                           for c in table.columns]
    rows, count = table.rows, len(table.rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(c.header) for c in table.columns])
        for start in range(0, count, _CSV_BATCH):
            report(progress, Stage.MEMBERS, start, count)
            writer.writerows([[f(v) for f, v in zip(formats, row, strict=True)]
                              for row in rows[start:start + _CSV_BATCH]])
        report(progress, Stage.MEMBERS, count, count)


# --- PDF ------------------------------------------------------------------------------

_FONT_SIZE = 8
_LEADING = 9.6
_PAD_X, _PAD_TOP, _PAD_BOTTOM = 3.0, 2.0, 2.5
_MAX_LINES = 4  # a longer cell is cut with "…"
_UNBROKEN = {"college", "seat", "status", "joined_on", "mandate_end_on", "phone"}
_MEASURED = 20  # the longest values measured in those columns


@dataclass(frozen=True)
class _Page:
    rows: list[list[str]]  # cells, lines joined by "\n"
    heights: list[float]


def write_members_pdf(table: MemberTable, path: Path, *, council_name: str, today: date,
                      progress: OnProgress | None = None) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from conseil_desktop.export import fonts
    from conseil_desktop.export.pdf.layout import (
        BOTTOM_MARGIN,
        MARGIN,
        TOP_MARGIN,
        make_styles,
    )

    styles = make_styles()
    page_width, page_height = landscape(A4)
    width = page_width - 2 * MARGIN - 12  # the frame's padding
    height = page_height - TOP_MARGIN - BOTTOM_MARGIN - 12 - 1
    count = len(table.rows)
    heading = _heading(styles, council_name, today, count)
    first_page_room = height - sum(_height(f, width) for f in heading)
    widths = _column_widths(table.columns, width, _minimum_widths(table))
    layout = _Layout(widths)
    header = layout.row([c.header for c in table.columns], fonts.CONDENSED_BOLD)
    pages = _paginate(table, layout, layout.height(header), first_page_room, height, progress)
    story: list[Flowable] = list(heading)
    for number, page in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.append(_page_grid(header, page, widths, layout.height(header)))
    footer = f"{council_name} — {TITLE} — éditée le {fmt_date(today)}"
    total = max(1, len(pages))
    doc = SimpleDocTemplate(
        str(path), pagesize=(page_width, page_height), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=TITLE,
        author="Conseil Desktop", creator="Conseil Desktop", lang="fr-FR",
        initialFontName=fonts.REGULAR, initialFontSize=10,
    )
    draw = _footer_drawer(footer, total, page_width, progress)
    doc.build(story, onFirstPage=draw, onLaterPages=draw, canvasmaker=_saving_canvas(progress))


def _heading(styles: Any, council_name: str, today: date, count: int) -> list[Flowable]:
    from conseil_desktop.export.pdf.layout import text

    members = f"{count} membre{'s' if count > 1 else ''}" if count else "aucun membre"
    return [text(TITLE, styles.title),
            text(f"{council_name} — au {fmt_date(today)} — {members}", styles.subtitle)]


def _height(flowable: Flowable, width: float) -> float:
    _, height = flowable.wrap(width, 10_000)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _column_widths(columns: Sequence[MemberColumn], width: float,
                   minimums: Sequence[float] | None = None) -> list[float]:
    """``width`` shared by the columns' weights, each at least its minimum (taken from
    the others) as long as the minimums fit the page."""
    weights = [_PDF_WIDTHS[c.key] for c in columns]
    if minimums is None or sum(minimums) >= width:
        minimums = [0.0] * len(weights)
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        scale = (width - sum(fixed.values())) / sum(weights[i] for i in free)
        short = [i for i in free if weights[i] * scale < minimums[i]]
        if not short:
            return [fixed.get(i, w * scale) for i, w in enumerate(weights)]
        fixed.update((i, minimums[i]) for i in short)


def _minimum_widths(table: MemberTable) -> list[float]:
    """Each column as wide as its header's longest word, and the columns of short values
    (dates, phone, college, seat, status) as wide as their longest value: "05/05/2025"
    or "06 12 34 56 78" is never cut in two."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from conseil_desktop.export import fonts

    fonts.register_fonts()
    minimums = []
    for index, column in enumerate(table.columns):
        words = column.header.split() or [""]
        needed = max(stringWidth(w, fonts.CONDENSED_BOLD, _FONT_SIZE) for w in words)
        if column.key in _UNBROKEN:
            show = fmt_date if column.is_date else str
            values = {show(row[index]) for row in table.rows}
            longest = sorted(values, key=len, reverse=True)[:_MEASURED]
            needed = max([needed, *(stringWidth(v, fonts.CONDENSED, _FONT_SIZE)
                                    for v in longest)])
        minimums.append(needed + 2 * _PAD_X + 1)
    return minimums


class _Layout:
    """Cell text cut into lines that fit their column, each distinct text measured once."""

    def __init__(self, widths: list[float]) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from conseil_desktop.export import fonts

        self._room = [w - 2 * _PAD_X for w in widths]
        self._measure = stringWidth
        self._font = fonts.CONDENSED
        self._cache: list[dict[str, str]] = [{} for _ in widths]

    def row(self, texts: Sequence[str], font: str | None = None) -> list[str]:
        return [self.cell(i, t, font) for i, t in enumerate(texts)]

    def cell(self, column: int, value: str, font: str | None = None) -> str:
        cache = self._cache[column] if font is None else {}
        found = cache.get(value)
        if found is None:
            found = "\n".join(self._wrap(value, self._room[column], font or self._font))
            cache[value] = found
        return found

    def height(self, cells: Sequence[str]) -> float:
        lines = max((c.count("\n") + 1 for c in cells), default=1)
        return lines * _LEADING + _PAD_TOP + _PAD_BOTTOM

    def _wrap(self, value: str, room: float, font: str) -> list[str]:
        from reportlab.lib.utils import simpleSplit

        if self._measure(value, font, _FONT_SIZE) <= room:
            return [value]
        lines: list[str] = []
        for line in simpleSplit(value, font, _FONT_SIZE, room):
            lines += self._cut(line, room, font)  # a word wider than the column
        if len(lines) > _MAX_LINES:
            lines = [*lines[:_MAX_LINES - 1], lines[_MAX_LINES - 1][:-1] + "…"]
        return lines

    def _cut(self, line: str, room: float, font: str) -> list[str]:
        pieces: list[str] = []
        while self._measure(line, font, _FONT_SIZE) > room and len(line) > 1:
            end = len(line) - 1
            while end > 1 and self._measure(line[:end], font, _FONT_SIZE) > room:
                end -= 1
            pieces.append(line[:end])
            line = line[end:]
        return [*pieces, line]


_LAID_OUT = 2_000  # rows laid out between two reports (about 100 ms)


def _paginate(table: MemberTable, layout: _Layout, header_height: float,
              first_room: float, room: float, progress: OnProgress | None = None,
              ) -> list[_Page]:
    """Rows grouped by page: each page holds what fits under its header row."""
    texts = [fmt_date if c.is_date else str for c in table.columns]
    pages: list[_Page] = []
    rows: list[list[str]] = []
    heights: list[float] = []
    left = first_room - header_height
    count = len(table.rows)
    for number, row in enumerate(table.rows):
        if number % _LAID_OUT == 0:
            report(progress, Stage.MEMBERS, number, count)
        cells = [layout.cell(i, f(v)) for i, (f, v) in enumerate(zip(texts, row, strict=True))]
        needed = layout.height(cells)
        if rows and needed > left:
            pages.append(_Page(rows, heights))
            rows, heights, left = [], [], room - header_height
        rows.append(cells)
        heights.append(needed)
        left -= needed
    if rows:
        pages.append(_Page(rows, heights))
    return pages


def _page_grid(header: list[str], page: _Page, widths: list[float],
               header_height: float) -> Flowable:
    """A page of the register, drawn as a reportlab Table with these cells and styles
    would draw it (the header row shaded, striped rows, thin rules, text at the top of
    each cell), but with one text object for the whole page: the Table's per-cell
    styles and one text object per line took most of the time of a 3,000-page list."""
    return _grid_class()(header, page, widths, header_height)


@cache
def _grid_class() -> type[Flowable]:
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    from conseil_desktop.export import fonts
    from conseil_desktop.export.pdf.layout import (
        ACCENT,
        HEADER_FILL,
        INK,
        RULE,
        STRIPE_FILL,
    )

    class PageGrid(Flowable):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, header: list[str], page: _Page, widths: list[float],
                     header_height: float) -> None:
            super().__init__()
            self._rows = [header, *page.rows]
            self._heights = [header_height, *page.heights]
            self._columns = [0.0]
            for w in widths:
                self._columns.append(self._columns[-1] + w)
            self.width, self.height = self._columns[-1], sum(self._heights)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            canvas, width = self.canv, self.width
            tops = [self.height]
            for h in self._heights:
                tops.append(tops[-1] - h)
            canvas.saveState()
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(0, tops[0], width, -self._heights[0], stroke=0, fill=1)
            # White rows are painted too, as the Table did: a viewer smooths text
            # drawn over a painted row a little differently from text on bare paper.
            for row in range(1, len(self._rows)):
                canvas.setFillColor(STRIPE_FILL if row % 2 == 0 else colors.white)
                canvas.rect(0, tops[row], width, -self._heights[row], stroke=0, fill=1)
            self._draw_text(tops)
            canvas.saveState()
            canvas.setLineCap(1)
            canvas.setLineJoin(1)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.25)
            for y in tops[2:]:
                canvas.line(0, y, width, y)
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(0.8)
            canvas.line(0, tops[1], width, tops[1])
            canvas.restoreState()
            canvas.restoreState()

        def _draw_text(self, tops: list[float]) -> None:
            text = self.canv.beginText()
            text.setFillColor(INK)
            lefts = [x + _PAD_X for x in self._columns[:-1]]
            for number, (cells, top) in enumerate(zip(self._rows, tops, strict=False)):
                if number < 2:  # the header in bold, then the rows
                    text.setFont(fonts.CONDENSED_BOLD if number == 0 else fonts.CONDENSED,
                                 _FONT_SIZE, _LEADING)
                first = top - _PAD_TOP - _FONT_SIZE
                for x, cell in zip(lefts, cells, strict=True):
                    if not cell:
                        continue
                    y = first
                    for line in cell.split("\n"):
                        text.setTextOrigin(x, y)
                        # Each line ends with T* (next line), as drawString's do: text tools
                        # read a row's cells apart. textOut would also measure every line.
                        text._textOut(line, 1)
                        y -= _LEADING
            self.canv.drawText(text)

    return PageGrid


def _saving_canvas(progress: OnProgress | None) -> Any:
    """reportlab's canvas, telling ``progress`` when it writes the file (seconds for
    thousands of pages, during which a cancel waits)."""
    from reportlab.pdfgen.canvas import Canvas

    class SavingCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def save(self) -> None:
            report(progress, Stage.SAVING, 0, 1)
            super().save()

    return SavingCanvas


def _footer_drawer(footer: str, total: int, page_width: float,
                   progress: OnProgress | None = None) -> Callable[[Any, Any], None]:
    """Draws the footer and "Page X / Y": the pages are counted before building.
    ``progress`` hears each page as it begins."""
    from reportlab.lib.units import mm

    from conseil_desktop.export import fonts
    from conseil_desktop.export.pdf.layout import BOTTOM_MARGIN, MARGIN, MUTED, RULE

    def draw(canvas: Any, _doc: Any) -> None:
        report(progress, Stage.PAGES, canvas.getPageNumber() - 1, total)
        y = BOTTOM_MARGIN - 8 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 4 * mm, page_width - MARGIN, y + 4 * mm)
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, y, footer)
        canvas.drawRightString(page_width - MARGIN, y,
                               f"Page {canvas.getPageNumber()} / {total}")
        canvas.restoreState()

    return draw

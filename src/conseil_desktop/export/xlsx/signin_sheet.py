"""The sign-in sheet as a spreadsheet, ready to print.

The same content as the PDF (:mod:`conseil_desktop.export.signin_rows`): a
heading block, the header row (frozen, and repeated on every printed page),
one numbered row per invitee and the blank rows, tall enough to sign, then
the signature lines of the chair and the secretary and the GDPR notice.
Printed on A4, fitted to the page width, "Page X / Y" at the foot. Every text
is neutralised against formula injection.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.safety import neutralise
from conseil_desktop.export.signin_rows import (
    COLUMNS,
    TITLE,
    SigninOptions,
    agenda_lines,
    counts_line,
    headers,
    heading_lines,
    officer_lines,
    sheet_rows,
)
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot

HEADER_ROW = 6  # the column titles; rows 1-5 hold the heading block
ROW_POINTS = 28.5  # 10 mm: room to sign
TOTAL_WIDTH = 112  # characters across the columns; printing fits them to the page width
LINE_POINTS = 14.5  # one line of 11 pt text
_THIN = Side(style="thin", color="B9C6D3")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MIDDLE = Alignment(vertical="center", wrap_text=True, shrink_to_fit=False)
_CENTRE = Alignment(horizontal="center", vertical="center")
_HEAD_FILL = PatternFill("solid", fgColor="DDE7F1")
_GROUP_FILL = PatternFill("solid", fgColor="F4F7FA")


def write_signin_sheet_xlsx(path: Path, snapshot: MeetingSnapshot,
                            options: SigninOptions | None = None) -> None:
    """Write the sign-in sheet of ``snapshot`` to ``path`` (.xlsx, atomically)."""
    options = options or SigninOptions()
    keys = options.keys()
    # The output is claimed first: an unwritable folder is told before any sheet is built.
    with atomic_output(path) as temporary:
        _workbook(snapshot, options, keys).save(str(temporary))


def _workbook(snapshot: MeetingSnapshot, options: SigninOptions,
              keys: tuple[str, ...]) -> Workbook:
    workbook = Workbook(write_only=True)
    sheet: WriteOnlyWorksheet = workbook.create_sheet("Émargement")
    _page_setup(sheet, options, len(keys))
    total = sum(COLUMNS[k][1] for k in keys)
    widths = [COLUMNS[k][1] * TOTAL_WIDTH / total for k in keys]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _heading(sheet, snapshot, options, len(keys))
    sheet.row_dimensions[HEADER_ROW].height = 20
    sheet.append([_styled(sheet, title, Font(bold=True), _HEAD_FILL, _MIDDLE)
                  for title in headers(keys)])
    row_number = HEADER_ROW
    number_column = keys.index("number") if "number" in keys else None
    cells = _DataCells(sheet)
    for row in sheet_rows(snapshot, options):
        row_number += 1
        if row.group:
            sheet.merged_cells.add(f"A{row_number}:{get_column_letter(len(keys))}{row_number}")
            sheet.append([_styled(sheet, row.group, Font(bold=True, color="24527A"),
                                  _GROUP_FILL, _MIDDLE)])
            continue
        sheet.row_dimensions[row_number].height = fitted_height(row.cells, widths, ROW_POINTS)
        sheet.append([cells.make(value, column == number_column)
                      for column, value in enumerate(row.cells)])
    _foot(sheet, snapshot, options, len(keys), row_number)
    return workbook


def _page_setup(sheet: WriteOnlyWorksheet, options: SigninOptions, width: int) -> None:
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.orientation = "landscape" if options.landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.right.text = "Page &P / &N"
    sheet.oddFooter.left.text = TITLE
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _heading(sheet: WriteOnlyWorksheet, s: MeetingSnapshot, options: SigninOptions,
             width: int) -> None:
    body, when, place = heading_lines(s)
    title = TITLE + (" — exemplaire d'archive (présences enregistrées)"
                     if options.with_attendance else "")
    agenda = agenda_lines(s)
    lines = [
        (s.council_name, Font(bold=True, size=14, color="24527A"), 22),
        (f"{title} — {body}", Font(bold=True, size=11), 18),
        (" · ".join(x for x in (when, place) if x), Font(size=10), 16),
        ("Ordre du jour : " + "   ".join(agenda) if agenda else "", Font(italic=True, size=9),
         30),
        ("", Font(size=9), 8),
    ]
    last = get_column_letter(width)
    for number, (value, font, height) in enumerate(lines, start=1):
        sheet.merged_cells.add(f"A{number}:{last}{number}")
        sheet.row_dimensions[number].height = fitted_height([value], [TOTAL_WIDTH * 0.9], height)
        align = Alignment(vertical="top", wrap_text=True)
        sheet.append([_styled(sheet, value, font, None, align, border=False)])


def _foot(sheet: WriteOnlyWorksheet, s: MeetingSnapshot, options: SigninOptions,
          width: int, row_number: int) -> None:
    chair, secretary = officer_lines(s)
    last = get_column_letter(width)
    lines: list[tuple[str, float, Font]] = [("", 10, Font())]
    if options.with_attendance:
        lines.append((counts_line(s), 30, Font(size=10)))
    lines += [
        ("Le ou la président·e de séance (animateur·rice) : " + chair, 45, Font(bold=True)),
        ("Le ou la secrétaire de séance : " + secretary, 45, Font(bold=True)),
    ]
    if s.gdpr_notice:
        lines.append((s.gdpr_notice, 45, Font(italic=True, size=8, color="5F6B7A")))
    for value, height, font in lines:
        row_number += 1
        sheet.merged_cells.add(f"A{row_number}:{last}{row_number}")
        sheet.row_dimensions[row_number].height = fitted_height([value], [TOTAL_WIDTH], height)
        sheet.append([_styled(sheet, value, font, None,
                              Alignment(vertical="top", wrap_text=True), border=False)])


def fitted_height(values: Sequence[str], widths: Sequence[float], least: float) -> float:
    """A row height (points) showing every wrapped text whole: at least ``least``."""
    lines = max((math.ceil(len(v) / max(w - 2, 1)) for v, w in zip(values, widths, strict=True) if v),
                default=1)
    return max(least, lines * LINE_POINTS + 4)


def _styled(sheet: WriteOnlyWorksheet, value: str, font: Font, fill: PatternFill | None,
            align: Alignment, *, border: bool = True) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=neutralise(value) if value else None)
    cell.font = font
    cell.alignment = align
    if fill is not None:
        cell.fill = fill
    if border:
        cell.border = _GRID
    return cell


class _DataCells:
    """Grid cells, styled once: assigning a style per cell costs a hash of the style
    objects each time (about 0.1 ms), so each new cell copies a template's style ids.
    """

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.text = WriteOnlyCell(sheet)
        self.text.alignment, self.text.border = _MIDDLE, _GRID
        self.number = WriteOnlyCell(sheet)
        self.number.alignment, self.number.border = _CENTRE, _GRID

    def make(self, value: str, is_number: bool) -> WriteOnlyCell:
        if is_number:
            cell = WriteOnlyCell(self.sheet, value=int(value))
            cell._style = copy(self.number._style)
        else:
            cell = WriteOnlyCell(self.sheet, value=neutralise(value) if value else None)
            cell._style = copy(self.text._style)
        return cell

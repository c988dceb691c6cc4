"""Write-only openpyxl sheets: a bold frozen header, column widths, an
autofilter over the data, money in euros as numbers, dates as dates, and
every text cell neutralised against formula injection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from conseil_desktop.export.safety import neutralise

MONEY_FORMAT = "#,##0.00 €"
DATE_FORMAT = "DD/MM/YYYY"
_HEADER_FONT = Font(bold=True, color="1F2933")
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F1")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="24527A"))
_HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)


class Kind(Enum):
    TEXT = "text"
    MONEY = "money"  # integer cents, written as euros
    DATE = "date"
    NUMBER = "number"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    kind: Kind = Kind.TEXT


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def add_sheet(
    workbook: Workbook, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]],
    written: Callable[[int], None] | None = None,
) -> None:
    """Append a sheet; a row's values follow ``columns`` (cents for money columns).
    ``written`` (if given) hears the number of rows written every 1,000 rows."""
    sheet = start_sheet(workbook, title, columns, len(rows))
    writers = [_WRITERS[column.kind] for column in columns]
    for number, row in enumerate(rows):
        if written is not None and number % 1000 == 0:
            written(number)
        sheet.append([write(sheet, value) for write, value in zip(writers, row, strict=True)])


def start_sheet(
    workbook: Workbook, title: str, columns: Sequence[Column], row_count: int,
    header: Sequence[WriteOnlyCell] | None = None,
) -> WriteOnlyWorksheet:
    """A new sheet with its widths, frozen bold header row and an autofilter over
    ``row_count`` data rows, which the caller appends. ``header`` can give the header
    cells already made (:func:`header_cells`), for many sheets alike."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{row_count + 1}"
    sheet.append(list(header) if header else header_cells(sheet, columns))
    return sheet


def header_cells(sheet: WriteOnlyWorksheet, columns: Sequence[Column]) -> list[WriteOnlyCell]:
    """The styled header cells of ``columns``. A write-only sheet writes a row when it is
    appended, so the same cells can head every sheet of the workbook."""
    return [header_cell(sheet, column.header) for column in columns]


def save(workbook: Workbook, path: Path) -> None:
    workbook.save(str(path))


def header_cell(sheet: WriteOnlyWorksheet, header: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=neutralise(header))
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.border = _HEADER_BORDER
    cell.alignment = _HEADER_ALIGNMENT
    return cell


def _text(_sheet: WriteOnlyWorksheet, value: Any) -> Any:
    if value is None or value == "":
        return None
    return neutralise(str(value))


def _money(sheet: WriteOnlyWorksheet, cents: int | None) -> WriteOnlyCell | None:
    if cents is None:
        return None
    # A float shows the same figure: cents / 100 prints back as exactly two decimals.
    cell = WriteOnlyCell(sheet, value=cents / 100)
    cell.number_format = MONEY_FORMAT
    return cell


def _date(sheet: WriteOnlyWorksheet, day: date | None) -> WriteOnlyCell | None:
    if day is None:
        return None
    cell = WriteOnlyCell(sheet, value=day)
    cell.number_format = DATE_FORMAT
    return cell


def _number(_sheet: WriteOnlyWorksheet, value: int | None) -> int | None:
    return value


_WRITERS: dict[Kind, Callable[[WriteOnlyWorksheet, Any], Any]] = {
    Kind.TEXT: _text, Kind.MONEY: _money, Kind.DATE: _date, Kind.NUMBER: _number,
}

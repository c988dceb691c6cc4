"""Large write-only sheets: data rows serialised in batches, not cell by cell.

openpyxl's write-only sheet turns every appended value into a cell object,
then writes it through several nested XML contexts: on the 100,000-row
members register that alone took longer than the 6 s goal. Here the header
still goes through openpyxl (styled cells); then, for this sheet only, the
data rows are written as XML text a few hundred at a time, parsed back by lxml
(a declared dependency, so the text is checked well-formed) and handed, row
element by row element, to openpyxl's own XML stream. The workbook, its
styles, widths, frozen panes, autofilter and conditional formats are still
openpyxl's; only the data cells are serialised here, the way openpyxl does
(inline strings, dates as serial numbers with a date style).

A row's values must be ready: text already neutralised (``safety.neutralise``),
dates as :class:`datetime.date`, numbers as int or float, None for empty.
A column can carry a style (a date format, the quote prefix of phone numbers),
registered once in the workbook with :func:`style_id`. A ``progress`` callable
hears the number of rows written after every batch (about every 10 ms), and may
raise to stop the writing there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from lxml import etree
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

BATCH = 500  # rows parsed at once
_EXCEL_DAY_ZERO = date(1899, 12, 30).toordinal()
_FIRST_PLAIN_DAY = date(1900, 3, 1)  # before it, Excel's 1900 leap-year quirk applies
# What text cannot hold as is: markup characters, and control characters XML refuses
# (dropped, as openpyxl refuses them); a carriage return is kept as a reference.
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f]")
_REPLACEMENTS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
Row = Sequence[Any] | dict[int, Any]


def style_id(sheet: WriteOnlyWorksheet, **style: Any) -> str:
    """The workbook's index of a cell style (``number_format="DD/MM/YYYY"``, ...)."""
    cell = WriteOnlyCell(sheet)
    for name, value in style.items():
        setattr(cell, name, value)
    return str(cell.style_id)


def write_rows(
    sheet: WriteOnlyWorksheet, rows: Iterable[Row], styles: Sequence[str | None] = (),
    progress: Callable[[int], None] | None = None,
) -> None:
    """Append ``rows`` after the header row already appended to ``sheet``;
    ``styles[i]`` is the style of column i (see :func:`style_id`). A row is a
    sequence of values, or a dict {column index: value} in increasing column
    order for a sparse row. ``progress(rows_written)`` is called after each batch."""
    writer = sheet._writer  # openpyxl internals: the point of this module
    if writer is None:
        raise ValueError("write_rows needs the header row appended first")
    batch = _Batch(list(styles), progress)
    sheet._values_to_row = _as_is  # type: ignore[method-assign]
    writer.write_row = batch.add
    try:
        for row in rows:
            sheet.append(_Sparse(row.items()) if isinstance(row, dict) else row)
        batch.flush()
    finally:
        del sheet._values_to_row  # back to openpyxl's own
        del writer.write_row


class _Sparse(tuple[tuple[int, Any], ...]):
    """A sparse row's (column, value) pairs, as a tuple: what openpyxl's append accepts."""

    __slots__ = ()


def _as_is(values: Sequence[Any], _index: int) -> Sequence[Any]:
    return values


class _Batch:
    """Rows turned into XML text as they come, written every ``BATCH`` rows."""

    def __init__(self, styles: list[str | None],
                 progress: Callable[[int], None] | None = None) -> None:
        self._styles = styles
        self._progress = progress
        self._letters: list[str] = []
        self._parts: list[str] = []
        self._count = 0
        self._written = 0
        self._xf: Any = None

    def add(self, xf: Any, values: Sequence[Any], index: int) -> None:
        self._xf = xf  # openpyxl's stream: the same object for every row of the sheet
        if isinstance(values, _Sparse):
            cells: Iterable[tuple[int, Any]] = values
            width = values[-1][0] + 1 if values else 0
        else:
            cells, width = enumerate(values), len(values)
        if width > len(self._letters):
            self._letters = [get_column_letter(n) for n in range(1, width + 1)]
        self._parts.append(_row_xml(cells, str(index), self._letters, self._styles))
        self._count += 1
        if self._count >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._count:
            return
        root = etree.fromstring("".join(("<rows>", *self._parts, "</rows>")))
        for row in root:
            self._xf.write(row)
        self._written += self._count
        self._parts, self._count = [], 0
        if self._progress is not None:
            self._progress(self._written)


def _row_xml(values: Iterable[tuple[int, Any]], number: str, letters: list[str],
             styles: list[str | None]) -> str:
    cells = [f'<row r="{number}">']
    special, zero, first_plain = _SPECIAL.search, _EXCEL_DAY_ZERO, _FIRST_PLAIN_DAY
    for column, value in values:
        if value is None or value == "":
            continue
        style = styles[column] if column < len(styles) else None
        where = f'r="{letters[column]}{number}"' + (f' s="{style}"' if style else "")
        if isinstance(value, str):
            if special(value):
                value = _SPECIAL.sub(_replace, value)
            edges = value[:1] + value[-1:]
            space = ' xml:space="preserve"' if edges.strip() != edges else ""
            cells.append(f'<c {where} t="inlineStr"><is><t{space}>{value}</t></is></c>')
        elif isinstance(value, bool):
            cells.append(f'<c {where} t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, date) and not isinstance(value, datetime):
            serial = value.toordinal() - zero if value >= first_plain else to_excel(value)
            cells.append(f'<c {where} t="n"><v>{serial}</v></c>')
        elif isinstance(value, int | float):
            cells.append(f'<c {where} t="n"><v>{value!r}</v></c>')
        else:
            raise TypeError(f"Valeur inattendue dans un tableur : {type(value).__name__}")
    cells.append("</row>")
    return "".join(cells)


def _replace(found: re.Match[str]) -> str:
    return _REPLACEMENTS.get(found.group(), "")

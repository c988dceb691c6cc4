"""Spreadsheet cells that need a style in write-only mode: phone numbers.

A phone number is text with Excel's quote prefix: ``+4930…`` shows as typed,
without a visible apostrophe, and can never be read as a formula. Anything
that is not digits and spaces is neutralised like any other text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from conseil_desktop.export.safety import neutralise

if TYPE_CHECKING:
    from openpyxl import Workbook

PHONE_NUMBER = re.compile(r"\+?[0-9][0-9 ]*")  # digits and spaces: never a formula


class WorkbookRef:
    """What a write-only cell needs to be styled before its sheet exists."""

    title = "cellule"  # shown by Cell.__repr__, which a sheet calls on a cell it is given

    def __init__(self, workbook: Workbook) -> None:
        self.parent = workbook


def phone_filler(workbook: Workbook, *, reuse: bool) -> Callable[[str], Any]:
    """A function turning a displayed phone number into what a row should hold.

    ``reuse=True`` refills one cell, which is only right when each row is appended
    before the next is built (the 100k-row members export); otherwise every
    number gets its own cell.
    """
    from openpyxl.cell import WriteOnlyCell

    shared = WriteOnlyCell(WorkbookRef(workbook))  # type: ignore[arg-type]
    shared.quotePrefix = True

    def fill(shown: str) -> Any:
        if not shown:
            return None
        if not PHONE_NUMBER.fullmatch(shown):
            return neutralise(shown)
        cell = shared if reuse else WriteOnlyCell(WorkbookRef(workbook))  # type: ignore[arg-type]
        cell.quotePrefix = True
        cell.value = shown
        return cell

    return fill

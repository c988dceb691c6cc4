"""The *relevé de décisions* as a spreadsheet: one sheet, frozen header, widths,
autofilter, dates as dates, every text neutralised against formula injection."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.xlsx.sheets import (
    Column,
    Kind,
    add_sheet,
    new_workbook,
    save,
)
from conseil_desktop.services.decision_register import DecisionRow

COLUMNS = (
    Column("N°", 6, Kind.NUMBER),
    Column("Décision", 60),
    Column("Vote", 28),
    Column("Date de la réunion", 12, Kind.DATE),
    Column("Réunion", 32),
    Column("Responsable", 26),
    Column("Échéance", 12, Kind.DATE),
    Column("État", 20),
)
SHEET_TITLE = "Décisions"


def write_decisions_xlsx(path: Path, rows: Sequence[DecisionRow], title: str) -> None:
    """Write the register of ``rows`` to ``path`` (atomically); ``title`` names the
    workbook (its properties), the sheet is called "Décisions"."""
    values = [[n, r.text, r.vote, r.meeting_date, r.meeting_title, r.owner, r.deadline,
               r.status] for n, r in enumerate(rows, start=1)]
    with atomic_output(path) as temporary:  # first: an unwritable folder stops it here
        workbook = new_workbook()
        workbook.properties.title = title
        add_sheet(workbook, SHEET_TITLE, COLUMNS, values)
        save(workbook, temporary)

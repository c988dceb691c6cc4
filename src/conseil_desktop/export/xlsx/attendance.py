"""The attendance workbook: a summary, the list of meetings, a members × meetings
matrix of codes P / E / A / R with rates and conditional colours, then one sheet
per meeting (invitees, status, proxy holder, arrival and departure).

Every text is neutralised against formula injection; sheet names are unique,
at most 31 characters, without the characters a sheet name cannot hold. The
big sheets' rows go through ``fast_rows`` (one lxml element per row).

A ``progress`` hook (``conseil_desktop.progress``) hears the matrix rows, the
meeting sheets and the saving, sheet by sheet; a cancel it raises stops the
writing within a few milliseconds and leaves no file, temporary ones included.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.safety import neutralise
from conseil_desktop.export.xlsx import saving
from conseil_desktop.export.xlsx.cells import WorkbookRef
from conseil_desktop.export.xlsx.fast_rows import style_id, write_rows
from conseil_desktop.export.xlsx.sheets import (
    DATE_FORMAT,
    Column,
    header_cell,
    header_cells,
    new_workbook,
    start_sheet,
)
from conseil_desktop.progress import OnProgress, Stage, report
from conseil_desktop.services.attendance_matrix import (
    LEGEND,
    RATE_RULE,
    AttendanceWorkbookData,
    MeetingSheet,
    MemberLine,
    SummaryLine,
    Tally,
)
from conseil_desktop.services.formatting import fmt_time

PERCENT = "0%"
CODE_FILLS = {  # code: (fill, font colour)
    "P": ("C6EFCE", "1E6B34"), "R": ("DDEBF7", "1F4E79"),
    "E": ("FFF2CC", "7F6000"), "A": ("F8CBAD", "9C0006"),
}
_INVALID_IN_NAME = re.compile(r"[\[\]:*?/\\]")
_MEETING_COLUMNS = (
    Column("N°", 6), Column("Nom", 24), Column("Prénom", 18), Column("Collège", 15),
    Column("Structure", 26), Column("Statut", 12), Column("Pouvoir donné à", 26),
    Column("Arrivée", 9), Column("Départ", 9),
)
_LIST_COLUMNS = (
    Column("Date", 12), Column("Type", 22), Column("Réunion", 34), Column("Lieu", 26),
    Column("Invités", 9), Column("Présents", 9), Column("Représentés", 12),
    Column("Excusés", 9), Column("Absents", 9), Column("Non renseignés", 14),
    Column("Taux de présence", 12), Column("Feuille", 30),
)
_TALLY_HEADERS = ("Invitations", "Présents", "Représentés", "Excusés", "Absents",
                  "Non renseignés", "Taux de présence")


def write_attendance_workbook(path: Path, data: AttendanceWorkbookData,
                              progress: OnProgress | None = None) -> None:
    """Write the workbook of ``data`` to ``path`` (atomically), telling ``progress``
    about every 500 matrix rows, every meeting sheet and every sheet saved."""
    with atomic_output(path) as temporary, saving.writing(new_workbook()) as workbook:
        workbook.properties.title = f"Présences — {data.period}"
        names = sheet_names(data.meetings)
        _summary(workbook, data)
        _meeting_list(workbook, data, names)
        _matrix(workbook, data, progress)
        # Made once: 2,000 meetings would otherwise style 18,000 header cells.
        header = header_cells(WorkbookRef(workbook), _MEETING_COLUMNS)  # type: ignore[arg-type]
        count = len(data.meetings)
        for done, (meeting, name) in enumerate(zip(data.meetings, names, strict=True)):
            report(progress, Stage.SHEETS, done, count)
            _meeting_sheet(workbook, meeting, name, header)
        report(progress, Stage.SHEETS, count, count)
        saving.save_workbook(workbook, temporary, progress)


def sheet_names(meetings: Sequence[MeetingSheet]) -> list[str]:
    """``2026-11-24 Assemblée plénière``: valid, at most 31 characters, unique
    (case-insensitively, like Excel), never one of the workbook's own sheets."""
    taken = {"synthèse", "réunions", "matrice des présences"}
    names = []
    for meeting in meetings:
        base = _INVALID_IN_NAME.sub("-", f"{meeting.date.isoformat()} {meeting.type_label}")
        base = base.strip().strip("'")[:31].rstrip() or meeting.date.isoformat()
        name, n = base, 2
        while name.casefold() in taken:
            suffix = f" ({n})"
            name = base[:31 - len(suffix)].rstrip() + suffix
            n += 1
        taken.add(name.casefold())
        names.append(name)
    return names


def _rate(tally: Tally) -> float | None:
    return None if tally.rate is None else round(tally.rate, 4)


def _tally_values(tally: Tally) -> list[Any]:
    return [tally.invited, tally.present, tally.represented, tally.excused, tally.absent,
            tally.not_recorded, _rate(tally)]


def _text(value: str) -> str | None:
    return neutralise(value) if value else None


def _summary(workbook: Workbook, data: AttendanceWorkbookData) -> None:
    sheet: WriteOnlyWorksheet = workbook.create_sheet("Synthèse")
    for letter, width in zip("ABCDEFGHI", (30, 12, 13, 13, 13, 11, 11, 16, 17), strict=True):
        sheet.column_dimensions[letter].width = width
    title = WriteOnlyCell(sheet, value=f"Présences — {data.period}")
    title.font = Font(bold=True, size=14, color="24527A")
    sheet.append([title])
    sheet.append([_text(data.council_name)])
    sheet.append([f"{len(data.meetings)} réunion{'s' if len(data.meetings) > 1 else ''}, "
                  f"{len(data.members)} personne{'s' if len(data.members) > 1 else ''} invitée"
                  f"{'s' if len(data.members) > 1 else ''} ; taux de présence moyen : "
                  + (f"{round(data.total.rate * 100)} %" if data.total.rate is not None
                     else "non renseigné")])
    sheet.append([RATE_RULE])
    sheet.append([LEGEND])
    _summary_table(sheet, "Réunions par type", "Réunions", data.by_type, meetings=True)
    _summary_table(sheet, "Présences par collège", "Personnes", data.by_college,
                   meetings=False)


def _summary_table(sheet: WriteOnlyWorksheet, title: str, count_header: str,
                   lines: list[SummaryLine], *, meetings: bool) -> None:
    sheet.append([])
    sheet.append([header_cell(sheet, h) for h in (title, count_header, *_TALLY_HEADERS)])
    for line in lines:
        values = _tally_values(line.tally)
        rate = WriteOnlyCell(sheet, value=values[-1])
        rate.number_format = PERCENT
        count = line.meetings if meetings else line.people
        sheet.append([_text(line.label), count, *values[:-1], rate])


def _meeting_list(workbook: Workbook, data: AttendanceWorkbookData, names: list[str]) -> None:
    sheet = start_sheet(workbook, "Réunions", _LIST_COLUMNS, len(data.meetings))
    styles: list[str | None] = [None] * len(_LIST_COLUMNS)
    styles[0] = style_id(sheet, number_format=DATE_FORMAT)
    styles[10] = style_id(sheet, number_format=PERCENT)
    rows = ([m.date, _text(m.type_label), _text(m.title), _text(m.place),
             *_tally_values(m.tally)[:6], _rate(m.tally), name]
            for m, name in zip(data.meetings, names, strict=True))
    write_rows(sheet, rows, styles)


def _matrix(workbook: Workbook, data: AttendanceWorkbookData,
            progress: OnProgress | None = None) -> None:
    count, members = len(data.meetings), len(data.members)
    sheet = _matrix_sheet(workbook, data)
    percent = style_id(sheet, number_format=PERCENT)
    centred = style_id(sheet, alignment=Alignment(horizontal="center"))
    rows = (_matrix_row(m, count) for m in data.members)
    report(progress, Stage.MEMBERS, 0, members)
    written = None if progress is None else (
        lambda done: progress(Stage.MEMBERS, done, members))
    write_rows(sheet, rows, [None, None, None, *[centred] * count, None, None, percent],
               written)
    # Below the filtered range, so that sorting the members leaves them in place.
    rates = ["Taux de présence par réunion", None, None, *[_rate(m.tally) for m in data.meetings]]
    write_rows(sheet, [[], rates, [LEGEND]], [None, None, None, *[percent] * count])
    _colour_matrix(sheet, data)


def _matrix_row(member: MemberLine, count: int) -> dict[int, Any]:
    """A sparse row (column -> value): over years, most cells of the matrix are empty."""
    row: dict[int, Any] = {0: _text(member.last_name), 1: _text(member.first_name),
                           2: _text(member.college_label)}
    row.update((3 + column, code) for column, code in sorted(member.codes.items()))
    tally = member.tally
    row.update({3 + count: tally.present + tally.represented, 4 + count: tally.recorded,
                5 + count: _rate(tally)})
    return row


def _matrix_sheet(workbook: Workbook, data: AttendanceWorkbookData) -> WriteOnlyWorksheet:
    """Header row with the meetings written upwards; header and names frozen."""
    count = len(data.meetings)
    sheet: WriteOnlyWorksheet = workbook.create_sheet("Matrice des présences")
    widths = [24, 18, 15, *[5.5] * count, 11, 13, 9]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{len(data.members) + 1}"
    sheet.row_dimensions[1].height = 130
    header = [header_cell(sheet, h) for h in ("Nom", "Prénom", "Collège")]
    for meeting in data.meetings:
        cell = header_cell(sheet, f"{meeting.date:%d/%m/%y} {meeting.type_label}")
        cell.alignment = Alignment(text_rotation=90, vertical="bottom", horizontal="center",
                                   wrap_text=True)
        header.append(cell)
    header += [header_cell(sheet, h) for h in ("Présences", "Invitations renseignées", "Taux")]
    sheet.append(header)
    return sheet


def _colour_matrix(sheet: WriteOnlyWorksheet, data: AttendanceWorkbookData) -> None:
    members, count = len(data.members), len(data.meetings)
    if not members or not count:
        return
    codes = f"D2:{get_column_letter(3 + count)}{members + 1}"
    for code, (fill, font) in CODE_FILLS.items():
        sheet.conditional_formatting.add(codes, CellIsRule(
            operator="equal", formula=[f'"{code}"'],
            fill=PatternFill("solid", start_color=fill, end_color=fill),
            font=Font(color=font, bold=True)))
    rate = get_column_letter(count + 6)
    scale = ColorScaleRule(start_type="num", start_value=0, start_color="F8CBAD",
                           mid_type="num", mid_value=0.5, mid_color="FFF2CC",
                           end_type="num", end_value=1, end_color="C6EFCE")
    sheet.conditional_formatting.add(f"{rate}2:{rate}{members + 1}", scale)
    sheet.conditional_formatting.add(
        f"D{members + 3}:{get_column_letter(3 + count)}{members + 3}", scale)


def _meeting_sheet(workbook: Workbook, meeting: MeetingSheet, name: str,
                   header: list[WriteOnlyCell] | None = None) -> None:
    sheet = start_sheet(workbook, name, _MEETING_COLUMNS, len(meeting.invitees), header)
    rows = ([i.number, _text(i.last_name), _text(i.first_name), _text(i.college_label),
             _text(i.structure), i.status_label, _text(i.proxy_holder),
             fmt_time(i.arrival) or None, fmt_time(i.departure) or None]
            for i in meeting.invitees)
    write_rows(sheet, rows)

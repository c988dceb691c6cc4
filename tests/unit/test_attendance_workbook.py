"""The attendance workbook: the data (codes, rates, totals by type and college) and the
xlsx read back (sheets, cells, frozen panes, widths, filter, conditional colours,
neutralised text, sheet names); LibreOffice shows an injected name as text; the CLI."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conseil_desktop.app import main
from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Guest,
    Meeting,
)
from conseil_desktop.export.xlsx.attendance import (
    sheet_names,
    write_attendance_workbook,
)
from conseil_desktop.services import members
from conseil_desktop.services.attendance_matrix import attendance_workbook_data
from tests.unit.doc_b_samples import INJECTED

P, E, A, R, I = (AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT,
                 AttendanceStatus.REPRESENTED, AttendanceStatus.INVITED)
PEOPLE = [("Yılmaz", "Şükrü", College.RESIDENTS), ("Nguyễn", "Thị Hương", College.RESIDENTS),
          ("Œuvray", "Héloïse", College.LOCAL_ACTORS), (INJECTED, "Ève", College.RESIDENTS)]
# Per meeting (2026-03-10 plenary, 2026-06-02 bureau, 2026-09-15 plenary): each person's status.
GRID = [[P, R, E, A], [P, P, None, I], [A, P, P, R]]


@pytest.fixture
def filled(storage: Storage, db_path: Path) -> Path:
    with storage.session_scope() as s:
        ids = [members.create_member(s, members.MemberData(last, first, college=college))
               for last, first, college in PEOPLE]
        days = [(date(2026, 3, 10), "pleniere"), (date(2026, 6, 2), "bureau"),
                (date(2026, 9, 15), "pleniere")]
        for (day, kind), statuses in zip(days, GRID, strict=True):
            meeting = Meeting(type_code=kind, title=f"Réunion du {day}", date=day,
                              start_time=time(18, 30), place="Salle [A]: *1*")
            s.add(meeting)
            s.flush()
            for person_id, status in zip(ids, statuses, strict=True):
                if status is not None:
                    s.add(Attendance(meeting_id=meeting.id, person_id=person_id, status=status,
                                     proxy_holder_id=ids[0] if status is R else None,
                                     arrival_time=time(18, 45) if status is P else None))
            s.add(Guest(meeting_id=meeting.id, name="Jean Dupont", quality="Élu"))
        s.add(Meeting(type_code="pleniere", title="Annulée", date=date(2026, 10, 1),
                      cancelled=True))
        old = Meeting(type_code="bureau", title="L'an passé", date=date(2025, 5, 1))
        s.add(old)
        s.flush()
        s.add(Attendance(meeting_id=old.id, person_id=ids[0], status=P))
    storage.close(backup=False)
    return db_path


def load(db: Path, year: int | None):  # type: ignore[no-untyped-def]
    from conseil_desktop.db.engine import open_readonly

    with open_readonly(db) as opened, opened.session_scope() as s:
        return attendance_workbook_data(s, year)


def test_codes_rates_and_totals(filled: Path) -> None:
    data = load(filled, 2026)
    assert [m.date for m in data.meetings] == [date(2026, 3, 10), date(2026, 6, 2),
                                               date(2026, 9, 15)]  # cancelled one left out
    by_name = {m.last_name: m for m in data.members}
    assert by_name["Yılmaz"].code_list(3) == ["P", "P", "A"]
    assert by_name["Œuvray"].code_list(3) == ["E", "", "P"]  # not invited to the bureau
    assert by_name[INJECTED].code_list(3) == ["A", "?", "R"]
    assert by_name["Nguyễn"].tally.rate == 1.0 and by_name[INJECTED].tally.rate == 0.5
    assert data.meetings[0].tally.rate == 0.5 and data.meetings[1].tally.rate == 1.0
    assert [m.last_name for m in data.members] == [INJECTED, "Nguyễn", "Œuvray", "Yılmaz"]
    types = {line.label: line for line in data.by_type}
    assert types["Assemblée plénière"].meetings == 2 and types["Bureau"].meetings == 1
    colleges = {line.label: line for line in data.by_college}
    assert colleges["Acteurs locaux"].people == 1 and colleges["Habitants"].people == 3
    represented = data.meetings[0].invitees[1]  # numbered like the check-in screen
    assert (represented.last_name, represented.proxy_holder) == ("Nguyễn", "Şükrü Yılmaz")
    assert len(load(filled, None).meetings) == 4 and len(load(filled, 2025).meetings) == 1


def test_workbook_sheets_cells_and_layout(filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "presences.xlsx"
    write_attendance_workbook(path, load(filled, 2026))
    book = load_workbook(path)
    assert book.sheetnames == ["Synthèse", "Réunions", "Matrice des présences",
                               "2026-03-10 Assemblée plénière", "2026-06-02 Bureau",
                               "2026-09-15 Assemblée plénière"]
    summary = [[c for c in row if c is not None] for row in book["Synthèse"].values]
    assert any(row[:3] == ["Assemblée plénière", 2, 8] for row in summary)
    assert any(row[:2] == ["Acteurs locaux", 1] for row in summary)

    matrix = book["Matrice des présences"]
    assert matrix.freeze_panes == "D2" and matrix.auto_filter.ref == "A1:I5"
    assert matrix["D1"].value == "10/03/26 Assemblée plénière"
    assert matrix.column_dimensions["A"].width == 24
    assert [c.value for c in matrix[2]] == ["'" + INJECTED, "Ève", "Habitants", "A", "?", "R",
                                             1, 2, 0.5]
    assert matrix["I2"].number_format == "0%"
    assert matrix["A7"].value == "Taux de présence par réunion" and matrix["D7"].value == 0.5
    rules = {rule.formula[0] for cf in matrix.conditional_formatting for rule in cf.rules
             if rule.formula}
    assert rules == {'"P"', '"E"', '"A"', '"R"'}
    assert any(rule.type == "colorScale" for cf in matrix.conditional_formatting
               for rule in cf.rules)

    first = book["2026-03-10 Assemblée plénière"]
    assert first.freeze_panes == "A2" and first.auto_filter.ref == "A1:I5"
    assert [c.value for c in first[3]] == [2, "Nguyễn", "Thị Hương", "Habitants", None,
                                           "Représenté", "Şükrü Yılmaz", None, None]
    assert [c.value for c in first[5]][5:8] == ["Présent", None, "18 h 45"]
    listing = book["Réunions"]
    assert listing["D2"].value == "Salle [A]: *1*" and listing["K2"].value == 0.5
    bureau = book["2026-06-02 Bureau"]  # an invitee nobody marked at a held meeting
    statuses = {row[1]: row[5] for row in bureau.iter_rows(min_row=2, values_only=True)}
    assert statuses["'" + INJECTED] == "Non renseigné"


def test_sheet_names_are_valid_short_and_unique(filled: Path) -> None:
    data = load(filled, 2026)
    meeting = data.meetings[0]
    long = meeting.__class__(**{**meeting.__dict__, "type_label": "Groupe: travail/accès*? " * 3})
    names = sheet_names([long, long, long, meeting])
    assert len({n.casefold() for n in names}) == 4
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert names[1].endswith(" (2)") and names[2].endswith(" (3)")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_an_injected_name_as_text(filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "presences.xlsx"
    write_attendance_workbook(path, load(filled, 2026))
    subprocess.run(
        ["soffice", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    with (tmp_path / "presences-Matrice des présences.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:4] == ["'" + INJECTED, "Ève", "Habitants", "A"]
    sheet = tmp_path / "presences-2026-03-10 Assemblée plénière.csv"
    with sheet.open(encoding="utf-8") as handle:
        assert ["4", "Yılmaz", "Şükrü"] in [r[:3] for r in csv.reader(handle)]


def test_cli_attendance(filled: Path, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "presences.xlsx"
    assert main(["export", "attendance", "--db", str(filled), "-o", str(out),
                 "--year", "2026"]) == 0
    assert "3 réunions, 4 personnes" in capsys.readouterr().out
    assert len(load_workbook(out, read_only=True).sheetnames) == 6
    assert main(["export", "attendance", "--db", str(filled), "-o",
                 str(tmp_path / "p.ods")]) == 2
    assert "choisissez un fichier .xlsx" in capsys.readouterr().err


def test_fast_rows_write_what_openpyxl_reads_back(tmp_path: Path) -> None:
    from conseil_desktop.export.xlsx.fast_rows import style_id, write_rows
    from conseil_desktop.export.xlsx.sheets import Column, new_workbook, start_sheet

    book = new_workbook()
    sheet = start_sheet(book, "F", [Column("a", 10)] * 6, 3)
    dates = style_id(sheet, number_format="DD/MM/YYYY")
    write_rows(sheet, [[" padded ", date(2026, 11, 25), 3, 0.25, True, "bell\x07"],
                       [None, date(1900, 1, 15), None, "", -7, "x & <y>", "a\r\nb", "\x07"],
                       []], [None, dates])
    book.save(tmp_path / "f.xlsx")
    read = load_workbook(tmp_path / "f.xlsx")["F"]
    first = [c.value for c in read[2]]
    assert first[0] == " padded " and first[1].date() == date(2026, 11, 25)
    assert first[2:6] == [3, 0.25, True, "bell"] and read["B2"].number_format == "DD/MM/YYYY"
    second = [c.value for c in read[3]]
    assert second[1].date() == date(1900, 1, 15) and second[4:7] == [-7, "x & <y>", "a\r\nb"]
    assert read.max_row == 3 and read.freeze_panes == "A2"


def test_fast_rows_sparse_rows(tmp_path: Path) -> None:
    from conseil_desktop.export.xlsx.fast_rows import write_rows
    from conseil_desktop.export.xlsx.sheets import Column, new_workbook, start_sheet

    book = new_workbook()
    sheet = start_sheet(book, "S", [Column("a", 10)], 2)
    write_rows(sheet, [{0: "a", 700: "P"}, {}, ["b", None, 3]])
    book.save(tmp_path / "s.xlsx")
    read = load_workbook(tmp_path / "s.xlsx")["S"]
    assert read["A2"].value == "a" and read["ZY2"].value == "P" and read["B2"].value is None
    assert [read["A4"].value, read["C4"].value] == ["b", 3]


def test_cli_attendance_of_a_year_without_meetings_is_refused(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As in the application: no empty workbook, a plain message and the exit code of
    a bad argument (2), for a year long past or still to come."""
    out = tmp_path / "presences.xlsx"
    for year in ("1990", "2030"):
        assert main(["export", "attendance", "--db", str(filled), "-o", str(out),
                     "--year", year]) == 2
        assert f"Aucune réunion tenue en {year}" in capsys.readouterr().err
    assert not out.exists()


def test_cli_attendance_leaves_out_the_meetings_still_to_come(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On 30 June 2026 the September plenary has no attendance yet: as in the
    application, neither the year's workbook nor the whole one has it."""
    from conseil_desktop import cli_documents_b

    class Clock(date):
        @classmethod
        def today(cls) -> date:
            return date(2026, 6, 30)

    monkeypatch.setattr(cli_documents_b, "date", Clock)
    out = tmp_path / "presences.xlsx"
    assert main(["export", "attendance", "--db", str(filled), "-o", str(out),
                 "--year", "2026"]) == 0
    assert "2 réunions, 4 personnes" in capsys.readouterr().out
    sheets = load_workbook(out, read_only=True).sheetnames
    assert not [name for name in sheets if name.startswith("2026-09")]
    assert main(["export", "attendance", "--db", str(filled), "-o", str(out)]) == 0
    assert "3 réunions" in capsys.readouterr().out  # May 2025, March and June 2026

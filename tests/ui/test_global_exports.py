"""The Exporter menu's council-wide documents: calendar, open actions, attendance workbook.

Each is built in a worker and read back: the .ics with icalendar, the xlsx with
openpyxl, the PDF (saved from the preview) with pypdf.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow

from conseil_desktop.db.engine import open_storage
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Decision,
    Meeting,
    Membership,
    Person,
)
from conseil_desktop.services.council_documents import NO_MEETING, NO_OPEN_ACTION
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.documents import global_exports, preview
from conseil_desktop.ui.documents.global_exports import YearChoice, YearDialog
from conseil_desktop.ui.documents.preview import DocumentPreview
from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.preferences import Preferences
from tests.ui.helpers import Dialogs

TODAY = date(2026, 11, 25)


def fill_council(database: Database) -> None:
    """Besides the seed (Élodie Œuvray, the plenary of 25/11/2026): a 2025 meeting with
    attendance, a cancelled one, and decisions open, overdue, done or without owner."""
    with database.session_scope() as session:
        elodie = session.query(Person).one()
        sukru = Person(last_name="Yılmaz", first_name="Şükrü")
        session.add(sukru)
        session.flush()
        session.add(Membership(person_id=sukru.id, college=College.RESIDENTS))
        plenary = session.query(Meeting).one()
        bureau = Meeting(type_code="bureau", title="Bureau de mars", date=date(2025, 3, 12),
                         start_time=time(18, 0), end_time=time(20, 0), place="Maison des projets")
        cancelled = Meeting(type_code="pleniere", title="Plénière annulée", date=date(2024, 6, 1),
                            cancelled=True)
        session.add_all([bureau, cancelled])
        session.flush()
        session.add_all([
            Attendance(meeting_id=bureau.id, person_id=elodie.id, status=AttendanceStatus.PRESENT),
            Attendance(meeting_id=bureau.id, person_id=sukru.id, status=AttendanceStatus.EXCUSED),
            Attendance(meeting_id=plenary.id, person_id=sukru.id, status=AttendanceStatus.ABSENT),
        ])
        session.add_all([
            Decision(meeting_id=bureau.id, text="Relancer le bailleur", position=1,
                     owner_person_id=sukru.id, deadline=date(2025, 4, 30)),  # overdue
            Decision(meeting_id=plenary.id, text="Commander les bancs", position=1,
                     owner_person_id=elodie.id, deadline=date(2026, 12, 15)),
            Decision(meeting_id=plenary.id, text="Afficher le compte rendu", position=2,
                     owner_person_id=elodie.id, deadline=date(2026, 12, 1),
                     done_on=date(2026, 11, 26)),
            Decision(meeting_id=plenary.id, text="Remercier la mairie", position=3),
        ])


@pytest.fixture
def parent(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def empty_database(tmp_path: Path) -> Any:
    opened = Database(open_storage(tmp_path / "vide.db"))
    yield opened
    opened.close()


def saved(qtbot: Any, worker: Any, target: Path) -> Path:
    assert worker is not None
    qtbot.waitUntil(target.exists, timeout=10000)
    assert [p.name for p in target.parent.iterdir()] == [target.name], "no temporary file left"
    return target


def test_the_calendar_holds_every_meeting(qtbot: Any, parent: Any, database: Database,
                                          dialogs: Dialogs, tmp_path: Path) -> None:
    fill_council(database)
    target = tmp_path / "out" / "agenda.ics"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    worker = global_exports.export_calendar(parent, database.session_scope)
    calendar = Calendar.from_ical(saved(qtbot, worker, target).read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Annulée : Plénière annulée", "Bureau de mars", "Assemblée plénière de novembre"]
    bureau = events[1]
    assert str(bureau["LOCATION"]) == "Maison des projets"
    assert bureau.decoded("DTSTART").tzinfo is not None
    assert bureau["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(calendar["X-WR-CALNAME"]) != ""
    suggested = dialogs.named("ask_save_path")[0][3]
    assert suggested.suffix == ".ics" and "Calendrier" in suggested.name
    assert Preferences().last_document_folder == target.parent


def test_refusing_the_file_dialog_writes_nothing(qtbot: Any, parent: Any, database: Database,
                                                 dialogs: Dialogs, tmp_path: Path) -> None:
    dialogs.answer("ask_save_path", None, None, None)
    assert global_exports.export_calendar(parent, database.session_scope) is None
    fill_council(database)
    assert global_exports.export_open_actions(parent, database.session_scope,
                                              excel=True) is None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(global_exports, "ask_year", lambda *a: YearChoice(2025))
        assert global_exports.export_attendance(parent, database.session_scope) is None
    assert len(dialogs.named("ask_save_path")) == 3
    assert not list(tmp_path.rglob("*.ics")) and not list(tmp_path.rglob("*.xlsx"))


def test_an_empty_base_is_told_rather_than_given_empty_files(
        qtbot: Any, parent: Any, empty_database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    scope = empty_database.session_scope
    monkeypatch.setattr(global_exports, "ask_year",
                        lambda *a: pytest.fail("no year to choose from"))
    assert global_exports.export_calendar(parent, scope) is None
    assert global_exports.export_open_actions(parent, scope) is None
    assert global_exports.export_open_actions(parent, scope, excel=True) is None
    assert global_exports.export_attendance(parent, scope) is None
    messages = [args[2] for args in dialogs.named("show_info")]
    assert messages[:3] == [NO_MEETING, NO_OPEN_ACTION, NO_OPEN_ACTION]
    assert "cahier des présences serait vide" in messages[3]
    assert dialogs.named("ask_save_path") == []


def test_only_cancelled_meetings_give_no_workbook(
        qtbot: Any, parent: Any, empty_database: Database, dialogs: Dialogs) -> None:
    with empty_database.session_scope() as session:
        session.add(Meeting(type_code="pleniere", title="Annulée", date=date(2026, 1, 5),
                            cancelled=True))
    assert global_exports.export_attendance(parent, empty_database.session_scope) is None
    assert "annulées ou à venir ne comptent pas" in dialogs.named("show_info")[0][2]


def open_preview(qtbot: Any, parent: Any, database: Database) -> DocumentPreview:
    shown: list[DocumentPreview] = []
    real = preview.show_preview
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preview, "show_preview",
                      lambda *a, **k: shown.append(real(*a, **k)) or shown[-1])
        worker = global_exports.export_open_actions(parent, database.session_scope, today=TODAY)
        assert worker is not None
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    return shown[0]  # deletes itself on close, with its temporary folder


def test_open_actions_are_previewed_then_saved_as_pdf(
        qtbot: Any, parent: Any, database: Database, dialogs: Dialogs, tmp_path: Path) -> None:
    fill_council(database)
    shown = open_preview(qtbot, parent, database)
    assert shown.request.formats == ("pdf", "xlsx")
    target = tmp_path / "releve.pdf"
    dialogs.answer("ask_save_path", target)
    shown.save_as()
    shown.close()
    reader = PdfReader(target)
    assert reader.pages[0].mediabox.height > reader.pages[0].mediabox.width  # A4 portrait
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Relevé des actions en cours" in text
    assert text.index("Relancer le bailleur") < text.index("Commander les bancs"), "overdue first"
    assert "Şükrü" in text and "En retard" in text
    assert "Afficher le compte rendu" not in text, "done"
    assert "Remercier la mairie" not in text, "nobody to act on it"
    assert "25-11-2026" in dialogs.named("ask_save_path")[0][3].name


def test_open_actions_saved_as_xlsx_from_the_preview(
        qtbot: Any, parent: Any, database: Database, dialogs: Dialogs, tmp_path: Path) -> None:
    fill_council(database)
    shown = open_preview(qtbot, parent, database)
    target = tmp_path / "out" / "releve.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    started: list[Any] = []
    real = preview.save_document
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preview, "save_document",
                      lambda *a, **k: started.append(real(*a, **k)) or started[-1])
        shown.save_as()  # the xlsx is built by its own worker, from the base
    assert started[0] is not None
    qtbot.waitUntil(lambda: not shiboken6.isValid(started[0]), timeout=10000)
    shown.close()
    check_open_actions_sheet(target)
    assert [p.name for p in target.parent.iterdir()] == ["releve.xlsx"]


def check_open_actions_sheet(target: Path) -> None:
    sheet = load_workbook(target).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    texts = [row[header.index("Décision")] for row in rows[1:]]
    assert texts == ["Relancer le bailleur", "Commander les bancs"]
    assert rows[1][header.index("Responsable")] == "Şükrü Yılmaz"
    assert rows[1][header.index("État")] == "En retard"


def test_open_actions_straight_to_excel(qtbot: Any, parent: Any, database: Database,
                                        dialogs: Dialogs, tmp_path: Path) -> None:
    fill_council(database)
    target = tmp_path / "out" / "actions.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    worker = global_exports.export_open_actions(parent, database.session_scope, excel=True,
                                                today=TODAY)
    check_open_actions_sheet(saved(qtbot, worker, target))
    assert dialogs.named("ask_save_path")[0][2].count("*.") == 1, "only the xlsx filter"


def workbook_sheets(qtbot: Any, parent: Any, database: Database, dialogs: Dialogs,
                    target: Path, choice: YearChoice) -> list[str]:
    offered: list[tuple[list[int], int]] = []

    def choose(_parent: Any, years: list[int], this_year: int) -> YearChoice:
        offered.append((years, this_year))
        return choice

    target.parent.mkdir(exist_ok=True)
    dialogs.answer("ask_save_path", target)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(global_exports, "ask_year", choose)
        worker = global_exports.export_attendance(parent, database.session_scope)
    assert offered[0][0] == [2026, 2025], "years of held meetings, newest first"
    return load_workbook(saved(qtbot, worker, target), read_only=True).sheetnames


def test_the_attendance_workbook_keeps_the_chosen_year(
        qtbot: Any, parent: Any, database: Database, dialogs: Dialogs, tmp_path: Path) -> None:
    fill_council(database)
    one_year = workbook_sheets(qtbot, parent, database, dialogs, tmp_path / "a" / "p.xlsx",
                               YearChoice(2025))
    every = workbook_sheets(qtbot, parent, database, dialogs, tmp_path / "b" / "p.xlsx",
                            YearChoice(None))
    meeting_sheets = [name for name in every if name[:4].isdigit()]
    assert [n for n in one_year if n[:4].isdigit()] == [meeting_sheets[0]]
    assert meeting_sheets[0].startswith("2025-03-12")
    assert meeting_sheets[1].startswith("2026-11-25")
    assert len(meeting_sheets) == 2, "the cancelled meeting is left out"
    names = [args[3].name for args in dialogs.named("ask_save_path")]
    assert "2025" in names[0] and "2025" not in names[1]


def test_the_workbook_years_and_meetings_are_those_held_with_invitees(
        qtbot: Any, parent: Any, database: Database, dialogs: Dialogs, tmp_path: Path) -> None:
    """Offered: the years of a meeting held by today that had invitees (not 2024, whose
    meeting invited nobody; not 2027, still to come). The whole workbook leaves out
    the meetings still to come, as ``export attendance`` does."""
    fill_council(database)
    with database.session_scope() as session:
        sukru = session.query(Person).filter_by(last_name="Yılmaz").one()
        nobody = Meeting(type_code="bureau", title="Bureau sans invités", date=date(2024, 2, 2))
        december = Meeting(type_code="bureau", title="Bureau de décembre", date=date(2026, 12, 9))
        next_year = Meeting(type_code="pleniere", title="Plénière 2027", date=date(2027, 1, 20))
        session.add_all([nobody, december, next_year])
        session.flush()
        session.add_all([Attendance(meeting_id=m.id, person_id=sukru.id)
                         for m in (december, next_year)])
    offered: list[list[int]] = []

    def every_year(_parent: Any, years: list[int], this_year: int) -> YearChoice:
        offered.append(years)
        assert this_year == 2026
        return YearChoice(None)

    target = tmp_path / "out" / "presences.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(global_exports, "ask_year", every_year)
        worker = global_exports.export_attendance(parent, database.session_scope, today=TODAY)
    assert offered == [[2026, 2025]]
    sheets = [n for n in load_workbook(saved(qtbot, worker, target), read_only=True).sheetnames
              if n[:4].isdigit()]
    assert [n[:10] for n in sheets] == ["2024-02-02", "2025-03-12", "2026-11-25"]


def test_cancelling_the_year_asks_nothing_more(qtbot: Any, parent: Any, database: Database,
                                               dialogs: Dialogs,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    fill_council(database)
    monkeypatch.setattr(global_exports, "ask_year", lambda *a: None)
    assert global_exports.export_attendance(parent, database.session_scope) is None
    assert dialogs.calls == []


def test_the_year_dialog_proposes_this_year_then_all(qtbot: Any) -> None:
    dialog = YearDialog([2027, 2026, 2024], 2026)
    qtbot.addWidget(dialog)
    assert dialog.years.currentText() == "2026"
    assert dialog.choice() == YearChoice(2026)
    dialog.years.setCurrentIndex(0)
    assert dialog.years.currentText() == "Toutes les années"
    assert dialog.choice() == YearChoice(None)
    later = YearDialog([2024, 2023], 2026)  # nothing this year: the latest year
    qtbot.addWidget(later)
    assert later.choice() == YearChoice(2024)
    buttons = dialog.findChild(QDialogButtonBox)
    assert [b.text() for b in buttons.buttons()] != []
    assert dialog.export_button.isDefault()


def test_the_exporter_menu_offers_them(qtbot: Any, window: MainWindow, dialogs: Dialogs,
                                       tmp_path: Path) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "E&xporter")
    texts = [a.text() for a in menu.actions()]
    assert "&Calendrier des réunions (.ics)…" in texts
    assert texts[texts.index("&Calendrier des réunions (.ics)…") - 1] == "", "a separator"
    target = tmp_path / "cal.ics"
    dialogs.answer("ask_save_path", target)
    action = next(a for a in menu.actions() if a.text() == "&Calendrier des réunions (.ics)…")
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 1

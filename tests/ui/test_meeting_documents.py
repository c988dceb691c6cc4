"""The *Documents* menu of a meeting's window: every entry builds its file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Meeting,
    Membership,
    Person,
    Seat,
)
from conseil_desktop.export.signin_rows import SigninOptions
from conseil_desktop.services import agenda
from conseil_desktop.services.agenda import AgendaItemData
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.documents.actions import DocumentRequest
from conseil_desktop.ui.meetings import documents_menu, meeting_page
from conseil_desktop.ui.workers import Progress


@pytest.fixture
def page(qtbot: Any, database: Database) -> Any:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).one()
        person = Person(last_name="Zidane", first_name="Léa", address_line1="3 rue du Lac",
                        postcode="31100", city="Toulouse")
        session.add(person)
        session.flush()
        session.add(Membership(person_id=person.id, college=College.RESIDENTS,
                               seat=Seat.TITULAIRE))
        session.add(Attendance(meeting_id=meeting_id, person_id=person.id,
                               status=AttendanceStatus.PRESENT))
        agenda.add_item(session, meeting_id, AgendaItemData("Budget", summary="Adopté."))
    opened = meeting_page.open_meeting(None, database.session_scope, meeting_id)
    yield opened
    meeting_page.close_all_pages()


def test_every_document_of_the_menu_is_built(page: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[DocumentRequest] = []
    monkeypatch.setattr(documents_menu, "offer_document", lambda _p, r: offered.append(r))
    monkeypatch.setattr(documents_menu, "ask_signin_options",
                        lambda _parent, archive: SigninOptions(with_attendance=archive))
    menu = page.documents_button.menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Lettres de convocation", "Lettres de convocation à en&voyer par courrier",
                     "É&tiquettes d'adresses", "&Feuille d'émargement…",
                     "Feuille d'émargement &avec les présences (exemplaire d'archive)…",
                     "&Procès-verbal", "&Relevé de décisions", "&Dossier de séance",
                     "Évé&nement d'agenda (.ics)…"]
    for action in menu.actions():
        if not action.isSeparator():
            action.trigger()
    progress = Progress(lambda _value, _text: None, threading.Event())
    for number, request in enumerate(offered):
        assert request.title.endswith("Assemblée plénière de novembre")
        for fmt in request.formats:
            target = tmp_path / f"{number}.{fmt}"
            request.build(target, fmt, progress)
            magic = {"pdf": b"%PDF", "xlsx": b"PK\x03\x04", "ics": b"BEGI"}[fmt]
            assert target.read_bytes()[:4] == magic
    assert [r.formats for r in offered] == [("pdf",)] * 3 + [("pdf", "xlsx")] * 2 + [
        ("pdf",), ("pdf", "xlsx"), ("pdf",), ("ics",)]
    calendar = (tmp_path / f"{len(offered) - 1}.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Assemblée plénière de novembre" in calendar
    assert "Budget" in calendar


def test_the_sign_in_sheet_is_printed_with_the_options_chosen(
        page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Landscape, grouped by college, blank rows: the options of the command line,
    chosen in a dialog before the sheet is built; cancelling it builds nothing."""
    from pypdf import PdfReader

    offered: list[DocumentRequest] = []
    monkeypatch.setattr(documents_menu, "offer_document", lambda _p, r: offered.append(r))
    asked: list[bool] = []

    def choose(parent: Any, archive: bool) -> SigninOptions:
        dialog = documents_menu.SigninOptionsDialog(parent, archive=archive)
        asked.append(archive)
        assert dialog.blank_rows.value() == (0 if archive else 10)
        dialog.blank_rows.setValue(2)
        dialog.landscape.setChecked(True)
        dialog.group_by_college.setChecked(True)
        dialog.arrival_column.setChecked(False)
        return dialog.options()

    monkeypatch.setattr(documents_menu, "ask_signin_options", choose)
    sheet, archive = [a for a in page.documents_button.menu().actions()
                      if "émargement" in a.text()]
    sheet.trigger()
    archive.trigger()
    assert asked == [False, True]
    progress = Progress(lambda _value, _text: None, threading.Event())
    target = tmp_path / "sheet.pdf"
    offered[0].build(target, "pdf", progress)
    first = PdfReader(target).pages[0]
    assert first.mediabox.width > first.mediabox.height
    text = first.extract_text()
    assert "Collège des habitants (1)" in text and "Arrivée" not in text
    assert "Personnes non inscrites\n2\n3\nLe ou la président" in text  # 2 blank rows
    offered[1].build(tmp_path / "archive.xlsx", "xlsx", progress)
    monkeypatch.setattr(documents_menu, "ask_signin_options", lambda *_a: None)
    sheet.trigger()
    assert len(offered) == 2, "cancelled: nothing built"


@pytest.mark.parametrize("archive", [False, True])
def test_the_sign_in_sheet_has_the_default_columns_unless_arrival_is_asked(
        page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive: bool) -> None:
    """N°, Nom, Prénom, Collège / Structure, Pouvoir donné à, Signature by default;
    the arrival-time column is added only when ticked, as with --arrival-column."""
    from pypdf import PdfReader

    offered: list[DocumentRequest] = []
    monkeypatch.setattr(documents_menu, "offer_document", lambda _p, r: offered.append(r))
    dialogs: list[Any] = []

    def accept_as_offered(parent: Any, archive: bool) -> SigninOptions:
        dialogs.append(documents_menu.SigninOptionsDialog(parent, archive=archive))
        return dialogs[-1].options()

    monkeypatch.setattr(documents_menu, "ask_signin_options", accept_as_offered)
    sheet, archive_copy = [a for a in page.documents_button.menu().actions()
                           if "émargement" in a.text()]
    (archive_copy if archive else sheet).trigger()
    assert not dialogs[0].arrival_column.isChecked()
    progress = Progress(lambda _value, _text: None, threading.Event())
    offered[0].build(tmp_path / "sheet.pdf", "pdf", progress)
    text = PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
    for title in ("N°", "Nom", "Prénom", "Collège / Structure", "Pouvoir donné à", "Signature"):
        assert title in text, title
    assert "Arrivée" not in text
    dialogs[0].arrival_column.setChecked(True)
    monkeypatch.setattr(documents_menu, "ask_signin_options",
                        lambda *_a: dialogs[0].options())
    (archive_copy if archive else sheet).trigger()
    offered[1].build(tmp_path / "arrival.pdf", "pdf", progress)
    assert "Arrivée" in PdfReader(tmp_path / "arrival.pdf").pages[0].extract_text()

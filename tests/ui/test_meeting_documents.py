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
    menu = page.documents_button.menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Lettres de convocation", "Lettres de convocation à en&voyer par courrier",
                     "É&tiquettes d'adresses", "&Feuille d'émargement",
                     "Feuille d'émargement &avec les présences (exemplaire d'archive)",
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

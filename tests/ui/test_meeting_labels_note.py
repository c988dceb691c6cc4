"""*Documents → Étiquettes d'adresses* says who gets no label, as the command line does:
those convened by e-mail, and those without a complete postal address, named."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from conseil_desktop.db.models import Attendance, ContactChannel, Meeting, Person
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.documents.actions import DocumentRequest
from conseil_desktop.ui.meetings import documents_menu, meeting_page
from tests.ui.helpers import Dialogs


def invite(database: Database, people: list[Person]) -> int:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).one()
        session.add_all(people)
        session.flush()
        session.add_all(Attendance(meeting_id=meeting_id, person_id=p.id) for p in people)
    return meeting_id


def labels_action(page: meeting_page.MeetingPage) -> Any:
    menu = page.documents_button.menu()
    return next(a for a in menu.actions() if a.text() == "É&tiquettes d'adresses")


def test_the_labels_name_who_gets_none(qtbot: Any, database: Database, dialogs: Dialogs,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    posted = [Person(last_name=f"Adresse{i}", first_name="Léa", address_line1="3 rue du Lac",
                     postcode="31100", city="Toulouse") for i in range(3)]
    mailed = Person(last_name="Courriel", first_name="Inès", email="ines@exemple.fr",
                    preferred_channel=ContactChannel.EMAIL)
    homeless = [Person(last_name=f"Sans{chr(65 + i)}", first_name="Jean", city="Toulouse")
                for i in range(12)]
    meeting_id = invite(database, [*posted, mailed, *homeless])
    page = meeting_page.open_meeting(None, database.session_scope, meeting_id)
    qtbot.addWidget(page)
    offered: list[DocumentRequest] = []
    monkeypatch.setattr(documents_menu, "offer_document", lambda _p, r: offered.append(r))
    try:
        labels_action(page).trigger()
        [(_parent, title, text)] = dialogs.named("show_info")
        assert title == "Étiquettes d'adresses"
        names = ", ".join(f"Jean Sans{chr(65 + i)}" for i in range(10))
        assert text.splitlines() == [
            "Étiquettes : 3 sur 16 invités.",
            "Convoqué par courriel, donc sans étiquette : 1.",
            ("Sans adresse postale complète, donc sans étiquette (12 personnes) : "
             f"{names} et 2 autres.")]
        assert len(offered) == 1  # the labels are made all the same
    finally:
        meeting_page.close_all_pages()


def test_no_note_when_everyone_gets_a_label(qtbot: Any, database: Database, dialogs: Dialogs,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    meeting_id = invite(database, [Person(last_name="Lac", first_name="Léa",
                                          address_line1="3 rue du Lac", city="Toulouse")])
    page = meeting_page.open_meeting(None, database.session_scope, meeting_id)
    qtbot.addWidget(page)
    offered: list[DocumentRequest] = []
    monkeypatch.setattr(documents_menu, "offer_document", lambda _p, r: offered.append(r))
    try:
        labels_action(page).trigger()
        assert dialogs.named("show_info") == [] and len(offered) == 1
    finally:
        meeting_page.close_all_pages()

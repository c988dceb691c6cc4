"""The file names the meeting's *Documents* menu suggests: the date once, not twice when
the meeting's title already gives it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from conseil_desktop.db.models import Meeting
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.meetings import documents_menu, meeting_page
from conseil_desktop.ui.meetings.documents_menu import suggested_name
from tests.ui.helpers import SEED_MEETING

DAY = dt.date(2026, 11, 26)


def test_the_date_is_not_repeated_when_the_title_gives_it() -> None:
    for title in ("Assemblée plénière du 26-11-2026", "Assemblée plénière du 26/11/2026",
                  "Assemblée plénière du 26 novembre 2026", "Plénière 26 Novembre 2026"):
        assert suggested_name("Feuille d'émargement", DAY, title) == (
            f"Feuille d'émargement {title}")
    assert suggested_name("Feuille d'émargement", DAY, "Assemblée plénière") == (
        "Feuille d'émargement 26-11-2026 Assemblée plénière")
    first = dt.date(2026, 12, 1)
    assert suggested_name("PV", first, "Bureau du 1er décembre 2026") == (
        "PV Bureau du 1er décembre 2026")
    assert suggested_name("PV", first, "Bureau du 01/12/2026") == "PV Bureau du 01/12/2026"
    # Another date, or the same digits inside a longer number, is not this meeting's date.
    assert suggested_name("PV", DAY, "Report du 25/11/2026") == (
        "PV 26-11-2026 Report du 25/11/2026")
    assert suggested_name("PV", DAY, "Dossier 126-11-20260") == (
        "PV 26-11-2026 Dossier 126-11-20260")


def test_the_menu_suggests_the_name_without_the_date_twice(
        qtbot: Any, database: Database) -> None:
    with database.session_scope() as session:
        meeting = session.scalars(select(Meeting).where(Meeting.title == SEED_MEETING)).one()
        meeting.title = "Assemblée plénière du 25-11-2026"  # the seed's date
        meeting_id = meeting.id
    page = meeting_page.open_meeting(None, database.session_scope, meeting_id)
    qtbot.addWidget(page)
    try:
        assert page.snapshot is not None
        request = documents_menu.request_for(page.session_scope, meeting_id, page.snapshot,
                                             "Émargement", ("pdf",), lambda *a: None)
        assert request.suggested_name == "Émargement Assemblée plénière du 25-11-2026"
    finally:
        meeting_page.close_all_pages()

"""The meeting window's decisions table: a decision added while the debate summary
has unsaved text shows in the table, and stays there when coming back to the item."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from conseil_desktop.db.models import AgendaItem, Decision, Meeting, VoteMode
from conseil_desktop.services import agenda
from conseil_desktop.services.agenda import AgendaItemData
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.meetings import meeting_page, open_actions, page_actions
from conseil_desktop.ui.meetings.decision_dialog import DecisionInput
from tests.ui.helpers import SEED_MEETING


@pytest.fixture(autouse=True)
def close_pages() -> Any:
    yield
    meeting_page.close_all_pages()
    open_actions.close_window()


def seed_meeting(session: Any) -> int:
    return session.scalars(select(Meeting.id).where(Meeting.title == SEED_MEETING)).one()


def decision(text: str) -> DecisionInput:
    return DecisionInput(text, VoteMode.CONSENSUS, None, None, None, None, None, None, "", None)


def table_texts(page: meeting_page.MeetingPage) -> list[str]:
    table = page.item_panel.decisions
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_a_decision_added_with_the_summary_unsaved_shows_in_the_table(
        qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with database.session_scope() as session:
        meeting_id = seed_meeting(session)
        first = agenda.add_item(session, meeting_id, AgendaItemData("Budget"))
        agenda.add_item(session, meeting_id, AgendaItemData("Fête de quartier"))
    page = meeting_page.open_meeting(None, database.session_scope, meeting_id)
    qtbot.addWidget(page)
    page.agenda.setCurrentRow(0)
    page.item_panel.summary.insertPlainText("Débat sur le budget.")  # typed, not saved
    monkeypatch.setattr(page_actions, "ask_decision", lambda *a: decision("Budget adopté."))
    page.item_panel.add_button.click()
    assert table_texts(page) == ["Budget adopté."]
    assert page.agenda.item(0).text() == "1. Budget\n    1 décision"
    with database.session_scope() as session:
        assert session.get(AgendaItem, first).summary == "Débat sur le budget."
        assert session.scalars(select(Decision.text)).all() == ["Budget adopté."]
    page.agenda.setCurrentRow(1)
    assert table_texts(page) == []
    page.agenda.setCurrentRow(0)  # back to the item: its decision and its summary
    assert table_texts(page) == ["Budget adopté."]
    assert page.item_panel.summary.toPlainText() == "Débat sur le budget."
    page.item_panel.decisions.selectRow(0)
    assert page.item_panel.edit_button.isEnabled()


def test_the_agenda_counts_decisions_in_french_singular_and_plural(
        qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with database.session_scope() as session:
        meeting_id = seed_meeting(session)
        agenda.add_item(session, meeting_id, AgendaItemData("Budget"))
    page = meeting_page.open_meeting(None, database.session_scope, meeting_id)
    qtbot.addWidget(page)
    typed = iter([decision("Budget adopté."), decision("Audit demandé.")])
    monkeypatch.setattr(page_actions, "ask_decision", lambda *a: next(typed))
    page.item_panel.add_button.click()
    assert page.agenda.item(0).text() == "1. Budget\n    1 décision"
    page.item_panel.add_button.click()
    assert page.agenda.item(0).text() == "1. Budget\n    2 décisions"

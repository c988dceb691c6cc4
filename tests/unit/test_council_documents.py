"""The council-wide documents' data: the years offered, and a refusal when there is nothing."""

from __future__ import annotations

from datetime import date

import pytest

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import Attendance, Decision
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import council_documents as documents
from tests.unit.meetings_fixture import TODAY, P, meeting, member


def test_nothing_in_the_base_is_refused_in_words(storage: Storage) -> None:
    with storage.session_scope() as s:
        assert documents.meeting_years(s) == []
        for call, message in (
            (documents.require_meetings, documents.NO_MEETING),
            (documents.calendar_data, documents.NO_MEETING),
            (lambda s: documents.open_actions_register(s, TODAY), documents.NO_OPEN_ACTION),
            (lambda s: documents.held_years(s, TODAY), documents.NO_HELD_MEETING),
            (lambda s: documents.attendance_data(s, None, today=TODAY), documents.NO_HELD_MEETING),
        ):
            with pytest.raises(UserError) as refused:
                call(s)
            assert refused.value.message == message


def test_years_newest_first_cancelled_meetings_aside(storage: Storage) -> None:
    with storage.session_scope() as s:
        meeting(s, date(2024, 3, 1))
        meeting(s, date(2024, 9, 1))
        meeting(s, date(2026, 1, 10))
        meeting(s, date(2025, 5, 5), cancelled=True)
    with storage.session_scope() as s:
        assert documents.meeting_years(s) == [2026, 2024]
        assert documents.meeting_years(s, held_only=False) == [2026, 2025, 2024]
        documents.require_meetings(s)
        assert [e.date.year for e in documents.calendar_data(s).entries] == [2024, 2024, 2025,
                                                                             2026]


def test_the_workbook_of_a_year_without_meetings_is_refused(storage: Storage) -> None:
    with storage.session_scope() as s:
        held = meeting(s, date(2026, 1, 10))
        person = member(s, "Œuvray", "Élodie")
        s.add(Attendance(meeting_id=held, person_id=person, status=P))
    with storage.session_scope() as s:
        assert [m.id for m in documents.attendance_data(s, 2026, today=TODAY).meetings] == [held]
        assert len(documents.attendance_data(s, None, today=TODAY).meetings) == 1
        with pytest.raises(InvalidInputError, match="Aucune réunion tenue en 2025"):
            documents.attendance_data(s, 2025, today=TODAY)


def test_the_workbook_covers_held_meetings_that_had_invitees(storage: Storage) -> None:
    """Years offered and meetings covered agree: a meeting still to come has no
    attendance yet, and a year whose meetings invited nobody would give an empty
    workbook."""
    with storage.session_scope() as s:
        person = member(s, "Œuvray", "Élodie")
        held = meeting(s, date(2024, 3, 1))
        meeting(s, date(2025, 6, 1))  # held, but nobody was invited
        earlier = meeting(s, date(2026, 10, 1))
        later = meeting(s, date(2026, 12, 10))  # after TODAY
        future = meeting(s, date(2027, 2, 1))
        cancelled = meeting(s, date(2023, 5, 5), cancelled=True)
        for meeting_id in (held, earlier, later, future, cancelled):
            s.add(Attendance(meeting_id=meeting_id, person_id=person, status=P))
    with storage.session_scope() as s:
        assert documents.held_years(s, TODAY) == [2026, 2024]
        every = documents.attendance_data(s, None, today=TODAY)
        assert [m.date for m in every.meetings] == [date(2024, 3, 1), date(2025, 6, 1),
                                                    date(2026, 10, 1)]
        assert [m.date for m in documents.attendance_data(s, 2026, today=TODAY).meetings] == [
            date(2026, 10, 1)]
        for year in (2025, 2027, 2023):
            with pytest.raises(InvalidInputError):
                documents.attendance_data(s, year, today=TODAY)
        assert documents.held_years(s, date(2027, 3, 1)) == [2027, 2026, 2024]


def test_the_open_actions_register(storage: Storage) -> None:
    with storage.session_scope() as s:
        held = meeting(s, date(2026, 1, 10), title="Bureau de janvier")
        person = member(s, "Yılmaz", "Şükrü")
        s.add_all([
            Decision(meeting_id=held, text="Plus tard", owner_person_id=person,
                     deadline=date(2027, 1, 1)),
            Decision(meeting_id=held, text="En retard", owner_person_id=person,
                     deadline=date(2026, 2, 1)),
            Decision(meeting_id=held, text="Sans échéance", owner_person_id=person),
        ])
    with storage.session_scope() as s:
        register = documents.open_actions_register(s, TODAY)
    assert [r.text for r in register.rows] == ["En retard", "Plus tard"]
    assert [r.overdue for r in register.rows] == [True, False]
    assert register.title == "Relevé des actions en cours"
    assert register.council_name

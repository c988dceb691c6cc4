"""A member's history: rows, 12-month rate, current run; the composition panel agrees."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

import pytest

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import AttendanceStatus
from conseil_desktop.errors import UserError
from conseil_desktop.services.attendance_history import absence_runs, member_history
from conseil_desktop.services.composition import composition, repeated_absences
from tests.unit.meetings_fixture import (
    TODAY,
    A,
    E,
    I,
    P,
    R,
    attend,
    meeting,
    member,
    settings,
)


def history_of(storage: Storage, statuses: list[AttendanceStatus], *,
               start: date = TODAY - timedelta(days=300), step: int = 30) -> int:
    with storage.session_scope() as s:
        pid = member(s, "Abadie", "Ana")
        for n, status in enumerate(statuses):
            attend(s, meeting(s, start + timedelta(days=n * step)), pid, status)
    return pid


@pytest.mark.parametrize(("statuses", "run"), [
    ([P, A, A, A], 3),
    ([A, A, E, A], 1),  # excused breaks the run
    ([A, A, R, A, A], 2),  # represented too
    ([A, A, A, P], 0),
    ([A, A, I, I], 2),  # nothing recorded yet: ignored, neither breaks nor extends
    ([], 0),
])
def test_absence_run(storage: Storage, statuses: list[AttendanceStatus], run: int) -> None:
    pid = history_of(storage, statuses)
    with storage.session_scope() as s:
        assert member_history(s, pid, TODAY).absence_run == run


def test_future_and_cancelled_meetings_do_not_count(storage: Storage) -> None:
    pid = history_of(storage, [A, A])
    with storage.session_scope() as s:
        attend(s, meeting(s, TODAY - timedelta(days=2), cancelled=True), pid, P)
        attend(s, meeting(s, TODAY + timedelta(days=10)), pid, P)  # entered ahead: not yet
        attend(s, meeting(s, TODAY), pid, A)  # today counts
    with storage.session_scope() as s:
        got = member_history(s, pid, TODAY)
        assert got.absence_run == 3
        assert len(got.rows) == 5
        assert [r.date for r in got.rows] == sorted((r.date for r in got.rows), reverse=True)
        assert got.rows[0].status_label == "Présent" and got.rows[0].date > TODAY
        assert got.rows[2].cancelled


def test_same_day_meetings_ordered_by_start_time(storage: Storage) -> None:
    with storage.session_scope() as s:
        pid = member(s, "Abadie")
        day = TODAY - timedelta(days=5)
        attend(s, meeting(s, day, start=time(20, 0)), pid, A)  # created first, but later
        attend(s, meeting(s, day, start=time(14, 0)), pid, P)
    with storage.session_scope() as s:
        got = member_history(s, pid, TODAY)
        assert got.absence_run == 1
        assert [r.start_time for r in got.rows] == [time(20, 0), time(14, 0)]


def test_rate_over_twelve_months(storage: Storage) -> None:
    with storage.session_scope() as s:
        pid = member(s, "Abadie")
        for days_ago, status in ((400, P), (365, P),  # outside the window (365 days: the edge)
                                 (300, P), (200, A), (100, R), (50, P), (10, E), (1, I)):
            attend(s, meeting(s, TODAY - timedelta(days=days_ago)), pid, status)
        attend(s, meeting(s, TODAY - timedelta(days=20), cancelled=True), pid, A)
    with storage.session_scope() as s:
        got = member_history(s, pid, TODAY)
        assert (got.present_12_months, got.recorded_12_months) == (2, 5)
        assert got.rate_12_months == pytest.approx(0.4)
        assert got.rate_label() == "40\u00a0% (présent à 2 réunions sur 5)"


def test_no_recorded_meeting_gives_no_rate(storage: Storage) -> None:
    with storage.session_scope() as s:
        pid = member(s, "Abadie")
        attend(s, meeting(s, TODAY + timedelta(days=3)), pid, I)
    with storage.session_scope() as s:
        got = member_history(s, pid, TODAY)
        assert (got.rate_12_months, got.absence_run, len(got.rows)) == (None, 0, 1)
        assert got.rate_label() == "Aucune présence enregistrée sur 12 mois"
        assert got.rows[0].type_label == "Bureau"
        with pytest.raises(UserError, match="n'existe pas"):
            member_history(s, 424_242, TODAY)


def test_history_and_composition_agree(storage: Storage) -> None:
    """Random histories: the member's run equals the composition's, for every member."""
    rng = random.Random(4)
    choices = [P, E, A, A, A, R, I]
    with storage.session_scope() as s:
        people = [member(s, f"Membre{n:02d}") for n in range(30)]
        meetings = [meeting(s, TODAY - timedelta(days=7 * n), start=time(18, rng.choice((0, 30))),
                            cancelled=rng.random() < 0.1)
                    for n in range(-2, 25)]
        for mid in meetings:
            for pid in rng.sample(people, 20):
                attend(s, mid, pid, rng.choice(choices))
        settings(s).absence_run_threshold = 2
    with storage.session_scope() as s:
        flagged = {r.person_id: r.run for r in repeated_absences(s, TODAY, 2)}
        assert flagged  # the draw does flag some members
        for pid in people:
            run = member_history(s, pid, TODAY).absence_run
            assert flagged.get(pid, 0) == (run if run >= 2 else 0), pid
        panel = composition(s, TODAY)
        assert {r.person_id for r in panel.repeated_absences} == set(flagged)


def test_absence_runs_is_order_independent() -> None:
    rows = [(1, "absent", "2026-01-03", None, 3), (1, "present", "2026-01-01", None, 1),
            (1, "absent", "2026-01-02", "18:00:00", 2), (2, "excuse", "2026-01-05", None, 5)]
    for shuffled in (rows, list(reversed(rows))):
        runs = absence_runs(shuffled)
        assert (runs[1].run, runs[1].last_absent_on) == (2, date(2026, 1, 3))
        assert 2 not in runs

"""A member's attendance history, and the runs of unexcused absences (domain.md section 4).

A *run* counts a person's recorded statuses at past meetings (not cancelled,
dated today or before, *invité* rows left out since nothing is recorded yet),
newest first: the number of *absent* before the first other status. An
*excusé* or *représenté* breaks the run. The same two functions,
:func:`recorded_past_query` and :func:`absence_runs`, serve the member's
history here and the composition warnings (``composition.repeated_absences``),
so both always give the same figure.

The attendance rate over 12 months is the share of *présent* among the recorded
statuses at meetings of the last 12 months (today included): a represented
member gave a proxy and was not there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    Person,
    VocabularyKind,
)
from conseil_desktop.errors import UserError
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.rows import raw_rows

_ABSENT = AttendanceStatus.ABSENT.value
_PRESENT = AttendanceStatus.PRESENT.value
_INVITED = AttendanceStatus.INVITED.value
_BEFORE_ALL = ("", "", 0)


@dataclass(frozen=True)
class Run:
    run: int  # unexcused absences in a row, up to the latest recorded meeting
    last_absent_on: date


@dataclass(frozen=True)
class HistoryRow:
    meeting_id: int
    date: date
    start_time: time | None
    type_label: str
    title: str
    status: AttendanceStatus
    status_label: str  # "Présent", "Excusé"... ; "Invité" while nothing is recorded
    cancelled: bool


@dataclass(frozen=True)
class MemberAttendanceHistory:
    rows: list[HistoryRow]  # newest first, upcoming meetings included
    rate_12_months: float | None  # 0..1; None without any recorded meeting in 12 months
    absence_run: int
    recorded_12_months: int  # meetings of the last 12 months with a recorded status
    present_12_months: int

    def rate_label(self) -> str:
        """``75 % (présent à 9 réunions sur 12)``, or a sentence when nothing is recorded."""
        if self.rate_12_months is None:
            return "Aucune présence enregistrée sur 12 mois"
        pct = round(100 * self.rate_12_months)
        plural = "s" if self.present_12_months > 1 else ""
        return (f"{pct}\u00a0% (présent à {self.present_12_months} réunion{plural} "
                f"sur {self.recorded_12_months})")


def recorded_past_query(today: date, person_id: int | None = None) -> Select[Any]:
    """Rows ``(person_id, status, day, start, meeting_id)`` that count for absence runs."""
    query = (
        select(Attendance.person_id, Attendance.status, Meeting.date, Meeting.start_time,
               Meeting.id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.date <= today.isoformat(), Meeting.cancelled.is_(False),
               Attendance.status != _INVITED)  # nothing recorded yet
    )
    if person_id is not None:
        query = query.where(Attendance.person_id == person_id)
    return query


def absence_runs(rows: Iterable[tuple[int, str, str, str | None, int]]) -> dict[int, Run]:
    """Current runs per person from raw rows of :func:`recorded_past_query` (any order).

    Two linear passes and no sort: a person's run is their *absent* rows later
    than their latest other status (meetings ordered by date, start time, id).
    """
    rows = list(rows)
    latest_other: dict[int, tuple[str, str, int]] = {}
    for person_id, status, day, start, meeting_id in rows:
        if status != _ABSENT:
            key = (day, start or "", meeting_id)
            if key > latest_other.get(person_id, _BEFORE_ALL):
                latest_other[person_id] = key
    runs: dict[int, int] = {}
    last_absent: dict[int, str] = {}
    for person_id, status, day, start, meeting_id in rows:
        if status == _ABSENT and (day, start or "", meeting_id) > latest_other.get(
                person_id, _BEFORE_ALL):
            runs[person_id] = runs.get(person_id, 0) + 1
            last_absent[person_id] = max(day, last_absent.get(person_id, ""))
    return {pid: Run(n, date.fromisoformat(last_absent[pid])) for pid, n in runs.items()}


def current_runs(session: Session, today: date, person_id: int | None = None) -> dict[int, Run]:
    """Every person's current run (or one person's), read in one query."""
    return absence_runs(raw_rows(session, recorded_past_query(today, person_id)))


def member_history(session: Session, person_id: int, today: date) -> MemberAttendanceHistory:
    if session.get(Person, person_id) is None:
        raise UserError(f"La personne n° {person_id} n'existe pas dans cette base.")
    query = (
        select(Meeting.id, Meeting.date, Meeting.start_time, Meeting.type_code, Meeting.title,
               Meeting.cancelled, Attendance.status)
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Attendance.person_id == person_id)
    )
    raw = raw_rows(session, query)
    raw.sort(key=lambda r: (r[1], r[2] or "", r[0]), reverse=True)
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    today_iso = today.isoformat()
    window_start = _year_before(today).isoformat()
    counted: list[tuple[int, str, str, str | None, int]] = []
    recorded = present = 0
    rows: list[HistoryRow] = []
    status_of = {s.value: s for s in AttendanceStatus}
    for meeting_id, day, start, code, title, cancelled, status in raw:
        status_enum = status_of[status]
        rows.append(HistoryRow(meeting_id, date.fromisoformat(day), _time(start),
                               types.get(code, code), title, status_enum,
                               labels.ATTENDANCE[status_enum], bool(cancelled)))
        if cancelled or status == _INVITED or day > today_iso:
            continue
        counted.append((person_id, status, day, start, meeting_id))  # as recorded_past_query
        if day > window_start:
            recorded += 1
            present += status == _PRESENT
    run = absence_runs(counted).get(person_id)
    return MemberAttendanceHistory(
        rows=rows, rate_12_months=present / recorded if recorded else None,
        absence_run=run.run if run else 0, recorded_12_months=recorded,
        present_12_months=present)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None

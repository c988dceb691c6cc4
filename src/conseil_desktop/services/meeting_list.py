"""The meetings tab's rows, and the meetings as calendar entries.

:func:`meeting_rows` reads every meeting with its attendance figures in two
queries: the meetings, and one ``GROUP BY`` over the attendance that counts
invitees, present, represented, recorded statuses and the quorum count (active
titulaires present or represented, as ``services/quorum`` counts them). The
quorum is *reached* or not only once some attendance is recorded; before
that, and for a council without a quorum rule, it is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    Membership,
    MemberStatus,
    Person,
    Seat,
    VocabularyKind,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.quorum import quorum_policy
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold


@dataclass(frozen=True)
class MeetingListRow:
    id: int
    type_code: str
    type_label: str
    title: str
    date: date
    start_time: time | None
    place: str
    invited: int
    present: int
    represented: int
    quorum_reached: bool | None  # None: no quorum rule, or nothing recorded yet
    upcoming: bool  # dated today or later
    search_key: str  # folded title, type, place and date (25/11/2026)
    end_time: time | None = None
    cancelled: bool = False
    recorded: int = 0  # invitees whose status was entered

    @property
    def year(self) -> int:
        return self.date.year


_P, _R, _I = (AttendanceStatus.PRESENT.value, AttendanceStatus.REPRESENTED.value,
              AttendanceStatus.INVITED.value)


def _figures(session: Session) -> dict[int, tuple[int, int, int, int, int]]:
    """meeting id -> (invited, present, represented, recorded, quorum count)."""
    titulaires = select(Membership.person_id).where(
        Membership.seat == Seat.TITULAIRE.value, Membership.status == MemberStatus.ACTIVE.value)
    attending = (Attendance.status == _P) | (Attendance.status == _R)  # raw_rows: no IN list
    query = (
        select(
            Attendance.meeting_id, func.count(),
            func.sum(case((Attendance.status == _P, 1), else_=0)),
            func.sum(case((Attendance.status == _R, 1), else_=0)),
            func.sum(case((Attendance.status != _I, 1), else_=0)),
            func.sum(case((attending & Attendance.person_id.in_(titulaires), 1), else_=0)),
        )
        .group_by(Attendance.meeting_id)
    )
    return {row[0]: row[1:] for row in raw_rows(session, query)}  # type: ignore[misc]


def meeting_rows(session: Session, today: date) -> list[MeetingListRow]:
    """Every meeting, newest first (upcoming ones included; the view splits them)."""
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    policy = quorum_policy(session)
    figures = _figures(session)
    query = select(Meeting.id, Meeting.type_code, Meeting.title, Meeting.date,
                   Meeting.start_time, Meeting.end_time, Meeting.place, Meeting.cancelled)
    today_iso = today.isoformat()
    rows = []
    none = (0, 0, 0, 0, 0)
    for mid, code, title, day, start, end, place, cancelled in raw_rows(session, query):
        invited, present, represented, recorded, counted = figures.get(mid, none)
        label = types.get(code, code)
        when = date.fromisoformat(day)
        reached = policy.for_type(code).evaluate(counted).reached if recorded else None
        rows.append(MeetingListRow(
            mid, code, label, title, when, _time(start), place or "", invited, present,
            represented, reached, day >= today_iso,
            fold(f"{title} {label} {place or ''} {fmt_date(when)}"),
            _time(end), bool(cancelled), recorded))
    rows.sort(key=lambda r: (r.date, r.start_time or time.min, r.id), reverse=True)
    return rows


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


@dataclass(frozen=True)
class CalendarEntry:
    """One meeting as a calendar event (``export/ics.py``)."""

    uuid: str
    type_label: str
    title: str
    date: date
    start_time: time | None
    end_time: time | None
    place: str
    agenda: list[str]  # item titles, in order, with their presenter
    cancelled: bool


def calendar_entries(session: Session, meeting_id: int | None = None) -> list[CalendarEntry]:
    """Every meeting (or one: InvalidInputError when it does not exist), by date."""
    query = select(Meeting).order_by(Meeting.date, Meeting.start_time, Meeting.id)
    if meeting_id is not None:
        query = query.where(Meeting.id == meeting_id)
    meetings = list(session.scalars(query))
    if meeting_id is not None and not meetings:
        raise InvalidInputError(f"La réunion n° {meeting_id} n'existe pas dans cette base.")
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    agenda = _agenda_lines(session, meeting_id)
    return [CalendarEntry(m.uuid, types.get(m.type_code, m.type_code), m.title, m.date,
                          m.start_time, m.end_time, m.place, agenda.get(m.id, []),
                          m.cancelled) for m in meetings]


def _agenda_lines(session: Session, meeting_id: int | None) -> dict[int, list[str]]:
    query = (
        select(AgendaItem.meeting_id, AgendaItem.title, AgendaItem.presenter_name,
               Person.first_name, Person.last_name)
        .outerjoin(Person, Person.id == AgendaItem.presenter_person_id)
        .order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
    )
    if meeting_id is not None:
        query = query.where(AgendaItem.meeting_id == meeting_id)
    lines: dict[int, list[str]] = {}
    for mid, title, free_name, first, last in session.execute(query):
        presenter = f"{first or ''} {last}".strip() if last is not None else free_name
        lines.setdefault(mid, []).append(f"{title} ({presenter})" if presenter else title)
    return lines

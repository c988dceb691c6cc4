"""The meetings tab's rows, and the meetings as calendar entries.

:func:`meeting_rows` reads every meeting with its attendance figures in four
queries, whatever the number of meetings: the meetings; one ``GROUP BY`` over
the attendance that counts invitees, present, represented and recorded
statuses; the people present, or represented by a holder who is present, at
the plenaries and general assemblies; and one pass over the membership status
history (``services/quorum``), which says who was an active titulaire on each
meeting's date and how many there were. The quorum is thus the one the
meeting's own screen and its procès-verbal show. It is *reached* or not only
once some attendance is recorded; before that, and for a council without a
quorum rule, it is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    Person,
    QuorumRule,
    VocabularyKind,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.quorum import (
    DELIBERATIVE_TYPES,
    TitulaireHistory,
    council_rule,
    database_key,
    titulaire_history,
)
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


def _figures(session: Session) -> dict[int, tuple[int, int, int, int, str]]:
    """meeting id -> (invited, present, represented, recorded, latest change)."""
    query = (
        select(
            Attendance.meeting_id, func.count(),
            func.sum(case((Attendance.status == _P, 1), else_=0)),
            func.sum(case((Attendance.status == _R, 1), else_=0)),
            func.sum(case((Attendance.status != _I, 1), else_=0)),
            func.max(Attendance.updated_at),
        )
        .group_by(Attendance.meeting_id)
    )
    return {row[0]: row[1:] for row in raw_rows(session, query)}  # type: ignore[misc]


def _quorum_counts(session: Session, history: TitulaireHistory,
                   only: list[int] | None = None) -> dict[int, int]:
    """Plenary or general assembly id -> its quorum count: the active titulaires on its
    date present, or represented by a holder who is present (as the snapshot counts);
    for the meetings ``only`` when given."""
    holder = aliased(Attendance)
    in_force = exists().where(holder.meeting_id == Attendance.meeting_id,
                              holder.person_id == Attendance.proxy_holder_id,
                              holder.status == _P)
    query = (
        select(Attendance.meeting_id, Attendance.person_id, Meeting.date)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(or_(*(Meeting.type_code == code for code in sorted(DELIBERATIVE_TYPES))),
               (Attendance.status == _P) | ((Attendance.status == _R) & in_force))
    )
    if only is not None:  # raw_rows: no IN list
        query = query.where(or_(*(Attendance.meeting_id == mid for mid in only)))
    counted: dict[int, int] = {}
    since, titulaire = history.since, history.is_titulaire_on
    for meeting_id, person_id, day in raw_rows(session, query):
        start = since.get(person_id)
        if (start is not None and start <= day) or (start is None and titulaire(person_id, day)):
            counted[meeting_id] = counted.get(meeting_id, 0) + 1
    return counted


# The quorum counts last computed, by base: the history they used and, per meeting,
# what its attendance was (invitees, latest change, date) with its count. A reload
# after a change at one meeting counts that meeting again, not the 2,000 others.
_COUNTED: dict[str, tuple[TitulaireHistory, dict[int, tuple[tuple[object, ...], int]]]] = {}
_FEW = 50  # up to this many meetings to count again are named in the query


def _counted(session: Session, history: TitulaireHistory,
             wanted: dict[int, tuple[object, ...]]) -> dict[int, int]:
    database = database_key(session)
    cached = _COUNTED.get(database)
    known = cached[1] if cached is not None and cached[0] is history else {}
    stale = [mid for mid, key in wanted.items() if mid not in known or known[mid][0] != key]
    if stale:
        fresh = _quorum_counts(session, history, stale if len(stale) <= _FEW else None)
        known = {mid: known[mid] for mid in wanted if mid in known}
        known.update((mid, (wanted[mid], fresh.get(mid, 0))) for mid in stale)
        _COUNTED.clear()
        _COUNTED[database] = (history, known)
    return {mid: known[mid][1] for mid in wanted}


def meeting_rows(session: Session, today: date, *, quorum: bool = True) -> list[MeetingListRow]:
    """Every meeting, newest first (upcoming ones included; the view splits them);
    without ``quorum``, every row's ``quorum_reached`` is None (not computed yet)."""
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    policy = council_rule(session)
    figures = _figures(session)
    query = select(Meeting.id, Meeting.type_code, Meeting.title, Meeting.date,
                   Meeting.start_time, Meeting.end_time, Meeting.place, Meeting.cancelled)
    meetings = raw_rows(session, query)
    wanted = quorum and policy.rule is not QuorumRule.NONE
    history = titulaire_history(session) if wanted else None
    counted: dict[int, int] = {}
    if history is not None:
        counted = _counted(session, history, {
            mid: (figures[mid][0], figures[mid][4], day) for mid, code, _, day, *_ in meetings
            if code in DELIBERATIVE_TYPES and mid in figures and figures[mid][3]})
    today_iso = today.isoformat()
    rows = []
    none = (0, 0, 0, 0, None)
    for mid, code, title, day, start, end, place, cancelled in meetings:
        invited, present, represented, recorded, _ = figures.get(mid, none)
        label = types.get(code, code)
        when = date.fromisoformat(day)
        reached = None
        if recorded and history is not None:
            rule = policy.for_type(code).with_basis(history.titulaires_on(day))
            reached = rule.evaluate(counted.get(mid, 0)).reached
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

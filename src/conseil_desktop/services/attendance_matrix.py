"""Attendance over a year (or every year) as plain data, for the attendance workbook.

Two Core queries read straight from the cursor (see ``services.rows.raw_rows``):
the meetings held (cancelled ones left out) and every invitation to them. From
them come one list of invitees per meeting (numbered like the check-in screen:
folded last name, folded first name, person id), a members × meetings matrix
of codes P / E / A / R, and the totals by meeting type and by college.

The attendance rate is (present + represented) / invitations whose attendance
was recorded; a meeting or member with nothing recorded has no rate.

Over every year of a large base this takes seconds: a ``progress`` hook hears
:attr:`Stage.READING` as the invitations are fetched and the meetings gathered
(in hundredths of the work), often enough for a cancel to stop it promptly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Meeting,
    Membership,
    Organisation,
    Person,
    VocabularyKind,
)
from conseil_desktop.progress import OnProgress, Stage, report
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold

CODES = {
    AttendanceStatus.PRESENT: "P", AttendanceStatus.EXCUSED: "E",
    AttendanceStatus.ABSENT: "A", AttendanceStatus.REPRESENTED: "R",
    AttendanceStatus.INVITED: "?",
}
LEGEND = ("P : présent, R : représenté (pouvoir donné), E : excusé, A : absent, "
          "? : présence non renseignée, vide : pas invité")
RATE_RULE = ("Taux de présence = (présents + représentés) / invitations dont la présence "
             "est renseignée")


@dataclass
class Tally:
    """Counts of invitations by state, and the attendance rate they give."""

    present: int = 0
    represented: int = 0
    excused: int = 0
    absent: int = 0
    not_recorded: int = 0

    def add(self, code: str) -> None:
        if code == "P":
            self.present += 1
        elif code == "R":
            self.represented += 1
        elif code == "E":
            self.excused += 1
        elif code == "A":
            self.absent += 1
        else:
            self.not_recorded += 1

    @property
    def invited(self) -> int:
        return self.recorded + self.not_recorded

    @property
    def recorded(self) -> int:
        return self.present + self.represented + self.excused + self.absent

    @property
    def rate(self) -> float | None:
        return (self.present + self.represented) / self.recorded if self.recorded else None


@dataclass(frozen=True)
class InviteeLine:
    number: int
    last_name: str
    first_name: str
    college_label: str
    structure: str
    status_label: str
    code: str
    proxy_holder: str
    arrival: time | None
    departure: time | None


@dataclass(frozen=True)
class MeetingSheet:
    id: int
    date: date
    type_label: str
    title: str
    start_time: time | None
    end_time: time | None
    place: str
    invitees: list[InviteeLine]
    tally: Tally


@dataclass(frozen=True)
class MemberLine:
    person_id: int
    last_name: str
    first_name: str
    college_label: str
    # Meeting position (in the order of the meetings) -> code, for the meetings the
    # person was invited to: sparse, since over many years most people miss most meetings.
    codes: dict[int, str]
    tally: Tally

    def code_list(self, count: int) -> list[str]:
        """One code per meeting, "" where the person was not invited."""
        return [self.codes.get(n, "") for n in range(count)]


@dataclass(frozen=True)
class SummaryLine:
    label: str
    meetings: int  # meetings of this type (0 for a college line)
    people: int  # distinct people invited
    tally: Tally


@dataclass(frozen=True)
class AttendanceWorkbookData:
    council_name: str
    year: int | None
    meetings: list[MeetingSheet]
    members: list[MemberLine]
    by_type: list[SummaryLine]
    by_college: list[SummaryLine]
    total: Tally = field(default_factory=Tally)

    @property
    def period(self) -> str:
        return f"année {self.year}" if self.year else "toutes les réunions"


FETCH = 20_000  # invitations fetched (or grouped) at once: about 0.1 s
# Where the reading stands, in hundredths, once each part is done.
_FETCHED, _GROUPED, _GATHERED = 35, 50, 90


def attendance_workbook_data(session: Session, year: int | None,
                             progress: OnProgress | None = None, *,
                             until: date | None = None) -> AttendanceWorkbookData:
    """Every meeting held in ``year`` (every meeting when None), with its invitees;
    with ``until``, only those up to that day (later ones have no attendance yet)."""
    report(progress, Stage.READING, 0, 100)
    meetings = _meetings(session, year, until)
    index = {m[0]: n for n, m in enumerate(meetings)}
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    invitations = _invitations(session, year, until, progress, len(meetings))
    per_meeting, members = _grouped(invitations, index, progress)
    rank = {person_id: n for n, person_id in enumerate(members)}  # the name order, folded once
    sheets = []
    for done, (m, rows) in enumerate(zip(meetings, per_meeting, strict=True)):
        if done % 50 == 0:
            _reading(progress, _GROUPED, _GATHERED, done, len(meetings))
        sheets.append(_sheet(m, types, rows, members, index[m[0]], rank))
    report(progress, Stage.READING, _GATHERED, 100)
    lines = list(members.values())
    name = session.execute(select(CouncilSettings.council_name).limit(1)).scalar()
    total = Tally()
    for sheet in sheets:
        for attr in ("present", "represented", "excused", "absent", "not_recorded"):
            setattr(total, attr, getattr(total, attr) + getattr(sheet.tally, attr))
    by_type = _by_type(sheets, per_meeting)
    return AttendanceWorkbookData(
        council_name=name or "Conseil citoyen", year=year, meetings=sheets, members=lines,
        by_type=by_type, by_college=_by_college(per_meeting, progress), total=total)


def _reading(progress: OnProgress | None, start: int, end: int, done: int, total: int) -> None:
    """Report ``done`` of ``total`` as a position between ``start`` and ``end`` hundredths."""
    if progress is not None and total:
        progress(Stage.READING, start + (end - start) * done // total, 100)


def _grouped(invitations: list[tuple], index: dict[int, int],  # type: ignore[type-arg]
             progress: OnProgress | None) -> tuple[list[list[tuple]], dict[int, MemberLine]]:  # type: ignore[type-arg]
    """The invitations of each meeting, and a line for each person, in name order."""
    per_meeting: list[list[tuple]] = [[] for _ in index]  # type: ignore[type-arg]
    people: dict[int, tuple[str, str, int, str, str, str]] = {}
    for done, row in enumerate(invitations):
        if done % FETCH == 0:
            _reading(progress, _FETCHED, _GROUPED, done, len(invitations))
        position = index.get(row[0])
        if position is None:
            continue
        per_meeting[position].append(row)
        if row[1] not in people:
            people[row[1]] = (fold(row[2]), fold(row[3]), row[1], row[2], row[3] or "",
                              _college(row[4]))
    order = sorted(people.values())
    _reading(progress, _FETCHED, _GROUPED, len(invitations), len(invitations))
    members = {p[2]: MemberLine(p[2], p[3], p[4], p[5], {}, Tally()) for p in order}
    return per_meeting, members


def _period(year: int | None, until: date | None = None):  # type: ignore[no-untyped-def]
    conditions = [Meeting.cancelled.is_(False)]
    if year is not None:
        conditions += [Meeting.date >= date(year, 1, 1), Meeting.date <= date(year, 12, 31)]
    if until is not None:
        conditions.append(Meeting.date <= until)
    return and_(*conditions)


def _meetings(session: Session, year: int | None,
              until: date | None) -> list[tuple]:  # type: ignore[type-arg]
    query = (select(Meeting.id, Meeting.date, Meeting.type_code, Meeting.title,
                    Meeting.start_time, Meeting.end_time, Meeting.place)
             .where(_period(year, until))
             .order_by(Meeting.date, Meeting.start_time, Meeting.id))
    return raw_rows(session, query)


def _invitations(session: Session, year: int | None, until: date | None,
                 progress: OnProgress | None = None,
                 meetings: int = 0) -> list[tuple]:  # type: ignore[type-arg]
    holder = aliased(Person)
    query = (
        select(Attendance.meeting_id, Person.id, Person.last_name, Person.first_name,
               Membership.college, Organisation.name, Attendance.status,
               holder.first_name, holder.last_name, Attendance.arrival_time,
               Attendance.departure_time)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .outerjoin(holder, holder.id == Attendance.proxy_holder_id)
        .where(_period(year, until))
    )
    if progress is None:
        return raw_rows(session, query)
    # About 100 invitations a meeting: the bar moves with the rows fetched so far.
    expected = max(1, 100 * meetings)

    def fetched(count: int) -> None:
        _reading(progress, 0, _FETCHED, min(count, expected), expected)

    return raw_rows(session, query, chunk=FETCH, fetched=fetched)


def _time(raw: str | None) -> time | None:
    return time.fromisoformat(raw) if raw else None


_COLLEGE_LABELS = {college.value: labels.COLLEGE[college] for college in College}


def _college(raw: str | None) -> str:
    return _COLLEGE_LABELS[raw] if raw else ""


_STATUS = {s.value: s for s in AttendanceStatus}


def _sheet(meeting: tuple, types: dict[str, str], rows: list[tuple],  # type: ignore[type-arg]
           members: dict[int, MemberLine], column: int, rank: dict[int, int]) -> MeetingSheet:
    meeting_id, day, type_code, title, start, end, place = meeting
    rows.sort(key=lambda r: rank[r[1]])
    tally = Tally()
    invitees = []
    for number, r in enumerate(rows, start=1):
        _, person_id, last, first, college, organisation, status_raw, h_first, h_last, \
            arrival, departure = r
        status = _STATUS[status_raw]
        code = CODES[status]
        tally.add(code)
        college_label = _college(college)
        line = members[person_id]
        line.codes[column] = code
        line.tally.add(code)
        local_actor = college == College.LOCAL_ACTORS.value
        invitees.append(InviteeLine(
            number, last, first or "", college_label, (organisation or "") if local_actor else "",
            _status_label(status), code,
            f"{h_first or ''} {h_last}".strip() if h_last is not None else "",
            _time(arrival), _time(departure)))
    return MeetingSheet(meeting_id, date.fromisoformat(day), types.get(type_code, type_code),
                        title, _time(start), _time(end), place or "", invitees, tally)


def _by_type(sheets: list[MeetingSheet],
             per_meeting: list[list[tuple]]) -> list[SummaryLine]:  # type: ignore[type-arg]
    groups: dict[str, tuple[list[MeetingSheet], set[int]]] = {}
    for sheet, rows in zip(sheets, per_meeting, strict=True):
        found, people = groups.setdefault(sheet.type_label, ([], set()))
        found.append(sheet)
        people.update(r[1] for r in rows)
    lines = []
    for label, (found, people) in sorted(groups.items(), key=lambda g: fold(g[0])):
        tally = Tally()
        for sheet in found:
            for line in sheet.invitees:
                tally.add(line.code)
        lines.append(SummaryLine(label, len(found), len(people), tally))
    return lines


def _by_college(per_meeting: list[list[tuple]],  # type: ignore[type-arg]
                progress: OnProgress | None = None) -> list[SummaryLine]:
    groups: dict[str, tuple[Tally, set[int]]] = {}
    for done, rows in enumerate(per_meeting):
        if done % 200 == 0:
            _reading(progress, _GATHERED, 100, done, len(per_meeting))
        for r in rows:
            tally, people = groups.setdefault(_college(r[4]) or "Hors collège", (Tally(), set()))
            tally.add(CODES[_STATUS[r[6]]])
            people.add(r[1])
    order = [labels.COLLEGE[c] for c in College] + ["Hors collège"]
    return [SummaryLine(label, 0, len(groups[label][1]), groups[label][0])
            for label in order if label in groups]


def _status_label(status: AttendanceStatus) -> str:
    """A held meeting's invitee nobody marked is « Non renseigné », not « Invité »."""
    return NOT_RECORDED if status is AttendanceStatus.INVITED else labels.ATTENDANCE[status]


NOT_RECORDED = "Non renseigné"

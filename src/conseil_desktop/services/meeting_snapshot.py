"""Everything about one meeting as plain data: for the check-in screen and the documents.

The invitees are numbered once, here, in one order (folded last name, folded
first name, person id), so that the number a person has on the check-in screen
is the number printed on the sign-in sheet, the convocation and the minutes.
A sheet grouped by college keeps these numbers and only groups the rows. A
walk-in who became a member during the meeting comes after everyone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Decision,
    Guest,
    Meeting,
    MeetingOfficer,
    Membership,
    Organisation,
    Person,
    Seat,
    VocabularyKind,
    VoteMode,
)
from conseil_desktop.db.models.enums import OfficerRole
from conseil_desktop.errors import UserError
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.quorum import (
    QuorumResult,
    TitulaireHistory,
    invitees_history,
    quorum_policy,
)
from conseil_desktop.services.text import fold


@dataclass(frozen=True)
class InviteeRow:
    number: int  # 1-based and stable: the same on screen and on every printed sheet
    attendance_id: int
    person_id: int
    last_name: str
    first_name: str
    college: College | None
    college_label: str
    structure: str  # the organisation of a local actor, else ""
    seat: Seat | None
    counts_for_quorum: bool  # an active titulaire on the meeting's date (services/quorum)
    status: AttendanceStatus
    proxy_holder_id: int | None
    proxy_holder_name: str
    proxy_exception: bool
    arrival_time: time | None
    departure_time: time | None
    search_key: str

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name)


@dataclass(frozen=True)
class AttendanceCounts:
    invited: int
    present: int
    represented: int
    excused: int
    absent: int
    not_recorded: int
    guests: int
    # Of the represented, those whose proxy holder is not marked present: their proxy
    # is not exercised, so they count neither for the quorum nor among the voters.
    holder_absent: int = 0

    @property
    def represented_in_force(self) -> int:
        return self.represented - self.holder_absent

    @property
    def voters(self) -> int:
        """Present, plus represented by a holder who is present: the most votes."""
        return self.present + self.represented_in_force


@dataclass(frozen=True)
class DecisionEntry:
    id: int
    agenda_item_id: int | None
    position: int
    text: str
    vote_mode: VoteMode
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    votes_blank: int | None
    owner_name: str
    deadline: date | None
    done_on: date | None

    def vote_label(self) -> str:
        if self.vote_mode is not VoteMode.VOTE:
            return labels.VOTE_MODE[self.vote_mode]
        parts = [(self.votes_for, "pour"), (self.votes_against, "contre"),
                 (self.votes_abstain, "abstention"), (self.votes_blank, "blanc ou nul")]
        shown = [f"{word} {count}" for count, word in parts if count is not None]
        return ("Vote : " + ", ".join(shown)) if shown else "Vote non renseigné"


@dataclass(frozen=True)
class AgendaEntry:
    id: int
    position: int
    title: str
    presenter: str
    documents: list[str]
    summary: str
    decisions: list[DecisionEntry]


@dataclass(frozen=True)
class GuestEntry:
    id: int
    name: str
    organisation_name: str
    quality: str
    arrival_time: time | None
    departure_time: time | None
    person_id: int | None


@dataclass(frozen=True)
class MeetingSnapshot:
    id: int
    uuid: str
    type_code: str
    type_label: str
    title: str
    date: dt.date
    start_time: time | None
    end_time: time | None
    place: str
    convened_on: dt.date | None
    convocation_method: str
    notes: str
    cancelled: bool
    council_name: str
    gdpr_notice: str
    logo_png: bytes | None
    facilitators: list[str]
    secretaries: list[str]
    agenda: list[AgendaEntry]
    other_decisions: list[DecisionEntry]  # decisions attached to no agenda item
    invitees: list[InviteeRow]
    guests: list[GuestEntry]
    counts: AttendanceCounts
    quorum: QuorumResult


def display_name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip()


def invitee_rows(session: Session, meeting_id: int) -> list[InviteeRow]:
    holder = aliased(Person)
    day = session.scalar(select(Meeting.date).where(Meeting.id == meeting_id))
    history = invitees_history(session, meeting_id)
    query = (
        select(Attendance.id, Person.id, Person.last_name, Person.first_name,
               Membership.college, Membership.seat, Organisation.name,
               Attendance.status, Attendance.proxy_holder_id, holder.first_name,
               holder.last_name, Attendance.proxy_exception, Attendance.arrival_time,
               Attendance.departure_time)
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .outerjoin(holder, holder.id == Attendance.proxy_holder_id)
        .where(Attendance.meeting_id == meeting_id)
    )
    late = _converted_walk_ins(session, meeting_id)
    keyed = []
    for row in session.execute(query):
        last, first, person_id = row[2], row[3], row[1]
        keyed.append(((fold(last), fold(first), person_id), row))
    keyed.sort(key=lambda pair: (pair[0][2] in late, pair[0]))
    return [_invitee(number, key, row, history, day)
            for number, (key, row) in enumerate(keyed, start=1)]


def _converted_walk_ins(session: Session, meeting_id: int) -> set[int]:
    """People invited because a walk-in of this meeting became a member: numbered after
    everyone else, so that the numbers already printed on the sheet stay right."""
    query = (select(Guest.person_id)
             .join(Attendance, (Attendance.person_id == Guest.person_id)
                   & (Attendance.meeting_id == Guest.meeting_id))
             .where(Guest.meeting_id == meeting_id, Guest.person_id.is_not(None),
                    Attendance.created_at >= Guest.created_at))
    return {person_id for person_id in session.scalars(query) if person_id is not None}


def _invitee(number: int, key: tuple[str, str, int], row: tuple,  # type: ignore[type-arg]
             history: TitulaireHistory, day: dt.date | None) -> InviteeRow:
    (attendance_id, person_id, last, first, college, seat, organisation,
     status, holder_id, holder_first, holder_last, exception, arrival, departure) = row
    local_actor = college is College.LOCAL_ACTORS
    return InviteeRow(
        number=number, attendance_id=attendance_id, person_id=person_id,
        last_name=last, first_name=first or "", college=college,
        college_label=labels.COLLEGE.get(college, "") if college else "",
        structure=(organisation or "") if local_actor else "",
        seat=seat,
        counts_for_quorum=day is not None and history.is_titulaire_on(person_id, day),
        status=status, proxy_holder_id=holder_id,
        proxy_holder_name=display_name(holder_first or "", holder_last or "") if holder_id else "",
        proxy_exception=bool(exception), arrival_time=arrival, departure_time=departure,
        search_key=f"{key[0]} {key[1]}".strip(),
    )


def present_ids(invitees: list[InviteeRow]) -> set[int]:
    """The invitees marked present: the only ones who can exercise a proxy."""
    return {row.person_id for row in invitees if row.status is AttendanceStatus.PRESENT}


def proxy_in_force(row: InviteeRow, present: set[int]) -> bool:
    """Represented by a holder who is marked present (``present``: :func:`present_ids`)."""
    return (row.status is AttendanceStatus.REPRESENTED and row.proxy_holder_id is not None
            and row.proxy_holder_id in present)


def count_attendance(invitees: list[InviteeRow], guests: int = 0) -> AttendanceCounts:
    by_status = dict.fromkeys(AttendanceStatus, 0)
    for row in invitees:
        by_status[row.status] += 1
    present = present_ids(invitees)
    idle = sum(1 for row in invitees
               if row.status is AttendanceStatus.REPRESENTED and not proxy_in_force(row, present))
    return AttendanceCounts(
        invited=len(invitees), present=by_status[AttendanceStatus.PRESENT],
        represented=by_status[AttendanceStatus.REPRESENTED],
        excused=by_status[AttendanceStatus.EXCUSED], absent=by_status[AttendanceStatus.ABSENT],
        not_recorded=by_status[AttendanceStatus.INVITED], guests=guests, holder_absent=idle,
    )


def _walk_ins(guests: list[GuestEntry], invitees: list[InviteeRow]) -> int:
    """Guests not counted already as invitees (a guest who became a member is both)."""
    invited = {row.person_id for row in invitees}
    return sum(1 for guest in guests if guest.person_id not in invited)


def quorum_count(invitees: list[InviteeRow]) -> int:
    """Active titulaires (on the meeting's date) present, or represented by a holder
    who is present."""
    present = present_ids(invitees)
    return sum(1 for r in invitees if r.counts_for_quorum and (
        r.status is AttendanceStatus.PRESENT or proxy_in_force(r, present)))


def meeting_snapshot(session: Session, meeting_id: int) -> MeetingSnapshot:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(f"La réunion n° {meeting_id} n'existe pas dans cette base.")
    settings = session.execute(
        select(CouncilSettings.council_name, CouncilSettings.gdpr_notice,
               CouncilSettings.logo_png).order_by(CouncilSettings.id).limit(1)).first()
    council_name, gdpr_notice, logo = settings if settings else ("Conseil citoyen", "", None)
    invitees = invitee_rows(session, meeting_id)
    guests = _guests(session, meeting_id)
    decisions = _decisions(session, meeting_id)
    officers = _officers(session, meeting_id)
    return MeetingSnapshot(
        id=meeting.id, uuid=meeting.uuid, type_code=meeting.type_code,
        type_label=term_labels(session, VocabularyKind.MEETING_TYPE).get(
            meeting.type_code, meeting.type_code),
        title=meeting.title, date=meeting.date, start_time=meeting.start_time,
        end_time=meeting.end_time, place=meeting.place, convened_on=meeting.convened_on,
        convocation_method=meeting.convocation_method, notes=meeting.notes,
        cancelled=meeting.cancelled, council_name=council_name, gdpr_notice=gdpr_notice or "",
        logo_png=logo,
        facilitators=officers.get(OfficerRole.FACILITATOR, []),
        secretaries=officers.get(OfficerRole.SECRETARY, []),
        agenda=_agenda(session, meeting_id, decisions),
        other_decisions=[d for d in decisions if d.agenda_item_id is None],
        invitees=invitees, guests=guests,
        counts=count_attendance(invitees, _walk_ins(guests, invitees)),
        quorum=quorum_policy(session, meeting.type_code, on=meeting.date).evaluate(
            quorum_count(invitees)),
    )


def _officers(session: Session, meeting_id: int) -> dict[OfficerRole, list[str]]:
    query = (
        select(MeetingOfficer.role, Person.first_name, Person.last_name)
        .join(Person, Person.id == MeetingOfficer.person_id)
        .where(MeetingOfficer.meeting_id == meeting_id)
        .order_by(MeetingOfficer.id)
    )
    found: dict[OfficerRole, list[str]] = {}
    for role, first, last in session.execute(query):
        found.setdefault(role, []).append(display_name(first or "", last))
    return found


def _guests(session: Session, meeting_id: int) -> list[GuestEntry]:
    query = select(Guest).where(Guest.meeting_id == meeting_id).order_by(Guest.id)
    return [GuestEntry(g.id, g.name, g.organisation_name, g.quality, g.arrival_time,
                       g.departure_time, g.person_id) for g in session.scalars(query)]


def _decisions(session: Session, meeting_id: int) -> list[DecisionEntry]:
    query = (
        select(Decision, Person.first_name, Person.last_name, Organisation.name)
        .outerjoin(Person, Person.id == Decision.owner_person_id)
        .outerjoin(Organisation, Organisation.id == Decision.owner_organisation_id)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.position, Decision.id)
    )
    found = []
    for d, first, last, organisation in session.execute(query):
        owner = display_name(first or "", last) if last is not None else (organisation or "")
        found.append(DecisionEntry(
            d.id, d.agenda_item_id, d.position, d.text, d.vote_mode, d.votes_for,
            d.votes_against, d.votes_abstain, d.votes_blank, owner, d.deadline, d.done_on))
    return found


def _agenda(session: Session, meeting_id: int,
            decisions: list[DecisionEntry]) -> list[AgendaEntry]:
    query = (
        select(AgendaItem, Person.first_name, Person.last_name)
        .outerjoin(Person, Person.id == AgendaItem.presenter_person_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    by_item: dict[int, list[DecisionEntry]] = {}
    for decision in decisions:
        if decision.agenda_item_id is not None:
            by_item.setdefault(decision.agenda_item_id, []).append(decision)
    entries = []
    for item, first, last in session.execute(query):
        presenter = display_name(first or "", last) if last is not None else item.presenter_name
        documents = [line.strip() for line in item.documents.splitlines() if line.strip()]
        entries.append(AgendaEntry(item.id, item.position, item.title, presenter, documents,
                                   item.summary, by_item.get(item.id, [])))
    return entries

"""Everything held on one person, for an access request (domain.md section 9).

Read by :func:`person_data`; printed by :mod:`..export.personal_data_sheet`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    ContactAffiliation,
    Decision,
    Guest,
    Meeting,
    MeetingOfficer,
    Membership,
    Person,
    Project,
    ProjectMember,
    VocabularyKind,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels

_CHUNK = 500  # ids per IN (...) query
OFFICER = {"animateur": "Animation", "secretaire": "Secrétariat"}


@dataclass(frozen=True)
class StatusChange:
    effective_on: date
    status: str
    seat: str


@dataclass(frozen=True)
class MembershipInfo:
    college: str
    designation: str
    designation_source: str
    seat: str
    organisation: str
    joined_on: date | None
    mandate_end_on: date | None
    status: str
    status_since: date | None
    parental_authorisation_on: date | None
    history: tuple[StatusChange, ...]


@dataclass(frozen=True)
class RoleInfo:
    role: str
    started_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class ConsentInfo:
    kind: str
    granted: bool
    recorded_on: date
    source: str


@dataclass(frozen=True)
class AffiliationInfo:
    organisation: str
    role_title: str
    phone: str
    email: str
    notes: str


@dataclass
class MeetingTrace:
    """One meeting: invitation status, proxy given or held, functions held."""

    meeting_date: date
    title: str
    status: str = ""
    proxies: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProjectInfo:
    title: str
    year: int | None
    status: str
    involvement: str


@dataclass(frozen=True)
class DecisionInfo:
    meeting_date: date
    meeting_title: str
    text: str
    deadline: date | None
    done_on: date | None


@dataclass(frozen=True)
class GuestInfo:
    meeting_date: date
    meeting_title: str
    name: str
    organisation: str
    quality: str


@dataclass(frozen=True)
class PersonalData:
    person_id: int
    last_name: str
    first_name: str
    sex: str
    birth_date: date | None
    email: str
    phone: str
    preferred_channel: str
    address_line1: str
    address_line2: str
    postcode: str
    city: str
    recorded_on: date
    anonymised_on: date | None
    membership: MembershipInfo | None
    roles: list[RoleInfo]
    consents: list[ConsentInfo]
    affiliations: list[AffiliationInfo]
    meetings: list[MeetingTrace]
    projects: list[ProjectInfo]
    decisions: list[DecisionInfo]
    guest_appearances: list[GuestInfo]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()




# --- access ----------------------------------------------------------------------------


def person_data(session: Session, person_id: int) -> PersonalData:
    """Everything held on one person, for a *fiche de données personnelles*."""
    person = _load_person(session, person_id)
    return PersonalData(
        person_id=person.id, last_name=person.last_name, first_name=person.first_name,
        sex=labels.SEX[person.sex] if person.sex else "", birth_date=person.birth_date,
        email=person.email or "", phone=person.phone or "",
        preferred_channel=labels.CHANNEL[person.preferred_channel],
        address_line1=person.address_line1, address_line2=person.address_line2,
        postcode=person.postcode, city=person.city, recorded_on=person.created_at.date(),
        anonymised_on=person.anonymised_at.date() if person.anonymised_at else None,
        membership=_membership_info(person.membership),
        roles=_roles(session, person.membership),
        consents=[ConsentInfo(labels.CONSENT[c.kind], c.granted, c.recorded_on, c.source)
                  for c in sorted(person.consents, key=lambda c: c.kind)],
        affiliations=[AffiliationInfo(a.organisation.name if a.organisation else "",
                                      a.role_title, a.phone or "", a.email or "", a.notes)
                      for a in person.affiliations],
        meetings=_meetings(session, person_id), projects=_projects(session, person_id),
        decisions=_decisions(session, person_id), guest_appearances=_guests(session, person_id),
    )


def _load_person(session: Session, person_id: int) -> Person:
    people = _load_people(session, [person_id])
    if not people:
        raise InvalidInputError(f"Personne introuvable (n° {person_id}).")
    return people[0]


def _load_people(session: Session, ids: list[int]) -> list[Person]:
    """People with everything :func:`person_data` and :func:`_erase` touch, by chunks."""
    people: list[Person] = []
    membership = selectinload(Person.membership)
    for start in range(0, len(ids), _CHUNK):
        people += session.scalars(select(Person).where(Person.id.in_(ids[start:start + _CHUNK]))
                                  .options(membership.selectinload(Membership.status_events),
                                           membership.selectinload(Membership.roles),
                                           membership.selectinload(Membership.organisation),
                                           selectinload(Person.consents),
                                           selectinload(Person.affiliations)
                                           .selectinload(ContactAffiliation.organisation)))
    return people


def _membership_info(m: Membership | None) -> MembershipInfo | None:
    if m is None:
        return None
    history = tuple(
        StatusChange(e.effective_on, labels.MEMBER_STATUS[e.status],
                     labels.SEAT[e.seat] if e.seat else "")
        for e in m.status_events
    )
    return MembershipInfo(
        college=labels.COLLEGE_LONG[m.college], designation=labels.DESIGNATION[m.designation],
        designation_source=m.designation_source, seat=labels.SEAT[m.seat],
        organisation=m.organisation.name if m.organisation else "", joined_on=m.joined_on,
        mandate_end_on=m.mandate_end_on, status=labels.MEMBER_STATUS[m.status],
        status_since=m.status_since, parental_authorisation_on=m.parental_authorisation_on,
        history=history,
    )


def _roles(session: Session, membership: Membership | None) -> list[RoleInfo]:
    if membership is None or not membership.roles:
        return []
    names = term_labels(session, VocabularyKind.ROLE)
    return [RoleInfo(names.get(r.role_code, r.role_code), r.started_on, r.ended_on)
            for r in sorted(membership.roles, key=lambda r: (r.started_on or date.min))]


def _name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _meetings(session: Session, person_id: int) -> list[MeetingTrace]:
    traces: dict[int, MeetingTrace] = {}

    def trace(meeting_id: int, day: date, title: str) -> MeetingTrace:
        return traces.setdefault(meeting_id, MeetingTrace(day, title))

    other = aliased(Person)
    own = (select(Meeting.id, Meeting.date, Meeting.title, Attendance.status,
                  other.first_name, other.last_name)
           .join(Attendance, Attendance.meeting_id == Meeting.id)
           .outerjoin(other, other.id == Attendance.proxy_holder_id)
           .where(Attendance.person_id == person_id))
    for meeting_id, day, title, status, first, last in session.execute(own):
        entry = trace(meeting_id, day, title)
        entry.status = labels.ATTENDANCE[status]
        if first is not None or last is not None:
            entry.proxies.append(f"Pouvoir donné à {_name(first, last)}")
    held = (select(Meeting.id, Meeting.date, Meeting.title, other.first_name, other.last_name)
            .join(Attendance, Attendance.meeting_id == Meeting.id)
            .join(other, other.id == Attendance.person_id)
            .where(Attendance.proxy_holder_id == person_id))
    for meeting_id, day, title, first, last in session.execute(held):
        trace(meeting_id, day, title).proxies.append(f"Pouvoir reçu de {_name(first, last)}")
    officers = (select(Meeting.id, Meeting.date, Meeting.title, MeetingOfficer.role)
                .join(MeetingOfficer, MeetingOfficer.meeting_id == Meeting.id)
                .where(MeetingOfficer.person_id == person_id))
    for meeting_id, day, title, role in session.execute(officers):
        trace(meeting_id, day, title).functions.append(OFFICER.get(role, str(role)))
    presented = (select(Meeting.id, Meeting.date, Meeting.title, AgendaItem.title)
                 .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
                 .where(AgendaItem.presenter_person_id == person_id))
    for meeting_id, day, title, item in session.execute(presented):
        trace(meeting_id, day, title).functions.append(f"Présentation du point « {item} »")
    return sorted(traces.values(), key=lambda t: (t.meeting_date, t.title))


def _projects(session: Session, person_id: int) -> list[ProjectInfo]:
    held = set(session.scalars(select(Project.id).where(Project.holder_person_id == person_id)))
    team = set(session.scalars(
        select(ProjectMember.project_id).where(ProjectMember.person_id == person_id)))
    rows = session.execute(
        select(Project.id, Project.title, Project.year, Project.status)
        .where(Project.id.in_(held | team)).order_by(Project.year, Project.title))
    involvement = {(True, False): "Porteur", (False, True): "Membre de l'équipe",
                   (True, True): "Porteur et membre de l'équipe"}
    return [ProjectInfo(title, year, labels.PROJECT_STATUS[status],
                        involvement[(project_id in held, project_id in team)])
            for project_id, title, year, status in rows]


def _decisions(session: Session, person_id: int) -> list[DecisionInfo]:
    rows = session.execute(
        select(Meeting.date, Meeting.title, Decision.text, Decision.deadline, Decision.done_on)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .where(Decision.owner_person_id == person_id)
        .order_by(Meeting.date, Decision.position))
    return [DecisionInfo(*row) for row in rows]


def _guests(session: Session, person_id: int) -> list[GuestInfo]:
    rows = session.execute(
        select(Meeting.date, Meeting.title, Guest.name, Guest.organisation_name, Guest.quality)
        .join(Meeting, Meeting.id == Guest.meeting_id)
        .where(Guest.person_id == person_id).order_by(Meeting.date))
    return [GuestInfo(*row) for row in rows]

"""What is read about contacts: the searchable list, an organisation's or a
person's detail (projects, meetings attended as a guest, decisions owned) and
the address book handed to the exports.

The search ignores case and accents: people are matched in SQL on their
folded ``search_key`` (names, e-mail, phone, organisations and roles, kept by
:func:`contacts.refresh_search_key`); organisations, far fewer, are folded here.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Consent,
    ConsentKind,
    ContactAffiliation,
    Decision,
    Guest,
    Meeting,
    Membership,
    Organisation,
    Person,
    Project,
    ProjectFunding,
    ProjectMember,
    VocabularyKind,
)
from conseil_desktop.services.contacts import (
    AffiliationData,
    ContactData,
    OrganisationData,
    require_organisation,
    require_person,
)
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_phone
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold


class ContactKind(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "personne"


@dataclass(frozen=True)
class ContactRow:
    kind: ContactKind
    id: int
    name: str
    organisation: str  # a person's organisations
    role: str  # an organisation's type, a person's role titles
    phone: str  # as shown: 06 12 34 56 78
    email: str
    city: str
    archived: bool


@dataclass(frozen=True)
class AffiliationRow:
    id: int
    person_id: int
    person_name: str
    organisation_id: int | None
    organisation_name: str
    role_title: str
    phone: str
    email: str
    notes: str


@dataclass(frozen=True)
class ProjectRef:
    id: int
    title: str
    year: int | None
    status_label: str
    role: str  # Porteur, Membre, Financeur


@dataclass(frozen=True)
class MeetingRef:
    id: int
    date: date
    title: str
    quality: str  # the capacity in which the guest came


@dataclass(frozen=True)
class DecisionRef:
    id: int
    meeting_id: int
    meeting_date: date
    text: str
    deadline: date | None
    done_on: date | None


@dataclass(frozen=True)
class OrganisationDetail:
    id: int
    uuid: str
    data: OrganisationData  # stored values, phone as shown, ready for the form
    kind_label: str
    archived_at: datetime | None
    people: list[AffiliationRow]
    projects: list[ProjectRef]
    decisions: list[DecisionRef]


@dataclass(frozen=True)
class ContactDetail:
    id: int
    uuid: str
    data: ContactData
    is_member: bool
    affiliations: list[AffiliationRow]
    projects: list[ProjectRef]
    guest_meetings: list[MeetingRef]
    decisions: list[DecisionRef]


# --- the list ---------------------------------------------------------------------


def search_contacts(
    session: Session, text: str = "", *, kind_code: str | None = None,
    include_archived: bool = False,
) -> list[ContactRow]:
    """Organisations and people matching every word of ``text``, by folded name."""
    tokens = fold(text).split()
    orgs = _organisation_rows(session, tokens, kind_code, include_archived)
    people = _people_rows(session, tokens, kind_code, include_archived)
    return [row for _, row in heapq.merge(orgs, people, key=lambda pair: pair[0])]


def _organisation_rows(
    session: Session, tokens: list[str], kind_code: str | None, include_archived: bool
) -> list[tuple[str, ContactRow]]:
    kinds = term_labels(session, VocabularyKind.ORGANISATION_KIND)
    query = select(Organisation.id, Organisation.name, Organisation.kind_code,
                   Organisation.phone, Organisation.email, Organisation.city,
                   Organisation.archived_at)
    if kind_code:
        query = query.where(Organisation.kind_code == kind_code)
    if not include_archived:
        query = query.where(Organisation.archived_at.is_(None))
    found = []
    for r in session.execute(query):
        key = fold(r.name)
        kind = kinds.get(r.kind_code, r.kind_code)
        if tokens:
            haystack = " ".join((key, fold(kind), fold(r.city), (r.email or "").lower(),
                                 *_phone_forms(r.phone)))
            if not all(token in haystack for token in tokens):
                continue
        found.append((key, ContactRow(ContactKind.ORGANISATION, r.id, r.name, "", kind,
                                      fmt_phone(r.phone), r.email or "", r.city,
                                      r.archived_at is not None)))
    found.sort(key=lambda pair: pair[0])
    return found


def _people_rows(
    session: Session, tokens: list[str], kind_code: str | None, include_archived: bool
) -> list[tuple[str, ContactRow]]:
    query = (
        select(Person.id, Person.last_name, Person.first_name, Person.search_key,
               Person.phone, Person.email, Person.city, Person.archived_at,
               ContactAffiliation.role_title, ContactAffiliation.phone.label("work_phone"),
               ContactAffiliation.email.label("work_email"), Organisation.name.label("org"))
        .join(ContactAffiliation, ContactAffiliation.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == ContactAffiliation.organisation_id)
        .where(Person.anonymised_at.is_(None),
               *(Person.search_key.contains(token, autoescape=True) for token in tokens))
        .order_by(Person.search_key, Person.id, ContactAffiliation.id)
    )
    if kind_code:
        query = query.where(Organisation.kind_code == kind_code)
    if not include_archived:
        query = query.where(Person.archived_at.is_(None))
    found: list[tuple[str, ContactRow]] = []
    group: list[Any] = []  # the rows of one person
    # Raw DB-API rows: SQLAlchemy's per-row processing doubled the time on 10,000 contacts.
    for r in map(_PersonLine._make, raw_rows(session, query)):
        if group and group[0].id != r.id:
            found.append(_person_row(group))
            group = []
        group.append(r)
    if group:
        found.append(_person_row(group))
    return found


class _PersonLine(NamedTuple):
    id: int
    last_name: str
    first_name: str
    search_key: str
    phone: str | None
    email: str | None
    city: str
    archived_at: str | None  # raw text: only tested for None
    role_title: str | None
    work_phone: str | None
    work_email: str | None
    org: str | None


def _person_row(rows: list[Any]) -> tuple[str, ContactRow]:
    """One row per person, whatever their number of roles."""
    p = rows[0]
    orgs = dict.fromkeys(r.org for r in rows if r.org)
    roles = dict.fromkeys(r.role_title for r in rows if r.role_title)
    phone = next((r.work_phone for r in rows if r.work_phone), p.phone)
    email = next((r.work_email for r in rows if r.work_email), p.email)
    return p.search_key, ContactRow(
        ContactKind.PERSON, p.id, f"{p.last_name} {p.first_name}".strip(), ", ".join(orgs),
        ", ".join(roles), fmt_phone(phone), email or "", p.city, p.archived_at is not None,
    )


def _phone_forms(phone: str | None) -> list[str]:
    if not phone:
        return []
    digits = re.sub(r"\D", "", phone)
    national = "0" + digits[2:] if phone.startswith("+33") else ""
    return [digits, national]


# --- details ------------------------------------------------------------------------


def get_organisation(session: Session, org_id: int) -> OrganisationDetail:
    org = require_organisation(session, org_id)
    data = OrganisationData(
        name=org.name, kind_code=org.kind_code, siret=org.siret or "", rna=org.rna or "",
        address_line1=org.address_line1, address_line2=org.address_line2,
        postcode=org.postcode, city=org.city, phone=fmt_phone(org.phone),
        email=org.email or "", website=org.website or "", in_neighbourhood=org.in_neighbourhood,
        is_funder=org.is_funder, notes=org.notes,
    )
    funded = select(ProjectFunding.project_id).where(
        ProjectFunding.funder_organisation_id == org_id)
    projects = _project_refs(session, "Porteur", Project.holder_organisation_id == org_id)
    projects += _project_refs(session, "Financeur", Project.id.in_(funded))
    return OrganisationDetail(
        id=org.id, uuid=org.uuid, data=data,
        kind_label=term_labels(session, VocabularyKind.ORGANISATION_KIND).get(
            org.kind_code, org.kind_code),
        archived_at=org.archived_at,
        people=_affiliations(session, ContactAffiliation.organisation_id == org_id),
        projects=projects,
        decisions=_decisions(session, Decision.owner_organisation_id == org_id),
    )


def get_contact(session: Session, person_id: int) -> ContactDetail:
    person = require_person(session, person_id)
    affiliations = _affiliations(session, ContactAffiliation.person_id == person_id)
    data = ContactData(
        last_name=person.last_name, first_name=person.first_name, email=person.email or "",
        phone=fmt_phone(person.phone), address_line1=person.address_line1,
        address_line2=person.address_line2, postcode=person.postcode, city=person.city,
        affiliations=[AffiliationData(a.organisation_id, a.role_title, a.phone, a.email,
                                      a.notes, a.id) for a in affiliations],
    )
    as_member = select(ProjectMember.project_id).where(ProjectMember.person_id == person_id)
    meetings = session.execute(
        select(Meeting.id, Meeting.date, Meeting.title, Guest.quality)
        .join(Guest, Guest.meeting_id == Meeting.id)
        .where(Guest.person_id == person_id).order_by(Meeting.date.desc())
    )
    return ContactDetail(
        id=person.id, uuid=person.uuid, data=data, is_member=person.membership is not None,
        affiliations=affiliations,
        projects=_project_refs(session, "Porteur", Project.holder_person_id == person_id)
        + _project_refs(session, "Membre", Project.id.in_(as_member)),
        guest_meetings=[MeetingRef(*row) for row in meetings],
        decisions=_decisions(session, Decision.owner_person_id == person_id),
    )


def _affiliations(session: Session, where: ColumnElement[bool]) -> list[AffiliationRow]:
    query = (
        select(ContactAffiliation, Person.last_name, Person.first_name, Organisation.name)
        .join(Person, Person.id == ContactAffiliation.person_id)
        .outerjoin(Organisation, Organisation.id == ContactAffiliation.organisation_id)
        .where(where, Person.anonymised_at.is_(None))
        .order_by(Person.search_key, ContactAffiliation.id)
    )
    return [
        AffiliationRow(a.id, a.person_id, f"{last} {first}".strip(), a.organisation_id,
                       org or "", a.role_title, fmt_phone(a.phone), a.email or "", a.notes)
        for a, last, first, org in session.execute(query)
    ]


def _project_refs(session: Session, role: str, where: ColumnElement[bool]) -> list[ProjectRef]:
    query = (
        select(Project.id, Project.title, Project.year, Project.status)
        .where(where).order_by(Project.year.desc().nulls_last(), Project.title)
    )
    return [ProjectRef(pid, title, year, PROJECT_STATUS[status], role)
            for pid, title, year, status in session.execute(query)]


def _decisions(session: Session, where: ColumnElement[bool]) -> list[DecisionRef]:
    query = (
        select(Decision.id, Meeting.id, Meeting.date, Decision.text, Decision.deadline,
               Decision.done_on)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .where(where).order_by(Meeting.date.desc(), Decision.position)
    )
    return [DecisionRef(*row) for row in session.execute(query)]


# --- the address book, for the exports ---------------------------------------------


@dataclass(frozen=True)
class OrganisationCard:
    uuid: str
    name: str
    kind_label: str
    siret: str
    rna: str
    address_line1: str
    address_line2: str
    postcode: str
    city: str
    phone: str  # E.164, or a French short number
    email: str
    website: str
    notes: str


@dataclass(frozen=True)
class RoleCard:
    organisation: str
    role_title: str
    phone: str
    email: str
    notes: str
    # The organisation's address: where a member who is also a contact is reached.
    address_line1: str = ""
    address_line2: str = ""
    postcode: str = ""
    city: str = ""


@dataclass(frozen=True)
class PersonCard:
    """A contact person. For a member of the council, only what belongs to their
    roles: personal phone and e-mail only with their consent to share them
    (:attr:`ConsentKind.SHARE_CONTACT`), never their home address."""

    uuid: str
    last_name: str
    first_name: str
    email: str
    phone: str
    address_line1: str
    address_line2: str
    postcode: str
    city: str
    roles: list[RoleCard]
    member: bool = False


@dataclass(frozen=True)
class AddressBook:
    organisations: list[OrganisationCard]  # by type, then name
    people: list[PersonCard]  # by name


def address_book(session: Session) -> AddressBook:
    """Every organisation and contact still in use (not archived nor anonymised)."""
    kinds = term_labels(session, VocabularyKind.ORGANISATION_KIND)
    orgs = [
        OrganisationCard(o.uuid, o.name, kinds.get(o.kind_code, o.kind_code), o.siret or "",
                         o.rna or "", o.address_line1, o.address_line2, o.postcode, o.city,
                         o.phone or "", o.email or "", o.website or "", o.notes)
        for o in session.scalars(select(Organisation).where(Organisation.archived_at.is_(None)))
    ]
    orgs.sort(key=lambda o: (fold(o.kind_label), fold(o.name)))
    roles: dict[int, list[RoleCard]] = {}
    query = (
        select(ContactAffiliation, Organisation)
        .outerjoin(Organisation, Organisation.id == ContactAffiliation.organisation_id)
        .order_by(ContactAffiliation.id)
    )
    for a, org in session.execute(query):
        roles.setdefault(a.person_id, []).append(RoleCard(
            org.name if org else "", a.role_title, a.phone or "", a.email or "", a.notes,
            *((org.address_line1, org.address_line2, org.postcode, org.city) if org else ())))
    contacts = select(ContactAffiliation.person_id)
    members = set(session.scalars(
        select(Membership.person_id).where(Membership.person_id.in_(contacts))))
    sharing = set(session.scalars(select(Consent.person_id).where(
        Consent.person_id.in_(contacts), Consent.kind == ConsentKind.SHARE_CONTACT,
        Consent.granted.is_(True))))
    people = session.scalars(
        select(Person).where(Person.id.in_(contacts),
                             Person.anonymised_at.is_(None), Person.archived_at.is_(None))
        .order_by(Person.search_key, Person.id)
    )
    return AddressBook(orgs, [
        _person_card(p, roles[p.id], member=p.id in members, sharing=p.id in sharing)
        for p in people
    ])


def _person_card(person: Person, roles: list[RoleCard], *, member: bool,
                 sharing: bool) -> PersonCard:
    """A member's personal details stay private (domain.md sections 2, 9): their
    phone and e-mail only with their consent, their home address never."""
    p = person
    if not member:
        return PersonCard(p.uuid, p.last_name, p.first_name, p.email or "", p.phone or "",
                          p.address_line1, p.address_line2, p.postcode, p.city, roles)
    return PersonCard(p.uuid, p.last_name, p.first_name,
                      (p.email or "") if sharing else "", (p.phone or "") if sharing else "",
                      "", "", "", "", roles, member=True)

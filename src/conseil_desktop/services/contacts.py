"""Partners of the council: organisations, and people with a role in them
(domain.md section 8).

A person is stored once: a member who is also, say, the president of a local
association gets an affiliation row (:func:`add_affiliation`), not a copy.
Forms hand plain strings (blank means none) and get back a
:class:`SaveResult`; identifiers, phones and e-mails are checked and
normalised here (phones stored in E.164). An organisation that funds or holds
a project is archived rather than deleted, so no project loses its history.
Searches and details are in :mod:`conseil_desktop.services.contact_queries`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from conseil_desktop.db.base import utcnow
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    ContactAffiliation,
    Decision,
    Guest,
    MeetingOfficer,
    Membership,
    Organisation,
    Person,
    Project,
    ProjectFunding,
    ProjectMember,
    VocabularyKind,
)
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import identifiers
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import plural
from conseil_desktop.services.projects import Choice, SaveResult
from conseil_desktop.services.text import fold, person_search_key


@dataclass
class OrganisationData:
    name: str
    kind_code: str = "autre"
    siret: str = ""
    rna: str = ""
    address_line1: str = ""
    address_line2: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    in_neighbourhood: bool = False
    is_funder: bool = False
    notes: str = ""


@dataclass
class AffiliationData:
    """A role in an organisation (or none, for a contact of no organisation)."""

    organisation_id: int | None
    role_title: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    id: int | None = None  # an existing affiliation, kept on update


@dataclass
class ContactData:
    last_name: str
    first_name: str = ""
    email: str = ""
    phone: str = ""
    address_line1: str = ""
    address_line2: str = ""
    postcode: str = ""
    city: str = ""
    affiliations: list[AffiliationData] = field(default_factory=list)


class DeleteOutcome(StrEnum):
    DELETED = "supprimee"
    ARCHIVED = "archivee"


class OrganisationInUseError(UserError):
    """The organisation funds or holds projects (or has people): archive it instead."""

    def __init__(self, message: str, *, projects: list[Choice]) -> None:
        super().__init__(message)
        self.projects = projects


# --- organisations --------------------------------------------------------------


def create_organisation(session: Session, data: OrganisationData) -> SaveResult:
    org = Organisation(name="")
    warnings = _apply_organisation(session, org, data)
    session.add(org)
    session.flush()
    return SaveResult(org.id, tuple(warnings))


def update_organisation(session: Session, org_id: int, data: OrganisationData) -> SaveResult:
    org = require_organisation(session, org_id)
    renamed = org.name != data.name.strip()
    warnings = _apply_organisation(session, org, data)
    session.flush()
    if renamed:  # the people's search keys carry the organisation's name
        for person in session.scalars(select(Person).join(ContactAffiliation).where(
            ContactAffiliation.organisation_id == org_id
        )):
            refresh_search_key(session, person)
    return SaveResult(org.id, tuple(warnings))


def archive_organisation(session: Session, org_id: int) -> None:
    org = require_organisation(session, org_id)
    org.archived_at = org.archived_at or utcnow()


def restore_organisation(session: Session, org_id: int) -> None:
    require_organisation(session, org_id).archived_at = None


@dataclass(frozen=True)
class OrganisationUsage:
    """What refers to an organisation, and so stops it from being deleted."""

    name: str
    projects: list[Choice]  # the projects it holds or funds
    people: int  # contacts with a role in it
    members: int  # members of the council who represent it
    decisions: int  # decisions entrusted to it

    @property
    def in_use(self) -> bool:
        return bool(self.projects or self.people or self.members or self.decisions)

    def message(self) -> str:
        reasons = []
        if self.projects:
            titles = ", ".join(p.label for p in self.projects[:5]) + (
                " …" if len(self.projects) > 5 else "")
            reasons.append(f"elle finance ou porte {plural(len(self.projects), 'projet', 'projets')} ({titles})")
        if self.people:
            reasons.append(f"{plural(self.people, 'contact y a', 'contacts y ont')} un rôle")
        if self.members:
            reasons.append(f"des membres la représentent ({self.members})")
        if self.decisions:
            reasons.append(f"des décisions lui sont confiées ({self.decisions})")
        why = " ; ".join(reasons)
        return (
            f"L'organisation « {self.name} » ne peut pas être supprimée : {why}. Pour garder "
            "cet historique, elle sera archivée (masquée des listes) au lieu d'être supprimée."
        )


def organisation_usage(session: Session, org_id: int) -> OrganisationUsage:
    """What refers to the organisation (read only: nothing is changed)."""
    org = require_organisation(session, org_id)

    def count(clause: ColumnElement[bool]) -> int:
        return session.scalar(select(func.count()).where(clause)) or 0

    return OrganisationUsage(
        name=org.name,
        projects=organisation_projects(session, org_id),
        people=count(ContactAffiliation.organisation_id == org_id),
        members=count(Membership.organisation_id == org_id),
        decisions=count(Decision.owner_organisation_id == org_id),
    )


def delete_organisation(
    session: Session, org_id: int, *, confirmed: bool = False
) -> DeleteOutcome:
    """Delete an organisation nothing refers to (:func:`organisation_usage`);
    otherwise archive it once confirmed.

    Without ``confirmed``, an organisation still referred to raises
    :class:`OrganisationInUseError` naming its projects, for the form to ask.
    """
    usage = organisation_usage(session, org_id)
    if not usage.in_use:
        session.delete(require_organisation(session, org_id))
        session.flush()
        return DeleteOutcome.DELETED
    if not confirmed:
        raise OrganisationInUseError(usage.message(), projects=usage.projects)
    archive_organisation(session, org_id)
    return DeleteOutcome.ARCHIVED


def organisation_projects(session: Session, org_id: int) -> list[Choice]:
    """The projects an organisation holds or funds."""
    funded = select(ProjectFunding.project_id).where(
        ProjectFunding.funder_organisation_id == org_id)
    rows = session.execute(
        select(Project.id, Project.title)
        .where(or_(Project.holder_organisation_id == org_id, Project.id.in_(funded)))
        .order_by(Project.title)
    )
    return [Choice(pid, title) for pid, title in rows]


def _apply_organisation(
    session: Session, org: Organisation, data: OrganisationData
) -> list[str]:
    """Check every field first, so that a refused form changes nothing."""
    values = _organisation_values(session, data)
    others = select(Organisation.name)
    if org.id is not None:
        others = others.where(Organisation.id != org.id)
    folded = fold(str(values["name"]))
    homonyms = [other for other in session.scalars(others) if fold(other) == folded]
    for key, value in values.items():
        setattr(org, key, value)
    return [f"Une autre organisation s'appelle déjà « {other} » : s'agit-il d'un doublon ?"
            for other in homonyms[:1]]


def _organisation_values(session: Session, data: OrganisationData) -> dict[str, object]:
    name = data.name.strip()
    if not name:
        raise InvalidInputError("Le nom de l'organisation est obligatoire.")
    if data.kind_code not in term_labels(session, VocabularyKind.ORGANISATION_KIND):
        raise InvalidInputError(f"Type d'organisation inconnu : « {data.kind_code} ».")
    problems: list[str] = []  # every bad field at once, not one per attempt

    def checked(text: str | None, normalise: Callable[[str], str]) -> str | None:
        try:
            return _optional(text, normalise)
        except InvalidInputError as exc:
            problems.append(exc.message)
            return None

    values: dict[str, object] = {
        "siret": checked(data.siret, identifiers.normalise_siret),
        "rna": checked(data.rna, identifiers.normalise_rna),
        "phone": checked(data.phone, identifiers.normalise_phone),
        "email": checked(data.email, identifiers.normalise_email),
        "website": checked(data.website, identifiers.normalise_website),
        "postcode": checked(data.postcode, identifiers.normalise_postcode) or "",
    }
    if problems:
        raise InvalidInputError("\n".join(problems))
    return {
        "name": name[:200], "kind_code": data.kind_code, **values,
        "address_line1": data.address_line1.strip(), "address_line2": data.address_line2.strip(),
        "city": data.city.strip(), "in_neighbourhood": data.in_neighbourhood,
        "is_funder": data.is_funder, "notes": data.notes.strip(),
    }


def require_organisation(session: Session, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise InvalidInputError(
            f"Organisation introuvable (n° {org_id}) : elle a peut-être été supprimée."
        )
    return org


# --- people -----------------------------------------------------------------------


def create_contact(session: Session, data: ContactData) -> SaveResult:
    """A new person who is a contact; warns when someone of the same name exists."""
    homonyms = _homonyms(session, data.last_name, data.first_name)
    person = Person()
    _save_person(session, person, data)
    warnings = [
        f"Une fiche « {name} » existait déjà : s'il s'agit de la même personne, ajoutez-lui "
        "plutôt un rôle depuis sa fiche, pour ne pas créer de doublon."
        for name in homonyms[:1]
    ]
    return SaveResult(person.id, tuple(warnings))


def update_contact(session: Session, person_id: int, data: ContactData) -> SaveResult:
    """Save the contact form; a person who is also a member keeps their membership."""
    _save_person(session, require_person(session, person_id), data)
    return SaveResult(person_id)


def add_affiliation(session: Session, person_id: int, data: AffiliationData) -> int:
    """Give an existing person (a member, say) a role: they become a contact, not a copy."""
    person = require_person(session, person_id)
    row = _assign(ContactAffiliation(person_id=person.id), _affiliation_values(session, data))
    session.add(row)
    session.flush()
    refresh_search_key(session, person)
    return row.id


def remove_affiliation(session: Session, affiliation_id: int) -> None:
    row = session.get(ContactAffiliation, affiliation_id)
    if row is None:
        raise InvalidInputError("Ce rôle n'existe plus.")
    person = row.person
    session.delete(row)
    session.flush()
    refresh_search_key(session, person)


def remove_contact(session: Session, person_id: int) -> bool:
    """Remove every role of a person; delete the person too when nothing else refers
    to them (not a member, no project, meeting or decision). True when deleted."""
    person = require_person(session, person_id)
    person.affiliations.clear()
    session.flush()
    if _person_is_referenced(session, person_id):
        refresh_search_key(session, person)
        return False
    session.delete(person)
    session.flush()
    return True


def contact_search_key(
    last_name: str, first_name: str, email: str | None, phone: str | None,
    organisations: Iterable[str | None] = (), roles: Iterable[str | None] = (),
) -> str:
    """The folded key a contact is searched by: names, e-mail, phone, then the
    organisations they belong to and their role titles. Whoever writes
    ``Person.search_key`` (members, demo data, imports) should build it here."""
    extra = " ".join(dict.fromkeys(x for x in (*organisations, *roles) if x))
    return person_search_key(last_name, first_name, email, phone, extra)[:600]


def refresh_search_key(session: Session, person: Person) -> None:
    rows = session.execute(
        select(Organisation.name, ContactAffiliation.role_title)
        .select_from(ContactAffiliation)
        .outerjoin(Organisation, Organisation.id == ContactAffiliation.organisation_id)
        .where(ContactAffiliation.person_id == person.id)
    ).all()
    person.search_key = contact_search_key(
        person.last_name, person.first_name, person.email, person.phone,
        [org for org, _ in rows], [role for _, role in rows],
    )


def require_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.anonymised_at is not None:
        raise InvalidInputError(f"Personne introuvable (n° {person_id}).")
    return person


def _person_values(data: ContactData) -> dict[str, object]:
    last = data.last_name.strip()
    if not last:
        raise InvalidInputError("Le nom de famille du contact est obligatoire.")
    return {
        "last_name": last[:120], "first_name": data.first_name.strip()[:120],
        "email": _optional(data.email, identifiers.normalise_email),
        "phone": _optional(data.phone, identifiers.normalise_phone),
        "address_line1": data.address_line1.strip(), "address_line2": data.address_line2.strip(),
        "postcode": _optional(data.postcode, identifiers.normalise_postcode) or "",
        "city": data.city.strip(),
    }


def _affiliation_values(session: Session, data: AffiliationData) -> dict[str, object]:
    if data.organisation_id is not None:
        require_organisation(session, data.organisation_id)
    return {
        "organisation_id": data.organisation_id, "role_title": data.role_title.strip()[:150],
        "phone": _optional(data.phone, identifiers.normalise_phone),
        "email": _optional(data.email, identifiers.normalise_email),
        "notes": data.notes.strip(),
    }


def _save_person(session: Session, person: Person, data: ContactData) -> None:
    """Check the whole form, then write the person and their roles (kept by id)."""
    values = _person_values(data)
    wanted = data.affiliations or [AffiliationData(None)]
    roles = [(role.id, _affiliation_values(session, role)) for role in wanted]
    _assign(person, values)
    if person.id is None:
        session.add(person)
    existing = {a.id: a for a in person.affiliations}
    kept = []
    for role_id, role_values in roles:
        row = (existing.get(role_id) if role_id is not None else None) or ContactAffiliation()
        kept.append(_assign(row, role_values))
    person.affiliations = kept
    session.flush()
    refresh_search_key(session, person)


_Row = TypeVar("_Row")


def _assign(row: _Row, values: dict[str, object]) -> _Row:
    for key, value in values.items():
        setattr(row, key, value)
    return row


def _homonyms(session: Session, last_name: str, first_name: str) -> list[str]:
    wanted = person_search_key(last_name, first_name)
    rows = session.execute(
        select(Person.last_name, Person.first_name).where(
            Person.anonymised_at.is_(None), Person.search_key.startswith(wanted, autoescape=True)
        )
    )
    return [f"{last} {first}".strip() for last, first in rows
            if person_search_key(last, first) == wanted]


def _person_is_referenced(session: Session, person_id: int) -> bool:
    clauses = (
        Membership.person_id == person_id, Attendance.person_id == person_id,
        Attendance.proxy_holder_id == person_id, MeetingOfficer.person_id == person_id,
        Project.holder_person_id == person_id, ProjectMember.person_id == person_id,
        Guest.person_id == person_id, Decision.owner_person_id == person_id,
        AgendaItem.presenter_person_id == person_id,
    )
    return any(session.scalar(select(exists().where(clause))) for clause in clauses)


def _optional(text: str | None, normalise: Callable[[str], str]) -> str | None:
    return normalise(text) if text and text.strip() else None

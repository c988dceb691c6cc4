"""Members who already have the name of a member about to be created.

The member form asks before saving a second record under a name the register
already holds (accents, case and hyphens aside). :func:`homonyms` gives every
such member, with what tells them apart (college, structure, birth date,
phone, a departure) and what they share with the new one (same phone, e-mail
or birth date), those first: the one most likely to be the same person leads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import RowMapping, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Sex,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import identifiers
from conseil_desktop.services.formatting import fmt_date, fmt_phone
from conseil_desktop.services.labels import COLLEGE_LONG, MEMBER_STATUS
from conseil_desktop.services.members import MemberData
from conseil_desktop.services.text import person_search_key

BORN = {Sex.FEMALE: "née", Sex.MALE: "né"}


@dataclass(frozen=True)
class Homonym:
    """A member with the same name: ``label`` tells them apart, ``shared`` says what
    they have in common with the new member (« même téléphone »...)."""

    person_id: int
    label: str
    shared: tuple[str, ...] = ()

    def describe(self) -> str:
        """``Benali Karim – Collège des habitants, né le 02/04/1980, 06 12 34 56 78
        (même téléphone)``."""
        return f"{self.label} ({', '.join(self.shared)})" if self.shared else self.label


def homonyms(session: Session, data: MemberData) -> list[Homonym]:
    """The members (anonymised people aside) named as ``data``; those sharing the most
    with it (phone, e-mail, birth date) first, then by number."""
    wanted = person_search_key(data.last_name, data.first_name)
    if not wanted:
        return []
    query = (
        select(Person.id, Person.last_name, Person.first_name, Person.sex, Person.birth_date,
               Person.email, Person.phone, Person.archived_at, Membership.college,
               Membership.status, Organisation.name.label("organisation"))
        .join(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .where(Person.anonymised_at.is_(None),
               Person.search_key.startswith(wanted, autoescape=True))
        .order_by(Person.id)
    )
    phone, email = _phone(data.phone), (data.email or "").strip().lower()
    found = []
    for row in session.execute(query):
        if person_search_key(row.last_name, row.first_name) != wanted:
            continue  # « Benali Karima » starts with « benali karim »
        shared = tuple(word for word, same in (
            ("même téléphone", phone is not None and row.phone == phone),
            ("même courriel", bool(email) and (row.email or "").lower() == email),
            ("même date de naissance",
             data.birth_date is not None and row.birth_date == data.birth_date),
        ) if same)
        found.append(Homonym(row.id, _label(row._mapping), shared))
    found.sort(key=lambda homonym: -len(homonym.shared))  # stable: then by number
    return _distinct(found)


def _phone(typed: str | None) -> str | None:
    try:
        return identifiers.normalise_phone(typed) if typed and typed.strip() else None
    except InvalidInputError:
        return None


def _label(row: RowMapping) -> str:
    name = f"{row['last_name']} {row['first_name']}".strip()
    parts = [COLLEGE_LONG[row["college"]]]
    if row["organisation"]:
        parts.append(row["organisation"])
    born: date | None = row["birth_date"]
    if born is not None:
        parts.append(f"{BORN.get(row['sex'], 'né·e')} le {fmt_date(born)}")
    if row["phone"]:
        parts.append(fmt_phone(row["phone"]))
    if row["status"] is not MemberStatus.ACTIVE:
        parts.append(MEMBER_STATUS[row["status"]].lower())
    if row["archived_at"] is not None:
        parts.append("archivé·e")
    return f"{name} – {', '.join(parts)}"


def _distinct(found: list[Homonym]) -> list[Homonym]:
    """Homonyms nothing tells apart get their number (the register's N°)."""
    labels = [homonym.label for homonym in found]
    return [homonym if labels.count(homonym.label) == 1
            else Homonym(homonym.person_id, f"{homonym.label}, n° {homonym.person_id}",
                         homonym.shared)
            for homonym in found]

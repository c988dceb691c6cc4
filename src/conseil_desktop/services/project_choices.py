"""What the project screens offer to pick from: people and organisations found
by a few letters of their name (never a list of 100,000 members), and the
years that projects use.

Matching ignores case and accents and needs every word typed; at most
``limit`` people or organisations come back, best candidates first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import Membership, Organisation, Person, Project
from conseil_desktop.services.text import fold

PICK_LIMIT = 30


@dataclass(frozen=True)
class Pick:
    """A person or an organisation as a picker shows it."""

    id: int
    label: str  # "Martin Jeanne", "Centre social Bellefontaine"
    detail: str = ""  # "Membre · Toulouse", an organisation's SIRET or RNA


def find_people(session: Session, text: str, limit: int = PICK_LIMIT) -> list[Pick]:
    """People (members and contacts, not archived nor anonymised) with a word
    starting with each word of ``text``: "mart j" finds Martin Jeanne."""
    tokens = fold(text).split()
    if not tokens:
        return []
    key = " " + Person.search_key
    # People written without a search key (older imports) are still found by their name.
    plain_name = " " + func.lower(Person.last_name + " " + Person.first_name)
    matches = [
        or_(key.contains(" " + token, autoescape=True),
            and_(Person.search_key == "", plain_name.contains(" " + token, autoescape=True)))
        for token in tokens
    ]
    # The key starts with the folded names: people whose names match come before
    # those matched only by their e-mail or organisation.
    names = " " + func.substr(Person.search_key, 1,
                              func.length(Person.last_name) + func.length(Person.first_name) + 1)
    by_name: ColumnElement[int] = literal(0)
    for token in tokens:
        by_name = by_name + case((names.contains(" " + token, autoescape=True), 1), else_=0)
    is_member = exists().where(Membership.person_id == Person.id)
    query = (
        select(Person.id, Person.last_name, Person.first_name, Person.postcode, Person.city,
               is_member.label("is_member"))
        .where(Person.anonymised_at.is_(None), Person.archived_at.is_(None), *matches)
        .order_by(Person.search_key.startswith(tokens[0], autoescape=True).desc(),
                  by_name.desc(), Person.search_key, Person.last_name, Person.first_name, Person.id)
        .limit(limit)
    )
    return [
        Pick(r.id, f"{r.last_name} {r.first_name}".strip(), " · ".join(
            x for x in ("Membre" if r.is_member else "Contact", f"{r.postcode} {r.city}".strip())
            if x))
        for r in session.execute(query)
    ]


def find_organisations(
    session: Session, text: str, limit: int = PICK_LIMIT, *, funders_first: bool = False
) -> list[Pick]:
    """Organisations still in use whose name holds every word of ``text``.

    With ``funders_first``, those already funding a project come first, as
    when choosing a funder.
    """
    tokens = fold(text).split()
    if not tokens:
        return []
    query = select(Organisation.id, Organisation.name, Organisation.siret, Organisation.rna,
                   Organisation.is_funder).where(Organisation.archived_at.is_(None))
    found = []
    for r in session.execute(query):
        key = fold(r.name)
        if all(token in key for token in tokens):
            rank = (funders_first and not r.is_funder, not key.startswith(tokens[0]), key)
            found.append((rank, Pick(r.id, r.name, r.siret or r.rna or "")))
    found.sort(key=lambda pair: pair[0])
    return [pick for _, pick in found[:limit]]


def project_years(session: Session) -> list[int]:
    """The years projects are filed under, latest first."""
    query = select(Project.year).where(Project.year.is_not(None)).distinct()
    return sorted(session.scalars(query), reverse=True)

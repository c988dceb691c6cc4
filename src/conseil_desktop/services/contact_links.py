"""Choosing whom a contact is: an existing member, or an organisation, by name.

"The same person may be both a member and a contact: link them rather than
copying them." The contact forms offer the council's members through
:func:`members_for_picker` (a bounded search, never the whole register) and
check :func:`members_named` before creating a new person, so that a member
gets a role (:func:`contacts.add_affiliation`) instead of a second record.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import College, Membership, Organisation, Person
from conseil_desktop.services.labels import COLLEGE_LONG
from conseil_desktop.services.projects import Choice
from conseil_desktop.services.text import fold, person_search_key

PICKER_LIMIT = 30


def members_for_picker(session: Session, search: str, limit: int = PICKER_LIMIT) -> list[Choice]:
    """Members whose name, e-mail or phone contains every word of ``search``.

    Labelled ``Nom Prénom – Collège des habitants``, in name order, at most
    ``limit`` of them; an empty search finds nobody.
    """
    tokens = fold(search).split()
    if not tokens or limit <= 0:
        return []
    query = _members().where(
        *(Person.search_key.contains(token, autoescape=True) for token in tokens)
    ).order_by(Person.search_key, Person.id).limit(limit)
    return _distinct_labels([_member_choice(row) for row in session.execute(query)])


def members_named(session: Session, last_name: str, first_name: str) -> list[Choice]:
    """Members with exactly this name, accents and case ignored (a likely duplicate)."""
    wanted = person_search_key(last_name, first_name)
    if not wanted:
        return []
    query = _members().where(Person.search_key.startswith(wanted, autoescape=True))
    return _distinct_labels([
        _member_choice(row) for row in session.execute(query.order_by(Person.id))
        if person_search_key(row.last_name, row.first_name) == wanted
    ])


def organisation_choices(session: Session) -> list[Choice]:
    """Every organisation still in use (not archived), by name, for a role's picker."""
    rows = session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.archived_at.is_(None))
    ).all()
    choices = [Choice(org_id, name) for org_id, name in rows]
    choices.sort(key=lambda choice: (fold(choice.label), choice.id))
    return choices


def _members() -> Select[int, str, str, College]:
    return (
        select(Person.id, Person.last_name, Person.first_name, Membership.college)
        .join(Membership, Membership.person_id == Person.id)
        .where(Person.anonymised_at.is_(None))
    )


def _member_choice(row: Row[int, str, str, College]) -> Choice:
    name = f"{row.last_name} {row.first_name}".strip()
    return Choice(row.id, f"{name} – {COLLEGE_LONG[row.college]}")


def _distinct_labels(choices: list[Choice]) -> list[Choice]:
    """Homonyms of the same college are told apart by their number (the members list's N°)."""
    counts = Counter(choice.label for choice in choices)
    return [
        choice if counts[choice.label] == 1
        else Choice(choice.id, f"{choice.label} (n° {choice.id})")
        for choice in choices
    ]

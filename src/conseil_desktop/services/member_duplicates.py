"""Duplicates already in the base.

:func:`find_duplicates` applies the import's rules (:mod:`.importing.matching`)
to the people of the base: same e-mail or same phone (first names agreeing,
birth dates not contradicting), or the same folded name with the same birth
date or the same organisation (e-mail, phone and birth date not
contradicting). People are read in one query and indexed by key in
dictionaries, so the search stays linear in the number of people.

Merging the two records of one person is in :mod:`.member_merge`.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import combinations
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from conseil_desktop.db.models import (
    ContactAffiliation,
    Membership,
    Organisation,
    Person,
)
from conseil_desktop.services.importing.matching import Keys
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold

SAME_EMAIL = "même courriel"
SAME_PHONE = "même téléphone"
SAME_NAME_BIRTH = "même nom et même date de naissance"
SAME_NAME_ORGANISATION = "même nom et même structure"
# More people than this behind one e-mail or phone is a switchboard, not a duplicate.
_MAX_BUCKET = 50
_IDENTIFIERS = ("email", "phone", "birth")


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that are probably one person; the first (older) is the one to keep."""

    first_id: int
    first_label: str
    second_id: int
    second_label: str
    reason: str


class _Candidate(NamedTuple):  # a plain tuple: cheaper than a dataclass, 100,000 times
    person_id: int
    label: str
    keys: Keys
    organisations: frozenset[str]


def find_duplicates(
    session: Session, limit: int = 500, *, include_contacts: bool = False
) -> list[DuplicatePair]:
    """Probable duplicates among members (and contacts if asked), sorted by name."""
    found: dict[tuple[int, int], str] = {}
    with _gc_paused():
        people = _candidates(session, include_contacts)
        for reason, buckets, checked in _buckets(people):
            for ids in buckets.values():
                if len(ids) > _MAX_BUCKET:
                    continue
                for first, second in combinations(ids, 2):
                    one, two = people[first].keys, people[second].keys
                    if (first, second) not in found and _compatible(one, two, checked):
                        found[(first, second)] = reason
    pairs = [
        DuplicatePair(a, people[a].label, b, people[b].label, reason)
        for (a, b), reason in found.items()
    ]
    pairs.sort(key=lambda p: (fold(p.first_label), p.first_id, p.second_id))
    return pairs[:limit]


def _candidates(session: Session, include_contacts: bool) -> dict[int, _Candidate]:
    """One query: people with their membership's organisation and their contact roles'."""
    represented, employer = aliased(Organisation), aliased(Organisation)
    columns: tuple[Any, ...] = (Person.id, Person.last_name, Person.first_name,
                                Person.birth_date, Person.email, Person.phone,
                                represented.name, employer.name)
    query = (
        select(*columns)
        .outerjoin(Membership, Membership.person_id == Person.id)
        .outerjoin(represented, represented.id == Membership.organisation_id)
        .outerjoin(ContactAffiliation, ContactAffiliation.person_id == Person.id)
        .outerjoin(employer, employer.id == ContactAffiliation.organisation_id)
        .where(Person.anonymised_at.is_(None))
        .where(or_(Membership.id.is_not(None), ContactAffiliation.id.is_not(None))
               if include_contacts else Membership.id.is_not(None))
        .order_by(Person.id)
    )
    folded = cache(fold)  # names repeat a lot: folding each once is most of the time saved
    organisations: dict[int, set[str]] = defaultdict(set)
    people: dict[int, tuple[Any, ...]] = {}
    for row in raw_rows(session, query):
        people.setdefault(row[0], row)
        if row[6] or row[7]:
            organisations[row[0]].update(folded(name) for name in row[6:] if name)
    return {
        person_id: _candidate(row, frozenset(organisations.get(person_id, ())) - {""}, folded)
        for person_id, row in people.items()
    }


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hundreds of thousands of small objects, none cyclic: without this pause the
    collector runs again and again over them and takes half the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _candidate(
    row: tuple[Any, ...], organisations: frozenset[str], folded: Callable[[str], str]
) -> _Candidate:
    person_id, last, first, birth, email, phone = row[:6]
    last_key = folded(last)
    keys = Keys(
        email.casefold() if email else None, phone or None,
        (last_key, folded(first)) if last_key else None,
        date.fromisoformat(birth) if birth else None, None,
    )
    return _Candidate(person_id, f"{last} {first}".strip(), keys, organisations)


Buckets = dict[object, list[int]]


def _buckets(people: dict[int, _Candidate]) -> list[tuple[str, Buckets, tuple[str, ...]]]:
    """Ids by key, for each rule in order of strength (ids ascending in each list)."""
    email: Buckets = defaultdict(list)
    phone: Buckets = defaultdict(list)
    name_birth: Buckets = defaultdict(list)
    name_org: Buckets = defaultdict(list)
    for person in people.values():
        keys, person_id = person.keys, person.person_id
        if keys.email:
            email[keys.email].append(person_id)
        if keys.phone:
            phone[keys.phone].append(person_id)
        if keys.name is not None:
            if keys.birth is not None:
                name_birth[(keys.name, keys.birth)].append(person_id)
            for organisation in person.organisations:
                name_org[(keys.name, organisation)].append(person_id)
    return [
        (SAME_EMAIL, email, ()), (SAME_PHONE, phone, ()),
        (SAME_NAME_BIRTH, name_birth, _IDENTIFIERS),
        (SAME_NAME_ORGANISATION, name_org, _IDENTIFIERS),
    ]


def _compatible(one: Keys, two: Keys, checked: tuple[str, ...]) -> bool:
    """The import's conditions: identifiers need agreeing first names and birth dates."""
    if checked:
        return one.agrees_with(two, checked)
    return one.first_names_agree(two) and one.agrees_with(two, ("birth",))

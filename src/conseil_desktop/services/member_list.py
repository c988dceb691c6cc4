"""The *Membres* tab's rows: every member as a plain tuple, fast on 100,000 members.

One Core ``SELECT`` read straight from the DB-API cursor (see
:func:`~conseil_desktop.services.rows.raw_rows`), in name order, with the
closed lists (college, seat, status) turned into small integers by SQLite, so
that nothing is done per row in Python on load: labels and phone numbers are
formatted when a cell is shown. The search uses ``Person.search_key``, already
folded when the person was saved. The roles held today and the organisations
are two small extra queries. Columns hidden by default (e-mail, town, dates…)
are read only when the user shows them (:func:`extra_columns`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, case, or_, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    College,
    Designation,
    MemberRole,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Seat,
    VocabularyKind,
)
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold, person_search_key

# The tuple of each row, by position.
ID, LAST_NAME, FIRST_NAME, COLLEGE, SEAT, STATUS, ORGANISATION, PHONE, SEARCH, ARCHIVED = range(10)

# The closed lists, as the small integers of the rows (an index in these tuples).
COLLEGES: tuple[College, ...] = (College.RESIDENTS, College.LOCAL_ACTORS)
SEATS: tuple[Seat, ...] = (Seat.TITULAIRE, Seat.SUPPLEANT)
STATUSES: tuple[MemberStatus, ...] = tuple(MemberStatus)
DESIGNATIONS: tuple[Designation, ...] = tuple(Designation)
COLLEGE_LABELS = tuple(labels.COLLEGE[c] for c in COLLEGES)
SEAT_LABELS = tuple(labels.SEAT[s] for s in SEATS)
STATUS_LABELS = tuple(labels.MEMBER_STATUS[s] for s in STATUSES)
DESIGNATION_LABELS = tuple(labels.DESIGNATION[d] for d in DESIGNATIONS)

# Columns read only when shown: key -> what is read.
EXTRA_COLUMNS: dict[str, Any] = {
    "email": Person.email,
    "city": Person.city,
    "joined_on": Membership.joined_on,
    "mandate_end_on": Membership.mandate_end_on,
    "status_since": Membership.status_since,
    "designation": case({d.value: i for i, d in enumerate(DESIGNATIONS)},
                        value=Membership.designation, else_=len(DESIGNATIONS) - 1),
}
DATE_COLUMNS = frozenset({"joined_on", "mandate_end_on", "status_since"})


@dataclass
class MemberList:
    """Every member not anonymised, archived ones included, in name order."""

    rows: list[tuple[Any, ...]]  # see ID … ARCHIVED
    organisations: dict[int, str] = field(default_factory=dict)  # id -> name
    roles: dict[int, tuple[str, ...]] = field(default_factory=dict)  # person id -> role codes
    role_labels: dict[str, str] = field(default_factory=dict)  # code -> label

    def role_text(self, person_id: int) -> str:
        """"Président·e, Trésorier·ère": the roles held today."""
        names = self.role_labels
        return ", ".join(names.get(code, code) for code in self.roles.get(person_id, ()))

    def organisation(self, row: tuple[Any, ...]) -> str:
        org_id = row[ORGANISATION]
        return self.organisations.get(org_id, "") if org_id is not None else ""


def _index_case(column: Any, values: Sequence[str]) -> Any:
    """The position of the column's value in ``values`` (the last one for anything else)."""
    return case({v: i for i, v in enumerate(values)}, value=column, else_=len(values) - 1)


def load_members(session: Session, *, today: date | None = None) -> MemberList:
    """Every member's row, sorted by folded last name then first name (``Person.search_key``
    starts with them: "Aït" sorts with "Ait", "Élodie" with "Elodie").

    SQLite reads the memberships in table order and each person by its primary key (15 %
    faster than the other way round), and ``list.sort`` orders them: twice as fast as an
    ``ORDER BY`` on the unindexed key.
    """
    query = (
        select(
            Person.id, Person.last_name, Person.first_name,
            Membership.college == College.LOCAL_ACTORS.value,
            Membership.seat == Seat.SUPPLEANT.value,
            _index_case(Membership.status, [s.value for s in STATUSES]),
            Membership.organisation_id, Person.phone, Person.search_key,
            Person.archived_at.is_not(None),
        )
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(Person.anonymised_at.is_(None))
    )
    rows = raw_rows(session, query)
    rows.sort(key=itemgetter(SEARCH))  # stable: same keys stay in the order they were read
    if rows and not rows[0][SEARCH]:  # keys missing (sorted first): build them
        rows = [_with_key(row) if not row[SEARCH] else row for row in rows]
        rows.sort(key=itemgetter(SEARCH))
    names: Select[Any] = select(Organisation.id, Organisation.name)  # type: ignore[assignment]
    organisations: dict[int, str] = dict(raw_rows(session, names))
    return MemberList(rows, organisations, current_roles(session, today or date.today()),
                      term_labels(session, VocabularyKind.ROLE))


def _with_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row whose person has no stored search key (written by hand, not by a form)."""
    key = person_search_key(row[LAST_NAME], row[FIRST_NAME], None, row[PHONE])
    return (*row[:SEARCH], key, *row[SEARCH + 1:])


def search_keys(listing: MemberList) -> list[str]:
    """Each row's folded search key, with the organisation the member represents added
    when the stored key lacks it (a key saved by the contacts form, or before the
    organisation was renamed). Built on the first search, not on load."""
    rows = listing.rows
    keys = list(map(itemgetter(SEARCH), rows))
    org_ids = list(map(itemgetter(ORGANISATION), rows))
    folded: dict[int, str] = {}
    for position in compress(range(len(rows)), org_ids):  # the rows with an organisation
        org_id = org_ids[position]
        org = folded.get(org_id)
        if org is None:
            org = folded[org_id] = fold(listing.organisations.get(org_id))
        if org and org not in keys[position]:
            keys[position] = f"{keys[position]} {org}"
    return keys


def current_roles(session: Session, today: date) -> dict[int, tuple[str, ...]]:
    """Person id -> codes of the roles started and not ended on ``today``."""
    day = today.isoformat()  # raw_rows binds values as they are: dates as SQLite stores them
    query: Select[Any] = (
        select(Membership.person_id, MemberRole.role_code)  # type: ignore[assignment]
        .join(Membership, Membership.id == MemberRole.membership_id)
        .where(or_(MemberRole.started_on.is_(None), MemberRole.started_on <= day),
               or_(MemberRole.ended_on.is_(None), MemberRole.ended_on >= day))
        .order_by(Membership.person_id, MemberRole.started_on, MemberRole.id)
    )
    held: dict[int, list[str]] = {}
    for person_id, code in raw_rows(session, query):
        codes = held.setdefault(person_id, [])
        if code not in codes:
            codes.append(code)
    return {person_id: tuple(codes) for person_id, codes in held.items()}


def extra_columns(session: Session, keys: Iterable[str]) -> dict[str, dict[int, Any]]:
    """The columns hidden by default, by person id: text as stored (None when empty),
    dates as ISO text (``2026-11-25``), the designation as an index in DESIGNATIONS."""
    wanted = [key for key in dict.fromkeys(keys) if key in EXTRA_COLUMNS]
    if not wanted:
        return {}
    query = (
        select(Person.id, *(EXTRA_COLUMNS[key] for key in wanted))
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(Person.anonymised_at.is_(None))
    )
    result: dict[str, dict[int, Any]] = {key: {} for key in wanted}
    columns = [result[key] for key in wanted]
    for row in raw_rows(session, query):
        person_id = row[0]
        for column, value in zip(columns, row[1:], strict=True):
            column[person_id] = value
    return result


def iso_to_french(raw: str | None) -> str:
    """``2026-11-25`` (as SQLite stores a date) shown as ``25/11/2026``."""
    if not raw or len(raw) < 10:
        return ""
    return f"{raw[8:10]}/{raw[5:7]}/{raw[0:4]}"

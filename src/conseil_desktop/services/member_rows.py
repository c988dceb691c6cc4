"""Members as plain rows for an export (spreadsheet, CSV, printed list).

One Core ``SELECT`` read straight from the DB-API cursor (see
:func:`~conseil_desktop.services.rows.raw_rows`), labels mapped here: 100,000
members are read in well under a second. Phone numbers and e-mail addresses
are personal data: they are read, and exported, only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import null, or_, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    MemberRole,
    Membership,
    Organisation,
    Person,
    VocabularyKind,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_phone
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold


@dataclass(frozen=True)
class MemberColumn:
    key: str
    header: str
    is_date: bool = False


# Every column, in the order of an export that names none.
ALL_COLUMNS = (
    MemberColumn("last_name", "Nom"),
    MemberColumn("first_name", "Prénom"),
    MemberColumn("college", "Collège"),
    MemberColumn("seat", "Titulaire / suppléant"),
    MemberColumn("status", "Statut"),
    MemberColumn("roles", "Rôles"),
    MemberColumn("organisation", "Structure"),
    MemberColumn("joined_on", "Entrée", is_date=True),
    MemberColumn("mandate_end_on", "Fin de mandat", is_date=True),
    MemberColumn("phone", "Téléphone"),
    MemberColumn("email", "Courriel"),
)
COLUMN_KEYS = tuple(c.key for c in ALL_COLUMNS)
_BY_KEY = {c.key: c for c in ALL_COLUMNS}
# The French words a volunteer types for a column (folded), besides the keys.
_FRENCH_NAMES = {
    **{fold(c.header): c.key for c in ALL_COLUMNS},
    "siege": "seat", "titulaire": "seat", "suppleant": "seat", "role": "roles",
    "organisation": "organisation", "entree": "joined_on", "adhesion": "joined_on",
    "date d entree": "joined_on", "date d adhesion": "joined_on", "mandat": "mandate_end_on",
    "tel": "phone", "portable": "phone", "e mail": "email", "email": "email",
    "mail": "email", "adresse electronique": "email",
}
# Personal data, each exported only when asked for (the option that asks for it).
_ON_REQUEST = {"phone": "--with-phone", "email": "--with-email"}


@dataclass
class MemberTable:
    """Rows whose values follow ``columns``: text ('' when empty), or a date or None."""

    columns: list[MemberColumn]
    rows: list[tuple[Any, ...]]


def choose_columns(
    names: Sequence[str] | None, *, with_phone: bool = False, with_email: bool = False
) -> list[MemberColumn]:
    """The columns of an export: those named, in that order (if none, every one but
    phone and e-mail), phone and e-mail only when asked for; an unknown name is
    refused with the list of valid ones."""
    asked = {"phone": with_phone, "email": with_email}
    if not names:
        return [c for c in ALL_COLUMNS if asked.get(c.key, True)]
    keys = list(dict.fromkeys(_column_key(n) for n in names if n.strip()))
    unknown = [k for k in keys if k not in _BY_KEY]
    if not keys or unknown:
        raise InvalidInputError(
            (f"Colonne inconnue : {', '.join(f'« {k} »' for k in unknown)}. " if unknown
             else "Aucune colonne choisie. ")
            + f"Colonnes possibles : {', '.join(COLUMN_KEYS)} (ou leurs titres : "
            + ", ".join(c.header for c in ALL_COLUMNS) + ")."
        )
    for key, option in _ON_REQUEST.items():
        if key in keys and not asked[key]:
            raise InvalidInputError(
                f"La colonne « {key} » contient des données personnelles : elle n'est "
                f"exportée que sur demande ({option})."
            )
    keys += [k for k in _ON_REQUEST if asked[k] and k not in keys]
    return [_BY_KEY[k] for k in keys]


def _column_key(name: str) -> str:
    """``last_name``, or ``Nom`` / ``prénom`` / ``téléphone`` as the export's headers say."""
    key = name.strip().lower()
    return key if key in _BY_KEY else _FRENCH_NAMES.get(fold(name).strip(), key)


def member_rows(
    session: Session, columns: Sequence[MemberColumn], *, today: date | None = None,
    person_ids: Collection[int] | None = None,
) -> MemberTable:
    """Every member (anonymised ones left out), sorted by name, as ``columns``;
    only the people of ``person_ids`` when given (the rows a list shows).

    "Rôles" lists the roles held on ``today``, by their label.
    """
    keys = [c.key for c in columns]
    wanted = set(keys)
    # Not even read unless exported.
    phone = Person.phone if "phone" in wanted else null()
    email = Person.email if "email" in wanted else null()
    query = (
        select(
            Membership.id, Person.last_name, Person.first_name, Membership.college,
            Membership.seat, Membership.status, Organisation.name, Membership.joined_on,
            Membership.mandate_end_on, phone, email, Person.id,
        )
        .join(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .where(Person.anonymised_at.is_(None))
        # search_key starts with the folded last and first names: "Aït" sorts with "Ait".
        .order_by(Person.search_key, Person.id)
    )
    roles = _current_roles(session, today or date.today()) if "roles" in wanted else {}
    to_row = _row_maker(roles)
    raw = raw_rows(session, query)
    if person_ids is not None:  # filtered here: 100,000 ids are too many for an IN (...)
        wanted_ids = set(person_ids)
        raw = [r for r in raw if r[-1] in wanted_ids]
    full = [to_row(r) for r in raw]
    pick = _picker([COLUMN_KEYS.index(k) for k in keys])
    return MemberTable(list(columns), [pick(r) for r in full])


def _row_maker(roles: dict[int, str]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    college, seat, status = labels.COLLEGE, labels.SEAT, labels.MEMBER_STATUS
    day = _day

    def make(r: tuple[Any, ...]) -> tuple[Any, ...]:
        mid, last, first, col, st, stat, org, joined, mandate_end, phone, email = r[:11]
        return (last, first or "", college[col], seat[st], status[stat], roles.get(mid, ""),
                org or "", day(joined), day(mandate_end), fmt_phone(phone), email or "")

    return make


def _day(raw: str | None) -> date | None:
    """A date column as SQLite stores it (``2026-11-25``), read without SQLAlchemy."""
    return date.fromisoformat(raw) if raw else None


def _picker(indexes: list[int]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    if len(indexes) == 1:
        only = indexes[0]
        return lambda row: (row[only],)
    return itemgetter(*indexes)  # type: ignore[return-value]


def _current_roles(session: Session, today: date) -> dict[int, str]:
    """Membership id -> "Président·e, Trésorier·ère": roles started and not ended on ``today``."""
    names = term_labels(session, VocabularyKind.ROLE)
    day = today.isoformat()  # raw_rows binds values as they are: dates as SQLite stores them
    query = (
        select(MemberRole.membership_id, MemberRole.role_code)
        .where(or_(MemberRole.started_on.is_(None), MemberRole.started_on <= day),
               or_(MemberRole.ended_on.is_(None), MemberRole.ended_on >= day))
        .order_by(MemberRole.membership_id, MemberRole.started_on, MemberRole.id)
    )
    held: dict[int, list[str]] = {}
    for membership_id, code in raw_rows(session, query):
        held.setdefault(membership_id, []).append(names.get(code, code))
    return {mid: _join(found) for mid, found in held.items()}


def _join(found: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(found))

"""Undoing the last import of a base.

The database has no table for import batches (adding one needs a
migration), so what the last import did is kept as JSON in the data folder:
``imports/<db-stem>-<hash of its path>-last-import.json``, the hash keeping
apart two bases of the same name, as the backups do. The record names
people, memberships and organisations by UUID (SQLite may reuse an integer
id) and keeps, for each updated field, its value before and after.

The record is written *before* the import's transaction commits, marked
``pending``, in place of the previous import's record; it is marked done
once the transaction commits, and the previous record is put back if it
rolls back. A pending record is never undone, so if the new record cannot be
written or promoted, ``undo`` refuses plainly instead of reversing an older
import; if neither the new record can be written nor the old one removed,
the import is refused. The record holds former phones, e-mails and birth
dates: it is deleted once undone, and refused and deleted after
:data:`RECORD_MAX_AGE`.

An undo deletes the people the import created unless they have been used or
edited since (attendance, meeting role, project, contact role, an edit of
their card or membership, a consent, a role or status recorded after the
import), and restores an updated field only if it still holds the imported
value, so that later edits are never lost.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from conseil_desktop.db.base import utcnow
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    Consent,
    ContactAffiliation,
    Decision,
    Guest,
    MeetingOfficer,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    Organisation,
    Person,
    Project,
    ProjectFunding,
    ProjectMember,
)
from conseil_desktop.errors import UserError
from conseil_desktop.services.formatting import plural
from conseil_desktop.services.importing.undo_record import (
    DONE,
    EXPIRED,
    NOT_UNDOABLE,
    NOTHING_TO_UNDO,
    PENDING,
    RECORD_MAX_AGE,
    RECORD_VERSION,
    UndoRecord,
    _remove,
    from_json,
    load_record,
    new_record,
    on_commit,
    purge_expired_records,
    record_path,
    stage_record,
    undo_available,
)
from conseil_desktop.services.members import (
    MEMBERSHIP_FIELDS,
    member_values,
    refresh_search_keys,
)

log = logging.getLogger(__name__)

# The record's API stays importable from here, where callers have always found it.
__all__ = [
    "DONE", "EXPIRED", "NOTHING_TO_UNDO", "NOT_UNDOABLE", "PENDING", "RECORD_MAX_AGE",
    "RECORD_VERSION", "UndoRecord", "UndoResult", "load_record", "new_record", "on_commit",
    "purge_expired_records", "record_path", "stage_record", "undo_available",
    "undo_last_import",
]

_CHUNK = 500

_PERSON_USES: tuple[InstrumentedAttribute[Any], ...] = (
    Attendance.person_id, Attendance.proxy_holder_id, MeetingOfficer.person_id,
    Guest.person_id, Decision.owner_person_id, AgendaItem.presenter_person_id,
    Project.holder_person_id, ProjectMember.person_id, ContactAffiliation.person_id,
)
_ORGANISATION_USES: tuple[InstrumentedAttribute[Any], ...] = (
    Membership.organisation_id, ContactAffiliation.organisation_id,
    Project.holder_organisation_id, ProjectFunding.funder_organisation_id,
    Decision.owner_organisation_id,
)



@dataclass(frozen=True)
class UndoResult:
    deleted_people: int
    kept_people: tuple[str, ...]
    removed_memberships: int
    restored_fields: int
    kept_fields: int
    deleted_organisations: int
    source: str
    kept_memberships: tuple[str, ...] = ()

    def describe(self) -> str:
        lines = [(
            f"Import de « {self.source} » annulé : "
            f"{plural(self.deleted_people, 'fiche supprimée', 'fiches supprimées')}, "
            f"{plural(self.removed_memberships, 'adhésion retirée', 'adhésions retirées')}, "
            f"{plural(self.restored_fields, 'champ rétabli', 'champs rétablis')}, "
            f"{plural(self.deleted_organisations, 'structure supprimée', 'structures supprimées')}."
        )]
        if self.kept_people:
            lines.append(
                ("Fiche gardée car modifiée ou utilisée" if len(self.kept_people) == 1 else
                 "Fiches gardées car modifiées ou utilisées") + " depuis l'import "
                f"(coordonnées, rôles, consentements, réunions, projets…) : "
                f"{_names(self.kept_people)}."
            )
        if self.kept_memberships:
            lines.append(
                ("Adhésion gardée car modifiée ou utilisée" if len(self.kept_memberships) == 1
                 else "Adhésions gardées car modifiées ou utilisées") + " depuis l'import : "
                f"{_names(self.kept_memberships)}."
            )
        if self.kept_fields:
            lines.append(
                f"{plural(self.kept_fields, 'champ modifié', 'champs modifiés')} depuis l'import "
                f"{'a été gardé' if self.kept_fields == 1 else 'ont été gardés'}.")
        return "\n".join(lines)


def _names(names: Sequence[str]) -> str:
    return ", ".join(names[:10]) + (" …" if len(names) > 10 else "")




def undo_last_import(
    session: Session, db_path: str | os.PathLike[str], *, now: datetime | None = None
) -> UndoResult:
    """Undo what the last import into this base did, in the caller's transaction."""
    record = load_record(db_path)
    purge_expired_records(now)  # other bases' records; this one is checked below
    if record is None:
        raise UserError(NOTHING_TO_UNDO)
    target = record_path(db_path)
    if record.state != DONE:
        _remove(target)  # a pending record describes no committed import, or a lost one
        raise UserError(NOT_UNDOABLE)
    since = record.written_at
    if (now or utcnow()) - since > RECORD_MAX_AGE:
        _remove(target)
        raise UserError(EXPIRED.format(days=RECORD_MAX_AGE.days))
    deleted, kept = _delete_created_people(session, record.created_people, since)
    removed, without_membership, kept_memberships = _remove_created_memberships(
        session, record.created_memberships, since
    )
    restored, kept_fields = _restore_fields(session, record.updated, without_membership)
    organisations = _delete_created_organisations(session, record.created_organisations)
    session.expire_all()
    on_commit(session, lambda: _remove(target))
    return UndoResult(deleted, tuple(kept), removed, restored, kept_fields, organisations,
                      record.source, tuple(kept_memberships))


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _ids_by_uuid(session: Session, model: type[Person | Membership | Organisation],
                 uuids: Sequence[str]) -> list[int]:
    found: list[int] = []
    for chunk in _chunks(uuids):
        found.extend(session.scalars(select(model.id).where(model.uuid.in_(chunk))))
    return found


def _used(session: Session, columns: Iterable[InstrumentedAttribute[Any]],
          ids: Sequence[int]) -> set[int]:
    used: set[int] = set()
    for column in columns:
        for chunk in _chunks(ids):
            used.update(session.scalars(select(column).where(column.in_(chunk)).distinct()))
    return used


def _changed_since(
    session: Session, person_ids: Sequence[int], since: datetime, *, card: bool = True
) -> set[int]:
    """The people whose membership, roles or status history (and, with ``card``,
    whose card or consents) were written after ``since``: the import's own rows,
    its membership status event included, are all older."""
    membership_rows: tuple[tuple[Any, ColumnElement[bool]], ...] = (
        (Membership, Membership.updated_at > since),
        (MemberRole, MemberRole.updated_at > since),
        (MembershipStatusEvent, MembershipStatusEvent.updated_at > since),
    )
    changed: set[int] = set()
    for chunk in _chunks(person_ids):
        queries: list[Select[Any]] = [
            select(Person.id).where(Person.id.in_(chunk), Person.updated_at > since),
            select(Consent.person_id).where(Consent.person_id.in_(chunk),
                                            Consent.updated_at > since),
        ] if card else []
        for model, later in membership_rows:
            query = select(Membership.person_id).where(Membership.person_id.in_(chunk), later)
            if model is not Membership:
                query = query.join(model, model.membership_id == Membership.id)
            queries.append(query)
        for query in queries:
            changed.update(session.scalars(query.distinct()))
    return changed


def _names_of(session: Session, person_ids: Iterable[int]) -> list[str]:
    return [
        f"{last} {first}".strip()
        for chunk in _chunks(sorted(person_ids))
        for last, first in session.execute(
            select(Person.last_name, Person.first_name).where(Person.id.in_(chunk))
            .order_by(Person.last_name, Person.first_name))
    ]


def _delete_created_people(
    session: Session, uuids: Sequence[str], since: datetime
) -> tuple[int, list[str]]:
    ids = _ids_by_uuid(session, Person, uuids)
    kept = _used(session, _PERSON_USES, ids) | _changed_since(session, ids, since)
    doomed = [person_id for person_id in ids if person_id not in kept]
    for chunk in _chunks(doomed):  # memberships, status events, consents: ON DELETE CASCADE
        session.execute(delete(Person).where(Person.id.in_(chunk)))
    return len(doomed), _names_of(session, kept)


def _remove_created_memberships(
    session: Session, uuids: Sequence[str], since: datetime
) -> tuple[int, set[int], list[str]]:
    """Memberships the import gave to existing contacts, unless they attended or
    were edited (membership, role, status) since."""
    removed: set[int] = set()
    kept: set[int] = set()
    for chunk in _chunks(uuids):
        rows = session.execute(
            select(Membership.id, Membership.person_id).where(Membership.uuid.in_(chunk))
        ).all()
        changed = _changed_since(session, [person_id for _id, person_id in rows], since,
                                 card=False)
        for membership_id, person_id in rows:
            attended = session.scalar(select(exists().where(
                (Attendance.person_id == person_id) & (Attendance.created_at >= since)
            )))
            if attended or person_id in changed:
                kept.add(person_id)
            else:
                session.execute(delete(Membership).where(Membership.id == membership_id))
                removed.add(person_id)
    return len(removed), removed, _names_of(session, kept)


def _restore_fields(
    session: Session, updated: dict[str, dict[str, list[Any]]], without_membership: set[int]
) -> tuple[int, int]:
    restored = kept = 0
    session.expire_all()  # memberships were just deleted by SQL statements
    people = _people_by_uuid(session, list(updated))
    for uuid, fields in updated.items():
        person = people.get(uuid)
        if person is None:
            kept += len(fields)
            continue
        current = member_values(person)
        for name, (old, new) in fields.items():
            if name in MEMBERSHIP_FIELDS and (
                person.id in without_membership or person.membership is None
            ):
                continue
            if current.get(name) != from_json(name, new):
                kept += 1
                continue
            # Set directly: update_member_fields would make a member again of a
            # contact whose membership the undo has just removed.
            target = person.membership if name in MEMBERSHIP_FIELDS else person
            setattr(target, name, from_json(name, old))
            restored += 1
    session.flush()
    refresh_search_keys(session, people.values())
    session.flush()
    return restored, kept


def _people_by_uuid(session: Session, uuids: list[str]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for chunk in _chunks(uuids):
        query = (select(Person).where(Person.uuid.in_(chunk), Person.anonymised_at.is_(None))
                 .options(selectinload(Person.membership)))
        people.update((person.uuid, person) for person in session.scalars(query))
    return people


def _delete_created_organisations(session: Session, uuids: Sequence[str]) -> int:
    session.flush()
    ids = _ids_by_uuid(session, Organisation, uuids)
    used = _used(session, _ORGANISATION_USES, ids)
    doomed = [org_id for org_id in ids if org_id not in used]
    for chunk in _chunks(doomed):
        session.execute(delete(Organisation).where(Organisation.id.in_(chunk)))
    return len(doomed)

"""Undoing the last import of a base.

The database has no table for import batches (adding one needs a
migration), so what the last import did is kept as JSON in the data folder:
``imports/<db-stem>-<hash of its path>-last-import.json``, the hash keeping
apart two bases of the same name, as the backups do. The record names
people, memberships and organisations by UUID (SQLite may reuse an integer
id) and keeps, for each updated field, its value before and after.

The record is written, and removed after an undo, only once the session's
transaction is committed: a failed import leaves no record, a failed undo
keeps it. An undo deletes the people the import created unless they have
been used since (attendance, meeting role, project...), and restores an
updated field only if it still holds the imported value, so that later
edits are never lost.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from conseil_desktop import paths
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
)
from conseil_desktop.errors import UserError
from conseil_desktop.services.members import (
    MEMBERSHIP_FIELDS,
    member_values,
    update_member_fields,
)

log = logging.getLogger(__name__)
RECORD_VERSION = 1
_CHUNK = 500
_DATE_FIELDS = frozenset({"birth_date", "joined_on"})

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


@dataclass
class UndoRecord:
    database: str
    source: str
    imported_at: str  # UTC, ISO format
    created_people: list[str] = field(default_factory=list)
    created_memberships: list[str] = field(default_factory=list)
    created_organisations: list[str] = field(default_factory=list)
    # person uuid -> field -> [value before, value written]
    updated: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    version: int = RECORD_VERSION

    @property
    def changed_anything(self) -> bool:
        return bool(self.created_people or self.created_memberships or self.updated)


@dataclass(frozen=True)
class UndoResult:
    deleted_people: int
    kept_people: tuple[str, ...]
    removed_memberships: int
    restored_fields: int
    kept_fields: int
    deleted_organisations: int
    source: str

    def describe(self) -> str:
        lines = [(
            f"Import de « {self.source} » annulé : {self.deleted_people} fiche(s) supprimée(s), "
            f"{self.removed_memberships} adhésion(s) retirée(s), "
            f"{self.restored_fields} champ(s) rétabli(s), "
            f"{self.deleted_organisations} structure(s) supprimée(s)."
        )]
        if self.kept_people:
            names = ", ".join(self.kept_people[:10]) + (" …" if len(self.kept_people) > 10 else "")
            lines.append(f"Gardé(s) car utilisé(s) depuis l'import (réunions, projets…) : {names}.")
        if self.kept_fields:
            lines.append(f"{self.kept_fields} champ(s) modifié(s) depuis l'import ont été gardés.")
        return "\n".join(lines)


def record_path(db_path: str | os.PathLike[str]) -> Path:
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    return paths.data_dir() / "imports" / f"{resolved.stem}-{digest}-last-import.json"


def new_record(db_path: str | os.PathLike[str], source: Path) -> UndoRecord:
    return UndoRecord(str(Path(db_path).expanduser().resolve()), source.name,
                      utcnow().isoformat(timespec="seconds"))


def to_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def from_json(name: str, value: Any) -> Any:
    return date.fromisoformat(value) if name in _DATE_FIELDS and value is not None else value


def on_commit(session: Session, action: Callable[[], None]) -> None:
    """Run ``action`` once the session's transaction commits; never if it rolls back."""
    state = {"done": False}

    def committed(_session: Session) -> None:
        if not state["done"]:
            state["done"] = True
            action()

    def rolled_back(_session: Session) -> None:
        state["done"] = True

    event.listen(session, "after_commit", committed, once=True)
    event.listen(session, "after_rollback", rolled_back, once=True)


def save_record_on_commit(session: Session, record: UndoRecord) -> None:
    def write() -> None:
        target = record_path(record.database)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            partial.write_text(json.dumps(asdict(record), ensure_ascii=False, indent=1),
                               encoding="utf-8")
            os.replace(partial, target)
        except OSError:  # the import itself is saved; only its undo is lost
            log.exception("Could not write the undo record %s", target)

    on_commit(session, write)


def load_record(db_path: str | os.PathLike[str]) -> UndoRecord | None:
    """The last import's record for this base, or None."""
    source = record_path(db_path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        record = UndoRecord(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise UserError(f"Le journal du dernier import est illisible ({source}).") from exc
    if record.version != RECORD_VERSION or record.database != str(
        Path(db_path).expanduser().resolve()
    ):
        return None
    return record


def undo_last_import(session: Session, db_path: str | os.PathLike[str]) -> UndoResult:
    """Undo what the last import into this base did, in the caller's transaction."""
    record = load_record(db_path)
    if record is None:
        raise UserError("Aucun import à annuler pour cette base.")
    since = datetime.fromisoformat(record.imported_at)
    deleted, kept = _delete_created_people(session, record.created_people)
    removed, without_membership = _remove_created_memberships(
        session, record.created_memberships, since
    )
    restored, kept_fields = _restore_fields(session, record.updated, without_membership)
    organisations = _delete_created_organisations(session, record.created_organisations)
    session.expire_all()
    target = record_path(db_path)
    on_commit(session, lambda: target.unlink(missing_ok=True))
    return UndoResult(deleted, tuple(kept), removed, restored, kept_fields, organisations,
                      record.source)


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


def _delete_created_people(session: Session, uuids: Sequence[str]) -> tuple[int, list[str]]:
    ids = _ids_by_uuid(session, Person, uuids)
    used = _used(session, _PERSON_USES, ids)
    kept = [
        f"{last} {first}".strip()
        for chunk in _chunks(sorted(used))
        for last, first in session.execute(
            select(Person.last_name, Person.first_name).where(Person.id.in_(chunk)))
    ]
    doomed = [person_id for person_id in ids if person_id not in used]
    for chunk in _chunks(doomed):  # memberships, status events, consents: ON DELETE CASCADE
        session.execute(delete(Person).where(Person.id.in_(chunk)))
    return len(doomed), kept


def _remove_created_memberships(
    session: Session, uuids: Sequence[str], since: datetime
) -> tuple[int, set[int]]:
    """Memberships the import gave to existing contacts, unless they attended since."""
    removed: set[int] = set()
    for chunk in _chunks(uuids):
        rows = session.execute(
            select(Membership.id, Membership.person_id).where(Membership.uuid.in_(chunk))
        ).all()
        for membership_id, person_id in rows:
            attended = session.scalar(select(exists().where(
                (Attendance.person_id == person_id) & (Attendance.created_at >= since)
            )))
            if not attended:
                session.execute(delete(Membership).where(Membership.id == membership_id))
                removed.add(person_id)
    return len(removed), removed


def _restore_fields(
    session: Session, updated: dict[str, dict[str, list[Any]]], without_membership: set[int]
) -> tuple[int, int]:
    restored = kept = 0
    people = _people_by_uuid(session, list(updated))
    for uuid, fields in updated.items():
        person = people.get(uuid)
        if person is None:
            kept += len(fields)
            continue
        current = member_values(person)
        back: dict[str, Any] = {}
        for name, (old, new) in fields.items():
            if name in MEMBERSHIP_FIELDS and person.id in without_membership:
                continue
            if current.get(name) == from_json(name, new):
                back[name] = from_json(name, old)
            else:
                kept += 1
        if back:
            update_member_fields(session, person.id, back)
            restored += len(back)
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


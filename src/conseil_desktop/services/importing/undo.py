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

import hashlib
import json
import logging
import os
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, event, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from conseil_desktop import paths
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
from conseil_desktop.services.members import (
    MEMBERSHIP_FIELDS,
    member_values,
    refresh_search_keys,
)

log = logging.getLogger(__name__)
RECORD_VERSION = 2
RECORD_MAX_AGE = timedelta(days=30)
PENDING = "pending"
DONE = "done"
_RECORD_SUFFIX = "-last-import.json"
_CHUNK = 500
_DATE_FIELDS = frozenset({"birth_date", "joined_on"})

NOTHING_TO_UNDO = "Aucun import à annuler pour cette base."
NOT_UNDOABLE = (
    "Le dernier import dans cette base ne peut pas être annulé : son journal "
    "d'annulation n'a pas pu être enregistré."
)
EXPIRED = (
    "Le dernier import date de plus de {days} jours : il ne peut plus être annulé "
    "(son journal, qui contenait des données personnelles, a été effacé)."
)

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
    imported_at: str  # UTC, ISO format, taken once the import's rows are written
    created_people: list[str] = field(default_factory=list)
    created_memberships: list[str] = field(default_factory=list)
    created_organisations: list[str] = field(default_factory=list)
    # person uuid -> field -> [value before, value written]
    updated: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    import_id: str = field(default_factory=lambda: str(uuidlib.uuid4()))
    state: str = PENDING
    version: int = RECORD_VERSION

    @property
    def changed_anything(self) -> bool:
        return bool(self.created_people or self.created_memberships or self.updated)

    @property
    def written_at(self) -> datetime:
        return datetime.fromisoformat(self.imported_at)


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
            f"Import de « {self.source} » annulé : {self.deleted_people} fiche(s) supprimée(s), "
            f"{self.removed_memberships} adhésion(s) retirée(s), "
            f"{self.restored_fields} champ(s) rétabli(s), "
            f"{self.deleted_organisations} structure(s) supprimée(s)."
        )]
        if self.kept_people:
            lines.append(
                "Fiche(s) gardée(s) car modifiée(s) ou utilisée(s) depuis l'import "
                f"(coordonnées, rôles, consentements, réunions, projets…) : "
                f"{_names(self.kept_people)}."
            )
        if self.kept_memberships:
            lines.append(
                "Adhésion(s) gardée(s) car modifiée(s) ou utilisée(s) depuis l'import : "
                f"{_names(self.kept_memberships)}."
            )
        if self.kept_fields:
            lines.append(f"{self.kept_fields} champ(s) modifié(s) depuis l'import ont été gardés.")
        return "\n".join(lines)


def _names(names: Sequence[str]) -> str:
    return ", ".join(names[:10]) + (" …" if len(names) > 10 else "")


def record_path(db_path: str | os.PathLike[str]) -> Path:
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    return paths.data_dir() / "imports" / f"{resolved.stem}-{digest}{_RECORD_SUFFIX}"


def new_record(db_path: str | os.PathLike[str], source: Path) -> UndoRecord:
    return UndoRecord(str(Path(db_path).expanduser().resolve()), source.name,
                      utcnow().isoformat())


def to_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def from_json(name: str, value: Any) -> Any:
    return date.fromisoformat(value) if name in _DATE_FIELDS and value is not None else value


def on_commit(session: Session, action: Callable[[], None],
              on_rollback: Callable[[], None] | None = None) -> None:
    """Run ``action`` once the session's transaction commits, or ``on_rollback``
    (if given) if it rolls back instead; only one of them, once."""
    state = {"done": False}

    def committed(_session: Session) -> None:
        if not state["done"]:
            state["done"] = True
            action()

    def rolled_back(_session: Session) -> None:
        if not state["done"]:
            state["done"] = True
            if on_rollback is not None:
                on_rollback()

    event.listen(session, "after_commit", committed, once=True)
    event.listen(session, "after_rollback", rolled_back, once=True)


def _write(target: Path, record: UndoRecord) -> None:
    _write_bytes(target, json.dumps(asdict(record), ensure_ascii=False, indent=1).encode())


def _write_bytes(target: Path, content: bytes) -> None:
    """Replace ``target`` atomically; a half-written copy (personal data) is not left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        partial.write_bytes(content)
        os.replace(partial, target)
    except OSError:
        _remove(partial)
        raise


def stage_record(session: Session, record: UndoRecord) -> bool:
    """Write ``record`` as pending in place of the previous import's, before the commit.

    Marked done once the session commits; the previous record is put back if
    it rolls back. Returns False when the record could not be written: the
    previous one is then removed, so that ``undo`` cannot reverse an older
    import in place of this one. Raises :class:`UserError` (the caller rolls
    back) if even that is impossible.
    """
    purge_expired_records()
    target = record_path(record.database)
    try:
        previous: bytes | None = target.read_bytes()
    except OSError:
        previous = None
    record.state = PENDING
    try:
        _write(target, record)
        staged = True
    except OSError:
        log.exception("Could not write the undo record %s", target)
        staged = False
        try:
            target.unlink(missing_ok=True)
        except OSError as exc:
            raise UserError(
                f"Le journal d'annulation des imports ({target}) ne peut être ni écrit ni "
                "effacé : l'import n'a pas été enregistré, pour ne pas risquer d'annuler "
                "plus tard un import plus ancien à sa place."
            ) from exc

    def promote() -> None:
        if not staged:
            return
        record.state = DONE
        try:
            _write(target, record)
        except OSError:  # the import itself is saved; only its undo is lost
            log.exception("Could not promote the undo record %s", target)
            _remove(target)

    def put_back() -> None:  # the previous import is the last one again
        try:
            if previous is not None:
                _write_bytes(target, previous)
            elif staged:
                target.unlink(missing_ok=True)
        except OSError:  # a pending record stays, and undo refuses it
            log.exception("Could not put back the previous undo record %s", target)

    on_commit(session, promote, put_back)
    return staged


def _remove(target: Path) -> None:
    try:
        target.unlink(missing_ok=True)
    except OSError:
        log.exception("Could not remove the undo record %s", target)


def purge_expired_records(now: datetime | None = None) -> int:
    """Delete the undo records, of any base, older than :data:`RECORD_MAX_AGE`."""
    now = now or utcnow()
    folder = paths.data_dir() / "imports"
    removed = 0
    for source in folder.glob(f"*{_RECORD_SUFFIX}"):
        try:
            written = datetime.fromisoformat(
                json.loads(source.read_text(encoding="utf-8"))["imported_at"])
        except (OSError, ValueError, TypeError, KeyError):
            continue  # unreadable: left for load_record to report
        if now - written > RECORD_MAX_AGE:
            _remove(source)
            removed += 1
    return removed


def load_record(db_path: str | os.PathLike[str]) -> UndoRecord | None:
    """The last import's record for this base (maybe pending or expired), or None."""
    source = record_path(db_path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != RECORD_VERSION:
            return None
        record = UndoRecord(**data)
        datetime.fromisoformat(record.imported_at)  # a bad date is a damaged record
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise UserError(f"Le journal du dernier import est illisible ({source}).") from exc
    if record.database != str(Path(db_path).expanduser().resolve()):
        return None
    return record


def undo_available(db_path: str | os.PathLike[str], import_id: str) -> bool:
    """Whether ``undo`` would take back the import ``import_id`` (after its commit)."""
    try:
        record = load_record(db_path)
    except UserError:
        return False
    return record is not None and record.import_id == import_id and record.state == DONE


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


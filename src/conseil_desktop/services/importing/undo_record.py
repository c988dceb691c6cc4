"""The undo record of the last import: a JSON file in the data folder.

Written "pending" before the import commits and promoted to "done" after;
it expires after 30 days, since it holds earlier personal values.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid as uuidlib
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from conseil_desktop import paths
from conseil_desktop.db.base import utcnow
from conseil_desktop.errors import UserError

log = logging.getLogger(__name__)

RECORD_VERSION = 2
RECORD_MAX_AGE = timedelta(days=30)
PENDING = "pending"
DONE = "done"
_RECORD_SUFFIX = "-last-import.json"
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
    """Replace ``target`` atomically; a half-written copy (personal data) is not left.
    Only the user may read it: it holds people's former details."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    try:
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(handle, "wb") as stream:
            stream.write(content)
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


def forget_people(db_path: str | os.PathLike[str], uuids: Collection[str]) -> None:
    """Take these people out of the last import's record, once they are anonymised:
    their former details must not stay in the file, nor come back with an undo."""
    target = record_path(db_path)
    try:
        record = load_record(db_path)
    except UserError:  # unreadable: it may still hold their details
        _remove(target)
        return
    gone = set(uuids)
    if record is None or not (gone & set(record.created_people) or gone & record.updated.keys()):
        return
    record.created_people = [key for key in record.created_people if key not in gone]
    record.updated = {key: fields for key, fields in record.updated.items() if key not in gone}
    try:
        _write(target, record)
    except OSError:
        log.exception("Could not rewrite the undo record %s", target)
        _remove(target)  # the undo is lost rather than the details kept


def undo_available(db_path: str | os.PathLike[str], import_id: str) -> bool:
    """Whether ``undo`` would take back the import ``import_id`` (after its commit)."""
    try:
        record = load_record(db_path)
    except UserError:
        return False
    return record is not None and record.import_id == import_id and record.state == DONE

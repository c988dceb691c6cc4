"""Automatic backups with SQLite's online backup API, rotated, and restore.

Backups of a database live in its own folder of the data folder (see
``paths.backup_dir_for``), named ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.db``
with the time in UTC, so that the change to winter time never makes a new
backup look older than the previous one.
"""

from __future__ import annotations

import errno
import glob
import logging
import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from conseil_desktop import paths
from conseil_desktop.errors import DatabaseLockedError, UserError

log = logging.getLogger(__name__)

DEFAULT_KEPT = 10
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # aware, UTC
    reason: str
    size_bytes: int

    @property
    def label(self) -> str:
        """Local time, as the user reads it: ``25/11/2026 à 18:30``."""
        return self.taken_at.astimezone().strftime("%d/%m/%Y à %H:%M")


def _parse(path: Path, stem: str) -> BackupInfo | None:
    rest = path.stem[len(stem) + 1 :]
    parts = rest.split("-", 3)
    if len(parts) < 3:
        return None
    try:
        taken = datetime.strptime("-".join(parts[:3]), _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    reason = parts[3] if len(parts) > 3 else ""
    return BackupInfo(path, taken, reason, path.stat().st_size)


def list_backups(db_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """Backups of this database, newest first."""
    stem = Path(db_path).stem
    folder = paths.backup_dir_for(db_path)
    found = [_parse(p, stem) for p in folder.glob(f"{glob.escape(stem)}-*.db")]
    return sorted((b for b in found if b), key=lambda b: b.taken_at, reverse=True)


def newest_backup(db_path: str | os.PathLike[str]) -> BackupInfo | None:
    found = list_backups(db_path)
    return found[0] if found else None


def changed_since_last_backup(db_path: Path) -> bool:
    newest = newest_backup(db_path)
    if newest is None:
        return True
    # An empty -wal file is left by merely opening the base: it is not a change.
    wal = Path(f"{db_path}-wal")
    files = [db_path] + ([wal] if wal.exists() and wal.stat().st_size else [])
    return max(p.stat().st_mtime for p in files) > newest.path.stat().st_mtime


def read_backups_kept(db_path: Path) -> int:
    """The council's setting, read without the ORM (it may run before a migration)."""
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT backups_kept FROM council_settings LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return DEFAULT_KEPT
    return max(1, int(row[0])) if row and row[0] else DEFAULT_KEPT


def _copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def take_backup(db_path: Path, reason: str, *, keep: int = DEFAULT_KEPT) -> BackupInfo | None:
    """Copy the database with the backup API, then keep only the ``keep`` newest."""
    if not db_path.exists():
        return None
    folder = paths.backup_dir_for(db_path)
    name = f"{db_path.stem}-{datetime.now(UTC).strftime(_STAMP)}-{reason}.db"
    target = folder / name
    partial = target.with_suffix(".partial")
    try:
        _copy_database(db_path, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):  # a read-only folder refuses even this
            partial.unlink(missing_ok=True)
        raise _storage_error("la sauvegarde automatique", exc) from exc
    info = _parse(target, db_path.stem)
    rotate(db_path, keep, protect=target)
    log.info("Backup %s taken (%s)", target, reason)
    return info


def rotate(db_path: Path, keep: int, *, protect: Path | None = None) -> None:
    """Keep the ``keep`` newest backups; never the one just written (``protect``).

    A clock that was once ahead can leave backups dated in the future: the
    newest one written must survive them.
    """
    kept = [b for b in list_backups(db_path) if b.path != protect]
    for old in kept[max(1, keep) - (1 if protect else 0) :]:
        try:
            old.path.unlink()
        except OSError:
            log.warning("Could not remove old backup %s", old.path)


def restore_backup(backup_path: Path, db_path: Path) -> None:
    """Overwrite ``db_path`` with a backup, in place, through the backup API.

    The caller must have closed every connection of its own and taken a backup
    of the current file first (see ``Storage`` and the restore action).
    """
    damaged = UserError(f"La sauvegarde « {backup_path.name} » est elle-même endommagée.")
    try:
        src = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if src.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise damaged
            dst = sqlite3.connect(db_path)
            try:
                src.backup(dst)
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise damaged from exc
        raise _storage_error("la restauration", exc) from exc


def copy_to(db_path: Path, target: Path) -> None:
    """*Enregistrer une copie…*: a consistent copy written under a temporary name.

    The target is locked while it is replaced: a base open in another window is
    refused, never overwritten under its feet. Its stale ``-wal``/``-shm`` files
    go too, or SQLite would replay the old journal over the new copy.
    """
    from conseil_desktop.db.lock import FileLock

    if target.resolve() == db_path.resolve():
        raise UserError("La copie doit porter un autre nom que la base ouverte.")
    lock = FileLock(target)
    try:
        lock.acquire()
    except DatabaseLockedError as exc:
        raise UserError(
            f"« {target.name} » est une base ouverte dans Conseil Desktop : elle ne peut pas "
            "être remplacée. Choisissez un autre nom."
        ) from exc
    except UserError as exc:  # the folder cannot be written (a locked USB key)
        if isinstance(exc.__cause__, OSError):
            raise _storage_error("l'enregistrement de la copie", exc.__cause__) from exc
        raise
    partial = target.with_name(target.name + ".partial")
    try:
        _copy_database(db_path, partial)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):  # a read-only folder refuses even this
            partial.unlink(missing_ok=True)
        raise _storage_error("l'enregistrement de la copie", exc) from exc
    finally:
        lock.release()


def _storage_error(what: str, exc: Exception) -> UserError:
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "full" in str(exc).lower():
        return UserError(f"Le disque est plein : échec de {what}. Libérez de la place et réessayez.")
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"Accès refusé : échec de {what} ({exc.filename}).")
    return UserError(f"Échec de {what} : {exc}.")

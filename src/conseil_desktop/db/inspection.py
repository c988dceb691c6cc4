"""Checking a database file before it is opened: integrity and schema revision.

Only ``sqlite3`` is used here, so that start-up can run the check in a
background thread (``prefetch``) while the interface and SQLAlchemy are being
imported: SQLite releases the GIL, and on a large base ``quick_check`` is the
single longest step of opening it.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path

from conseil_desktop.db import backup as backups
from conseil_desktop.errors import CorruptDatabaseError, UserError

BUSY_TIMEOUT_MS = 5000

_prefetched: dict[tuple[Path, int, int], Future[str | None]] = {}
_lock = threading.Lock()


def _signature(db_path: Path) -> tuple[Path, int, int]:
    stat = db_path.stat()
    return (db_path.resolve(), stat.st_mtime_ns, stat.st_size)


def prefetch(db_path: Path) -> None:
    """Start checking an existing file in a thread; ``inspect_file`` will use the result."""
    try:
        key = _signature(db_path)
    except OSError:
        return
    future: Future[str | None] = Future()

    def work() -> None:
        try:
            future.set_result(_inspect(db_path))
        except BaseException as exc:  # noqa: BLE001 - handed over to inspect_file, which re-raises
            future.set_exception(exc)

    with _lock:
        _prefetched[key] = future
    threading.Thread(target=work, name="inspect-database", daemon=True).start()


def inspect_file(db_path: Path) -> str | None:
    """Check an existing file; return its schema revision (None for an empty base).

    Raises :class:`CorruptDatabaseError` for a damaged or foreign file. The file
    is opened read-only, so a damaged file is never modified. A prefetched check
    is used only if the file has not changed since it started.
    """
    try:
        key = _signature(db_path)
    except OSError:
        key = None
    with _lock:
        future = _prefetched.pop(key, None) if key else None
    if future is not None:
        return future.result()
    return _inspect(db_path)


def _inspect(db_path: Path) -> str | None:
    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problem = _not_damage(db_path, exc)
        if problem is not None:
            raise problem from exc
        raise _damaged(
            db_path,
            f"Le fichier « {db_path.name} » n'est pas une base Conseil Desktop lisible "
            "(il est endommagé ou n'est pas une base SQLite). Il n'a pas été modifié.",
        ) from exc
    if result != [("ok",)]:
        raise _damaged(
            db_path,
            f"La base « {db_path.name} » est endommagée ({result[0][0]}). "
            "Elle n'a pas été modifiée.",
        )
    user_tables = {t for t in tables if not t.startswith("sqlite_")} - {"alembic_version"}
    if revision is None and user_tables:
        raise UserError(
            f"Le fichier « {db_path.name} » est une base SQLite, mais pas une base de "
            "Conseil Desktop. Il n'a pas été modifié."
        )
    return revision


# Errors that say nothing about the file's content: it must not be called damaged.
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_NO_ACCESS = {"SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH", "SQLITE_READONLY"}


def _not_damage(db_path: Path, exc: sqlite3.DatabaseError) -> UserError | None:
    name = (getattr(exc, "sqlite_errorname", "") or "").split("_", 2)
    code = "_".join(name[:2])
    if code in _BUSY:
        return UserError(
            f"La base « {db_path.name} » est occupée par un autre programme. Fermez-le, "
            "puis réessayez. Le fichier n'a pas été modifié."
        )
    if code in _NO_ACCESS:
        return UserError(
            f"Impossible de lire « {db_path} » : accès refusé ou support indisponible "
            "(droits du dossier, clé USB retirée ?). Le fichier n'a pas été modifié."
        )
    if code == "SQLITE_IOERR":
        return UserError(
            f"Erreur de lecture sur le disque en ouvrant « {db_path.name} ». Vérifiez le "
            "support puis réessayez."
        )
    return None


def _damaged(db_path: Path, message: str) -> CorruptDatabaseError:
    newest = backups.newest_backup(db_path)
    if newest is None:
        return CorruptDatabaseError(message)
    hint = f" La sauvegarde la plus récente est « {newest.path.name} » ({newest.label})."
    return CorruptDatabaseError(message + hint, newest_backup=str(newest.path))

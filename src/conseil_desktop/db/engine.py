"""SQLite set-up in one place: pragmas, the one-instance lock, sessions.

``open_storage`` is the only way the application opens a database. It takes
the lock, checks the file, backs it up, brings its schema to the head
revision, and returns a :class:`Storage` with a session factory.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from conseil_desktop.db import backup as backups
from conseil_desktop.db.inspection import BUSY_TIMEOUT_MS, inspect_file
from conseil_desktop.db.lock import FileLock
from conseil_desktop.db.migrations import HEAD_REVISION
from conseil_desktop.errors import UserError

log = logging.getLogger(__name__)


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy then issues BEGIN itself (see _begin): without this, Python's
    # sqlite3 runs DDL outside any transaction and a failed migration is half-done.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # Erased personal data is overwritten, not left in the file's free space.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(db_path: Path) -> Engine:
    """The engine of one database file: pragmas on every connection, real transactions."""
    # hide_parameters: an error logged with its SQL must not copy people's details to the log
    engine = create_engine(f"sqlite:///{db_path}", future=True, hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


# SQLite's words for the problems a user can act on, and what to tell them.
_STORAGE_PROBLEMS = {
    "database or disk is full": "Le disque est plein : rien n'a été enregistré. "
    "Libérez de la place puis recommencez.",
    "database is locked": "La base est occupée par un autre programme : rien n'a été "
    "enregistré. Réessayez dans un instant.",
    "readonly database": "La base est en lecture seule (clé USB protégée, droits du "
    "dossier ?) : rien n'a été enregistré.",
    "disk i/o error": "Erreur de lecture ou d'écriture sur le disque : rien n'a été "
    "enregistré. Vérifiez le support (clé USB retirée ?).",
    "unable to open database file": "Le fichier de la base n'est plus accessible (clé USB "
    "retirée ?) : rien n'a été enregistré.",
    "malformed": "La base est endommagée : rien n'a été enregistré. Fermez "
    "l'application et restaurez une sauvegarde.",
}


def storage_problem(exc: OperationalError | sqlite3.OperationalError) -> Exception:
    """An OperationalError the user can act on becomes a UserError; others stay bugs."""
    text = str(exc.orig if isinstance(exc, OperationalError) else exc).lower()
    for words, message in _STORAGE_PROBLEMS.items():
        if words in text:
            return UserError(message)
    return exc


class Storage:
    """An open database: its engine, its lock and a session factory."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        # Why the backup on opening could not be taken (a full disk): the base opens
        # all the same, and the caller tells the user.
        self.backup_problem: str | None = None

    @contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One transaction per user action: committed on success, rolled back on error."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except (OperationalError, sqlite3.OperationalError) as exc:
            session.rollback()
            raise storage_problem(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def backup(self, reason: str) -> backups.BackupInfo | None:
        return backups.take_backup(self.path, reason, keep=self._backups_kept())

    def checkpoint(self) -> None:
        """Copy what the WAL journal holds into the base file itself, without waiting
        for anyone: a copy of the file alone (a USB key filled from the file manager
        while the application is open) then holds the work done so far."""
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except (OperationalError, sqlite3.OperationalError) as exc:
            log.info("Checkpoint of %s skipped: %s", self.path, exc)

    def _backups_kept(self) -> int:
        return backups.read_backups_kept(self.path)

    def detach(self) -> FileLock:
        """Close every connection but keep the lock: the file can be replaced in place
        (restore) without another program opening it meanwhile. This Storage is
        unusable afterwards; pass the lock to ``open_storage``."""
        self.engine.dispose()
        lock, self._lock = self._lock, _NoLock()
        return lock

    def close(self, *, backup: bool = True) -> None:
        """Close the connections (checkpointing the WAL), back up if changed, unlock."""
        self.engine.dispose()
        try:
            if backup and backups.changed_since_last_backup(self.path):
                self.backup("fermeture")
        finally:
            self._lock.release()


def open_storage(
    db_path: str | Path, *, create: bool = True, backup: bool = True,
    lock: FileLock | None = None,
) -> Storage:
    """Open (or create) a database for reading and writing by this process only.

    ``lock`` is a lock this process already holds on the file (restoring in place,
    see :meth:`Storage.detach`); otherwise one is taken. On failure it is released.
    """
    path = Path(db_path).expanduser().resolve()
    if not path.exists() and not create:
        raise UserError(f"La base « {path} » n'existe pas.")
    if not create and path.is_file() and path.stat().st_size == 0:
        raise UserError(f"« {path} » est un fichier vide, pas une base de Conseil Desktop : "
                        "rien n'y a été écrit.")
    if not path.parent.is_dir():
        raise UserError(f"Le dossier « {path.parent} » n'existe pas.")
    if lock is None:
        lock = FileLock(path)
        lock.acquire()
    try:
        revision = inspect_file(path) if path.exists() and path.stat().st_size else None
        if revision is not None and revision != HEAD_REVISION:
            from conseil_desktop.db.migrations import runner

            if not runner.is_known_revision(revision):
                raise UserError(
                    f"La base « {path.name} » a été créée par une version plus récente de "
                    "Conseil Desktop. Mettez l'application à jour pour l'ouvrir."
                )
            backups.take_backup(path, "avant-mise-a-jour", keep=backups.read_backups_kept(path))
        backup_problem = None
        if revision == HEAD_REVISION and backup and backups.changed_since_last_backup(path):
            try:  # unlike the one before an upgrade, it need not stop the opening
                backups.take_backup(path, "ouverture", keep=backups.read_backups_kept(path))
            except UserError as exc:
                log.warning("Backup on opening %s failed: %s", path, exc)
                backup_problem = str(exc)
        engine = make_engine(path)
        if revision != HEAD_REVISION:
            from conseil_desktop.db.migrations import runner

            log.info("Upgrading %s from %s to %s", path, revision, HEAD_REVISION)
            runner.upgrade(engine)
        storage = Storage(path, engine, lock)
        storage.backup_problem = backup_problem
        return storage
    except (sqlite3.OperationalError, OperationalError) as exc:
        lock.release()
        problem = storage_problem(exc)
        if isinstance(problem, UserError):
            raise problem from exc
        raise UserError(f"Impossible d'ouvrir la base « {path.name} » : {exc}.") from exc
    except BaseException:
        lock.release()
        raise


@contextmanager
def open_readonly(db_path: str | Path) -> Iterator[Storage]:
    """Open an existing database for reading only (``list``, ``check``).

    No lock is taken, so it works while the application has the file open.
    A database at an older revision is first upgraded through ``open_storage``.
    """
    path = Path(db_path).expanduser().resolve()
    if not path.is_file():
        raise UserError(f"La base « {path} » n'existe pas.")
    revision = inspect_file(path)
    if revision != HEAD_REVISION:
        storage = open_storage(path, create=False)
        try:
            yield storage
        finally:
            storage.close()
        return
    engine = create_engine(f"sqlite:///{path.as_uri()}?mode=ro&uri=true", future=True)
    event.listen(engine, "connect", _readonly_pragmas)
    try:
        yield Storage(path, engine, _NoLock())
    finally:
        engine.dispose()


def _readonly_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only=ON")


class _NoLock(FileLock):
    def __init__(self) -> None:
        self._handle = None

    def acquire(self) -> None:
        pass

    def release(self) -> None:
        pass

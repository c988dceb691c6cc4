"""One instance per database file: an OS lock on ``<db>.lock`` beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conseil_desktop import paths
from conseil_desktop.errors import DatabaseLockedError, UserError


class FileLock:
    """An OS lock on ``<db>.lock``: released by the OS even after a crash."""

    def __init__(self, db_path: Path) -> None:
        self.path = paths.lock_path_for(db_path)
        self._handle: Any = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - held for the session
        except OSError as exc:
            raise UserError(
                f"Impossible de créer le fichier de verrou « {self.path} » : {exc.strerror}."
            ) from exc
        try:
            _lock_handle(handle)
        except OSError as exc:
            handle.close()
            raise DatabaseLockedError(
                f"La base « {self.path.with_suffix('').name} » est déjà ouverte dans une "
                "autre fenêtre de Conseil Desktop. Fermez-la d'abord, ou utilisez cette fenêtre."
            ) from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            try:
                _unlock_handle(self._handle)
            finally:
                self._handle.close()
                self._handle = None
        # The file itself stays: unlinking it would let two processes lock two
        # different inodes of the same name.


def _lock_handle(handle: Any) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_handle(handle: Any) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

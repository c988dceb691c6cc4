"""The open database of the window, which the user can switch or restore."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from sqlalchemy.orm import Session

from conseil_desktop import paths
from conseil_desktop.db import backup as backups
from conseil_desktop.db.engine import FileLock, Storage, open_storage
from conseil_desktop.errors import UserError
from conseil_desktop.ui.i18n import fill

BEFORE_RESTORE = "avant-restauration"
CHECKPOINT_AFTER_MS = 3000


class Database(QObject):
    """Holds the window's :class:`Storage`; every user action opens its session here."""

    switched = Signal(Path)  # another file, or restored content, is now open
    about_to_change = Signal()  # the file is about to be closed: finish background work

    def __init__(self, storage: Storage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._closed = False
        self._closing = False
        # Once the user pauses, the WAL journal is copied into the base file.
        self._checkpoint = QTimer(self)
        self._checkpoint.setSingleShot(True)
        self._checkpoint.setInterval(CHECKPOINT_AFTER_MS)
        self._checkpoint.timeout.connect(self._write_back)

    @property
    def path(self) -> Path:
        return self._storage.path

    @property
    def storage(self) -> Storage:
        return self._storage

    def session_scope(self) -> AbstractContextManager[Session]:
        if self._closed:
            message = QCoreApplication.translate(
                "Database", "The database is closed. Open a database from the File menu.")
            raise UserError(message)
        if QThread.currentThread() == self.thread():  # not from a worker: the UI's
            self._checkpoint.start()  # next action restarts it; it runs once the user pauses
        return self._storage.session_scope()

    def _write_back(self) -> None:
        if not self._closed:
            self._storage.checkpoint()

    def replace(self, storage: Storage) -> None:
        """Make ``storage`` the open database; close (and back up) the previous one."""
        self.about_to_change.emit()
        previous, self._storage = self._storage, storage
        self._closed = False
        try:
            previous.close()
        finally:
            self.switched.emit(storage.path)

    def restore(self, backup_path: Path) -> None:
        """Replace the open file's content with a backup, after backing the file up."""
        storage = self._storage
        with tempfile.TemporaryDirectory(dir=paths.data_dir()) as folder:
            # Backing up first may rotate the chosen backup away: restore from a copy.
            source = Path(folder) / backup_path.name
            try:
                shutil.copyfile(backup_path, source)
            except OSError as exc:
                message = QCoreApplication.translate("Database", "Cannot read the backup “%1”: %2.")
                raise UserError(
                    fill(message, backup_path.name, exc.strerror)
                ) from exc
            storage.backup(BEFORE_RESTORE)
            self.about_to_change.emit()
            lock = storage.detach()  # no other program can open the file meanwhile
            try:
                backups.restore_backup(source, storage.path)
            finally:
                self._reopen(storage.path, lock)
        self.switched.emit(self._storage.path)

    def _reopen(self, path: Path, lock: FileLock) -> None:
        try:
            self._storage = open_storage(path, backup=False, lock=lock)
        except BaseException:
            lock.release()  # idempotent: open_storage may have released it already
            self._closed = True  # the detached storage must not be used again
            raise

    def close(self) -> None:
        """Close the file for good (backed up if it changed); safe to call twice.

        Open windows hear ``about_to_change`` while the file is still usable, so that
        they save what is typed (a debate summary) before it closes."""
        if self._closed or self._closing:
            return
        self._closing = True
        self._checkpoint.stop()  # closing checkpoints anyway
        try:
            self.about_to_change.emit()
        finally:
            self._closed = True
            self._storage.close()

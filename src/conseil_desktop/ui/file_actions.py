"""The *Fichier* menu: new, open, save a copy, restore a backup, quit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from conseil_desktop import paths
from conseil_desktop.db import backup as backups
from conseil_desktop.errors import UserError
from conseil_desktop.ui import opening
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.dialogs import ask, errors, restore_dialog
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.preferences import Preferences
from conseil_desktop.ui.workers import Progress, Worker, start_task

DB_SUFFIX = ".db"


class FileActions(QObject):
    def __init__(self, window: QWidget, database: Database, preferences: Preferences) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self._preferences = preferences
        self.new_action = self._action(self.tr("&New database…"), QKeySequence("Ctrl+Shift+N"),
                                       self.new_database)
        self.open_action = self._action(self.tr("&Open a database…"),
                                        QKeySequence.StandardKey.Open, self.open_database)
        self.save_copy_action = self._action(self.tr("&Save a copy…"),
                                             QKeySequence("Ctrl+Shift+S"), self.save_copy)
        self.restore_action = self._action(self.tr("&Restore a backup…"), None,
                                           self.restore_backup)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence("Ctrl+Q"), window.close)

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def fill(self, menu: QMenu) -> None:
        menu.addActions([self.new_action, self.open_action, self.save_copy_action,
                         self.restore_action])
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def database_filter(self) -> str:
        return self.tr("Conseil Desktop databases (*.db);;All files (*)")

    # -- the actions ---------------------------------------------------------------

    def new_database(self) -> None:
        title = self.tr("New database")
        suggested = self._database.path.with_name(self.tr("new-council") + DB_SUFFIX)
        path = ask.ask_save_path(self._window, title, self.database_filter(), suggested,
                                 confirm_overwrite=False)
        if path is None:
            return
        path = _with_suffix(path)
        if path.exists() and path.stat().st_size:
            question = self.tr(
                "The file “%1” already exists: a new database never replaces it. Open it instead?"
            )
            if ask.confirm(self._window, title, fill(question, path)):
                self.switch_to(path, create=False)
            return
        self.switch_to(path, create=True)

    def open_database(self) -> None:
        path = ask.ask_open_path(self._window, self.tr("Open a database"),
                                 self.database_filter(), self._database.path.parent)
        if path is not None:
            self.switch_to(path, create=False)

    def switch_to(self, path: Path, *, create: bool) -> None:
        """Open ``path`` in this window; if it cannot be opened, the current one stays open."""
        if path.expanduser().resolve() == self._database.path:
            return
        storage = opening.open_database(path, self._window, interactive=True, create=create)
        if storage is None:
            return
        self._preferences.last_database = storage.path
        with self._reporting(self.tr("Open a database")):
            self._database.replace(storage)

    def save_copy(self) -> None:
        title = self.tr("Save a copy")
        current = self._database.path
        suggested = current.with_name(current.stem + self.tr("-copy") + DB_SUFFIX)
        target = ask.ask_save_path(self._window, title, self.database_filter(), suggested)
        if target is None:
            return
        target = _with_suffix(target).resolve()
        if target == current:
            ask.show_error(self._window, title, self.tr(
                "A copy must have another name than the open database."
            ))
            return
        self.copy_worker = self._copy_in_background(title, current, target)

    def _copy_in_background(self, title: str, current: Path, target: Path) -> Worker:
        """A 200 MB base takes seconds to copy: a progress dialog shows meanwhile."""
        def task(progress: Progress) -> Path:
            progress.step(0, self.tr("Copying the database…"))
            backups.copy_to(current, target)
            return target

        worker = start_task(self._window, title, 1, task)
        done = self.tr("A copy of the database was saved as “%1”.")
        worker.succeeded.connect(lambda _r: ask.show_info(self._window, title, fill(done, target)))
        worker.failed.connect(lambda exc: errors.show_user_error(self._window, title, exc))
        worker.crashed.connect(lambda: errors.show_crash_dialog(self._window, paths.log_file()))
        return worker

    def restore_backup(self) -> None:
        title = self.tr("Restore a backup")
        chosen = restore_dialog.choose_backup(self._window, self._database.path)
        if chosen is None:
            return
        question = self.tr(
            "The current database will first be backed up, then replaced by the backup "
            "taken on %1. Continue?"
        )
        if not ask.confirm(self._window, title, fill(question, chosen.label)):
            return
        with self._reporting(title):
            self._database.restore(chosen.path)
            done = self.tr("The backup taken on %1 was restored.")
            ask.show_info(self._window, title, fill(done, chosen.label))

    @contextmanager
    def _reporting(self, title: str) -> Iterator[None]:
        try:
            yield
        except UserError as exc:
            errors.show_user_error(self._window, title, exc)


def _with_suffix(path: Path) -> Path:
    return path if path.suffix else path.with_suffix(DB_SUFFIX)

"""What the members' tools share: opening a dialog, running a task while waiting
for it, telling the user, and a small read-only table model.

:func:`run_dialog` is the one place where these tools ``exec()`` a dialog:
tests replace it to drive the real widgets instead. :func:`run_and_wait`
runs a task in a worker thread (progress dialog, *Annuler*) and returns once
it has ended, so that the entry points can answer plainly (``True`` when
something changed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
)
from PySide6.QtWidgets import QDialog, QMainWindow, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from conseil_desktop import paths
from conseil_desktop.errors import UserError
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.workers import Cancelled, Progress, start_task

SessionScope = Callable[[], AbstractContextManager[Session]]
STATUS_MESSAGE_MS = 10_000
AnyIndex = QModelIndex | QPersistentModelIndex


def run_dialog(dialog: QDialog) -> int:
    """``exec()`` the dialog (tests replace this function to drive it)."""
    return dialog.exec()


def database_path(session: Session) -> Path:
    """The file of the open base (the import's undo record is kept per base)."""
    return Path(str(session.get_bind().engine.url.database)).resolve()


@dataclass
class Outcome:
    """How a task ended: ``done`` with its ``value``, or an ``error``, or
    ``cancelled`` by the user; a bug is reported in the crash dialog."""

    done: bool = False
    value: Any = None
    error: UserError | None = None
    cancelled: bool = False


def run_and_wait(parent: QWidget, title: str, steps: int,
                 task: Callable[[Progress], object]) -> Outcome:
    """Run ``task`` in a worker (progress after half a second, cancellable) and
    wait for it without freezing the window."""
    outcome = Outcome()
    crashed: list[bool] = []

    def wrapped(progress: Progress) -> object:
        try:
            outcome.value = task(progress)
        except Cancelled:
            outcome.cancelled = True
            raise
        except UserError as exc:
            outcome.error = exc
            raise
        except Exception:
            crashed.append(True)  # the worker logs it
            raise
        outcome.done = True
        return outcome.value

    blocker = OnlyProgressInput()
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(blocker)
    try:
        _wait(start_task(parent, title, steps, wrapped))  # it deletes itself once finished
    finally:
        if app is not None:
            app.removeEventFilter(blocker)
    QCoreApplication.processEvents()  # the worker's last signals (progress dialog closed)
    if crashed:
        errors.show_crash_dialog(parent, paths.log_file())
    return outcome


_USER_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.Wheel, QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride,
})


class OnlyProgressInput(QObject):
    """While a task runs, clicks and keys reach only its progress dialog (*Annuler*):
    the window behind cannot start the same work again (a double click on *Importer*)
    in the half second before the progress dialog shows."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT and isinstance(watched, QWidget):
            return not isinstance(watched.window(), QProgressDialog)
        return False


def _wait(worker: QThread) -> None:
    """Run the event loop until the worker has ended."""
    loop = QEventLoop()

    def ended() -> bool:
        return not shiboken6.isValid(worker) or worker.isFinished()

    poll = QTimer()
    poll.setInterval(20)

    def check() -> None:
        if ended():
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    if not ended():
        loop.exec()
    poll.stop()


def tell(parent: QWidget, title: str, text: str) -> None:
    """A short success message: in the status bar of the main window, else a box."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)
    else:
        ask.show_info(parent, title, text)


def show_problem(parent: QWidget, title: str, error: UserError) -> None:
    errors.show_user_error(parent, title, error)


class RowsModel(QAbstractTableModel):
    """Plain rows of text under fixed headers (read-only)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> tuple[Any, ...]:
        return self._rows[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


__all__ = [
    "Cancelled", "Outcome", "RowsModel", "SessionScope", "database_path",
    "run_and_wait", "run_dialog", "show_problem", "tell",
]

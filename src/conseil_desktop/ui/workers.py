"""Long work off the UI thread, with a progress dialog that can cancel it.

A task is a plain function given a :class:`Progress`: it opens its own
session, reports its steps, and never touches a widget. The dialog appears
only when the task lasts more than half a second. A long reader or writer
outside ``ui/`` is given :meth:`Progress.hook`, a plain callable
(``conseil_desktop.progress``): the bar moves within a step and a cancel
stops the writer where it is.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from conseil_desktop.errors import UserError
from conseil_desktop.progress import Cancelled, OnProgress, Stage

__all__ = ["Cancelled", "Progress", "Worker", "start_task", "wait_for_tasks", "while_alive"]

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 500
FINE = 100  # bar positions within one step
REPORT_EVERY = 0.05  # seconds between two labels shown by a hook


class Progress:
    """What a running task may do: report a step, and stop when cancelled."""

    def __init__(self, report: Callable[[int, str], None], cancel: threading.Event) -> None:
        self._report = report
        self._cancel = cancel

    def step(self, value: int, text: str) -> None:
        self.check()
        self._report(value * FINE, text)

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user has cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    def hook(self, bands: Mapping[Stage, tuple[float, float]]) -> OnProgress:
        """A plain callable for a reader or writer outside ``ui/``: each call checks
        for a cancel, and (at most every 50 ms) moves the bar within ``bands[stage]``
        (in steps: ``(1, 1.5)`` is the first half of step 1) under the stage's label."""
        from conseil_desktop.ui.stages import stage_text

        last_stage: Stage | None = None
        last_time = 0.0

        def on_progress(stage: Stage, done: int, total: int) -> None:
            nonlocal last_stage, last_time
            self.check()
            now = time.monotonic()
            if stage is last_stage and now - last_time < REPORT_EVERY and done < total:
                return
            last_stage, last_time = stage, now
            start, end = bands.get(stage, (0.0, 0.0))
            share = min(1.0, done / total) if total > 0 else 0.0
            self._report(int((start + (end - start) * share) * FINE),
                         stage_text(stage, done, total))

        return on_progress


Task = Callable[[Progress], object]


class Worker(QThread):
    progressed = Signal(int, str)
    succeeded = Signal(object)  # what the task returned
    failed = Signal(object)  # the UserError it raised
    cancelled = Signal()
    crashed = Signal()  # a bug: logged with its traceback

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._task(Progress(self.progressed.emit, self._cancel))
        except Cancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(exc)
        except Exception:
            log.exception("Background task failed")
            self.crashed.emit()
        else:
            self.succeeded.emit(result)


_running: set[Worker] = set()  # a worker outlives the widget that started it
_HOOKED = "conseil_desktop_waits_for_tasks"


def start_task(parent: QWidget, title: str, steps: int, task: Task) -> Worker:
    """Run ``task`` in a thread; connect to the worker's signals to hear how it ended.

    The thread starts once the event loop runs again, so that the connections the
    caller makes on return are in place: a task that fails at once would otherwise
    emit its signal to nobody, and the user would never hear of it."""
    worker = Worker(task)
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setRange(0, steps * FINE)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)  # starts the timer that shows the dialog if the task lasts
    dialog.canceled.connect(worker.cancel)

    def show_step(value: int, text: str) -> None:
        if shiboken6.isValid(dialog):  # gone with its parent window, closed meanwhile
            dialog.setLabelText(text)
            dialog.setValue(value)

    def finish() -> None:
        if shiboken6.isValid(dialog):
            dialog.canceled.disconnect(worker.cancel)
            dialog.close()
            dialog.deleteLater()
        worker.wait()  # "finished" comes just before the thread ends: let it end
        _running.discard(worker)
        worker.deleteLater()

    worker.progressed.connect(show_step)
    worker.finished.connect(finish)
    _hook_quit()
    _running.add(worker)
    QTimer.singleShot(0, worker, worker.start)
    return worker


def while_alive(widget: QWidget, slot: Callable[..., None]) -> Callable[..., None]:
    """``slot``, skipped once ``widget`` is deleted: a worker may outlive the window
    that started it (a preview closed while its "save as" still runs)."""
    def guarded(*args: object) -> None:
        if shiboken6.isValid(widget):
            slot(*args)

    return guarded


def _hook_quit() -> None:
    app = QCoreApplication.instance()
    if app is not None and not app.property(_HOOKED):
        app.aboutToQuit.connect(wait_for_tasks)
        app.setProperty(_HOOKED, True)


def wait_for_tasks() -> None:
    """Cancel what still runs and wait for it (the application is quitting)."""
    for worker in list(_running):
        worker.cancel()
        worker.wait()

"""*Exporter › Portefeuille des projets (Excel / PDF)…*: the portfolio written
by :mod:`conseil_desktop.export.projects_export` in a worker thread.

The worker opens its own session, reports its steps, and writes to a hidden
file beside the target, renamed only when the user has not cancelled: a
cancelled or failed export leaves no file, and never spoils an older one.
The writer is given a progress hook (``conseil_desktop.progress``) that names
the page or sheet being written and stops it as soon as *Annuler* is pressed.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, suppress
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.orm import Session

from conseil_desktop import paths
from conseil_desktop.errors import UserError
from conseil_desktop.progress import Cancelled, Stage
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.documents.folders import last_folder, remember_folder
from conseil_desktop.ui.i18n import fill

log = logging.getLogger(__name__)

SessionScope = Callable[[], AbstractContextManager[Session]]
SHOW_PROGRESS_AFTER_MS = 500
STEPS = 3  # read, write, done
FINE = 100  # bar positions within a step
REPORT_EVERY = 0.05  # seconds between two labels sent by the writer's hook
# Where each stage of the writer moves the bar within the "write" step.
BANDS = {Stage.PAGES: (1.0, 1.85), Stage.SHEETS: (1.0, 1.7), Stage.SAVING: (1.85, 2.0)}


class ExportThread(QThread):
    """Reads the portfolio and writes it; never touches a widget."""

    progressed = Signal(int, str)
    succeeded = Signal(Path, int)  # the file, the number of projects
    failed = Signal(str)  # an expected problem's message
    crashed = Signal()  # a bug, logged with its traceback

    def __init__(self, session_scope: SessionScope, target: Path, year: int | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session_scope = session_scope
        self.target = target
        self.year = year
        self._last_report: tuple[Stage | None, float] = (None, 0.0)

    def _hook(self, stage: Stage, done: int, total: int) -> None:
        """The writer's progress hook: stops it on a cancel, and tells the dialog (at most
        every 50 ms) which page or sheet is being written."""
        from conseil_desktop.ui.stages import stage_text

        if self.isInterruptionRequested():
            raise Cancelled
        now = time.monotonic()
        last_stage, last_time = self._last_report
        if stage is last_stage and now - last_time < REPORT_EVERY and done < total:
            return
        self._last_report = (stage, now)
        start, end = BANDS.get(stage, (1.0, 1.0))
        share = min(1.0, done / total) if total > 0 else 0.0
        self.progressed.emit(int((start + (end - start) * share) * FINE),
                             stage_text(stage, done, total))

    def run(self) -> None:
        # Same extension, so that the exporter picks the format; hidden and unique.
        partial = self.target.with_name(
            f".{self.target.stem}.{uuid.uuid4().hex[:8]}.partial{self.target.suffix}")
        try:
            count = self._export(partial)
        except Cancelled:
            pass  # the file is removed below; nobody waits for a message
        except UserError as exc:
            self.failed.emit(exc.message)
        except Exception:
            log.exception("Export of the projects to %s failed", self.target)
            self.crashed.emit()
        else:
            if count is not None:
                self.succeeded.emit(self.target, count)
        finally:
            with suppress(OSError):  # a read-only folder refuses even this
                partial.unlink(missing_ok=True)

    def _export(self, partial: Path) -> int | None:
        """The number of projects written, or None if cancelled."""
        from conseil_desktop.export.projects_export import export_projects
        from conseil_desktop.services.council import get_settings
        from conseil_desktop.services.project_details import portfolio

        self.progressed.emit(0, self.tr("Reading the projects…"))
        with self._session_scope() as session:
            book = portfolio(session, year=self.year)
            council_name = get_settings(session).council_name
        if self.isInterruptionRequested():
            return None
        self.progressed.emit(FINE, self.tr("Writing the file…"))
        export_projects(book, partial, council_name=council_name, today=date.today(),
                        progress=self._hook)
        if self.isInterruptionRequested():
            return None
        try:
            os.replace(partial, self.target)
        except OSError as exc:
            raise UserError(fill(self.tr("Cannot write “%1”: %2."), self.target,
                                 exc.strerror or exc)) from exc
        self.progressed.emit((STEPS - 1) * FINE, "")
        return len(book.projects)


class ProjectExports(QObject):
    """The two export actions; ``year()`` gives the year to export, None for all."""

    finished = Signal(Path)  # a file was written

    def __init__(self, session_scope: SessionScope, parent_widget: QWidget,
                 year: Callable[[], int | None]) -> None:
        super().__init__(parent_widget)
        self._session_scope = session_scope
        self._widget = parent_widget
        self._year = year
        self.worker: ExportThread | None = None
        self.progress: QProgressDialog | None = None
        self.xlsx_action = QAction(self.tr("Project portfolio (&Excel)…"), parent_widget)
        self.pdf_action = QAction(self.tr("Project portfolio (&PDF)…"), parent_widget)
        self.xlsx_action.triggered.connect(lambda: self.export("xlsx"))
        self.pdf_action.triggered.connect(lambda: self.export("pdf"))
        self.update_texts()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)

    def actions(self) -> list[QAction]:
        return [self.xlsx_action, self.pdf_action]

    @property
    def running(self) -> bool:
        return self.worker is not None

    def update_texts(self) -> None:
        """Name the year in the actions when the list is filtered on one."""
        year = self._year()
        if year is None:
            self.xlsx_action.setText(self.tr("Project portfolio (&Excel)…"))
            self.pdf_action.setText(self.tr("Project portfolio (&PDF)…"))
        else:
            self.xlsx_action.setText(fill(self.tr("Project portfolio %1 (&Excel)…"), year))
            self.pdf_action.setText(fill(self.tr("Project portfolio %1 (&PDF)…"), year))

    def export(self, kind: str) -> None:
        if self.running:
            return
        year = self._year()
        name = fill(self.tr("projects-%1"), year) if year else self.tr("project-portfolio")
        folder = last_folder()
        file_filter = (self.tr("Excel workbook (*.xlsx)") if kind == "xlsx"
                       else self.tr("PDF document (*.pdf)"))
        target = ask.ask_save_path(self._widget, self.tr("Export the project portfolio"),
                                   file_filter, folder / f"{name}.{kind}")
        if target is None:
            return
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        remember_folder(target)
        self._start(target, year)

    def _start(self, target: Path, year: int | None) -> None:
        self.worker = ExportThread(self._session_scope, target, year, self)
        progress = QProgressDialog(self.tr("Exporting the project portfolio…"),
                                   self.tr("Cancel"), 0, (STEPS - 1) * FINE, self._widget)
        progress.setWindowTitle(self.tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self.worker.requestInterruption)
        self.progress = progress
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.crashed.connect(self._crashed)
        self.worker.finished.connect(self._cleanup)
        self.worker.start()

    def _progressed(self, step: int, text: str) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setValue(step)
            if text:
                self.progress.setLabelText(text)

    def _succeeded(self, path: Path, count: int) -> None:
        self._close_progress()
        message = fill(self.tr("%1 written (%2)."), path, self.tr("%n project(s)", "", count))
        ask.show_info(self._widget, self.tr("Export"), message)
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self._close_progress()
        ask.show_error(self._widget, self.tr("Export"), message)

    def _crashed(self) -> None:
        self._close_progress()
        errors.show_crash_dialog(self._widget, paths.log_file())

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _cleanup(self) -> None:
        self._close_progress()
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None

    def wait(self) -> None:
        """Block until a running export ends (the window is closing)."""
        if self.worker is not None:
            self.worker.requestInterruption()
            self.worker.wait()


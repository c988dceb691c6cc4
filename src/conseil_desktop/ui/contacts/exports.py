"""*Exporter* the contacts: spreadsheet, vCards, or the printed "Adresses utiles".

Each action asks where to save, then reads the address book and writes the
file in a worker thread. The file appears under its name only once complete:
a failed or cancelled export leaves no file (and an older file of that name
untouched).
"""

from __future__ import annotations

import enum
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from conseil_desktop import paths
from conseil_desktop.errors import UserError
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.documents.folders import last_folder, remember_folder
from conseil_desktop.ui.tabs.protocol import SessionScope
from conseil_desktop.ui.workers import Progress, Worker, start_task

STEPS = 2  # read the address book, write the file


class ExportFormat(enum.Enum):
    XLSX = "xlsx"
    VCARD = "vcf"
    PDF = "pdf"


class ContactExports(QObject):
    exported = Signal(Path)  # the file written
    cancelled = Signal()

    def __init__(self, session_scope: SessionScope, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session_scope = session_scope
        self.worker: Worker | None = None  # the export running, if any
        self._actions = {
            ExportFormat.XLSX: QAction(self.tr("Contacts (&Excel)…"), self),
            ExportFormat.VCARD: QAction(self.tr("Contacts (&vCard)…"), self),
            ExportFormat.PDF: QAction(self.tr("&Useful addresses (PDF)…"), self),
        }
        for kind, action in self._actions.items():
            action.setObjectName(f"export_contacts_{kind.value}")
            action.triggered.connect(partial(self.export, kind))
        self._actions[ExportFormat.PDF].setToolTip(self.tr(
            "The organisations' public addresses and phones, to print for residents."))

    def actions(self) -> list[QAction]:
        return list(self._actions.values())

    def action(self, kind: ExportFormat) -> QAction:
        return self._actions[kind]

    def export(self, kind: ExportFormat) -> Worker | None:
        """Ask for a file name, then write it in the background."""
        path = self._ask_path(kind)
        if path is None:
            return None
        worker = start_task(self._parent, self.tr("Export"), STEPS,
                            partial(write_contacts, self._session_scope, kind, path))
        worker.succeeded.connect(lambda _result: self.exported.emit(path))
        worker.cancelled.connect(self.cancelled)
        worker.failed.connect(self._show_failure)
        worker.crashed.connect(
            lambda: errors.show_crash_dialog(self._parent, paths.log_file()))
        worker.finished.connect(self._finished)
        self.worker = worker
        self._enable(False)
        return worker

    def _ask_path(self, kind: ExportFormat) -> Path | None:
        names = {
            ExportFormat.XLSX: (self.tr("Contacts"), self.tr("Excel workbook (*.xlsx)")),
            ExportFormat.VCARD: (self.tr("Contacts"), self.tr("vCard address book (*.vcf)")),
            ExportFormat.PDF: (self.tr("Useful addresses"), self.tr("PDF document (*.pdf)")),
        }
        name, file_filter = names[kind]
        suffix = f".{kind.value}"
        title = self._actions[kind].text().replace("&", "").rstrip("…")  # a window title
        path = ask.ask_save_path(self._parent, title,
                                 file_filter, last_folder() / f"{name}{suffix}")
        if path is not None and path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)  # typed without its extension
        if path is not None:
            remember_folder(path)
        return path

    def _show_failure(self, error: UserError) -> None:
        errors.show_user_error(self._parent, self.tr("Export"), error)

    def _finished(self) -> None:
        self.worker = None
        self._enable(True)

    def _enable(self, enabled: bool) -> None:
        for action in self._actions.values():
            action.setEnabled(enabled)


def write_contacts(session_scope: SessionScope, kind: ExportFormat, path: Path,
                   progress: Progress) -> Path:
    """The export task (runs in the worker thread: no widget here)."""
    from conseil_desktop.export.contacts_export import (
        write_contacts_xlsx,
        write_useful_addresses_pdf,
    )
    from conseil_desktop.export.files import atomic_output
    from conseil_desktop.export.vcard import write_vcards
    from conseil_desktop.services.contact_queries import address_book
    from conseil_desktop.services.council import get_settings

    progress.step(0, QCoreApplication.translate("ContactExports", "Reading the contacts…"))
    with session_scope() as session:
        book = address_book(session)
        council_name = get_settings(session).council_name
    progress.step(1, QCoreApplication.translate("ContactExports", "Writing the file…"))
    with atomic_output(path) as temporary:
        if kind is ExportFormat.XLSX:
            write_contacts_xlsx(book, temporary)
        elif kind is ExportFormat.VCARD:
            write_vcards(book, temporary)
        else:
            write_useful_addresses_pdf(book, temporary, council_name=council_name,
                                       today=date.today())
        progress.check()  # cancelled while writing: the temporary file is removed
    return path

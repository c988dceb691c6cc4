"""Offering a document: build it off the UI thread, then preview, print, open or save it.

A :class:`DocumentRequest` names the document and gives a ``build`` function
that writes it (it runs in a worker thread, opens its own session and never
touches a widget). The PDF is built once into a private temporary folder
(in :mod:`scratch`'s session folder); the preview shows that file, *Imprimer…*
prints that file, *Enregistrer sous…* copies that file. Other formats (xlsx) are built straight to the chosen path.
The temporary folder is removed when the preview closes, since it may hold
personal data, or when the build ends without a preview (failed, cancelled,
crashed, or its window closed meanwhile).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from conseil_desktop import paths
from conseil_desktop.errors import UserError
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.documents import scratch
from conseil_desktop.ui.documents.folders import last_folder, remember_folder
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.workers import Progress, Worker, start_task, while_alive

Build = Callable[[Path, str, Progress], None]

STEPS = 3  # read, lay out, write: builders report within this range


@dataclass(frozen=True)
class DocumentRequest:
    title: str  # shown in the window title and the progress dialog
    suggested_name: str  # file name without extension
    formats: tuple[str, ...]  # the first one is previewed when it is "pdf"
    build: Build



def file_filter(fmt: str) -> str:
    filters = {  # literal calls, so that lupdate finds them
        "pdf": QCoreApplication.translate("Documents", "PDF document (*.pdf)"),
        "xlsx": QCoreApplication.translate("Documents", "Excel workbook (*.xlsx)"),
        "csv": QCoreApplication.translate("Documents", "CSV file (*.csv)"),
        "ics": QCoreApplication.translate("Documents", "Calendar (*.ics)"),
    }
    return filters[fmt]


def offer_document(parent: QWidget, request: DocumentRequest) -> Worker | None:
    """Build the document, then show it (PDF) or ask where to save it (other formats)."""
    if request.formats[0] != "pdf":
        return save_document(parent, request, request.formats)
    folder = Path(tempfile.mkdtemp(prefix="conseil-document-", dir=scratch.session_folder()))
    target = folder / f"{safe_file_name(request.suggested_name)}.pdf"

    handed_over = False  # to the preview, which removes the folder when it closes

    def opened(_result: object) -> None:
        nonlocal handed_over
        if not shiboken6.isValid(parent):  # its window closed during the build
            return
        from conseil_desktop.ui.documents.preview import show_preview

        show_preview(parent, request, target, cleanup=lambda: remove_folder(folder))
        handed_over = True

    def clean_up() -> None:
        """Every ending but a shown preview: failed, cancelled, crashed, or no window."""
        if not handed_over:
            remove_folder(folder)

    worker = _run(parent, request, target, "pdf", on_success=opened)
    worker.finished.connect(clean_up)  # delivered after the outcome's signal
    return worker


def save_document(parent: QWidget, request: DocumentRequest, formats: tuple[str, ...],
                  *, existing_pdf: Path | None = None) -> Worker | None:
    """*Enregistrer sous…*: a finished PDF is copied; anything else is built to the file."""
    path = ask_document_path(parent, request, formats)
    if path is None:
        return None
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "pdf" and existing_pdf is not None:
        try:
            copy_atomically(existing_pdf, path)
        except UserError as error:
            errors.show_user_error(parent, request.title, error)
            return None
        announce_saved(parent, path)
        return None
    return _run(parent, request, path, fmt,
                on_success=while_alive(parent, lambda _r: announce_saved(parent, path)))


def ask_document_path(parent: QWidget, request: DocumentRequest,
                      formats: tuple[str, ...]) -> Path | None:
    folder = last_folder()
    filters = ";;".join(file_filter(fmt) for fmt in formats)
    suggested = folder / f"{safe_file_name(request.suggested_name)}.{formats[0]}"
    path = ask.ask_save_path(parent, QCoreApplication.translate("Documents", "Save as"), filters, suggested)
    if path is None:
        return None
    if path.suffix.lower().lstrip(".") not in formats:
        path = path.with_name(f"{path.name}.{formats[0]}")  # typed without its extension
    remember_folder(path)
    return path


def announce_saved(parent: QWidget, path: Path) -> None:
    window = parent.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(fill(QCoreApplication.translate("Documents", "Saved: %1"), path), 8000)


def _run(parent: QWidget, request: DocumentRequest, target: Path, fmt: str,
         on_success: Callable[[object], None]) -> Worker:
    def task(progress: Progress) -> Path:
        from conseil_desktop.export.files import atomic_output

        with atomic_output(target) as temporary:
            request.build(temporary, fmt, progress)
            progress.check()  # cancelled at the last moment: nothing is left behind
        return target

    worker = start_task(parent, request.title, STEPS, task)
    worker.succeeded.connect(on_success)  # guarded by the caller: it may have work without a window
    worker.failed.connect(while_alive(
        parent, lambda error: errors.show_user_error(parent, request.title, error)))
    worker.crashed.connect(lambda: errors.show_crash_dialog(None, paths.log_file()))
    return worker


def copy_atomically(source: Path, target: Path) -> None:
    from conseil_desktop.export.files import atomic_output

    with atomic_output(target) as temporary:
        try:
            shutil.copyfile(source, temporary)
        except OSError as exc:
            raise UserError(
                f"Impossible d'écrire « {target} » : {exc.strerror or exc}.") from exc


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def safe_file_name(name: str) -> str:
    """A file name any system accepts: no path separators or reserved characters."""
    cleaned = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name)
    return cleaned.strip(" .") or "document"

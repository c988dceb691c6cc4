"""The preview window of a finished PDF: *Imprimer…*, *Ouvrir*, *Enregistrer sous…*."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QLabel, QToolBar, QVBoxLayout, QWidget

from conseil_desktop.errors import UserError
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.documents import scratch
from conseil_desktop.ui.documents.actions import (
    DocumentRequest,
    copy_atomically,
    safe_file_name,
    save_document,
)
from conseil_desktop.ui.documents.printing import print_document
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.widgets import resize_to_fit

PREFERRED_SIZE = QSize(820, 900)  # an A4 page at the width of the window

_open: set[DocumentPreview] = set()  # a preview outlives the screen that opened it


def show_preview(parent: QWidget, request: DocumentRequest, pdf: Path,
                 *, cleanup: Callable[[], None]) -> DocumentPreview:
    preview = DocumentPreview(parent, request, pdf, cleanup=cleanup)
    _open.add(preview)
    preview.finished.connect(lambda _code: _open.discard(preview))
    preview.show()
    return preview


class DocumentPreview(QDialog):
    """Non-modal: the president can keep the check-in screen open beside it."""

    def __init__(self, parent: QWidget, request: DocumentRequest, pdf: Path,
                 *, cleanup: Callable[[], None]) -> None:
        super().__init__(parent)
        self.request = request
        self.pdf = pdf
        self._cleanup = cleanup
        self.setWindowTitle(fill(self.tr("Preview — %1"), request.title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        resize_to_fit(self, PREFERRED_SIZE, parent)  # a laptop: 728 pixels under its task bar
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(self.tr("%Ln page(s)", "", self.document.pageCount()), self)
        self.print_action = self._action(self.tr("&Print…"), QKeySequence.StandardKey.Print,
                                         self.print_)
        self.open_action = self._action(self.tr("&Open in the PDF viewer"),
                                        QKeySequence.StandardKey.Open, self.open_externally)
        self.save_action = self._action(self.tr("&Save as…"), QKeySequence.StandardKey.Save,
                                        self.save_as)
        self.zoom_in_action = self._action(self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn,
                                           lambda: self._zoom(1.25))
        self.zoom_out_action = self._action(self.tr("Zoom out"),
                                            QKeySequence.StandardKey.ZoomOut,
                                            lambda: self._zoom(0.8))
        self.fit_action = self._action(self.tr("Fit width"), QKeySequence("Ctrl+0"),
                                       self._fit_width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.view, 1)

    def _action(self, text: str, key: QKeySequence | QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.print_action, self.open_action, self.save_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.zoom_out_action, self.fit_action, self.zoom_in_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(self.pages_label)
        return bar

    def print_(self) -> int:
        return print_document(self, self.document, self.request.title)

    def open_externally(self) -> Path | None:
        """Open a copy that outlives this window, in the system's PDF viewer.

        The copy waits in the application's private folder (people's names are in
        it), removed when the application quits."""
        target = scratch.session_folder() / f"{safe_file_name(self.request.suggested_name)}.pdf"
        try:
            copy_atomically(self.pdf, target)
        except UserError as error:
            errors.show_user_error(self, self.request.title, error)
            return None
        if not ask.open_file(target):
            ask.show_error(self, self.request.title, fill(self.tr(
                "No program could open the PDF. A copy is here until Conseil Desktop "
                "closes: %1\nUse “Save as…” to keep it."), target))
        return target

    def save_as(self) -> None:
        save_document(self, self.request, self.request.formats, existing_pdf=self.pdf)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def done(self, result: int) -> None:
        self._release()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._release()
        super().closeEvent(event)

    def _release(self) -> None:
        if self._cleanup is not None:
            self.document.close()
            self._cleanup()
            self._cleanup = None  # type: ignore[assignment]


"""Printing a finished PDF through the system print dialog.

The pages printed are the pages of the very PDF that was previewed and saved:
each is rendered by QtPdf at the printer's resolution (at most 300 dpi, enough
for text and signature lines) and drawn on the printer's page, keeping its
proportions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from conseil_desktop.ui.dialogs import ask

MAX_DPI = 300



def new_printer(document: QPdfDocument, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setResolution(min(printer.resolution(), MAX_DPI))
    printer.setFromTo(1, document.pageCount())
    if document.pageCount() and _is_landscape(document, 0):
        from PySide6.QtGui import QPageLayout

        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_document(parent: QWidget, document: QPdfDocument, title: str) -> int:
    """Ask where and what to print, then print; the number of pages printed."""
    printer = new_printer(document, title)
    if not ask.ask_print(parent, printer):
        return 0
    return print_pages(parent, document, printer)


def print_pages(parent: QWidget | None, document: QPdfDocument, printer: QPrinter) -> int:
    first, last = _page_range(document, printer)
    if last < first:
        return 0
    progress = QProgressDialog(QCoreApplication.translate("Documents", "Printing…"), QCoreApplication.translate("Documents", "Cancel"), 0, last - first + 1, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    painter = QPainter()
    if not painter.begin(printer):
        progress.close()
        return 0
    printed = 0
    try:
        for page in range(first, last + 1):
            if progress.wasCanceled():
                printer.abort()
                break
            if printed:
                printer.newPage()
            _draw_page(painter, document, page, printer)
            printed += 1
            progress.setValue(printed)
    finally:
        painter.end()
        progress.close()
    return printed


def _page_range(document: QPdfDocument, printer: QPrinter) -> tuple[int, int]:
    """Zero-based first and last page, from the dialog's "pages from… to…" if set."""
    count = document.pageCount()
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return printer.fromPage() - 1, min(printer.toPage(), count) - 1
    return 0, count - 1


def _draw_page(painter: QPainter, document: QPdfDocument, page: int, printer: QPrinter) -> None:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    points = document.pagePointSize(page)
    dpi = printer.resolution()
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    image = document.render(page, size, QPdfDocumentRenderOptions())
    target = QRect(0, 0, size.width(), size.height())
    painter.drawImage(target, image)


def _is_landscape(document: QPdfDocument, page: int) -> bool:
    size = document.pagePointSize(page)
    return size.width() > size.height()

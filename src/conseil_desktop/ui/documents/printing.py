"""Printing a finished PDF through the system print dialog.

The pages printed are the pages of the very PDF that was previewed and saved:
each is rendered by QtPdf at the printer's resolution (at most 300 dpi, enough
for text and signature lines) and drawn at its actual size from the sheet's
corner, on paper of the PDF's size (A4). Nothing is shrunk into the printer's
printable area: a sheet of 3 x 8 labels must land on the labels, and every
document keeps margins wider than a printer's. Only a page larger than the
chosen paper is scaled down to fit it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from conseil_desktop.ui.dialogs import ask

MAX_DPI = 300



def new_printer(document: QPdfDocument, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setResolution(min(printer.resolution(), MAX_DPI))
    printer.setFullPage(True)  # coordinates from the sheet's corner, not the printable area
    printer.setFromTo(1, document.pageCount())
    if document.pageCount():
        points = document.pagePointSize(0)
        portrait = QSize(round(min(points.width(), points.height())),
                         round(max(points.width(), points.height())))
        printer.setPageSize(QPageSize(portrait))  # A4 matched, not the locale's default
        if _is_landscape(document, 0):
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


def page_target(printer: QPrinter, points: QSizeF) -> QRect:
    """Where a page of ``points`` goes on the printer's sheet, in device pixels:
    actual size from the sheet's corner, scaled down only if the paper is smaller."""
    dpi = printer.resolution()
    paper = printer.pageLayout().fullRectPixels(dpi)
    if not printer.fullPage():  # the painter starts at the printable area's corner
        paper.translate(-printer.pageLayout().paintRectPixels(dpi).topLeft())
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    if size.width() > paper.width() or size.height() > paper.height():
        size.scale(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(paper.topLeft(), size)


def _draw_page(painter: QPainter, document: QPdfDocument, page: int, printer: QPrinter) -> None:
    target = page_target(printer, document.pagePointSize(page))
    image = document.render(page, target.size(), QPdfDocumentRenderOptions())
    painter.drawImage(target, image)


def _is_landscape(document: QPdfDocument, page: int) -> bool:
    size = document.pagePointSize(page)
    return size.width() > size.height()

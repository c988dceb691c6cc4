"""Every standard file dialog and message box of the application.

Each is a plain function so that tests can replace it with ``monkeypatch``
and never block on a modal ``exec()``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def ask_open_path(parent: QWidget | None, title: str, file_filter: str,
                  directory: Path | None = None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(directory or ""), file_filter)
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, title: str, file_filter: str, suggested: Path,
                  *, confirm_overwrite: bool = True) -> Path | None:
    options = QFileDialog.Option(0)
    if not confirm_overwrite:
        options |= QFileDialog.Option.DontConfirmOverwrite
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter,
                                          options=options)
    return Path(name) if name else None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def open_file(path: Path) -> bool:
    """Open ``path`` in the system's viewer for its type; False when none answered."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

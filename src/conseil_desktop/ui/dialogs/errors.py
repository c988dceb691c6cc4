"""The crash dialog, and the plain message shown for an expected problem."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from conseil_desktop.errors import UserError
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.i18n import fill


def show_crash_dialog(parent: QWidget | None, log_path: Path) -> None:
    """Tell the user that a bug happened and where its details were written."""
    title = QCoreApplication.translate("CrashDialog", "Unexpected error")
    text = QCoreApplication.translate(
        "CrashDialog",
        "Conseil Desktop met an unexpected error. Its details were written to the log file:",
    )
    advice = QCoreApplication.translate(
        "CrashDialog",
        "%1\n\nWhat was already saved is safe. If the problem comes back, send this file "
        "to the person who looks after the application.",
    )
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setInformativeText(fill(advice, log_path))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def show_user_error(parent: QWidget | None, title: str, error: UserError) -> None:
    """An expected problem: its French message, and its detail when there is one."""
    text = error.message if not error.detail else f"{error.message}\n\n{error.detail}"
    ask.show_error(parent, title, text)

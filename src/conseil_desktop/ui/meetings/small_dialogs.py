"""A date asked for on its own (the date of a duplicated meeting)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from conseil_desktop.ui.meetings.widgets import DateEdit


class DateDialog(QDialog):
    def __init__(self, title: str, question: str, suggested: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(question, self)
        label.setWordWrap(True)
        self.date = DateEdit(self)
        self.date.set_date(suggested)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.date)
        layout.addWidget(buttons)
        self.date.setFocus()


def ask_date(parent: QWidget | None, title: str, question: str,
             suggested: dt.date) -> dt.date | None:
    dialog = DateDialog(title, question, suggested, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.date.date_value()
        return None
    finally:
        dialog.deleteLater()

"""*Changer le statut…*: the new status, its date and a note, beside the
dated history of the project's statuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import ProjectStatus
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.project_details import StatusEventRow
from conseil_desktop.services.projects import USUAL_NEXT
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects.detail_tables import HistoryTable
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit

NOTE_MAX = 300


@dataclass(frozen=True)
class StatusChange:
    status: ProjectStatus
    effective_on: date
    note: str = ""


class StatusDialog(FormDialog):
    def __init__(self, project_title: str, current: ProjectStatus,
                 history: list[StatusEventRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Change the status of “%1”"), project_title))
        self.setMinimumWidth(560)
        self.change: StatusChange | None = None
        self.status = QComboBox(self)
        for status, label in PROJECT_STATUS.items():
            self.status.addItem(label, status)
        usual = [s for s in PROJECT_STATUS if s in USUAL_NEXT[current]]
        self.status.setCurrentIndex(self.status.findData(usual[0] if usual else current))
        self.effective_on = OptionalDateEdit(self)
        self.effective_on.set_date(date.today())
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("e.g. file sent to the prefecture"))
        self.history = HistoryTable(self)
        self.history.set_events(history)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept_change)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current status:"), QLabel(f"<b>{PROJECT_STATUS[current]}</b>", self))
        form.addRow(self.tr("New status:"), self.status)
        if usual:
            hint = QLabel(fill(self.tr("Usual next steps: %1."),
                               ", ".join(PROJECT_STATUS[s] for s in usual)), self)
            form.addRow("", hint)
        form.addRow(self.tr("Since:"), self.effective_on)
        form.addRow(self.tr("Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("History:"), self))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)
        self.remember_state()

    def accept_change(self) -> None:
        try:
            effective_on = self.effective_on.date()
        except ValueError:
            effective_on = None
        if effective_on is None:
            ask.show_error(self, self.windowTitle(), self.tr(
                "Give the date of the new status (dd/mm/yyyy)."))
            self.effective_on.setFocus()
            return
        self.change = StatusChange(ProjectStatus(self.status.currentData()), effective_on,
                                   self.note.text().strip())
        self.accept()


def ask_status_change(parent: QWidget | None, project_title: str, current: ProjectStatus,
                      history: list[StatusEventRow]) -> StatusChange | None:
    dialog = StatusDialog(project_title, current, history, parent)
    try:
        return dialog.change if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()

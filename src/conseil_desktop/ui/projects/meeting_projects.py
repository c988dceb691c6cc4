"""A meeting and the projects it discussed (read only).

Opened from the meetings list; a project double-clicked closes the dialog and
is handed to the ``open_project`` callback (the main window shows it in the
*Projets* tab).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.errors import UserError
from conseil_desktop.services.formatting import fmt_date_words, fmt_time
from conseil_desktop.services.project_links import MeetingProjects, projects_of_meeting
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects.detail_tables import ID_ROLE, ReadOnlyTable

SessionScope = Callable[[], AbstractContextManager[Session]]


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MeetingProjectsDialog(QDialog):
    def __init__(self, content: MeetingProjects, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen_project_id: int | None = None  # the project double-clicked
        meeting = content.meeting
        self.setWindowTitle(fill(self.tr("Projects discussed: %1"), meeting.title))
        self.setMinimumSize(640, 380)
        when = fmt_date_words(meeting.date)
        if meeting.start_time is not None:
            when = fill(self.tr("%1 at %2"), when, fmt_time(meeting.start_time))
        if meeting.cancelled:
            when = fill(self.tr("%1 (cancelled)"), when)
        form = QFormLayout()
        form.addRow(self.tr("Meeting:"), _plain_label(meeting.title, self))
        form.addRow(self.tr("Date:"), _plain_label(when, self))
        form.addRow(self.tr("Place:"), _plain_label(meeting.place or "—", self))
        self.table = ReadOnlyTable(["", "", "", ""], self, stretch=3)
        self.table.setObjectName("meeting_projects")
        self.table.setHorizontalHeaderLabels([self.tr("Project"), self.tr("Year"),
                                              self.tr("Status"), self.tr("Decision")])
        self.table.set_rows([(p.title, str(p.year or ""), p.status_label, p.decision_text)
                             for p in content.projects], [p.id for p in content.projects])
        self.empty = QLabel(self.tr("No project is linked to this meeting yet. Projects are "
                                    "linked from the Projects tab."), self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(not content.projects)
        self.table.setVisible(bool(content.projects))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Projects discussed at this meeting:"), self))
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.table.cellDoubleClicked.connect(self._activate)

    def project_ids(self) -> list[int]:
        return [self._project_id(row) for row in range(self.table.rowCount())]

    def _project_id(self, row: int) -> int:
        item = self.table.item(row, 0)
        assert item is not None
        return int(item.data(ID_ROLE))

    def _activate(self, row: int, _column: int) -> None:
        self.chosen_project_id = self._project_id(row)
        self.accept()


def show_meeting_projects(parent: QWidget | None, session_scope: SessionScope, meeting_id: int,
                          open_project: Callable[[int], None] | None = None) -> None:
    """Show the dialog; once it is closed, ``open_project`` is called with the
    project double-clicked, if any."""
    try:
        with session_scope() as session:
            content = projects_of_meeting(session, meeting_id)
    except UserError as exc:
        title = QCoreApplication.translate("MeetingProjectsDialog", "Projects discussed")
        errors.show_user_error(parent, title, exc)
        return
    dialog = MeetingProjectsDialog(content, parent)
    try:
        dialog.exec()
        chosen = dialog.chosen_project_id
    finally:
        dialog.deleteLater()
    if chosen is not None and open_project is not None:
        open_project(chosen)

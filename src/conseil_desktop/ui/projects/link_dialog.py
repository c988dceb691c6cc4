"""*Lier à une réunion…*: find a meeting, and optionally the decision that
concerns the project."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.services import project_links
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.project_links import MeetingPick
from conseil_desktop.ui.i18n import fill

SessionScope = Callable[[], AbstractContextManager[Session]]
ID_ROLE = Qt.ItemDataRole.UserRole
DECISION_PREVIEW = 140


@dataclass(frozen=True)
class MeetingLinkChoice:
    meeting_id: int
    decision_id: int | None = None


class MeetingLinkDialog(QDialog):
    def __init__(self, session_scope: SessionScope, project_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session_scope = session_scope
        self.choice: MeetingLinkChoice | None = None
        self.setWindowTitle(fill(self.tr("Link “%1” to a meeting"), project_title))
        self.setMinimumSize(620, 520)
        self.search = QLineEdit(self)
        self.search.setObjectName("meeting_search")
        self.search.setPlaceholderText(self.tr("Search a meeting by title, place or date…"))
        self.search.setClearButtonEnabled(True)
        self.meetings = QListWidget(self)
        self.meetings.setObjectName("meetings")
        self.decisions = QListWidget(self)
        self.decisions.setObjectName("decisions")
        self.decisions.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.meetings, 3)
        layout.addWidget(QLabel(self.tr("Decision concerning the project (optional):"), self))
        layout.addWidget(self.decisions, 2)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh_meetings)
        self.meetings.currentRowChanged.connect(self._meeting_changed)
        self.meetings.itemDoubleClicked.connect(self.accept_choice)
        self.buttons.accepted.connect(self.accept_choice)
        self.buttons.rejected.connect(self.reject)
        self.refresh_meetings()

    def refresh_meetings(self) -> None:
        with self._session_scope() as session:
            found = project_links.meetings_for_picker(session, self.search.text())
        self.meetings.clear()
        for meeting in found:
            item = QListWidgetItem(self._meeting_text(meeting), self.meetings)
            item.setData(ID_ROLE, meeting.id)
        if found:
            self.meetings.setCurrentRow(0)
        else:
            self._meeting_changed(-1)

    def _meeting_text(self, meeting: MeetingPick) -> str:
        parts = [fmt_date(meeting.date), meeting.title, meeting.place]
        text = " — ".join(p for p in parts if p)
        return fill(self.tr("%1 (cancelled)"), text) if meeting.cancelled else text

    def _meeting_changed(self, row: int) -> None:
        self.decisions.clear()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(row >= 0)
        if row < 0:
            return
        meeting_id = self.meetings.item(row).data(ID_ROLE)
        with self._session_scope() as session:
            found = project_links.decisions_of_meeting(session, meeting_id)
        none = QListWidgetItem(self.tr("(the meeting as a whole, no particular decision)"),
                               self.decisions)
        none.setData(ID_ROLE, None)
        for decision in found:
            text = decision.text if len(decision.text) <= DECISION_PREVIEW else (
                decision.text[:DECISION_PREVIEW - 1] + "…")
            item = QListWidgetItem(text, self.decisions)
            item.setToolTip(decision.text)
            item.setData(ID_ROLE, decision.id)
        self.decisions.setCurrentRow(0)

    def accept_choice(self) -> None:
        meeting = self.meetings.currentItem()
        if meeting is None:
            return
        decision = self.decisions.currentItem()
        self.choice = MeetingLinkChoice(meeting.data(ID_ROLE),
                                        decision.data(ID_ROLE) if decision else None)
        self.accept()


def ask_meeting_link(parent: QWidget | None, session_scope: SessionScope,
                     project_title: str) -> MeetingLinkChoice | None:
    dialog = MeetingLinkDialog(session_scope, project_title, parent)
    try:
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()

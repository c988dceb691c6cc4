"""The open actions of every meeting (decisions with an owner and a deadline,
not done yet), overdue ones first; each can be marked done, and the last one marked
reopened if that was a slip of the key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.errors import UserError
from conseil_desktop.services import decisions
from conseil_desktop.services.decisions import OpenAction
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.i18n import fill

SessionScope = Callable[[], AbstractContextManager[Session]]
ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOUR = QColor("#b00020")
_window: OpenActionsWindow | None = None


class OpenActionsWindow(QDialog):
    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None,
                 on_changed: Callable[[], None] | None = None,
                 open_meeting: Callable[[int], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open_actions")
        self.setWindowTitle(self.tr("Open actions"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.resize(980, 520)
        self._session_scope = session_scope
        self._on_changed = on_changed
        self._open_meeting = open_meeting
        self.actions_shown: list[OpenAction] = []
        self.last_done: int | None = None  # the decision just marked done, for the undo
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("open_actions_table")
        self.table.setHorizontalHeaderLabels([self.tr("Deadline"), self.tr("Owner"),
                                              self.tr("Action"), self.tr("Meeting"),
                                              self.tr("Meeting date")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # one line each; the tooltip shows a long text
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, self.fontMetrics().horizontalAdvance("x") * 30)
        self.done_button = QPushButton(self.tr("Mark as &done today"), self)
        self.meeting_button = QPushButton(self.tr("Open the &meeting"), self)
        self.meeting_button.setVisible(open_meeting is not None)
        self.undo_button = QPushButton(self.tr("Und&o (reopen the action)"), self)
        self.undo_button.setObjectName("reopen_action")
        self.undo_button.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.done_button)
        bottom.addWidget(self.meeting_button)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.meeting_button.clicked.connect(self.open_selected_meeting)
        self.undo_button.clicked.connect(self.reopen_last_done)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected_meeting())
        self.table.itemSelectionChanged.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        with self._session_scope() as session:
            self.actions_shown = decisions.open_actions(session, dt.date.today())
        table = self.table
        table.setRowCount(len(self.actions_shown))
        for row, action in enumerate(self.actions_shown):
            values = (fmt_date(action.deadline), action.owner_name, action.text,
                      action.meeting_title, fmt_date(action.meeting_date))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, action.decision_id)
                item.setToolTip(value)
                if action.overdue and column in (0, 1, 2):
                    item.setForeground(QBrush(OVERDUE_COLOUR))
                table.setItem(row, column, item)
        overdue = sum(1 for a in self.actions_shown if a.overdue)
        self.summary.setText(fill(self.tr("Open actions: %1, of which %2 overdue."),
                                  len(self.actions_shown), overdue))
        if self.actions_shown:
            table.selectRow(0)
        self._enable()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return None if item is None else int(item.data(ID_ROLE))

    def mark_selected_done(self) -> None:
        decision_id = self.selected_id()
        if decision_id is None:
            return
        row = self.table.currentRow()
        try:
            with self._session_scope() as session:
                decisions.mark_done(session, decision_id, dt.date.today())
        except UserError as exc:
            errors.show_user_error(self, self.tr("Open actions"), exc)
            return
        self.last_done = decision_id
        self.undo_button.setVisible(True)
        self.reload()
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        if self._on_changed is not None:
            self._on_changed()

    def reopen_last_done(self) -> None:
        """Put back the action just marked done (a key pressed by mistake)."""
        decision_id, self.last_done = self.last_done, None
        self.undo_button.setVisible(False)
        if decision_id is None:
            return
        try:
            with self._session_scope() as session:
                decisions.reopen(session, decision_id)
        except UserError as exc:  # deleted meanwhile, from its meeting's window
            errors.show_user_error(self, self.tr("Open actions"), exc)
            return
        self.reload()
        row = next((i for i, a in enumerate(self.actions_shown)
                    if a.decision_id == decision_id), None)
        if row is not None:
            self.table.selectRow(row)
        if self._on_changed is not None:
            self._on_changed()

    def open_selected_meeting(self) -> None:
        """Show the meeting that took the selected decision."""
        decision_id = self.selected_id()
        action = next((a for a in self.actions_shown if a.decision_id == decision_id), None)
        if action is not None and self._open_meeting is not None:
            self._open_meeting(action.meeting_id)

    def _enable(self) -> None:
        selected = self.selected_id() is not None
        self.done_button.setEnabled(selected)
        self.meeting_button.setEnabled(selected)


def show_open_actions(parent: QWidget | None, session_scope: SessionScope,
                      on_changed: Callable[[], None] | None = None,
                      open_meeting: Callable[[int], object] | None = None
                      ) -> OpenActionsWindow:
    """Show the window (non-modal; the one already open is refreshed and raised)."""
    global _window
    if _window is None:
        _window = OpenActionsWindow(session_scope, parent, on_changed, open_meeting)
        _window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _window.destroyed.connect(_forget)
    else:
        _window.reload()
    _window.show()
    _window.raise_()
    _window.activateWindow()
    return _window


def _forget() -> None:
    global _window
    _window = None


def close_window() -> None:
    if _window is not None:
        _window.close()

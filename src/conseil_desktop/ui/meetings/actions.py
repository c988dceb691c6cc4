"""What the *Réunions* tab does to a meeting: create, open, edit, duplicate,
delete, sign-in, linked projects, and the open actions. Each is one user
action in one session; an expected problem is shown and nothing is half-saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from conseil_desktop.errors import UserError
from conseil_desktop.services import meetings
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings import (
    checkin,
    meeting_dialog,
    meeting_page,
    open_actions,
)
from conseil_desktop.ui.meetings.small_dialogs import ask_date
from conseil_desktop.ui.projects.meeting_projects import show_meeting_projects
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

if TYPE_CHECKING:
    from conseil_desktop.ui.meetings.tab import MeetingsTab

Keys = list[QKeySequence.StandardKey | Qt.Key | str]


class MeetingActions(QObject):
    def __init__(self, tab: MeetingsTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.new_action = self._action(self.tr("&New meeting…"), self.new_meeting,
                                       [QKeySequence.StandardKey.New])
        add_tab_shortcut(tab, self.new_action)  # as soon as the tab shows
        self.open_action = self._action(self.tr("&Open the meeting"), self.open_current,
                                        [Qt.Key.Key_Return, Qt.Key.Key_Enter])
        self.edit_action = self._action(self.tr("&Edit the details…"), self.edit_current,
                                        ["F2"])
        self.checkin_action = self._action(self.tr("&Sign-in…"), self.checkin_current)
        self.duplicate_action = self._action(self.tr("D&uplicate…"), self.duplicate_current,
                                             ["Ctrl+D"])
        self.projects_action = self._action(self.tr("Linked &projects…"),
                                            self.show_projects)
        self.delete_action = self._action(self.tr("&Delete…"), self.delete_current,
                                          [QKeySequence.StandardKey.Delete])
        self.row_actions = [self.open_action, self.edit_action, self.checkin_action,
                            self.duplicate_action, self.projects_action, self.delete_action]
        for action in self.row_actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            tab.view.addAction(action)  # shortcuts on the list, and its context menu
        self.open_actions_action = self._action(self.tr("Open ac&tions…"),
                                                self.show_open_actions)
        self.enable(False)

    def _action(self, text: str, slot: Callable[[], None], keys: Keys | None = None) -> QAction:
        action = QAction(text, self._tab)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        return action

    def enable(self, has_meeting: bool) -> None:
        for action in self.row_actions:
            action.setEnabled(has_meeting)

    @contextmanager
    def _reporting(self, title: str) -> Iterator[None]:
        try:
            yield
        except UserError as exc:
            errors.show_user_error(self._tab, title, exc)

    def _changed(self, meeting_id: int | None = None) -> None:
        self._tab.reload()
        if meeting_id is not None:
            self._tab.show_meeting(meeting_id)
        self._tab.meetings_changed.emit()

    # -- the list ----------------------------------------------------------------------------

    def new_meeting(self) -> None:
        saved = meeting_dialog.edit_meeting(self._tab, self._tab.session_scope)
        if saved is not None:
            self._changed(saved)
            self.open_meeting(saved)

    def open_current(self) -> None:
        meeting_id = self._tab.selected_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> meeting_page.MeetingPage:
        page = meeting_page.open_meeting(self._tab, self._tab.session_scope, meeting_id)
        page.changed.connect(self._page_changed, Qt.ConnectionType.UniqueConnection)
        return page

    def _page_changed(self, _meeting_id: int | None = None) -> None:
        self._tab.reload_soon()
        self._tab.meetings_changed.emit()

    def edit_current(self) -> None:
        meeting_id = self._tab.selected_id()
        if meeting_id is None:
            return
        if meeting_dialog.edit_meeting(self._tab, self._tab.session_scope, meeting_id):
            self._changed(meeting_id)
            meeting_page.refresh_open_page(meeting_id)

    def checkin_current(self) -> None:
        meeting_id = self._tab.selected_id()
        if meeting_id is None:
            return
        window = checkin.open_checkin(self._tab, self._tab.session_scope, meeting_id)
        if window is not None:
            window.attendance_changed.connect(self._page_changed,
                                              Qt.ConnectionType.UniqueConnection)

    def show_projects(self) -> None:
        meeting_id = self._tab.selected_id()
        if meeting_id is not None:
            show_meeting_projects(self._tab, self._tab.session_scope, meeting_id,
                                  open_project=self._tab.project_requested.emit)

    def show_open_actions(self) -> None:
        open_actions.show_open_actions(self._tab, self._tab.session_scope,
                                       on_changed=self._open_action_done,
                                       open_meeting=self.open_meeting)

    def _open_action_done(self) -> None:
        self._tab.meetings_changed.emit()
        meeting_page.refresh_all_pages()

    def duplicate_current(self) -> None:
        meeting_id = self._tab.selected_id()
        if meeting_id is None:
            return
        row = self._tab.selected_row()
        if row is None:
            return
        title = self.tr("Duplicate a meeting")
        question = fill(self.tr("Date of the next meeting after “%1” (same place, times, "
                                "agenda items and invitees):"), row.title)
        new_date = ask_date(self._tab, title, question, row.date + timedelta(days=28))
        if new_date is None:
            return
        with self._reporting(title):
            with self._tab.session_scope() as session:
                created = meetings.duplicate_meeting(session, meeting_id, new_date)
            self._changed(created)

    def delete_current(self) -> None:
        meeting_id = self._tab.selected_id()
        if meeting_id is None:
            return
        row = self._tab.selected_row()
        if row is None:
            return
        title = self.tr("Delete a meeting")
        question = fill(self.tr(
            "Delete the meeting “%1”? Its agenda, invitations and decisions are deleted with "
            "it. This cannot be undone."), row.title)
        if not ask.confirm(self._tab, title, question):
            return
        try:
            self._delete(meeting_id, confirmed=False)
        except meetings.ConfirmationNeeded as exc:  # attendance was recorded: ask again
            again = fill(self.tr("%1\n\nDelete it all the same, with its attendance record?"),
                         str(exc))
            if not ask.confirm(self._tab, title, again):
                return
            try:
                self._delete(meeting_id, confirmed=True)
            except UserError as error:
                errors.show_user_error(self._tab, title, error)
                return
        except UserError as exc:
            errors.show_user_error(self._tab, title, exc)
            return
        meeting_page.close_open_page(meeting_id)
        self._changed()

    def _delete(self, meeting_id: int, *, confirmed: bool) -> None:
        with self._tab.session_scope() as session:
            meetings.delete_meeting(session, meeting_id, confirmed=confirmed)

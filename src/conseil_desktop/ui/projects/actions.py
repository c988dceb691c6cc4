"""What the *Projets* tab does to a project: create, edit, delete, change its
status, link it to a meeting or remove a link. Each is one user action, in
one session; an expected problem is shown and nothing is half-saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import projects
from conseil_desktop.services.project_details import ProjectDetail, get_project
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects import link_dialog, project_dialog, status_dialog
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

if TYPE_CHECKING:
    from conseil_desktop.ui.projects.tab import ProjectsTab


class ProjectActions(QObject):
    def __init__(self, tab: ProjectsTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.new_action = self._action(self.tr("&New project"), self.new_project,
                                       [QKeySequence.StandardKey.New])
        add_tab_shortcut(tab, self.new_action)  # as soon as the tab shows
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_current,
                                        [Qt.Key.Key_Return, Qt.Key.Key_Enter])
        self.status_action = self._action(self.tr("Change the &status…"), self.change_status)
        self.link_action = self._action(self.tr("&Link to a meeting…"), self.link_meeting)
        self.delete_action = self._action(self.tr("&Delete…"), self.delete_current,
                                          [QKeySequence.StandardKey.Delete])
        for action in (self.edit_action, self.status_action, self.link_action,
                       self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            tab.view.addAction(action)  # shortcuts on the list, and its context menu
        self.enable(False)

    def _action(self, text: str, slot: Callable[[], None],
                keys: list[QKeySequence.StandardKey | Qt.Key] | None = None) -> QAction:
        action = QAction(text, self._tab)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        return action

    def enable(self, has_project: bool) -> None:
        for action in (self.edit_action, self.status_action, self.link_action,
                       self.delete_action):
            action.setEnabled(has_project)

    def read_detail(self, project_id: int) -> ProjectDetail | None:
        """The project in full, or None if it is gone (deleted meanwhile)."""
        try:
            with self._tab.session_scope() as session:
                return get_project(session, project_id)
        except InvalidInputError:
            return None

    @contextmanager
    def _reporting(self, title: str) -> Iterator[None]:
        try:
            yield
        except UserError as exc:
            errors.show_user_error(self._tab, title, exc)

    def _saved(self, project_id: int) -> None:
        self._tab.reload()
        self._tab.show_project(project_id)
        self._tab.project_saved.emit(project_id)

    # -- the form --------------------------------------------------------------------------

    def new_project(self) -> None:
        saved = project_dialog.edit_project(self._tab, self._tab.session_scope)
        if saved is not None:
            self._saved(saved)

    def edit_current(self) -> None:
        detail = self._tab.detail.detail
        if detail is None:
            return
        saved = project_dialog.edit_project(self._tab, self._tab.session_scope, detail.id)
        if saved is not None:
            self._saved(saved)

    def delete_current(self) -> None:
        detail = self._tab.detail.detail
        if detail is None:
            return
        title = self.tr("Delete a project")
        question = fill(self.tr(
            "Delete the project “%1”? Its funders, its status history and its links to "
            "meetings are deleted with it. This cannot be undone."), detail.data.title)
        if not ask.confirm(self._tab, title, question):
            return
        with self._reporting(title):
            with self._tab.session_scope() as session:
                projects.delete_project(session, detail.id)
            self._tab.reload()
            self._tab.project_deleted.emit(detail.id)

    # -- status and links --------------------------------------------------------------------

    def change_status(self) -> None:
        detail = self._tab.detail.detail
        if detail is None:
            return
        change = status_dialog.ask_status_change(self._tab, detail.data.title, detail.status,
                                                 detail.history)
        if change is None:
            return
        title = self.tr("Change the status")
        with self._reporting(title):
            with self._tab.session_scope() as session:
                result = projects.change_status(session, detail.id, change.status,
                                                change.effective_on, change.note)
            if result.warnings:
                ask.show_info(self._tab, title, "\n\n".join(result.warnings))
            self._saved(detail.id)

    def link_meeting(self) -> None:
        detail = self._tab.detail.detail
        if detail is None:
            return
        choice = link_dialog.ask_meeting_link(self._tab, self._tab.session_scope,
                                              detail.data.title)
        if choice is None:
            return
        with self._reporting(self.tr("Link to a meeting")):
            with self._tab.session_scope() as session:
                projects.link_meeting(session, detail.id, choice.meeting_id, choice.decision_id)
            self._saved(detail.id)

    def unlink_meeting(self) -> None:
        detail = self._tab.detail.detail
        link_id = self._tab.detail.selected_link_id()
        if detail is None or link_id is None:
            return
        with self._reporting(self.tr("Remove the link")):
            with self._tab.session_scope() as session:
                projects.unlink_meeting(session, link_id)
            self._saved(detail.id)

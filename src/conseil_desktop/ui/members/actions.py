"""What the *Membres* tab does to members: new, edit, archive, bring back, undo the
last change, and the members' tools (import, duplicates, export, personal data).

The form (``member_dialog``) and the tools (``tools``) are imported when used,
so that opening the tab loads neither. Each action is one user action in one
session; an expected problem is shown and nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from conseil_desktop.errors import UserError
from conseil_desktop.services import member_archive
from conseil_desktop.services.member_archive import MemberSnapshot
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

if TYPE_CHECKING:
    from conseil_desktop.ui.members.tab import MembersTab

Keys = list[QKeySequence.StandardKey | Qt.Key | str]


@dataclass(frozen=True)
class UndoEntry:
    snapshot: MemberSnapshot
    what: str  # "the changes to Élodie Œuvray", for the status bar


class MemberActions(QObject):
    def __init__(self, tab: MembersTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.undo_entry: UndoEntry | None = None
        # on_tab: anywhere in the window while the tab shows (see add_tab_shortcut)
        on_tab, on_view = Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.WidgetShortcut
        self.new_action = self._action(self.tr("&New member…"), self.new_member,
                                       [QKeySequence.StandardKey.New], on_tab)
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_current,
                                        [Qt.Key.Key_Return, Qt.Key.Key_Enter], on_view)
        self.archive_action = self._action(self.tr("&Archive…"), self.archive_current,
                                           [QKeySequence.StandardKey.Delete], on_view)
        self.unarchive_action = self._action(self.tr("&Bring back to the list"),
                                             self.unarchive_current)
        self.undo_action = self._action(self.tr("&Undo the last change"), self.undo,
                                        [QKeySequence.StandardKey.Undo], on_tab)
        self.undo_action.setIconText(self.tr("Undo"))  # on the tab's narrow button
        self.undo_action.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.sheet_action = self._action(self.tr("&Personal data sheet…"), self.data_sheet)
        self.anonymise_action = self._action(self.tr("A&nonymise…"), self.anonymise)
        self.import_action = self._action(self.tr("&Import members…"), self.import_members)
        self.undo_import_action = self._action(self.tr("Undo the last i&mport…"),
                                               self.undo_import)
        self.duplicates_action = self._action(self.tr("Find &duplicates…"),
                                              self.find_duplicates)
        self.export_action = self._action(self.tr("E&xport all members…"), self.export_all)
        self.export_shown_action = self._action(self.tr("Export the members &shown…"),
                                                self.export_shown)
        self.purge_action = self._action(self.tr("P&urge former members…"), self.purge)
        self.undo_action.setEnabled(False)
        self.enable(None)

    def _action(self, text: str, slot: Callable[[], object], keys: Keys | None = None,
                context: Qt.ShortcutContext | None = None) -> QAction:
        action = QAction(text, self._tab)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        if context == Qt.ShortcutContext.WidgetShortcut:
            action.setShortcutContext(context)
            self._tab.view.addAction(action)
        elif context is not None:
            add_tab_shortcut(self._tab, action)
        action.triggered.connect(slot)
        return action

    def member_actions(self) -> list[QAction]:
        """Those on the selected member (the list's context menu)."""
        return [self.edit_action, self.archive_action, self.unarchive_action,
                self.sheet_action, self.anonymise_action]

    def tool_actions(self) -> list[QAction | None]:
        """The *Outils* menu (None: a separator)."""
        return [self.import_action, self.undo_import_action, self.duplicates_action, None,
                self.export_action, self.export_shown_action, None, self.purge_action]

    def enable(self, archived: bool | None) -> None:
        """``archived`` of the selected member, None when nothing is selected."""
        selected = archived is not None
        for action in (self.edit_action, self.sheet_action, self.anonymise_action):
            action.setEnabled(selected)
        self.archive_action.setEnabled(archived is False)
        self.unarchive_action.setEnabled(archived is True)
        self.unarchive_action.setVisible(archived is True)

    @contextmanager
    def _reporting(self, title: str) -> Iterator[None]:
        try:
            yield
        except UserError as exc:
            errors.show_user_error(self._tab, title, exc)
            self._tab.reload()

    def forget_undo(self) -> None:
        """Nothing to undo any more (another base, or a backup, was opened)."""
        self._set_undo(None)

    def _set_undo(self, entry: UndoEntry | None) -> None:
        self.undo_entry = entry
        self.undo_action.setEnabled(entry is not None)

    def _changed(self, message: str, person_id: int | None = None) -> None:
        """The base changed; ``message`` for the status bar ("": the tool said it)."""
        self._tab.reload()
        if person_id is not None:
            self._tab.show_member(person_id)
        self._tab.members_changed.emit()
        if message:
            self._tab.message_posted.emit(message)

    # -- the form ------------------------------------------------------------------------

    def new_member(self) -> None:
        from conseil_desktop.ui.members import member_dialog

        saved = member_dialog.edit_member(self._tab, self._tab.session_scope, None)
        if saved is not None:
            self._set_undo(None)  # "undo" would otherwise undo an older change
            self._changed(self.tr("Member added."), saved)

    def edit_current(self) -> None:
        person_id = self._tab.selected_id()
        if person_id is None:
            return
        from conseil_desktop.ui.members import member_dialog

        with self._reporting(self.tr("Edit a member")):
            snapshot = self._snapshot(person_id)
            saved = member_dialog.edit_member(self._tab, self._tab.session_scope, person_id)
            if saved is None:
                return
            self._set_undo(UndoEntry(snapshot, fill(self.tr("the changes to %1"), snapshot.name)))
            self._changed(fill(self.tr("%1 saved. Ctrl+Z undoes the changes."), snapshot.name),
                          saved)

    def _snapshot(self, person_id: int) -> MemberSnapshot:
        with self._tab.session_scope() as session:
            return member_archive.snapshot_member(session, person_id)

    # -- archive and undo -------------------------------------------------------------------

    def archive_current(self) -> None:
        person_id = self._tab.selected_id()
        if person_id is None or self._tab.selected_is_archived():
            return
        title = self.tr("Archive a member")
        with self._reporting(title):
            snapshot = self._snapshot(person_id)
            question = fill(self.tr(
                "Archive %1? They leave the list of members; their attendance, roles and "
                "history are kept, and “Archived” shows them again. An active member is "
                "recorded as resigned from today."), snapshot.name)
            if not ask.confirm(self._tab, title, question):
                return
            with self._tab.session_scope() as session:
                member_archive.archive_member(session, person_id, today=date.today())
            self._set_undo(UndoEntry(snapshot, fill(self.tr("the archiving of %1"),
                                                    snapshot.name)))
            self._changed(fill(self.tr("%1 archived. Ctrl+Z brings them back."),
                               snapshot.name))

    def unarchive_current(self) -> None:
        person_id = self._tab.selected_id()
        if person_id is None or not self._tab.selected_is_archived():
            return
        with self._reporting(self.tr("Bring back to the list")):
            snapshot = self._snapshot(person_id)
            with self._tab.session_scope() as session:
                member_archive.unarchive_member(session, person_id)
            self._set_undo(UndoEntry(snapshot, fill(self.tr("bringing back %1"), snapshot.name)))
            self._changed(fill(self.tr("%1 is back in the list (status unchanged)."),
                               snapshot.name), person_id)

    def undo(self) -> None:
        entry = self.undo_entry
        if entry is None:  # the action is disabled then
            return
        self._set_undo(None)
        with self._reporting(self.tr("Undo the last change")):
            with self._tab.session_scope() as session:
                member_archive.restore_member(session, entry.snapshot)
            self._changed(fill(self.tr("Undone: %1."), entry.what), entry.snapshot.person_id)

    # -- tools ----------------------------------------------------------------------------------

    def _tool_done(self, changed: bool, message: str) -> None:
        if changed:
            self._set_undo(None)  # the member may have been merged, anonymised, re-imported
            self._changed(message)

    def import_members(self) -> None:
        from conseil_desktop.ui.members import tools

        self._tool_done(tools.import_members(self._tab, self._tab.session_scope),
                        self.tr("Import done."))

    def undo_import(self) -> None:
        from conseil_desktop.ui.members import tools

        self._tool_done(tools.undo_last_import(self._tab, self._tab.session_scope),
                        self.tr("The last import was undone."))

    def find_duplicates(self) -> None:
        from conseil_desktop.ui.members import tools

        self._tool_done(tools.find_duplicates(self._tab, self._tab.session_scope),
                        self.tr("Duplicates merged."))

    def export_all(self) -> None:
        from conseil_desktop.ui.members import tools

        tools.export_members(self._tab, self._tab.session_scope, None)

    def export_shown(self) -> None:
        from conseil_desktop.ui.members import tools

        tools.export_members(self._tab, self._tab.session_scope, self._tab.model.shown_ids())

    def purge(self) -> None:
        from conseil_desktop.ui.members import tools

        # The tool told how many, by name: that message stays in the status bar.
        self._tool_done(tools.purge_departed(self._tab, self._tab.session_scope), "")

    def data_sheet(self) -> None:
        person_id = self._tab.selected_id()
        if person_id is not None:
            from conseil_desktop.ui.members import tools

            tools.personal_data_sheet(self._tab, self._tab.session_scope, person_id)

    def anonymise(self) -> None:
        person_id = self._tab.selected_id()
        if person_id is not None:
            from conseil_desktop.ui.members import tools

            self._tool_done(tools.anonymise_member(self._tab, self._tab.session_scope,
                                                   person_id), "")  # the tool said whom

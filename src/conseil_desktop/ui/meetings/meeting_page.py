"""A meeting's own window: its details and attendance at the top, the agenda
on the left, the selected item's debate summary and decisions on the right,
and the invitees. Non-modal: the president keeps it open during the meeting,
beside the sign-in window.

Every change is one user action in one session, through the meeting services;
the window then reads the meeting again (one snapshot) and tells the tab.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.errors import UserError
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot, meeting_snapshot
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings import checkin, documents_menu, meeting_dialog
from conseil_desktop.ui.meetings.agenda_list import AgendaList
from conseil_desktop.ui.meetings.invitees_table import InviteesTable
from conseil_desktop.ui.meetings.item_panel import ItemPanel
from conseil_desktop.ui.meetings.page_actions import PageActions
from conseil_desktop.ui.meetings.page_header import PageHeader
from conseil_desktop.ui.meetings.widgets import resize_to_fit

SessionScope = Callable[[], AbstractContextManager[Session]]
PREFERRED_SIZE = QSize(1180, 760)
_open_pages: dict[int, MeetingPage] = {}


class MeetingPage(QDialog):
    changed = Signal()  # something of the meeting was saved

    def __init__(self, session_scope: SessionScope, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_page")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setModal(False)
        self.session_scope = session_scope
        self.meeting_id = meeting_id
        self.snapshot: MeetingSnapshot | None = None
        self.deleted = False  # the meeting was deleted: nothing left to save
        resize_to_fit(self, PREFERRED_SIZE, parent)
        self.header = PageHeader(self)
        self.edit_button = QPushButton(self.tr("&Details…"), self)
        self.invite_button = QPushButton(self.tr("&Invite…"), self)
        self.checkin_button = QPushButton(self.tr("Si&gn-in"), self)
        self.documents_button = QToolButton(self)
        self.documents_button.setText(self.tr("D&ocuments"))
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.agenda = AgendaList(self)
        self.add_item_button = QPushButton(self.tr("&Add an item…"), self)
        self.edit_item_button = QPushButton(self.tr("Edit…"), self)
        self.delete_item_button = QPushButton(self.tr("Delete"), self)
        self.up_button = QToolButton(self)
        self.down_button = QToolButton(self)
        self.item_panel = ItemPanel(self)
        self.invitees = InviteesTable(self)
        self.pages = QTabWidget(self)
        self.page_actions = PageActions(self)
        self._build()
        self._connect()
        self.reload()
        self.agenda.setFocus()

    def _build(self) -> None:
        menu = QMenu(self.documents_button)
        documents_menu.fill_menu(menu, self)
        self.documents_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        for button in (self.edit_button, self.invite_button, self.checkin_button,
                       self.documents_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(self.tr("Move up (Ctrl+Up)"))
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(self.tr("Move down (Ctrl+Down)"))
        agenda_buttons = QHBoxLayout()
        for button in (self.add_item_button, self.edit_item_button, self.delete_item_button):
            agenda_buttons.addWidget(button)
        agenda_buttons.addStretch(1)
        agenda_buttons.addWidget(self.up_button)
        agenda_buttons.addWidget(self.down_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        agenda_label = QLabel(self.tr("A&genda:"), left)
        agenda_label.setBuddy(self.agenda)
        left_layout.addWidget(agenda_label)
        left_layout.addWidget(self.agenda, 1)
        left_layout.addLayout(agenda_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.item_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([440, 700])
        self.pages.addTab(splitter, self.tr("Agenda and decisions"))
        self.pages.addTab(self.invitees, self.tr("Invitees"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

    def _connect(self) -> None:
        actions = self.page_actions
        self.edit_button.clicked.connect(self.edit_details)
        self.invite_button.clicked.connect(actions.invite)
        self.checkin_button.clicked.connect(self.open_checkin)
        self.add_item_button.clicked.connect(actions.add_item)
        self.edit_item_button.clicked.connect(actions.edit_item)
        self.delete_item_button.clicked.connect(actions.delete_item)
        self.up_button.clicked.connect(lambda: self.agenda.move_current(-1))
        self.down_button.clicked.connect(lambda: self.agenda.move_current(1))
        self.agenda.reordered.connect(actions.reorder)
        self.agenda.current_item_changed.connect(self._item_changed)
        self.agenda.itemDoubleClicked.connect(lambda _item: actions.edit_item())
        panel = self.item_panel
        panel.save_summary_requested.connect(actions.save_summary)
        panel.add_decision_requested.connect(actions.add_decision)
        panel.edit_decision_requested.connect(actions.edit_decision)
        panel.delete_decision_requested.connect(actions.delete_decision)
        for keys, slot in (("Ctrl+S", actions.save_summary), ("Ctrl+Shift+N", actions.add_item),
                           ("F5", self.open_checkin), ("Ctrl+W", self.close)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        for sequence, slot in ((QKeySequence(QKeySequence.StandardKey.Delete),
                                actions.delete_item),
                               (QKeySequence("Return"), actions.edit_item)):
            action = QAction(self.agenda)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.agenda.addAction(action)

    # -- reading -----------------------------------------------------------------------------

    def reload(self, keep_item: int | None = None) -> None:
        """Read the meeting again; keep the item shown and the summary being typed."""
        try:
            with self.session_scope() as session:
                snapshot = meeting_snapshot(session, self.meeting_id)
        except UserError as exc:  # deleted meanwhile
            errors.show_user_error(self, self.tr("Meeting"), exc)
            self.close()
            return
        self.snapshot = snapshot
        self.setWindowTitle(fill(self.tr("Meeting: %1"), snapshot.title))
        self.header.show_snapshot(snapshot)
        self.invitees.set_rows(snapshot.invitees, snapshot.guests)
        self.pages.setTabText(1, fill(self.tr("Invitees (%1)"), snapshot.counts.invited))
        self.agenda.set_entries(snapshot.agenda, keep_item)

    def _item_changed(self, entry: object) -> None:
        self.page_actions.save_summary_if_changed(self.item_panel.entry)
        current = self.item_panel.entry
        same = current is not None and entry is not None and current.id == entry.id  # type: ignore[attr-defined]
        self.item_panel.show_entry(entry, keep_summary=same)  # type: ignore[arg-type]
        has_item = entry is not None
        for widget in (self.edit_item_button, self.delete_item_button, self.up_button,
                       self.down_button):
            widget.setEnabled(has_item)

    def saved(self, keep_item: int | None = None) -> None:
        self.reload(keep_item)
        self.changed.emit()

    @contextmanager
    def reporting(self, title: str) -> Iterator[None]:
        try:
            yield
        except UserError as exc:
            errors.show_user_error(self, title, exc)

    # -- the meeting -------------------------------------------------------------------------

    def edit_details(self) -> None:
        if meeting_dialog.edit_meeting(self, self.session_scope, self.meeting_id):
            self.saved(self.agenda.current_id())

    def open_checkin(self) -> None:
        """The sign-in window; each change there updates the attendance shown here."""
        window = checkin.open_checkin(self, self.session_scope, self.meeting_id)
        if window is not None:
            window.attendance_changed.connect(self.refresh_attendance,
                                              Qt.ConnectionType.UniqueConnection)

    def changeEvent(self, event: QEvent) -> None:
        """Back from the sign-in window: show the attendance as it now is."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and self.snapshot is not None:
            self.refresh_attendance()

    def refresh_attendance(self, _meeting_id: int | None = None) -> None:
        if self.deleted:
            return
        try:
            with self.session_scope() as session:
                snapshot = meeting_snapshot(session, self.meeting_id)
        except UserError:
            return
        old = self.snapshot
        if old is not None and (old.counts, old.invitees, old.guests) == (
                snapshot.counts, snapshot.invitees, snapshot.guests):
            return  # nothing changed: no repaint, no reload of the tab
        self.snapshot = snapshot
        self.header.show_snapshot(snapshot)
        self.invitees.set_rows(snapshot.invitees, snapshot.guests)
        self.pages.setTabText(1, fill(self.tr("Invitees (%1)"), snapshot.counts.invited))
        self.changed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.deleted:
            self.page_actions.save_summary_if_changed(self.item_panel.entry)
        if _open_pages.get(self.meeting_id) is self:
            del _open_pages[self.meeting_id]
        super().closeEvent(event)

    def reject(self) -> None:  # Escape closes the window, saving the summary typed
        self.close()


def open_meeting(parent: QWidget | None, session_scope: SessionScope,
                 meeting_id: int) -> MeetingPage:
    """Show the meeting's window (the one already open, if any)."""
    page = _open_pages.get(meeting_id)
    if page is None:
        page = MeetingPage(session_scope, meeting_id, parent)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_pages[meeting_id] = page
        # Deleted with its parent (the main window) without being closed: forget it too.
        page.destroyed.connect(lambda _object=None, m=meeting_id, p=page: _forget(m, p))
    page.show()
    page.raise_()
    page.activateWindow()
    return page


def _forget(meeting_id: int, page: MeetingPage) -> None:
    if _open_pages.get(meeting_id) is page:
        del _open_pages[meeting_id]


def refresh_open_page(meeting_id: int) -> None:
    page = _open_pages.get(meeting_id)
    if page is not None:
        page.reload(page.agenda.current_id())


def close_open_page(meeting_id: int) -> None:
    page = _open_pages.pop(meeting_id, None)
    if page is not None:
        page.deleted = True
        page.close()


def close_all_pages() -> None:
    for page in list(_open_pages.values()):
        page.close()


def refresh_all_pages() -> None:
    """Something changed elsewhere (an action marked done): read the open meetings again."""
    for page in list(_open_pages.values()):
        page.reload(page.agenda.current_id())

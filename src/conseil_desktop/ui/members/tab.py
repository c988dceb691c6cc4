"""The *Membres* tab: the register with its search and filters, the selected
member beside it, and the actions on members.

100,000 members load in one query of plain tuples (``services.member_list``);
searching, filtering and sorting happen in memory (``services.member_filter``).
"""

from __future__ import annotations

import logging
import time
from datetime import date

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.errors import UserError
from conseil_desktop.services import member_list
from conseil_desktop.services.council import terms
from conseil_desktop.services.member_summary import member_summary
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.actions import MemberActions
from conseil_desktop.ui.members.columns import ColumnChooser
from conseil_desktop.ui.members.detail import MemberDetailPanel
from conseil_desktop.ui.members.filters import MemberFilterBar
from conseil_desktop.ui.members.model import UNSORTED, MembersModel
from conseil_desktop.ui.tabs.protocol import SessionScope
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

log = logging.getLogger(__name__)

PREPARE_SEARCH_MS = 100  # the search keys are built this long after a load is painted


class MembersTab(QWidget):
    members_changed = Signal()  # a member was created, edited, archived, merged, imported…
    message_posted = Signal(str)  # what was just done, for the status bar

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_scope = session_scope
        self._stale = True
        self.load_seconds = 0.0  # how long the last reload took
        self.model = MembersModel(self)
        self.filter_bar = MemberFilterBar(self)
        self.search = self.filter_bar.search
        self.view = QTableView(self)
        self.view.setObjectName("members_view")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("members_count")
        self.detail = MemberDetailPanel(self)
        self.member_actions = MemberActions(self)
        self.new_button = QPushButton(self.tr("&New member…"), self)
        self.undo_button = QToolButton(self)
        self.tools_button = QToolButton(self)
        self.columns_button = QToolButton(self)
        self._build()
        self._connect()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_view()
        self.columns = ColumnChooser(self.view, self.model)  # once the view has its columns
        actions = self.member_actions
        self.undo_button.setDefaultAction(actions.undo_action)
        self.tools_button.setText(self.tr("&Tools"))
        self.tools_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tools = QMenu(self.tools_button)
        for action in actions.tool_actions():
            if action is None:
                tools.addSeparator()
            else:
                tools.addAction(action)
        self.tools_button.setMenu(tools)
        self.columns_button.setText(self.tr("&Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(self.columns.menu)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.undo_button, self.tools_button,
                       self.columns_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        listing = QWidget(self)
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.view, 1)
        listing_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)  # the whole width: every filter reads in full
        layout.addWidget(self.splitter, 1)

    def _build_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform row heights
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        rows.hide()
        header = view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(UNSORTED, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        character = view.fontMetrics().horizontalAdvance("x")
        for column, spec in enumerate(self.model.columns):
            header.resizeSection(column, spec.characters * character + 16)
        view.setSortingEnabled(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _connect(self) -> None:
        actions = self.member_actions
        self.filter_bar.search_changed.connect(self._search_changed)
        self.filter_bar.filters_changed.connect(self._filters_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _index: actions.edit_current())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.new_button.clicked.connect(actions.new_member)
        self.detail.edit_button.clicked.connect(actions.edit_current)
        self.detail.archive_button.clicked.connect(actions.archive_current)
        self.columns.column_shown.connect(self._column_shown)
        self.search.returnPressed.connect(self.go_to_list)
        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search, tab_wide=True)
        self._shortcut(QKeySequence(Qt.Key.Key_Escape), self.escape)

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, slot: object, *,
                  tab_wide: bool = False) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        if tab_wide:  # as soon as the tab shows, the focus still on the row of tabs
            add_tab_shortcut(self, action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.member_actions.new_action)
        menu.addSeparator()
        menu.addActions([a for a in self.member_actions.member_actions() if a.isVisible()])
        menu.addSeparator()
        menu.addAction(self.member_actions.undo_action)
        menu.popup(self.view.viewport().mapToGlobal(point))

    # -- loading ---------------------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        return not self._stale

    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def invalidate(self) -> None:
        """The database changed: read again now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def reload(self) -> None:
        """Read every member again; the filters, search, order and selection stay."""
        started = time.perf_counter()
        selected = self.selected_id()
        extras = [key for key in self.columns.shown_keys()
                  if key in member_list.EXTRA_COLUMNS]
        with self.session_scope() as session:
            listing = member_list.load_members(session, today=date.today())
            extra_values = member_list.extra_columns(session, extras)
            roles = terms(session, VocabularyKind.ROLE)
        self.filter_bar.set_roles(roles)
        self.model.set_listing(listing, extra_values, self.filter_bar.filters(),
                               self.search.text())
        self._stale = False
        self._update_count()
        self.select_member(selected)
        self._show_detail(self.selected_id(), reread=True)  # the member may have changed
        QTimer.singleShot(PREPARE_SEARCH_MS, self.model.prepare_search)  # once painted
        self.load_seconds = time.perf_counter() - started
        log.info("members: %d rows loaded in %.3f s", len(listing.rows), self.load_seconds)

    def _column_shown(self, key: str) -> None:
        if key in member_list.EXTRA_COLUMNS and not self._stale:
            with self.session_scope() as session:
                values = member_list.extra_columns(session, [key])
            self.model.set_extra(key, values[key])
        self._scroll_to_column(self.model.column_of(key))

    def _scroll_to_column(self, column: int) -> None:
        """A column ticked in *Colonnes* shows at its place, often past the right edge:
        scroll the list sideways so that it is seen (the row in view stays)."""
        view = self.view
        view.updateGeometries()  # the scroll range still ignores the column just shown
        row = view.rowAt(0)
        if row >= 0:
            view.scrollTo(self.model.index(row, column))

    # -- search and filters -------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        selected = self.selected_id()
        self.model.set_search(text)
        self._after_filtering(selected)

    def _filters_changed(self) -> None:
        selected = self.selected_id()
        self.model.set_filters(self.filter_bar.filters())
        self._after_filtering(selected)

    def _after_filtering(self, selected: int | None) -> None:
        self._update_count()
        if not self.select_member(selected):
            self._show_detail(None)

    def _update_count(self) -> None:
        locale = QLocale()
        self.count_label.setText(fill(self.tr("Shown: %1 of %2"),
                                      locale.toString(self.model.rowCount()),
                                      locale.toString(self.model.total_count())))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def go_to_list(self) -> None:
        """Entrée in the search: to the list, on the first member found (Entrée again
        opens them)."""
        if self.selected_id() is None and self.model.rowCount():
            self.select_member(self.model.row_id(0))
        self.view.setFocus()

    def escape(self) -> None:
        """Échap: clear the search, else close the member's details."""
        if self.search.text():
            self.search.clear()
            self.view.setFocus()
        elif self.selected_id() is not None:
            self.view.clearSelection()
            self.view.setFocus()

    # -- selection and detail -------------------------------------------------------------------

    def selected_id(self) -> int | None:
        model = self.view.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.row_id(rows[0].row()) if rows else None

    def selected_is_archived(self) -> bool:
        rows = self.view.selectionModel().selectedRows()
        return bool(rows) and self.model.is_archived(rows[0].row())

    def select_member(self, person_id: int | None) -> bool:
        """Select a member (the detail follows); False if the filters hide them."""
        row = self.model.row_of(person_id) if person_id is not None else None
        if row is None:
            self.view.clearSelection()
            return False
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def show_member(self, person_id: int) -> None:
        """Select a member, showing everyone first if the filters hide them."""
        self.ensure_loaded()
        if not self.select_member(person_id):
            self.filter_bar.show_everyone()
            self.select_member(person_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.selected_id())

    def _show_detail(self, person_id: int | None, *, reread: bool = False) -> None:
        """Show a member's details, read again only for another member or ``reread``
        (a search or a sort that keeps the member selected changes nothing)."""
        self.member_actions.enable(None if person_id is None else self.selected_is_archived())
        shown = self.detail.summary
        if person_id is None:
            self.detail.show_summary(None)
        elif reread or shown is None or shown.person_id != person_id:
            try:
                with self.session_scope() as session:
                    summary = member_summary(session, person_id, date.today())
            except UserError as exc:  # gone meanwhile
                self.detail.show_summary(None, exc.message)
            else:
                self.detail.show_summary(summary)

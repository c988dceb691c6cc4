"""The *Projets* tab: the filtered list with its totals, the deadlines to
watch, and the selected project in full with the actions on it."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
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
from sqlalchemy.orm import Session

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.services import project_queries
from conseil_desktop.services.council import terms
from conseil_desktop.services.formatting import fmt_money
from conseil_desktop.services.project_choices import project_years
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.models.table_model import UNSORTED
from conseil_desktop.ui.projects.actions import ProjectActions
from conseil_desktop.ui.projects.deadlines import HORIZON_DAYS, DeadlinesPanel
from conseil_desktop.ui.projects.detail_panel import ProjectDetailPanel
from conseil_desktop.ui.projects.exports import ProjectExports
from conseil_desktop.ui.projects.filters import FilterBar
from conseil_desktop.ui.projects.project_model import Col, ProjectTableModel
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

log = logging.getLogger(__name__)

SessionScope = Callable[[], AbstractContextManager[Session]]
# Initial widths, in characters: on a 1366-pixel laptop the amounts must show without
# scrolling; long titles and names are elided (and shown whole in the detail panel).
COLUMN_CHARACTERS = {Col.TITLE: 26, Col.HOLDER: 18, Col.THEME: 14, Col.FUNDING_LINE: 13,
                     Col.YEAR: 6, Col.STATUS: 12, Col.REQUESTED: 11, Col.GRANTED: 11,
                     Col.DEADLINE: 26}


class ProjectsTab(QWidget):
    project_saved = Signal(int)  # created, edited, its status or its links changed
    project_deleted = Signal(int)

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_scope = session_scope
        self._stale = True
        self.load_seconds = 0.0  # how long the last reload took
        self.model = ProjectTableModel(self)
        self.filter_bar = FilterBar(self)
        self.view = QTableView(self)
        self.view.setObjectName("projects_view")
        self.count_label = QLabel(self)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("projects_totals")
        self.deadlines = DeadlinesPanel(self)
        self.detail = ProjectDetailPanel(self)
        self.exports = ProjectExports(session_scope, self, lambda: self.filter_bar.filters().year)
        self.project_actions = ProjectActions(self)
        self.new_button = QPushButton(self.tr("&New project"), self)
        self.export_button = QToolButton(self)
        self._build()
        self._connect()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_view()
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addActions(self.exports.actions())
        self.export_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.export_button)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.totals_label)
        listing = QWidget(self)
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.view, 1)
        listing_layout.addLayout(footer)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(listing)
        left.addWidget(self.deadlines)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)
        left.setSizes([520, 200])  # proportions until the user moves the handle
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1050, 310])  # the list first: its amounts must show
        layout = QVBoxLayout(self)
        layout.addLayout(top)
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
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        rows.hide()
        header = view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(UNSORTED, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        character = view.fontMetrics().horizontalAdvance("x")
        for column, characters in COLUMN_CHARACTERS.items():
            header.resizeSection(column, characters * character + 16)
        view.setSortingEnabled(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _connect(self) -> None:
        self.filter_bar.search_changed.connect(self._search_changed)
        self.filter_bar.filters_changed.connect(self._filters_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _index: self.project_actions.edit_current())
        self.deadlines.project_activated.connect(self.open_project)
        self.new_button.clicked.connect(self.project_actions.new_project)
        detail, actions = self.detail, self.project_actions
        detail.edit_button.clicked.connect(actions.edit_current)
        detail.status_button.clicked.connect(actions.change_status)
        detail.delete_button.clicked.connect(actions.delete_current)
        detail.link_button.clicked.connect(actions.link_meeting)
        detail.unlink_button.clicked.connect(actions.unlink_meeting)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        add_tab_shortcut(self, find)

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
        """Read the lists, the rows and the deadlines again; keep the selection."""
        started = time.perf_counter()
        selected = self.selected_id()
        with self.session_scope() as session:
            self.filter_bar.set_choices(terms(session, VocabularyKind.THEME),
                                        terms(session, VocabularyKind.FUNDING_LINE),
                                        project_years(session))
            self._load_rows(session)
            self.deadlines.set_deadlines(
                project_queries.upcoming_deadlines(session, days=HORIZON_DAYS))
        self._stale = False
        self.exports.update_texts()
        self.select_project(selected)
        self._show_detail(self.selected_id(), reread=True)  # the project may have changed
        self.load_seconds = time.perf_counter() - started
        log.info("projects: %d rows loaded in %.3f s", self.model.total_count(),
                 self.load_seconds)

    def _load_rows(self, session: Session) -> None:
        chosen = self.filter_bar.filters()
        listed = project_queries.list_projects(
            session, status=chosen.status, theme=chosen.theme,
            funding_line=chosen.funding_line, year=chosen.year)
        self.model.set_rows(listed.rows)
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.model.set_filter(self.filter_bar.search.text())
        self._update_footer()
        QTimer.singleShot(0, self.model.prepare_search)  # once the list is painted

    def _filters_changed(self) -> None:
        selected = self.selected_id()
        with self.session_scope() as session:
            self._load_rows(session)
        self.exports.update_texts()
        self.select_project(selected)

    def _search_changed(self, text: str) -> None:
        selected = self.selected_id()
        self.model.set_filter(text)
        self._update_footer()
        self.select_project(selected)

    def _update_footer(self) -> None:
        total, shown = self.model.total_count(), self.model.rowCount()
        if shown == total and not self.filter_bar.is_filtered():
            text = self.tr("%n project(s)", "", total)
        else:
            text = self.tr("%n project(s) shown", "", shown)
        self.count_label.setText(text)
        requested, granted = self.model.shown_totals()
        self.totals_label.setText(fill(self.tr("Requested: %1 — Granted: %2"),
                                       fmt_money(requested), fmt_money(granted)))

    # -- selection and detail ----------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_project(self, project_id: int | None) -> bool:
        """Select ``project_id`` (the detail follows); False if it is not shown."""
        row = self.model.row_of(project_id) if project_id is not None else None
        if row is None:
            self.view.clearSelection()
            self._show_detail(None)
            return False
        index = self.model.index(row, Col.TITLE)
        if self.selected_id() != project_id:
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def show_project(self, project_id: int) -> None:
        """Select a project, showing every project first if the filters hide it."""
        self.ensure_loaded()
        if not self.select_project(project_id):
            self.filter_bar.clear()
            self.select_project(project_id)
        self.view.setFocus()

    def open_project(self, project_id: int) -> None:
        """Select a project and open its form."""
        self.show_project(project_id)
        if self.selected_id() == project_id:
            self.project_actions.edit_current()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.selected_id())

    def _show_detail(self, project_id: int | None, *, reread: bool = False) -> None:
        """Show a project in the detail, read again only if another one or ``reread``
        (a search or a sort keeps the project shown as it is)."""
        shown = self.detail.detail
        if project_id is None:
            self.detail.show_detail(None)
        elif reread or shown is None or shown.id != project_id:
            self.detail.show_detail(self.project_actions.read_detail(project_id))
        self.project_actions.enable(self.detail.detail is not None)

    # -- exports ---------------------------------------------------------------------------

    def export_actions(self) -> list[QAction]:
        return self.exports.actions()

    def wait_for_exports(self) -> None:
        self.exports.wait()

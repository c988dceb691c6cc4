"""The *Réunions* tab: upcoming and past meetings, searched and filtered by
type and year, and the actions on the selected meeting."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import partial

from PySide6.QtCore import QItemSelection, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.services import meeting_list, quorum
from conseil_desktop.services.council import terms
from conseil_desktop.services.meeting_list import MeetingListRow
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings import meeting_page, open_actions
from conseil_desktop.ui.meetings.actions import MeetingActions
from conseil_desktop.ui.meetings.model import Col, MeetingTableModel
from conseil_desktop.ui.models.table_model import UNSORTED
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

log = logging.getLogger(__name__)

SessionScope = Callable[[], AbstractContextManager[Session]]
COLUMN_CHARACTERS = {Col.TYPE: 16, Col.TITLE: 34, Col.DATE: 17, Col.PLACE: 22, Col.INVITED: 7,
                     Col.PRESENT: 9, Col.QUORUM: 11}
UPCOMING, PAST = 0, 1
RELOAD_DELAY_MS = 400


class SectionBar(QTabBar):
    """*À venir* / *Passées*. Fusion draws the tab not chosen lower and clipped the grave
    accent of « À venir »: a few pixels more give the capital's accent its room."""

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        return QSize(size.width(), size.height() + 4)


class MeetingsTab(QWidget):
    meetings_changed = Signal()  # a meeting was created, edited, deleted or attended
    project_requested = Signal(int)  # "Projets liés…": a project to show in its tab

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_scope = session_scope
        self._stale = True
        self._section_chosen = False
        self.load_seconds = 0.0
        self.model = MeetingTableModel(self)
        self.sections = SectionBar(self)
        self.sections.setObjectName("meeting_sections")
        self.sections.addTab("")
        self.sections.addTab("")
        self.search = QLineEdit(self)
        self.search.setObjectName("meeting_search")
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("meeting_type_filter")
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("meeting_year_filter")
        self.view = QTableView(self)
        self.view.setObjectName("meetings_view")
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("&New meeting"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.checkin_button = QPushButton(self.tr("Sign-&in"), self)
        self.actions_button = QPushButton(self.tr("Open ac&tions…"), self)
        self.meeting_actions = MeetingActions(self)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_if_stale)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.search.setPlaceholderText(self.tr("Search a title, a place, a type…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        for combo, name in ((self.type_filter, self.tr("Type")),
                            (self.year_filter, self.tr("Year"))):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top = QHBoxLayout()
        top.addWidget(self.sections)
        top.addWidget(self.search, 1)
        top.addWidget(self.type_filter)
        top.addWidget(self.year_filter)
        top.addWidget(self.new_button)
        self._build_view()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        for button in (self.open_button, self.checkin_button, self.actions_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._update_section_titles()

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
        header.setStretchLastSection(False)
        character = view.fontMetrics().horizontalAdvance("x")
        for column, characters in COLUMN_CHARACTERS.items():
            header.resizeSection(column, characters * character + 16)
        header.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        view.setSortingEnabled(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _connect(self) -> None:
        actions = self.meeting_actions
        self.search.textChanged.connect(self._search_changed)
        self.type_filter.currentIndexChanged.connect(self._filters_changed)
        self.year_filter.currentIndexChanged.connect(self._filters_changed)
        self.sections.currentChanged.connect(self._section_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _index: actions.open_current())
        self.new_button.clicked.connect(actions.new_meeting)
        self.open_button.clicked.connect(actions.open_current)
        self.checkin_button.clicked.connect(actions.checkin_current)
        self.actions_button.clicked.connect(actions.show_open_actions)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        add_tab_shortcut(self, find)
        self._selection_changed(QItemSelection(), QItemSelection())

    # -- loading -----------------------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        return not self._stale and not self.model.quorum_pending

    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def invalidate(self) -> None:
        """The database changed: read again now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload_soon(self) -> None:
        """A meeting's window saved something: read again once the user is done (a
        burst of changes gives one reload), or when the tab is next shown."""
        self._stale = True
        if self.isVisible():
            self._reload_timer.start()

    def _reload_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def reload(self, *, with_quorum: bool = False) -> None:
        """Read the meetings again; keep the selection."""
        started = time.perf_counter()
        selected = self.selected_id()
        with self.session_scope() as session:
            types = terms(session, VocabularyKind.MEETING_TYPE, active_only=False)
            # A large council's first reading of its members' history takes a while:
            # the list shows at once, and its quorum column is filled just after.
            quick = with_quorum or quorum.history_is_quick(session)
            rows = meeting_list.meeting_rows(session, dt.date.today(), quorum=quick)
        self.model.set_rows(rows, quorum_pending=not quick)
        if not quick:
            QTimer.singleShot(0, self, partial(self.reload, with_quorum=True))
        _refill(self.type_filter, self.tr("All types"), [(t.label, t.code) for t in types])
        _refill(self.year_filter, self.tr("All years"),
                [(str(year), year) for year in self.model.years()])
        self._apply_filters()
        if not self._section_chosen:  # first load: the past when nothing is planned
            upcoming, _past = self.model.section_counts()
            self.sections.setCurrentIndex(UPCOMING if upcoming else PAST)
        self._stale = False
        self.select_meeting(selected)
        self.load_seconds = time.perf_counter() - started
        log.info("meetings: %d rows loaded in %.3f s", len(rows), self.load_seconds)

    def _apply_filters(self) -> None:
        self.model.set_filters(self.type_filter.currentData(), self.year_filter.currentData())
        self._update_counts()

    def _filters_changed(self) -> None:
        selected = self.selected_id()
        self._apply_filters()
        self.select_meeting(selected)

    def _search_changed(self, text: str) -> None:
        selected = self.selected_id()
        self.model.set_filter(text)
        self._update_counts()
        self.select_meeting(selected)

    def _section_changed(self, index: int) -> None:
        self._section_chosen = True
        self.model.set_section(index == UPCOMING)
        self._update_counts()
        if self.model.rowCount():
            self.view.selectRow(0)

    def show_section(self, upcoming: bool) -> None:
        self.sections.setCurrentIndex(UPCOMING if upcoming else PAST)

    def _update_section_titles(self) -> None:
        upcoming, past = self.model.section_counts()
        self.sections.setTabText(UPCOMING, fill(self.tr("Upcoming (%1)"), upcoming))
        self.sections.setTabText(PAST, fill(self.tr("Past (%1)"), past))

    def _update_counts(self) -> None:
        self._update_section_titles()
        self.count_label.setText(fill(self.tr("Meetings shown: %1"), self.model.rowCount()))

    # -- selection ---------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def selected_row(self) -> MeetingListRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_meeting(self, meeting_id: int | None) -> bool:
        row = self.model.row_of(meeting_id) if meeting_id is not None else None
        if row is None:
            self.view.clearSelection()
            return False
        index = self.model.index(row, Col.TITLE)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def show_meeting(self, meeting_id: int) -> None:
        """Select a meeting, switching section and clearing the filters if need be."""
        self.ensure_loaded()
        if self.select_meeting(meeting_id):
            return
        upcoming = self.model.is_upcoming(meeting_id)
        if upcoming is None:
            return
        for combo in (self.type_filter, self.year_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self._apply_filters()
        self.show_section(upcoming)
        self.select_meeting(meeting_id)

    def close_windows(self) -> None:
        """The database is about to change: close the meetings' windows (saving what
        was typed) while their file is still open."""
        meeting_page.close_all_pages()
        open_actions.close_window()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        has_meeting = self.selected_id() is not None
        self.meeting_actions.enable(has_meeting)
        self.open_button.setEnabled(has_meeting)
        self.checkin_button.setEnabled(has_meeting)


def _refill(combo: QComboBox, all_label: str, items: list[tuple[str, object]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(all_label, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
    finally:
        combo.blockSignals(False)

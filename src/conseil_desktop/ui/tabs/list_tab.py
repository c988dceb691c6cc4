"""A tab listing one kind of record: search box, count, and a fast table.

The four tabs share it until each gets its own screen. Rows are read the first
time the tab is shown, and again when the database changes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.services import listing
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.models.table_model import UNSORTED, ListingModel

log = logging.getLogger(__name__)

SessionScope = Callable[[], AbstractContextManager[Session]]
MAX_INITIAL_COLUMN_WIDTH = 320
FIT_SAMPLE_ROWS = 200
COLUMN_PADDING = 12


class ListTab(QWidget):
    """Lists the records of one entity of :data:`conseil_desktop.services.listing.ENTITIES`."""

    def __init__(self, entity: str, session_scope: SessionScope,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = entity
        self._session_scope = session_scope
        self._stale = True
        self._columns_fitted = False
        self.load_seconds = 0.0  # how long the last reload took
        self.model = ListingModel(self)
        self.search = QLineEdit(self)
        self.count_label = QLabel(self)
        self.view = QTableView(self)
        self._build()
        self.search.textChanged.connect(self._on_search_changed)

    def _build(self) -> None:
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        view = self.view
        view.setModel(self.model)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform row heights
        rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
        rows.hide()
        columns = view.horizontalHeader()
        columns.setSortIndicatorClearable(True)
        columns.setSortIndicator(UNSORTED, Qt.SortOrder.AscendingOrder)
        columns.setHighlightSections(False)
        view.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(view, 1)

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

    def reload(self) -> None:
        started = time.perf_counter()
        with self._session_scope() as session:
            rows = listing.listing(session, self.entity)
        self.model.set_listing(rows)
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if not self._columns_fitted and rows.rows:
            self._fit_columns()
        self._stale = False
        self._update_count()
        self.load_seconds = time.perf_counter() - started
        log.info("%s: %d rows loaded in %.3f s", self.entity, len(rows.rows), self.load_seconds)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.ensure_loaded()

    def _fit_columns(self) -> None:
        """Size the columns to their content once; after that the user's widths stay."""
        self._columns_fitted = True
        header = self.view.horizontalHeader()
        # Measure a sample of rows, not all 100,000: the widths come out the same.
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = header.sectionSize(column) + COLUMN_PADDING
            header.resizeSection(column, min(width, MAX_INITIAL_COLUMN_WIDTH))
        last = self.model.columnCount() - 1
        # A wide last column pushes a right-aligned number to the far edge: stretch text only.
        alignment = self.model.headerData(last, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.TextAlignmentRole)
        header.setStretchLastSection(not alignment & Qt.AlignmentFlag.AlignRight)

    def _on_search_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total_count()
        shown = self.model.rowCount()
        if shown == total:
            text = self.tr("%Ln record(s)", "", total)
        else:
            text = fill(self.tr("%1 of %Ln record(s)", "", total), QLocale().toString(shown))
        self.count_label.setText(text)

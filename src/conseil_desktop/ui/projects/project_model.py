"""The projects list: plain :class:`ProjectRow` values, sorted by their raw
values (amounts in cents, dates as dates) with ``list.sort``, searched with a
precomputed accent-folded key, and the totals of the rows shown."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from conseil_desktop.services.formatting import fmt_date, fmt_money
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.project_queries import ProjectRow
from conseil_desktop.ui.models.columns import fold_cell
from conseil_desktop.ui.models.table_model import ID_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = QColor("#b00020")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_STATUS_ORDER = {status: i for i, status in enumerate(PROJECT_STATUS)}


class Col(enum.IntEnum):
    TITLE = 0
    HOLDER = 1
    THEME = 2
    FUNDING_LINE = 3
    YEAR = 4
    STATUS = 5
    REQUESTED = 6
    GRANTED = 7
    DEADLINE = 8


RIGHT_ALIGNED = frozenset({Col.YEAR, Col.REQUESTED, Col.GRANTED})


def display(row: ProjectRow, column: Col) -> str:
    if column is Col.TITLE:
        return row.title
    if column is Col.HOLDER:
        return row.holder
    if column is Col.THEME:
        return row.theme_label
    if column is Col.FUNDING_LINE:
        return row.funding_line_label
    if column is Col.YEAR:
        return "" if row.year is None else str(row.year)
    if column is Col.STATUS:
        return row.status_label
    if column is Col.REQUESTED:
        return fmt_money(row.requested_cents)
    if column is Col.GRANTED:
        return fmt_money(row.granted_cents)
    deadline = row.next_deadline
    return f"{fmt_date(deadline.due_on)} — {deadline.label}" if deadline else ""


def raw_value(row: ProjectRow, column: Col) -> Any:
    """What a column sorts by; ``None`` for an empty cell."""
    if column is Col.YEAR:
        return row.year
    if column is Col.STATUS:
        return _STATUS_ORDER[row.status]
    if column is Col.REQUESTED:
        return row.requested_cents
    if column is Col.GRANTED:
        return row.granted_cents
    if column is Col.DEADLINE:
        return row.next_deadline.due_on if row.next_deadline else None
    return fold_cell(display(row, column)) or None


def _search_key(row: ProjectRow) -> str:
    cells = (row.title, row.holder, row.theme_label, row.funding_line_label, row.status_label,
             "" if row.year is None else str(row.year))
    return " ".join(fold_cell(cell) for cell in cells if cell)


class ProjectTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProjectRow] = []  # every row loaded, in the current order
        self._shown: list[ProjectRow] = []  # those matching the search, same order
        self._position: dict[int, int] = {}  # project id -> place in the service's order
        self._keys: dict[int, str] = {}  # search keys by project id, built on first search
        self._terms: list[str] = []
        self.today = date.today()
        self._headers = [
            self.tr("Title"), self.tr("Holder"), self.tr("Theme"), self.tr("Funding line"),
            self.tr("Year"), self.tr("Status"), self.tr("Requested"), self.tr("Granted"),
            self.tr("Next deadline"),
        ]

    # -- content -------------------------------------------------------------------------

    def set_rows(self, rows: list[ProjectRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._position = {row.id: i for i, row in enumerate(rows)}
        self._keys = {}
        self.today = date.today()
        self._shown = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the rows holding every word of ``text``, accents and case ignored."""
        terms = fold_cell(text).split()
        if terms == self._terms:
            return
        self.beginResetModel()
        self._terms = terms
        self._shown = self._matching()
        self.endResetModel()

    def prepare_search(self) -> None:
        """Build the search keys now (when idle) rather than at the first keystroke."""
        if not self._keys and self._rows:
            self._keys = {row.id: _search_key(row) for row in self._rows}

    def _matching(self) -> list[ProjectRow]:
        if not self._terms:
            return list(self._rows)
        self.prepare_search()
        keys, terms = self._keys, self._terms
        return [row for row in self._rows if all(t in keys[row.id] for t in terms)]

    def total_count(self) -> int:
        return len(self._rows)

    def shown_totals(self) -> tuple[int, int]:
        """Requested and granted cents of the rows shown."""
        return (sum(row.requested_cents for row in self._shown),
                sum(row.granted_cents or 0 for row in self._shown))

    def row_at(self, row: int) -> ProjectRow:
        return self._shown[row]

    def row_of(self, project_id: int) -> int | None:
        return next((i for i, row in enumerate(self._shown) if row.id == project_id), None)

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._shown[index.row()], Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in RIGHT_ALIGNED else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column is Col.DEADLINE:
            deadline = row.next_deadline
            return QBrush(OVERDUE_COLOUR) if deadline and deadline.due_on < self.today else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (Col.TITLE, Col.HOLDER):
            return display(row, column)
        if role == SORT_ROLE:
            return raw_value(row, column)
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Col):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in RIGHT_ALIGNED else _LEFT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(Col):
            return
        reverse = column >= 0 and order == Qt.SortOrder.DescendingOrder
        key = self._sort_key(Col(column) if column >= 0 else None, reverse)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [(self._shown[i.row()], i.column()) for i in before]
        self._rows.sort(key=key, reverse=reverse)
        self._shown.sort(key=key, reverse=reverse)
        if before:
            rows = {row.id: r for r, row in enumerate(self._shown)}
            after = [self.index(rows[row.id], column) for row, column in kept]
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sort_key(self, column: Col | None, reverse: bool) -> Callable[[ProjectRow], Any]:
        """Empty cells last in either order; no column: the order the rows were loaded in."""
        if column is None:
            position = self._position
            return lambda row: position[row.id]

        def key(row: ProjectRow) -> tuple[bool, Any]:
            value = raw_value(row, column)
            return (value is not None, value) if reverse else (value is None, value)

        return key

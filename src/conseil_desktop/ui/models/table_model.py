"""A table model over the plain rows of a :class:`~conseil_desktop.services.listing.Listing`.

Sorting uses ``list.sort`` and filtering a precomputed, accent-folded search
key: no ``QSortFilterProxyModel`` calling ``data()`` for every row, which is
what makes Qt grids slow at 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from conseil_desktop.services.listing import Column, Listing
from conseil_desktop.ui.models.columns import (
    ColumnKind,
    fold_cell,
    kind_of,
    search_text,
    sort_key,
    sort_value,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the value a cell sorts by
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the record's id (first value of each row)
ID_COLUMN = 0
UNSORTED = -1  # sort() on this column restores the listing's own order

AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class _Entry:
    """One row, its place in the listing, and its search key (built on first search)."""

    __slots__ = ("position", "row", "search")

    def __init__(self, row: tuple[Any, ...], position: int) -> None:
        self.row = row
        self.position = position
        self.search = ""


class ListingModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = []
        self._kinds: list[ColumnKind] = []
        self._entries: list[_Entry] = []  # every row, in the current order
        self._shown: list[_Entry] = []  # the rows matching the filter, in the same order
        self._terms: list[str] = []
        self._keys_built = False

    # -- content -----------------------------------------------------------------

    def set_listing(self, listing: Listing) -> None:
        self.beginResetModel()
        self._columns = list(listing.columns)
        self._kinds = [kind_of(c.key) for c in self._columns]
        self._entries = [_Entry(row, i) for i, row in enumerate(listing.rows)]
        self._keys_built = False
        self._shown = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only rows containing every word of ``text``, accents and case ignored."""
        terms = fold_cell(text).split()
        if terms == self._terms:
            return
        self.beginResetModel()
        self._terms = terms
        self._shown = self._matching()
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._entries)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def row_id(self, row: int) -> Any:
        return self._shown[row].row[ID_COLUMN]

    def _matching(self) -> list[_Entry]:
        if not self._terms:
            return list(self._entries)
        if not self._keys_built:
            for entry in self._entries:
                entry.search = " ".join(search_text(str(v)) for v in entry.row[1:] if v != "")
            self._keys_built = True
        terms = self._terms
        return [e for e in self._entries if all(t in e.search for t in terms)]

    # -- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._shown[index.row()]
        value = entry.row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self._kinds[index.column()].right_aligned else _LEFT
        if role == SORT_ROLE:
            return sort_value(self._kinds[index.column()], value)
        if role == ID_ROLE:
            return entry.row[ID_COLUMN]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self._kinds[section].right_aligned else _LEFT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(self._columns):
            return
        if column < 0:
            key: Callable[[_Entry], Any] = _listing_position
            reverse = False
        else:
            kind = self._kinds[column]

            def key(entry: _Entry) -> Any:
                return sort_key(kind, entry.row[column])

            reverse = order == Qt.SortOrder.DescendingOrder
        self._reorder(lambda: self._sort_entries(key, reverse))

    def _sort_entries(self, key: Callable[[_Entry], Any], reverse: bool) -> None:
        self._entries.sort(key=key, reverse=reverse)
        if self._terms:
            self._shown.sort(key=key, reverse=reverse)
        else:
            self._shown = list(self._entries)

    def _reorder(self, change: Callable[[], None]) -> None:
        """Apply a change of order, keeping selections on the same rows."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        entries = [self._shown[i.row()] for i in before]
        change()
        if before:
            rows = {id(e): r for r, e in enumerate(self._shown)}
            after = [self.index(rows[id(entry)], index.column())
                     for entry, index in zip(entries, before, strict=True)]
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def _listing_position(entry: _Entry) -> int:
    return entry.position

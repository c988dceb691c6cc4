"""The contacts list: organisations and people in one table model.

The rows come from :func:`contact_queries.search_contacts` once per load;
typing in the search box then filters them in memory on a precomputed,
accent-folded key (a few milliseconds for 10,000 contacts, where asking the
database again would take a tenth of a second per keystroke).
"""

from __future__ import annotations

import enum
import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from conseil_desktop.services.contact_queries import ContactKind, ContactRow
from conseil_desktop.ui.models.columns import fold_cell

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ContactRow itself
UNSORTED = -1  # sort() on this column restores the service's order (by name)
_NOT_DIGIT = re.compile(r"\D")


class Column(enum.IntEnum):
    KIND = 0
    NAME = 1
    ORGANISATION = 2
    ROLE = 3
    PHONE = 4
    EMAIL = 5


class Shown(enum.Enum):
    """The list's "Organisations / Personnes / Tout" filter."""

    ALL = "all"
    ORGANISATIONS = "organisations"
    PEOPLE = "people"

    def accepts(self, kind: ContactKind) -> bool:
        if self is Shown.ORGANISATIONS:
            return kind is ContactKind.ORGANISATION
        if self is Shown.PEOPLE:
            return kind is ContactKind.PERSON
        return True


def search_key(row: ContactRow) -> str:
    """Every word a row can be found by, folded: names, organisations, roles, city,
    e-mail, and the phone as shown and as bare digits."""
    return " ".join((
        fold_cell(row.name), fold_cell(row.organisation), fold_cell(row.role),
        fold_cell(row.city), row.email.lower(), row.phone, _NOT_DIGIT.sub("", row.phone),
    ))


class ContactsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []
        self._keys: list[str] = []
        self._order: list[int] = []  # positions in _rows, in the current sort order
        self._shown: list[int] = []  # the positions passing the filters, in that order
        self._terms: list[str] = []
        self._kinds = Shown.ALL
        self._headers = [
            self.tr("Kind"), self.tr("Name"), self.tr("Organisation(s)"),
            self.tr("Type or role(s)"), self.tr("Phone"), self.tr("E-mail"),
        ]
        self._kind_labels = {
            (ContactKind.ORGANISATION, False): self.tr("Organisation"),
            (ContactKind.ORGANISATION, True): self.tr("Organisation (archived)"),
            (ContactKind.PERSON, False): self.tr("Person"),
            (ContactKind.PERSON, True): self.tr("Person (archived)"),
        }

    # -- content -------------------------------------------------------------------

    def set_rows(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._keys = [search_key(row) for row in rows]
        self._order = list(range(len(rows)))
        self._shown = self._matching()
        self.endResetModel()

    def set_filter(self, text: str, kinds: Shown) -> None:
        """Show the rows of ``kinds`` containing every word of ``text``, accents and
        case ignored."""
        terms = fold_cell(text).split()
        if terms == self._terms and kinds is self._kinds:
            return
        self.beginResetModel()
        self._terms, self._kinds = terms, kinds
        self._shown = self._matching()
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> ContactRow:
        return self._rows[self._shown[row]]

    def find(self, kind: ContactKind, record_id: int) -> int:
        """The row showing this organisation or person, or -1."""
        for row, position in enumerate(self._shown):
            found = self._rows[position]
            if found.id == record_id and found.kind is kind:
                return row
        return -1

    def _matching(self) -> list[int]:
        terms, kinds, rows, keys = self._terms, self._kinds, self._rows, self._keys
        return [i for i in self._order
                if kinds.accepts(rows[i].kind) and all(t in keys[i] for t in terms)]

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._shown[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, Column(index.column()))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return None

    def _cell(self, row: ContactRow, column: Column) -> str:
        if column is Column.KIND:
            return self._kind_labels[row.kind, row.archived]
        return str(getattr(row, _FIELDS[column]))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort with ``list.sort`` on folded text; empty cells last whatever the order."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [self._shown[index.row()] for index in before]
        if column < 0 or column >= len(Column):
            self._order.sort()
        else:
            rows, field = self._rows, Column(column)
            cells = [fold_cell(self._cell(row, field)) for row in rows]
            descending = order == Qt.SortOrder.DescendingOrder
            self._order.sort(key=lambda i: cells[i], reverse=descending)
            self._order.sort(key=lambda i: cells[i] == "")  # stable: empties go last
        self._shown = self._matching()
        rows_now = {position: row for row, position in enumerate(self._shown)}
        after = [self.index(rows_now[p], i.column()) if p in rows_now else QModelIndex()
                 for p, i in zip(kept, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


_FIELDS = {
    Column.NAME: "name", Column.ORGANISATION: "organisation", Column.ROLE: "role",
    Column.PHONE: "phone", Column.EMAIL: "email",
}


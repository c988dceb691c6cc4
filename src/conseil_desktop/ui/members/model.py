"""The members table: a thin Qt model over :class:`~conseil_desktop.services.member_filter.MemberIndex`.

Rows are plain tuples; a cell's text (labels, ``06 12 34 56 78``, dates) is
made only when the view asks for it, that is for the rows on screen. A
search or a filter resets the model (the rows shown change); a sort is a
layout change that keeps the selection on the same members.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from conseil_desktop.services import member_list as ml
from conseil_desktop.services.formatting import fmt_phone
from conseil_desktop.services.member_filter import MemberFilters, MemberIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the person's id, as in ui.models.table_model
UNSORTED = -1
RELEASE_DELAY_MS = 250
MANY_PERSISTENT = 16  # rows kept by the views across a sort: above, map them all
AnyIndex = QModelIndex | QPersistentModelIndex
Row = tuple[Any, ...]


@dataclass(frozen=True)
class MemberColumn:
    key: str
    header: str
    characters: int  # initial width
    shown: bool = True  # by default
    extra: bool = False  # read only when shown (member_list.extra_columns)


def _columns() -> list[MemberColumn]:
    translate = QCoreApplication.translate
    return [
        MemberColumn("last_name", translate("MembersModel", "Last name"), 16),
        MemberColumn("first_name", translate("MembersModel", "First name"), 12),
        MemberColumn("college", translate("MembersModel", "College"), 12),
        MemberColumn("seat", translate("MembersModel", "Titulaire / suppléant"), 17),
        MemberColumn("status", translate("MembersModel", "Status"), 12),
        MemberColumn("roles", translate("MembersModel", "Roles"), 12),
        MemberColumn("organisation", translate("MembersModel", "Organisation"), 20),
        MemberColumn("phone", translate("MembersModel", "Phone"), 13),
        MemberColumn("email", translate("MembersModel", "E-mail"), 24, shown=False, extra=True),
        MemberColumn("city", translate("MembersModel", "Town"), 14, shown=False, extra=True),
        MemberColumn("joined_on", translate("MembersModel", "Joined on"), 11, shown=False,
                     extra=True),
        MemberColumn("mandate_end_on", translate("MembersModel", "Mandate ends"), 11,
                     shown=False, extra=True),
        MemberColumn("status_since", translate("MembersModel", "Status since"), 11,
                     shown=False, extra=True),
        MemberColumn("designation", translate("MembersModel", "Designation"), 16, shown=False,
                     extra=True),
    ]


class MembersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = _columns()
        self._keys = [c.key for c in self.columns]
        self.index_ = MemberIndex(ml.MemberList([]))
        self._filters = MemberFilters()
        self._search = ""
        self._sort: tuple[str | None, bool] = (None, False)
        self._extras: dict[str, dict[int, Any]] = {}
        self._cells = self._cell_makers()
        self._retired: list[MemberIndex] = []
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(RELEASE_DELAY_MS)
        self._release_timer.timeout.connect(self._release)

    # -- content ---------------------------------------------------------------------------

    @property
    def listing(self) -> ml.MemberList:
        return self.index_.listing

    def set_listing(self, listing: ml.MemberList, extras: dict[str, dict[int, Any]],
                    filters: MemberFilters, search: str) -> None:
        """New rows (a reload), shown with these filters and search, in the same order."""
        self.beginResetModel()
        self._filters, self._search = filters, search
        self._extras = dict(extras)
        self._retired.append(self.index_)
        self.index_ = MemberIndex(listing, filters, search, *self._sort, extras=extras)
        self.endResetModel()
        self._release_timer.start()

    def _release(self) -> None:
        """Free the rows of previous loads: 100,000 rows take tens of milliseconds to
        free, so it is done once the new list is painted."""
        self._retired.clear()

    def prepare_search(self) -> None:
        """Build the search keys now, so that the first keystroke does not wait for them."""
        self.index_.search_keys()

    def set_extra(self, key: str, by_id: dict[int, Any]) -> None:
        """A column read on demand, once it is shown."""
        self._extras[key] = by_id
        self.index_.set_extra(key, by_id)
        column = self.column_of(key)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column),
                                  self.index(self.rowCount() - 1, column))

    def has_extra(self, key: str) -> bool:
        return key in self._extras

    def set_filters(self, filters: MemberFilters) -> None:
        if filters == self._filters:
            return
        self.beginResetModel()
        self._filters = filters
        self.index_.set_filters(filters)
        self.endResetModel()

    def filters(self) -> MemberFilters:
        return self._filters

    def set_search(self, text: str) -> None:
        self._search = text
        if not self.index_.search_changes(text):
            return  # the same words: nothing moves
        self.beginResetModel()
        self.index_.set_search(text)
        self.endResetModel()

    # -- what the tab asks -------------------------------------------------------------------

    def total_count(self) -> int:
        return self.index_.total()

    def column_of(self, key: str) -> int:
        return self._keys.index(key)

    def key_of(self, column: int) -> str:
        return self._keys[column]

    def row_id(self, row: int) -> int:
        return int(self.listing.rows[self.index_.shown[row]][ml.ID])

    def row_of(self, person_id: int) -> int | None:
        """The row showing this person, or None if the filters hide them."""
        ids = self.index_.column(ml.ID)
        try:
            position = ids.index(person_id)
            return self.index_.shown.index(position)
        except ValueError:
            return None

    def is_archived(self, row: int) -> bool:
        return bool(self.listing.rows[self.index_.shown[row]][ml.ARCHIVED])

    def shown_ids(self) -> list[int]:
        return self.index_.shown_ids()

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.index_.shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self.index_.shown[index.row()]
        row = self.listing.rows[position]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.column()](position, row)
        if role == ID_ROLE:
            return row[ml.ID]
        if role == Qt.ItemDataRole.ForegroundRole and (
                row[ml.ARCHIVED] or row[ml.STATUS] != 0):
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and row[ml.ARCHIVED]:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column >= len(self.columns):
            return
        key = self._keys[column] if column >= 0 else None
        descending = column >= 0 and order == Qt.SortOrder.DescendingOrder
        self._sort = (key, descending)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        positions = [self.index_.shown[i.row()] for i in before]
        self.index_.sort(key, descending)
        if before:
            shown = self.index_.shown
            wanted = set(positions)  # the header's sections all point at row 0: few rows
            rows = ({p: r for r, p in enumerate(shown)} if len(wanted) > MANY_PERSISTENT
                    else {p: shown.index(p) for p in wanted})
            after = [self.index(rows[p], i.column()) for p, i in zip(positions, before,
                                                                      strict=True)]
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- cells -----------------------------------------------------------------------------

    def _cell_makers(self) -> list[Callable[[int, Row], str]]:
        listing = lambda: self.index_.listing

        def extra(key: str, show: Callable[[Any], str]) -> Callable[[int, Row], str]:
            def cell(position: int, _row: Row) -> str:
                values = self.index_.extra(key)
                value = values[position] if values is not None else None
                return show(value) if value is not None else ""
            return cell

        makers: dict[str, Callable[[int, Row], str]] = {
            "last_name": lambda _p, row: row[ml.LAST_NAME],
            "first_name": lambda _p, row: row[ml.FIRST_NAME],
            "college": lambda _p, row: ml.COLLEGE_LABELS[row[ml.COLLEGE]],
            "seat": lambda _p, row: ml.SEAT_LABELS[row[ml.SEAT]],
            "status": lambda _p, row: ml.STATUS_LABELS[row[ml.STATUS]],
            "roles": lambda _p, row: listing().role_text(row[ml.ID]),
            "organisation": lambda _p, row: listing().organisation(row),
            "phone": lambda _p, row: fmt_phone(row[ml.PHONE]),
            "email": extra("email", str),
            "city": extra("city", str),
            "joined_on": extra("joined_on", ml.iso_to_french),
            "mandate_end_on": extra("mandate_end_on", ml.iso_to_french),
            "status_since": extra("status_since", ml.iso_to_french),
            "designation": extra("designation", ml.DESIGNATION_LABELS.__getitem__),
        }
        return [makers[key] for key in self._keys]

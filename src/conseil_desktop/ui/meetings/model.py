"""The meetings list: plain :class:`MeetingListRow` values of one section
(upcoming or past), filtered by type, year and an accent-folded search, and
sorted by their raw values with ``list.sort``."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from conseil_desktop.services.formatting import fmt_date, fmt_time
from conseil_desktop.services.meeting_list import MeetingListRow
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.models.columns import fold_cell
from conseil_desktop.ui.models.table_model import ID_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
REACHED_COLOUR = QColor("#1b5e20")
MISSED_COLOUR = QColor("#b00020")


class Col(enum.IntEnum):
    TYPE = 0
    TITLE = 1
    DATE = 2
    PLACE = 3
    INVITED = 4
    PRESENT = 5
    QUORUM = 6


RIGHT_ALIGNED = frozenset({Col.INVITED, Col.PRESENT})



def display(row: MeetingListRow, column: Col) -> str:
    if column is Col.TYPE:
        return row.type_label
    if column is Col.TITLE:
        return row.title
    if column is Col.DATE:
        when = fmt_date(row.date)
        return f"{when}  {fmt_time(row.start_time)}".rstrip()
    if column is Col.PLACE:
        return row.place
    if column is Col.INVITED:
        return str(row.invited) if row.invited else ""
    if column is Col.PRESENT:
        if not row.present and not row.represented:
            return ""
        if row.represented:
            return f"{row.present} + {row.represented}"
        return str(row.present)
    return ""  # the quorum column is written by the model (its words are translated)


def raw_value(row: MeetingListRow, column: Col) -> Any:
    if column is Col.DATE:
        return (row.date, row.start_time is not None, row.start_time or 0)
    if column is Col.INVITED:
        return row.invited
    if column is Col.PRESENT:
        return row.present + row.represented
    if column is Col.QUORUM:
        return -1 if row.quorum_reached is None else int(row.quorum_reached)
    return fold_cell(display(row, column))


class MeetingTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[MeetingListRow] = []
        self._section: list[MeetingListRow] = []  # the section, sorted
        self._shown: list[MeetingListRow] = []  # the section's rows that match
        self.upcoming = True
        self._type: str | None = None
        self._year: int | None = None
        self._terms: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._headers = [self.tr("Type"), self.tr("Title"), self.tr("Date"), self.tr("Place"),
                         self.tr("Invited"), self.tr("Present"), self.tr("Quorum")]
        self._quorum_words = {None: "—", True: self.tr("reached"), False: self.tr("not reached")}
        self.quorum_pending = False

    # -- content -----------------------------------------------------------------------------

    def set_rows(self, rows: list[MeetingListRow], *, quorum_pending: bool = False) -> None:
        """``quorum_pending``: the quorum column is still being computed (shown « … »)."""
        self._all = list(rows)
        self.quorum_pending = quorum_pending
        self._refresh()

    def set_section(self, upcoming: bool) -> None:
        self.upcoming = upcoming
        self._refresh()

    def set_filters(self, type_code: str | None, year: int | None) -> None:
        self._type, self._year = type_code, year
        self._refresh()

    def set_filter(self, text: str) -> None:
        """Keep the rows whose text holds every word typed, accents and case ignored."""
        terms = fold_cell(text).split()
        if terms != self._terms:
            self._terms = terms
            self._refresh()

    def section_counts(self) -> tuple[int, int]:
        """Upcoming and past meetings matching the type, year and search."""
        upcoming = past = 0
        for row in self._all:
            if self._matches(row):
                if row.upcoming:
                    upcoming += 1
                else:
                    past += 1
        return upcoming, past

    def _matches(self, row: MeetingListRow) -> bool:
        if self._type is not None and row.type_code != self._type:
            return False
        if self._year is not None and row.date.year != self._year:
            return False
        return all(term in row.search_key for term in self._terms)

    def _refresh(self) -> None:
        self.beginResetModel()
        section = [row for row in self._all if row.upcoming == self.upcoming]
        # Upcoming: the next one first; past: the latest first.
        section.sort(key=lambda r: raw_value(r, Col.DATE), reverse=not self.upcoming)
        self._section = section
        self._apply_sort()
        self._shown = [row for row in self._section if self._matches(row)]
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> MeetingListRow:
        return self._shown[row]

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, row in enumerate(self._shown) if row.id == meeting_id), None)

    def is_upcoming(self, meeting_id: int) -> bool | None:
        """Whether a loaded meeting is upcoming; None when it is not loaded."""
        return next((row.upcoming for row in self._all if row.id == meeting_id), None)

    def years(self) -> list[int]:
        return sorted({row.date.year for row in self._all}, reverse=True)

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._shown[index.row()], Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Col.QUORUM:
                return "…" if self.quorum_pending else self._quorum_words[row.quorum_reached]
            return display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in RIGHT_ALIGNED else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column is Col.QUORUM:
            if row.quorum_reached is None:
                return None
            return QBrush(REACHED_COLOUR if row.quorum_reached else MISSED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return raw_value(row, column)
        if role == ID_ROLE:
            return row.id
        return None

    def _tooltip(self, row: MeetingListRow, column: Col) -> str | None:
        if column is Col.PRESENT:
            return fill(self.tr("Present: %1 — represented: %2"), row.present, row.represented)
        if column in (Col.TITLE, Col.PLACE):
            return display(row, column)
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
        self._sort = (column, order)
        self._refresh()

    def _apply_sort(self) -> None:
        column, order = self._sort
        if column < 0:
            return  # the section's own order: by date
        key: Callable[[MeetingListRow], Any] = lambda r: raw_value(r, Col(column))
        self._section.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

"""The invitees of the check-in screen: plain :class:`InviteeRow` values, numbered as
on the printed sheets, found by an accent-folded part of a name or by number, and
updated one row at a time from what the services return (no re-reading)."""

from __future__ import annotations

import enum
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from conseil_desktop.db.models import AttendanceStatus
from conseil_desktop.services import labels
from conseil_desktop.services.checkin import (
    AttendanceState,
    absent_holders,
    proxies_carried,
)
from conseil_desktop.services.formatting import fmt_time
from conseil_desktop.services.meeting_snapshot import InviteeRow
from conseil_desktop.services.text import fold

AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STATUS_COLOURS = {
    AttendanceStatus.PRESENT: QColor("#c8e6c9"),
    AttendanceStatus.REPRESENTED: QColor("#bbdefb"),
    AttendanceStatus.EXCUSED: QColor("#fff3c4"),
    AttendanceStatus.ABSENT: QColor("#ffcdd2"),
}
WARNING_COLOUR = QColor("#ffb74d")
_DARK = QBrush(QColor("#000000"))


class Col(enum.IntEnum):
    NUMBER = 0
    NAME = 1
    COLLEGE = 2
    STATUS = 3
    PROXY = 4
    ARRIVAL = 5
    DEPARTURE = 6


def shown_name(row: InviteeRow) -> str:
    """``NOM Prénom``, as on a sign-in sheet."""
    return f"{row.last_name.upper()} {row.first_name}".strip()


def status_text(status: AttendanceStatus) -> str:
    return "—" if status is AttendanceStatus.INVITED else labels.ATTENDANCE[status]


class CheckinModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InviteeRow] = []
        self._keys: list[str] = []  # " folded last first" per row, for word-start matches
        self._row_of: dict[int, int] = {}  # attendance id -> row
        self._carried: dict[int, list[InviteeRow]] = {}
        self._absent_holders: set[int] = set()
        self._headers = [QCoreApplication.translate("CheckinModel", "No."), QCoreApplication.translate("CheckinModel", "Name"), QCoreApplication.translate("CheckinModel", "College / organisation"), QCoreApplication.translate("CheckinModel", "Status"),
                         QCoreApplication.translate("CheckinModel", "Proxy"), QCoreApplication.translate("CheckinModel", "Arrival"), QCoreApplication.translate("CheckinModel", "Departure")]

    # -- content ---------------------------------------------------------------------

    def set_rows(self, rows: list[InviteeRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._keys = [" " + r.search_key for r in self.rows]
        self._row_of = {r.attendance_id: i for i, r in enumerate(self.rows)}
        self._refresh_proxies()
        self.endResetModel()

    def row_of(self, attendance_id: int) -> int | None:
        return self._row_of.get(attendance_id)

    def row_of_person(self, person_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.person_id == person_id), None)

    def apply(self, state: AttendanceState) -> int | None:
        """Show what a service returned for one invitation; returns its row."""
        row = self._row_of.get(state.attendance_id)
        if row is None:
            return None
        self.rows[row] = replace(
            self.rows[row], status=state.status, proxy_holder_id=state.proxy_holder_id,
            proxy_holder_name=state.proxy_holder_name, proxy_exception=state.proxy_exception,
            arrival_time=state.arrival_time, departure_time=state.departure_time)
        self._refresh_proxies()
        # The proxy column of holders may change too: repaint it whole, and the row.
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Col) - 1))
        if self.rows:
            self.dataChanged.emit(self.index(0, Col.PROXY), self.index(len(self.rows) - 1,
                                                                       Col.PROXY))
        return row

    def _refresh_proxies(self) -> None:
        self._carried = proxies_carried(self.rows)
        self._absent_holders = absent_holders(self.rows)

    def carried_by(self, person_id: int) -> list[InviteeRow]:
        return self._carried.get(person_id, [])

    # -- finding people --------------------------------------------------------------

    def matches(self, text: str) -> list[int]:
        """Rows whose name contains every word typed (accents, case ignored), those
        where a word of the name starts with it first; a number typed is that row."""
        typed = text.strip()
        if not typed:
            return []
        if typed.isdigit():
            number = int(typed)
            return [i for i, r in enumerate(self.rows) if r.number == number]
        terms = fold(typed).split()
        if not terms:
            return []
        starts: list[int] = []
        inside: list[int] = []
        for i, key in enumerate(self._keys):
            if all(term in key for term in terms):
                (starts if " " + terms[0] in key else inside).append(i)
        return starts + inside

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:  # dark text on the light colours
            return _DARK if self._background(row, column) is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Col.NUMBER:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def _display(self, row: InviteeRow, column: Col) -> str:
        if column is Col.NUMBER:
            return str(row.number)
        if column is Col.NAME:
            return shown_name(row)
        if column is Col.COLLEGE:
            return row.structure or row.college_label
        if column is Col.STATUS:
            return status_text(row.status)
        if column is Col.PROXY:
            return self._proxy_text(row)
        if column is Col.ARRIVAL:
            return fmt_time(row.arrival_time)
        return fmt_time(row.departure_time)

    def _proxy_text(self, row: InviteeRow) -> str:
        if row.status is AttendanceStatus.REPRESENTED and row.proxy_holder_id is not None:
            text = "→ " + row.proxy_holder_name
            if row.proxy_exception:
                text += " " + QCoreApplication.translate("CheckinModel", "(exception)")
            if row.proxy_holder_id in self._absent_holders:
                text += " ⚠"
            return text
        carried = self._carried.get(row.person_id)
        if not carried:
            return ""
        names = ", ".join(shown_name(r) for r in carried)
        flag = " ⚠" if row.person_id in self._absent_holders else ""
        return "← " + names + flag

    def _background(self, row: InviteeRow, column: Col) -> QBrush | None:
        if column is Col.STATUS and row.status in STATUS_COLOURS:
            return QBrush(STATUS_COLOURS[row.status])
        if column is Col.PROXY and self._flagged(row):
            return QBrush(WARNING_COLOUR)
        return None

    def _flagged(self, row: InviteeRow) -> bool:
        if row.person_id in self._absent_holders:
            return True
        return (row.status is AttendanceStatus.REPRESENTED
                and row.proxy_holder_id in self._absent_holders)

    def _tooltip(self, row: InviteeRow, column: Col) -> str | None:
        if column is Col.STATUS:
            return QCoreApplication.translate("CheckinModel", "Click to mark present")
        if column is Col.PROXY and self._flagged(row):
            return QCoreApplication.translate("CheckinModel", "The proxy holder is not marked present.")
        return None

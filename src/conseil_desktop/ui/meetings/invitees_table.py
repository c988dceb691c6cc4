"""The invitees of a meeting with their numbers (the same as on the sign-in
screen and the printed sheet), college, status and proxy; then the guests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_time
from conseil_desktop.services.labels import ATTENDANCE
from conseil_desktop.services.meeting_snapshot import GuestEntry, InviteeRow

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class InviteesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("invitees_table")
        self.setHorizontalHeaderLabels([self.tr("No."), self.tr("Name"), self.tr("College"),
                                        self.tr("Status"), self.tr("Proxy given to"),
                                        self.tr("Arrival / departure")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def set_rows(self, invitees: list[InviteeRow], guests: list[GuestEntry]) -> None:
        self.setUpdatesEnabled(False)
        self.setRowCount(len(invitees) + len(guests))
        for row, invitee in enumerate(invitees):
            times = " – ".join(fmt_time(t) for t in (invitee.arrival_time,
                                                      invitee.departure_time) if t)
            values = (str(invitee.number), f"{invitee.last_name} {invitee.first_name}".strip(),
                      invitee.college_label, ATTENDANCE[invitee.status],
                      invitee.proxy_holder_name, times)
            self._set_row(row, values)
        for offset, guest in enumerate(guests, start=len(invitees)):
            quality = ", ".join(x for x in (guest.organisation_name, guest.quality) if x)
            values = ("", guest.name, self.tr("Guest"), quality, "",
                      " – ".join(fmt_time(t) for t in (guest.arrival_time,
                                                        guest.departure_time) if t))
            self._set_row(offset, values)
        self.setUpdatesEnabled(True)

    def _set_row(self, row: int, values: tuple[str, ...]) -> None:
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0:
                item.setTextAlignment(_RIGHT)
            self.setItem(row, column, item)

    def status_of(self, name: str) -> str | None:
        """The status shown for an invitee ("Last First"), for tests and checks."""
        for row in range(self.rowCount()):
            shown, status = self.item(row, 1), self.item(row, 3)
            if shown is not None and status is not None and shown.text() == name:
                return status.text()
        return None

"""Walk-ins on the check-in screen: *Ajouter un invité* in two fields, the list of
guests (name and organisation editable in place), their times, removal, and the
conversion of a guest into a member (a small dialog through
:func:`ask_guest_conversion`, which tests replace)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.db.models import College, Seat
from conseil_desktop.errors import UserError
from conseil_desktop.services import checkin, labels
from conseil_desktop.services.formatting import fmt_time
from conseil_desktop.services.meeting_snapshot import GuestEntry
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.dialogs.errors import show_user_error
from conseil_desktop.ui.i18n import fill

SessionScope = Callable[[], AbstractContextManager[Session]]
NAME, ORGANISATION, ARRIVAL, DEPARTURE = range(4)


@dataclass(frozen=True)
class GuestConversion:
    last_name: str
    first_name: str
    college: College
    seat: Seat


class GuestConversionDialog(QDialog):
    def __init__(self, guest: GuestEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make the guest a member"))
        first, last = checkin.split_name(guest.name)
        self.last_name = QLineEdit(last, self)
        self.first_name = QLineEdit(first, self)
        self.college = QComboBox(self)
        for college in College:
            self.college.addItem(labels.COLLEGE[college], college)
        self.seat = QComboBox(self)
        for seat in Seat:
            self.seat.addItem(labels.SEAT[seat], seat)
        form = QFormLayout()
        form.addRow(self.tr("Last name:"), self.last_name)
        form.addRow(self.tr("First name:"), self.first_name)
        form.addRow(self.tr("College:"), self.college)
        form.addRow(self.tr("Seat:"), self.seat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> GuestConversion:
        return GuestConversion(self.last_name.text().strip(), self.first_name.text().strip(),
                               self.college.currentData(), self.seat.currentData())


def ask_guest_conversion(parent: QWidget | None, guest: GuestEntry) -> GuestConversion | None:
    dialog = GuestConversionDialog(guest, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


class GuestPanel(QGroupBox):
    """The guests of one meeting; every action is one transaction."""

    guests_changed = Signal()  # a guest was added, edited or removed
    members_changed = Signal()  # a guest became a member: the invitees changed

    def __init__(self, session_scope: SessionScope, meeting_id: int,
                 noted_time: Callable[[], time], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Guests (not members)"))
        self._session_scope = session_scope
        self._meeting_id = meeting_id
        self._noted_time = noted_time
        self._filling = False
        self.entries: list[GuestEntry] = []
        self.guest_name = QLineEdit(self)
        self.guest_name.setObjectName("guest_name")
        self.guest_name.setPlaceholderText(self.tr("Name"))
        self.guest_org = QLineEdit(self)
        self.guest_org.setObjectName("guest_org")
        self.guest_org.setPlaceholderText(self.tr("Organisation or quality"))
        self.add_guest_button = QPushButton(self.tr("Add a guest"), self)
        self.guests_table = self._make_table()
        self.guest_arrival_button = QPushButton(self.tr("Arrival"), self)
        self.guest_departure_button = QPushButton(self.tr("Departure"), self)
        self.convert_guest_button = QPushButton(self.tr("Make a member…"), self)
        self.remove_guest_button = QPushButton(self.tr("Remove"), self)
        self._lay_out()
        self.add_guest_button.clicked.connect(self.add_guest)
        self.guest_name.returnPressed.connect(self._enter_in_name)
        self.guest_org.returnPressed.connect(self.add_guest)
        self.guests_table.itemChanged.connect(self._edited)
        self.guest_arrival_button.clicked.connect(lambda: self.note_time(arrival=True))
        self.guest_departure_button.clicked.connect(lambda: self.note_time(arrival=False))
        self.convert_guest_button.clicked.connect(self.convert_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setObjectName("guests_table")
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation or quality"),
                                         self.tr("Arrival"), self.tr("Departure")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.verticalHeader().hide()
        rows = table.verticalHeader().defaultSectionSize()
        # One row at least: on a laptop screen the invitees list needs the height (the
        # splitter above lets the guests take more when there are many).
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 4)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        for column in (ARRIVAL, DEPARTURE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.guest_name, 2)
        row.addWidget(self.guest_org, 2)
        row.addWidget(self.add_guest_button)
        row.addSpacing(24)
        for button in (self.guest_arrival_button, self.guest_departure_button,
                       self.convert_guest_button, self.remove_guest_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.guests_table, 1)

    # -- content ---------------------------------------------------------------------

    def set_guests(self, entries: list[GuestEntry]) -> None:
        self.entries = list(entries)
        self._filling = True
        try:
            self.guests_table.setRowCount(len(self.entries))
            for row, entry in enumerate(self.entries):
                self._fill_row(row, entry)
        finally:
            self._filling = False

    def _fill_row(self, row: int, entry: GuestEntry) -> None:
        other = entry.organisation_name or entry.quality
        name = entry.name if entry.person_id is None else fill(self.tr("%1 (in the base)"),
                                                               entry.name)
        cells = [(name, True), (other, True), (fmt_time(entry.arrival_time), False),
                 (fmt_time(entry.departure_time), False)]
        for column, (text, editable) in enumerate(cells):
            item = QTableWidgetItem(text)
            if not editable or entry.person_id is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.guests_table.setItem(row, column, item)

    def current(self) -> GuestEntry | None:
        row = self.guests_table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _replace(self, entry: GuestEntry) -> None:
        row = next(i for i, e in enumerate(self.entries) if e.id == entry.id)
        self.entries[row] = entry
        self._filling = True
        try:
            self._fill_row(row, entry)
        finally:
            self._filling = False

    def _reload(self) -> None:
        with self._session_scope() as session:
            entries = checkin.guests(session, self._meeting_id)
        self.set_guests(entries)

    # -- actions ---------------------------------------------------------------------

    def _enter_in_name(self) -> None:
        if self.guest_org.text().strip():
            self.add_guest()
        else:
            self.guest_org.setFocus()

    def add_guest(self) -> None:
        name, other = self.guest_name.text(), self.guest_org.text()
        try:
            with self._session_scope() as session:
                checkin.add_guest(session, self._meeting_id, name, other)
            self._reload()
        except UserError as exc:
            show_user_error(self, self.tr("Add a guest"), exc)
            return
        self.guest_name.clear()
        self.guest_org.clear()
        self.guest_name.setFocus()
        self.guests_table.setCurrentCell(len(self.entries) - 1, NAME)
        self.guests_changed.emit()

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (NAME, ORGANISATION):
            return
        entry = self.entries[item.row()]
        name, other = self._cell(item.row(), NAME), self._cell(item.row(), ORGANISATION)
        try:
            with self._session_scope() as session:
                updated = checkin.update_guest(session, entry.id, name, other)
        except UserError as exc:
            show_user_error(self, self.tr("Edit a guest"), exc)
            self._replace(entry)  # back to what is stored
            return
        self._replace(updated)
        self.guests_changed.emit()

    def _cell(self, row: int, column: int) -> str:
        item = self.guests_table.item(row, column)
        return item.text() if item is not None else ""

    def note_time(self, *, arrival: bool) -> None:
        entry = self.current()
        if entry is None:
            return
        noted = self._noted_time()
        times = (noted, entry.departure_time) if arrival else (entry.arrival_time, noted)
        try:
            with self._session_scope() as session:
                updated = checkin.set_guest_times(session, entry.id, *times)
        except UserError as exc:
            show_user_error(self, self.tr("Guest times"), exc)
            return
        self._replace(updated)

    def remove_guest(self) -> None:
        entry = self.current()
        if entry is None:
            return
        question = fill(self.tr("Remove %1 from the guests of this meeting?"), entry.name)
        if not ask.confirm(self, self.tr("Remove a guest"), question):
            return
        try:
            with self._session_scope() as session:
                checkin.remove_guest(session, entry.id)
            self._reload()
        except UserError as exc:
            show_user_error(self, self.tr("Remove a guest"), exc)
            return
        self.guests_changed.emit()

    def convert_guest(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if entry.person_id is not None:
            ask.show_info(self, self.tr("Make a member"),
                          fill(self.tr("%1 is already linked to a person of the base."),
                               entry.name))
            return
        choice = ask_guest_conversion(self, entry)
        if choice is None:
            return
        try:
            with self._session_scope() as session:
                checkin.convert_guest_to_member(
                    session, entry.id, choice.college, seat=choice.seat,
                    last_name=choice.last_name, first_name=choice.first_name)
            self._reload()
        except UserError as exc:
            show_user_error(self, self.tr("Make a member"), exc)
            return
        self.members_changed.emit()

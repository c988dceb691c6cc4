"""The member form's pages that keep a history: *Statut* (dated status changes and
the promotion of a suppléant) and *Rôles* (with start and end dates).

Changes made here are kept in the page until the whole form is saved, in one
transaction; each is checked when it is added (by the same rules as the
service) so that a mistake is reported at once, next to the button.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import MemberStatus, Seat
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.council import Term
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.member_changes import (
    StatusChange,
    StatusEventRow,
    promotion_problem,
    status_change_problem,
)
from conseil_desktop.services.member_checks import read_day
from conseil_desktop.services.member_roles import RoleData, role_problem
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.member_form import combo, hint
from conseil_desktop.ui.projects.detail_tables import ReadOnlyTable
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit

ERROR_STYLE = "color: #b3261e;"


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class MemberStatusPage(QWidget):
    """The current status and seat, the dated history, and the buttons that add to it."""

    seat_changed = Signal(object)  # the Seat once the changes made here apply

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._history: list[StatusEventRow] = []
        self._status, self._seat = MemberStatus.ACTIVE, Seat.TITULAIRE
        self._since: date | None = None
        self.pending: list[StatusChange] = []
        self.current = QLabel(self)
        self.new_status = combo(self, dict(labels.MEMBER_STATUS))
        self.effective_on = OptionalDateEdit(self)
        self.effective_on.set_date(today)
        self.change_button = QPushButton(self.tr("&Change the status"), self)
        self.promote_button = QPushButton(self.tr("Become &titulaire"), self)
        self.message = error_label(self)
        self.history = ReadOnlyTable(["", "", "", ""], self, stretch=3)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Since"), self.tr("Status"), self.tr("Seat"), ""])
        self.history.setObjectName("member_status_history")
        self.forget_button = QPushButton(self.tr("&Forget the unsaved changes"), self)
        self.roles_note = hint("", self)
        self.roles_note.setObjectName("roles_note")
        self.roles_note.hide()
        self.new_member_note = hint(self.tr(
            "A new member is recorded as active from the day they joined. Status changes "
            "come later, once the member is saved."), self)
        self._build()
        self.change_button.clicked.connect(self.change_status)
        self.promote_button.clicked.connect(self.promote)
        self.forget_button.clicked.connect(self.forget)

    def _build(self) -> None:
        grid = QGridLayout()
        new_label = QLabel(self.tr("&New status:"), self)
        new_label.setBuddy(self.new_status)
        grid.addWidget(new_label, 0, 0)
        grid.addWidget(self.new_status, 0, 1)
        since = QLabel(self.tr("&From:"), self)
        since.setBuddy(self.effective_on)
        grid.addWidget(since, 0, 2)
        grid.addWidget(self.effective_on, 0, 3)
        grid.addWidget(self.change_button, 0, 4)
        grid.setColumnStretch(5, 1)
        top = QHBoxLayout()
        top.addWidget(self.current)
        top.addWidget(self.promote_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.forget_button)
        self.history_label = QLabel(self.tr("History (oldest first):"), self)
        self.editing = [self.current, self.promote_button, self.new_status, self.effective_on,
                        self.change_button, self.history_label, self.history,
                        self.forget_button, new_label, since]
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.new_member_note)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.roles_note)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def load(self, history: list[StatusEventRow], status: MemberStatus, since: date | None,
             seat: Seat, *, existing: bool) -> None:
        self._history, self._status, self._seat = list(history), status, seat
        self._since = since
        for widget in self.editing:
            widget.setVisible(existing)
        self.new_member_note.setVisible(not existing)
        self.forget()

    def remind_roles(self, role_labels: list[str]) -> None:
        """A reminder, never a block: a member who left still holds these roles."""
        if role_labels and self.status() != MemberStatus.ACTIVE:
            self.roles_note.setText(fill(self.tr(
                "Roles still held: %1. End them on the Roles page if the person has left "
                "them."), ", ".join(role_labels)))
            self.roles_note.show()
        else:
            self.roles_note.hide()

    # -- the state once the pending changes apply ----------------------------------------

    def status(self) -> MemberStatus:
        changed = [c.status for c in self.pending if c.status is not None]
        return changed[-1] if changed else self._status

    def seat(self) -> Seat:
        return Seat.TITULAIRE if any(c.is_promotion for c in self.pending) else self._seat

    def base_seat(self) -> Seat:
        """The seat before the pending changes (as saved, or as corrected)."""
        return self._seat

    def correct_seat(self, seat: Seat) -> None:
        """The seat corrected on the membership page: the joining entry says it too."""
        if seat != self._seat and not self.pending:
            self._seat = seat
            self._history = [replace(row, seat=seat) for row in self._history]
            self._refresh()

    def _last_change(self) -> date | None:
        days = [row.effective_on for row in self._history]
        days += [change.effective_on for change in self.pending]
        return max(days) if days else None

    # -- actions -----------------------------------------------------------------------

    def change_status(self) -> None:
        status = MemberStatus(self.new_status.currentData())
        self._add(lambda day: status_change_problem(
            self.status(), self._last_change(), status, day, self._today), status)

    def promote(self) -> None:
        self._add(lambda day: promotion_problem(
            self.seat(), self.status(), self._last_change(), day, self._today), None)

    def _add(self, problem_on: object, status: MemberStatus | None) -> None:
        try:
            day = read_day(self.effective_on.text(), self.tr("Effective date"))
            problem = problem_on(day)  # type: ignore[operator]
        except InvalidInputError as exc:
            problem = exc.message
        if problem:
            show_message(self.message, problem)
            self.effective_on.setFocus()
            return
        assert day is not None
        self.pending.append(StatusChange(day, status))
        self._refresh()

    def forget(self) -> None:
        self.pending.clear()
        self._refresh()

    def _refresh(self) -> None:
        show_message(self.message, "")
        status, seat = self.status(), self.seat()
        since = next((c.effective_on for c in reversed(self.pending) if c.status is not None),
                     self._since)
        if since is None:
            text = fill(self.tr("Current status: <b>%1</b> — <b>%2</b>"),
                        labels.MEMBER_STATUS[status], labels.SEAT[seat])
        else:
            text = fill(self.tr("Current status: <b>%1</b> since %2 — <b>%3</b>"),
                        labels.MEMBER_STATUS[status], fmt_date(since), labels.SEAT[seat])
        if self.pending:
            text += " " + self.tr("(once saved)")
        self.current.setText(text)
        self.promote_button.setVisible(self.current.isVisibleTo(self)
                                       and seat == Seat.SUPPLEANT)
        if self.new_status.currentData() == status:  # offer a change, not the same status
            self.new_status.setCurrentIndex((self.new_status.currentIndex() + 1)
                                            % self.new_status.count())
        self.forget_button.setEnabled(bool(self.pending))
        rows = [(fmt_date(r.effective_on), r.status_label, r.seat_label, "")
                for r in self._history]
        shown, seat_then = self._status, self._seat
        for change in self.pending:
            if change.status is not None:
                shown = change.status
            else:
                seat_then = Seat.TITULAIRE
            rows.append((fmt_date(change.effective_on), labels.MEMBER_STATUS[shown],
                         labels.SEAT[seat_then], self.tr("to be saved")))
        self.history.set_rows(rows)
        self._mark_pending(len(self._history))
        self.seat_changed.emit(seat)

    def _mark_pending(self, first: int) -> None:
        for row in range(first, self.history.rowCount()):
            for column in range(self.history.columnCount()):
                item = self.history.item(row, column)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)


class MemberRolesPage(QWidget):
    """Roles from the council's list, each with its dates: add, end, remove."""

    edited = Signal()  # the list of roles changed in the form

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._labels: dict[str, str] = {}
        self._loaded: list[RoleData] = []
        self.rows: list[RoleData] = []
        self.role = QComboBox(self)
        self.started_on = OptionalDateEdit(self)
        self.ended_on = OptionalDateEdit(self)
        self.add_button = QPushButton(self.tr("&Add the role"), self)
        self.table = ReadOnlyTable(["", "", ""], self, stretch=0)
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("From"), self.tr("To")])
        self.table.setObjectName("member_roles")
        self.end_on = OptionalDateEdit(self)
        self.end_on.set_date(today)
        self.end_button = QPushButton(self.tr("&End the selected role on"), self)
        self.remove_button = QPushButton(self.tr("&Remove the selected role"), self)
        self.remove_button.setToolTip(self.tr(
            "Only for a role entered by mistake: a role that ended stays in the history."))
        self.message = error_label(self)
        self._build()
        self.add_button.clicked.connect(self.add_role)
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _build(self) -> None:
        add = QHBoxLayout()
        for text, widget in ((self.tr("Role:"), self.role), (self.tr("from"), self.started_on),
                             (self.tr("to"), self.ended_on)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            add.addWidget(label)
            add.addWidget(widget)
        add.addWidget(self.add_button)
        add.addStretch(1)
        selected = QHBoxLayout()
        selected.addWidget(self.end_button)
        selected.addWidget(self.end_on)
        selected.addStretch(1)
        selected.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(add)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addLayout(selected)
        layout.addWidget(hint(self.tr(
            "The list of roles is set in Settings. Leave “to” empty for a role held today."),
            self))
        layout.addStretch(1)

    def load(self, roles: list[RoleData], role_labels: dict[str, str],
             active: list[Term]) -> None:
        self._labels = dict(role_labels)
        for term in active:
            self.role.addItem(term.label, term.code)
        self._loaded, self.rows = list(roles), list(roles)
        self._refresh()

    def changed(self) -> bool:
        return self.rows != self._loaded

    def label(self, code: str) -> str:
        return self._labels.get(code, code)

    def add_role(self) -> None:
        code = self.role.currentData()
        if code is None:
            show_message(self.message, self.tr("No role to choose: add roles in Settings."))
            return
        try:
            role = RoleData(code, read_day(self.started_on.text(), self.tr("Start")),
                            read_day(self.ended_on.text(), self.tr("End")))
        except InvalidInputError as exc:
            show_message(self.message, exc.message)
            return
        if not self._accept(role):
            return
        self.rows.append(role)
        self.started_on.clear()
        self.ended_on.clear()
        self._refresh()

    def end_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        role = self.rows[row]
        if role.ended_on is not None:
            show_message(self.message, fill(self.tr("This role already ended on %1."),
                                            fmt_date(role.ended_on)))
            return
        try:
            day = read_day(self.end_on.text(), self.tr("End"))
        except InvalidInputError as exc:
            show_message(self.message, exc.message)
            return
        if day is None:
            show_message(self.message, self.tr("Give the date on which the role ends."))
            return
        ended = replace(role, ended_on=day)
        if self._accept(ended):
            self.rows[row] = ended
            self._refresh()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            del self.rows[row]
            self._refresh()

    def _accept(self, role: RoleData) -> bool:
        problem = role_problem(role, self.label(role.role_code))
        if problem is None and role.ended_on is None and any(
                r.role_code == role.role_code and r.ended_on is None
                for r in self.rows if r is not role):
            problem = fill(self.tr("The member already holds the role “%1”."),
                           self.label(role.role_code))
        show_message(self.message, problem or "")
        return problem is None

    def _refresh(self) -> None:
        self.table.set_rows([(self.label(r.role_code), fmt_date(r.started_on),
                              fmt_date(r.ended_on) or self.tr("(current)")) for r in self.rows])
        self._selection_changed()
        self.edited.emit()

    def held(self) -> list[str]:
        """The roles without an end date, by their label."""
        return [self.label(r.role_code) for r in self.rows if r.ended_on is None]

    def _selection_changed(self) -> None:
        chosen = self.table.selectionModel().hasSelection() and self.table.currentRow() >= 0
        self.end_button.setEnabled(chosen)
        self.end_on.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

"""The check-in screen (*Émargement*): a large list of the invitees, numbered as on
the printed sign-in sheet, operated from the keyboard during the meeting or to
type a paper sheet in afterwards.

Typing any part of a name (or a number) in the search field jumps to the
person; Enter marks them present. In the list: P, Space or Enter present,
E excused, A absent, R represented (a picker of the other invitees), H arrival
and D departure at the noted time, Delete not recorded; any other letter goes
back to the search. The counter and the quorum are recomputed from the rows in
memory after each change; each change is written at once, in its own
transaction, and only the row concerned is updated from what the service
returns. So the window closes without a question: Ctrl+W, or Escape once no
search, walk-in name or proxy picker is under way (Escape clears or cancels
those first).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.db.models import AttendanceStatus
from conseil_desktop.errors import UserError
from conseil_desktop.services import checkin
from conseil_desktop.services.checkin import CheckinData, ProxyLimitExceeded
from conseil_desktop.services.formatting import fmt_time
from conseil_desktop.services.meeting_snapshot import (
    InviteeRow,
    count_attendance,
    quorum_count,
)
from conseil_desktop.ui import qt_fixes
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.dialogs.errors import show_user_error
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.checkin_model import (
    Col,
    shown_name,
    status_text,
)
from conseil_desktop.ui.meetings.checkin_view import CheckinView

SessionScope = Callable[[], AbstractContextManager[Session]]
REACHED_STYLE = "background:#1b5e20;color:white;padding:4px 12px;border-radius:4px;"
MISSED_STYLE = "background:#b00020;color:white;padding:4px 12px;border-radius:4px;"
NO_RULE_STYLE = "background:#546e7a;color:white;padding:4px 12px;border-radius:4px;"
STATUS_KEYS = {Qt.Key.Key_P: AttendanceStatus.PRESENT, Qt.Key.Key_Space: AttendanceStatus.PRESENT,
               Qt.Key.Key_Return: AttendanceStatus.PRESENT,
               Qt.Key.Key_Enter: AttendanceStatus.PRESENT,
               Qt.Key.Key_E: AttendanceStatus.EXCUSED, Qt.Key.Key_A: AttendanceStatus.ABSENT,
               Qt.Key.Key_Delete: AttendanceStatus.INVITED,
               Qt.Key.Key_Backspace: AttendanceStatus.INVITED}


def open_checkin(parent: QWidget | None, session_scope: SessionScope,
                 meeting_id: int) -> CheckinWindow | None:
    """Open (or bring forward) the check-in window of a meeting; None if it cannot load."""
    qt_fixes.install()  # done at start-up too; this screen makes many calls per person
    if parent is not None:
        for window in parent.findChildren(CheckinWindow):
            if window.meeting_id == meeting_id and window.isVisible():
                window.raise_()
                window.activateWindow()
                return window
    try:
        with session_scope() as session:
            data = checkin.load_checkin(session, meeting_id)
    except UserError as exc:
        show_user_error(parent, _title(), exc)
        return None
    window = CheckinWindow(session_scope, data, parent)
    switched = getattr(getattr(session_scope, "__self__", None), "switched", None)
    if switched is not None:  # another file opened: this meeting is not in it
        switched.connect(window.close)
    window.show()
    window.search.setFocus()
    return window


def _title() -> str:
    return QCoreApplication.translate("CheckinWindow", "Check-in")


class CheckinWindow(CheckinView):
    """A separate, non-modal window; every change is saved at once."""

    attendance_changed = Signal(int)  # the meeting id, after any change

    def __init__(self, session_scope: SessionScope, data: CheckinData,
                 parent: QWidget | None = None) -> None:
        super().__init__(session_scope, data, parent)
        self._matches: list[int] = []
        self._match_at = 0
        self.quorum_reached: bool | None = None
        self._connect()
        self._show_data(data)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.find_person)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.clicked.connect(self._clicked)
        for made, status in ((self.present_button, AttendanceStatus.PRESENT),
                             (self.excused_button, AttendanceStatus.EXCUSED),
                             (self.absent_button, AttendanceStatus.ABSENT),
                             (self.reset_button, AttendanceStatus.INVITED)):
            made.clicked.connect(lambda _=False, s=status: self.mark(s))
        self.proxy_button.clicked.connect(self.pick_proxy_holder)
        self.arrival_button.clicked.connect(lambda: self.note_time(arrival=True))
        self.departure_button.clicked.connect(lambda: self.note_time(arrival=False))
        self.reload_button.clicked.connect(self.reload)
        self.rest_absent_button.clicked.connect(self.mark_rest_absent)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.proxy_picker.chosen.connect(self.give_proxy)
        self.proxy_picker.cancelled.connect(self._picker_closed)
        self.guests.guests_changed.connect(self._guests_changed)
        self.guests.members_changed.connect(self.reload)

    # -- content -----------------------------------------------------------------------

    def _show_data(self, data: CheckinData) -> None:
        self.data = data
        self.model.set_rows(data.invitees)
        self.guests.set_guests(data.guests)
        self.refresh_counter()
        if self.model.rows and not self.table.currentIndex().isValid():
            self._go_to(0)

    def mark_rest_absent(self) -> None:
        """The meeting is over: those nobody marked are absent (asked first)."""
        left = sum(1 for row in self.model.rows if row.status is AttendanceStatus.INVITED)
        if not left:
            ask.show_info(self, _title(), self.tr("Every invitee is already marked."))
            return
        question = self.tr("Mark the %n invitee(s) not marked as absent?", "", left)
        if not ask.confirm(self, _title(), question):
            return
        try:
            with self._session_scope() as session:
                checkin.mark_unrecorded_absent(session, self.meeting_id)
        except UserError as exc:
            show_user_error(self, _title(), exc)
            return
        self.reload()
        self.attendance_changed.emit(self.meeting_id)

    def reload(self) -> None:
        """Read the meeting again (invitations may have changed in another window)."""
        current = self.current_row()
        keep = current.attendance_id if current else None
        try:
            with self._session_scope() as session:
                data = checkin.load_checkin(session, self.meeting_id)
        except UserError as exc:
            show_user_error(self, _title(), exc)
            return
        self._show_data(data)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self._go_to(row)

    def refresh_counter(self) -> None:
        rows = self.model.rows
        members = {r.person_id for r in rows}  # a guest who became a member counts once
        outside = sum(1 for g in self.guests.entries if g.person_id not in members)
        counts = count_attendance(rows, outside)
        represented = str(counts.represented)
        if counts.holder_absent:  # a proxy counts only once its holder is there
            represented = fill(self.tr("%1 (%2 not counted: holder absent)"),
                               counts.represented, counts.holder_absent)
        text = fill(self.tr("Present: %1 · Represented: %2 · Excused: %3 · Absent: %4 · "
                            "Expected: %5"), counts.present, represented, counts.excused,
                    counts.absent, counts.invited)
        if counts.guests:
            text += fill(self.tr(" · Guests: %1"), counts.guests)
        self.counter_label.setText(text)
        result = self.data.policy.evaluate(quorum_count(rows))
        self.quorum_label.setText(result.label())
        style = NO_RULE_STYLE if result.reached is None else (
            REACHED_STYLE if result.reached else MISSED_STYLE)
        self.quorum_label.setStyleSheet(style)
        self.quorum_reached = result.reached
        warnings = checkin.proxy_warnings(rows, self.data.max_proxies)
        self.warnings_label.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _guests_changed(self) -> None:
        self.refresh_counter()
        self.attendance_changed.emit(self.meeting_id)

    # -- finding -----------------------------------------------------------------------

    def find_person(self, text: str) -> None:
        """Jump to the first person whose name contains what is typed."""
        self._matches = self.model.matches(text)
        self._match_at = 0
        if self._matches:
            self._go_to(self._matches[0])
        elif text.strip():  # no one highlighted: a button or Enter must not mark a stale line
            self.table.setCurrentIndex(QModelIndex())
        self._show_hint(text)

    def _show_hint(self, text: str) -> None:
        if not text.strip():
            self.search_hint.setText("")
        elif not self._matches:
            self.search_hint.setText(self.tr("no name matches"))
        elif len(self._matches) == 1:
            self.search_hint.setText(self.tr("1 person"))
        else:
            self.search_hint.setText(fill(self.tr("%1 of %2 (↓ next)"), self._match_at + 1,
                                          len(self._matches)))

    def next_match(self, step: int) -> None:
        if not self._matches:
            return
        self._match_at = (self._match_at + step) % len(self._matches)
        self._go_to(self._matches[self._match_at])
        self._show_hint(self.search.text())

    def _go_to(self, row: int) -> None:
        index = self.model.index(row, Col.NAME)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _forget_search(self) -> None:
        """After a change the next name typed starts a new search (the list stays put)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._matches = []
        self._show_hint("")

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_row(self) -> InviteeRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # -- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search:
                return self._search_key(event)
            if watched is self.table:
                return self._table_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.search.text().strip() and self._matches:
                self.mark(AttendanceStatus.PRESENT, advance=False)
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self._matches:
                self.next_match(1 if key == Qt.Key.Key_Down else -1)
            else:
                self.table.setFocus()
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False  # Escape with nothing typed: on to the window, which closes

    def _table_key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False  # Alt+letter mnemonics, Ctrl+F... work as usual
        if key in STATUS_KEYS:
            self.mark(STATUS_KEYS[key])
            return True
        if key == Qt.Key.Key_R:
            self.pick_proxy_holder()
            return True
        if key in (Qt.Key.Key_H, Qt.Key.Key_D):
            self.note_time(arrival=key == Qt.Key.Key_H)
            return True
        text = event.text()
        if text and (text.isalnum() or text in "-' "):
            self.search.setFocus()
            self.search.setText(text)  # type-ahead: the letter starts a new search
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape, from wherever no one took it: cancel the picker, clear a walk-in's
        typed name, else close (every change is already written)."""
        if event.key() != Qt.Key.Key_Escape or event.modifiers():
            super().keyPressEvent(event)
        elif self.proxy_picker.isVisible():
            self.proxy_picker.cancel()
        elif (typed := [f for f in (self.guests.guest_name, self.guests.guest_org)
                        if f.text()]):
            for field in typed:
                field.clear()
        else:
            self.close()

    def _clicked(self, index: QModelIndex) -> None:
        """One click on the status cell marks the person present."""
        if index.column() == Col.STATUS and self.model.rows[index.row()].status is not (
                AttendanceStatus.PRESENT):
            self.mark(AttendanceStatus.PRESENT, advance=False)

    # -- changes -----------------------------------------------------------------------

    def mark(self, status: AttendanceStatus, *, advance: bool | None = None) -> None:
        """Record the status of the current person. From the list (``advance`` None and
        the list has the keyboard), go to the next line, as when typing a paper sheet."""
        if advance is None:
            advance = self.table.hasFocus()
        row = self.current_row()
        if row is None:
            return
        try:
            with self._session_scope() as session:
                state = checkin.set_status(session, row.attendance_id, status)
        except UserError as exc:
            show_user_error(self, _title(), exc)
            return
        self._applied(state, fill(self.tr("No. %1 %2: %3"), row.number, shown_name(row),
                                  status_text(status)))
        position = self.model.row_of(row.attendance_id)
        if advance and position is not None and position + 1 < len(self.model.rows):
            self._go_to(position + 1)

    def note_time(self, *, arrival: bool) -> None:
        row = self.current_row()
        if row is None:
            return
        at = self.noted_time.value()
        try:
            with self._session_scope() as session:
                if arrival:
                    state = checkin.set_arrival(session, row.attendance_id, at)
                else:
                    state = checkin.set_departure(session, row.attendance_id, at)
        except UserError as exc:
            show_user_error(self, _title(), exc)
            return
        template = self.tr("No. %1 %2: arrived at %3") if arrival else self.tr(
            "No. %1 %2: left at %3")
        self._applied(state, fill(template, row.number, shown_name(row), fmt_time(at)))

    def pick_proxy_holder(self) -> None:
        row = self.current_row()
        if row is None:
            return
        carried = {holder: len(self.model.carried_by(holder))
                   for holder in {r.proxy_holder_id for r in self.model.rows}
                   if holder is not None}
        self.table.hide()  # the picker takes the list's room while it is open
        self.proxy_picker.start(row, self.model.rows, carried)

    def _picker_closed(self) -> None:
        self.table.show()
        self.table.setFocus()
        index = self.table.currentIndex()
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def give_proxy(self, attendance_id: int, holder_person_id: int) -> None:
        row_index = self.model.row_of(attendance_id)
        if row_index is None:
            return
        row = self.model.rows[row_index]
        self._picker_closed()
        outcome = self._record_proxy(attendance_id, holder_person_id)
        if outcome is None:
            return
        message = fill(self.tr("No. %1 %2: represented by %3"), row.number, shown_name(row),
                       outcome.state.proxy_holder_name)
        self._applied(outcome.state, message)

    def _record_proxy(self, attendance_id: int,
                      holder_person_id: int) -> checkin.ProxyOutcome | None:
        title = self.tr("Proxy")
        try:
            try:
                with self._session_scope() as session:
                    return checkin.give_proxy(session, attendance_id, holder_person_id)
            except ProxyLimitExceeded as over:
                question = fill(self.tr("%1\n\nRecord this proxy anyway, as an exception to "
                                        "the rules?"), over.message)
                if not ask.confirm(self, self.tr("Too many proxies"), question):
                    self._say_not_recorded(attendance_id)
                    return None
                with self._session_scope() as session:
                    return checkin.give_proxy(session, attendance_id, holder_person_id,
                                              allow_exception=True)
        except UserError as exc:
            show_user_error(self, title, exc)
            return None

    def _say_not_recorded(self, attendance_id: int) -> None:
        position = self.model.row_of(attendance_id)
        if position is not None:
            row = self.model.rows[position]
            self.message_label.setText(fill(self.tr("No. %1 %2: proxy not recorded"),
                                            row.number, shown_name(row)))

    def _applied(self, state: checkin.AttendanceState, message: str) -> None:
        if self.proxy_picker.isVisible():  # a status button pressed while picking
            self.proxy_picker.close_picker()
            self._picker_closed()
        self.model.apply(state)
        self.refresh_counter()
        self.message_label.setText(message)
        self._forget_search()
        self.attendance_changed.emit(self.meeting_id)

"""Parts of the check-in screen: the proxy-holder picker and the noted-time field.

The picker is a panel inside the window, not a dialog: *R* opens it, typing a
part of a name filters the invitees, Up/Down move, Enter chooses, Escape
cancels. It never blocks the screen.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import AttendanceStatus
from conseil_desktop.services.meeting_snapshot import InviteeRow
from conseil_desktop.services.text import fold
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.checkin_model import shown_name, status_text

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class ProxyPicker(QFrame):
    """Chooses who carries the proxy of one invitee, among the other invitees."""

    chosen = Signal(int, int)  # the giver's attendance id, the holder's person id
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proxy_picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.giver: InviteeRow | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.search = QLineEdit(self)
        self.search.setObjectName("proxy_search")
        self.search.setPlaceholderText(self.tr("Type part of the proxy holder's name"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("proxy_list")
        self.list.setMinimumHeight(160)
        self.choose_button = QPushButton(self.tr("Give the proxy"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Enter: choose · Escape: cancel"), self), 1)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.choose())
        self.choose_button.clicked.connect(self.choose)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def start(self, giver: InviteeRow, rows: list[InviteeRow],
              carried: dict[int, int]) -> None:
        """Offer every other invitee who has not given a proxy themselves.

        ``carried``: how many proxies each person (id) already carries.
        """
        self.giver = giver
        self.title.setText(fill(self.tr("Proxy of %1 (no. %2) given to:"),
                                shown_name(giver), giver.number))
        self.list.clear()
        for row in rows:
            if row.person_id == giver.person_id or row.status is AttendanceStatus.REPRESENTED:
                continue
            item = QListWidgetItem(self._describe(row, carried.get(row.person_id, 0)))
            item.setData(PERSON_ROLE, row.person_id)
            item.setData(Qt.ItemDataRole.UserRole, row.search_key)
            self.list.addItem(item)
        self.search.clear()
        self._filter("")
        self.show()
        self.search.setFocus()

    def _describe(self, row: InviteeRow, carried: int) -> str:
        text = f"{row.number} · {shown_name(row)}"
        if row.status is not AttendanceStatus.INVITED:
            text += f" — {status_text(row.status)}"
        if carried == 1:
            text += self.tr(", already carries 1 proxy")
        elif carried > 1:
            text += fill(self.tr(", already carries %1 proxies"), carried)
        return text

    def candidates(self) -> list[int]:
        """The person ids offered for the text typed, in order."""
        return [int(self.list.item(i).data(PERSON_ROLE)) for i in range(self.list.count())
                if not self.list.item(i).isHidden()]

    def _filter(self, text: str) -> None:
        terms = fold(text).split()
        first: QListWidgetItem | None = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = str(item.data(Qt.ItemDataRole.UserRole))
            visible = all(term in key for term in terms)
            item.setHidden(not visible)
            if visible and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentRow(-1)

    def choose(self) -> None:
        item = self.list.currentItem()
        if self.giver is None or item is None or item.isHidden():
            return
        giver = self.giver
        self.close_picker()
        self.chosen.emit(giver.attendance_id, int(item.data(PERSON_ROLE)))

    def cancel(self) -> None:
        self.close_picker()
        self.cancelled.emit()

    def close_picker(self) -> None:
        self.giver = None
        self.hide()

    def _move(self, step: int) -> None:
        rows = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        position = rows.index(current) if current in rows else -1
        self.list.setCurrentRow(rows[max(0, min(len(rows) - 1, position + step))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)


class NotedTime(QWidget):
    """The time an arrival or a departure is noted at: the clock during a live
    meeting, or a time typed (from a paper sheet) that then stays until
    *Maintenant* is pressed."""

    def __init__(self, follow_clock: bool, start: time | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTimeEdit(self)
        self.edit.setObjectName("time_edit")
        self.edit.setDisplayFormat("HH:mm")
        self.now_button = QPushButton(self.tr("Now"), self)
        self.now_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Time noted:"), self))
        layout.addWidget(self.edit)
        layout.addWidget(self.now_button)
        self.following = follow_clock
        self._timer = QTimer(self)
        self._timer.setInterval(10_000)
        self._timer.timeout.connect(self._tick)
        self._setting = False
        if follow_clock:
            self.follow()
        elif start is not None:
            self._set(start)
        self.edit.timeChanged.connect(self._typed)
        self.now_button.clicked.connect(self.follow)

    def follow(self) -> None:
        self.following = True
        self._tick()
        self._timer.start()

    def value(self) -> time:
        if self.following:
            self._tick()
        shown = self.edit.time()
        return time(shown.hour(), shown.minute())

    def set_value(self, value: time) -> None:
        """A time typed by the user: it stays until *Maintenant*."""
        self.edit.setTime(QTime(value.hour, value.minute))

    def _tick(self) -> None:
        self._set(datetime.now().time())

    def _set(self, value: time) -> None:
        self._setting = True
        try:
            self.edit.setTime(QTime(value.hour, value.minute))
        finally:
            self._setting = False

    def _typed(self, _value: QTime) -> None:
        if not self._setting:
            self.following = False
            self._timer.stop()

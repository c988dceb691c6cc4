"""Small inputs of the meeting screens: an optional time, a date with a
calendar, and a list of members chosen by typing a few letters."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_time
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.ui.projects.lookup import LookupEdit, Search

ID_ROLE = Qt.ItemDataRole.UserRole
FRAME_ALLOWANCE = 48  # the title bar and borders the window manager adds
_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?\s*$", re.IGNORECASE)


def parse_time(text: str) -> dt.time | None:
    """``18:30``, ``18h30``, ``18 h 30``, ``18h`` or ``18``; None when blank;
    ``ValueError`` when it is not a time."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match is None:
        raise ValueError(text)
    return dt.time(int(match[1]), int(match[2] or 0))  # ValueError when out of range


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred``, shrunk to the screen's free area with room for the title bar (a
    1366 x 768 laptop has about 728 pixels under its task bar)."""
    return QSize(min(preferred.width(), available.width()),
                 min(preferred.height(), available.height() - FRAME_ALLOWANCE))


def resize_to_fit(window: QWidget, preferred: QSize, parent: QWidget | None) -> None:
    """Give a new window its preferred size, or what its screen can show of it."""
    screen = (parent.screen() if parent is not None else None) \
        or QGuiApplication.primaryScreen()
    window.resize(fitted_size(preferred, screen.availableGeometry().size())
                  if screen is not None else preferred)


def show_note(label: QLabel, text: str | None) -> None:
    """Show ``text`` in a form's warning line, or hide the line; once hidden, the form
    gives its room back (it grew to show the line, then kept that height, spread as
    gaps between the rows)."""
    was_shown = label.isVisibleTo(label.window())
    label.setText(text or "")
    label.setVisible(bool(text))
    form = label.window()
    layout = form.layout()
    if not was_shown or text or not form.isVisible() or layout is None:
        return
    layout.activate()  # the layout lets the form grow, never shrinks it
    natural = form.sizeHint().height()
    if form.height() > natural:
        form.resize(form.width(), natural)


class _EnterStaysHere(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and isinstance(watched, QLineEdit):
            watched.returnPressed.emit()
            return True
        return super().eventFilter(watched, event)


def keep_enter(edit: QLineEdit) -> None:
    """Enter in ``edit`` (a name lookup) only chooses the name: it does not go on to
    press the dialog's default button."""
    edit.installEventFilter(_EnterStaysHere(edit))


class TimeEdit(QLineEdit):
    """A time typed as 18:30 or 18 h 30, or left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00 h 000") + 40)

    def time(self) -> dt.time | None:
        return parse_time(self.text())

    def set_time(self, value: dt.time | None) -> None:
        self.setText(fmt_time(value))


class DateEdit(QDateEdit):
    """A required date, with a calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.set_date(dt.date.today())

    def date_value(self) -> dt.date:
        value = self.date()
        return dt.date(value.year(), value.month(), value.day())

    def set_date(self, value: dt.date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class PeopleList(QWidget):
    """People chosen one by one: type a few letters, Enter or a click adds."""

    changed = Signal()

    def __init__(self, search: Search, parent: QWidget | None = None, *,
                 rows: int = 2) -> None:
        super().__init__(parent)
        self.people = QListWidget(self)
        self.people.setMaximumHeight(self.fontMetrics().lineSpacing() * rows + 16)
        self.lookup = LookupEdit(search, self)
        self.lookup.setPlaceholderText(self.tr("type a few letters of the name, then Enter"))
        keep_enter(self.lookup)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.lookup, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.people)
        layout.addLayout(row)
        self.lookup.returnPressed.connect(self.add_typed)
        self.lookup.picked.connect(lambda pick: pick is not None and self.add_typed())
        self.remove_button.clicked.connect(self.remove_current)
        self.people.currentRowChanged.connect(self._enable)
        self._enable()

    def set_people(self, people: list[tuple[int, str]]) -> None:
        self.people.clear()
        for person_id, label in people:
            self.add_person(person_id, label)

    def add_person(self, person_id: int, label: str) -> None:
        if person_id in self.person_ids():
            return
        item = QListWidgetItem(label, self.people)
        item.setData(ID_ROLE, person_id)
        self._enable()
        self.changed.emit()

    def add_typed(self) -> bool:
        """Add the person typed; False (and the candidates shown) if not found."""
        pick: Pick | None = self.lookup.resolved()
        if pick is None:
            self.lookup.show_suggestions()
            return False
        self.add_person(pick.id, pick.label)
        self.lookup.set_pick(None)
        return True

    def remove_current(self) -> None:
        row = self.people.currentRow()
        if row >= 0:
            self.people.takeItem(row)
            self.changed.emit()
        self._enable()

    def person_ids(self) -> list[int]:
        return [self.people.item(i).data(ID_ROLE) for i in range(self.people.count())]

    def labels(self) -> list[str]:
        return [self.people.item(i).text() for i in range(self.people.count())]

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.people.currentRow() >= 0)

"""The widgets of the check-in screen and their layout, large enough to be read
from a distance (the behaviour is in :mod:`.checkin`)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.services.checkin import CheckinData
from conseil_desktop.services.formatting import fmt_date_words, fmt_time
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.checkin_guests import GuestPanel
from conseil_desktop.ui.meetings.checkin_model import CheckinModel, Col
from conseil_desktop.ui.meetings.checkin_widgets import NotedTime, ProxyPicker
from conseil_desktop.ui.meetings.widgets import resize_to_fit

SessionScope = Callable[[], AbstractContextManager[Session]]
BASE_POINTS = 16  # readable from a distance
PREFERRED_SIZE = QSize(1280, 800)


class CheckinView(QWidget):
    """A separate window (not modal) holding every widget of the screen."""

    def __init__(self, session_scope: SessionScope, data: CheckinData,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._session_scope = session_scope
        self.meeting_id = data.meeting_id
        self.data = data
        font = QFont(self.font())
        font.setPointSizeF(max(float(BASE_POINTS), font.pointSizeF()))
        self.setFont(font)
        self.model = CheckinModel(self)
        self._build(data)
        resize_to_fit(self, PREFERRED_SIZE, parent)

    # -- building ----------------------------------------------------------------------

    def _build(self, data: CheckinData) -> None:
        self.setWindowTitle(fill(self.tr("Check-in: %1"), data.title))
        self.title_label = QLabel(self._heading(data), self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("counter_label")
        self.quorum_label = QLabel(self)
        self.quorum_label.setObjectName("quorum_label")
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color:#8a4b00;")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("message_label")
        for label, scale in ((self.title_label, 1.1), (self.counter_label, 1.1),
                             (self.quorum_label, 1.3)):
            big = QFont(self.font())
            big.setPointSizeF(self.font().pointSizeF() * scale)
            big.setBold(True)
            label.setFont(big)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Type part of a name or a number, then Enter to mark present"))
        self.search.setClearButtonEnabled(True)
        self.search_hint = QLabel(self)
        self.table = self._make_table()
        self.proxy_picker = ProxyPicker(self)
        follow = data.date >= date.today()
        self.noted_time = NotedTime(follow, data.start_time, self)
        self.time_edit = self.noted_time.edit
        self._make_buttons()
        self.guests = GuestPanel(self._session_scope, data.meeting_id, self.noted_time.value,
                                 self)
        self._lay_out()
        self._tab_order()

    def _heading(self, data: CheckinData) -> str:
        when = fmt_date_words(data.date)
        if data.start_time is not None:
            when = fill(self.tr("%1 at %2"), when, fmt_time(data.start_time))
        parts = [data.title, when] + ([data.place] if data.place else [])
        heading = " — ".join(parts)
        return fill(self.tr("%1 (cancelled)"), heading) if data.cancelled else heading

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        metrics = table.fontMetrics()
        table.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.5))
        header = table.horizontalHeader()
        widths = {Col.NUMBER: "0000", Col.COLLEGE: "Collège / structure",
                  Col.STATUS: "Représenté", Col.ARRIVAL: "00 h 00", Col.DEPARTURE: "00 h 00"}
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(Col.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Col.PROXY, QHeaderView.ResizeMode.Stretch)
        return table

    def _make_buttons(self) -> None:
        def button(text: str) -> QPushButton:
            made = QPushButton(text, self)
            made.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays where it was
            return made

        self.present_button = button(self.tr("&Present (P)"))
        self.excused_button = button(self.tr("&Excused (E)"))
        self.absent_button = button(self.tr("&Absent (A)"))
        self.proxy_button = button(self.tr("&Represented by… (R)"))
        self.arrival_button = button(self.tr("Arrival (&H)"))
        self.departure_button = button(self.tr("&Departure (D)"))
        self.reset_button = button(self.tr("&Clear (Del)"))
        self.reload_button = button(self.tr("Reload (F5)"))
        self.rest_absent_button = button(self.tr("Unmarked → absent…"))
        self.rest_absent_button.setToolTip(self.tr(
            "At the end of the meeting: mark absent every invitee still not marked"))

    def _lay_out(self) -> None:
        self.counter_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.counter_label, 1)
        top.addWidget(self.quorum_label, 0, Qt.AlignmentFlag.AlignTop)
        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(self.tr("Find:"), self))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_hint)
        search_row.addSpacing(24)
        search_row.addWidget(self.noted_time)
        search_row.addWidget(self.rest_absent_button)
        buttons = QHBoxLayout()
        for made in (self.present_button, self.excused_button, self.absent_button,
                     self.proxy_button, self.reset_button):
            buttons.addWidget(made)
        buttons.addSpacing(24)
        buttons.addWidget(self.arrival_button)
        buttons.addWidget(self.departure_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.proxy_picker)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.guests)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.warnings_label)
        layout.addLayout(search_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message_label)

    def _tab_order(self) -> None:
        """Search, list, then the walk-in fields and guests, then the noted time."""
        panel = self.guests
        chain = [self.search, self.table, panel.guest_name, panel.guest_org,
                 panel.add_guest_button, panel.guests_table, panel.guest_arrival_button,
                 panel.guest_departure_button, panel.convert_guest_button,
                 panel.remove_guest_button, self.time_edit]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

"""The search field and the filters above the members list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from conseil_desktop.db.models import College, MemberStatus, Seat
from conseil_desktop.services import labels
from conseil_desktop.services.council import Term
from conseil_desktop.services.member_filter import (
    ACTIVE_ONLY,
    ANY_ROLE,
    FORMER,
    MemberFilters,
)

COMBO_MINIMUM_CHARACTERS = 6  # long labels are elided; the tooltip names the filter


class MemberFilterBar(QWidget):
    search_changed = Signal(str)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText(
            self.tr("Search a name, an e-mail, a phone, an organisation…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.college = self._combo("college_filter", self.tr("College"))
        self.status = self._combo("status_filter", self.tr("Status"))
        self.seat = self._combo("seat_filter", self.tr("Titulaire / suppléant"))
        self.role = self._combo("role_filter", self.tr("Role"))
        self.archived = QCheckBox(self.tr("Archived"), self)
        self.archived.setObjectName("archived_filter")
        self.archived.setToolTip(self.tr("Also show the archived members"))
        self.college.addItem(self.tr("All colleges"), None)
        for college in College:
            self.college.addItem(labels.COLLEGE[college], college.value)
        self.status.addItem(self.tr("Active"), "active")
        self.status.addItem(self.tr("Former members"), "former")
        for status in MemberStatus:
            if status is not MemberStatus.ACTIVE:
                self.status.addItem(labels.MEMBER_STATUS[status], status.value)
        self.status.addItem(self.tr("All statuses"), None)
        self.seat.addItem(self.tr("Titulaires and suppléants"), None)
        self.seat.addItem(self.tr("Titulaires"), Seat.TITULAIRE.value)
        self.seat.addItem(self.tr("Suppléants"), Seat.SUPPLEANT.value)
        self.set_roles([])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)  # as wide as a filter: at 1,100 pixels they read whole
        for combo in (self.college, self.status, self.seat, self.role):
            layout.addWidget(combo, 1)  # the room left is shared: labels show whole
            combo.currentIndexChanged.connect(self.filters_changed)
        layout.addWidget(self.archived)
        self.archived.toggled.connect(self._archived_toggled)
        self.search.textChanged.connect(self.search_changed)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def _archived_toggled(self, checked: bool) -> None:
        """Archived members are former members: ticking the box while only the active
        ones are listed would show nothing more, so every status is listed then."""
        if checked and self.status.currentData() == "active":
            self.status.blockSignals(True)
            self.status.setCurrentIndex(self.status.findData(None))
            self.status.blockSignals(False)
        self.filters_changed.emit()

    def set_roles(self, roles: list[Term]) -> None:
        """Refill the roles, keeping the one chosen when it is still offered."""
        combo = self.role
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("All roles"), None)
            combo.addItem(self.tr("With a role"), ANY_ROLE)
            for term in roles:
                combo.addItem(term.label, term.code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        finally:
            combo.blockSignals(False)

    def filters(self) -> MemberFilters:
        status = self.status.currentData()
        if status == "active":
            statuses: frozenset[MemberStatus] | None = ACTIVE_ONLY
        elif status == "former":
            statuses = FORMER
        else:
            statuses = frozenset({MemberStatus(status)}) if status else None
        college, seat = self.college.currentData(), self.seat.currentData()
        return MemberFilters(
            college=College(college) if college else None, statuses=statuses,
            seat=Seat(seat) if seat else None, role=self.role.currentData(),
            show_archived=self.archived.isChecked())

    def is_default(self) -> bool:
        return self.filters() == MemberFilters()

    def show_everyone(self) -> None:
        """Every member, archived ones included, and no search (one signal each)."""
        for combo, index in ((self.college, 0), (self.seat, 0), (self.role, 0),
                             (self.status, self.status.findData(None))):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.archived.blockSignals(True)
        self.archived.setChecked(True)
        self.archived.blockSignals(False)
        self.search.clear()
        self.filters_changed.emit()

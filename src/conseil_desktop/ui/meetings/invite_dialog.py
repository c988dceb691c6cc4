"""Who is invited: all active members, one college, the titulaires, or a list
picked by hand in a searchable checklist (the people already invited are
ticked). Re-inviting keeps whatever attendance was already recorded."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import College
from conseil_desktop.services.invitations import InviteScope
from conseil_desktop.services.labels import COLLEGE_LONG
from conseil_desktop.services.text import fold
from conseil_desktop.ui.i18n import fill

ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class InviteChoice:
    scope: InviteScope
    college: College | None = None
    person_ids: tuple[int, ...] = field(default_factory=tuple)


class InviteDialog(QDialog):
    def __init__(self, choices: list[tuple[int, str]], invited: set[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Invitations"))
        self.setMinimumSize(520, 560)
        self.result_value: InviteChoice | None = None
        self.scopes = QButtonGroup(self)
        self.radios: dict[InviteScope, QRadioButton] = {}
        texts = {InviteScope.ALL_ACTIVE: self.tr("&All active members"),
                 InviteScope.COLLEGE: self.tr("One &college:"),
                 InviteScope.TITULAIRES: self.tr("&Titulaires only"),
                 InviteScope.CHOSEN: self.tr("A list &picked by hand:")}
        for scope, text in texts.items():
            radio = QRadioButton(text, self)
            radio.setObjectName(f"scope_{scope.name.lower()}")
            self.radios[scope] = radio
            self.scopes.addButton(radio)
        self.college = QComboBox(self)
        self.college.setObjectName("invite_college")
        for college, label in COLLEGE_LONG.items():
            self.college.addItem(label, college)
        self.search = QLineEdit(self)
        self.search.setObjectName("invite_search")
        self.search.setPlaceholderText(self.tr("Search a name…"))
        self.search.setClearButtonEnabled(True)
        self.people = QListWidget(self)
        self.people.setObjectName("invite_people")
        self.ticked_label = QLabel(self)
        self.tick_shown = QPushButton(self.tr("Tick those shown"), self)
        self.untick_shown = QPushButton(self.tr("Untick those shown"), self)
        self._fill(choices, invited)
        self._build()
        self.radios[InviteScope.CHOSEN if invited else InviteScope.ALL_ACTIVE].setChecked(True)
        self._scope_changed()

    def _fill(self, choices: list[tuple[int, str]], invited: set[int]) -> None:
        self.people.setUpdatesEnabled(False)
        for person_id, label in choices:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, person_id)
            item.setData(KEY_ROLE, fold(label))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id in invited
                               else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.setUpdatesEnabled(True)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.radios[InviteScope.ALL_ACTIVE])
        college_row = QHBoxLayout()
        college_row.addWidget(self.radios[InviteScope.COLLEGE])
        college_row.addWidget(self.college, 1)
        layout.addLayout(college_row)
        layout.addWidget(self.radios[InviteScope.TITULAIRES])
        layout.addWidget(self.radios[InviteScope.CHOSEN])
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(self.ticked_label, 1)
        ticks.addWidget(self.tick_shown)
        ticks.addWidget(self.untick_shown)
        layout.addLayout(ticks)
        note = QLabel(self.tr("Attendance already recorded is kept: only invitations with "
                              "nothing recorded are removed."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Invite"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.scopes.buttonToggled.connect(lambda _b, _on: self._scope_changed())
        self.search.textChanged.connect(self.filter_people)
        self.people.itemChanged.connect(lambda _item: self._count_ticked())
        self.tick_shown.clicked.connect(lambda: self._tick_shown(Qt.CheckState.Checked))
        self.untick_shown.clicked.connect(lambda: self._tick_shown(Qt.CheckState.Unchecked))

    def scope(self) -> InviteScope:
        return next(scope for scope, radio in self.radios.items() if radio.isChecked())

    def _scope_changed(self) -> None:
        chosen = self.scope() is InviteScope.CHOSEN
        for widget in (self.search, self.people, self.tick_shown, self.untick_shown,
                       self.ticked_label):
            widget.setEnabled(chosen)
        self.college.setEnabled(self.scope() is InviteScope.COLLEGE)
        self._count_ticked()

    def filter_people(self, text: str) -> None:
        """Show the names holding every word typed (accents and case ignored)."""
        terms = fold(text).split()
        for row in range(self.people.count()):
            item = self.people.item(row)
            key = item.data(KEY_ROLE)
            item.setHidden(not all(term in key for term in terms))

    def _tick_shown(self, state: Qt.CheckState) -> None:
        for row in range(self.people.count()):
            item = self.people.item(row)
            if not item.isHidden():
                item.setCheckState(state)

    def ticked_ids(self) -> list[int]:
        items = (self.people.item(row) for row in range(self.people.count()))
        return [item.data(ID_ROLE) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _count_ticked(self) -> None:
        self.ticked_label.setText(fill(self.tr("%1 ticked"), len(self.ticked_ids())))

    def collected(self) -> InviteChoice:
        scope = self.scope()
        if scope is InviteScope.COLLEGE:
            return InviteChoice(scope, College(self.college.currentData()))
        if scope is InviteScope.CHOSEN:
            return InviteChoice(scope, person_ids=tuple(self.ticked_ids()))
        return InviteChoice(scope)

    def save(self) -> None:
        self.result_value = self.collected()
        self.accept()


def ask_invitation(parent: QWidget | None, choices: list[tuple[int, str]],
                   invited: set[int]) -> InviteChoice | None:
    """Whom to invite, or None when cancelled."""
    dialog = InviteDialog(choices, invited, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        return None
    finally:
        dialog.deleteLater()

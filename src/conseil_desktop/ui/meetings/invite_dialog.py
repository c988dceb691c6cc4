"""Who is invited: all active members, one college, the titulaires, or a list
picked by hand in a searchable checklist (the people already invited are
ticked). Re-inviting keeps whatever attendance was already recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import College
from conseil_desktop.services.invitations import InviteScope
from conseil_desktop.services.labels import COLLEGE_LONG
from conseil_desktop.services.text import fold
from conseil_desktop.ui.dialogs.form_dialog import FormDialog

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class InviteChoice:
    scope: InviteScope
    college: College | None = None
    person_ids: tuple[int, ...] = field(default_factory=tuple)


class ChecklistModel(QAbstractListModel):
    """Members with a tick each: plain lists and a set, so that 100,000 names load and
    filter at once (a QListWidget item per name takes seconds)."""

    def __init__(self, choices: list[tuple[int, str]], ticked: set[int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = [person_id for person_id, _label in choices]
        self._labels = [label for _person_id, label in choices]
        self._keys: list[str] = []  # folded labels, built at the first search
        self._shown = list(range(len(self._ids)))
        self.ticked = {person_id for person_id in self._ids if person_id in ticked}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels[position]
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if self._ids[position] in self.ticked
                    else Qt.CheckState.Unchecked)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        person_id = self._ids[self._shown[index.row()]]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(person_id)
        else:
            self.ticked.discard(person_id)
        self.dataChanged.emit(index, index, [role])
        return True

    def filter(self, text: str) -> None:
        """Show the names holding every word typed (accents and case ignored)."""
        terms = fold(text).split()
        if terms:
            self.prepare_search()
        self.beginResetModel()
        if terms:
            keys = self._keys
            self._shown = [i for i in range(len(self._ids))
                           if all(term in keys[i] for term in terms)]
        else:
            self._shown = list(range(len(self._ids)))
        self.endResetModel()

    def prepare_search(self) -> None:
        """Fold the names once (done when the dialog is idle, before the first key)."""
        if not self._keys:
            self._keys = [fold(label) for label in self._labels]

    def shown_ids(self) -> list[int]:
        return [self._ids[i] for i in self._shown]

    def tick_shown(self, ticked: bool) -> None:
        shown = self.shown_ids()
        if ticked:
            self.ticked.update(shown)
        else:
            self.ticked.difference_update(shown)
        if shown:
            self.dataChanged.emit(self.index(0), self.index(len(shown) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])

    def ticked_ids(self) -> list[int]:
        """The ticked people, in the order of the list."""
        return [person_id for person_id in self._ids if person_id in self.ticked]


class InviteDialog(FormDialog):
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
        self.model = ChecklistModel(choices, invited, self)
        self.people = QListView(self)
        self.people.setObjectName("invite_people")
        self.people.setUniformItemSizes(True)
        self.people.setModel(self.model)
        self.ticked_label = QLabel(self)
        self.tick_shown = QPushButton(self.tr("Tick those shown"), self)
        self.untick_shown = QPushButton(self.tr("Untick those shown"), self)
        self._build()
        QTimer.singleShot(0, self.model.prepare_search)
        self.radios[InviteScope.CHOSEN if invited else InviteScope.ALL_ACTIVE].setChecked(True)
        self._scope_changed()
        self.remember_state()

    def form_state(self) -> tuple[object, ...]:
        """The choice, not the search typed to find names: thirty names ticked by hand
        are not lost to Échap without a question."""
        return (self.scope(), self.college.currentIndex(), frozenset(self.model.ticked))

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
        self.model.dataChanged.connect(lambda *_args: self._count_ticked())
        self.tick_shown.clicked.connect(lambda: self.model.tick_shown(True))
        self.untick_shown.clicked.connect(lambda: self.model.tick_shown(False))

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
        self.model.filter(text)

    def ticked_ids(self) -> list[int]:
        return self.model.ticked_ids()

    def _count_ticked(self) -> None:
        self.ticked_label.setText(self.tr("%Ln ticked", "", len(self.model.ticked)))

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

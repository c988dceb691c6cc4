"""A decision: its text, the vote (counts or consensus / unanimity), and for
the *relevé de décisions* an owner (a member or contact, or an organisation)
and a deadline. The counts are checked against the members present or
represented while they are typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import VoteMode
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.labels import VOTE_MODE
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.meetings.widgets import keep_enter, show_note
from conseil_desktop.ui.projects.form_pages import read_date
from conseil_desktop.ui.projects.lookup import LookupEdit, Search
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit

WARNING_STYLE = "color: #8a4b00; font-weight: bold;"
PERSON, ORGANISATION = "person", "organisation"


@dataclass(frozen=True)
class DecisionInput:
    text: str
    vote_mode: VoteMode
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    votes_blank: int | None
    owner_person_id: int | None
    owner_organisation_id: int | None
    owner_name: str
    deadline: dt.date | None


class VoteSpin(QSpinBox):
    """A count, or "—" when not given."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRange(-1, 100_000)
        self.setSpecialValueText("—")
        self.setValue(-1)

    def count(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_count(self, value: int | None) -> None:
        self.setValue(-1 if value is None else value)


class DecisionDialog(FormDialog):
    def __init__(self, find_people: Search, find_organisations: Search,
                 check: Callable[[DecisionInput], str | None],
                 initial: DecisionInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decision") if initial else self.tr("New decision"))
        self.setMinimumWidth(560)
        self._check = check
        self._finders = {PERSON: find_people, ORGANISATION: find_organisations}
        self.result_value: DecisionInput | None = None
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("decision_text")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.mode = QComboBox(self)
        self.mode.setObjectName("vote_mode")
        for mode, label in VOTE_MODE.items():
            self.mode.addItem(label, mode)
        self.votes = {name: VoteSpin(name, self)
                      for name in ("votes_for", "votes_against", "votes_abstain", "votes_blank")}
        self.warning = QLabel(self)
        self.warning.setObjectName("vote_warning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.owner_kind = QComboBox(self)
        self.owner_kind.addItem(self.tr("A member or contact"), PERSON)
        self.owner_kind.addItem(self.tr("An organisation"), ORGANISATION)
        self.owner = LookupEdit(self._find_owner, self)
        keep_enter(self.owner)
        self.owner.setObjectName("decision_owner")
        self.owner.setPlaceholderText(self.tr("type a few letters of the name"))
        self.deadline = OptionalDateEdit(self)
        self.deadline.setObjectName("decision_deadline")
        self._build()
        if initial is not None:
            self._show(initial)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.owner_kind.currentIndexChanged.connect(lambda _i: self.owner.set_pick(None))
        for spin in self.votes.values():
            spin.valueChanged.connect(self.update_warning)
        self._mode_changed()
        self.save_on_ctrl_enter(self.save)
        self.remember_state()
        self.text.setFocus()

    def _build(self) -> None:
        grid = QGridLayout()
        labels = (self.tr("&For:"), self.tr("A&gainst:"), self.tr("Abs&tention:"),
                  self.tr("&Blank or spoilt:"))
        for column, (label_text, spin) in enumerate(zip(labels, self.votes.values(),
                                                        strict=True)):
            label = QLabel(label_text, self)
            label.setBuddy(spin)
            grid.addWidget(label, 0, column)
            grid.addWidget(spin, 1, column)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner_kind)
        owner_row.addWidget(self.owner, 1)
        form = QFormLayout()
        text_label = QLabel(self.tr("<b>&Decision</b> (required):"), self)
        text_label.setBuddy(self.text)
        form.addRow(text_label, self.text)
        form.addRow(self.tr("&Vote mode:"), self.mode)
        form.addRow("", grid)
        form.addRow("", self.warning)
        owner_label = QLabel(self.tr("&Owner:"), self)
        owner_label.setBuddy(self.owner)
        form.addRow(owner_label, owner_row)
        form.addRow(self.tr("Dead&line:"), self.deadline)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show(self, initial: DecisionInput) -> None:
        self.text.setPlainText(initial.text)
        self.mode.setCurrentIndex(max(self.mode.findData(initial.vote_mode), 0))
        values = (initial.votes_for, initial.votes_against, initial.votes_abstain,
                  initial.votes_blank)
        for spin, value in zip(self.votes.values(), values, strict=True):
            spin.set_count(value)
        if initial.owner_organisation_id is not None:
            self.owner_kind.setCurrentIndex(1)
            self.owner.set_pick(Pick(initial.owner_organisation_id, initial.owner_name))
        elif initial.owner_person_id is not None:
            self.owner.set_pick(Pick(initial.owner_person_id, initial.owner_name))
        self.deadline.set_date(initial.deadline)

    def _find_owner(self, text: str) -> list[Pick]:
        return self._finders[self.owner_kind.currentData()](text)

    def _mode_changed(self) -> None:
        voting = self.mode.currentData() == VoteMode.VOTE
        for spin in self.votes.values():
            spin.setEnabled(voting)
        self.update_warning()

    def collected(self) -> DecisionInput:
        text = self.text.toPlainText().strip()
        if not text:
            self.text.setFocus()
            raise InvalidInputError(self.tr("Write the text of the decision."))
        mode = VoteMode(self.mode.currentData())
        counts = [spin.count() if mode is VoteMode.VOTE else None
                  for spin in self.votes.values()]
        person = organisation = None
        owner_name = ""
        if self.owner.text().strip():
            pick = self.owner.resolved()
            if pick is None:
                self.owner.setFocus()
                raise InvalidInputError(self.tr(
                    "Owner: choose a name in the list offered while typing, or leave it "
                    "empty."))
            owner_name = pick.label
            if self.owner_kind.currentData() == ORGANISATION:
                organisation = pick.id
            else:
                person = pick.id
        deadline = read_date(self.deadline, self.tr(
            "The deadline is not a valid date (dd/mm/yyyy)."))
        return DecisionInput(text, mode, counts[0], counts[1], counts[2], counts[3], person,
                             organisation, owner_name, deadline)

    def update_warning(self) -> None:
        warning = None
        if self.mode.currentData() == VoteMode.VOTE and any(
                spin.count() for spin in self.votes.values()):
            counts = [spin.count() for spin in self.votes.values()]
            probe = DecisionInput("-", VoteMode.VOTE, counts[0], counts[1], counts[2], counts[3],
                                  None, None, "", None)
            warning = self._check(probe)
        show_note(self.warning, warning)

    def save(self) -> None:
        try:
            value = self.collected()
        except InvalidInputError as exc:
            errors.show_user_error(self, self.tr("Decision"), exc)
            return
        warning = self._check(value) if value.vote_mode is VoteMode.VOTE else None
        if warning and not ask.confirm(self, self.tr("Decision"), warning + "\n\n" + self.tr(
                "Record these counts all the same?")):
            return
        self.result_value = value
        self.accept()


def ask_decision(parent: QWidget | None, find_people: Search, find_organisations: Search,
                 check: Callable[[DecisionInput], str | None],
                 initial: DecisionInput | None = None) -> DecisionInput | None:
    """The decision as typed (counts over the attendance confirmed), or None."""
    dialog = DecisionDialog(find_people, find_organisations, check, initial, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        return None
    finally:
        dialog.deleteLater()

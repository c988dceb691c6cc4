"""The member form's *Consentements* page: for each kind (sharing one's contact
details with the other members, photos, the newsletter), the person's answer,
its date and where it comes from (domain.md sections 2 and 9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import ConsentKind
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.member_changes import SOURCE_MAX, ConsentData
from conseil_desktop.services.member_checks import read_day
from conseil_desktop.ui.members.member_form import hint, line
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit


def consent_field(kind: ConsentKind) -> str:
    """The name under which a consent's problem is reported."""
    return f"consent_{kind.value}"


@dataclass
class ConsentRow:
    answer: QComboBox
    recorded_on: OptionalDateEdit
    source: QLineEdit


class MemberConsentsPage(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._loaded: dict[ConsentKind, ConsentData] = {}
        self.rows: dict[ConsentKind, ConsentRow] = {}
        grid = QGridLayout()
        for column, title in enumerate((self.tr("Consent"), self.tr("Answer"),
                                        self.tr("Given on"), self.tr("Source"))):
            grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, column)
        for number, kind in enumerate(ConsentKind, start=1):
            row = ConsentRow(QComboBox(self), OptionalDateEdit(self),
                             line(self, SOURCE_MAX, self.tr("e.g. paper form")))
            row.answer.setObjectName(consent_field(kind))
            row.answer.currentIndexChanged.connect(
                lambda _index, kind=kind: self._answered(kind))
            label = QLabel(labels.CONSENT[kind], self)
            label.setBuddy(row.answer)
            grid.addWidget(label, number, 0)
            grid.addWidget(row.answer, number, 1)
            grid.addWidget(row.recorded_on, number, 2)
            grid.addWidget(row.source, number, 3)
            self.rows[kind] = row
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint(self.tr(
            "Photos and the newsletter need the person's consent; their contact details are "
            "shared with the other members only if they agreed. A new answer replaces the "
            "one recorded, with its date and source."), self))
        layout.addStretch(1)

    def load(self, consents: dict[ConsentKind, ConsentData]) -> None:
        self._loaded = dict(consents)
        for kind, row in self.rows.items():
            recorded = consents.get(kind)
            row.answer.blockSignals(True)
            row.answer.clear()
            if recorded is None:
                row.answer.addItem(self.tr("Not asked"), None)
            row.answer.addItem(self.tr("Yes"), True)
            row.answer.addItem(self.tr("No"), False)
            row.answer.setCurrentIndex(row.answer.findData(recorded.granted) if recorded else 0)
            row.answer.blockSignals(False)
            row.recorded_on.set_date(recorded.recorded_on if recorded else None)
            row.source.setText(recorded.source if recorded else "")

    def set_answer(self, kind: ConsentKind, granted: bool, recorded_on: str = "",
                   source: str = "") -> None:
        """Fill one row as a user would (used by the dialog's tests too)."""
        row = self.rows[kind]
        row.answer.setCurrentIndex(row.answer.findData(granted))
        if recorded_on:
            row.recorded_on.setText(recorded_on)
        if source:
            row.source.setText(source)

    def read(self, problems: dict[str, str]) -> list[ConsentData]:
        """The answers that differ from the ones recorded."""
        changed: list[ConsentData] = []
        for kind, row in self.rows.items():
            granted = row.answer.currentData()
            if granted is None:
                continue
            try:
                day = read_day(row.recorded_on.text(), labels.CONSENT[kind])
            except InvalidInputError as exc:
                problems[consent_field(kind)] = exc.message
                continue
            if day is None:
                problems[consent_field(kind)] = self.tr("give the date of the answer.")
                continue
            consent = ConsentData(kind, bool(granted), day, row.source.text().strip())
            if consent != self._loaded.get(kind):
                changed.append(consent)
        return changed

    def widget_for(self, kind: ConsentKind) -> QWidget:
        return self.rows[kind].recorded_on

    def _answered(self, kind: ConsentKind) -> None:
        """A new answer is dated today (it can be corrected); the recorded one gets its
        own date and source back."""
        row, recorded = self.rows[kind], self._loaded.get(kind)
        granted = row.answer.currentData()
        if recorded is not None and granted == recorded.granted:
            row.recorded_on.set_date(recorded.recorded_on)
            row.source.setText(recorded.source)
        elif granted is not None:
            row.recorded_on.set_date(self._today)
            if recorded is not None:
                row.source.clear()

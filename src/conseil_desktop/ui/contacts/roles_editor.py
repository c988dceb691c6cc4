"""The roles of a contact person: one line per organisation they have a role in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.contact_queries import AffiliationRow
from conseil_desktop.services.contacts import AffiliationData
from conseil_desktop.services.projects import Choice
from conseil_desktop.ui.contacts.choice_edit import ChoiceIndex, ChoiceLineEdit
from conseil_desktop.ui.i18n import fill

# Stretch of each column: organisation, role title, phone, e-mail, notes.
_STRETCH = (5, 4, 0, 4, 3)
PHONE_SAMPLE = "+33 6 12 34 56 78"


@dataclass
class RoleLine:
    """The widgets of one role, and the affiliation it edits (None for a new one)."""

    organisation: ChoiceLineEdit
    role_title: QLineEdit
    phone: QLineEdit
    email: QLineEdit
    notes: QLineEdit
    remove_button: QPushButton
    affiliation_id: int | None = None

    def edits(self) -> tuple[QLineEdit, ...]:
        return (self.organisation, self.role_title, self.phone, self.email, self.notes)

    def widgets(self) -> tuple[QWidget, ...]:
        return (*self.edits(), self.remove_button)

    def is_blank(self) -> bool:
        """A new line left empty: not a role."""
        return self.affiliation_id is None and not any(e.text().strip() for e in self.edits())


class RolesEditor(QWidget):
    """Edits a list of :class:`AffiliationData`; organisations are picked by name."""

    def __init__(self, organisations: ChoiceIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._organisations = organisations
        self.lines: list[RoleLine] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        headers = (self.tr("Organisation"), self.tr("Role"), self.tr("Work phone"),
                   self.tr("Work e-mail"), self.tr("Notes"))
        for column, (header, stretch) in enumerate(zip(headers, _STRETCH, strict=True)):
            self._grid.addWidget(QLabel(header, self), 0, column)
            self._grid.setColumnStretch(column, stretch)
        self._next_row = 1
        self.add_button = QPushButton(self.tr("&Add a role"), self)
        self.add_button.clicked.connect(lambda: self.add_role().organisation.setFocus())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addLayout(buttons)

    def add_role(self, organisation: Choice | None = None) -> RoleLine:
        line = RoleLine(
            organisation=ChoiceLineEdit(self._organisations.lookup, self),
            role_title=self._line(150, self.tr("president, director…")),
            phone=self._line(30, "05 61 12 34 56"), email=self._line(254),
            notes=self._line(500),
            remove_button=QPushButton(self.tr("Remove"), self),
        )
        line.organisation.setPlaceholderText(self.tr("none"))
        line.phone.setMinimumWidth(line.phone.fontMetrics().horizontalAdvance(PHONE_SAMPLE) + 16)
        line.organisation.set_choice(organisation)
        line.remove_button.clicked.connect(lambda: self.remove_role(line))
        for column, widget in enumerate(line.widgets()):
            self._grid.addWidget(widget, self._next_row, column)
        self._next_row += 1
        self.lines.append(line)
        return line

    def remove_role(self, line: RoleLine) -> None:
        self.lines.remove(line)
        for widget in line.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()

    def set_roles(self, roles: list[AffiliationRow]) -> None:
        for line in list(self.lines):
            self.remove_role(line)
        for role in roles:
            organisation = (Choice(role.organisation_id, role.organisation_name)
                            if role.organisation_id is not None else None)
            line = self.add_role(organisation)
            line.affiliation_id = role.id
            line.role_title.setText(role.role_title)
            line.phone.setText(role.phone)
            line.email.setText(role.email)
            line.notes.setText(role.notes)
            for edit in line.edits():
                edit.setCursorPosition(0)  # show the start of a long text

    def values(self) -> list[AffiliationData]:
        """The roles typed, blank lines left out; an unknown organisation is refused."""
        return [
            AffiliationData(self._organisation_id(number, line), line.role_title.text(),
                            line.phone.text(), line.email.text(), line.notes.text(),
                            line.affiliation_id)
            for number, line in enumerate(self.lines, start=1) if not line.is_blank()
        ]

    def _organisation_id(self, number: int, line: RoleLine) -> int | None:
        text = line.organisation.text().strip()
        if not text:
            return None
        choice = line.organisation.choice() or self._organisations.resolve(text)
        if choice is None:
            raise InvalidInputError(fill(self.tr(
                "Role %1: no organisation is called “%2”. Pick one from the suggestions, "
                "or create it first with “New organisation”."), number, text))
        return choice.id

    def _line(self, max_length: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        return edit

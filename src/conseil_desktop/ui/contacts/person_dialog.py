"""*Nouveau contact* / a contact's form: name, phone, e-mail and roles.

A person is stored once. A new contact may be an existing member: "Lier un
membre existant…" picks the member and adds the roles to their record, and a
new name that matches a member's is offered the same link before anything is
created.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import UserError
from conseil_desktop.services import contact_links, contact_queries, contacts
from conseil_desktop.services.contacts import AffiliationData, ContactData
from conseil_desktop.services.projects import Choice
from conseil_desktop.ui.contacts.choice_edit import ChoiceIndex, ChoiceLineEdit
from conseil_desktop.ui.contacts.roles_editor import RolesEditor
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.tabs.protocol import SessionScope

MINIMUM_WIDTH = 1000
MEMBER_SEARCH_DELAY_MS = 150


class PersonDialog(FormDialog):
    saved = Signal(int)  # the person's id, once something was written

    def __init__(self, session_scope: SessionScope, person_id: int | None = None, *,
                 organisation: Choice | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(MINIMUM_WIDTH)
        self._session_scope = session_scope
        self.person_id = person_id
        self._linked: Choice | None = None
        with session_scope() as session:
            index = ChoiceIndex(contact_links.organisation_choices(session))
            detail = contact_queries.get_contact(session, person_id) if person_id else None
        self._original = detail.data if detail else None
        self.last_name = self._line(120)
        self.first_name = self._line(120)
        self.phone = self._line(30, "06 12 34 56 78")
        self.email = self._line(254)
        self.member_note = QLabel(self)
        self.link_label = QLabel(self.tr("Already a member of the council?"), self)
        self.link_button = QPushButton(self.tr("&Link an existing member…"), self)
        self.member_picker = ChoiceLineEdit(self._find_members, self,
                                            delay_ms=MEMBER_SEARCH_DELAY_MS)
        self.unlink_button = QPushButton(self.tr("Do &not link"), self)
        self.roles = RolesEditor(index, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self._build()
        self._connect()
        if detail is not None:
            self._show_person(detail.data, detail.is_member)
            self.roles.set_roles(detail.affiliations)
        else:
            self.setWindowTitle(self.tr("New contact"))
            self.roles.add_role(organisation)
        self.remember_state()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Last name (required):"), self.last_name)
        form.addRow(self.tr("First name:"), self.first_name)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        self.member_note.setWordWrap(True)
        self.member_note.hide()
        self.member_picker.setPlaceholderText(self.tr("Type a few letters of their name…"))
        self.member_picker.hide()
        self.unlink_button.hide()
        self.link_label.setBuddy(self.member_picker)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.member_picker, 1)
        link_row.addWidget(self.unlink_button)
        link_row.addStretch(1)
        if self.person_id is not None:
            self.link_label.hide()
            self.link_button.hide()
        roles_box = QGroupBox(self.tr("Roles in organisations"), self)
        QVBoxLayout(roles_box).addWidget(self.roles)
        layout = QVBoxLayout(self)
        layout.addLayout(link_row)
        layout.addWidget(self.member_note)
        layout.addLayout(form)
        layout.addWidget(roles_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.link_button.clicked.connect(self._start_linking)
        self.member_picker.chosen.connect(self._on_member_chosen)
        self.unlink_button.clicked.connect(self._stop_linking)

    def _line(self, max_length: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        return edit

    def _identity_edits(self) -> tuple[QLineEdit, ...]:
        return (self.last_name, self.first_name, self.phone, self.email)

    def _show_person(self, data: ContactData, is_member: bool) -> None:
        name = f"{data.last_name} {data.first_name}".strip()
        self.setWindowTitle(fill(self.tr("Contact: %1"), name))
        for edit, value in zip(self._identity_edits(),
                               (data.last_name, data.first_name, data.phone, data.email),
                               strict=True):
            edit.setText(value)
        if is_member:
            self.member_note.setText(self.tr(
                "Also a member of the council: the same record is used in the Members tab."))
            self.member_note.show()

    # -- linking an existing member ------------------------------------------------

    @property
    def linked_member(self) -> Choice | None:
        return self._linked

    def _find_members(self, text: str) -> list[Choice]:
        with self._session_scope() as session:
            return contact_links.members_for_picker(session, text)

    def _start_linking(self) -> None:
        self.link_label.setText(self.tr("Member to link:"))
        self.link_button.hide()
        self.member_picker.show()
        self.member_picker.setFocus()

    def _on_member_chosen(self, choice: Choice | None) -> None:
        if choice is None:
            return
        with self._session_scope() as session:
            member = contact_queries.get_contact(session, choice.id).data
        self._linked = choice
        for edit, value in zip(self._identity_edits(),
                               (member.last_name, member.first_name, member.phone, member.email),
                               strict=True):
            edit.setText(value)
            edit.setEnabled(False)
        self.member_note.setText(fill(self.tr(
            "The roles below will be added to the record of the member %1: no second record "
            "is created for the same person."), choice.label))
        self.member_note.show()
        self.link_label.hide()
        self.member_picker.hide()
        self.unlink_button.show()

    def _stop_linking(self) -> None:
        self._linked = None
        for edit in self._identity_edits():
            edit.clear()
            edit.setEnabled(True)
        self.member_picker.set_choice(None)
        self.member_note.hide()
        self.unlink_button.hide()
        self.link_label.setText(self.tr("Already a member of the council?"))
        self.link_label.show()
        self.link_button.show()
        self.last_name.setFocus()

    # -- saving ----------------------------------------------------------------------

    def collected(self) -> ContactData:
        base = self._original or ContactData(last_name="")
        return dataclasses.replace(
            base, last_name=self.last_name.text(), first_name=self.first_name.text(),
            phone=self.phone.text(), email=self.email.text(), affiliations=self.roles.values())

    def save(self) -> None:
        """Save and close; on a problem, say what is wrong and stay open."""
        try:
            self._save()
        except UserError as exc:
            errors.show_user_error(self, self.windowTitle(), exc)
            return
        self.accept()

    def _save(self) -> None:
        data = self.collected()
        if self._linked is not None:
            self._link(self._linked.id, data.affiliations)
            return
        if self.person_id is None:
            member = self._same_name_member(data)
            if member is not None:
                self._link(member.id, data.affiliations)
                return
        with self._session_scope() as session:
            if self.person_id is None:
                result = contacts.create_contact(session, data)
            else:
                result = contacts.update_contact(session, self.person_id, data)
        self._saved(result.id, result.warnings)

    def _same_name_member(self, data: ContactData) -> Choice | None:
        """A member of this name whom the user agrees to link instead of copying."""
        if not data.last_name.strip():
            return None
        with self._session_scope() as session:
            found = contact_links.members_named(session, data.last_name, data.first_name)
        if not found:
            return None
        question = fill(self.tr(
            "%1 is already a member of the council.\n\nAdd these roles to the member's record "
            "rather than creating a second record for the same person?\n\nAnswer No only if "
            "this contact is someone else with the same name."), found[0].label)
        return found[0] if ask.confirm(self, self.tr("Already a member"), question) else None

    def _link(self, person_id: int, roles: list[AffiliationData]) -> None:
        with self._session_scope() as session:
            for role in roles or [AffiliationData(None)]:
                contacts.add_affiliation(session, person_id, role)
        self._saved(person_id, ())

    def _saved(self, person_id: int, warnings: tuple[str, ...]) -> None:
        self.person_id = person_id
        self.saved.emit(person_id)
        if warnings:
            ask.show_info(self, self.windowTitle(), "\n\n".join(warnings))

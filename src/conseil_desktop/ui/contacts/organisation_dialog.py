"""*Nouvelle structure* / an organisation's form, with the people who have a role in it.

The fields are saved by *Enregistrer*. The people are records of their own:
adding one first saves the organisation (a role needs it to exist), and each
person added or removed is written at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.errors import UserError
from conseil_desktop.services import contact_queries, contacts, council
from conseil_desktop.services.contact_queries import AffiliationRow
from conseil_desktop.services.projects import Choice
from conseil_desktop.ui.contacts.organisation_form import OrganisationForm
from conseil_desktop.ui.contacts.person_dialog import PersonDialog
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.tabs.protocol import SessionScope

MINIMUM_SIZE = (980, 520)
_AFFILIATION_ROLE = Qt.ItemDataRole.UserRole + 1  # on a row's first cell
_PERSON_ROLE = Qt.ItemDataRole.UserRole + 2


class OrganisationDialog(FormDialog):
    saved = Signal(int)  # the organisation's id, after each write (fields or people)

    def __init__(self, session_scope: SessionScope, org_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(*MINIMUM_SIZE)
        self._session_scope = session_scope
        self.org_id = org_id
        self.person_dialog: PersonDialog | None = None  # the person form opened from here
        with session_scope() as session:
            kinds = council.terms(session, VocabularyKind.ORGANISATION_KIND)
            detail = contact_queries.get_organisation(session, org_id) if org_id else None
        self.form = OrganisationForm(kinds, self)
        self.people = QTableWidget(0, 4, self)
        self.people_hint = QLabel(self.tr(
            "Nobody yet. “Add a person…” saves the organisation, then opens the form of a "
            "contact who has a role in it."), self)
        self.add_person_button = QPushButton(self.tr("&Add a person…"), self)
        self.remove_person_button = QPushButton(self.tr("&Remove"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self._build()
        if detail is None:
            self.setWindowTitle(self.tr("New organisation"))
        else:
            self.form.load(detail.data, detail.kind_label)
            self._show_title()
            self._show_people(detail.people)
        self._enable_remove()
        self.save_on_ctrl_enter(self.save)
        self.remember_state()

    def _build(self) -> None:
        table = self.people
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Phone"),
                                         self.tr("E-mail")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.people_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_person_button)
        buttons.addWidget(self.remove_person_button)
        buttons.addStretch(1)
        people_box = QGroupBox(self.tr("People"), self)
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(table, 1)
        people_layout.addWidget(self.people_hint)
        people_layout.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addWidget(self.form, 5)
        columns.addWidget(people_box, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.add_person_button.clicked.connect(self.add_person)
        self.remove_person_button.clicked.connect(self.remove_person)
        table.itemSelectionChanged.connect(self._enable_remove)
        table.itemDoubleClicked.connect(lambda _item: self.edit_person())

    def _show_title(self) -> None:
        self.setWindowTitle(fill(self.tr("Organisation: %1"), self.form.name.text().strip()))

    # -- the organisation ----------------------------------------------------------

    def save(self) -> None:
        """Save and close; on a problem, say what is wrong and stay open."""
        if self._store():
            self.accept()

    def _store(self) -> bool:
        try:
            data = self.form.values()
            with self._session_scope() as session:
                if self.org_id is None:
                    result = contacts.create_organisation(session, data)
                else:
                    result = contacts.update_organisation(session, self.org_id, data)
        except UserError as exc:
            errors.show_user_error(self, self.windowTitle(), exc)
            return False
        self.org_id = result.id
        self.remember_state()  # saved: closing now loses nothing
        self._show_title()
        self.saved.emit(result.id)
        if result.warnings:
            ask.show_info(self, self.windowTitle(), "\n\n".join(result.warnings))
        return True

    # -- its people ------------------------------------------------------------------

    def add_person(self) -> None:
        if not self._store() or self.org_id is None:
            return
        self._open_person(None, Choice(self.org_id, self.form.name.text().strip()))

    def edit_person(self) -> None:
        selected = self._selected()
        if selected is not None:
            self._open_person(selected[1], None)

    def remove_person(self) -> None:
        selected = self._selected()
        if selected is None or self.org_id is None:
            return
        affiliation_id, _person_id, name = selected
        question = fill(self.tr(
            "Remove the role of %1 in this organisation?\n\nTheir other roles, and their "
            "record if they are a member, are kept."), name)
        if not ask.confirm(self, self.tr("Remove a person"), question):
            return
        try:
            with self._session_scope() as session:
                contacts.remove_affiliation(session, affiliation_id)
        except UserError as exc:
            errors.show_user_error(self, self.windowTitle(), exc)
        self._reload_people()

    def _open_person(self, person_id: int | None, organisation: Choice | None) -> None:
        dialog = PersonDialog(self._session_scope, person_id, organisation=organisation,
                              parent=self)
        dialog.saved.connect(lambda _person_id: self._reload_people())
        dialog.finished.connect(dialog.deleteLater)
        self.person_dialog = dialog
        dialog.open()

    def _reload_people(self) -> None:
        if self.org_id is None:
            return
        with self._session_scope() as session:
            people = contact_queries.get_organisation(session, self.org_id).people
        self._show_people(people)
        self.saved.emit(self.org_id)

    def _show_people(self, people: list[AffiliationRow]) -> None:
        self.people.setRowCount(len(people))
        for row, person in enumerate(people):
            cells = (person.person_name, person.role_title, person.phone, person.email)
            items = [QTableWidgetItem(text) for text in cells]
            items[0].setData(_AFFILIATION_ROLE, person.id)
            items[0].setData(_PERSON_ROLE, person.person_id)
            for column, item in enumerate(items):
                item.setToolTip(item.text())
                self.people.setItem(row, column, item)
        self.people_hint.setVisible(not people)
        self._enable_remove()

    def people_names(self) -> list[str]:
        return [self._first_cell(row).text() for row in range(self.people.rowCount())]

    def _first_cell(self, row: int) -> QTableWidgetItem:
        item = self.people.item(row, 0)
        assert item is not None  # every row is filled by _show_people
        return item

    def _selected(self) -> tuple[int, int, str] | None:
        """The selected role: (affiliation id, person id, person's name)."""
        rows = self.people.selectionModel().selectedRows()
        if not rows:
            return None
        first = self._first_cell(rows[0].row())
        return int(first.data(_AFFILIATION_ROLE)), int(first.data(_PERSON_ROLE)), first.text()

    def _enable_remove(self) -> None:
        self.remove_person_button.setEnabled(bool(self.people.selectionModel().selectedRows()))

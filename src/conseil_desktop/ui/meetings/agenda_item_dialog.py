"""An agenda item: title, presenter (a member or contact found by name, or any
name typed) and the documents referred to, one per line."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.meetings.widgets import keep_enter
from conseil_desktop.ui.projects.lookup import LookupEdit, Search


@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    presenter_person_id: int | None
    presenter_name: str  # free text when the presenter is not a known person
    documents: list[str]


class AgendaItemDialog(FormDialog):
    def __init__(self, find_people: Search, initial: AgendaItemInput | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agenda item") if initial else self.tr("New agenda item"))
        self.setMinimumWidth(520)
        self.result_value: AgendaItemInput | None = None
        self.title = QLineEdit(self)
        self.title.setObjectName("item_title")
        self.title.setMaxLength(300)
        self.presenter = LookupEdit(find_people, self)
        keep_enter(self.presenter)
        self.presenter.setObjectName("item_presenter")
        self.presenter.setPlaceholderText(self.tr("a member or contact, or any name"))
        self.documents = QPlainTextEdit(self)
        self.documents.setObjectName("item_documents")
        self.documents.setTabChangesFocus(True)
        self.documents.setPlaceholderText(self.tr("one document per line"))
        self.documents.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        title_label = QLabel(self.tr("<b>&Title</b> (required):"), self)
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        form.addRow(self.tr("&Presenter:"), self.presenter)
        form.addRow(self.tr("&Documents:"), self.documents)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if initial is not None:
            self.title.setText(initial.title)
            if initial.presenter_person_id is not None:
                self.presenter.set_pick(Pick(initial.presenter_person_id,
                                             initial.presenter_name))
            else:
                self.presenter.setText(initial.presenter_name)
            self.documents.setPlainText("\n".join(initial.documents))
        self.save_on_ctrl_enter(self.save)
        self.remember_state()
        self.title.setFocus()

    def collected(self) -> AgendaItemInput:
        title = self.title.text().strip()
        if not title:
            self.title.setFocus()
            raise InvalidInputError(self.tr("Give the agenda item a title."))
        pick = self.presenter.resolved()
        documents = [line.strip() for line in self.documents.toPlainText().splitlines()
                     if line.strip()]
        if pick is not None:
            return AgendaItemInput(title, pick.id, pick.label, documents)
        return AgendaItemInput(title, None, self.presenter.text().strip(), documents)

    def save(self) -> None:
        try:
            self.result_value = self.collected()
        except InvalidInputError as exc:
            errors.show_user_error(self, self.tr("Agenda item"), exc)
            return
        self.accept()


def ask_agenda_item(parent: QWidget | None, find_people: Search,
                    initial: AgendaItemInput | None = None) -> AgendaItemInput | None:
    """The item as typed, or None when cancelled."""
    dialog = AgendaItemDialog(find_people, initial, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        return None
    finally:
        dialog.deleteLater()



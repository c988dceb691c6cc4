"""The meeting form: type, title, date and times, place, facilitators and
secretaries, the convocation, and notes.

Saving is one user action in one session (``create_meeting`` or
``update_meeting``). A refused form says why in French and stays open. The
notice warning (a convocation sent later than the council's notice period
allows) is shown live under the convocation date, and again on saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import meeting_choices, meetings
from conseil_desktop.services.council import terms
from conseil_desktop.services.meetings import MeetingData
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.widgets import (
    DateEdit,
    PeopleList,
    TimeEdit,
    show_note,
)
from conseil_desktop.ui.projects.form_pages import read_date, select_code
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit

SessionScope = Callable[[], AbstractContextManager[Session]]
WARNING_STYLE = "color: #8a4b00; font-weight: bold;"


class MeetingDialog(QDialog):
    def __init__(self, session_scope: SessionScope, meeting_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session_scope = session_scope
        self.meeting_id = meeting_id
        self.saved_id: int | None = None
        self.setMinimumWidth(620)
        self.type = QComboBox(self)
        self.type.setObjectName("meeting_type")
        self.title = QLineEdit(self)
        self.title.setObjectName("meeting_title")
        self.title.setMaxLength(200)
        self.date = DateEdit(self)
        self.start = TimeEdit(self)
        self.end = TimeEdit(self)
        self.place = QLineEdit(self)
        self.place.setMaxLength(200)
        self.facilitators = PeopleList(self._find_members, self)
        self.secretaries = PeopleList(self._find_members, self)
        self.convened_on = OptionalDateEdit(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice_warning")
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.setWordWrap(True)
        self.method = QComboBox(self)
        self.method.setEditable(True)
        self.notes = QPlainTextEdit(self)  # before ``cancelled``: Tab follows the form's order
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.cancelled = QCheckBox(self.tr("This meeting was ca&ncelled"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._build()
        self._load()
        for signal in (self.date.dateChanged, self.convened_on.textChanged):
            signal.connect(self.update_notice)
        self.update_notice()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # also from the notes, where Enter is a line
            QShortcut(QKeySequence(keys), self, self.save)
        self._as_opened = self._state()
        self.type.setFocus()

    def _build(self) -> None:
        self.method.addItems([self.tr("E-mail"), self.tr("Post"), self.tr("By hand"),
                              self.tr("E-mail and post")])
        self.method.setCurrentIndex(-1)
        self.title.setPlaceholderText(self.tr("left empty: the type and the date"))
        self.place.setPlaceholderText(self.tr("e.g. Maison de quartier, salle 2"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("&Title:"), self.title)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(QLabel(self.tr("from"), self))
        when.addWidget(self.start)
        when.addWidget(QLabel(self.tr("to"), self))
        when.addWidget(self.end)
        when.addStretch(1)
        self._add_row(form, self.tr("&Date:"), when, self.date)
        form.addRow(self.tr("&Place:"), self.place)
        self._add_row(form, self.tr("&Facilitator(s):"), self.facilitators,
                      self.facilitators.lookup)
        self._add_row(form, self.tr("&Secretary(ies):"), self.secretaries,
                      self.secretaries.lookup)
        convened = QHBoxLayout()
        convened.addWidget(self.convened_on)
        convened.addWidget(QLabel(self.tr("by"), self))
        convened.addWidget(self.method, 1)
        self._add_row(form, self.tr("&Convened on:"), convened, self.convened_on)
        form.addRow("", self.notice)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow("", self.cancelled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget | QHBoxLayout,
                 buddy: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        form.addRow(label, field)

    # -- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        with self._session_scope() as session:
            types = terms(session, VocabularyKind.MEETING_TYPE)
            all_types = {t.code: t.label for t in terms(session, VocabularyKind.MEETING_TYPE,
                                                         active_only=False)}
            data = meetings.get_meeting(session, self.meeting_id) if self.meeting_id else None
            names = meeting_choices.people_labels(
                session, [*data.facilitator_ids, *data.secretary_ids] if data else [])
        for term in types:
            self.type.addItem(term.label, term.code)
        if data is None:
            self.setWindowTitle(self.tr("New meeting"))
            return
        self.setWindowTitle(fill(self.tr("Meeting: %1"), data.title))
        select_code(self.type, data.type_code, all_types.get(data.type_code, data.type_code))
        self.title.setText(data.title)
        self.date.set_date(data.date or dt.date.today())
        self.start.set_time(data.start_time)
        self.end.set_time(data.end_time)
        self.place.setText(data.place)
        self.facilitators.set_people([(i, names[i]) for i in data.facilitator_ids if i in names])
        self.secretaries.set_people([(i, names[i]) for i in data.secretary_ids if i in names])
        self.convened_on.set_date(data.convened_on)
        self.method.setEditText(data.convocation_method)
        self.notes.setPlainText(data.notes)
        self.cancelled.setChecked(data.cancelled)

    def _find_members(self, text: str) -> list[Pick]:
        with self._session_scope() as session:
            return meeting_choices.find_members(session, text)

    # -- the form as data --------------------------------------------------------------------

    def collected(self) -> MeetingData:
        """The form as :class:`MeetingData`; ``InvalidInputError`` for a field that
        cannot be read (the focus goes to it)."""
        return MeetingData(
            type_code=self.type.currentData() or "", title=self.title.text().strip(),
            date=self.date.date_value(), start_time=self._time(self.start, self.tr("start")),
            end_time=self._time(self.end, self.tr("end")), place=self.place.text().strip(),
            convened_on=read_date(self.convened_on, self.tr(
                "The convocation date is not a valid date (dd/mm/yyyy).")),
            convocation_method=self.method.currentText().strip(),
            notes=self.notes.toPlainText(),
            facilitator_ids=self.facilitators.person_ids(),
            secretary_ids=self.secretaries.person_ids(),
            cancelled=self.cancelled.isChecked(),
        )

    def _take_typed(self, people: PeopleList, field: str) -> None:
        """A name typed but not added with Enter is added, or refused if it is not one
        person of the list: never silently forgotten."""
        typed = people.lookup.text().strip()
        if typed and not people.add_typed():
            people.lookup.setFocus()
            raise InvalidInputError(fill(self.tr(
                "%1: “%2” is not one person of the list. Choose the name in the list offered "
                "while typing, or clear the field."), field, typed))

    def _time(self, edit: TimeEdit, which: str) -> dt.time | None:
        try:
            return edit.time()
        except ValueError:
            edit.setFocus()
            raise InvalidInputError(fill(self.tr(
                "The %1 time “%2” is not a time: type it as 18:30 or 18 h 30."), which,
                edit.text())) from None

    def _state(self) -> tuple[object, ...]:
        """What the form shows, field by field (a time or date half typed included)."""
        return (self.type.currentData(), self.title.text(), self.date.text(),
                self.start.text(), self.end.text(), self.place.text(),
                self.facilitators.person_ids(), self.facilitators.lookup.text(),
                self.secretaries.person_ids(), self.secretaries.lookup.text(),
                self.convened_on.text(), self.method.currentText(), self.notes.toPlainText(),
                self.cancelled.isChecked())

    def has_changes(self) -> bool:
        """Something was typed or chosen since the form opened."""
        return self._state() != self._as_opened

    def reject(self) -> None:
        """*Annuler*, Échap or the window's cross: ask before losing what was typed."""
        if self.saved_id is None and self.has_changes() and not ask.confirm_discard(
                self, self.windowTitle()):
            return
        super().reject()

    def update_notice(self) -> None:
        """Show the notice warning for the dates typed (nothing while a date is incomplete)."""
        try:
            data = self.collected()
        except UserError:
            data = None
        warning = None
        if data is not None and data.convened_on is not None:
            with self._session_scope() as session:
                warning = meetings.notice_warning(session, data)
        show_note(self.notice, warning)

    def save(self) -> None:
        """Save and close; on a problem, say what is wrong and stay open."""
        title = self.tr("Meeting not saved")
        try:
            self._take_typed(self.facilitators, self.tr("Facilitation"))
            self._take_typed(self.secretaries, self.tr("Secretary"))
            data = self.collected()
            with self._session_scope() as session:
                if self.meeting_id is None:
                    self.saved_id = meetings.create_meeting(session, data)
                else:
                    meetings.update_meeting(session, self.meeting_id, data)
                    self.saved_id = self.meeting_id
                warning = meetings.notice_warning(session, data)
        except UserError as exc:
            errors.show_user_error(self, title, exc)
            return
        if warning:
            ask.show_info(self, self.tr("Meeting saved, with a remark"), warning)
        self.accept()


def edit_meeting(parent: QWidget | None, session_scope: SessionScope,
                 meeting_id: int | None = None) -> int | None:
    """Show the form (a new meeting when ``meeting_id`` is None); the id saved, or None."""
    dialog = MeetingDialog(session_scope, meeting_id, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.saved_id
        return None
    finally:
        dialog.deleteLater()

"""The project form: create a project, or edit one, in four pages.

Saving is one user action: one session in which the form is read (funders
typed by name are looked up there), then ``create_project`` or
``update_project``. A refused form says why and stays open, nothing saved;
warnings (granted above requested...) are shown once the project is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.db.models import ProjectStatus, VocabularyKind
from conseil_desktop.errors import UserError
from conseil_desktop.services import project_choices, projects
from conseil_desktop.services.council import get_settings, terms
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.services.project_details import ProjectDetail, get_project
from conseil_desktop.services.projects import ProjectData, SaveResult
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects.form_pages import (
    DatesPage,
    GeneralPage,
    PeoplePage,
    select_code,
)
from conseil_desktop.ui.projects.funders_editor import FundersEditor
from conseil_desktop.ui.projects.lookup import LookupEdit

SessionScope = Callable[[], AbstractContextManager[Session]]
MINIMUM_SIZE = (760, 580)


class ProjectDialog(FormDialog):
    def __init__(self, session_scope: SessionScope, project_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session_scope = session_scope
        self.project_id = project_id
        self.saved_id: int | None = None
        self.warnings: tuple[str, ...] = ()
        self.setMinimumSize(*MINIMUM_SIZE)
        self.general = GeneralPage(self._find_people, self._find_organisations, self)
        self.funders = FundersEditor(self._find_funders, self)
        self.dates = DatesPage(self)
        self.people = PeoplePage(self._find_people, self)
        self.initial_status = QComboBox(self)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.general, self.tr("&General"))
        self.pages.addTab(self.funders, self.tr("&Funders"))
        self.pages.addTab(self.dates, self.tr("Dates and &outcome"))
        self.pages.addTab(self.people, self.tr("&People involved"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self._load()
        self.save_on_ctrl_enter(self.save)
        self.remember_state()
        self.general.title.setFocus()

    # -- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        with self._session_scope() as session:
            themes = terms(session, VocabularyKind.THEME)
            lines = terms(session, VocabularyKind.FUNDING_LINE)
            qpv = [n.strip() for n in get_settings(session).qpv_names.split(",") if n.strip()]
            detail = get_project(session, self.project_id) if self.project_id else None
        self.general.set_choices(themes, lines, qpv)
        if detail is None:
            self.setWindowTitle(self.tr("New project"))
            for status, label in PROJECT_STATUS.items():
                self.initial_status.addItem(label, status)
            self.general.form.addRow(self.tr("Status at creation:"), self.initial_status)
            self.general.year.set_year(date.today().year)
        else:
            self.initial_status.hide()
            self._show(detail)

    def _show(self, detail: ProjectDetail) -> None:
        data = detail.data
        self.setWindowTitle(fill(self.tr("Project: %1"), data.title))
        page = self.general
        page.title.setText(data.title)
        page.description.setPlainText(data.description)
        holder = (Pick(data.holder_id, detail.holder_name, detail.holder_identifier)
                  if data.holder_id is not None else None)
        page.set_holder(data.holder_kind, holder)
        page.neighbourhood.setText(data.neighbourhood)
        select_code(page.theme, data.theme_code, detail.theme_label)
        page.set_cross_themes(data.cross_theme_codes, detail.cross_theme_labels)
        select_code(page.funding_line, data.funding_line_code, detail.funding_line_label)
        page.year.set_year(data.year)
        self.funders.set_lines(detail.fundings)
        self.dates.load(data.submission_deadline, data.start_on, data.end_on,
                        detail.report_due_on, detail.report_due_computed, data.outcome_notes)
        self.people.set_people(detail.members)

    # -- pickers: a short session per search -------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a name lookup chooses a name; it must not also press Save."""
        entering = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if entering and isinstance(self.focusWidget(), LookupEdit):
            event.accept()
            return
        super().keyPressEvent(event)

    def _find_people(self, text: str) -> list[Pick]:
        with self._session_scope() as session:
            return project_choices.find_people(session, text)

    def _find_organisations(self, text: str) -> list[Pick]:
        with self._session_scope() as session:
            return project_choices.find_organisations(session, text)

    def _find_funders(self, text: str) -> list[Pick]:
        with self._session_scope() as session:
            return project_choices.find_organisations(session, text, funders_first=True)

    # -- saving ----------------------------------------------------------------------------

    def collected(self, session: Session) -> ProjectData:
        """The form as :class:`ProjectData`; raises ``InvalidInputError`` for a field
        that cannot be read (and puts the focus on it)."""
        page = self.general
        holder_kind, holder_id = page.holder_value()
        submission, start, end = self.dates.dates()
        return ProjectData(
            title=page.title.text(), description=page.description.toPlainText(),
            holder_kind=holder_kind, holder_id=holder_id,
            neighbourhood=page.neighbourhood.text(), theme_code=page.theme.currentData(),
            cross_theme_codes=page.cross_theme_codes(),
            funding_line_code=page.funding_line.currentData(), year=page.year.year(),
            submission_deadline=submission, start_on=start, end_on=end,
            financial_report_due_on=self.dates.report_due_value(),
            outcome_notes=self.dates.outcome_notes.toPlainText(),
            member_ids=self.people.person_ids(),
            fundings=self.funders.lines(
                lambda name: projects.find_funder_by_name(session, name)),
        )

    def save(self) -> None:
        """Save and close; on a problem, say what is wrong and stay open."""
        try:
            with self._session_scope() as session:
                result = self._write(session, self.collected(session))
        except UserError as exc:
            errors.show_user_error(self, self.tr("Project not saved"), exc)
            return
        self.saved_id, self.warnings = result.id, result.warnings
        if result.warnings:
            ask.show_info(self, self.tr("Project saved, with remarks"),
                          "\n\n".join(result.warnings))
        self.accept()

    def _write(self, session: Session, data: ProjectData) -> SaveResult:
        if self.project_id is None:
            status = ProjectStatus(self.initial_status.currentData())
            return projects.create_project(session, data, status=status)
        return projects.update_project(session, self.project_id, data)


def edit_project(parent: QWidget | None, session_scope: SessionScope,
                 project_id: int | None = None) -> int | None:
    """Show the form (a new project when ``project_id`` is None); the id saved, or None."""
    dialog = ProjectDialog(session_scope, project_id, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.saved_id
        return None
    finally:
        dialog.deleteLater()

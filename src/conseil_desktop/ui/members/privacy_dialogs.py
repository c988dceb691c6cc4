"""Personal data (domain.md section 9): the *fiche de données personnelles*,
*Anonymiser* one person, and *Purger les anciens membres*.

Anonymising cannot be undone: it is confirmed by name, and the purge first
lists who would be anonymised (members who left more than the council's
``anonymise_after_months`` ago), then asks again. Both write in one
transaction (:mod:`conseil_desktop.services.privacy`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import MemberStatus
from conseil_desktop.errors import UserError
from conseil_desktop.services import labels
from conseil_desktop.services.council import get_settings
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.privacy import (
    PersonalData,
    PurgeCandidate,
    anonymise_person,
    person_data,
    purge_preview,
)
from conseil_desktop.services.privacy import purge_departed as purge_service
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.documents.folders import last_folder, remember_folder
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.tools_support import (
    RowsModel,
    SessionScope,
    run_and_wait,
    run_dialog,
    show_problem,
    tell,
)
from conseil_desktop.ui.workers import Progress

# --- the data sheet ------------------------------------------------------------------


def write_sheet(session_scope: SessionScope, person_id: int, path: Path,
                progress: Progress) -> Path:
    """The sheet task (worker thread: no widget here)."""
    from conseil_desktop.export.personal_data_sheet import write_personal_data_sheet

    progress.step(0, QCoreApplication.translate("Privacy", "Gathering the data…"))
    with session_scope() as session:
        data = person_data(session, person_id)
        settings = get_settings(session)
    progress.step(1, QCoreApplication.translate("Privacy", "Writing the PDF…"))
    write_personal_data_sheet(data, settings.council_name, settings.gdpr_notice, path)
    return path


def personal_data_sheet(parent: QWidget, session_scope: SessionScope, person_id: int) -> None:
    """Save the PDF of everything held on one person (for an access request)."""
    title = QCoreApplication.translate("Privacy", "Personal data sheet")
    try:
        with session_scope() as session:
            name = person_data(session, person_id).full_name
    except UserError as exc:
        show_problem(parent, title, exc)
        return
    suggested = last_folder() / fill(
        QCoreApplication.translate("Privacy", "Personal data - %1.pdf"), _file_safe(name))
    path = ask.ask_save_path(parent, title, QCoreApplication.translate(
        "Privacy", "PDF document (*.pdf)"), suggested)
    if path is None:
        return
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    remember_folder(path)
    outcome = run_and_wait(parent, title, 2,
                           lambda p: write_sheet(session_scope, person_id, path, p))
    if outcome.error is not None:
        show_problem(parent, title, outcome.error)
    elif outcome.done:
        tell(parent, title, fill(QCoreApplication.translate(
            "Privacy", "Personal data sheet written: %1"), path))


def _file_safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in " -_'" else "_" for c in name).strip() or "fiche"


# --- anonymising one person ------------------------------------------------------------


def anonymise_member(parent: QWidget, session_scope: SessionScope, person_id: int) -> bool:
    """Erase one person's identity, after a confirmation naming them; True when done."""
    title = QCoreApplication.translate("Privacy", "Anonymise")
    try:
        with session_scope() as session:
            data = person_data(session, person_id)
    except UserError as exc:
        show_problem(parent, title, exc)
        return False
    if data.anonymised_on is not None:
        ask.show_info(parent, title, QCoreApplication.translate(
            "Privacy", "This person has already been anonymised."))
        return False
    if _is_active(data):
        ask.show_error(parent, title, fill(QCoreApplication.translate(
            "Privacy", "%1 is still an active member: record their departure first "
                       "(resignation, move or exclusion), then anonymise their data."),
            data.full_name))
        return False
    question = fill(QCoreApplication.translate(
        "Privacy", "Anonymise %1 (n° %2)?\n\nTheir name, contact details, birth date, "
                   "address, roles and consents are erased for good; only anonymous "
                   "attendance figures are kept. This cannot be undone."),
        data.full_name, person_id)
    if not ask.confirm(parent, title, question):
        return False
    try:
        with session_scope() as session:
            done = anonymise_person(session, person_id, date.today())
    except UserError as exc:
        show_problem(parent, title, exc)
        return False
    if done:
        tell(parent, title, fill(QCoreApplication.translate(
            "Privacy", "%1 has been anonymised."), data.full_name))
    return done


def _is_active(data: PersonalData) -> bool:
    membership = data.membership
    return membership is not None and membership.status == labels.MEMBER_STATUS[
        MemberStatus.ACTIVE]


# --- the purge -----------------------------------------------------------------------


class PurgeDialog(QDialog):
    """Who the purge would anonymise; accepting it still asks for confirmation."""

    def __init__(self, candidates: list[PurgeCandidate], months: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Purge former members"))
        self.resize(720, 480)
        intro = QLabel(fill(self.tr(
            "%Ln former member(s) left more than %1 months ago (the delay set in the council "
            "settings). Anonymising them erases their identity for good and keeps only "
            "anonymous attendance figures.", "", len(candidates)), months), self)
        intro.setWordWrap(True)
        self.model = RowsModel([self.tr("Name"), self.tr("First name"), self.tr("College"),
                                self.tr("Status"), self.tr("Since")], self)
        self.model.set_rows([(c.last_name, c.first_name, c.college, c.status,
                              fmt_date(c.status_since)) for c in candidates])
        self.view = QTableView(self)
        self.view.setObjectName("purge_candidates")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.resizeColumnsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            fill(self.tr("Anonymise them (%1)…"), len(candidates)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)


def ask_purge(parent: QWidget, candidates: list[PurgeCandidate], months: int) -> bool:
    """The purge preview (tests replace this function); True to go on."""
    dialog = PurgeDialog(candidates, months, parent)
    try:
        return run_dialog(dialog) == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def purge_departed(parent: QWidget, session_scope: SessionScope) -> bool:
    """Preview, confirm, then anonymise the departed members; True when done."""
    title = QCoreApplication.translate("Privacy", "Purge former members")
    today = date.today()
    try:
        with session_scope() as session:
            months = get_settings(session).anonymise_after_months
            candidates = purge_preview(session, today, months)
    except UserError as exc:
        show_problem(parent, title, exc)
        return False
    if not candidates:
        ask.show_info(parent, title, fill(QCoreApplication.translate(
            "Privacy", "No former member left more than %1 months ago: nobody to anonymise."),
            months))
        return False
    if not ask_purge(parent, candidates, months):
        return False
    if not ask.confirm(parent, title, QCoreApplication.translate(
            "Privacy", "Anonymise %Ln former member(s) for good? This cannot be undone.", "",
            len(candidates))):
        return False

    def task(progress: Progress) -> int:
        progress.step(0, QCoreApplication.translate("Privacy", "Anonymising…"))
        with session_scope() as session:
            count = purge_service(session, today, months)
            progress.check()  # cancelled: the transaction is rolled back
        return count

    outcome = run_and_wait(parent, title, 1, task)
    if outcome.error is not None:
        show_problem(parent, title, outcome.error)
    if not outcome.done:
        return False
    tell(parent, title, QCoreApplication.translate(
        "Privacy", "%Ln former member(s) anonymised.", "", outcome.value))
    return True

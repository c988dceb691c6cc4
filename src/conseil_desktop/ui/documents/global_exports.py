"""The *Exporter* menu's documents about the whole council, not one meeting.

* *Calendrier des réunions (.ics)…*: every meeting, saved where the user says;
* *Relevé des actions ouvertes…*: every open action, previewed as a PDF (it
  can be printed, opened, or saved as PDF or xlsx), or straight to Excel;
* *Cahier des présences (Excel)…*: after asking the year (or all years); over
  every year of a large base it takes seconds, so its progress dialog names the
  sheet being written and *Annuler* stops it within a fraction of a second.

Each is built off the UI thread through ``ui.documents.actions`` (the builder
opens its own session). Before anything is asked, a quick look at the base
tells the user when there is nothing to export, instead of writing an empty
file. The year is asked through :func:`ask_year`, which tests replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.errors import UserError
from conseil_desktop.progress import Stage
from conseil_desktop.services import council_documents
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.documents.actions import (
    DocumentRequest,
    offer_document,
    save_document,
)
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.workers import Progress, Worker

SessionScope = Callable[[], AbstractContextManager[Session]]


def _reading() -> str:
    return QCoreApplication.translate("GlobalExports", "Reading the database…")


def _writing() -> str:
    return QCoreApplication.translate("GlobalExports", "Writing the document…")


def export_actions(parent: QWidget, session_scope: SessionScope) -> list[QAction]:
    """The menu entries, in order; ``parent`` owns them and the dialogs they open."""
    entries: list[tuple[str, Callable[[], object]]] = [
        (QCoreApplication.translate("GlobalExports", "Meetings &calendar (.ics)…"),
         lambda: export_calendar(parent, session_scope)),
        (QCoreApplication.translate("GlobalExports", "&Open actions register…"),
         lambda: export_open_actions(parent, session_scope)),
        (QCoreApplication.translate("GlobalExports", "Open actions register (&Excel)…"),
         lambda: export_open_actions(parent, session_scope, excel=True)),
        (QCoreApplication.translate("GlobalExports", "&Attendance workbook (Excel)…"),
         lambda: export_attendance(parent, session_scope)),
    ]
    actions = []
    for text, slot in entries:
        action = QAction(text, parent)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        actions.append(action)
    return actions


def _allowed(parent: QWidget, title: str, session_scope: SessionScope,
             look: Callable[[Session], object]) -> bool:
    """``look`` at the base first; False (the user is told why) when it refuses."""
    try:
        with session_scope() as session:
            look(session)
    except UserError as error:
        ask.show_info(parent, title, error.message)
        return False
    return True


# -- the calendar -------------------------------------------------------------------------

def calendar_request(session_scope: SessionScope) -> DocumentRequest:
    def build(path: Path, _fmt: str, progress: Progress) -> None:
        progress.step(0, _reading())
        with session_scope() as session:
            data = council_documents.calendar_data(session)
        progress.step(1, _writing())
        from conseil_desktop.export.ics import write_calendar

        write_calendar(path, data.entries, name=data.council_name)

    return DocumentRequest(
        title=QCoreApplication.translate("GlobalExports", "Meetings calendar"),
        suggested_name=QCoreApplication.translate("GlobalExports", "Meetings calendar"),
        formats=("ics",), build=build)


def export_calendar(parent: QWidget, session_scope: SessionScope) -> Worker | None:
    request = calendar_request(session_scope)
    if not _allowed(parent, request.title, session_scope, council_documents.require_meetings):
        return None
    return save_document(parent, request, request.formats)


# -- the open actions ---------------------------------------------------------------------

def open_actions_request(session_scope: SessionScope, today: dt.date) -> DocumentRequest:
    def build(path: Path, fmt: str, progress: Progress) -> None:
        progress.step(0, _reading())
        with session_scope() as session:
            data = council_documents.open_actions_register(session, today)
        progress.step(1, _writing())
        if fmt == "xlsx":
            from conseil_desktop.export.xlsx.decisions import write_decisions_xlsx

            write_decisions_xlsx(path, data.rows, data.title)
        else:
            from conseil_desktop.export.pdf.decisions import write_decisions_pdf

            write_decisions_pdf(path, data.rows, data.title, council_name=data.council_name,
                                today=today)

    name = QCoreApplication.translate("GlobalExports", "Open actions")
    return DocumentRequest(
        title=QCoreApplication.translate("GlobalExports", "Open actions register"),
        suggested_name=f"{name} {fmt_date(today).replace('/', '-')}",
        formats=("pdf", "xlsx"), build=build)


def export_open_actions(parent: QWidget, session_scope: SessionScope, *,
                        excel: bool = False, today: dt.date | None = None) -> Worker | None:
    """Preview the PDF (save as PDF or xlsx from there), or save the xlsx at once."""
    today = today or dt.date.today()
    request = open_actions_request(session_scope, today)
    if not _allowed(parent, request.title, session_scope,
                    lambda s: council_documents.open_actions_register(s, today)):
        return None
    if excel:
        return save_document(parent, request, ("xlsx",))
    return offer_document(parent, request)


# -- the attendance workbook --------------------------------------------------------------

@dataclass(frozen=True)
class YearChoice:
    year: int | None  # None: every year


# Where each stage moves the bar (in steps of ``actions.STEPS``), after the time each
# took on the 2,000-meeting base: reading 27 %, matrix 13 %, sheets 46 %, saving 14 %.
ATTENDANCE_BANDS = {
    Stage.READING: (0.0, 0.8), Stage.MEMBERS: (0.8, 1.2), Stage.SHEETS: (1.2, 2.6),
    Stage.SAVING: (2.6, 2.98),
}


def attendance_request(session_scope: SessionScope, year: int | None,
                       today: dt.date) -> DocumentRequest:
    def build(path: Path, _fmt: str, progress: Progress) -> None:
        progress.step(0, _reading())
        hook = progress.hook(ATTENDANCE_BANDS)  # the bar moves; a cancel stops at once
        with session_scope() as session:
            data = council_documents.attendance_data(session, year, hook, today=today)
        from conseil_desktop.export.xlsx.attendance import write_attendance_workbook

        write_attendance_workbook(path, data, hook)

    if year is None:
        name = QCoreApplication.translate("GlobalExports", "Attendance, all years")
    else:
        name = fill(QCoreApplication.translate("GlobalExports", "Attendance %1"), year)
    return DocumentRequest(
        title=QCoreApplication.translate("GlobalExports", "Attendance workbook"),
        suggested_name=name, formats=("xlsx",), build=build)


def export_attendance(parent: QWidget, session_scope: SessionScope,
                      today: dt.date | None = None) -> Worker | None:
    """The years offered are those with a meeting held (up to today) that had invitees;
    the workbook, of one year or all, leaves out the meetings still to come."""
    today = today or dt.date.today()
    title = QCoreApplication.translate("GlobalExports", "Attendance workbook")
    years: list[int] = []
    if not _allowed(parent, title, session_scope,
                    lambda s: years.extend(council_documents.held_years(s, today))):
        return None
    choice = ask_year(parent, years, today.year)
    if choice is None:
        return None
    return save_document(parent, attendance_request(session_scope, choice.year, today),
                         ("xlsx",))


def ask_year(parent: QWidget, years: list[int], this_year: int) -> YearChoice | None:
    """Which meetings the workbook covers; None when the user cancels."""
    dialog = YearDialog(years, this_year, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


class YearDialog(QDialog):
    """All years, or one of the years that have meetings (this year, else the latest, first)."""

    def __init__(self, years: list[int], this_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attendance workbook"))
        intro = QLabel(self.tr(
            "The workbook holds a summary, the members × meetings matrix and one sheet per "
            "meeting held. Cancelled meetings and meetings still to come are left out."), self)
        intro.setWordWrap(True)
        self.years = QComboBox(self)
        self.years.addItem(self.tr("All years"), None)
        for year in years:
            self.years.addItem(str(year), year)
        default = years.index(this_year) + 1 if this_year in years else (1 if years else 0)
        self.years.setCurrentIndex(default)
        form = QFormLayout()
        form.addRow(self.tr("&Meetings of:"), self.years)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("&Export…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())
        self.years.setFocus()

    def choice(self) -> YearChoice:
        return YearChoice(self.years.currentData())

"""The *Documents* menu of a meeting's window: each entry builds one document
of the meeting (from data read afresh, in a worker) and offers it through
``ui.documents.actions.offer_document`` (preview, print, open, save as)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.export.signin_rows import SigninOptions
from conseil_desktop.services import decision_register
from conseil_desktop.services.formatting import MONTHS, fmt_date
from conseil_desktop.services.meeting_addresses import (
    PostalAddress,
    council_address,
    invitee_addresses,
    label_recipients,
)
from conseil_desktop.services.meeting_list import CalendarEntry, calendar_entries
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot, meeting_snapshot
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.documents.actions import DocumentRequest, offer_document
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.workers import Progress

if TYPE_CHECKING:
    from conseil_desktop.ui.meetings.meeting_page import MeetingPage

SessionScope = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class Material:
    """What the documents of a meeting are made from, read in one session."""

    snapshot: MeetingSnapshot
    addresses: dict[int, PostalAddress]
    sender_address: str
    calendar: list[CalendarEntry]


Writer = Callable[[Path, str, Material], None]


class SigninWriter:
    """Writes the sign-in sheet with the options the user chose just before."""

    def __init__(self, *, archive: bool) -> None:
        self.archive = archive

    def __call__(self, path: Path, fmt: str, material: Material,
                 options: SigninOptions | None = None) -> None:
        options = options or SigninOptions(with_attendance=self.archive)
        if fmt == "xlsx":
            from conseil_desktop.export.xlsx.signin_sheet import write_signin_sheet_xlsx

            write_signin_sheet_xlsx(path, material.snapshot, options)
        else:
            from conseil_desktop.export.pdf.signin_sheet import write_signin_sheet_pdf

            write_signin_sheet_pdf(path, material.snapshot, options)


class SigninOptionsDialog(QDialog):
    """Blank rows for walk-ins, orientation, grouping by college, arrival column."""

    def __init__(self, parent: QWidget | None, *, archive: bool) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("Sign-in sheet"))
        self.blank_rows = QSpinBox(self)
        self.blank_rows.setRange(0, 500)
        self.blank_rows.setValue(0 if archive else 10)
        self.landscape = QCheckBox(self.tr("&Landscape page"), self)
        self.group_by_college = QCheckBox(self.tr("&Group the rows by college"), self)
        # Off, as on the command line and in the meeting file: the six columns of
        # the usual sheet by default, the arrival time only when asked for.
        self.arrival_column = QCheckBox(self.tr("&Arrival time column"), self)
        form = QFormLayout()
        form.addRow(self.tr("&Blank rows for walk-ins:"), self.blank_rows)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for box in (self.landscape, self.group_by_college, self.arrival_column):
            layout.addWidget(box)
        layout.addWidget(buttons)

    def options(self) -> SigninOptions:
        return SigninOptions(blank_rows=self.blank_rows.value(),
                             landscape=self.landscape.isChecked(),
                             group_by_college=self.group_by_college.isChecked(),
                             arrival_column=self.arrival_column.isChecked(),
                             with_attendance=self.archive)


def ask_signin_options(parent: QWidget | None, archive: bool) -> SigninOptions | None:
    """The sign-in sheet's options; None when the user cancels (tests replace this)."""
    dialog = SigninOptionsDialog(parent, archive=archive)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()


def _convocations(path: Path, _fmt: str, material: Material, *, skip_email: bool) -> None:
    from conseil_desktop.export.pdf.convocation import write_convocations

    write_convocations(path, material.snapshot, material.addresses, skip_email=skip_email,
                       sender_address=material.sender_address)


def _labels(path: Path, _fmt: str, material: Material) -> None:
    from conseil_desktop.export.pdf.labels import write_labels

    write_labels(path, material.addresses, skip_email=True)


def _dossier(path: Path, _fmt: str, material: Material) -> None:
    from conseil_desktop.export.pdf.dossier import write_dossier

    write_dossier(path, material.snapshot, material.addresses,
                  sender_address=material.sender_address)


def _calendar(path: Path, _fmt: str, material: Material) -> None:
    from conseil_desktop.export.ics import write_calendar

    write_calendar(path, material.calendar, name=material.snapshot.council_name)


def _minutes(path: Path, _fmt: str, material: Material) -> None:
    from conseil_desktop.export.pdf.minutes import write_minutes_pdf

    write_minutes_pdf(path, material.snapshot)


def _decisions(path: Path, fmt: str, material: Material) -> None:
    snapshot = material.snapshot
    rows = decision_register.meeting_rows(snapshot, dt.date.today())
    title = decision_register.register_title(snapshot)
    if fmt == "xlsx":
        from conseil_desktop.export.xlsx.decisions import write_decisions_xlsx

        write_decisions_xlsx(path, rows, title)
    else:
        from conseil_desktop.export.pdf.decisions import write_decisions_pdf

        write_decisions_pdf(path, rows, title, council_name=snapshot.council_name)


def documents() -> list[tuple[str, str, tuple[str, ...], Writer] | None]:
    """Menu text, file name prefix, formats (the first is previewed) and writer;
    None for a separator."""
    return [
        (QCoreApplication.translate("MeetingDocuments", "&Convocation letters"),
         QCoreApplication.translate("MeetingDocuments", "Convocations"), ("pdf",),
         lambda p, f, m: _convocations(p, f, m, skip_email=False)),
        (QCoreApplication.translate("MeetingDocuments",
                                    "Convocation letters to &post (not by e-mail)"),
         QCoreApplication.translate("MeetingDocuments", "Convocations"), ("pdf",),
         lambda p, f, m: _convocations(p, f, m, skip_email=True)),
        (QCoreApplication.translate("MeetingDocuments", "Address &labels"),
         QCoreApplication.translate("MeetingDocuments", "Labels"), ("pdf",), _labels),
        None,
        (QCoreApplication.translate("MeetingDocuments", "&Sign-in sheet…"),
         QCoreApplication.translate("MeetingDocuments", "Sign-in sheet"), ("pdf", "xlsx"),
         SigninWriter(archive=False)),
        (QCoreApplication.translate("MeetingDocuments",
                                    "Sign-in sheet &with attendance (archive copy)…"),
         QCoreApplication.translate("MeetingDocuments", "Attendance"), ("pdf", "xlsx"),
         SigninWriter(archive=True)),
        None,
        (QCoreApplication.translate("MeetingDocuments", "&Minutes (procès-verbal)"),
         QCoreApplication.translate("MeetingDocuments", "Minutes"), ("pdf",), _minutes),
        (QCoreApplication.translate("MeetingDocuments", "&Decision register"),
         QCoreApplication.translate("MeetingDocuments", "Decisions"), ("pdf", "xlsx"),
         _decisions),
        None,
        (QCoreApplication.translate("MeetingDocuments", "Meeting &file (dossier de séance)"),
         QCoreApplication.translate("MeetingDocuments", "Meeting file"), ("pdf",), _dossier),
        (QCoreApplication.translate("MeetingDocuments", "Calendar &event (.ics)…"),
         QCoreApplication.translate("MeetingDocuments", "Meeting"), ("ics",), _calendar),
    ]


def read_material(session: Session, meeting_id: int) -> Material:
    return Material(meeting_snapshot(session, meeting_id),
                    invitee_addresses(session, meeting_id), council_address(session),
                    calendar_entries(session, meeting_id))


def request_for(session_scope: SessionScope, meeting_id: int, snapshot: MeetingSnapshot,
                name: str, formats: tuple[str, ...], write: Writer) -> DocumentRequest:
    reading = QCoreApplication.translate("MeetingDocuments", "Reading the meeting…")
    writing = QCoreApplication.translate("MeetingDocuments", "Writing the document…")

    def build(path: Path, fmt: str, progress: Progress) -> None:
        progress.step(0, reading)
        with session_scope() as session:
            material = read_material(session, meeting_id)
        progress.step(1, writing)
        write(path, fmt, material)

    suggested = suggested_name(name, snapshot.date, snapshot.title)
    return DocumentRequest(title=f"{name} — {snapshot.title}", suggested_name=suggested,
                           formats=formats, build=build)


def suggested_name(name: str, day: dt.date, title: str) -> str:
    """``Feuille d'émargement 26-11-2026 Assemblée plénière``; the date is left out when
    the title already gives it (26/11/2026, 26-11-2026, 26 novembre 2026)."""
    if title_gives_date(title, day):
        return f"{name} {title}"
    return f"{name} {fmt_date(day).replace('/', '-')} {title}"


def title_gives_date(title: str, day: dt.date) -> bool:
    numbers = rf"0?{day.day}\s*[/.-]\s*0?{day.month}\s*[/.-]\s*{day.year}"
    words = rf"{day.day}(?:er)?\s+{MONTHS[day.month - 1]}\s+{day.year}"
    return re.search(rf"(?<!\d)(?:{numbers}|{words})(?!\d)", title, re.IGNORECASE) is not None


def fill_menu(menu: QMenu, page: MeetingPage) -> None:
    for entry in documents():
        if entry is None:
            menu.addSeparator()
            continue
        text, name, formats, write = entry
        action = menu.addAction(text)
        action.triggered.connect(
            lambda _checked=False, n=name, f=formats, w=write: offer(page, n, f, w))


def offer(page: MeetingPage, name: str, formats: tuple[str, ...], write: Writer) -> None:
    page.page_actions.save_summary()  # the document shows what was just typed
    if page.snapshot is None:
        return
    if isinstance(write, SigninWriter):
        options = ask_signin_options(page, write.archive)
        if options is None:
            return
        write = partial(write, options=options)
    if write is _labels:
        tell_labels_left_out(page)
    offer_document(page, request_for(page.session_scope, page.meeting_id, page.snapshot,
                                     name, formats, write))


MAX_NAMES = 10


def labels_left_out(addresses: dict[int, PostalAddress]) -> str | None:
    """What the labels leave out, as the command line says it: those convened by e-mail
    (the menu's labels are for the post) and those without a complete postal address,
    named (the first ten, then how many others). None when every invitee has a label."""
    chosen = label_recipients(addresses, skip_email=True)
    by_email = sum(1 for a in addresses.values() if a.by_email)
    incomplete = sorted(a.name for a in addresses.values()
                        if not a.by_email and not a.complete)
    if not by_email and not incomplete:
        return None
    lines = [fill(QCoreApplication.translate(
        "MeetingDocuments", "Labels: %1 of %Ln invitee(s).", "", len(addresses)),
        QLocale().toString(len(chosen)))]
    if by_email:
        lines.append(QCoreApplication.translate(
            "MeetingDocuments", "Convened by e-mail, so no label: %Ln.", "", by_email))
    if incomplete:
        names = ", ".join(incomplete[:MAX_NAMES])
        rest = len(incomplete) - MAX_NAMES
        if rest > 0:
            names = fill(QCoreApplication.translate(
                "MeetingDocuments", "%1 and %Ln other(s)", "", rest), names)
        lines.append(fill(QCoreApplication.translate(
            "MeetingDocuments", "Without a complete postal address, so no label (%Ln): %1.",
            "", len(incomplete)), names))
    return "\n".join(lines)


def tell_labels_left_out(page: MeetingPage) -> None:
    with page.session_scope() as session:
        text = labels_left_out(invitee_addresses(session, page.meeting_id))
    if text is not None:
        ask.show_info(page, QCoreApplication.translate("MeetingDocuments", "Address labels"),
                      text)

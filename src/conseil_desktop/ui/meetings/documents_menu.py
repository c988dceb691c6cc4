"""The *Documents* menu of a meeting's window: each entry builds one document
of the meeting (from a fresh snapshot, in a worker) and offers it through
``ui.documents.actions.offer_document`` (preview, print, open, save as)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu
from sqlalchemy.orm import Session

from conseil_desktop.export.pdf.decisions import write_decisions_pdf
from conseil_desktop.export.pdf.minutes import write_minutes_pdf
from conseil_desktop.export.pdf.signin_sheet import write_signin_sheet_pdf
from conseil_desktop.export.signin_rows import SigninOptions
from conseil_desktop.export.xlsx.decisions import write_decisions_xlsx
from conseil_desktop.export.xlsx.signin_sheet import write_signin_sheet_xlsx
from conseil_desktop.services import decision_register
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot, meeting_snapshot
from conseil_desktop.ui.documents.actions import DocumentRequest, offer_document
from conseil_desktop.ui.workers import Progress

if TYPE_CHECKING:
    from conseil_desktop.ui.meetings.meeting_page import MeetingPage

SessionScope = Callable[[], AbstractContextManager[Session]]
Writer = Callable[[Path, str, MeetingSnapshot], None]



def _signin(path: Path, fmt: str, snapshot: MeetingSnapshot, *, archive: bool) -> None:
    options = SigninOptions(with_attendance=archive, arrival_column=True)
    if fmt == "xlsx":
        write_signin_sheet_xlsx(path, snapshot, options)
    else:
        write_signin_sheet_pdf(path, snapshot, options)


def _minutes(path: Path, _fmt: str, snapshot: MeetingSnapshot) -> None:
    write_minutes_pdf(path, snapshot)


def _decisions(path: Path, fmt: str, snapshot: MeetingSnapshot) -> None:
    rows = decision_register.meeting_rows(snapshot, dt.date.today())
    title = decision_register.register_title(snapshot)
    if fmt == "xlsx":
        write_decisions_xlsx(path, rows, title)
    else:
        write_decisions_pdf(path, rows, title, council_name=snapshot.council_name)


def documents() -> list[tuple[str, str, tuple[str, ...], Writer]]:
    """Menu text, file name prefix, formats (the first is previewed) and writer."""
    return [
        (QCoreApplication.translate("MeetingDocuments", "&Sign-in sheet"),
         QCoreApplication.translate("MeetingDocuments", "Sign-in sheet"), ("pdf", "xlsx"),
         lambda p, f, s: _signin(p, f, s, archive=False)),
        (QCoreApplication.translate("MeetingDocuments",
                                    "Sign-in sheet &with attendance (archive copy)"),
         QCoreApplication.translate("MeetingDocuments", "Attendance"), ("pdf", "xlsx"),
         lambda p, f, s: _signin(p, f, s, archive=True)),
        (QCoreApplication.translate("MeetingDocuments", "&Minutes (procès-verbal)"),
         QCoreApplication.translate("MeetingDocuments", "Minutes"), ("pdf",), _minutes),
        (QCoreApplication.translate("MeetingDocuments", "&Decision register"),
         QCoreApplication.translate("MeetingDocuments", "Decisions"), ("pdf", "xlsx"),
         _decisions),
    ]


def request_for(session_scope: SessionScope, meeting_id: int, snapshot: MeetingSnapshot,
                name: str, formats: tuple[str, ...], write: Writer) -> DocumentRequest:
    reading = QCoreApplication.translate("MeetingDocuments", "Reading the meeting…")
    writing = QCoreApplication.translate("MeetingDocuments", "Writing the document…")

    def build(path: Path, fmt: str, progress: Progress) -> None:
        progress.step(0, reading)
        with session_scope() as session:
            fresh = meeting_snapshot(session, meeting_id)
        progress.step(1, writing)
        write(path, fmt, fresh)

    suggested = f"{name} {fmt_date(snapshot.date).replace('/', '-')} {snapshot.title}"
    return DocumentRequest(title=f"{name} — {snapshot.title}", suggested_name=suggested,
                           formats=formats, build=build)


def fill_menu(menu: QMenu, page: MeetingPage) -> None:
    for text, name, formats, write in documents():
        action = menu.addAction(text)
        action.triggered.connect(
            lambda _checked=False, n=name, f=formats, w=write: offer(page, n, f, w))


def offer(page: MeetingPage, name: str, formats: tuple[str, ...], write: Writer) -> None:
    page.page_actions.save_summary()  # the document shows what was just typed
    if page.snapshot is None:
        return
    offer_document(page, request_for(page.session_scope, page.meeting_id, page.snapshot,
                                     name, formats, write))

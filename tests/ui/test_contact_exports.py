"""The Contacts tab's exports: written in a worker, never half-written."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog, QPushButton

from conseil_desktop.export import vcard
from conseil_desktop.ui.contacts import ContactsTab
from conseil_desktop.ui.contacts.exports import ExportFormat
from conseil_desktop.ui.database import Database
from tests.ui.contact_helpers import new_contact, new_organisation, open_tab
from tests.ui.helpers import Dialogs


@pytest.fixture
def tab(qtbot: Any, database: Database) -> ContactsTab:
    org = new_organisation(database, "Régie de quartier", "association",
                           address_line1="3 rue du Lac", postcode="31100", city="Toulouse",
                           phone="05 61 22 33 44")
    new_contact(database, "Yılmaz", "Zeynep", org, "Directrice")
    return open_tab(qtbot, database)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "exports"
    made.mkdir()
    return made


def run_export(qtbot: Any, tab: ContactsTab, kind: ExportFormat) -> list[Any]:
    """Trigger the action, wait for the worker; what the tab posted."""
    posted: list[Any] = []
    tab.message_posted.connect(posted.append)
    tab.exports.action(kind).trigger()
    qtbot.waitUntil(lambda: tab.exports.worker is None, timeout=20_000)
    return posted


def test_spreadsheet_export(qtbot: Any, tab: ContactsTab, dialogs: Dialogs,
                            folder: Path) -> None:
    dialogs.answer("ask_save_path", folder / "contacts.xlsx")
    posted = run_export(qtbot, tab, ExportFormat.XLSX)
    assert len(posted) == 1 and "contacts.xlsx" in posted[0]
    [(_parent, title, _filter, suggested)] = dialogs.named("ask_save_path")
    assert suggested.suffix == ".xlsx"
    assert not title.endswith("…") and "&" not in title  # the menu entry, as a window title
    book = openpyxl.load_workbook(folder / "contacts.xlsx", read_only=True)
    organisations = [row[0] for row in book["Organisations"].iter_rows(values_only=True)]
    people = [row[:4] for row in book["Personnes"].iter_rows(values_only=True)]
    book.close()
    assert "Régie de quartier" in organisations
    assert ("Yılmaz", "Zeynep", "Régie de quartier", "Directrice") in people


def test_useful_addresses_pdf(qtbot: Any, tab: ContactsTab, dialogs: Dialogs,
                              folder: Path) -> None:
    dialogs.answer("ask_save_path", folder / "adresses.pdf")
    run_export(qtbot, tab, ExportFormat.PDF)
    text = "".join(page.extract_text() for page in PdfReader(folder / "adresses.pdf").pages)
    assert "Adresses utiles" in text
    assert "Régie de quartier" in text and "05 61 22 33 44" in text
    assert "Yılmaz" not in text  # people are not printed for residents


def test_the_next_export_suggests_the_last_folder(
    qtbot: Any, tab: ContactsTab, dialogs: Dialogs, folder: Path
) -> None:
    dialogs.answer("ask_save_path", folder / "a.vcf", None)
    run_export(qtbot, tab, ExportFormat.VCARD)
    tab.exports.action(ExportFormat.PDF).trigger()  # the user then cancels the file dialog
    suggested = [args[3] for args in dialogs.named("ask_save_path")]
    assert suggested[1].parent == folder
    assert tab.exports.worker is None


def test_a_failed_export_says_why_and_writes_nothing(
    qtbot: Any, tab: ContactsTab, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialogs.answer("ask_save_path", tmp_path / "missing" / "contacts.vcf")
    posted = run_export(qtbot, tab, ExportFormat.VCARD)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "n'existe pas" in message
    assert posted == []
    assert not (tmp_path / "missing").exists()


def test_a_bug_in_the_export_shows_the_crash_dialog(
    qtbot: Any, tab: ContactsTab, dialogs: Dialogs, folder: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(vcard, "write_vcards", broken)
    dialogs.answer("ask_save_path", folder / "contacts.vcf")
    run_export(qtbot, tab, ExportFormat.VCARD)
    assert len(dialogs.named("show_crash_dialog")) == 1
    assert list(folder.iterdir()) == []


def test_cancelling_leaves_the_previous_file(
    qtbot: Any, tab: ContactsTab, dialogs: Dialogs, folder: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "contacts.vcf"
    target.write_text("the previous export", encoding="utf-8")
    release = threading.Event()
    write_vcards = vcard.write_vcards

    def slow(book: Any, path: Path) -> None:  # long enough for the progress dialog to show
        write_vcards(book, path)
        release.wait(10)

    monkeypatch.setattr(vcard, "write_vcards", slow)
    dialogs.answer("ask_save_path", target)
    posted: list[Any] = []
    tab.message_posted.connect(posted.append)
    tab.exports.action(ExportFormat.VCARD).trigger()
    assert not any(action.isEnabled() for action in tab.export_actions())
    progress = tab.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5_000)
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None
    cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: tab.exports.worker is None, timeout=10_000)
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in folder.iterdir()] == ["contacts.vcf"]
    assert len(posted) == 1 and "contacts.vcf" not in posted[0]
    assert all(action.isEnabled() for action in tab.export_actions())

"""Long documents in the application: the progress dialog names the sheet or member
being written, and *Annuler* stops the writer within half a second, leaving no file
(neither the target nor its temporary, nor openpyxl's sheet files) and the base as it was.

The writers are slowed down a little (a few milliseconds a sheet or a fraction of one a
row) so that a small council takes seconds, as a large one does without help.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QPushButton, QWidget

from conseil_desktop.db.engine import open_storage
from conseil_desktop.export import members_export
from conseil_desktop.export.xlsx import attendance
from conseil_desktop.services.demo import generate_demo
from conseil_desktop.services.member_rows import MemberTable, choose_columns
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.documents import global_exports
from conseil_desktop.ui.documents.global_exports import YearChoice
from conseil_desktop.ui.members import export_dialog, tools
from conseil_desktop.ui.members.export_dialog import ExportChoice
from tests.ui.helpers import Dialogs

PROMPT = 0.5  # seconds from the click on Annuler to the worker's end
SPACE = "\u202f"  # between thousands, in French


@pytest.fixture
def council(tmp_path: Path) -> Iterator[Database]:
    storage = open_storage(tmp_path / "grand.db")
    generate_demo(storage, members=120, meetings=80, seed=7, today=date(2026, 11, 25))
    opened = Database(storage)
    yield opened
    opened.close()


@pytest.fixture
def parent(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """openpyxl writes each sheet to a temporary file first: here, in a folder to watch."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def fingerprint(path: Path) -> dict[str, str]:
    """The base and its write-ahead log (the -shm index changes with every reader)."""
    files = [path, path.with_name(path.name + "-wal")]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.exists()}


def cancel_when(qtbot: Any, parent: QWidget, shown: str) -> tuple[str, float]:
    """Wait until the progress dialog is on screen with a label starting with ``shown``,
    then click its *Annuler* button; the label seen and the time of the click."""
    def showing() -> bool:
        dialog = parent.findChild(QProgressDialog)
        return (dialog is not None and dialog.isVisible()
                and dialog.labelText().startswith(shown))

    qtbot.waitUntil(showing, timeout=10000)
    dialog = parent.findChild(QProgressDialog)
    label = dialog.labelText()
    button = dialog.findChild(QPushButton)
    assert button.text() == "Annuler"
    button.click()
    return label, time.monotonic()


def test_cancelling_the_attendance_workbook_stops_it_at_once(
        qtbot: Any, parent: QMainWindow, council: Database, dialogs: Dialogs, tmp_path: Path,
        system_temp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_sheet = attendance._meeting_sheet
    written: list[str] = []

    def slow_sheet(*args: Any) -> None:
        time.sleep(0.03)
        real_sheet(*args)
        written.append(args[2])

    monkeypatch.setattr(attendance, "_meeting_sheet", slow_sheet)
    monkeypatch.setattr(global_exports, "ask_year", lambda *a: YearChoice(None))
    target = tmp_path / "out" / "presences.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    base = fingerprint(council.path)

    # The 80 meetings of the demo, but those still to come: 72 held by then.
    worker = global_exports.export_attendance(parent, council.session_scope,
                                              today=date(2026, 11, 25))
    assert worker is not None
    ended: list[float] = []
    worker.cancelled.connect(lambda: ended.append(time.monotonic()))
    worker.succeeded.connect(lambda _r: pytest.fail("the workbook was finished regardless"))
    label, clicked = cancel_when(qtbot, parent, "Feuille ")
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(worker), timeout=2000)  # ended, deleted

    assert label.endswith(" sur 72…"), label  # "Feuille 12 sur 72…"
    assert ended[0] - clicked < PROMPT
    assert 0 < len(written) < 72, "stopped among the meeting sheets"
    assert list(target.parent.iterdir()) == [], "neither the workbook nor its temporary"
    assert list(system_temp.iterdir()) == [], "no sheet's temporary file"
    assert fingerprint(council.path) == base, "the base is untouched"
    assert parent.findChild(QProgressDialog) is None or not parent.findChild(
        QProgressDialog).isVisible()
    assert [call[0] for call in dialogs.calls] == ["ask_save_path"], "no error shown"


def test_cancelling_the_members_register_stops_it_at_once(
        qtbot: Any, parent: QMainWindow, council: Database, dialogs: Dialogs, tmp_path: Path,
        system_temp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    columns = choose_columns(["last_name", "first_name", "joined_on"])
    table = MemberTable(columns, [(f"Nom {n}", "Prénom", date(2026, 1, 1))
                                  for n in range(20_000)])
    monkeypatch.setattr(export_dialog, "member_rows", lambda *a, **k: table)
    monkeypatch.setattr(export_dialog, "ask_export_options",
                        lambda *a: ExportChoice("xlsx", ("last_name", "first_name", "joined_on"),
                                                False))
    real_rows = members_export._xlsx_rows
    given: list[int] = []

    def slow_rows(rows: MemberTable) -> Iterator[list[Any]]:
        for row in real_rows(rows):
            time.sleep(0.0002)
            given.append(1)
            yield row

    monkeypatch.setattr(members_export, "_xlsx_rows", slow_rows)
    target = tmp_path / "out" / "membres.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    base = fingerprint(council.path)
    seen: list[tuple[str, float]] = []

    def cancel_soon() -> None:  # run_and_wait only returns once the task has ended
        seen.append(cancel_when(qtbot, parent, "Membre "))

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, cancel_soon)
    tools.export_members(parent, council.session_scope)
    ended = time.monotonic()

    label, clicked = seen[0]
    assert label.startswith("Membre ") and label.endswith(f" sur 20{SPACE}000…"), label
    assert ended - clicked < PROMPT
    assert 0 < len(given) < 20_000, "stopped among the rows"
    assert list(target.parent.iterdir()) == [], "neither the file nor its temporary"
    assert list(system_temp.iterdir()) == []
    assert fingerprint(council.path) == base
    assert dialogs.named("show_info") == [], "no 'file written' message"

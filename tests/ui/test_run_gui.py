"""``run_gui``: the smoke test, a locked or damaged database, and what happens to a bug."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal

from conseil_desktop import paths
from conseil_desktop.db import backup as backups
from conseil_desktop.db.engine import open_storage
from conseil_desktop.errors import UserError
from conseil_desktop.ui import main as gui_main
from conseil_desktop.ui import opening
from conseil_desktop.ui.excepthook import ExceptHook
from conseil_desktop.ui.main import initial_database_path, run_gui
from conseil_desktop.ui.members.tab import MembersTab
from conseil_desktop.ui.preferences import Preferences
from tests.ui.helpers import Dialogs, make_database


def test_smoke_test_passes(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hook_before = sys.excepthook
    assert run_gui(db_path, smoke_test=True) == 0
    out = capsys.readouterr().out
    assert "Membres\u00a0: 1 ligne lue" in out
    assert "Contacts\u00a0: 1 ligne lue" in out
    assert sys.excepthook is hook_before
    assert QCoreApplication.translate("MainWindow", "Members") == "Membres"  # still installed
    assert Preferences().last_database == db_path.resolve()
    open_storage(db_path).close()  # run_gui released the file


def test_smoke_test_fails_on_a_bug(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: MembersTab) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(MembersTab, "reload", broken)
    assert run_gui(db_path, smoke_test=True) == 1
    assert str(paths.log_file()) in capsys.readouterr().err


def test_locked_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    storage = open_storage(db_path)
    try:
        assert run_gui(db_path, smoke_test=True) != 0
    finally:
        storage.close()
    err = capsys.readouterr().err
    assert err.startswith("Erreur\u00a0: ")
    assert "déjà ouverte" in err


def test_damaged_file_is_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "x.db"
    damaged.write_bytes(b"garbage" * 100)
    assert run_gui(damaged, smoke_test=True) != 0
    assert "endommagé" in capsys.readouterr().err
    assert damaged.read_bytes() == b"garbage" * 100


def test_damaged_file_restored_into_a_new_copy(db_path: Path, dialogs: Dialogs) -> None:
    assert backups.take_backup(db_path, "manuelle") is not None
    db_path.write_bytes(b"garbage" * 100)
    dialogs.answer("confirm", True)
    storage = opening.open_database(db_path, None, interactive=True)
    assert storage is not None
    try:
        assert storage.path == db_path.with_name("conseil-restauree.db")
        [(_parent, _title, question)] = dialogs.named("confirm")
        assert "conseil-restauree.db" in question
    finally:
        storage.close()
    assert db_path.read_bytes() == b"garbage" * 100
    assert opening.restored_copy_path(db_path).name == "conseil-restauree-2.db"


def test_start_on_the_last_database_if_it_exists(tmp_path: Path) -> None:
    preferences = Preferences()
    assert initial_database_path(None, preferences) == paths.default_db_path()
    last = make_database(tmp_path / "derniere.db")
    preferences.last_database = last
    assert initial_database_path(None, preferences) == last
    assert initial_database_path(tmp_path / "choisie.db", preferences) == tmp_path / "choisie.db"
    last.unlink()
    assert initial_database_path(None, preferences) == paths.default_db_path()


def test_smoke_test_needs_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    gui_main._use_offscreen_without_display()
    expected = "offscreen" if sys.platform.startswith("linux") else None
    assert os.environ.get("QT_QPA_PLATFORM") == expected


class Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_and_shown(
    dialogs: Dialogs, caplog: pytest.LogCaptureFixture
) -> None:
    hook = ExceptHook(smoke_test=False)
    hook.install()
    try:
        emitter = Emitter()
        emitter.fired.connect(lambda: 1 / 0)
        with caplog.at_level(logging.ERROR):
            emitter.fired.emit()
    finally:
        hook.uninstall()
    [record] = [r for r in caplog.records if r.name == "conseil_desktop.ui.excepthook"]
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
    [(_parent, log_path)] = dialogs.named("show_crash_dialog")
    assert log_path == paths.log_file()
    assert hook.bugs == 1


def test_a_bug_in_smoke_test_mode_shows_no_dialog(
    dialogs: Dialogs, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = ExceptHook(smoke_test=True)
    try:
        raise ValueError("oops")
    except ValueError as exc:
        hook(ValueError, exc, exc.__traceback__)
    assert hook.bugs == 1
    assert "ValueError" in capsys.readouterr().err
    assert dialogs.calls == []


@pytest.mark.slow
def test_smoke_test_command(tmp_path: Path, db_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           paths.DATA_DIR_ENV: str(tmp_path / "autres-donnees")}
    result = subprocess.run(
        [sys.executable, "-m", "conseil_desktop", "--db", str(db_path), "--smoke-test"],
        capture_output=True, text=True, env=env, timeout=50, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Réunions\u00a0: 1 ligne lue" in result.stdout


def test_an_expected_problem_escaping_a_slot_is_shown_plainly(dialogs: Dialogs) -> None:
    hook = ExceptHook(smoke_test=False)
    try:
        raise UserError("Le disque est plein.")
    except UserError as exc:
        hook(UserError, exc, exc.__traceback__)
    [(_parent, title, message)] = dialogs.named("show_error")
    assert (title, message) == ("Erreur", "Le disque est plein.")
    assert hook.bugs == 0
    assert not dialogs.named("show_crash_dialog")


def test_a_failed_backup_on_opening_is_a_warning(
        db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "changed_since_last_backup", lambda _path: True)

    def full(_source: Path, _target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_copy_database", full)
    storage = opening.open_database(db_path, None, interactive=True)
    assert storage is not None
    storage.close(backup=False)
    [(_parent, title, message)] = dialogs.named("show_warning")
    assert title == "Sauvegarde impossible"
    assert "disque est plein" in message and "base est ouverte" in message

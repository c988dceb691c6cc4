"""The *Fichier* menu: open, new, save a copy, restore a backup; remembered preferences."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray

from conseil_desktop.db import backup as backups
from conseil_desktop.db.engine import open_storage
from conseil_desktop.ui.database import BEFORE_RESTORE, Database
from conseil_desktop.ui.dialogs import restore_dialog
from conseil_desktop.ui.dialogs.restore_dialog import RestoreDialog, size_text
from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.preferences import Preferences
from tests.ui.helpers import Dialogs, add_member, make_database


def member_names(window: MainWindow) -> list[str]:
    tab = window.list_tabs[0]
    tab.ensure_loaded()
    column = tab.model.column_of("last_name")
    return [tab.model.data(tab.model.index(r, column)) for r in range(tab.model.rowCount())]


def test_open_another_database(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    other = tmp_path / "autre.db"
    make_database(other)
    first = window.database.path
    dialogs.answer("ask_open_path", other)
    window.file_actions.open_action.trigger()
    assert window.database.path == other.resolve()
    assert str(other.resolve()) in window.path_label.text()
    assert Preferences().last_database == other.resolve()
    assert member_names(window) == ["Œuvray"]
    open_storage(first).close(backup=False)  # the first file was closed and unlocked


def test_a_file_that_cannot_be_opened_keeps_the_current_one(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    current = window.database.path
    broken = tmp_path / "cassée.db"
    broken.write_bytes(b"garbage" * 100)
    dialogs.answer("ask_open_path", broken)
    window.file_actions.open_action.trigger()
    [(_parent, title, message)] = dialogs.named("show_error")
    assert title == "Base endommagée"
    assert "Il n'a pas été modifié" in message
    assert window.database.path == current
    assert member_names(window) == ["Œuvray"]


def test_new_database_starts_empty(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    dialogs.answer("ask_save_path", tmp_path / "nouvelle")
    window.file_actions.new_action.trigger()
    assert window.database.path == (tmp_path / "nouvelle.db").resolve()
    assert member_names(window) == []


def test_new_database_never_replaces_a_file(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    existing = make_database(tmp_path / "existante.db")
    before = existing.read_bytes()
    dialogs.answer("ask_save_path", existing)
    dialogs.answer("confirm", False)
    window.file_actions.new_action.trigger()
    [(_parent, _title, question)] = dialogs.named("confirm")
    assert "existe déjà" in question
    assert existing.read_bytes() == before
    assert window.database.path != existing.resolve()


def test_save_a_copy(qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    target = tmp_path / "copie.db"
    dialogs.answer("ask_save_path", target)
    window.file_actions.save_copy_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.named("show_info")), timeout=10000)  # a worker copies
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT last_name FROM person").fetchall() == [("Œuvray",)]
    [(_parent, _title, text)] = dialogs.named("show_info")
    assert str(target) in text


def test_restore_round_trip(
    window: MainWindow, database: Database, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_member(database.storage, "Avant")
    taken = database.storage.backup("manuelle")
    assert taken is not None
    add_member(database.storage, "Après")
    window.list_tabs[0].reload()
    assert sorted(member_names(window)) == ["Après", "Avant", "Œuvray"]
    monkeypatch.setattr(restore_dialog, "choose_backup", lambda _parent, _path: taken)
    dialogs.answer("confirm", True)
    window.file_actions.restore_action.trigger()
    [(_parent, _title, question)] = dialogs.named("confirm")
    assert "La base actuelle sera d'abord sauvegardée" in question
    assert sorted(member_names(window)) == ["Avant", "Œuvray"]
    reasons = [b.reason for b in backups.list_backups(database.path)]
    assert BEFORE_RESTORE in reasons
    assert dialogs.named("show_info")


def test_restore_dialog_lists_backups_newest_first(qtbot, database: Database) -> None:
    older = database.storage.backup("fermeture")
    newer = database.storage.backup("avant-restauration")
    assert older and newer
    dialog = RestoreDialog(backups.list_backups(database.path))
    qtbot.addWidget(dialog)
    first = dialog.list.topLevelItem(0)
    assert first.text(0) == newer.label
    assert first.text(1) == "Avant une restauration"
    assert first.text(2).endswith("Ko")
    assert dialog.selected() == newer
    assert dialog.restore_button.isEnabled()
    assert dialog.restore_button.text() == "Restaurer"
    dialog.list.clearSelection()
    assert not dialog.restore_button.isEnabled()


def test_sizes_in_french() -> None:
    assert size_text(300) == "1\u00a0Ko"
    assert size_text(820 * 1024) == "820\u00a0Ko"
    assert size_text(int(12.4 * 1024 * 1024)) == "12,4\u00a0Mo"


def test_geometry_is_remembered(qtbot, database: Database) -> None:
    first = MainWindow(database, Preferences())
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # within the offscreen screen (800 × 600)
    first.move(40, 30)
    size = (first.width(), first.height())
    assert size[1] == 560
    geometry = first.saveGeometry()
    first.close()  # saves the geometry (and closes the database)
    assert Preferences().window_geometry == geometry

    second = MainWindow(database, Preferences())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    assert isinstance(Preferences().window_state, QByteArray)


def test_a_copy_over_an_open_base_is_refused_by_the_worker(
        qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    from conseil_desktop.db.lock import FileLock

    target = tmp_path / "ouverte.db"
    target.write_bytes(b"")
    lock = FileLock(target)
    lock.acquire()  # as if another window had it open
    try:
        dialogs.answer("ask_save_path", target)
        window.file_actions.save_copy_action.trigger()
        qtbot.waitUntil(lambda: bool(dialogs.named("show_error")), timeout=10000)
    finally:
        lock.release()
    assert "ne peut pas être remplacée" in dialogs.named("show_error")[0][2]
    assert target.read_bytes() == b""
    assert dialogs.named("show_info") == []

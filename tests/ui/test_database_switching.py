"""The open database: restore in place under the lock, background work finished first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conseil_desktop.db import backup as backups
from conseil_desktop.db.engine import open_storage
from conseil_desktop.errors import DatabaseLockedError, UserError
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.main_window import MainWindow


def test_restore_keeps_the_file_locked_while_it_is_replaced(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = database.storage.backup("test")
    assert taken is not None
    seen: list[str] = []
    real_restore = backups.restore_backup

    def restore_and_try_to_open(source: Path, target: Path) -> None:
        with pytest.raises(DatabaseLockedError):
            open_storage(target)  # another program, or a second window
        seen.append("locked")
        real_restore(source, target)

    monkeypatch.setattr(backups, "restore_backup", restore_and_try_to_open)
    database.restore(taken.path)
    assert seen == ["locked"]
    with database.session_scope() as session:  # the restored file is open and usable
        assert session.connection().exec_driver_sql("SELECT 1").scalar() == 1


def test_a_failed_reopen_leaves_a_closed_database_not_a_broken_one(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = database.storage.backup("test")
    assert taken is not None
    import conseil_desktop.ui.database as module

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise UserError("refus")

    monkeypatch.setattr(module, "open_storage", refuse)
    with pytest.raises(UserError, match="refus"):
        database.restore(taken.path)
    with pytest.raises(UserError, match="fermée"):
        database.session_scope()


def test_background_work_is_finished_before_the_file_changes(
    window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(window.projects_tab, "wait_for_exports", lambda: calls.append("projects"))
    from conseil_desktop.ui import workers

    monkeypatch.setattr(workers, "wait_for_tasks", lambda: calls.append("tasks"))
    other = open_storage(tmp_path / "autre.db")
    database.replace(other)
    assert calls == ["projects", "tasks"]
    database.close()
    assert calls == ["projects", "tasks"] * 2


def test_windows_save_what_is_typed_while_the_file_closes(db_path: Path) -> None:
    """A meeting window saves its summary on ``about_to_change``: the file is still open."""
    database = Database(open_storage(db_path))
    saved: list[str] = []

    def save_typed_text() -> None:
        with database.session_scope() as session:
            session.connection().exec_driver_sql(
                "UPDATE meeting SET notes = 'résumé tapé' WHERE title LIKE 'Assemblée%'")
        saved.append("saved")

    database.about_to_change.connect(save_typed_text)
    database.close()
    database.close()  # twice: nothing more happens
    assert saved == ["saved"]
    with pytest.raises(UserError):
        database.session_scope()
    storage = open_storage(db_path)
    try:
        with storage.session_scope() as session:
            notes = session.connection().exec_driver_sql("SELECT notes FROM meeting").scalar()
        assert notes == "résumé tapé"
    finally:
        storage.close(backup=False)


def test_the_base_file_alone_holds_the_work_once_the_user_pauses(
        qtbot: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of conseil.db made with the file manager while the application is open
    (without its -wal journal) has what was done before the pause."""
    import shutil
    import sqlite3

    from conseil_desktop.ui import database as database_module

    monkeypatch.setattr(database_module, "CHECKPOINT_AFTER_MS", 50)
    database = Database(open_storage(db_path))
    try:
        with database.session_scope() as session:
            session.connection().exec_driver_sql(
                "UPDATE meeting SET notes = 'noté avant la pause'")
        copy = tmp_path / "copie-sur-cle.db"

        def copied_notes() -> object:
            shutil.copyfile(db_path, copy)  # the base file only, as a file manager would
            with sqlite3.connect(copy) as connection:
                return connection.execute("SELECT notes FROM meeting").fetchone()[0]

        qtbot.waitUntil(lambda: copied_notes() == "noté avant la pause", timeout=5000)
    finally:
        database.close()

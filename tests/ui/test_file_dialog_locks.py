"""A file dialog showing the folder of the open base must not cost the changes made after it.

Qt's default file dialog reads the first bytes of every file it lists; closing that
handle dropped SQLite's POSIX locks on the open base. Another program opening it
meanwhile (DB Browser for SQLite, the ``sqlite3`` shell, a backup script) then took
itself for the base's only user, folded the ``-wal`` journal in and deleted it: every
later change went to the deleted journal and was gone once the application closed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QFileInfo
from sqlalchemy import text

from conseil_desktop.db.engine import open_storage
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.dialogs import ask

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks (Linux, macOS)")


def _council_name(db: Path) -> str:
    storage = open_storage(db, backup=False)
    try:
        with storage.session_scope() as session:
            return str(session.execute(text("SELECT council_name FROM council_settings"))
                       .scalar_one())
    finally:
        storage.close(backup=False)


def test_a_change_made_after_a_file_dialog_listed_the_base_is_kept(
        qtbot: Any, database: Database, db_path: Path) -> None:
    with database.session_scope() as session:
        session.execute(text("UPDATE council_settings SET council_name = 'Avant'"))
    dialog = ask.file_dialog(None, "Importer des membres", "Tableurs (*.xlsx *.csv)",
                             str(db_path.parent))
    qtbot.addWidget(dialog)
    provider = dialog.iconProvider()
    listed = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    assert {p.name for p in listed} >= {db_path.name, f"{db_path.name}-wal"}
    for path in listed:  # what the dialog's list asks for each file it shows
        info = QFileInfo(str(path))
        provider.type(info)
        provider.icon(info)

    # Meanwhile, another program opens the same base, reads it and closes it.
    program = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
               "c.execute('SELECT count(*) FROM person').fetchall(); c.close()")
    peek = subprocess.run([sys.executable, "-c", program, str(db_path)],
                          check=False, capture_output=True, text=True, timeout=60)
    assert peek.returncode == 0, peek.stderr
    assert Path(f"{db_path}-wal").exists()  # the application's journal was left alone

    with database.session_scope() as session:
        session.execute(text("UPDATE council_settings SET council_name = 'Après'"))
    database.close()
    assert _council_name(db_path) == "Après"

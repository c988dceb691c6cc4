"""Fixtures for the GUI tests: a temporary data folder and database, and no modal dialog.

Every message box and file dialog goes through ``ui.dialogs.ask``: the
``dialogs`` fixture replaces them all, records what would have been shown, and
answers from a queue the test fills. Any other modal ``exec()`` fails the test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from conseil_desktop import paths
from conseil_desktop.db.engine import open_storage
from conseil_desktop.ui import i18n, qt_fixes
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.preferences import Preferences
from tests.ui.helpers import Dialogs, make_database


@pytest.fixture(scope="session", autouse=True)
def french(qapp: QApplication) -> Iterator[None]:
    """Install the translations once, as ``run_gui`` does (it then leaves them alone),
    and the binding's work-arounds."""
    qt_fixes.install()
    i18n.install_translations(qapp)
    yield
    i18n.remove_translations(qapp)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    for name in ("ask_open_path", "ask_save_path", "confirm", "confirm_discard", "show_error",
                 "show_info", "show_warning", "ask_print", "open_file"):
        monkeypatch.setattr(ask, name, lambda *a, _n=name, **k: recorder.record(_n, *a, **k))
    monkeypatch.setattr(errors, "show_crash_dialog",
                        lambda *a: recorder.record("show_crash_dialog", *a))

    def no_modal(self: QDialog) -> int:
        raise AssertionError(f"modal {type(self).__name__} opened in a test")

    monkeypatch.setattr(QDialog, "exec", no_modal)
    monkeypatch.setattr(QMessageBox, "exec", no_modal)
    return recorder


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """The forms a test leaves open are closed by pytest-qt after it: they lose what
    they show without the question a user would be asked."""
    recorder = getattr(item, "funcargs", {}).get("dialogs")
    if isinstance(recorder, Dialogs):
        recorder.closing = True
    yield


@pytest.fixture
def db_path(tmp_path: Path, data_dir: Path) -> Path:
    return make_database(tmp_path / "conseil.db")


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = Database(open_storage(db_path))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: Any, database: Database) -> Iterator[MainWindow]:
    main = MainWindow(database, Preferences())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()

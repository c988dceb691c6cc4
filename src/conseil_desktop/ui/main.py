"""``run_gui``: the application object, translations, the database, the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from conseil_desktop import APP_ID, APP_NAME, __version__, paths
from conseil_desktop.db import inspection
from conseil_desktop.ui import i18n, qt_fixes
from conseil_desktop.ui.excepthook import ExceptHook
from conseil_desktop.ui.preferences import Preferences

log = logging.getLogger(__name__)


def run_gui(db_path: Path | None, *, smoke_test: bool) -> int:
    """Run the window until it is closed; return the process's exit code.

    An existing ``QApplication`` (the tests') is reused, and what this function
    installs (translations, ``sys.excepthook``) is removed when it returns.
    """
    if smoke_test:
        _use_offscreen_without_display()
    app = _application()
    installed = i18n.install_translations(app)
    hook = ExceptHook(smoke_test=smoke_test)
    hook.install()
    try:
        return _run(app, db_path, hook)
    finally:
        hook.uninstall()
        if installed:
            i18n.remove_translations(app)


def _run(app: QApplication, db_path: Path | None, hook: ExceptHook) -> int:
    preferences = Preferences()
    path = initial_database_path(db_path, preferences)
    log.info("Starting the GUI on %s", path)
    if path.is_file():
        inspection.prefetch(path)  # quick_check runs while the modules below load
    # Imported here, not at the top: they bring SQLAlchemy and the services.
    from conseil_desktop.ui import opening
    from conseil_desktop.ui.database import Database
    from conseil_desktop.ui.documents import scratch
    from conseil_desktop.ui.main_window import MainWindow
    from conseil_desktop.ui.smoke import run_smoke_test

    storage = opening.open_database(path, None, interactive=not hook.smoke_test)
    if storage is None:
        return 1
    preferences.last_database = storage.path
    database = Database(storage)
    scratch.clear_ended_sessions()  # documents an earlier run left for a viewer
    try:
        window = MainWindow(database, preferences)
        if hook.smoke_test:
            return run_smoke_test(window, hook)
        window.show()
        return app.exec()
    finally:
        database.close()  # already done when the window closed; this covers a failure
        scratch.end_session()  # the copies given to a viewer, the previews' PDFs


def initial_database_path(db_path: Path | None, preferences: Preferences) -> Path:
    """``--db``, else the database opened last if it still exists, else the default one."""
    if db_path is not None:
        return db_path
    last = preferences.last_database
    if last is not None and last.is_file():
        return last
    return paths.default_db_path()


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    qt_fixes.install()
    return app


def _use_offscreen_without_display() -> None:
    """The smoke test runs on a headless Linux server too."""
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and headless and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

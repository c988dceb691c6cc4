"""``--smoke-test``: show the window, visit every tab, close, and report."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication

from conseil_desktop import paths
from conseil_desktop.ui.excepthook import ExceptHook
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_smoke_test(window: MainWindow, hook: ExceptHook) -> int:
    """0 when every tab loaded without an error; the window is closed either way."""
    failed = False
    try:
        window.show()
        QApplication.processEvents()
        for index, tab in enumerate(window.list_tabs):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            tab.ensure_loaded()
            rows = tab.model.total_count()
            line = QCoreApplication.translate("SmokeTest", "%1: %Ln row(s) read in %2 s", "", rows)
            seconds = QLocale().toString(tab.load_seconds, "f", 2)
            print(fill(line, window.tabs.tabText(index), seconds))
    except Exception:
        log.exception("Smoke test failed")
        failed = True
        message = QCoreApplication.translate(
            "SmokeTest", "Smoke test failed: unexpected error. Details are in the log file: %1"
        )
        print(fill(message, paths.log_file()), file=sys.stderr)
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 1 if failed or hook.uncaught else 0

"""What happens to a bug: logged with its traceback, then a crash dialog.

In smoke-test mode no dialog is shown: the bug is counted and printed, and the
smoke test then exits non-zero.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from conseil_desktop import paths
from conseil_desktop.errors import UserError
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.i18n import fill

log = logging.getLogger(__name__)


class ExceptHook:
    """A ``sys.excepthook`` for the exceptions that escape Qt slots and events."""

    def __init__(self, *, smoke_test: bool) -> None:
        self.smoke_test = smoke_test
        self.uncaught = 0  # every exception seen, expected problems included
        self.bugs = 0
        self._previous = sys.excepthook
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        self.uncaught += 1
        if isinstance(exc, UserError):  # an expected problem a slot forgot to catch
            log.warning("Uncaught user error: %s", exc)
            title = QCoreApplication.translate("ExceptHook", "Error")
            self._report(str(exc), lambda: errors.show_user_error(
                QApplication.activeWindow(), title, exc))
            return
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        self.bugs += 1
        message = QCoreApplication.translate(
            "ExceptHook", "Unexpected error (%1). Details are in the log file: %2"
        )
        self._report(
            fill(message, exc_type.__name__, paths.log_file()),
            lambda: errors.show_crash_dialog(QApplication.activeWindow(), paths.log_file()),
        )

    def _report(self, message: str, show: Callable[[], None]) -> None:
        if self.smoke_test:
            print(message, file=sys.stderr)
            return
        if self._showing:  # an error while the dialog is open: logged, not stacked
            return
        self._showing = True
        try:
            show()
        finally:
            self._showing = False

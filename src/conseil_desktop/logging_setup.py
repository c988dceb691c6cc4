"""Logging to a rotating file in the data folder (bugs are reported there)."""

from __future__ import annotations

import logging
import logging.handlers

from conseil_desktop import paths


def setup_logging(level: int = logging.INFO) -> None:
    """Send log records to ``paths.log_file()``; idempotent, follows a changed data folder."""
    root = logging.getLogger()
    try:
        target: str | None = str(paths.log_file())  # creates the logs folder
    except OSError:  # a read-only data folder must not stop the application
        target = None
    for handler in list(root.handlers):
        if getattr(handler, "_conseil", False):
            if getattr(handler, "baseFilename", None) == target:
                return
            root.removeHandler(handler)
            handler.close()
    added: logging.Handler = logging.NullHandler()
    if target is not None:
        try:
            added = logging.handlers.RotatingFileHandler(
                target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        except OSError:
            pass  # the NullHandler: logging must not stop the application
    added.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    added._conseil = True  # type: ignore[attr-defined]
    root.addHandler(added)
    root.setLevel(level)

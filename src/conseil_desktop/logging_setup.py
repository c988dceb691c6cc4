"""Logging to a rotating file in the data folder (bugs are reported there)."""

from __future__ import annotations

import logging
import logging.handlers

from conseil_desktop import paths


def setup_logging(level: int = logging.INFO) -> None:
    """Send log records to ``paths.log_file()``; idempotent, follows a changed data folder."""
    root = logging.getLogger()
    target = str(paths.log_file())
    for handler in list(root.handlers):
        if getattr(handler, "_conseil", False):
            if getattr(handler, "baseFilename", None) == target:
                return
            root.removeHandler(handler)
            handler.close()
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:  # a read-only data folder must not stop the application
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._conseil = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)

"""The two kinds of error.

``UserError`` is an expected problem (bad file, locked database, full disk...)
carrying a plain French message that is shown as-is in a dialog or on stderr.
Anything else is a bug: logged with its traceback and shown in a crash dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """An expected problem, with a message meant for the user (in French)."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class DatabaseLockedError(UserError):
    """The database file is already open in another Conseil Desktop."""


class CorruptDatabaseError(UserError):
    """The file is not a readable SQLite database, or fails its integrity check."""

    def __init__(self, message: str, *, newest_backup: str | None = None) -> None:
        super().__init__(message)
        self.newest_backup = newest_backup


class InvalidInputError(UserError):
    """Bad input given to a command or a form."""

    exit_code = 2

"""Opening a database, with the user's help when the file is locked or damaged.

Used at start-up and by *Nouvelle base…* / *Ouvrir une base…*. A damaged file
is never modified: the newest backup can be restored into a new file beside
it, which is then opened instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from conseil_desktop.db import backup as backups
from conseil_desktop.db.engine import Storage, open_storage
from conseil_desktop.errors import CorruptDatabaseError, DatabaseLockedError, UserError
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill

RESTORED_SUFFIX = "-restauree"


def open_database(path: Path, parent: QWidget | None, *, interactive: bool,
                  create: bool = True) -> Storage | None:
    """Open ``path``; on an expected problem tell the user and return ``None``.

    Not ``interactive`` (the smoke test), messages go to stderr and nothing is asked.
    """
    try:
        storage = open_storage(path, create=create)
    except DatabaseLockedError as exc:
        title = QCoreApplication.translate("Opening", "Database already open")
        _report(parent, title, exc, interactive)
    except CorruptDatabaseError as exc:
        if interactive and exc.newest_backup:
            return _open_restored_copy(parent, path, exc, Path(exc.newest_backup))
        title = QCoreApplication.translate("Opening", "Damaged database")
        _report(parent, title, exc, interactive)
    except UserError as exc:
        title = QCoreApplication.translate("Opening", "Cannot open the database")
        _report(parent, title, exc, interactive)
    else:
        if storage.backup_problem:
            _warn_backup_failed(parent, storage.backup_problem, interactive)
        return storage
    return None


def _warn_backup_failed(parent: QWidget | None, problem: str, interactive: bool) -> None:
    """The base is open, but its backup on opening failed (a full disk): say so."""
    text = fill(QCoreApplication.translate(
        "Opening", "The database is open, but its automatic backup failed: %1\n\n"
        "Your work is saved in the database as usual; free some space so that the next "
        "backups can be taken."), problem)
    if interactive:
        ask.show_warning(parent, QCoreApplication.translate("Opening", "Backup failed"), text)
    else:
        print(text, file=sys.stderr)


def restored_copy_path(damaged: Path) -> Path:
    """``conseil.db`` -> ``conseil-restauree.db`` (or ``-restauree-2.db``...), unused."""
    stem, suffix = damaged.stem + RESTORED_SUFFIX, damaged.suffix
    candidate = damaged.with_name(stem + suffix)
    number = 2
    while candidate.exists():
        candidate = damaged.with_name(f"{stem}-{number}{suffix}")
        number += 1
    return candidate


def _open_restored_copy(parent: QWidget | None, damaged: Path, error: CorruptDatabaseError,
                        newest: Path) -> Storage | None:
    target = restored_copy_path(damaged)
    title = QCoreApplication.translate("Opening", "Damaged database")
    question = QCoreApplication.translate(
        "Opening",
        "%1\n\nRestore this backup into a new file, “%2”, and open it? "
        "The damaged file will be left as it is.",
    )
    if not ask.confirm(parent, title, fill(question, error.message, target)):
        return None
    try:
        backups.restore_backup(newest, target)
    except UserError as exc:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        errors.show_user_error(parent, QCoreApplication.translate("Opening", "Restore failed"), exc)
        return None
    return open_database(target, parent, interactive=True, create=False)


def _report(parent: QWidget | None, title: str, error: UserError, interactive: bool) -> None:
    if interactive:
        errors.show_user_error(parent, title, error)
    else:
        message = QCoreApplication.translate("Opening", "Error: %1")
        print(fill(message, error.message), file=sys.stderr)

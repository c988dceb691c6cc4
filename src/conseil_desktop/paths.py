"""Every path the application uses, computed in one place.

The data folder holds the default database, the automatic backups, the log
file and the preferences. ``--data-dir`` or ``CONSEIL_DESKTOP_DATA_DIR``
override it (tests and portable installs use that).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from conseil_desktop import APP_ID

DATA_DIR_ENV = "CONSEIL_DESKTOP_DATA_DIR"
DEFAULT_DB_NAME = "conseil.db"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Force the data folder (``--data-dir``); ``None`` restores the default."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    if _override is not None:
        base = _override
    elif os.environ.get(DATA_DIR_ENV):
        base = Path(os.environ[DATA_DIR_ENV]).expanduser().resolve()
    else:
        import platformdirs

        base = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "conseil-desktop.log"


def preferences_file() -> Path:
    return data_dir() / "preferences.ini"


def backup_dir_for(db_path: str | os.PathLike[str]) -> Path:
    """Backups of one database live in their own folder of the data folder.

    The folder name joins the file's stem and a short hash of its full path,
    so two databases called ``conseil.db`` in different places never mix
    their backups, and a backup survives the loss of the database's folder.
    """
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    path = data_dir() / "sauvegardes" / f"{resolved.stem}-{digest}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def lock_path_for(db_path: str | os.PathLike[str]) -> Path:
    resolved = Path(db_path).expanduser().resolve()
    return resolved.with_name(resolved.name + ".lock")

"""A private folder for the documents the application shows or hands to a viewer.

A preview keeps its PDF while it is shown, and *Ouvrir* gives the system's PDF
viewer a copy that must outlive the preview. Both carry people's names, so they
live in ``<data folder>/documents-temporaires/`` (readable by the user alone),
never in the system's shared temporary folder, where another local user could
read them or create the folder first.

Each running application keeps its files in its own session folder and holds a
lock beside it. At start-up, the folders of sessions that have ended (a crash, a
power cut) are removed; at quit, the session removes its own folder. While the
application runs, a viewer keeps what it was given.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from conseil_desktop import paths
from conseil_desktop.db.lock import FileLock
from conseil_desktop.errors import UserError

log = logging.getLogger(__name__)

ROOT_NAME = "documents-temporaires"
SESSION_PREFIX = "session-"
PRIVATE = 0o700


@dataclass
class _Session:
    root: Path | None  # None: the data folder could not hold it, a system temporary folder does
    folder: Path
    lock: FileLock | None


_session: _Session | None = None


def root() -> Path:
    """``<data folder>/documents-temporaires``, readable by the user alone."""
    path = paths.data_dir() / ROOT_NAME
    path.mkdir(mode=PRIVATE, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, PRIVATE)  # made earlier with looser rights, or by a umask
    return path


def session_folder() -> Path:
    """This application's private folder, made on first use."""
    global _session
    try:
        current_root: Path | None = root()
    except OSError as exc:  # a read-only data folder: a private system temporary folder
        log.warning("No private documents folder in the data folder: %s", exc)
        current_root = None
    if _session is not None and _session.root == current_root and _session.folder.is_dir():
        return _session.folder
    end_session()  # the data folder changed (tests), or the folder was removed
    if current_root is None:
        folder = Path(tempfile.mkdtemp(prefix="conseil-desktop-"))
        _session = _Session(None, folder, None)
        return folder
    folder = Path(tempfile.mkdtemp(prefix=SESSION_PREFIX, dir=current_root))
    lock = FileLock(folder)  # "<folder>.lock", beside it
    try:
        lock.acquire()
    except UserError:  # cannot happen for a fresh name; the folder is still private
        lock = None  # type: ignore[assignment]
    _session = _Session(current_root, folder, lock)
    return folder


def end_session() -> None:
    """Remove this session's folder (the application quits)."""
    global _session
    session, _session = _session, None
    if session is None:
        return
    shutil.rmtree(session.folder, ignore_errors=True)
    if session.lock is not None:
        session.lock.release()
        if not session.folder.exists():
            session.lock.path.unlink(missing_ok=True)


def clear_ended_sessions() -> None:
    """Remove what sessions that have ended left behind; a running one keeps its files."""
    try:
        folder = root()
        entries = list(folder.iterdir())
    except OSError as exc:
        log.warning("Cannot clear the temporary documents: %s", exc)
        return
    current = _session.folder if _session is not None else None
    for entry in entries:
        if not entry.name.startswith(SESSION_PREFIX) or entry == current:
            continue
        if entry.suffix == ".lock":
            if not entry.with_suffix("").exists():
                _remove_if_ended(entry.with_suffix(""))
            continue
        _remove_if_ended(entry)


def _remove_if_ended(folder: Path) -> None:
    lock = FileLock(folder)
    try:
        lock.acquire()
    except UserError:  # held: another window of the application still runs
        return
    try:
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        lock.release()
    if not folder.exists():
        lock.path.unlink(missing_ok=True)

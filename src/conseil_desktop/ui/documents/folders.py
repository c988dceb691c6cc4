"""Where documents are saved: the folder used last, for every export of the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def last_folder() -> Path:
    """The folder of the last document saved, else the user's Documents folder."""
    from conseil_desktop.ui.preferences import Preferences

    remembered = Preferences().last_document_folder
    if remembered is not None:
        return remembered
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    documents = Path(location) if location else None
    return documents if documents is not None and documents.is_dir() else Path.home()


def remember_folder(saved: Path) -> None:
    """Remember the folder of a document just chosen, for the next one."""
    from conseil_desktop.ui.preferences import Preferences

    preferences = Preferences()
    preferences.last_document_folder = saved.parent
    preferences.sync()

"""Typed access to the user's preferences (window state, last database).

Stored with ``QSettings`` in an INI file in the data folder, so that
``--data-dir`` (and each test's temporary folder) keeps them apart. Business
data, the council's settings included, lives in the database instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from conseil_desktop import paths

_LAST_DATABASE = "database/last"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_DOCUMENT_FOLDER = "documents/last_folder"


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            str(paths.preferences_file()), QSettings.Format.IniFormat
        )

    @property
    def last_database(self) -> Path | None:
        value = self._settings.value(_LAST_DATABASE, "", str)
        return Path(str(value)) if value else None

    @last_database.setter
    def last_database(self, path: Path) -> None:
        self._settings.setValue(_LAST_DATABASE, str(path))

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue(_STATE, value)

    @property
    def last_document_folder(self) -> Path | None:
        """Where the last document was saved, if that folder still exists."""
        value = self._settings.value(_DOCUMENT_FOLDER, "", str)
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else None

    @last_document_folder.setter
    def last_document_folder(self, folder: Path) -> None:
        self._settings.setValue(_DOCUMENT_FOLDER, str(folder))

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

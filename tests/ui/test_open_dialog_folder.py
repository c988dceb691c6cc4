"""Where *Importer des membres…* and the other open dialogs start: the folder used last
(the user's Documents at first), never the folder the program was started from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.documents.folders import remember_folder

REAL_ASK_OPEN_PATH = ask.ask_open_path  # the dialogs fixture replaces it in the module


def started_in(monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> Path:
    seen: list[str] = []

    def cancel(dialog: QFileDialog) -> int:
        seen.append(dialog.directory().absolutePath())
        return QFileDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", cancel)
    assert REAL_ASK_OPEN_PATH(None, "Importer des membres", "Tableaux (*.xlsx)", **kwargs) is None
    return Path(seen[0])


def test_the_open_dialog_starts_in_the_folder_used_last(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # where the program was started
    shown = started_in(monkeypatch)
    assert shown != elsewhere
    adherents = tmp_path / "adherents"
    adherents.mkdir()
    remember_folder(adherents / "liste.xlsx")
    assert started_in(monkeypatch) == adherents
    assert started_in(monkeypatch, directory=tmp_path) == tmp_path  # a folder given wins

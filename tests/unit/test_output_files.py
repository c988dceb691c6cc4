"""Writing a document's file: a read-only folder is told plainly, whatever the step."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from conseil_desktop.db import backup
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.export.files import atomic_output


def read_only_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """On a read-only medium (a locked USB key) even removing a missing file fails."""
    def refuse(path: Path, *args: object, **kwargs: object) -> None:
        if path.parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(Path, "touch", refuse)
    monkeypatch.setattr(Path, "unlink", refuse)


def test_a_read_only_folder_gives_the_plain_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read_only_folder(monkeypatch, tmp_path)
    with pytest.raises(InvalidInputError, match="lecture seule"), \
            atomic_output(tmp_path / "registre.xlsx"):
        pytest.fail("nothing is written to a read-only folder")


def test_a_copy_into_a_read_only_folder_is_not_called_an_open_base(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "conseil.db"
    source.write_bytes(b"")
    folder = tmp_path / "usb"
    folder.mkdir()
    real_open = open

    def refuse_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, Path) and file.parent == folder:
            raise OSError(errno.EROFS, "Read-only file system", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse_open)
    with pytest.raises(UserError) as raised:
        backup.copy_to(source, folder / "copie.db")
    assert "ouverte dans Conseil Desktop" not in str(raised.value)
    assert "copie.db" in str(raised.value)

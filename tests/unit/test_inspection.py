"""The start-up check of a database file, run in a background thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from conseil_desktop.db import inspection
from conseil_desktop.errors import CorruptDatabaseError


def test_prefetched_check_is_used_once(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inspection.prefetch(db_path)
    calls: list[Path] = []
    real = inspection._inspect
    monkeypatch.setattr(inspection, "_inspect", lambda p: calls.append(p) or real(p))
    assert inspection.inspect_file(db_path) == "0001"
    assert calls == []  # the thread's answer was used
    assert inspection.inspect_file(db_path) == "0001"
    assert calls == [db_path]  # a second open checks again


def test_prefetched_damage_is_reported_by_inspect_file(tmp_path: Path) -> None:
    path = tmp_path / "abime.db"
    path.write_bytes(b"garbage" * 300)
    inspection.prefetch(path)
    with pytest.raises(CorruptDatabaseError):
        inspection.inspect_file(path)
    assert path.read_bytes() == b"garbage" * 300


def test_a_file_changed_after_the_prefetch_is_checked_again(tmp_path: Path, db_path: Path) -> None:
    inspection.prefetch(db_path)
    db_path.write_bytes(b"replaced by something else" * 100)
    with pytest.raises(CorruptDatabaseError):
        inspection.inspect_file(db_path)

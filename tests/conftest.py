"""Shared fixtures: an isolated data folder and databases built through the migrations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conseil_desktop import paths
from conseil_desktop.db.engine import Storage, open_storage


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder (backups, log, preferences)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty database built by running every migration, copied per test."""
    folder = tmp_path_factory.mktemp("template")
    paths.set_data_dir(folder / "data")
    try:
        storage = open_storage(folder / "template.db", backup=False)
        storage.close(backup=False)
    finally:
        paths.set_data_dir(None)
    return folder / "template.db"


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    target = tmp_path / "conseil.db"
    shutil.copyfile(migrated_template, target)
    return target


@pytest.fixture
def storage(db_path: Path) -> Iterator[Storage]:
    opened = open_storage(db_path, backup=False)
    yield opened
    opened.close(backup=False)

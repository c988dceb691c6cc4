"""SQLite set-up, the one-instance lock, damaged files, backups and restore."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from conseil_desktop.db import backup
from conseil_desktop.db.engine import open_readonly, open_storage
from conseil_desktop.db.models import College, Membership, Person
from conseil_desktop.errors import CorruptDatabaseError, DatabaseLockedError, UserError


def add_person(storage, last_name: str) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        person = Person(last_name=last_name, first_name="Test")
        session.add(person)
        session.flush()
        session.add(Membership(person_id=person.id, college=College.RESIDENTS))


def names(storage) -> list[str]:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        return list(session.scalars(select(Person.last_name).order_by(Person.last_name)))


def test_pragmas_are_set_on_every_connection(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_new_database_is_created_at_head_with_defaults(tmp_path: Path) -> None:
    storage = open_storage(tmp_path / "new.db")
    try:
        with storage.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
            assert conn.execute(text("SELECT count(*) FROM council_settings")).scalar() == 1
            kinds = conn.execute(text("SELECT DISTINCT kind FROM vocabulary_term")).scalars()
            assert "type_reunion" in set(kinds)
    finally:
        storage.close()


def test_second_open_of_the_same_file_is_refused(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DatabaseLockedError, match="déjà ouverte"):
        open_storage(db_path)
    # The first instance still works.
    add_person(storage, "Martin")
    assert names(storage) == ["Martin"]


def test_lock_holds_across_processes(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys\n"
        "from conseil_desktop.db.engine import open_storage\n"
        "from conseil_desktop.errors import DatabaseLockedError\n"
        f"try:\n    open_storage({str(db_path)!r})\n"
        "except DatabaseLockedError:\n    sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr


def test_lock_is_released_on_close(db_path: Path) -> None:
    first = open_storage(db_path, backup=False)
    first.close(backup=False)
    second = open_storage(db_path, backup=False)
    second.close(backup=False)


@pytest.mark.parametrize(
    "content",
    [b"garbage" * 200, b"SQLite format 3\x00" + b"\xff" * 4000, b""],
    ids=["not-sqlite", "bad-header", "empty"],
)
def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    if not content:
        # An empty file is a new database: it is created, not refused.
        open_storage(path).close()
        return
    with pytest.raises(CorruptDatabaseError, match="n'a pas été modifié"):
        open_storage(path)
    assert path.read_bytes() == content


def test_truncated_database_offers_the_newest_backup(db_path: Path) -> None:
    storage = open_storage(db_path)
    add_person(storage, "Durand")
    storage.close()  # takes a backup
    newest = backup.newest_backup(db_path)
    assert newest is not None
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    damaged = db_path.read_bytes()
    with pytest.raises(CorruptDatabaseError) as caught:
        open_storage(db_path)
    assert caught.value.newest_backup == str(newest.path)
    assert newest.path.name in caught.value.message
    assert db_path.read_bytes() == damaged


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recettes (nom TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="pas une base de Conseil Desktop"):
        open_storage(path)
    assert path.read_bytes() == before


def test_backups_are_taken_on_open_and_close_only_when_changed(db_path: Path) -> None:
    storage = open_storage(db_path)
    add_person(storage, "Petit")
    storage.close()
    reasons = [b.reason for b in backup.list_backups(db_path)]
    assert reasons[0] == "fermeture"
    count = len(reasons)
    open_storage(db_path).close()  # nothing changed: no new backup
    assert len(backup.list_backups(db_path)) == count


def test_backups_are_rotated(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        backup.take_backup(db_path, "test", keep=3)
    kept = backup.list_backups(db_path)
    assert len(kept) == 3
    assert kept == sorted(kept, key=lambda b: b.taken_at, reverse=True)


def test_backup_count_comes_from_the_council_settings(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        session.execute(text("UPDATE council_settings SET backups_kept = 2"))
    for _ in range(4):
        storage.backup("test")
    assert len(backup.list_backups(db_path)) == 2


def test_backup_restore_round_trip(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_person(storage, "Avant")
    saved = storage.backup("test")
    assert saved is not None
    add_person(storage, "Après")
    assert names(storage) == ["Après", "Avant"]
    storage.backup("avant-restauration")
    storage.close(backup=False)
    backup.restore_backup(saved.path, db_path)
    reopened = open_storage(db_path, backup=False)
    try:
        assert names(reopened) == ["Avant"]
        with reopened.session_scope() as session:
            assert session.scalar(select(func.count()).select_from(Membership)) == 1
    finally:
        reopened.close(backup=False)
    assert any(b.reason == "avant-restauration" for b in backup.list_backups(db_path))


def test_restoring_a_damaged_backup_is_refused(storage, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    storage.close(backup=False)
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="endommagée"):
        backup.restore_backup(bad, db_path)
    assert db_path.read_bytes() == before
    open_storage(db_path, backup=False).close(backup=False)


def test_copy_is_consistent_and_leaves_no_partial_file(storage, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_person(storage, "Copie")
    target = tmp_path / "copie.db"
    backup.copy_to(db_path, target)
    assert not list(tmp_path.glob("*.partial"))
    with open_readonly(target) as copy, copy.session_scope() as session:
        assert list(session.scalars(select(Person.last_name))) == ["Copie"]


def test_full_disk_gives_a_plain_message_and_no_partial_file(
    storage, db_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    def full(source: Path, target: Path) -> None:
        target.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", full)
    with pytest.raises(UserError, match="disque est plein"):
        storage.backup("test")
    folder = backup.paths.backup_dir_for(db_path)
    assert not list(folder.glob("*.partial"))
    assert backup.list_backups(db_path) == []


def test_readonly_open_works_while_the_application_holds_the_lock(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_person(storage, "Lecture")
    with open_readonly(db_path) as reader, reader.session_scope() as session:
        assert list(session.scalars(select(Person.last_name))) == ["Lecture"]
        with pytest.raises(Exception, match="readonly|read-only|query_only"):
            session.execute(text("DELETE FROM person"))
    assert names(storage) == ["Lecture"]


def test_a_failed_transaction_writes_nothing(storage) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), storage.session_scope() as session:
        session.add(Person(last_name="Fantôme"))
        session.flush()
        raise RuntimeError("boom")
    assert names(storage) == []


@pytest.mark.parametrize(
    ("sqlite_message", "expected"),
    [
        ("database or disk is full", "disque est plein"),
        ("database is locked", "occupée"),
        ("attempt to write a readonly database", "lecture seule"),
        ("disk I/O error", "disque"),
    ],
)
def test_storage_errors_on_write_become_plain_messages(
    storage, sqlite_message: str, expected: str  # type: ignore[no-untyped-def]
) -> None:
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    def fail(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT"):
            raise OperationalError(statement, parameters, sqlite3.OperationalError(sqlite_message))

    event.listen(storage.engine, "before_cursor_execute", fail)
    try:
        with pytest.raises(UserError, match=expected):
            add_person(storage, "Plein")
    finally:
        event.remove(storage.engine, "before_cursor_execute", fail)
    assert names(storage) == []



def test_a_backup_dated_in_the_future_never_evicts_the_new_one(storage, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = backup.paths.backup_dir_for(db_path)
    for year in (2031, 2032, 2033):  # a clock that was once ahead
        (folder / f"{db_path.stem}-{year}0101-120000-000000-test.db").write_bytes(b"x")
    taken = backup.take_backup(db_path, "nouvelle", keep=3)
    assert taken is not None and taken.path.exists()
    remaining = backup.list_backups(db_path)
    assert len(remaining) == 3
    assert taken.path in [b.path for b in remaining]


def test_backups_of_a_name_with_brackets_are_found_and_rotated(tmp_path: Path, migrated_template: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    path = tmp_path / "conseil [2024].db"
    shutil.copyfile(migrated_template, path)
    for _ in range(4):
        backup.take_backup(path, "test", keep=2)
    assert len(backup.list_backups(path)) == 2
    assert len(list(backup.paths.backup_dir_for(path).iterdir())) == 2


def test_backup_labels_are_local_time() -> None:
    from datetime import UTC, datetime

    info = backup.BackupInfo(Path("x.db"), datetime(2026, 11, 25, 17, 30, tzinfo=UTC), "", 0)
    local = datetime(2026, 11, 25, 17, 30, tzinfo=UTC).astimezone()
    assert info.label == local.strftime("%d/%m/%Y à %H:%M")


def test_a_base_locked_by_another_program_is_not_called_damaged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conseil_desktop.db import inspection

    monkeypatch.setattr(inspection, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db_path)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE council_settings SET council_name = 'Autre programme'")
    try:
        with pytest.raises(UserError, match="occupée") as caught:
            open_storage(db_path)
        assert not isinstance(caught.value, CorruptDatabaseError)
    finally:
        other.rollback()
        other.close()


def test_a_file_that_cannot_be_opened_is_not_called_damaged(tmp_path: Path) -> None:
    from conseil_desktop.db import inspection

    gone = tmp_path / "usb-key" / "conseil.db"  # the USB key was pulled out
    with pytest.raises(UserError, match="accès refusé") as caught:
        inspection.inspect_file(gone)
    assert not isinstance(caught.value, CorruptDatabaseError)
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(UserError, match="Erreur de lecture") as caught:
        inspection.inspect_file(folder)
    assert not isinstance(caught.value, CorruptDatabaseError)


def test_a_copy_never_overwrites_a_base_open_elsewhere(storage, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    other_path = tmp_path / "autre.db"
    shutil.copyfile(db_path, other_path)
    other = open_storage(other_path, backup=False)
    try:
        add_person(other, "Autre")
        before = other_path.read_bytes()
        with pytest.raises(UserError, match="ouverte dans Conseil Desktop"):
            backup.copy_to(db_path, other_path)
        assert other_path.read_bytes() == before
        assert names(other) == ["Autre"]
    finally:
        other.close(backup=False)
    with pytest.raises(UserError, match="autre nom"):
        backup.copy_to(db_path, db_path)


def test_a_copy_over_a_closed_base_drops_its_old_journal(storage, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "ancienne.db"
    Path(f"{target}-wal").write_bytes(b"stale journal")
    add_person(storage, "Copie")
    backup.copy_to(db_path, target)
    assert not Path(f"{target}-wal").exists()
    with open_readonly(target) as copy, copy.session_scope() as session:
        assert list(session.scalars(select(Person.last_name))) == ["Copie"]



def test_a_full_disk_does_not_stop_the_base_from_opening(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup on opening is a safety net: a full backup disk is told, not fatal."""
    storage = open_storage(db_path)
    add_person(storage, "Petit")  # changed since the last backup
    storage.close(backup=False)

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", full)
    storage = open_storage(db_path)
    try:
        assert storage.backup_problem is not None and "disque est plein" in storage.backup_problem
        add_person(storage, "Grand")  # the base works as usual
    finally:
        storage.close(backup=False)

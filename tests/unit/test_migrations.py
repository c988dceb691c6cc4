"""Migrations: the head constant, the model/migration match, upgrades with data."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from conseil_desktop.db import backup
from conseil_desktop.db import engine as engine_module
from conseil_desktop.db.engine import make_engine, open_storage
from conseil_desktop.db.migrations import HEAD_REVISION, runner
from conseil_desktop.db.models import Base


def revisions_oldest_first() -> list[str]:
    script = runner.script_directory()
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_head_constant_matches_the_scripts() -> None:
    assert runner.script_directory().get_current_head() == HEAD_REVISION


def test_models_and_migrations_describe_the_same_schema(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def _fill_every_table(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Insert one row in the tables that exist at this revision, through raw SQL."""
    tables = set(inspect(conn).get_table_names())
    stamp = "'2026-01-01 00:00:00'"
    if "person" in tables:
        conn.execute(text(
            "INSERT INTO person (last_name, first_name, address_line1, address_line2, postcode,"
            " city, preferred_channel, search_key, uuid, created_at, updated_at) VALUES"
            f" ('Yılmaz', 'Şükrü', '', '', '', '', 'courrier', '', 'u-1', {stamp}, {stamp})"
        ))
    if "meeting" in tables:
        conn.execute(text(
            "INSERT INTO meeting (type_code, title, date, place, convocation_method, notes,"
            " cancelled, uuid, created_at, updated_at) VALUES ('pleniere', 'Plénière',"
            f" '2026-01-10', '', '', '', 0, 'u-2', {stamp}, {stamp})"
        ))
    return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}


@pytest.mark.parametrize("revision", revisions_oldest_first())
def test_every_revision_upgrades_to_head_with_its_data(tmp_path: Path, revision: str) -> None:
    engine = make_engine(tmp_path / f"at-{revision}.db")
    runner.upgrade(engine, revision)
    with engine.begin() as conn:
        before = _fill_every_table(conn)
    runner.upgrade(engine, "head")
    with engine.connect() as conn:
        for table, count in before.items():
            if table != "alembic_version":
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == count
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
        name = conn.execute(text("SELECT first_name || ' ' || last_name FROM person")).scalar()
        assert name == "Şükrü Yılmaz"
    engine.dispose()


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "round.db")
    runner.upgrade(engine)
    runner.downgrade(engine, "base")
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    runner.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM council_settings")).scalar() == 1
    engine.dispose()


def test_an_older_database_is_backed_up_before_it_is_upgraded(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = open_storage(db_path, backup=False)
    with storage.session_scope() as session:
        session.execute(text("UPDATE council_settings SET council_name = 'Ancien conseil'"))
    storage.close(backup=False)
    calls: list[str] = []
    monkeypatch.setattr(engine_module, "HEAD_REVISION", "9999")
    monkeypatch.setattr(runner, "upgrade", lambda engine, revision="head": calls.append(revision))
    opened = open_storage(db_path)
    opened.close(backup=False)
    assert calls == ["head"]
    taken = backup.list_backups(db_path)
    assert [b.reason for b in taken] == ["avant-mise-a-jour"]
    with make_engine(taken[0].path).connect() as conn:
        assert conn.execute(text("SELECT council_name FROM council_settings")).scalar() == (
            "Ancien conseil"
        )


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    engine = make_engine(db_path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zzzz'"))
    engine.dispose()
    with pytest.raises(engine_module.UserError, match="version plus récente"):
        open_storage(db_path)


def test_a_failed_migration_leaves_the_file_as_it_was(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from conseil_desktop.db.migrations import defaults_0001

    def disk_full(bind) -> None:  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    # Alembic loads the revision script afresh, which imports the patched function.
    monkeypatch.setattr(defaults_0001, "seed_defaults", disk_full)
    engine = make_engine(tmp_path / "half.db")
    with pytest.raises(OSError):
        runner.upgrade(engine)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()


def test_a_table_rebuild_keeps_the_rows_that_refer_to_it(storage) -> None:  # type: ignore[no-untyped-def]
    """Batch mode copies, drops and renames a table: child rows must survive."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    with storage.engine.begin() as conn:
        _fill_every_table(conn)
        person_id = conn.execute(text("SELECT id FROM person")).scalar()
        conn.execute(text(
            "INSERT INTO membership (person_id, college, designation, designation_source, seat,"
            " status, uuid, created_at, updated_at) VALUES (:p, 'habitants', 'volontaire', '',"
            " 'titulaire', 'actif', 'm-1', '2026-01-01', '2026-01-01')"), {"p": person_id})

    def rebuild_person(config) -> None:  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(config.attributes["connection"],
                                             opts={"render_as_batch": True})
        with Operations(context).batch_alter_table("person", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.String(10), nullable=True))

    runner.run_migration(storage.engine, rebuild_person)
    with storage.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM membership")).scalar() == 1
        assert "extra" in {c["name"] for c in inspect(conn).get_columns("person")}
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1

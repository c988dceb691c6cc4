"""Run Alembic programmatically on an engine (imported only when a migration is due)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent


def make_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(make_config())


def is_known_revision(revision: str) -> bool:
    try:
        return script_directory().get_revision(revision) is not None
    except (CommandError, ResolutionError):
        return False


def upgrade(engine: Engine, revision: str = "head") -> None:
    run_migration(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    run_migration(engine, lambda config: command.downgrade(config, revision))


def run_migration(engine: Engine, step: Callable[[Config], None]) -> None:
    """Run migration steps in ONE transaction with foreign keys off.

    Alembic's batch mode rebuilds a table (copy, drop, rename): with foreign
    keys on, SQLite's DROP TABLE would cascade-delete the child rows. The keys
    are checked before the commit instead, and the transaction rolls back
    whole on any error, so a failed upgrade leaves the file as it was.
    """
    config = make_config()
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # only effective outside a transaction
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                step(config)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    tables = sorted({row[0] for row in broken})
                    raise MigrationError(
                        f"{len(broken)} broken reference(s) after migration in {tables}"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


class MigrationError(RuntimeError):
    """A migration left broken references: a bug in the migration, rolled back."""

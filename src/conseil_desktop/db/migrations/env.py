"""Alembic environment: always run on a connection handed over by the runner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from conseil_desktop.db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use: alembic -x db=PATH revision --autogenerate
        url = f"sqlite:///{context.get_x_argument(as_dictionary=True)['db']}"
        with create_engine(url).begin() as conn:
            _configure_and_run(conn)
    else:
        _configure_and_run(connection)


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()

"""The demo council's builder, ``_Demo``, and its writing of the rows."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, update
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from conseil_desktop.db.models import Base, CouncilSettings
from conseil_desktop.services.demo import data
from conseil_desktop.services.demo.common import COLUMNS
from conseil_desktop.services.demo.meetings import _Meetings
from conseil_desktop.services.demo.projects import _Projects

TRACKED = ("id", "uuid", "created_at", "updated_at")


class _Demo(_Projects, _Meetings):
    """Builds every row in memory, in foreign-key order, then writes them (``write``)."""

    def write(self, conn: Connection) -> None:
        """One executemany per table. Uuids are given in ascending order, which makes
        their unique index grow at its end: much faster for big tables."""
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        bits = self.uuid_rng.getrandbits
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB, for the indexes
        try:
            for table, columns in COLUMNS.items():
                rows = self.rows[table]
                if not rows:
                    continue
                extra_names, extra_values = _model_defaults(table, columns)
                names = (*columns, *extra_names, "uuid", "created_at", "updated_at")
                sql = f"INSERT INTO {table} ({', '.join(names)}) " \
                      f"VALUES ({', '.join('?' * len(names))})"
                uuids = sorted(bits(128) for _ in rows)
                conn.exec_driver_sql(sql, [
                    (*row, *extra_values, str(uuid.UUID(int=key, version=4)), now, now)
                    for row, key in zip(rows, uuids, strict=True)
                ])
        finally:
            if not conn.invalidated:  # Ctrl+C mid-insert: the connection is dropped anyway
                conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")

    def settings(self, conn: Connection) -> None:
        conn.execute(update(CouncilSettings).values(
            **data.COUNCIL_SETTINGS, prefectoral_decree_date=date(2024, 6, 12),
            updated_at=datetime.now(UTC).replace(tzinfo=None),
        ))


def _model_defaults(table: str, given: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    """Columns not given: their scalar model default, or NULL; refuse a missing NOT NULL."""
    names: list[str] = []
    values: list[Any] = []
    for column in Base.metadata.tables[table].columns:
        if column.name in given or column.name in TRACKED:
            continue
        default = column.default
        if isinstance(default, ScalarElementColumnDefault):
            names.append(column.name)
            values.append(getattr(default.arg, "value", default.arg))
        elif not column.nullable and column.server_default is None:
            raise RuntimeError(f"The demo gives no value for {table}.{column.name}")
    return names, values

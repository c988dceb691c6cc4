"""Reading many rows fast: plain tuples straight from the DB-API cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def raw_rows(session: Session, query: Select[Any], *, chunk: int = 0,
             fetched: Callable[[int], None] | None = None) -> list[tuple[Any, ...]]:
    """Run a Core query straight on the DB-API cursor: plain tuples of raw values.

    Skips SQLAlchemy's per-row result processing, which dominates on 100k rows;
    callers map enum values and dates themselves. With ``chunk``, the rows are
    fetched that many at a time and ``fetched(rows so far)`` is called after each
    chunk (it may raise to stop a long read).
    """
    connection = session.connection()
    compiled = query.compile(connection)
    params = [compiled.params[name] for name in compiled.positiontup or []]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), params)
        if not chunk:
            return cursor.fetchall()
        rows: list[tuple[Any, ...]] = []
        while part := cursor.fetchmany(chunk):
            rows += part
            if fetched is not None:
                fetched(len(rows))
        return rows
    finally:
        cursor.close()

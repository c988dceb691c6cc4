"""Reading many rows fast: plain tuples straight from the DB-API cursor."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def raw_rows(session: Session, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Run a Core query straight on the DB-API cursor: plain tuples of raw values.

    Skips SQLAlchemy's per-row result processing, which dominates on 100k rows;
    callers map enum values and dates themselves.
    """
    connection = session.connection()
    compiled = query.compile(connection)
    params = [compiled.params[name] for name in compiled.positiontup or []]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(str(compiled), params).fetchall()
    finally:
        cursor.close()

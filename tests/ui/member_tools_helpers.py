"""Shared by the members' tools GUI tests: a parent widget, the people in the base,
and a stand-in for ``run_dialog`` that works the real dialog as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from conseil_desktop.db.models import College, Membership, Person
from conseil_desktop.ui.database import Database


def make_parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def people(database: Database) -> list[tuple[str, str, str | None, str | None]]:
    with database.session_scope() as session:
        rows = session.execute(select(Person.last_name, Person.first_name, Person.email,
                                      Person.phone).order_by(Person.id)).all()
    return [tuple(row) for row in rows]


def drive(monkeypatch: pytest.MonkeyPatch, module: Any,
          steps: Callable[[Any], int | None]) -> list[Any]:
    """Replace the module's run_dialog: ``steps`` works the dialog, as a user would."""
    seen: list[Any] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        result = steps(dialog)
        return QDialog.DialogCode.Accepted if result is None else result

    monkeypatch.setattr(module, "run_dialog", run)
    return seen


def add_person(database: Database, last: str, first: str, email: str | None = None,
               **membership: Any) -> int:
    with database.session_scope() as session:
        person = Person(last_name=last, first_name=first, email=email)
        session.add(person)
        session.flush()
        session.add(Membership(person_id=person.id, college=College.RESIDENTS, **membership))
        return person.id

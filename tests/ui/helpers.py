"""Test helpers: a stand-in for the standard dialogs, and database content."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from conseil_desktop.db.engine import Storage, open_storage
from conseil_desktop.db.models import (
    College,
    Meeting,
    Membership,
    Organisation,
    Person,
    Project,
    Seat,
)
from conseil_desktop.ui.database import Database


class Dialogs:
    """Stands in for every standard dialog; ``answers`` holds what the user would reply."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answers: dict[str, list[Any]] = {}
        self.closing = False  # the test is over: pytest-qt closes the widgets it left open

    def answer(self, name: str, *values: Any) -> None:
        self.answers.setdefault(name, []).extend(values)

    def named(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]

    def record(self, name: str, *args: Any, **_kwargs: Any) -> Any:
        self.calls.append((name, args))
        if name.startswith("show_"):
            return None
        queue = self.answers.get(name)
        if self.closing and name == "confirm_discard" and not queue:
            return True
        if not queue:
            raise AssertionError(f"unexpected dialog {name}{args}")
        return queue.pop(0)


SEED_MEETING = "Assemblée plénière de novembre"


def seed(storage: Storage) -> None:
    """One member, one meeting, one organisation (a contact) and one project."""
    with storage.session_scope() as session:
        organisation = Organisation(name="Centre social Bellefontaine", kind_code="centre_social",
                                    phone="+33561000000")
        person = Person(last_name="Œuvray", first_name="Élodie", phone="+33612345678")
        session.add_all([organisation, person])
        session.flush()
        session.add(Membership(person_id=person.id, college=College.RESIDENTS,
                               seat=Seat.TITULAIRE))
        session.add(Meeting(type_code="pleniere", title=SEED_MEETING,
                            date=date(2026, 11, 25), start_time=time(18, 30), place="Salle du Lac"))
        session.add(Project(title="Jardins partagés", year=2026,
                            holder_organisation_id=organisation.id))


def move_seed_meeting(storage: Storage | Database, day: date) -> None:
    """Dates the seed's plenary (25/11/2026) relative to the day the tests run, for a test
    that tells upcoming from past meetings."""
    with storage.session_scope() as session:
        meeting = session.scalars(select(Meeting).where(Meeting.title == SEED_MEETING)).one()
        meeting.date = day


def add_member(storage: Storage, last_name: str, first_name: str = "Jean") -> None:
    with storage.session_scope() as session:
        person = Person(last_name=last_name, first_name=first_name)
        session.add(person)
        session.flush()
        session.add(Membership(person_id=person.id, college=College.RESIDENTS))


def make_database(path: Path) -> Path:
    storage = open_storage(path)
    try:
        seed(storage)
    finally:
        storage.close(backup=False)
    return path

"""Model rules: identity, timestamps, enums, foreign keys, forbidden data."""

from __future__ import annotations

import re
import time
import uuid

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    Base,
    College,
    Meeting,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Project,
    ProjectFunding,
)


def make_member(session, last_name: str = "Nguyễn", first_name: str = "Thị Hương") -> Person:  # type: ignore[no-untyped-def]
    person = Person(last_name=last_name, first_name=first_name)
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=College.RESIDENTS))
    session.flush()
    return person


def make_meeting(session) -> Meeting:  # type: ignore[no-untyped-def]
    from datetime import date

    meeting = Meeting(type_code="pleniere", title="Plénière", date=date(2026, 11, 25))
    session.add(meeting)
    session.flush()
    return meeting


def test_every_table_has_uuid_and_timestamps() -> None:
    for name, table in Base.metadata.tables.items():
        assert {"id", "uuid", "created_at", "updated_at"} <= set(table.c.keys()), name
        assert table.c.uuid.unique, name


def test_uuid_and_timestamps_are_filled_and_updated(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        person = make_member(session)
        first_update = person.updated_at
        assert uuid.UUID(person.uuid).version == 4
        assert person.created_at is not None
    time.sleep(0.01)
    with storage.session_scope() as session:
        person = session.get(Person, person.id)
        person.first_name = "Hương"
    with storage.session_scope() as session:
        person = session.get(Person, person.id)
        assert person.updated_at > first_update
        assert person.created_at <= first_update


def test_two_rows_never_share_a_uuid(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        a = make_member(session, "A")
        b = make_member(session, "B")
        assert a.uuid != b.uuid


def test_enums_round_trip_and_unknown_values_are_refused(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        person = make_member(session)
    with storage.session_scope() as session:
        membership = session.scalars(select(Membership)).one()
        assert membership.status is MemberStatus.ACTIVE
        assert membership.college is College.RESIDENTS
        raw = session.execute(text("SELECT college FROM membership")).scalar()
        assert raw == "habitants"
    with pytest.raises(StatementError), storage.session_scope() as session:
        session.add(Membership(person_id=person.id, college="martiens"))
        session.flush()


def test_foreign_keys_are_enforced(storage) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError), storage.session_scope() as session:
        meeting = make_meeting(session)
        session.add(Attendance(meeting_id=meeting.id, person_id=999_999))
        session.flush()


def test_a_database_error_does_not_carry_personal_values(storage) -> None:  # type: ignore[no-untyped-def]
    """Such an error is logged with its SQL: the values (an e-mail) must stay out of it."""
    same = str(uuid.uuid4())
    with pytest.raises(IntegrityError) as raised, storage.session_scope() as session:
        for _ in range(2):  # the same uuid twice: refused by its unique index
            session.add(Person(uuid=same, last_name="Dupont", first_name="Jeanne",
                               email="jeanne.secret@example.org"))
            session.flush()
    assert "UNIQUE" in str(raised.value)
    assert "jeanne.secret" not in str(raised.value)


def test_attendance_history_blocks_deleting_a_person(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        person = make_member(session)
        meeting = make_meeting(session)
        session.add(Attendance(meeting_id=meeting.id, person_id=person.id,
                               status=AttendanceStatus.PRESENT))
    with pytest.raises(IntegrityError), storage.session_scope() as session:
        session.execute(text("DELETE FROM person WHERE id = :id"), {"id": person.id})
    with storage.session_scope() as session:
        assert session.scalar(select(Attendance.status)) is AttendanceStatus.PRESENT


def test_deleting_a_meeting_removes_its_attendance(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        person = make_member(session)
        meeting = make_meeting(session)
        session.add(Attendance(meeting_id=meeting.id, person_id=person.id))
    with storage.session_scope() as session:
        session.execute(text("DELETE FROM meeting"))
    with storage.session_scope() as session:
        assert session.scalars(select(Attendance)).all() == []
        assert session.get(Person, person.id) is not None


def test_money_is_stored_as_integer_cents(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        funder = Organisation(name="Ville de Toulouse", is_funder=True)
        project = Project(title="Jardin partagé")
        session.add_all([funder, project])
        session.flush()
        session.add(ProjectFunding(project_id=project.id, funder_organisation_id=funder.id,
                                   requested_cents=123_450, granted_cents=100_000))
    with storage.session_scope() as session:
        assert session.execute(text("SELECT typeof(requested_cents) FROM project_funding")).scalar() == "integer"


FORBIDDEN = re.compile(
    r"national|origin|ethni|relig|politi|union|syndic|health|sante|santé|handicap|disab"
    r"|croyance|belief|orientation",
    re.IGNORECASE,
)


def test_no_column_can_hold_what_domain_md_forbids() -> None:
    for name, table in Base.metadata.tables.items():
        for column in table.c:
            assert not FORBIDDEN.search(column.name), f"{name}.{column.name}"


def test_people_have_no_free_text_field() -> None:
    """domain.md: no free-text field invites sensitive data about members."""
    for table_name in ("person", "membership", "membership_status_event", "consent"):
        table = Base.metadata.tables[table_name]
        long_text = [c.name for c in table.c
                     if getattr(c.type, "length", None) is None and c.type.python_type is str]
        assert long_text == [], table_name

"""Archiving a member, undoing the last change to one, and the member's summary."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Consent,
    ConsentKind,
    Meeting,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.errors import UserError
from conseil_desktop.services import member_archive
from conseil_desktop.services.member_summary import member_summary
from conseil_desktop.services.members import (
    MemberData,
    create_member,
    update_member_fields,
)

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 30)


@pytest.fixture
def elodie(storage: Storage) -> int:
    with storage.session_scope() as session:
        org = Organisation(name="Régie de quartier")
        session.add(org)
        session.flush()
        person_id = create_member(session, MemberData(
            last_name="Œuvray", first_name="Élodie", phone="06 12 34 56 78",
            email="elodie@example.org", college=College.LOCAL_ACTORS, organisation_id=org.id,
            seat=Seat.SUPPLEANT, joined_on=date(2024, 3, 1)), today=TODAY)
        membership = session.scalars(select(Membership)).one()
        session.add(MemberRole(membership_id=membership.id, role_code="secretaire",
                               started_on=date(2025, 1, 1)))
        session.add(Consent(person_id=person_id, kind=ConsentKind.IMAGE, granted=True,
                            recorded_on=date(2024, 3, 1), source="formulaire papier"))
        return person_id


def read(storage: Storage, person_id: int) -> dict[str, object]:
    """Everything an undo must put back, as plain values."""
    with storage.session_scope() as session:
        person = session.get(Person, person_id)
        assert person is not None and person.membership is not None
        m = person.membership
        return {
            "person": (person.last_name, person.first_name, person.phone, person.email,
                       person.archived_at, person.search_key),
            "membership": (m.college, m.seat, m.status, m.status_since, m.organisation_id,
                           m.joined_on),
            "events": sorted((e.status, e.effective_on, e.seat) for e in m.status_events),
            "roles": sorted((r.role_code, r.started_on, r.ended_on) for r in m.roles),
            "consents": sorted((c.kind, c.granted, c.recorded_on, c.source)
                               for c in person.consents),
        }


def test_archiving_an_active_member_records_a_resignation(storage: Storage,
                                                          elodie: int) -> None:
    with storage.session_scope() as session:
        assert member_archive.archive_member(session, elodie, today=TODAY, now=NOW)
    state = read(storage, elodie)
    assert state["person"][4] == NOW  # type: ignore[index]
    assert state["membership"][2:4] == (MemberStatus.RESIGNED, TODAY)  # type: ignore[index]
    assert (MemberStatus.RESIGNED, TODAY, Seat.SUPPLEANT) in state["events"]  # type: ignore[operator]
    assert state["roles"] == [("secretaire", date(2025, 1, 1), TODAY)]  # held no more
    with storage.session_scope() as session:  # archiving twice changes nothing
        assert not member_archive.archive_member(session, elodie, today=TODAY)


def test_archiving_a_former_member_keeps_the_status(storage: Storage, elodie: int) -> None:
    with storage.session_scope() as session:
        membership = session.scalars(select(Membership)).one()
        membership.status = MemberStatus.MOVED_OUT
    with storage.session_scope() as session:
        assert not member_archive.archive_member(session, elodie, today=TODAY)
    assert read(storage, elodie)["membership"][2] == MemberStatus.MOVED_OUT  # type: ignore[index]
    with storage.session_scope() as session:
        member_archive.unarchive_member(session, elodie)
    state = read(storage, elodie)
    assert state["person"][4] is None  # type: ignore[index]
    assert state["membership"][2] == MemberStatus.MOVED_OUT  # type: ignore[index]


def test_undo_an_archiving_puts_everything_back(storage: Storage, elodie: int) -> None:
    before = read(storage, elodie)
    with storage.session_scope() as session:
        snapshot = member_archive.snapshot_member(session, elodie)
        member_archive.archive_member(session, elodie, today=TODAY)
    assert read(storage, elodie) != before
    with storage.session_scope() as session:
        member_archive.restore_member(session, snapshot)
    assert read(storage, elodie) == before
    assert snapshot.name == "Élodie Œuvray"


def test_undo_an_edit_puts_fields_status_roles_and_consents_back(
        storage: Storage, elodie: int) -> None:
    before = read(storage, elodie)
    with storage.session_scope() as session:
        snapshot = member_archive.snapshot_member(session, elodie)
    with storage.session_scope() as session:  # what the member form may do, in one save
        update_member_fields(session, elodie, {"last_name": "Dupont", "phone": "07 61 22 33 44",
                                               "email": "", "organisation_id": None,
                                               "college": College.RESIDENTS})
        person = session.get(Person, elodie)
        assert person is not None and person.membership is not None
        m = person.membership
        m.status_events.append(MembershipStatusEvent(status=m.status, effective_on=TODAY,
                                                     seat=Seat.TITULAIRE))
        m.seat = Seat.TITULAIRE
        m.roles.clear()
        m.roles.append(MemberRole(role_code="president", started_on=TODAY))
        person.consents[0].granted = False
        person.consents.append(Consent(kind=ConsentKind.NEWSLETTER, granted=True,
                                       recorded_on=TODAY))
    changed = read(storage, elodie)
    assert changed != before and changed["person"][0] == "Dupont"  # type: ignore[index]
    with storage.session_scope() as session:
        member_archive.restore_member(session, snapshot)
    assert read(storage, elodie) == before  # the search key too: "oeuvray", not "dupont"


def test_undo_refuses_a_member_gone_or_from_another_base(storage: Storage,
                                                        elodie: int) -> None:
    with storage.session_scope() as session:
        snapshot = member_archive.snapshot_member(session, elodie)
    other = member_archive.MemberSnapshot(**{**snapshot.__dict__, "uuid": "another"})
    with storage.session_scope() as session, pytest.raises(UserError, match="n'existe plus"):
        member_archive.restore_member(session, other)
    with storage.session_scope() as session:
        session.get(Person, elodie).anonymised_at = NOW  # type: ignore[union-attr]
    with storage.session_scope() as session, pytest.raises(UserError, match="anonymisé"):
        member_archive.restore_member(session, snapshot)
    with storage.session_scope() as session, pytest.raises(UserError):
        member_archive.archive_member(session, 999)


def test_undo_with_the_organisation_deleted_meanwhile(storage: Storage, elodie: int) -> None:
    with storage.session_scope() as session:
        snapshot = member_archive.snapshot_member(session, elodie)
        membership = session.scalars(select(Membership)).one()
        membership.organisation_id = None
        session.delete(session.scalars(select(Organisation)).one())
    with storage.session_scope() as session:
        member_archive.restore_member(session, snapshot)
    assert read(storage, elodie)["membership"][4] is None  # type: ignore[index]


def test_summary_fields_roles_and_attendance(storage: Storage, elodie: int) -> None:
    with storage.session_scope() as session:
        for day, status in ((date(2026, 9, 1), AttendanceStatus.PRESENT),
                            (date(2026, 10, 1), AttendanceStatus.ABSENT),
                            (date(2026, 11, 1), AttendanceStatus.ABSENT)):
            meeting = Meeting(type_code="pleniere", title=f"Plénière {day.month}", date=day,
                              start_time=time(18, 30))
            session.add(meeting)
            session.flush()
            session.add(Attendance(meeting_id=meeting.id, person_id=elodie, status=status))
    with storage.session_scope() as session:
        summary = member_summary(session, elodie, TODAY)
    fields = dict(summary.fields)
    assert summary.name == "Élodie Œuvray"
    assert fields["Collège"] == "Acteurs locaux"
    assert fields["Siège"] == "Suppléant"
    assert fields["Statut"] == "Actif depuis le 01/03/2024"
    assert fields["Structure"] == "Régie de quartier"
    assert fields["Téléphone"] == "06 12 34 56 78"
    assert "Fin de mandat" not in fields  # empty fields are left out
    assert summary.roles == ["Secrétaire (depuis le 01/01/2025)"]
    assert [row.title for row in summary.history.rows] == [
        "Plénière 11", "Plénière 10", "Plénière 9"]
    assert summary.history.absence_run == 2
    assert summary.history.rate_12_months == pytest.approx(1 / 3)
    assert summary.archived_on is None

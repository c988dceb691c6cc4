"""The member-writing service the importer relies on (services/members.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    College,
    ContactAffiliation,
    Designation,
    MemberStatus,
    Organisation,
    Person,
    Seat,
    Sex,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.members import (
    MemberData,
    MemberValue,
    add_members,
    create_member,
    member_values,
    update_member,
    update_member_fields,
)

TODAY = dt.date(2026, 11, 25)


def values_of(session: Session, person_id: int) -> dict[str, MemberValue]:
    person = session.get(Person, person_id)
    assert person is not None
    return member_values(person)


def full_data(org_id: int | None = None) -> MemberData:
    return MemberData(
        last_name=" Œuvray ", first_name="Gaël", sex=Sex.MALE, birth_date=dt.date(2001, 2, 28),
        email=" gael@Exemple.FR ", phone="06 12 34 56 78", address_line1="12 rue des Lilas",
        postcode="31 200", city="Toulouse", college=College.LOCAL_ACTORS, seat=Seat.SUPPLEANT,
        designation=Designation.DESIGNATED_BY_STRUCTURE, organisation_id=org_id,
        joined_on=dt.date(2023, 6, 30),
    )


def test_create_member_normalises_and_starts_the_status_history(storage: Storage) -> None:
    with storage.session_scope() as session:
        org = Organisation(name="Régie de quartier")
        session.add(org)
        session.flush()
        person_id = create_member(session, full_data(org.id), today=TODAY)
    with storage.session_scope() as session:
        person = session.get(Person, person_id)
        assert person is not None and person.membership is not None
        assert (person.last_name, person.email, person.phone, person.postcode) == (
            "Œuvray", "gael@exemple.fr", "+33612345678", "31200")
        assert person.search_key == (
            "oeuvray gael gael@exemple.fr 33612345678 0612345678 regie de quartier")
        membership = person.membership
        assert (membership.seat, membership.status, membership.status_since) == (
            Seat.SUPPLEANT, MemberStatus.ACTIVE, dt.date(2023, 6, 30))
        (event,) = membership.status_events
        assert (event.status, event.effective_on, event.seat) == (
            MemberStatus.ACTIVE, dt.date(2023, 6, 30), Seat.SUPPLEANT)


def test_a_member_without_a_joining_date_starts_today(storage: Storage) -> None:
    with storage.session_scope() as session:
        person_id = create_member(session, MemberData("Martin"), today=TODAY)
        person = session.get(Person, person_id)
        assert person is not None and person.membership is not None
        assert person.membership.status_events[0].effective_on == TODAY


@pytest.mark.parametrize(
    ("data", "words"),
    [(MemberData("  "), "nom de famille"), (MemberData("X", phone="12"), "téléphone"),
     (MemberData("X", email="x@"), "adresse électronique"),
     (MemberData("X", postcode="BP 12"), "code postal"),
     (MemberData("X", organisation_id=999), "Organisation introuvable")],
)
def test_bad_values_are_refused_and_nothing_is_written(
    storage: Storage, data: MemberData, words: str
) -> None:
    with pytest.raises(InvalidInputError, match=words), storage.session_scope() as session:
        create_member(session, data)
    with storage.session_scope() as session:
        assert session.scalars(select(Person)).all() == []


def test_bulk_add_writes_what_create_member_writes(storage: Storage) -> None:
    with storage.session_scope() as session:
        org = Organisation(name="Régie de quartier")
        session.add(org)
        session.flush()
        single = create_member(session, full_data(org.id), today=TODAY)
        added = add_members(session, [full_data(org.id), MemberData("Martin")], today=TODAY)
    with storage.session_scope() as session:
        one, bulk, other = (session.get(Person, i) for i in (single, added[0].id, added[1].id))
        assert one is not None and bulk is not None and other is not None
        assert member_values(bulk) == member_values(one)
        assert bulk.search_key == one.search_key and bulk.uuid == added[0].uuid
        assert bulk.membership is not None
        assert [(e.status, e.effective_on) for e in bulk.membership.status_events] == [
            (MemberStatus.ACTIVE, dt.date(2023, 6, 30))]
        assert other.membership is not None and other.membership.status_since == TODAY


def test_update_member_fields_changes_only_what_it_is_given(storage: Storage) -> None:
    with storage.session_scope() as session:
        person_id = create_member(session, full_data(), today=TODAY)
        before = values_of(session, person_id)
        update_member_fields(session, person_id, {"phone": "07 81 22 33 44", "city": "Blagnac"})
        after = values_of(session, person_id)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"phone", "city"}
    assert after["phone"] == "+33781223344"
    with pytest.raises(ValueError, match="Unknown member fields"), storage.session_scope() as s:
        update_member_fields(s, person_id, {"nationality": "x"})


def test_a_contact_becomes_a_member_and_keeps_their_role(storage: Storage) -> None:
    with storage.session_scope() as session:
        contact = Person(last_name="Benali", first_name="Karim")
        session.add(contact)
        session.flush()
        session.add(ContactAffiliation(person_id=contact.id, role_title="Président"))
        session.flush()
        update_member_fields(session, contact.id, {"college": College.LOCAL_ACTORS},
                             today=TODAY)
    with storage.session_scope() as session:
        person = session.scalars(select(Person)).one()
        assert person.membership is not None
        assert (person.membership.college, person.membership.status_since) == (
            College.LOCAL_ACTORS, TODAY)
        assert len(person.membership.status_events) == 1
        assert person.search_key == "benali karim president"


def test_update_member_saves_the_whole_form(storage: Storage) -> None:
    with storage.session_scope() as session:
        person_id = create_member(session, full_data(), today=TODAY)
        update_member(session, person_id, MemberData("Œuvray", "Gaël"))
        values = values_of(session, person_id)
    assert values["email"] is None and values["phone"] is None and values["sex"] is None
    assert values["college"] is College.RESIDENTS
    with pytest.raises(InvalidInputError, match="introuvable"), storage.session_scope() as s:
        update_member(s, 999, MemberData("X"))

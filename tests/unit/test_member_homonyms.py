"""Members who already have a new member's name: all of them, told apart, the likeliest
same person first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    College,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Sex,
)
from conseil_desktop.services.member_homonyms import homonyms
from conseil_desktop.services.members import MemberData, create_member

TODAY = date(2026, 11, 25)


@pytest.fixture
def session(storage: Storage) -> Iterator[Session]:
    with storage.session_scope() as opened:
        yield opened


def add(session: Session, last: str = "Benali", first: str = "Karim", **fields: object) -> int:
    return create_member(session, MemberData(last, first, **fields), today=TODAY)  # type: ignore[arg-type]


def test_every_homonym_is_named_and_the_one_with_the_same_phone_comes_first(
        session: Session) -> None:
    first = add(session, sex=Sex.MALE, birth_date=date(1980, 4, 2))
    organisation = Organisation(name="Régie de quartier Les Izards")
    session.add(organisation)
    session.flush()
    second = add(session, "BENALI", "karim", college=College.LOCAL_ACTORS,
                 organisation_id=organisation.id)
    third = add(session, "Benali", "Karim", phone="06 12 34 56 78")
    add(session, "Benali", "Karima")  # another name: not a homonym
    found = homonyms(session, MemberData("Bénali", "Karim", phone="+33 6 12 34 56 78"))
    assert [h.person_id for h in found] == [third, first, second]
    assert [h.describe() for h in found] == [
        "Benali Karim – Collège des habitants, 06 12 34 56 78 (même téléphone)",
        "Benali Karim – Collège des habitants, né le 02/04/1980",
        "BENALI karim – Collège des acteurs locaux, Régie de quartier Les Izards",
    ]


def test_the_same_birth_date_or_e_mail_leads_and_more_in_common_leads_first(
        session: Session) -> None:
    by_mail = add(session, email="karim.benali@exemple.fr")
    by_birth = add(session, birth_date=date(1990, 1, 5), sex=Sex.FEMALE)
    both = add(session, email="KARIM.benali@exemple.fr", birth_date=date(1990, 1, 5))
    new = MemberData("Benali", "Karim", email="karim.benali@Exemple.fr",
                     birth_date=date(1990, 1, 5))
    found = homonyms(session, new)
    assert [h.person_id for h in found] == [both, by_mail, by_birth]
    assert found[0].shared == ("même courriel", "même date de naissance")
    assert found[2].describe() == ("Benali Karim – Collège des habitants, née le 05/01/1990 "
                                   "(même date de naissance)")


def test_homonyms_nothing_tells_apart_get_their_number_and_departures_are_said(
        session: Session) -> None:
    one, two = add(session), add(session)
    gone = add(session, birth_date=date(1975, 6, 1))
    membership = session.scalars(select(Membership).where(Membership.person_id == gone)).one()
    membership.status = MemberStatus.RESIGNED
    anonymised = add(session)
    person = session.get(Person, anonymised)
    assert person is not None
    person.anonymised_at = datetime(2026, 1, 1)
    session.flush()
    labels = [h.describe() for h in homonyms(session, MemberData("Benali", "Karim"))]
    assert labels == [
        f"Benali Karim – Collège des habitants, n° {one}",
        f"Benali Karim – Collège des habitants, n° {two}",
        "Benali Karim – Collège des habitants, né·e le 01/06/1975, démissionnaire",
    ]
    assert homonyms(session, MemberData("Benali", "Samira")) == []
    assert homonyms(session, MemberData("", "")) == []

"""Choosing whom a contact is: members for the picker, same-name members, organisations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import College, Membership, Organisation, Person
from conseil_desktop.services import contacts
from conseil_desktop.services.contact_links import (
    members_for_picker,
    members_named,
    organisation_choices,
)
from conseil_desktop.services.contacts import AffiliationData, ContactData, OrganisationData
from conseil_desktop.services.projects import Choice
from conseil_desktop.services.text import person_search_key


@pytest.fixture
def session(storage: Storage) -> Iterator[Session]:
    with storage.session_scope() as opened:
        yield opened


def add_member(session: Session, last: str, first: str,
               college: College = College.RESIDENTS, email: str | None = None) -> int:
    person = Person(last_name=last, first_name=first, email=email,
                    search_key=person_search_key(last, first, email))
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=college))
    session.flush()
    return person.id


def test_members_are_found_by_folded_words_with_their_college(session: Session) -> None:
    elodie = add_member(session, "Œuvray", "Élodie")
    karim = add_member(session, "Benali", "Karim", College.LOCAL_ACTORS, "k.benali@example.org")
    add_member(session, "Martin", "Paul")
    assert members_for_picker(session, "OEUVRAY elo") == [
        Choice(elodie, "Œuvray Élodie – Collège des habitants")]
    assert [c.label for c in members_for_picker(session, "k.benali@example")] == [
        "Benali Karim – Collège des acteurs locaux"]
    assert [c.id for c in members_for_picker(session, "e")] == [karim, elodie]  # name order


def test_the_picker_is_bounded_and_skips_contacts_and_anonymised(session: Session) -> None:
    ids = [add_member(session, "Diallo", f"Awa{n:02d}") for n in range(12)]
    assert [c.id for c in members_for_picker(session, "diallo", limit=5)] == ids[:5]
    assert members_for_picker(session, "   ") == []
    assert members_for_picker(session, "diallo", limit=0) == []
    session.get(Person, ids[0]).anonymised_at = datetime(2026, 1, 1)  # type: ignore[union-attr]
    org = contacts.create_organisation(session, OrganisationData("Régie")).id
    contacts.create_contact(session, ContactData("Diallo", "Awa99",
                                                 affiliations=[AffiliationData(org)]))
    found = [c.label for c in members_for_picker(session, "diallo", limit=50)]
    assert len(found) == 11 and not any("Awa99" in label or "Awa00" in label for label in found)


def test_homonyms_are_told_apart_by_their_number(session: Session) -> None:
    first = add_member(session, "Martin", "André")
    second = add_member(session, "Martin", "André")
    assert [c.label for c in members_for_picker(session, "martin andre")] == [
        f"Martin André – Collège des habitants (n° {first})",
        f"Martin André – Collège des habitants (n° {second})",
    ]


def test_members_named_matches_the_whole_name_only(session: Session) -> None:
    elodie = add_member(session, "Œuvray", "Élodie")
    add_member(session, "Œuvray", "Élodiane")
    assert [c.id for c in members_named(session, "OEUVRAY", "elodie")] == [elodie]
    assert members_named(session, "Œuvray", "") == []
    assert members_named(session, "", "") == []


def test_organisation_choices_in_folded_order_without_archived(session: Session) -> None:
    for name in ("Mairie de quartier", "École du Lac", "association Arc-en-ciel"):
        contacts.create_organisation(session, OrganisationData(name))
    archived = contacts.create_organisation(session, OrganisationData("Ancienne régie")).id
    contacts.archive_organisation(session, archived)
    session.flush()
    assert [c.label for c in organisation_choices(session)] == [
        "association Arc-en-ciel", "École du Lac", "Mairie de quartier"]
    assert session.get(Organisation, archived) is not None

"""The contacts service: organisations, people with roles, search, details, deletion."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    College,
    ContactAffiliation,
    Decision,
    Guest,
    Meeting,
    Membership,
    Organisation,
    Person,
    ProjectFunding,
    ProjectStatus,
)
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import contact_queries, contacts, project_details, projects
from conseil_desktop.services.contact_queries import ContactKind
from conseil_desktop.services.contacts import (
    AffiliationData,
    ContactData,
    DeleteOutcome,
    OrganisationData,
    OrganisationInUseError,
)
from conseil_desktop.services.projects import FundingLine, HolderKind, ProjectData


@pytest.fixture
def session(storage: Storage) -> Iterator[Session]:
    with storage.session_scope() as opened:
        yield opened


def new_org(session: Session, name: str, kind: str = "association", **fields: object) -> int:
    data = OrganisationData(name=name, kind_code=kind, **fields)  # type: ignore[arg-type]
    return contacts.create_organisation(session, data).id


def new_contact(session: Session, last: str, first: str, *roles: AffiliationData,
                **fields: str) -> int:
    data = ContactData(last_name=last, first_name=first, affiliations=list(roles), **fields)
    return contacts.create_contact(session, data).id


def test_organisation_fields_are_validated_and_normalised(session: Session) -> None:
    oid = new_org(session, " Régie de quartier ", "association", siret="801 234 568 00013",
                  rna="w313012345", phone="05 61 22 33 44", email="Contact@Regie.EXAMPLE.org",
                  website="www.regie.example.org", postcode="31 100", city="Toulouse")
    org = session.get(Organisation, oid)
    assert org is not None
    assert (org.name, org.siret, org.rna, org.phone, org.email, org.website, org.postcode) == (
        "Régie de quartier", "80123456800013", "W313012345", "+33561223344",
        "Contact@regie.example.org", "https://www.regie.example.org", "31100")
    detail = contact_queries.get_organisation(session, oid)
    assert detail.data.phone == "05 61 22 33 44"
    assert detail.kind_label == "Association"
    for field, value, message in [
        ("siret", "80123456800014", "SIRET"), ("rna", "W12", "RNA"),
        ("phone", "12", "téléphone"), ("email", "contact@", "adresse électronique"),
        ("kind_code", "ovni", "Type d'organisation inconnu"), ("name", "  ", "obligatoire"),
    ]:
        with pytest.raises(InvalidInputError, match=message):
            contacts.update_organisation(session, oid, replace(detail.data, **{field: value}))


def test_duplicate_organisation_name_is_a_warning(session: Session) -> None:
    new_org(session, "Centre social Milan", "centre_social")
    result = contacts.create_organisation(
        session, OrganisationData(name="centre social MILAN", kind_code="centre_social"))
    assert result.warnings == (
        "Une autre organisation s'appelle déjà « Centre social Milan » : "
        "s'agit-il d'un doublon ?",)


def test_search_ignores_case_and_accents(session: Session) -> None:
    regie = new_org(session, "Régie de quartier Bellefontaine", "association")
    new_contact(session, "Œuvray", "Élodie", AffiliationData(regie, "Coordinatrice"))
    new_contact(session, "Martin", "Paul", AffiliationData(regie, "Président"))
    found = contact_queries.search_contacts(session, "elodie")
    assert [(r.kind, r.name, r.organisation, r.role) for r in found] == [
        (ContactKind.PERSON, "Œuvray Élodie", "Régie de quartier Bellefontaine", "Coordinatrice")]
    assert [r.name for r in contact_queries.search_contacts(session, "OEUVRAY coordinat")] == [
        "Œuvray Élodie"]
    by_org = contact_queries.search_contacts(session, "regie")
    assert [r.name for r in by_org] == [
        "Martin Paul", "Œuvray Élodie", "Régie de quartier Bellefontaine"]
    assert contact_queries.search_contacts(session, "100%_") == []


def test_search_by_phone_and_kind(session: Session) -> None:
    school = new_org(session, "École du Lac", "ecole", phone="05 61 00 00 01")
    new_org(session, "Mairie de quartier", "mairie")
    new_contact(session, "Diallo", "Awa", AffiliationData(school, "Directrice"),
                phone="06 12 34 56 78")
    assert [r.name for r in contact_queries.search_contacts(session, "0612")] == ["Diallo Awa"]
    assert [r.name for r in contact_queries.search_contacts(session, "05 61 00")] == [
        "École du Lac"]
    assert [r.name for r in contact_queries.search_contacts(session, kind_code="ecole")] == [
        "Diallo Awa", "École du Lac"]
    everything = contact_queries.search_contacts(session)
    assert [r.name for r in everything] == ["Diallo Awa", "École du Lac", "Mairie de quartier"]
    assert everything[0].phone == "06 12 34 56 78"


def test_organisation_with_two_people(session: Session) -> None:
    city = new_org(session, "Ville de Toulouse", "mairie")
    new_contact(session, "Bénard", "Sophie", AffiliationData(city, "Cheffe de projet"))
    new_contact(session, "Haddad", "Karim", AffiliationData(city, "Adjoint au maire",
                                                             phone="05 61 22 22 22"))
    detail = contact_queries.get_organisation(session, city)
    assert [(p.person_name, p.role_title, p.phone) for p in detail.people] == [
        ("Bénard Sophie", "Cheffe de projet", ""),
        ("Haddad Karim", "Adjoint au maire", "05 61 22 22 22")]


def test_person_with_two_roles(session: Session) -> None:
    assoc = new_org(session, "Femmes solidaires", "association")
    centre = new_org(session, "Centre social Milan", "centre_social")
    pid = new_contact(session, "Nguyễn", "Thị Hương",
                      AffiliationData(assoc, "Présidente", email="huong@example.org"),
                      AffiliationData(centre, "Référente familles"))
    rows = contact_queries.search_contacts(session, "huong")
    assert len(rows) == 1
    assert rows[0].organisation == "Femmes solidaires, Centre social Milan"
    assert rows[0].role == "Présidente, Référente familles"
    assert rows[0].email == "huong@example.org"
    detail = contact_queries.get_contact(session, pid)
    assert [a.organisation_name for a in detail.affiliations] == [
        "Femmes solidaires", "Centre social Milan"]
    # Dropping one role through the form keeps the other row and its id.
    kept = detail.data.affiliations[1]
    contacts.update_contact(session, pid, replace(detail.data, affiliations=[kept]))
    again = contact_queries.get_contact(session, pid)
    assert [(a.id, a.role_title) for a in again.affiliations] == [(kept.id, "Référente familles")]


def test_member_is_linked_as_contact_not_copied(session: Session) -> None:
    person = Person(last_name="Yılmaz", first_name="Şükrü",
                    search_key="yilmaz sukru")
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=College.RESIDENTS))
    club = new_org(session, "Football club du Lac", "association")
    result = contacts.create_contact(session, ContactData("YILMAZ", "Sukru"))
    assert "existait déjà" in result.warnings[0]
    session.delete(session.get(Person, result.id))  # the user chooses to link instead
    contacts.add_affiliation(session, person.id, AffiliationData(club, "Entraîneur"))
    rows = contact_queries.search_contacts(session, "football")
    assert [(r.id, r.name) for r in rows if r.kind is ContactKind.PERSON] == [
        (person.id, "Yılmaz Şükrü")]
    assert session.scalar(select(func.count()).select_from(Person)) == 1
    detail = contact_queries.get_contact(session, person.id)
    assert detail.is_member and detail.affiliations[0].organisation_name == "Football club du Lac"
    assert contacts.remove_contact(session, person.id) is False  # still a member
    assert session.get(Person, person.id) is not None
    assert contact_queries.search_contacts(session, "yilmaz") == []


def test_contact_detail_lists_projects_meetings_and_decisions(session: Session) -> None:
    assoc = new_org(session, "Atelier vélo", "association")
    pid = new_contact(session, "Kowalski", "Łukasz", AffiliationData(assoc, "Animateur"))
    holder = projects.create_project(session, ProjectData(
        title="Vélo-école", holder_kind=HolderKind.PERSON, holder_id=pid, year=2026)).id
    fete = projects.create_project(session, ProjectData(
        title="Fête", member_ids=[pid], year=2025)).id
    meeting = Meeting(type_code="pleniere", title="Plénière", date=date(2026, 3, 12))
    session.add(meeting)
    session.flush()
    session.add_all([
        Guest(meeting_id=meeting.id, name="Łukasz Kowalski", quality="Animateur", person_id=pid),
        Decision(meeting_id=meeting.id, text="Organiser la bourse aux vélos.",
                 owner_person_id=pid, deadline=date(2026, 5, 1)),
        Decision(meeting_id=meeting.id, text="Prêter le local.", owner_organisation_id=assoc),
    ])
    detail = contact_queries.get_contact(session, pid)
    assert [(p.id, p.title, p.role) for p in detail.projects] == [
        (holder, "Vélo-école", "Porteur"), (fete, "Fête", "Membre")]
    assert [(m.title, m.quality) for m in detail.guest_meetings] == [("Plénière", "Animateur")]
    assert [(d.text, d.deadline) for d in detail.decisions] == [
        ("Organiser la bourse aux vélos.", date(2026, 5, 1))]
    org_detail = contact_queries.get_organisation(session, assoc)
    assert [d.text for d in org_detail.decisions] == ["Prêter le local."]


def test_delete_funder_asks_then_archives_and_keeps_project_history(session: Session) -> None:
    city = new_org(session, "Ville de Toulouse", "mairie")
    pid = projects.create_project(session, ProjectData(
        title="Fête de quartier", fundings=[FundingLine(city, 100_000, 80_000)]),
        status_on=date(2026, 1, 5)).id
    projects.change_status(session, pid, ProjectStatus.SUBMITTED, date(2026, 2, 1))
    with pytest.raises(OrganisationInUseError) as raised:
        contacts.delete_organisation(session, city)
    assert isinstance(raised.value, UserError)
    assert [p.label for p in raised.value.projects] == ["Fête de quartier"]
    assert "elle finance ou porte 1 projet (Fête de quartier)" in raised.value.message
    assert "archivée" in raised.value.message
    assert contacts.delete_organisation(session, city, confirmed=True) is DeleteOutcome.ARCHIVED
    org = session.get(Organisation, city)
    assert org is not None and org.archived_at is not None
    detail = project_details.get_project(session, pid)
    assert [(f.funder_name, f.granted_cents) for f in detail.fundings] == [
        ("Ville de Toulouse", 80_000)]
    assert [e.status for e in detail.history] == [ProjectStatus.IDEA, ProjectStatus.SUBMITTED]
    assert contact_queries.search_contacts(session, "toulouse") == []
    assert [r.name for r in contact_queries.search_contacts(
        session, "toulouse", include_archived=True)] == ["Ville de Toulouse"]
    contacts.restore_organisation(session, city)
    assert session.get(Organisation, city).archived_at is None  # type: ignore[union-attr]


def test_unlinked_organisation_is_deleted(session: Session) -> None:
    oid = new_org(session, "Auto-école du Lac", "entreprise")
    assert contacts.delete_organisation(session, oid) is DeleteOutcome.DELETED
    assert session.get(Organisation, oid) is None
    assert session.scalar(select(func.count()).select_from(ProjectFunding)) == 0


def test_organisation_with_people_only_asks_too(session: Session) -> None:
    oid = new_org(session, "Pharmacie du Marché", "entreprise")
    new_contact(session, "Camara", "Mariam", AffiliationData(oid, "Gérante"))
    with pytest.raises(OrganisationInUseError, match="1 contact y a un rôle"):
        contacts.delete_organisation(session, oid)


def test_renaming_an_organisation_refreshes_its_people_search(session: Session) -> None:
    oid = new_org(session, "Amicale", "association")
    new_contact(session, "Sow", "Moussa", AffiliationData(oid, "Trésorier"))
    detail = contact_queries.get_organisation(session, oid)
    contacts.update_organisation(session, oid, replace(detail.data, name="Amicale des Érables"))
    assert [r.name for r in contact_queries.search_contacts(session, "erables sow")] == [
        "Sow Moussa"]


def test_removing_a_plain_contact_deletes_the_person(session: Session) -> None:
    pid = new_contact(session, "Touré", "Seydou", email="seydou@example.net")
    assert contact_queries.search_contacts(session, "seydou")[0].email == "seydou@example.net"
    assert contacts.remove_contact(session, pid) is True
    assert session.get(Person, pid) is None
    assert session.scalar(select(func.count()).select_from(ContactAffiliation)) == 0


def test_address_book_for_exports(session: Session) -> None:
    city = new_org(session, "Ville de Toulouse", "mairie", phone="05 61 22 29 22")
    gone = new_org(session, "Ancienne association", "association")
    contacts.archive_organisation(session, gone)
    new_contact(session, "Œuvray", "Élodie", AffiliationData(city, "Cheffe de projet"),
                phone="06 11 22 33 44")
    book = contact_queries.address_book(session)
    assert [(o.name, o.kind_label, o.phone) for o in book.organisations] == [
        ("Ville de Toulouse", "Mairie / mairie de quartier", "+33561222922")]
    assert [(p.last_name, p.phone, [r.organisation for r in p.roles]) for p in book.people] == [
        ("Œuvray", "+33611223344", ["Ville de Toulouse"])]


def test_a_refused_form_changes_nothing(session: Session) -> None:
    oid = new_org(session, "Atelier vélo", "association", phone="05 61 00 00 01")
    pid = new_contact(session, "Diop", "Awa", AffiliationData(oid, "Animatrice"))
    detail = contact_queries.get_contact(session, pid)
    bad = replace(detail.data, first_name="Aïssatou", affiliations=[
        replace(detail.data.affiliations[0], role_title="Présidente"),
        AffiliationData(oid, "Trésorière", email="pas-une-adresse")])
    with pytest.raises(InvalidInputError, match="pas-une-adresse"):
        contacts.update_contact(session, pid, bad)
    again = contact_queries.get_contact(session, pid)
    assert again.data.first_name == "Awa"
    assert [a.role_title for a in again.affiliations] == ["Animatrice"]
    org_form = contact_queries.get_organisation(session, oid).data
    with pytest.raises(InvalidInputError, match="code postal"):
        contacts.update_organisation(session, oid, replace(org_form, name="Vélo", postcode="31"))
    assert session.get(Organisation, oid).name == "Atelier vélo"  # type: ignore[union-attr]


def test_organisation_represented_by_a_member_is_archived_not_deleted(session: Session) -> None:
    oid = new_org(session, "Amicale des locataires", "association")
    person = Person(last_name="Koné", first_name="Moussa")
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=College.LOCAL_ACTORS,
                           organisation_id=oid))
    with pytest.raises(OrganisationInUseError, match="des membres la représentent"):
        contacts.delete_organisation(session, oid)
    assert contacts.delete_organisation(session, oid, confirmed=True) is DeleteOutcome.ARCHIVED


def test_organisation_usage_says_what_refers_to_it_and_changes_nothing(
    session: Session,
) -> None:
    oid = new_org(session, "Centre social", "centre_social")
    other = new_org(session, "Atelier vélo", "association")
    unused = contacts.organisation_usage(session, other)
    assert not unused.in_use
    assert (unused.projects, unused.people, unused.members, unused.decisions) == ([], 0, 0, 0)
    projects.create_project(session, ProjectData(
        title="Vélo-école", holder_kind=HolderKind.ORGANISATION, holder_id=oid))
    projects.create_project(session, ProjectData(
        title="Fête", fundings=[FundingLine(oid, 50_000)]))
    new_contact(session, "Camara", "Mariam", AffiliationData(oid, "Directrice"))
    for last in ("Koné", "Sy"):
        person = Person(last_name=last, first_name="Moussa")
        session.add(person)
        session.flush()
        session.add(Membership(person_id=person.id, college=College.LOCAL_ACTORS,
                               organisation_id=oid))
    meeting = Meeting(type_code="pleniere", title="Plénière", date=date(2026, 3, 1))
    session.add(meeting)
    session.flush()
    session.add(Decision(meeting_id=meeting.id, text="Prêter la salle.",
                         owner_organisation_id=oid))
    session.flush()
    usage = contacts.organisation_usage(session, oid)
    assert usage.in_use
    assert [p.label for p in usage.projects] == ["Fête", "Vélo-école"]
    assert (usage.people, usage.members, usage.decisions) == (1, 2, 1)
    message = usage.message()
    assert "elle finance ou porte 2 projets (Fête, Vélo-école)" in message
    assert "1 contact y a un rôle" in message
    assert "des membres la représentent (2)" in message
    assert "des décisions lui sont confiées (1)" in message
    assert not session.new and not session.dirty and not session.deleted
    with pytest.raises(OrganisationInUseError) as raised:
        contacts.delete_organisation(session, oid)
    assert raised.value.message == message
    assert session.get(Organisation, oid) is not None


def test_every_bad_field_of_an_organisation_is_reported_at_once(storage) -> None:  # type: ignore[no-untyped-def]
    from conseil_desktop.errors import InvalidInputError
    from conseil_desktop.services import contacts as service

    data = service.OrganisationData(
        name="Régie de quartier", kind_code="association", siret="123 456 789 00012",
        rna="X123", phone="12", email="pas-un-courriel",
    )
    with pytest.raises(InvalidInputError) as caught, storage.session_scope() as session:
        service.create_organisation(session, data)
    message = caught.value.message
    assert "SIRET" in message and "RNA" in message and "12" in message and "courriel" in message
    assert message.count("\n") >= 3

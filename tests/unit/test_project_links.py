"""Queries of the project screens: meetings and decisions to link, the projects
of a meeting, and the people and organisations a picker offers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import College, Decision, Meeting, Membership, Person
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import project_choices, project_links, projects
from conseil_desktop.services.contacts import (
    ContactData,
    OrganisationData,
    create_contact,
    create_organisation,
)
from conseil_desktop.services.projects import FundingLine, ProjectData


@pytest.fixture
def session(storage: Storage) -> Iterator[Session]:
    with storage.session_scope() as opened:
        yield opened


def meeting(session: Session, title: str, day: date, place: str = "",
            decisions: tuple[str, ...] = ()) -> int:
    row = Meeting(type_code="pleniere", title=title, date=day, place=place,
                  start_time=time(18, 30))
    session.add(row)
    session.flush()
    for position, text in enumerate(decisions, 1):
        session.add(Decision(meeting_id=row.id, position=position, text=text))
    session.flush()
    return row.id


def organisation(session: Session, name: str, **values: str) -> int:
    return create_organisation(session, OrganisationData(name=name, **values)).id


def test_meetings_for_picker_latest_first_and_searched_without_accents(
    session: Session,
) -> None:
    first = meeting(session, "Assemblée plénière de mars", date(2026, 3, 12), "Salle du Lac")
    second = meeting(session, "Réunion du bureau", date(2026, 5, 4), "Centre social Milan")
    third = meeting(session, "Assemblée plénière de juin", date(2026, 6, 20), "Médiathèque")
    assert [m.id for m in project_links.meetings_for_picker(session)] == [third, second, first]
    assert [m.id for m in project_links.meetings_for_picker(session, "ASSEMBLEE pleniere")] == [
        third, first]
    assert [m.id for m in project_links.meetings_for_picker(session, "mediatheque")] == [third]
    assert [m.id for m in project_links.meetings_for_picker(session, "04/05/2026")] == [second]
    assert [m.id for m in project_links.meetings_for_picker(session, "", limit=1)] == [third]
    picked = project_links.meetings_for_picker(session, "bureau")[0]
    assert (picked.title, picked.place, picked.start_time) == (
        "Réunion du bureau", "Centre social Milan", time(18, 30))


def test_decisions_of_meeting_in_record_order(session: Session) -> None:
    mid = meeting(session, "Plénière", date(2026, 3, 12),
                  decisions=("Soutenir le repair café", "Voter le budget"))
    other = meeting(session, "Bureau", date(2026, 4, 1), decisions=("Autre chose",))
    found = project_links.decisions_of_meeting(session, mid)
    assert [(d.position, d.text) for d in found] == [
        (1, "Soutenir le repair café"), (2, "Voter le budget")]
    assert [d.text for d in project_links.decisions_of_meeting(session, other)] == [
        "Autre chose"]


def test_projects_of_meeting_lists_each_link(session: Session) -> None:
    mid = meeting(session, "Plénière", date(2026, 3, 12), "Salle du Lac",
                  decisions=("Soutenir le repair café",))
    decision = project_links.decisions_of_meeting(session, mid)[0]
    repair = projects.create_project(session, ProjectData(title="Repair café", year=2026)).id
    garden = projects.create_project(session, ProjectData(title="Jardins partagés")).id
    projects.create_project(session, ProjectData(title="Not linked"))
    projects.link_meeting(session, repair, mid, decision.id)
    projects.link_meeting(session, garden, mid)
    content = project_links.projects_of_meeting(session, mid)
    assert (content.meeting.title, content.meeting.date, content.meeting.place) == (
        "Plénière", date(2026, 3, 12), "Salle du Lac")
    assert [(p.title, p.year, p.status_label, p.decision_text) for p in content.projects] == [
        ("Jardins partagés", None, "Idée", ""),
        ("Repair café", 2026, "Idée", "Soutenir le repair café"),
    ]
    empty = meeting(session, "Bureau", date(2026, 4, 1))
    assert project_links.projects_of_meeting(session, empty).projects == []


def test_projects_of_an_unknown_meeting_is_a_clear_error(session: Session) -> None:
    with pytest.raises(InvalidInputError, match="Réunion introuvable"):
        project_links.projects_of_meeting(session, 999)


def test_find_people_by_word_starts_names_first(session: Session) -> None:
    jean = create_contact(session, ContactData(last_name="Martin", first_name="Jean")).id
    create_contact(session, ContactData(last_name="Martin", first_name="Aïcha",
                                        email="jardins@example.org"))
    elodie = create_contact(session, ContactData(last_name="Œuvray", first_name="Élodie")).id
    assert project_choices.find_people(session, "martin j")[0].id == jean
    assert [p.label for p in project_choices.find_people(session, "oeuvray ELO")] == [
        "Œuvray Élodie"]
    assert project_choices.find_people(session, "artin") == []  # words start, not middles
    assert project_choices.find_people(session, "   ") == []
    assert len(project_choices.find_people(session, "martin", limit=1)) == 1
    assert project_choices.find_people(session, "elodie")[0].id == elodie


def test_find_people_tells_members_and_skips_archived(session: Session) -> None:
    member = Person(last_name="Dupont", first_name="Léa", city="Toulouse", postcode="31200")
    gone = Person(last_name="Dupont", first_name="Marc", archived_at=datetime(2026, 1, 1))
    session.add_all([member, gone])
    session.flush()
    session.add(Membership(person_id=member.id, college=College.RESIDENTS))
    session.flush()  # both written without a search key, found by their plain names
    assert [(p.label, p.detail) for p in project_choices.find_people(session, "dupont")] == [
        ("Dupont Léa", "Membre · 31200 Toulouse")]


def test_find_organisations_folds_names_and_offers_funders_first(session: Session) -> None:
    centre = organisation(session, "Centre social Bellefontaine", rna="W313012345")
    caf = organisation(session, "CAF de la Haute-Garonne")
    city = organisation(session, "Ville de Toulouse")
    assert [(p.id, p.detail) for p in project_choices.find_organisations(session, "CENTRE")] == [
        (centre, "W313012345")]
    assert [p.id for p in project_choices.find_organisations(session, "de")] == [caf, city]
    projects.create_project(session, ProjectData(
        title="Fresque", fundings=[FundingLine(city, 100_000)]))
    funders_first = project_choices.find_organisations(session, "de", funders_first=True)
    assert [p.id for p in funders_first] == [city, caf]
    assert project_choices.find_organisations(session, "") == []


def test_project_years_latest_first(session: Session) -> None:
    for title, year in (("A", 2025), ("B", 2026), ("C", None), ("D", 2025)):
        projects.create_project(session, ProjectData(title=title, year=year))
    assert project_choices.project_years(session) == [2026, 2025]

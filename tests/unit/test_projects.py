"""The project service: forms, status history, deadlines, totals, links."""

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
    Decision,
    Meeting,
    Membership,
    Person,
    ProjectFunding,
    ProjectStatus,
    ProjectStatusEvent,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import project_details, project_queries, projects
from conseil_desktop.services.contacts import OrganisationData, create_organisation
from conseil_desktop.services.project_queries import DeadlineKind
from conseil_desktop.services.projects import FundingLine, HolderKind, ProjectData

S = ProjectStatus


@pytest.fixture
def session(storage: Storage) -> Iterator[Session]:
    with storage.session_scope() as opened:
        yield opened


def org(session: Session, name: str, kind: str = "association") -> int:
    return create_organisation(session, OrganisationData(name=name, kind_code=kind)).id


def member(session: Session, last: str, first: str) -> int:
    person = Person(last_name=last, first_name=first)
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=College.RESIDENTS))
    session.flush()
    return person.id


def test_creation_records_the_initial_status(session: Session) -> None:
    result = projects.create_project(
        session, ProjectData(title="  Fête de quartier "), status_on=date(2026, 1, 10)
    )
    detail = project_details.get_project(session, result.id)
    assert result.warnings == ()
    assert detail.data.title == "Fête de quartier"
    assert detail.status is S.IDEA
    assert [(e.status, e.effective_on, e.note) for e in detail.history] == [
        (S.IDEA, date(2026, 1, 10), "Création du projet")]


def test_status_history_is_kept_across_changes(session: Session) -> None:
    pid = projects.create_project(session, ProjectData(title="Repair café"),
                                  status_on=date(2026, 1, 5)).id
    steps = [(S.SUBMITTED, date(2026, 2, 1)), (S.UNDER_REVIEW, date(2026, 3, 1)),
             (S.GRANTED, date(2026, 4, 2)), (S.IN_PROGRESS, date(2026, 5, 1))]
    for status, day in steps:
        assert projects.change_status(session, pid, status, day, "comité technique").warnings == ()
    detail = project_details.get_project(session, pid)
    assert detail.status is S.IN_PROGRESS and detail.status_label == "En cours"
    assert [(e.status, e.effective_on) for e in detail.history] == [
        (S.IDEA, date(2026, 1, 5)), *steps]
    assert detail.history[1].note == "comité technique"


def test_unusual_or_backdated_changes_are_recorded_with_a_warning(session: Session) -> None:
    pid = projects.create_project(session, ProjectData(title="Chorale"),
                                  status_on=date(2026, 1, 5)).id
    jump = projects.change_status(session, pid, S.COMPLETED, date(2026, 6, 1))
    assert "Passage inhabituel de « Idée » à « Réalisé »" in jump.warnings[0]
    late = projects.change_status(session, pid, S.SUBMITTED, date(2026, 2, 1), "oubli")
    assert "le statut actuel reste « Réalisé »" in late.warnings[-1]
    detail = project_details.get_project(session, pid)
    assert detail.status is S.COMPLETED
    assert [e.status for e in detail.history] == [S.IDEA, S.SUBMITTED, S.COMPLETED]
    again = projects.change_status(session, pid, S.COMPLETED, date(2026, 6, 2))
    assert again.warnings == ("Le projet était déjà au statut « Réalisé ».",)
    assert session.scalar(select(func.count()).select_from(ProjectStatusEvent)) == 4


def test_end_before_start_and_missing_title_are_refused(session: Session) -> None:
    data = ProjectData(title=" ", start_on=date(2026, 5, 1), end_on=date(2026, 4, 30))
    with pytest.raises(InvalidInputError) as raised:
        projects.create_project(session, data)
    assert raised.value.message == (
        "Projet non enregistré : le titre est obligatoire ; la fin (30/04/2026) précède le "
        "début (01/05/2026).")


def test_granted_above_requested_is_a_warning(session: Session) -> None:
    city = org(session, "Ville de Toulouse", "mairie")
    data = ProjectData(title="Fresque", fundings=[FundingLine(city, 100_000, 150_000)])
    result = projects.create_project(session, data)
    assert result.warnings == (
        "« Ville de Toulouse » accorde 1\u202f500,00\u00a0€, plus que les "
        "1\u202f000,00\u00a0€ demandés.",)
    detail = project_details.get_project(session, result.id)
    assert (detail.requested_cents, detail.granted_cents) == (100_000, 150_000)


def test_unknown_funder_is_refused(session: Session) -> None:
    person = member(session, "Œuvray", "Élodie")  # a person is not an organisation
    data = ProjectData(title="Fresque", fundings=[FundingLine(person + 1000, 100)])
    with pytest.raises(InvalidInputError, match="financeur inconnu"):
        projects.create_project(session, data)
    assert session.scalar(select(func.count()).select_from(ProjectFunding)) == 0


def test_find_funder_by_name(session: Session) -> None:
    caf = org(session, "CAF de la Haute-Garonne", "service_public")
    assert projects.find_funder_by_name(session, "  caf de la haute garonne") == (
        projects.Choice(caf, "CAF de la Haute-Garonne"))
    with pytest.raises(InvalidInputError) as raised:
        projects.find_funder_by_name(session, "Fondation Imaginaire")
    assert raised.value.message.startswith("Financeur inconnu : « Fondation Imaginaire ».")


def test_report_due_is_computed_and_can_be_overridden(session: Session) -> None:
    data = ProjectData(title="Jardins", start_on=date(2025, 9, 1), end_on=date(2026, 3, 15))
    pid = projects.create_project(session, data).id
    detail = project_details.get_project(session, pid)
    assert detail.report_due_on == date(2027, 6, 30)
    assert detail.report_due_computed and detail.data.financial_report_due_on is None
    projects.update_project(session, pid, replace(detail.data,
                                                  financial_report_due_on=date(2026, 9, 30)))
    detail = project_details.get_project(session, pid)
    assert detail.report_due_on == date(2026, 9, 30) and not detail.report_due_computed
    assert projects.default_report_due(date(2026, 12, 31)) == date(2027, 6, 30)


def test_update_keeps_existing_lines_and_syncs_children(session: Session) -> None:
    city, caf, metro = (org(session, n) for n in ("Ville", "CAF", "Métropole"))
    alice, bob = member(session, "Nguyễn", "Thị Hương"), member(session, "Yılmaz", "Şükrü")
    pid = projects.create_project(session, ProjectData(
        title="Atelier vélo", holder_kind=HolderKind.PERSON, holder_id=alice,
        theme_code="cadre_de_vie", cross_theme_codes=["jeunesse", "cadre_de_vie"],
        member_ids=[alice, bob],
        fundings=[FundingLine(city, 50_000, 40_000, date(2026, 3, 1)), FundingLine(caf, 20_000)],
    )).id
    detail = project_details.get_project(session, pid)
    assert detail.data.cross_theme_codes == ["jeunesse"]  # the main theme is not repeated
    assert detail.holder_name == "Nguyễn Thị Hương"
    city_line = detail.data.fundings[0]
    uuid_before = session.get(ProjectFunding, city_line.id).uuid  # type: ignore[union-attr]
    data = replace(detail.data, member_ids=[bob], cross_theme_codes=["egalite_femmes_hommes"],
                   fundings=[replace(city_line, granted_cents=45_000), FundingLine(metro, 9_000)])
    projects.update_project(session, pid, data)
    detail = project_details.get_project(session, pid)
    assert [(f.funder_name, f.requested_cents, f.granted_cents) for f in detail.fundings] == [
        ("Ville", 50_000, 45_000), ("Métropole", 9_000, None)]
    assert session.get(ProjectFunding, city_line.id).uuid == uuid_before  # type: ignore[union-attr]
    assert [m.label for m in detail.members] == ["Yılmaz Şükrü"]
    assert detail.cross_theme_labels == ["Égalité femmes-hommes"]


def test_unknown_codes_and_people_are_refused(session: Session) -> None:
    with pytest.raises(InvalidInputError) as raised:
        projects.create_project(session, ProjectData(
            title="X", theme_code="inconnu", funding_line_code="nulle_part", member_ids=[999],
            holder_kind=HolderKind.ORGANISATION, holder_id=999, year=1850))
    message = raised.value.message
    for part in ("thème inconnu « inconnu »", "ligne de financement inconnue",
                 "personne inconnue (n° 999)", "organisation porteuse inconnue",
                 "l'année 1850 n'est pas plausible"):
        assert part in message


def test_list_filters_and_totals_of_the_rows_shown(session: Session) -> None:
    city, caf = org(session, "Ville"), org(session, "Régie de quartier Œuvray")
    make = [
        ("Fête de quartier", "cohesion_sociale", "fph", 2026, [(city, 100_000, 80_000)]),
        ("Jardins partagés", "cadre_de_vie", "appel_projets", 2026,
         [(city, 300_000, None), (caf, 50_000, 50_000)]),
        ("Tournoi inter-quartiers", "cohesion_sociale", "appel_projets", 2025,
         [(caf, 70_000, 70_000)]),
    ]
    for title, theme, line, year, funds in make:
        projects.create_project(session, ProjectData(
            title=title, theme_code=theme, funding_line_code=line, year=year,
            holder_kind=HolderKind.ORGANISATION, holder_id=caf,
            cross_theme_codes=["jeunesse"] if year == 2025 else [],
            fundings=[FundingLine(*f) for f in funds]))
    everything = project_queries.list_projects(session)
    assert [r.title for r in everything.rows] == [
        "Fête de quartier", "Jardins partagés", "Tournoi inter-quartiers"]
    assert (everything.requested_cents, everything.granted_cents) == (520_000, 200_000)
    year = project_queries.list_projects(session, year=2026)
    assert (year.requested_cents, year.granted_cents) == (450_000, 130_000)
    theme = project_queries.list_projects(session, theme="cohesion_sociale", funding_line="fph")
    assert [r.title for r in theme.rows] == ["Fête de quartier"]
    assert theme.rows[0].theme_label == "Cohésion sociale"
    crossing = project_queries.list_projects(session, theme="jeunesse")
    assert [r.title for r in crossing.rows] == ["Tournoi inter-quartiers"]
    found = project_queries.list_projects(session, search="regie OEUVRAY jardins")
    assert [r.title for r in found.rows] == ["Jardins partagés"]
    assert found.rows[0].holder == "Régie de quartier Œuvray"
    assert found.rows[0].granted_cents == 50_000
    assert project_queries.list_projects(session, status=S.GRANTED).rows == []


def test_deadlines_list_overdue_first(session: Session) -> None:
    today = date(2026, 11, 25)
    specs = [
        ("Dossier FPH", S.IDEA, {"submission_deadline": date(2026, 12, 10)}),
        ("Sorties familles", S.GRANTED, {"start_on": date(2026, 11, 1),
                                         "end_on": date(2026, 12, 20)}),
        ("Journal", S.COMPLETED, {"start_on": date(2025, 1, 1), "end_on": date(2025, 3, 1),
                                  "financial_report_due_on": date(2026, 6, 30)}),
        ("Soutien scolaire", S.REPORT_SUBMITTED, {"end_on": date(2025, 6, 1)}),
        ("Cinéma", S.IN_PROGRESS, {"end_on": date(2027, 6, 1)}),  # beyond 60 days
    ]
    for title, status, dates in specs:
        projects.create_project(session, ProjectData(title=title, **dates), status=status)
    found = project_queries.upcoming_deadlines(session, today=today, days=60)
    assert [(d.project_title, d.kind, d.due_on, d.overdue) for d in found] == [
        ("Journal", DeadlineKind.REPORT, date(2026, 6, 30), True),
        ("Sorties familles", DeadlineKind.START, date(2026, 11, 1), True),
        ("Dossier FPH", DeadlineKind.SUBMISSION, date(2026, 12, 10), False),
        ("Sorties familles", DeadlineKind.END, date(2026, 12, 20), False),
    ]
    assert found[0].days_left == -148 and found[0].label == "Compte rendu financier"
    row = {r.title: r for r in project_queries.list_projects(session).rows}
    assert row["Cinéma"].next_deadline == project_queries.Deadline(
        DeadlineKind.END, date(2027, 6, 1))
    assert row["Soutien scolaire"].next_deadline is None


def test_meetings_and_decisions_are_linked(session: Session) -> None:
    pid = projects.create_project(session, ProjectData(title="Fête")).id
    meeting = Meeting(type_code="pleniere", title="Plénière de mars", date=date(2026, 3, 12))
    other = Meeting(type_code="bureau", title="Bureau", date=date(2026, 4, 2))
    session.add_all([meeting, other])
    session.flush()
    decision = Decision(meeting_id=meeting.id, text="Le conseil soutient la fête.")
    session.add(decision)
    session.flush()
    first = projects.link_meeting(session, pid, meeting.id, decision.id)
    assert projects.link_meeting(session, pid, meeting.id, decision.id) == first
    plain = projects.link_meeting(session, pid, other.id)
    assert projects.link_meeting(session, pid, other.id) == plain
    with pytest.raises(InvalidInputError, match="n'a pas été prise lors de cette réunion"):
        projects.link_meeting(session, pid, other.id, decision.id)
    links = project_details.get_project(session, pid).links
    assert [(link.meeting_title, link.decision_text) for link in links] == [
        ("Plénière de mars", "Le conseil soutient la fête."), ("Bureau", "")]
    projects.unlink_meeting(session, plain)
    assert len(project_details.get_project(session, pid).links) == 1


def test_delete_project_and_form_choices(session: Session) -> None:
    city = org(session, "Ville de Toulouse", "mairie")
    other = org(session, "Amicale des locataires")
    pid = projects.create_project(session, ProjectData(
        title="Fête", fundings=[FundingLine(city, 1000)])).id
    choices = project_queries.form_choices(session)
    assert [c.label for c in choices.funders] == ["Ville de Toulouse", "Amicale des locataires"]
    assert choices.organisations[0].id == other
    assert "jeunesse" in [t.code for t in choices.themes]
    assert choices.statuses[0].label == "Idée"
    projects.delete_project(session, pid)
    with pytest.raises(InvalidInputError, match="Projet introuvable"):
        project_details.get_project(session, pid)
    assert session.scalar(select(func.count()).select_from(ProjectStatusEvent)) == 0


def test_portfolio_totals(session: Session) -> None:
    city, caf = org(session, "Ville"), org(session, "CAF")
    projects.create_project(session, ProjectData(
        title="A", year=2026, theme_code="jeunesse",
        fundings=[FundingLine(city, 1000, 800), FundingLine(caf, 500, 500)]), status=S.GRANTED)
    projects.create_project(session, ProjectData(
        title="B", year=2026, fundings=[FundingLine(city, 2000)]))
    projects.create_project(session, ProjectData(title="C", year=2025))
    book = project_details.portfolio(session, year=2026)
    assert [p.data.title for p in book.projects] == ["A", "B"]
    assert book.total == project_details.TotalRow("Total", 2, 3500, 1300)
    assert [(t.label, t.count, t.granted_cents) for t in book.by_status] == [
        ("Idée", 1, 0), ("Accordé", 1, 1300)]
    assert [t.label for t in book.by_theme] == ["Jeunesse", "Sans thème"]
    assert [(t.label, t.count, t.requested_cents, t.granted_cents) for t in book.by_funder] == [
        ("Ville", 2, 3000, 800), ("CAF", 1, 500, 500)]

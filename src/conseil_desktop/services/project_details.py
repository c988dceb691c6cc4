"""A project's full detail, and the whole portfolio for the exports.

Details are loaded in bulk, one query per kind of child row whatever the
number of projects, so that the portfolio of thousands of projects is read in
well under a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Decision,
    Meeting,
    Organisation,
    Person,
    Project,
    ProjectCrossTheme,
    ProjectFunding,
    ProjectLink,
    ProjectMember,
    ProjectStatus,
    ProjectStatusEvent,
    VocabularyKind,
)
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.project_queries import Deadline, pending_deadlines
from conseil_desktop.services.projects import (
    Choice,
    FundingLine,
    HolderKind,
    ProjectData,
    report_due,
    require_project,
)
from conseil_desktop.services.text import fold

NO_THEME = "Sans thème"


@dataclass(frozen=True)
class StatusEventRow:
    id: int
    status: ProjectStatus
    label: str
    effective_on: date
    note: str


@dataclass(frozen=True)
class FundingRow:
    id: int
    funder_id: int
    funder_name: str
    requested_cents: int
    granted_cents: int | None
    decision_on: date | None


@dataclass(frozen=True)
class LinkRow:
    id: int
    meeting_id: int
    meeting_date: date
    meeting_title: str
    decision_id: int | None
    decision_text: str


@dataclass(frozen=True)
class ProjectDetail:
    id: int
    uuid: str
    data: ProjectData  # what the form edits, ready for update_project
    holder_name: str
    holder_identifier: str  # SIRET or RNA of an organisation holder
    theme_label: str
    cross_theme_labels: list[str]
    funding_line_label: str
    status: ProjectStatus
    status_label: str
    history: list[StatusEventRow]
    fundings: list[FundingRow]
    members: list[Choice]
    links: list[LinkRow]
    report_due_on: date | None
    report_due_computed: bool  # True when derived from the end date
    next_deadline: Deadline | None
    requested_cents: int  # totals of the funding lines
    granted_cents: int


@dataclass(frozen=True)
class TotalRow:
    label: str
    count: int
    requested_cents: int
    granted_cents: int


@dataclass(frozen=True)
class Portfolio:
    year: int | None
    projects: list[ProjectDetail]
    total: TotalRow
    by_status: list[TotalRow]
    by_theme: list[TotalRow]
    by_funder: list[TotalRow]  # count: projects the funder is asked to fund


def get_project(session: Session, project_id: int) -> ProjectDetail:
    require_project(session, project_id)  # a clear message if it is gone
    return project_details(session, select(Project.id).where(Project.id == project_id))[0]


def project_details(session: Session, ids: Select[Any]) -> list[ProjectDetail]:
    """Full details of the projects whose ids ``ids`` selects, in portfolio order."""
    session.flush()  # reads below go to the connection directly, past the ORM
    projects = session.connection().execute(
        select(*_PROJECT_COLUMNS).where(Project.id.in_(ids))
        .order_by(Project.year.desc().nulls_last(), Project.title, Project.id)
    ).all()
    children = _Children.load(session, ids)
    themes = term_labels(session, VocabularyKind.THEME)
    lines = term_labels(session, VocabularyKind.FUNDING_LINE)
    return [_detail(p, children, themes, lines) for p in projects]


_PROJECT_COLUMNS = (
    Project.id, Project.uuid, Project.title, Project.description, Project.holder_person_id,
    Project.holder_organisation_id, Project.neighbourhood, Project.theme_code,
    Project.funding_line_code, Project.year, Project.status, Project.submission_deadline,
    Project.start_on, Project.end_on, Project.financial_report_due_on, Project.outcome_notes,
)


def _detail(
    p: Any, c: _Children, themes: dict[str, str], lines: dict[str, str]
) -> ProjectDetail:
    """``p``: a row of ``_PROJECT_COLUMNS`` (plain rows: ORM objects are 3x slower here)."""
    fundings = c.fundings[p.id]
    kind = (HolderKind.ORGANISATION if p.holder_organisation_id
            else HolderKind.PERSON if p.holder_person_id else None)
    holder_id = p.holder_organisation_id or p.holder_person_id
    holder_name, identifier = c.holders.get((kind, holder_id), ("", ""))
    data = ProjectData(
        title=p.title, description=p.description, holder_kind=kind, holder_id=holder_id,
        neighbourhood=p.neighbourhood, theme_code=p.theme_code,
        cross_theme_codes=c.cross_themes[p.id], funding_line_code=p.funding_line_code,
        year=p.year, submission_deadline=p.submission_deadline, start_on=p.start_on,
        end_on=p.end_on, financial_report_due_on=p.financial_report_due_on,
        outcome_notes=p.outcome_notes, member_ids=[m.id for m in c.members[p.id]],
        fundings=[FundingLine(f.funder_id, f.requested_cents, f.granted_cents, f.decision_on,
                              f.id) for f in fundings],
    )
    due = report_due(p.end_on, p.financial_report_due_on)
    upcoming = pending_deadlines(p.status, p.submission_deadline, p.start_on, p.end_on, due)
    return ProjectDetail(
        id=p.id, uuid=p.uuid, data=data, holder_name=holder_name, holder_identifier=identifier,
        theme_label=themes.get(p.theme_code or "", p.theme_code or ""),
        cross_theme_labels=[themes.get(code, code) for code in c.cross_themes[p.id]],
        funding_line_label=lines.get(p.funding_line_code or "", p.funding_line_code or ""),
        status=p.status, status_label=PROJECT_STATUS[p.status], history=c.history[p.id],
        fundings=fundings, members=c.members[p.id], links=c.links[p.id], report_due_on=due,
        report_due_computed=p.financial_report_due_on is None and due is not None,
        next_deadline=upcoming[0] if upcoming else None,
        requested_cents=sum(f.requested_cents for f in fundings),
        granted_cents=sum(f.granted_cents or 0 for f in fundings),
    )


@dataclass
class _Children:
    """Child rows of a set of projects, grouped by project id."""

    cross_themes: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    fundings: dict[int, list[FundingRow]] = field(default_factory=lambda: defaultdict(list))
    history: dict[int, list[StatusEventRow]] = field(default_factory=lambda: defaultdict(list))
    members: dict[int, list[Choice]] = field(default_factory=lambda: defaultdict(list))
    links: dict[int, list[LinkRow]] = field(default_factory=lambda: defaultdict(list))
    holders: dict[tuple[HolderKind | None, int | None], tuple[str, str]] = field(
        default_factory=dict
    )

    @classmethod
    def load(cls, session: Session, ids: Select[Any]) -> _Children:
        """Plain Core rows read on the session's connection, without the ORM's overhead."""
        c = cls()
        connection = session.connection()
        crossed = select(ProjectCrossTheme.project_id, ProjectCrossTheme.theme_code).where(
            ProjectCrossTheme.project_id.in_(ids)).order_by(ProjectCrossTheme.theme_code)
        for pid, code in connection.execute(crossed):
            c.cross_themes[pid].append(code)
        f = ProjectFunding
        funds = (
            select(f.project_id, f.id, f.funder_organisation_id, Organisation.name,
                   f.requested_cents, f.granted_cents, f.decision_on)
            .join(Organisation, Organisation.id == f.funder_organisation_id)
            .where(f.project_id.in_(ids)).order_by(f.id)
        )
        for pid, *funding in connection.execute(funds):
            c.fundings[pid].append(FundingRow(*funding))
        e = ProjectStatusEvent
        events = select(e.project_id, e.id, e.status, e.effective_on, e.note).where(
            e.project_id.in_(ids)).order_by(e.effective_on, e.id)
        for pid, event_id, status, effective_on, note in connection.execute(events):
            c.history[pid].append(StatusEventRow(
                event_id, status, PROJECT_STATUS[status], effective_on, note))
        c._load_people(connection, ids)
        c._load_links(connection, ids)
        return c

    def _load_people(self, connection: Connection, ids: Select[Any]) -> None:
        members = (
            select(ProjectMember.project_id, Person.id, Person.last_name, Person.first_name)
            .join(Person, Person.id == ProjectMember.person_id)
            .where(ProjectMember.project_id.in_(ids)).order_by(Person.last_name, Person.first_name)
        )
        for pid, person_id, last, first in connection.execute(members):
            self.members[pid].append(Choice(person_id, f"{last} {first}".strip()))
        people = select(Person.id, Person.last_name, Person.first_name).where(
            Person.id.in_(select(Project.holder_person_id).where(Project.id.in_(ids))))
        for person_id, last, first in connection.execute(people):
            self.holders[(HolderKind.PERSON, person_id)] = (f"{last} {first}".strip(), "")
        holder_orgs = select(Project.holder_organisation_id).where(Project.id.in_(ids))
        orgs = select(
            Organisation.id, Organisation.name, Organisation.siret, Organisation.rna
        ).where(Organisation.id.in_(holder_orgs))
        for org_id, name, siret, rna in connection.execute(orgs):
            self.holders[(HolderKind.ORGANISATION, org_id)] = (name, siret or rna or "")

    def _load_links(self, connection: Connection, ids: Select[Any]) -> None:
        query = (
            select(ProjectLink.id, ProjectLink.project_id, Meeting.id, Meeting.date,
                   Meeting.title, Decision.id, Decision.text)
            .join(Meeting, Meeting.id == ProjectLink.meeting_id)
            .outerjoin(Decision, Decision.id == ProjectLink.decision_id)
            .where(ProjectLink.project_id.in_(ids)).order_by(Meeting.date, ProjectLink.id)
        )
        for link_id, pid, mid, day, title, did, text in connection.execute(query):
            self.links[pid].append(LinkRow(link_id, mid, day, title, did, text or ""))


# --- the portfolio, for the exports ---------------------------------------------


def portfolio(session: Session, year: int | None = None) -> Portfolio:
    """Every project (of ``year``), in detail, with totals by status, theme and funder."""
    ids = select(Project.id)
    if year is not None:
        ids = ids.where(Project.year == year)
    projects = project_details(session, ids)
    order = {label: i for i, label in enumerate(PROJECT_STATUS.values())}
    return Portfolio(
        year=year, projects=projects,
        total=TotalRow("Total", len(projects), sum(p.requested_cents for p in projects),
                       sum(p.granted_cents for p in projects)),
        by_status=sorted(_totals(projects, lambda p: p.status_label),
                         key=lambda t: order[t.label]),
        by_theme=sorted(_totals(projects, lambda p: p.theme_label or NO_THEME),
                        key=lambda t: fold(t.label)),
        by_funder=_funder_totals(projects),
    )


def _funder_totals(projects: Iterable[ProjectDetail]) -> list[TotalRow]:
    """Per funder: the projects asking it for money, and the amounts; largest grants first."""
    names: dict[int, str] = {}
    project_ids: dict[int, set[int]] = defaultdict(set)
    amounts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for p in projects:
        for f in p.fundings:
            names[f.funder_id] = f.funder_name
            project_ids[f.funder_id].add(p.id)
            amounts[f.funder_id][0] += f.requested_cents
            amounts[f.funder_id][1] += f.granted_cents or 0
    rows = [TotalRow(names[fid], len(project_ids[fid]), *amounts[fid]) for fid in names]
    return sorted(rows, key=lambda t: (-t.granted_cents, fold(t.label)))


def _totals(
    projects: Iterable[ProjectDetail], key: Callable[[ProjectDetail], str]
) -> list[TotalRow]:
    sums: dict[str, list[int]] = {}
    for p in projects:
        bucket = sums.setdefault(key(p), [0, 0, 0])
        bucket[0] += 1
        bucket[1] += p.requested_cents
        bucket[2] += p.granted_cents
    return [TotalRow(label, *values) for label, values in sums.items()]

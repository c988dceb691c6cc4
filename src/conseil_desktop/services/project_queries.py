"""What is read about projects for the tab: rows with their totals, the
deadlines to watch, and the lists a project form offers.

Rows come from Core ``SELECT``s of the columns shown, never ORM objects. A
project's full detail and the portfolio are in
:mod:`conseil_desktop.services.project_details`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Organisation,
    Person,
    Project,
    ProjectCrossTheme,
    ProjectFunding,
    ProjectStatus,
    VocabularyKind,
)
from conseil_desktop.services.council import Term, term_labels, terms
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.projects import Choice, report_due
from conseil_desktop.services.text import fold


class DeadlineKind(StrEnum):
    SUBMISSION = "depot"
    START = "debut"
    END = "fin"
    REPORT = "compte_rendu_financier"


DEADLINE_LABELS = {
    DeadlineKind.SUBMISSION: "Dépôt du dossier",
    DeadlineKind.START: "Début du projet",
    DeadlineKind.END: "Fin du projet",
    DeadlineKind.REPORT: "Compte rendu financier",
}
S = ProjectStatus
# A date is still to be met only while the project has not passed that step.
PENDING_WHILE = {
    DeadlineKind.SUBMISSION: frozenset({S.IDEA}),
    DeadlineKind.START: frozenset({S.IDEA, S.SUBMITTED, S.UNDER_REVIEW, S.GRANTED}),
    DeadlineKind.END: frozenset(
        {S.IDEA, S.SUBMITTED, S.UNDER_REVIEW, S.GRANTED, S.IN_PROGRESS}
    ),
    DeadlineKind.REPORT: frozenset({S.GRANTED, S.IN_PROGRESS, S.COMPLETED}),
}
CLOSED = frozenset({S.REFUSED, S.REPORT_SUBMITTED, S.ABANDONED})


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due_on: date

    @property
    def label(self) -> str:
        return DEADLINE_LABELS[self.kind]


@dataclass(frozen=True)
class UpcomingDeadline:
    project_id: int
    project_title: str
    kind: DeadlineKind
    label: str
    due_on: date
    days_left: int  # negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class ProjectRow:
    id: int
    title: str
    holder: str
    theme_label: str
    funding_line_label: str
    year: int | None
    status: ProjectStatus
    status_label: str
    requested_cents: int
    granted_cents: int | None
    next_deadline: Deadline | None


@dataclass(frozen=True)
class ProjectList:
    rows: list[ProjectRow]
    requested_cents: int  # totals of the rows shown
    granted_cents: int


@dataclass(frozen=True)
class ProjectFormChoices:
    themes: list[Term]
    funding_lines: list[Term]
    statuses: list[Term]  # code: ProjectStatus value
    organisations: list[Choice]
    funders: list[Choice]  # organisations already funding something come first
    people: list[Choice]


def pending_deadlines(
    status: ProjectStatus, submission: date | None, start: date | None, end: date | None,
    report: date | None,
) -> list[Deadline]:
    dates = {DeadlineKind.SUBMISSION: submission, DeadlineKind.START: start,
             DeadlineKind.END: end, DeadlineKind.REPORT: report}
    found = [Deadline(kind, day) for kind, day in dates.items()
             if day is not None and status in PENDING_WHILE[kind]]
    return sorted(found, key=lambda d: d.due_on)


# --- rows for the tab ---------------------------------------------------------


def list_projects(
    session: Session, *, search: str = "", status: ProjectStatus | None = None,
    theme: str | None = None, funding_line: str | None = None, year: int | None = None,
) -> ProjectList:
    """The projects matching the filters, with the totals of the rows shown."""
    money = (
        select(ProjectFunding.project_id,
               func.sum(ProjectFunding.requested_cents).label("requested"),
               func.sum(ProjectFunding.granted_cents).label("granted"))
        .group_by(ProjectFunding.project_id).subquery()
    )
    query = (
        select(Project.id, Project.title, Organisation.name.label("org"), Person.last_name,
               Person.first_name, Project.neighbourhood, Project.theme_code,
               Project.funding_line_code, Project.year, Project.status,
               Project.submission_deadline, Project.start_on, Project.end_on,
               Project.financial_report_due_on, money.c.requested, money.c.granted)
        .outerjoin(Organisation, Organisation.id == Project.holder_organisation_id)
        .outerjoin(Person, Person.id == Project.holder_person_id)
        .outerjoin(money, money.c.project_id == Project.id)
        .where(*_filters(status, theme, funding_line, year))
        .order_by(Project.year.desc().nulls_last(), Project.title, Project.id)
    )
    themes = term_labels(session, VocabularyKind.THEME)
    lines = term_labels(session, VocabularyKind.FUNDING_LINE)
    tokens = fold(search).split()
    rows: list[ProjectRow] = []
    for r in session.execute(query):
        holder = r.org or f"{r.last_name or ''} {r.first_name or ''}".strip()
        if tokens and not _matches(tokens, r.title, holder, r.neighbourhood):
            continue
        due = report_due(r.end_on, r.financial_report_due_on)
        upcoming = pending_deadlines(r.status, r.submission_deadline, r.start_on, r.end_on, due)
        rows.append(ProjectRow(
            r.id, r.title, holder, themes.get(r.theme_code or "", r.theme_code or ""),
            lines.get(r.funding_line_code or "", r.funding_line_code or ""), r.year, r.status,
            PROJECT_STATUS[r.status], r.requested or 0, r.granted,
            upcoming[0] if upcoming else None,
        ))
    return ProjectList(
        rows, sum(r.requested_cents for r in rows), sum(r.granted_cents or 0 for r in rows)
    )


def _filters(
    status: ProjectStatus | None, theme: str | None, funding_line: str | None, year: int | None
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if status is not None:
        filters.append(Project.status == status)
    if theme:  # the main theme or one of the cross-cutting themes
        crossed = select(ProjectCrossTheme.project_id).where(ProjectCrossTheme.theme_code == theme)
        filters.append(or_(Project.theme_code == theme, Project.id.in_(crossed)))
    if funding_line:
        filters.append(Project.funding_line_code == funding_line)
    if year is not None:
        filters.append(Project.year == year)
    return filters


def _matches(tokens: list[str], *texts: str | None) -> bool:
    haystack = " ".join(fold(t) for t in texts if t)
    return all(token in haystack for token in tokens)


def upcoming_deadlines(
    session: Session, today: date | None = None, days: int = 60
) -> list[UpcomingDeadline]:
    """Dates still to be met within ``days``: the overdue ones first, oldest first."""
    today = today or date.today()
    horizon = today + timedelta(days=days)
    query = select(
        Project.id, Project.title, Project.status, Project.submission_deadline,
        Project.start_on, Project.end_on, Project.financial_report_due_on,
    ).where(Project.status.not_in(CLOSED))
    found = []
    for r in session.execute(query):
        due = report_due(r.end_on, r.financial_report_due_on)
        for deadline in pending_deadlines(r.status, r.submission_deadline, r.start_on,
                                          r.end_on, due):
            if deadline.due_on <= horizon:
                found.append(UpcomingDeadline(
                    r.id, r.title, deadline.kind, deadline.label, deadline.due_on,
                    (deadline.due_on - today).days,
                ))
    found.sort(key=lambda d: (not d.overdue, d.due_on, fold(d.project_title)))
    return found


def form_choices(session: Session) -> ProjectFormChoices:
    """Everything a project form offers in its lists."""
    orgs = session.execute(
        select(Organisation.id, Organisation.name, Organisation.is_funder)
        .where(Organisation.archived_at.is_(None)).order_by(func.lower(Organisation.name))
    ).all()
    people = session.execute(
        select(Person.id, Person.last_name, Person.first_name)
        .where(Person.anonymised_at.is_(None), Person.archived_at.is_(None))
        .order_by(Person.last_name, Person.first_name)
    ).all()
    return ProjectFormChoices(
        themes=terms(session, VocabularyKind.THEME),
        funding_lines=terms(session, VocabularyKind.FUNDING_LINE),
        statuses=[Term(s.value, label) for s, label in PROJECT_STATUS.items()],
        organisations=[Choice(o.id, o.name) for o in orgs],
        funders=[Choice(o.id, o.name) for o in sorted(orgs, key=lambda o: not o.is_funder)],
        people=[Choice(p.id, f"{p.last_name} {p.first_name}".strip()) for p in people],
    )

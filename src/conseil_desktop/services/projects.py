"""Projects supported or followed by the council (domain.md section 7).

Forms hand a :class:`ProjectData` to :func:`create_project` or
:func:`update_project` and get back a :class:`SaveResult` whose warnings are
shown but never block (granted above requested, an unusual status change...).
Real errors (no title, end before start, unknown funder) raise
:class:`InvalidInputError`. What is read is elsewhere: rows, deadlines and
form choices in :mod:`.project_queries`, a project's detail and the portfolio
for the exports in :mod:`.project_details`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import delete, select
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
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date, fmt_money
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.text import fold

TITLE_MAX = 250
YEAR_RANGE = range(1990, 2101)

S = ProjectStatus
# The usual next steps; any other change is recorded too, with a warning.
USUAL_NEXT: dict[ProjectStatus, frozenset[ProjectStatus]] = {
    S.IDEA: frozenset({S.SUBMITTED, S.ABANDONED}),
    S.SUBMITTED: frozenset({S.UNDER_REVIEW, S.GRANTED, S.REFUSED, S.ABANDONED}),
    S.UNDER_REVIEW: frozenset({S.GRANTED, S.REFUSED, S.ABANDONED}),
    S.GRANTED: frozenset({S.IN_PROGRESS, S.ABANDONED}),
    S.REFUSED: frozenset({S.IDEA, S.SUBMITTED, S.ABANDONED}),
    S.IN_PROGRESS: frozenset({S.COMPLETED, S.ABANDONED}),
    S.COMPLETED: frozenset({S.REPORT_SUBMITTED}),
    S.REPORT_SUBMITTED: frozenset(),
    S.ABANDONED: frozenset({S.IDEA}),
}


class HolderKind(StrEnum):
    PERSON = "personne"
    ORGANISATION = "organisation"


@dataclass
class FundingLine:
    """One funder's line as typed in the form; ``id`` keeps an existing line."""

    funder_organisation_id: int
    requested_cents: int = 0
    granted_cents: int | None = None
    decision_on: date | None = None
    id: int | None = None


@dataclass
class ProjectData:
    title: str
    description: str = ""
    holder_kind: HolderKind | None = None
    holder_id: int | None = None
    neighbourhood: str = ""
    theme_code: str | None = None
    cross_theme_codes: list[str] = field(default_factory=list)
    funding_line_code: str | None = None
    year: int | None = None
    submission_deadline: date | None = None
    start_on: date | None = None
    end_on: date | None = None
    financial_report_due_on: date | None = None  # None: computed from end_on
    outcome_notes: str = ""
    member_ids: list[int] = field(default_factory=list)
    fundings: list[FundingLine] = field(default_factory=list)


@dataclass(frozen=True)
class SaveResult:
    id: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def default_report_due(end_on: date) -> date:
    """Six months after the end of the financial year (31/12) in which the project ends."""
    return date(end_on.year + 1, 6, 30)


def report_due(end_on: date | None, override: date | None) -> date | None:
    return override or (default_report_due(end_on) if end_on else None)


# --- writing -----------------------------------------------------------------


def create_project(
    session: Session,
    data: ProjectData,
    *,
    status: ProjectStatus = ProjectStatus.IDEA,
    status_on: date | None = None,
) -> SaveResult:
    """Create a project and record its initial status in the history."""
    warnings = _validate(session, data)
    project = Project(title="", status=status)
    session.add(project)
    _apply(session, project, data)
    session.add(ProjectStatusEvent(
        project=project, status=status, effective_on=status_on or date.today(),
        note="Création du projet",
    ))
    session.flush()
    return SaveResult(project.id, tuple(warnings))


def update_project(session: Session, project_id: int, data: ProjectData) -> SaveResult:
    """Save the form; the status is changed only through :func:`change_status`."""
    project = require_project(session, project_id)
    warnings = _validate(session, data)
    _apply(session, project, data)
    session.flush()
    return SaveResult(project.id, tuple(warnings))


def delete_project(session: Session, project_id: int) -> None:
    session.delete(require_project(session, project_id))
    session.flush()


def change_status(
    session: Session, project_id: int, status: ProjectStatus, effective_on: date, note: str = ""
) -> SaveResult:
    """Append a dated status event; the project's status becomes the latest one.

    Nothing is refused (volunteers record what happened): an unusual change,
    a repeated status or a back-dated event comes back as a warning.
    """
    project = require_project(session, project_id)
    latest = _latest_event(session, project_id)
    warnings: list[str] = []
    if latest is not None:
        if status == latest.status:
            warnings.append(f"Le projet était déjà au statut « {PROJECT_STATUS[status]} ».")
        elif status not in USUAL_NEXT[latest.status]:
            warnings.append(
                f"Passage inhabituel de « {PROJECT_STATUS[latest.status]} » à "
                f"« {PROJECT_STATUS[status]} » : vérifiez qu'aucune étape n'a été oubliée."
            )
    event = ProjectStatusEvent(
        project_id=project_id, status=status, effective_on=effective_on, note=note.strip()[:300]
    )
    session.add(event)
    session.flush()
    current = _latest_event(session, project_id)
    assert current is not None
    project.status = current.status
    if current.id != event.id:
        warnings.append(
            f"Ce statut est daté du {fmt_date(effective_on)}, avant le dernier changement "
            f"(le {fmt_date(current.effective_on)}) : il est ajouté à l'historique et le "
            f"statut actuel reste « {PROJECT_STATUS[current.status]} »."
        )
    return SaveResult(event.id, tuple(warnings))


def link_meeting(
    session: Session, project_id: int, meeting_id: int, decision_id: int | None = None
) -> int:
    """Record that a meeting (and optionally one of its decisions) discussed the project."""
    require_project(session, project_id)
    if session.get(Meeting, meeting_id) is None:
        raise InvalidInputError(f"Réunion inconnue (n° {meeting_id}).")
    if decision_id is not None:
        decision = session.get(Decision, decision_id)
        if decision is None or decision.meeting_id != meeting_id:
            raise InvalidInputError("Cette décision n'a pas été prise lors de cette réunion.")
    existing = session.scalar(select(ProjectLink.id).where(
        ProjectLink.project_id == project_id, ProjectLink.meeting_id == meeting_id,
        ProjectLink.decision_id.is_(None) if decision_id is None
        else ProjectLink.decision_id == decision_id,
    ))
    if existing is not None:
        return existing
    link = ProjectLink(project_id=project_id, meeting_id=meeting_id, decision_id=decision_id)
    session.add(link)
    session.flush()
    return link.id


def unlink_meeting(session: Session, link_id: int) -> None:
    link = session.get(ProjectLink, link_id)
    if link is None:
        raise InvalidInputError("Ce lien entre le projet et une réunion n'existe plus.")
    session.delete(link)
    session.flush()


def find_funder_by_name(session: Session, name: str) -> Choice:
    """The organisation whose name is ``name``, ignoring case and accents."""
    wanted = fold(name)
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.archived_at)
    ).all()
    found = [row for row in rows if wanted and fold(row.name) == wanted]
    if len(found) > 1:  # prefer the organisations still in use
        found = [row for row in found if row.archived_at is None] or found
    if not found:
        raise InvalidInputError(
            f"Financeur inconnu : « {name.strip()} ». Créez d'abord l'organisation dans "
            "l'onglet Contacts."
        )
    if len(found) > 1:
        raise InvalidInputError(
            f"Plusieurs organisations s'appellent « {name.strip()} » : choisissez dans la liste."
        )
    return Choice(found[0].id, found[0].name)


# --- validation and saving ----------------------------------------------------


def _validate(session: Session, data: ProjectData) -> list[str]:
    """Raise one InvalidInputError listing every problem; return the warnings."""
    problems: list[str] = []
    warnings: list[str] = []
    title = data.title.strip()
    if not title:
        problems.append("le titre est obligatoire")
    elif len(title) > TITLE_MAX:
        problems.append(f"le titre dépasse {TITLE_MAX} caractères")
    if data.start_on and data.end_on and data.end_on < data.start_on:
        problems.append(
            f"la fin ({fmt_date(data.end_on)}) précède le début ({fmt_date(data.start_on)})"
        )
    if data.year is not None and data.year not in YEAR_RANGE:
        problems.append(f"l'année {data.year} n'est pas plausible")
    problems += _vocabulary_problems(session, data)
    problems += _holder_problems(session, data, warnings)
    problems += _people_problems(session, data.member_ids)
    problems += _funding_problems(session, data.fundings, warnings)
    due = report_due(data.end_on, data.financial_report_due_on)
    if due and data.end_on and due < data.end_on:
        warnings.append("Le compte rendu financier est attendu avant la fin du projet.")
    if problems:
        raise InvalidInputError("Projet non enregistré : " + " ; ".join(problems) + ".")
    return warnings


def _vocabulary_problems(session: Session, data: ProjectData) -> list[str]:
    themes = term_labels(session, VocabularyKind.THEME)
    lines = term_labels(session, VocabularyKind.FUNDING_LINE)
    problems = [
        f"thème inconnu « {code} »"
        for code in [data.theme_code, *data.cross_theme_codes] if code and code not in themes
    ]
    if data.funding_line_code and data.funding_line_code not in lines:
        problems.append(f"ligne de financement inconnue « {data.funding_line_code} »")
    return problems


def _holder_problems(session: Session, data: ProjectData, warnings: list[str]) -> list[str]:
    if data.holder_kind is None or data.holder_id is None:
        return ["le type de porteur est manquant"] if data.holder_id is not None else []
    if data.holder_kind is HolderKind.PERSON:
        return [] if session.get(Person, data.holder_id) else ["porteur inconnu"]
    org = session.get(Organisation, data.holder_id)
    if org is None:
        return ["organisation porteuse inconnue"]
    if org.archived_at is not None:
        warnings.append(f"L'organisation porteuse « {org.name} » est archivée.")
    return []


def _people_problems(session: Session, person_ids: Iterable[int]) -> list[str]:
    wanted = set(person_ids)
    known = set(session.scalars(select(Person.id).where(Person.id.in_(wanted))))
    return [f"personne inconnue (n° {pid})" for pid in sorted(wanted - known)]


def _funding_problems(
    session: Session, lines: list[FundingLine], warnings: list[str]
) -> list[str]:
    problems: list[str] = []
    seen: set[int] = set()
    for line in lines:
        org = session.get(Organisation, line.funder_organisation_id)
        if org is None:
            problems.append(f"financeur inconnu (n° {line.funder_organisation_id})")
            continue
        if line.requested_cents < 0 or (line.granted_cents or 0) < 0:
            problems.append(f"montant négatif pour « {org.name} »")
        elif line.granted_cents is not None and line.granted_cents > line.requested_cents:
            warnings.append(
                f"« {org.name} » accorde {fmt_money(line.granted_cents)}, plus que les "
                f"{fmt_money(line.requested_cents)} demandés."
            )
        if org.id in seen:
            warnings.append(f"« {org.name} » figure deux fois parmi les financeurs.")
        if org.archived_at is not None:
            warnings.append(f"Le financeur « {org.name} » est archivé.")
        seen.add(org.id)
    return problems


def _apply(session: Session, project: Project, data: ProjectData) -> None:
    project.title = data.title.strip()
    project.description = data.description.strip()
    is_org = data.holder_kind is HolderKind.ORGANISATION
    project.holder_person_id = data.holder_id if data.holder_kind is HolderKind.PERSON else None
    project.holder_organisation_id = data.holder_id if is_org else None
    project.neighbourhood = data.neighbourhood.strip()
    project.theme_code = data.theme_code or None
    project.funding_line_code = data.funding_line_code or None
    project.year = data.year
    project.submission_deadline = data.submission_deadline
    project.start_on = data.start_on
    project.end_on = data.end_on
    project.financial_report_due_on = data.financial_report_due_on
    project.outcome_notes = data.outcome_notes.strip()
    session.flush()
    _sync_codes(session, project.id, data.cross_theme_codes, data.theme_code)
    _sync_members(session, project.id, data.member_ids)
    _sync_fundings(session, project, data.fundings)


def _sync_codes(session: Session, project_id: int, codes: list[str], main: str | None) -> None:
    wanted = {c for c in codes if c and c != main}
    table = ProjectCrossTheme
    have = set(session.scalars(select(table.theme_code).where(table.project_id == project_id)))
    session.execute(delete(table).where(
        table.project_id == project_id, table.theme_code.in_(have - wanted)
    ))
    session.add_all(table(project_id=project_id, theme_code=c) for c in sorted(wanted - have))


def _sync_members(session: Session, project_id: int, person_ids: list[int]) -> None:
    wanted = set(person_ids)
    table = ProjectMember
    have = set(session.scalars(select(table.person_id).where(table.project_id == project_id)))
    session.execute(delete(table).where(
        table.project_id == project_id, table.person_id.in_(have - wanted)
    ))
    session.add_all(table(project_id=project_id, person_id=p) for p in sorted(wanted - have))


def _sync_fundings(session: Session, project: Project, lines: list[FundingLine]) -> None:
    """Update lines in place (their UUIDs stay), add the new ones, drop the others."""
    existing = {f.id: f for f in project.fundings}
    kept: list[ProjectFunding] = []
    for line in lines:
        row = existing.get(line.id) if line.id is not None else None
        row = row or ProjectFunding()
        row.funder_organisation_id = line.funder_organisation_id
        row.requested_cents = line.requested_cents
        row.granted_cents = line.granted_cents
        row.decision_on = line.decision_on
        kept.append(row)
    project.fundings = kept
    funder_ids = {line.funder_organisation_id for line in lines}
    for org in session.scalars(select(Organisation).where(Organisation.id.in_(funder_ids))):
        org.is_funder = True  # so that it is offered first as a funder from now on


def require_project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise InvalidInputError(
            f"Projet introuvable (n° {project_id}) : il a peut-être été supprimé."
        )
    return project


def _latest_event(session: Session, project_id: int) -> ProjectStatusEvent | None:
    return session.scalars(
        select(ProjectStatusEvent)
        .where(ProjectStatusEvent.project_id == project_id)
        .order_by(ProjectStatusEvent.effective_on.desc(), ProjectStatusEvent.id.desc())
        .limit(1)
    ).first()

"""Meetings seen from the projects: which meeting (and which of its decisions)
to link a project to, and which projects a meeting discussed.

The links themselves are written by :func:`projects.link_meeting` and
:func:`projects.unlink_meeting`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import Decision, Meeting, Project, ProjectLink
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.labels import PROJECT_STATUS
from conseil_desktop.services.text import fold

MEETING_LIMIT = 100


@dataclass(frozen=True)
class MeetingPick:
    id: int
    date: date
    start_time: time | None
    title: str
    place: str
    cancelled: bool


@dataclass(frozen=True)
class DecisionPick:
    id: int
    position: int
    text: str


@dataclass(frozen=True)
class LinkedProject:
    id: int
    title: str
    year: int | None
    status_label: str
    decision_text: str  # the decision that concerns it, if the link names one


@dataclass(frozen=True)
class MeetingProjects:
    meeting: MeetingPick
    projects: list[LinkedProject]


_MEETING_COLUMNS = (Meeting.id, Meeting.date, Meeting.start_time, Meeting.title,
                    Meeting.place, Meeting.cancelled)


def meetings_for_picker(
    session: Session, search: str = "", limit: int = MEETING_LIMIT
) -> list[MeetingPick]:
    """Meetings matching every word of ``search`` (title, place or date as
    25/11/2026), the most recent first."""
    tokens = fold(search).split()
    query = select(*_MEETING_COLUMNS).order_by(Meeting.date.desc(), Meeting.id.desc())
    found: list[MeetingPick] = []
    for row in session.execute(query):
        if tokens:
            haystack = f"{fold(row.title)} {fold(row.place)} {fmt_date(row.date)}"
            if not all(token in haystack for token in tokens):
                continue
        found.append(MeetingPick(*row))
        if len(found) >= limit:
            break
    return found


def decisions_of_meeting(session: Session, meeting_id: int) -> list[DecisionPick]:
    """The decisions taken at a meeting, in the order of its record."""
    query = (
        select(Decision.id, Decision.position, Decision.text)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.position, Decision.id)
    )
    return [DecisionPick(*row) for row in session.execute(query)]


def projects_of_meeting(session: Session, meeting_id: int) -> MeetingProjects:
    """A meeting, and the projects linked to it (one row per link)."""
    meeting = session.execute(
        select(*_MEETING_COLUMNS).where(Meeting.id == meeting_id)
    ).first()
    if meeting is None:
        raise InvalidInputError(
            f"Réunion introuvable (n° {meeting_id}) : elle a peut-être été supprimée."
        )
    query = (
        select(Project.id, Project.title, Project.year, Project.status, Decision.text)
        .join(ProjectLink, ProjectLink.project_id == Project.id)
        .outerjoin(Decision, Decision.id == ProjectLink.decision_id)
        .where(ProjectLink.meeting_id == meeting_id)
        .order_by(Project.title, Project.id, ProjectLink.id)
    )
    projects = [
        LinkedProject(pid, title, year, PROJECT_STATUS[status], text or "")
        for pid, title, year, status, text in session.execute(query)
    ]
    return MeetingProjects(MeetingPick(*meeting), projects)

"""Decisions, debate summaries and open actions (domain.md section 5).

A decision is voted (counts *pour, contre, abstention, blanc ou nul*, any of
them may be left empty) or taken by consensus or unanimity, which carry no
counts. :func:`vote_warning` compares the votes cast with the people present
or represented at the meeting; it warns and never refuses. A decision with an
owner (a person or an organisation) and a deadline is an *action* until it is
marked done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    Organisation,
    Person,
    Project,
    ProjectLink,
    VoteMode,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.agenda import require_item
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.meetings import require_meeting

VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstain", "votes_blank")


@dataclass
class DecisionData:
    agenda_item_id: int | None
    text: str
    vote_mode: VoteMode = VoteMode.VOTE
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    votes_blank: int | None = None
    owner_person_id: int | None = None
    owner_organisation_id: int | None = None
    deadline: date | None = None

    def votes_cast(self) -> int:
        return sum(getattr(self, name) or 0 for name in VOTE_FIELDS)


@dataclass(frozen=True)
class OpenAction:
    decision_id: int
    meeting_id: int
    meeting_date: date
    meeting_title: str
    text: str
    owner_name: str
    deadline: date
    overdue: bool


def require_decision(session: Session, decision_id: int) -> Decision:
    decision = session.get(Decision, decision_id)
    if decision is None:
        raise InvalidInputError("Cette décision n'existe plus.")
    return decision


def _clean(session: Session, meeting_id: int, data: DecisionData) -> DecisionData:
    text = data.text.strip()
    if not text:
        raise InvalidInputError("Écrivez le texte de la décision.")
    mode = VoteMode(data.vote_mode)
    votes = {name: getattr(data, name) for name in VOTE_FIELDS}
    if any(v is not None and v < 0 for v in votes.values()):
        raise InvalidInputError("Un nombre de voix ne peut pas être négatif.")
    if mode is not VoteMode.VOTE:
        if any(votes.values()):
            how = "par consensus" if mode is VoteMode.CONSENSUS else "à l'unanimité"
            raise InvalidInputError(
                f"Une décision prise {how} ne comporte pas de décompte des voix : effacez "
                "les nombres ou choisissez « Vote ».")
        votes = dict.fromkeys(VOTE_FIELDS)
    if data.agenda_item_id is not None and \
            require_item(session, data.agenda_item_id).meeting_id != meeting_id:
        raise InvalidInputError("Ce point appartient à une autre réunion.")
    if data.owner_person_id is not None and data.owner_organisation_id is not None:
        raise InvalidInputError(
            "Choisissez un seul responsable : une personne ou une structure.")
    if data.owner_person_id is not None and session.get(Person, data.owner_person_id) is None:
        raise InvalidInputError("La personne responsable n'existe plus.")
    if data.owner_organisation_id is not None and session.get(
            Organisation, data.owner_organisation_id) is None:
        raise InvalidInputError("La structure responsable n'existe plus.")
    return DecisionData(data.agenda_item_id, text, mode, **votes,
                        owner_person_id=data.owner_person_id,
                        owner_organisation_id=data.owner_organisation_id,
                        deadline=data.deadline)


def voters(session: Session, meeting_id: int) -> int:
    """Invitees present, or represented by a holder who is present (a proxy is
    exercised only by a holder who is there): the most votes a decision can get."""
    holder = aliased(Attendance)
    in_force = exists().where(holder.meeting_id == Attendance.meeting_id,
                              holder.person_id == Attendance.proxy_holder_id,
                              holder.status == AttendanceStatus.PRESENT)
    return session.scalar(select(func.count()).select_from(Attendance).where(
        Attendance.meeting_id == meeting_id,
        (Attendance.status == AttendanceStatus.PRESENT)
        | ((Attendance.status == AttendanceStatus.REPRESENTED) & in_force))) or 0


def vote_warning(session: Session, meeting_id: int, data: DecisionData) -> str | None:
    if VoteMode(data.vote_mode) is not VoteMode.VOTE:
        return None
    cast, allowed = data.votes_cast(), voters(session, meeting_id)
    if cast <= allowed:
        return None
    people = f"{allowed} personne{'s' if allowed > 1 else ''} présente" \
             f"{'s' if allowed > 1 else ''} ou représentée{'s' if allowed > 1 else ''}"
    return (f"{cast} voix comptées pour {people} : vérifiez les nombres ou l'émargement.")


def _assign(decision: Decision, data: DecisionData) -> None:
    decision.agenda_item_id = data.agenda_item_id
    decision.text = data.text
    decision.vote_mode = data.vote_mode
    for name in VOTE_FIELDS:
        setattr(decision, name, getattr(data, name))
    decision.owner_person_id = data.owner_person_id
    decision.owner_organisation_id = data.owner_organisation_id
    decision.deadline = data.deadline


def add_decision(session: Session, meeting_id: int, data: DecisionData) -> int:
    require_meeting(session, meeting_id)
    clean = _clean(session, meeting_id, data)
    last = session.scalar(select(func.max(Decision.position)).where(
        Decision.meeting_id == meeting_id)) or 0
    decision = Decision(meeting_id=meeting_id, position=last + 1)
    _assign(decision, clean)
    session.add(decision)
    session.flush()
    return decision.id


def update_decision(session: Session, decision_id: int, data: DecisionData) -> None:
    decision = require_decision(session, decision_id)
    _assign(decision, _clean(session, decision.meeting_id, data))
    session.flush()


def get_decision(session: Session, decision_id: int) -> DecisionData:
    d = require_decision(session, decision_id)
    return DecisionData(d.agenda_item_id, d.text, d.vote_mode, d.votes_for, d.votes_against,
                        d.votes_abstain, d.votes_blank, d.owner_person_id,
                        d.owner_organisation_id, d.deadline)


def delete_warning(session: Session, decision_id: int) -> str | None:
    """French text when projects cite the decision (deleting it drops those links)."""
    require_decision(session, decision_id)
    titles = list(session.scalars(
        select(Project.title).join(ProjectLink, ProjectLink.project_id == Project.id)
        .where(ProjectLink.decision_id == decision_id).distinct().order_by(Project.title)))
    if not titles:
        return None
    cited = ", ".join(f"« {title} »" for title in titles)
    return (f"Cette décision est citée par {'le projet' if len(titles) == 1 else 'les projets'} "
            f"{cited} : la supprimer retire aussi ce lien.")


def delete_decision(session: Session, decision_id: int) -> None:
    session.delete(require_decision(session, decision_id))
    session.flush()


def set_summary(session: Session, item_id: int, text: str) -> None:
    require_item(session, item_id).summary = text.strip("\n ")
    session.flush()


def open_actions(session: Session, today: date) -> list[OpenAction]:
    """Decisions with an owner and a deadline, not done: overdue first, then by deadline."""
    owner = aliased(Person)
    query = (
        select(Decision.id, Meeting.id, Meeting.date, Meeting.title, Decision.text,
               owner.first_name, owner.last_name, Organisation.name, Decision.deadline)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .outerjoin(owner, owner.id == Decision.owner_person_id)
        .outerjoin(Organisation, Organisation.id == Decision.owner_organisation_id)
        .where(Decision.deadline.is_not(None), Decision.done_on.is_(None),
               (Decision.owner_person_id.is_not(None))
               | (Decision.owner_organisation_id.is_not(None)))
    )
    actions = []
    for did, mid, day, title, text, first, last, org, deadline in session.execute(query):
        if deadline is None:  # excluded by the query; for the type checker
            continue
        name = f"{first or ''} {last}".strip() if last is not None else (org or "")
        actions.append(OpenAction(did, mid, day, title, text, name, deadline, deadline < today))
    actions.sort(key=lambda a: (not a.overdue, a.deadline, a.meeting_date, a.decision_id))
    return actions


def mark_done(session: Session, decision_id: int, day: date) -> None:
    decision = require_decision(session, decision_id)
    if day is None:
        raise InvalidInputError("Indiquez la date à laquelle l'action a été réalisée.")
    meeting_day = session.scalar(select(Meeting.date).where(Meeting.id == decision.meeting_id))
    if meeting_day is not None and day < meeting_day:
        raise InvalidInputError(
            f"L'action ne peut pas être réalisée ({fmt_date(day)}) avant la réunion qui l'a "
            f"décidée ({fmt_date(meeting_day)}).")
    decision.done_on = day
    session.flush()


def reopen(session: Session, decision_id: int) -> None:
    """Undo :func:`mark_done`."""
    require_decision(session, decision_id).done_on = None
    session.flush()


def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """Organisations not archived, by name: owners of actions besides people."""
    rows = session.execute(select(Organisation.id, Organisation.name)
                           .where(Organisation.archived_at.is_(None))
                           .order_by(Organisation.name, Organisation.id))
    return [(oid, name) for oid, name in rows]


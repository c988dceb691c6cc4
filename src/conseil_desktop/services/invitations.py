"""Who is invited to a meeting (domain.md section 3).

:func:`invite` sets the invitees to all active members, one college, the
active titulaires (of one college, if given) or a hand-picked list. Inviting
again never loses what was recorded: an invitee whose status was already
entered (present, excused, absent, represented) stays, even outside the new
selection; only invitations with nothing recorded are removed (the holder of
someone's proxy stays too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from conseil_desktop.db.base import new_uuid, utcnow
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.meetings import require_meeting
from conseil_desktop.services.rows import raw_rows

_CHUNK = 500


class InviteScope(StrEnum):
    ALL_ACTIVE = "tous"
    COLLEGE = "college"
    TITULAIRES = "titulaires"
    CHOSEN = "choix"


@dataclass(frozen=True)
class InviteResult:
    added: int
    kept: int  # already invited and still in the selection, or with a recorded status
    removed: int  # invitations with nothing recorded, outside the new selection
    kept_recorded: int = 0  # of ``kept``: outside the selection, kept for their record

    def describe(self) -> str:
        text = (f"{self.added} invitation{'s' if self.added > 1 else ''} ajoutée"
                f"{'s' if self.added > 1 else ''}, {self.removed} retirée"
                f"{'s' if self.removed > 1 else ''}, {self.kept} conservée"
                f"{'s' if self.kept > 1 else ''}")
        if self.kept_recorded:
            text += (f" (dont {self.kept_recorded} hors de la sélection, car leur présence "
                     "est déjà enregistrée)")
        return text + "."


def selection(session: Session, scope: InviteScope, *, college: College | None = None,
              person_ids: Iterable[int] = ()) -> set[int]:
    """The people a scope designates today."""
    scope = InviteScope(scope)
    if scope is InviteScope.CHOSEN:
        chosen = set(person_ids)
        known: set[int] = set()
        ids = sorted(chosen)
        for start in range(0, len(ids), _CHUNK):
            known.update(session.scalars(select(Person.id).where(
                Person.id.in_(ids[start:start + _CHUNK]), Person.anonymised_at.is_(None))))
        if chosen - known:
            raise InvalidInputError(
                "Certaines personnes choisies n'existent plus : rouvrez la liste.")
        return chosen
    if scope is InviteScope.COLLEGE and college is None:
        raise InvalidInputError("Choisissez le collège à inviter.")
    query = (select(Membership.person_id).join(Person, Person.id == Membership.person_id)
             .where(Membership.status == MemberStatus.ACTIVE, Person.anonymised_at.is_(None)))
    if college is not None and scope is not InviteScope.ALL_ACTIVE:
        query = query.where(Membership.college == College(college))
    if scope is InviteScope.TITULAIRES:
        query = query.where(Membership.seat == Seat.TITULAIRE)
    return {row[0] for row in raw_rows(session, query)}


def invite(session: Session, meeting_id: int, scope: InviteScope, *,
           college: College | None = None, person_ids: Iterable[int] = ()) -> InviteResult:
    require_meeting(session, meeting_id)
    wanted = selection(session, scope, college=college, person_ids=person_ids)
    current = raw_rows(session, select(Attendance.id, Attendance.person_id, Attendance.status,
                                       Attendance.proxy_holder_id)
                       .where(Attendance.meeting_id == meeting_id))
    holders = {holder for *_row, holder in current if holder is not None}
    # Kept outside the selection: a recorded status, or holding someone's proxy.
    recorded = {pid for _id, pid, status, _h in current
                if status != AttendanceStatus.INVITED.value or pid in holders}
    invited = {pid for _id, pid, _status, _h in current}
    doomed = [aid for aid, pid, _status, _h in current if pid not in wanted and pid not in recorded]
    recorded_outside = sum(1 for pid in invited if pid not in wanted and pid in recorded)
    for start in range(0, len(doomed), _CHUNK):
        session.execute(delete(Attendance).where(Attendance.id.in_(doomed[start:start + _CHUNK])))
    fresh = sorted(wanted - invited)
    if fresh:
        now = utcnow()
        session.execute(insert(Attendance), [
            {"meeting_id": meeting_id, "person_id": pid, "uuid": new_uuid(),
             "status": AttendanceStatus.INVITED, "proxy_exception": False,
             "created_at": now, "updated_at": now} for pid in fresh])
    session.expire_all()
    return InviteResult(added=len(fresh), kept=len(current) - len(doomed), removed=len(doomed),
                        kept_recorded=recorded_outside)


def invited_ids(session: Session, meeting_id: int) -> set[int]:
    return {row[0] for row in raw_rows(session, select(Attendance.person_id).where(
        Attendance.meeting_id == meeting_id))}


def member_choices(session: Session) -> list[tuple[int, str]]:
    """Active members as ``(person id, "Nom Prénom — Collège, structure")``, by name."""
    query = (
        select(Person.id, Person.last_name, Person.first_name, Membership.college,
               Organisation.name)
        .join(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .where(Membership.status == MemberStatus.ACTIVE, Person.anonymised_at.is_(None))
        .order_by(Person.search_key, Person.id)
    )
    choices = []
    for pid, last, first, college, organisation in raw_rows(session, query):
        detail = labels.COLLEGE[College(college)]
        if organisation and college == College.LOCAL_ACTORS.value:
            detail += f", {organisation}"
        choices.append((pid, f"{last} {first or ''}".strip() + f" — {detail}"))
    return choices

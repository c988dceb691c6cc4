"""Archiving a member, and undoing the last change made to one.

*Archiver* takes a member out of the list without erasing anything: the
attendance history, roles and consents stay, and the person can be shown
again (*Afficher les archivés*) and brought back. A member still *actif* is
recorded as *démissionnaire* from the day of archiving, so that an archived
person no longer counts in the composition, the quorum or the invitations.

*Undo* works on a :class:`MemberSnapshot` taken just before a change (a form
saved, an archiving): :func:`restore_member` puts every field back, with the
status history, roles and consents, in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from conseil_desktop.db.base import utcnow
from conseil_desktop.db.models import (
    Consent,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
)
from conseil_desktop.errors import UserError
from conseil_desktop.services import members
from conseil_desktop.services.member_roles import end_open_roles

# Person and membership columns put back by an undo, besides members.MEMBER_FIELDS.
_PERSON_EXTRA = ("preferred_channel", "archived_at")
_MEMBERSHIP_EXTRA = ("status", "status_since", "mandate_end_on", "designation_source",
                     "parental_authorisation_on")
_EVENT_FIELDS = ("status", "effective_on", "seat")
_ROLE_FIELDS = ("role_code", "started_on", "ended_on")
_CONSENT_FIELDS = ("granted", "recorded_on", "source")


@dataclass(frozen=True)
class MemberSnapshot:
    """A member as it was: enough to put everything back."""

    person_id: int
    uuid: str  # the same id in another base is another person
    name: str  # "Élodie Œuvray", for messages
    person: dict[str, Any]
    membership: dict[str, Any] | None
    events: dict[int, dict[str, Any]]  # status event id -> its values
    roles: dict[int, dict[str, Any]]
    consents: dict[str, dict[str, Any]]  # kind -> its values


def display_name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip()


def load_member(session: Session, person_id: int) -> Person:
    person = session.scalars(
        select(Person).where(Person.id == person_id)
        .options(selectinload(Person.membership).selectinload(Membership.status_events),
                 selectinload(Person.membership).selectinload(Membership.roles),
                 selectinload(Person.consents))
    ).one_or_none()
    if person is None or person.anonymised_at is not None:
        raise UserError("Ce membre n'existe plus : il a été supprimé, fusionné ou anonymisé "
                        "entre-temps.")
    return person


def _values(row: object, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def snapshot_member(session: Session, person_id: int) -> MemberSnapshot:
    person = load_member(session, person_id)
    membership = person.membership
    person_values = _values(person, members.PERSON_FIELDS + _PERSON_EXTRA)
    membership_values = None
    events: dict[int, dict[str, Any]] = {}
    roles: dict[int, dict[str, Any]] = {}
    if membership is not None:
        membership_values = _values(membership, members.MEMBERSHIP_FIELDS + _MEMBERSHIP_EXTRA)
        events = {e.id: _values(e, _EVENT_FIELDS) for e in membership.status_events}
        roles = {r.id: _values(r, _ROLE_FIELDS) for r in membership.roles}
    consents = {str(c.kind): _values(c, _CONSENT_FIELDS) for c in person.consents}
    return MemberSnapshot(person.id, person.uuid, display_name(person.first_name,
                                                                person.last_name),
                          person_values, membership_values, events, roles, consents)


def restore_member(session: Session, snapshot: MemberSnapshot) -> None:
    """Put the member back as in ``snapshot`` (UserError if the person is gone)."""
    person = load_member(session, snapshot.person_id)
    if person.uuid != snapshot.uuid:
        raise UserError("Ce membre n'existe plus dans cette base : la modification ne peut "
                        "pas être annulée.")
    for name, value in snapshot.person.items():
        setattr(person, name, value)
    if snapshot.membership is None:
        if person.membership is not None:
            session.delete(person.membership)
    else:
        membership = person.membership
        if membership is None:  # cannot happen from the form, which keeps the membership
            raise UserError("Ce membre n'a plus d'adhésion : la modification ne peut pas "
                            "être annulée.")
        values = dict(snapshot.membership)
        org_id = values.get("organisation_id")
        if org_id is not None and session.get(Organisation, org_id) is None:
            values["organisation_id"] = None  # deleted meanwhile
        for name, value in values.items():
            setattr(membership, name, value)
        _restore_rows(membership.status_events, snapshot.events, MembershipStatusEvent)
        _restore_rows(membership.roles, snapshot.roles, MemberRole)
    _restore_consents(person, snapshot.consents)
    session.flush()
    members.refresh_search_keys(session, [person])
    session.flush()


def _restore_rows(current: list[Any], saved: dict[int, dict[str, Any]],
                  model: type[MembershipStatusEvent | MemberRole]) -> None:
    """Rows added since are removed, changed ones put back, removed ones added again."""
    kept = {row.id: row for row in current if row.id in saved}
    for row in [row for row in current if row.id not in saved]:
        current.remove(row)  # delete-orphan
    for row_id, values in saved.items():
        row = kept.get(row_id)
        if row is None:
            current.append(model(**values))
        else:
            for name, value in values.items():
                setattr(row, name, value)


def _restore_consents(person: Person, saved: dict[str, dict[str, Any]]) -> None:
    by_kind = {str(c.kind): c for c in person.consents}
    for kind, consent in by_kind.items():
        if kind not in saved:
            person.consents.remove(consent)
    for kind, values in saved.items():
        existing = by_kind.get(kind)
        if existing is None:
            person.consents.append(Consent(kind=kind, **values))
        else:
            for name, value in values.items():
                setattr(existing, name, value)


def archive_member(session: Session, person_id: int, *, today: date | None = None,
                   now: datetime | None = None) -> bool:
    """Take a member out of the list; True when an *actif* member became
    *démissionnaire* (from ``today``) on the way."""
    person = load_member(session, person_id)
    if person.archived_at is not None:
        return False
    person.archived_at = now or utcnow()
    membership = person.membership
    resigned = membership is not None and membership.status == MemberStatus.ACTIVE
    if membership is not None and resigned:
        day = today or date.today()
        membership.status_events.append(MembershipStatusEvent(
            status=MemberStatus.RESIGNED, effective_on=day, seat=membership.seat))
        membership.status = MemberStatus.RESIGNED
        membership.status_since = day
        end_open_roles(membership, day)
    session.flush()
    return resigned


def unarchive_member(session: Session, person_id: int) -> None:
    """Show an archived member in the list again; their status stays as it is."""
    person = load_member(session, person_id)
    person.archived_at = None
    session.flush()

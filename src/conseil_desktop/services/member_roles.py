"""A member's roles (domain.md section 2): each from the council's list, with its
start and end dates. Plain functions on a Session, no Qt; the member form
(:func:`.member_changes.save_member_form`) sets them all at once with
:func:`set_roles`, in its transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from conseil_desktop.db.models import MemberRole, Membership, VocabularyKind
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.members import load_people


@dataclass(frozen=True)
class RoleData:
    """A role as the form gives it; ``id`` is None for a role not yet saved."""

    role_code: str
    started_on: date | None = None
    ended_on: date | None = None
    id: int | None = None

    def current(self, today: date) -> bool:
        return self.ended_on is None or self.ended_on >= today



def add_role(session: Session, person_id: int, role_code: str, started_on: date | None,
             ended_on: date | None = None) -> int:
    membership = _membership(session, person_id)
    role = RoleData(role_code, started_on, ended_on)
    _check_roles(session, [*_role_data(membership), role])
    row = MemberRole(role_code=role_code, started_on=started_on, ended_on=ended_on)
    membership.roles.append(row)
    session.flush()
    return row.id


def end_role(session: Session, role_id: int, ended_on: date) -> None:
    row = _role(session, role_id)
    if row.ended_on is not None:
        raise InvalidInputError(f"Ce rôle a déjà pris fin le {fmt_date(row.ended_on)}.")
    if not isinstance(ended_on, date):
        raise InvalidInputError("Indiquez la date de fin du rôle (jj/mm/aaaa).")
    _check_roles(session, [RoleData(row.role_code, row.started_on, ended_on, row.id)])
    row.ended_on = ended_on
    session.flush()


def remove_role(session: Session, role_id: int) -> None:
    """Delete a role entered by mistake (ending it keeps it in the history)."""
    session.delete(_role(session, role_id))
    session.flush()


def set_roles(session: Session, person_id: int, roles: Sequence[RoleData]) -> None:
    """Make the member's roles exactly ``roles``: saved ones (with an id) updated,
    new ones added, the others removed. Everything is checked first."""
    membership = _membership(session, person_id)
    existing = {row.id: row for row in membership.roles}
    unknown = [role.id for role in roles if role.id is not None and role.id not in existing]
    if unknown:
        raise InvalidInputError(f"Rôle introuvable (n° {unknown[0]}).")
    _check_roles(session, roles)
    kept = {role.id for role in roles if role.id is not None}
    for role_id, row in existing.items():
        if role_id not in kept:
            membership.roles.remove(row)
    for role in roles:
        row = existing[role.id] if role.id is not None else MemberRole()
        row.role_code, row.started_on, row.ended_on = role.role_code, role.started_on, role.ended_on
        if role.id is None:
            membership.roles.append(row)
    session.flush()


def end_open_roles(membership: Membership, day: date) -> None:
    """A member who leaves on ``day`` holds no role any more: the roles open then end
    that day (one starting later, after a return, is left alone)."""
    for role in membership.roles:
        if role.ended_on is None and (role.started_on is None or role.started_on <= day):
            role.ended_on = day


def role_problem(role: RoleData, label: str) -> str | None:
    """Why this role's dates do not fit (French), or None."""
    if role.started_on and role.ended_on and role.ended_on < role.started_on:
        return (f"Rôle « {label} » : la fin ({fmt_date(role.ended_on)}) précède le début "
                f"({fmt_date(role.started_on)}).")
    return None


def _check_roles(session: Session, roles: Sequence[RoleData]) -> None:
    names = term_labels(session, VocabularyKind.ROLE)
    open_codes: set[str] = set()
    for role in roles:
        if role.role_code not in names:
            raise InvalidInputError(f"Rôle inconnu : « {role.role_code} ».")
        name = names[role.role_code]
        problem = role_problem(role, name)
        if problem:
            raise InvalidInputError(problem)
        if role.ended_on is None:
            if role.role_code in open_codes:
                raise InvalidInputError(f"Le rôle « {name} » est indiqué deux fois sans date "
                                        "de fin : terminez l'un des deux.")
            open_codes.add(role.role_code)


def _role_data(membership: Membership) -> list[RoleData]:
    return [RoleData(r.role_code, r.started_on, r.ended_on, r.id) for r in membership.roles]


def _role(session: Session, role_id: int) -> MemberRole:
    row = session.get(MemberRole, role_id)
    if row is None:
        raise InvalidInputError(f"Rôle introuvable (n° {role_id}).")
    return row


def _membership(session: Session, person_id: int) -> Membership:
    membership = load_people(session, [person_id])[person_id].membership
    if membership is None:
        raise InvalidInputError("Cette personne n'est pas membre du conseil.")
    return membership

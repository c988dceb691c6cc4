"""One member at a glance, for the detail panel of the *Membres* tab: the main
fields as French text, the roles held, and the attendance history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.services import labels
from conseil_desktop.services.attendance_history import (
    MemberAttendanceHistory,
    member_history,
)
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date, fmt_phone
from conseil_desktop.services.member_archive import display_name, load_member


@dataclass(frozen=True)
class MemberSummary:
    person_id: int
    name: str  # "Élodie Œuvray"
    archived_on: date | None
    fields: list[tuple[str, str]]  # (French label, value), only the filled ones
    roles: list[str]  # "Présidente (depuis le 01/09/2025)"
    history: MemberAttendanceHistory


def member_summary(session: Session, person_id: int, today: date) -> MemberSummary:
    """UserError if the member is gone (deleted, merged or anonymised meanwhile)."""
    person = load_member(session, person_id)
    membership = person.membership
    fields: list[tuple[str, str]] = []
    if membership is not None:
        status = labels.MEMBER_STATUS[membership.status]
        if membership.status_since:
            status += f" depuis le {fmt_date(membership.status_since)}"
        fields += [
            ("Collège", labels.COLLEGE[membership.college]),
            ("Siège", labels.SEAT[membership.seat]),
            ("Statut", status),
            ("Structure", membership.organisation.name if membership.organisation else ""),
            ("Désignation", " — ".join(x for x in (labels.DESIGNATION[membership.designation],
                                                   membership.designation_source) if x)),
            ("Adhésion", fmt_date(membership.joined_on)),
            ("Fin de mandat", fmt_date(membership.mandate_end_on)),
        ]
    address = ", ".join(x for x in (person.address_line1, person.address_line2,
                                    f"{person.postcode} {person.city}".strip()) if x)
    fields += [("Téléphone", fmt_phone(person.phone)), ("Courriel", person.email or ""),
               ("Adresse", address)]
    names = term_labels(session, VocabularyKind.ROLE)
    roles = []
    for role in sorted(membership.roles if membership else [],
                       key=lambda r: (r.started_on or date.min, r.id)):
        if role.ended_on is not None and role.ended_on < today:
            continue
        text = names.get(role.role_code, role.role_code)
        if role.started_on:
            text += f" (depuis le {fmt_date(role.started_on)})"
        roles.append(text)
    return MemberSummary(
        person_id=person.id, name=display_name(person.first_name, person.last_name),
        archived_on=person.archived_at.date() if person.archived_at else None,
        fields=[(label, value) for label, value in fields if value], roles=roles,
        history=member_history(session, person.id, today))

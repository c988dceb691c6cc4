"""Plain rows for the four tabs and for ``conseil-desktop list``.

Each function returns a :class:`Listing`: column keys with French headers and
plain tuples (the record's id first), read with a Core ``SELECT`` of the
columns shown, never ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    ContactAffiliation,
    Meeting,
    Membership,
    Organisation,
    Person,
    Project,
    ProjectFunding,
    VocabularyKind,
)
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date, fmt_money, fmt_phone, fmt_time
from conseil_desktop.services.rows import raw_rows
from conseil_desktop.services.text import fold


@dataclass(frozen=True)
class Column:
    key: str
    header: str


@dataclass
class Listing:
    columns: list[Column]
    rows: list[tuple[Any, ...]]  # the first value of each row is the record's id

    def as_dicts(self) -> list[dict[str, Any]]:
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


ENTITIES = ("members", "meetings", "projects", "contacts")


def members(session: Session) -> Listing:
    columns = [
        Column("id", "N°"), Column("last_name", "Nom"), Column("first_name", "Prénom"),
        Column("college", "Collège"), Column("seat", "Titulaire / suppléant"),
        Column("status", "Statut"), Column("organisation", "Structure"),
        Column("phone", "Téléphone"),
    ]
    query = (
        select(
            Person.id, Person.last_name, Person.first_name, Membership.college,
            Membership.seat, Membership.status, Organisation.name, Person.phone,
        )
        .join(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .where(Person.anonymised_at.is_(None))
        # search_key starts with the folded last and first names: "Aït" sorts with "Ait".
        .order_by(Person.search_key, Person.id)
    )
    college, seat, status = labels.COLLEGE, labels.SEAT, labels.MEMBER_STATUS
    rows = [
        (pid, last, first, college[col], seat[st], status[stat], org or "", fmt_phone(phone))
        for pid, last, first, col, st, stat, org, phone in raw_rows(session, query)
    ]
    return Listing(columns, rows)


def meetings(session: Session) -> Listing:
    columns = [
        Column("id", "N°"), Column("date", "Date"), Column("start", "Heure"),
        Column("type", "Type"), Column("title", "Titre"), Column("place", "Lieu"),
        Column("invited", "Invités"), Column("present", "Présents"),
    ]
    counts = (
        select(
            Attendance.meeting_id.label("meeting_id"),
            func.count().label("invited"),
            func.sum(case((Attendance.status == AttendanceStatus.PRESENT, 1), else_=0)).label(
                "present"
            ),
        )
        .group_by(Attendance.meeting_id)
        .subquery()
    )
    query = (
        select(
            Meeting.id, Meeting.date, Meeting.start_time, Meeting.type_code, Meeting.title,
            Meeting.place, func.coalesce(counts.c.invited, 0), func.coalesce(counts.c.present, 0),
        )
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .order_by(Meeting.date.desc(), Meeting.start_time.desc(), Meeting.id.desc())
    )
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    rows = [
        (mid, fmt_date(day), fmt_time(start), types.get(code, code), title, place, inv, pres)
        for mid, day, start, code, title, place, inv, pres in session.execute(query)
    ]
    return Listing(columns, rows)


def projects(session: Session) -> Listing:
    columns = [
        Column("id", "N°"), Column("title", "Titre"), Column("holder", "Porteur"),
        Column("theme", "Thème"), Column("year", "Année"), Column("status", "Statut"),
        Column("requested", "Demandé"), Column("granted", "Accordé"),
    ]
    money = (
        select(
            ProjectFunding.project_id.label("project_id"),
            func.sum(ProjectFunding.requested_cents).label("requested"),
            func.sum(ProjectFunding.granted_cents).label("granted"),
        )
        .group_by(ProjectFunding.project_id)
        .subquery()
    )
    holder_person = aliased(Person)
    holder = func.coalesce(
        Organisation.name, holder_person.last_name + literal(" ") + holder_person.first_name, ""
    )
    query = (
        select(
            Project.id, Project.title, holder, Project.theme_code, Project.year, Project.status,
            money.c.requested, money.c.granted,
        )
        .outerjoin(Organisation, Organisation.id == Project.holder_organisation_id)
        .outerjoin(holder_person, holder_person.id == Project.holder_person_id)
        .outerjoin(money, money.c.project_id == Project.id)
        .order_by(Project.year.desc(), Project.title)
    )
    themes = term_labels(session, VocabularyKind.THEME)
    rows = sorted([
        (pid, title, who, themes.get(theme or "", theme or ""), year or "",
         labels.PROJECT_STATUS[status], fmt_money(req), fmt_money(granted))
        for pid, title, who, theme, year, status, req, granted in session.execute(query)
    ], key=lambda r: (-(r[4] or 0), fold(r[1])))  # newest year first, then "Fête" before "Fresque"
    return Listing(columns, rows)


def contacts(session: Session) -> Listing:
    """Organisations and the people who represent them, in one list."""
    columns = [
        Column("id", "N°"), Column("kind", "Fiche"), Column("name", "Nom"),
        Column("organisation", "Structure"), Column("role", "Type / fonction"),
        Column("phone", "Téléphone"), Column("email", "Courriel"),
    ]
    org_types = term_labels(session, VocabularyKind.ORGANISATION_KIND)
    orgs = select(
        Organisation.id, literal("org"), Organisation.name, literal(""),
        Organisation.kind_code, Organisation.phone, Organisation.email,
    ).where(Organisation.archived_at.is_(None))
    people = (
        select(
            Person.id, literal("person"), Person.last_name + literal(" ") + Person.first_name,
            func.coalesce(Organisation.name, ""), ContactAffiliation.role_title,
            func.coalesce(ContactAffiliation.phone, Person.phone),
            func.coalesce(ContactAffiliation.email, Person.email),
        )
        .join(ContactAffiliation, ContactAffiliation.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == ContactAffiliation.organisation_id)
        .where(Person.anonymised_at.is_(None))
    )
    rows = []
    for rid, kind, name, org, role, phone, email in session.execute(union_all(orgs, people)):
        if kind == "org":
            rows.append((rid, "Organisation", name, "", org_types.get(role, role),
                         fmt_phone(phone), email or ""))
        else:
            rows.append((rid, "Personne", name, org, role, fmt_phone(phone), email or ""))
    rows.sort(key=lambda r: (fold(r[2]), r[1]))  # "École" with the E, "Şahin" with the S
    return Listing(columns, rows)


def listing(session: Session, entity: str) -> Listing:
    return {"members": members, "meetings": meetings, "projects": projects,
            "contacts": contacts}[entity](session)


def counts(session: Session) -> dict[str, int]:
    """Rows per table, for ``check`` and the status bar."""
    from conseil_desktop.db.models import Base

    result = {}
    for name, table in sorted(Base.metadata.tables.items()):
        result[name] = session.execute(select(func.count()).select_from(table)).scalar_one()
    return result

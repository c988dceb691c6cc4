"""Applying an import plan, in the caller's single transaction.

The rows are compared with the base again inside that transaction (the base
may have changed since the preview), so what is written is always what the
current base calls for. New people are inserted
in bulk by :func:`conseil_desktop.services.members.add_members`; updates go
through :func:`~conseil_desktop.services.members.update_members_fields`, so
only the changed fields are written. Organisations named in a
*Structure* column are found by folded name or created. What was done is
recorded for :func:`~conseil_desktop.services.importing.undo.undo_last_import`
before the transaction commits (as pending, in place of the previous import's
record) and marked done once it commits: ``ImportResult.import_id`` and
:func:`~conseil_desktop.services.importing.undo.undo_available` then tell
whether the import can be undone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.base import utcnow
from conseil_desktop.db.models import College, Designation, Organisation, Seat, Sex
from conseil_desktop.services.importing.matching import Values
from conseil_desktop.services.importing.plan import (
    ImportPlan,
    RowAction,
    RowPlan,
    decide,
    done_line,
    summary_line,
)
from conseil_desktop.services.importing.undo_record import (
    UndoRecord,
    new_record,
    stage_record,
    to_json,
)
from conseil_desktop.services.members import (
    MEMBERSHIP_FIELDS,
    MemberData,
    add_members,
    load_people,
    member_values,
    update_members_fields,
)
from conseil_desktop.services.text import fold


@dataclass(frozen=True)
class ImportResult:
    rows: tuple[RowPlan, ...]
    created_ids: tuple[int, ...]
    updated_ids: tuple[int, ...]
    organisations_created: int
    # The undo record's id, None when the import changed nothing (the previous
    # import's record is kept) or when the record could not be written.
    import_id: str | None = None
    changed_anything: bool = False

    @property
    def counts(self) -> dict[RowAction, int]:
        return {action: sum(1 for row in self.rows if row.action is action)
                for action in RowAction}

    def summary(self) -> str:
        return summary_line(self.counts)

    def done_summary(self) -> str:
        """The counts in the past tense, for once the import is written."""
        return done_line(self.counts)


def apply_import(
    session: Session, plan: ImportPlan, db_path: str | os.PathLike[str], *,
    today: date | None = None,
) -> ImportResult:
    """Write the plan's rows (those not in error); the caller commits."""
    today = today or date.today()
    rows = tuple(decide(session, plan.parsed))
    record = new_record(db_path, plan.source)
    writes = [row for row in rows if row.action in (RowAction.CREATE, RowAction.UPDATE)]
    organisations = _Organisations(session, record)
    organisations.prepare(str(row.values["organisation"]) for row in writes
                          if "organisation" in row.values)
    created = _create(session, [r for r in rows if r.action is RowAction.CREATE],
                      organisations, today, record)
    updated = _update(session, [r for r in rows if r.action is RowAction.UPDATE],
                      organisations, today, record)
    import_id = None
    if record.changed_anything:
        session.flush()
        # Taken once every row of the import is written: anything newer was done after it.
        record.imported_at = utcnow().isoformat()
        if stage_record(session, record):
            import_id = record.import_id
    return ImportResult(rows, created, updated, len(record.created_organisations), import_id,
                        record.changed_anything)


class _Organisations:
    """Organisations by folded name, loaded once; missing ones created on demand."""

    def __init__(self, session: Session, record: UndoRecord) -> None:
        self._session = session
        self._record = record
        self._ids: dict[str, int] = {}
        self._names: dict[int, str] = {}

    def prepare(self, names: Iterable[str]) -> None:
        wanted = {fold(name): name for name in names}
        if not wanted:
            return
        rows = self._session.execute(
            select(Organisation.id, Organisation.name, Organisation.archived_at)
            .order_by(Organisation.archived_at.is_not(None), Organisation.id)
        )
        for org_id, name, _archived in rows:
            self._ids.setdefault(fold(name), org_id)
            self._names[org_id] = name
        missing = [Organisation(name=name[:200], in_neighbourhood=True)
                   for key, name in wanted.items() if key not in self._ids]
        if missing:
            self._session.add_all(missing)
            self._session.flush()
            for org in missing:
                self._ids[fold(org.name)] = org.id
                self._names[org.id] = org.name
                self._record.created_organisations.append(org.uuid)

    def id_of(self, name: object) -> int | None:
        return self._ids[fold(str(name))] if name else None

    def name_of(self, org_id: int | None) -> str | None:
        return self._names.get(org_id) if org_id is not None else None


def _membership_defaults(values: Values) -> dict[str, Any]:
    """College and designation of a new member whose row does not say them."""
    has_organisation = "organisation" in values
    college = College(_word(values, "college") or (
        College.LOCAL_ACTORS if has_organisation else College.RESIDENTS
    ))
    represents = college is College.LOCAL_ACTORS and has_organisation
    designation = _word(values, "designation") or (
        Designation.DESIGNATED_BY_STRUCTURE if represents else Designation.VOLUNTEER
    )
    return {"college": college, "designation": Designation(designation),
            "seat": Seat(_word(values, "seat") or Seat.TITULAIRE)}


def _word(values: Values, name: str) -> str | None:
    """A closed-list value (college, seat...), which the rows hold as text."""
    value = values.get(name)
    return value if isinstance(value, str) else None


def _member_data(values: Values, organisations: _Organisations) -> MemberData:
    def text(name: str) -> str:
        return str(values.get(name) or "")

    def when(name: str) -> date | None:
        value = values.get(name)
        return value if isinstance(value, date) else None

    sex = _word(values, "sex")
    return MemberData(
        last_name=text("last_name"), first_name=text("first_name"),
        sex=Sex(sex) if sex else None, birth_date=when("birth_date"),
        email=text("email"), phone=text("phone"),
        address_line1=text("address_line1"), address_line2=text("address_line2"),
        postcode=text("postcode"), city=text("city"),
        organisation_id=organisations.id_of(values.get("organisation")),
        joined_on=when("joined_on"), **_membership_defaults(values),
    )


def _create(
    session: Session, rows: Sequence[RowPlan], organisations: _Organisations, today: date,
    record: UndoRecord,
) -> tuple[int, ...]:
    added = add_members(
        session, [_member_data(row.values, organisations) for row in rows], today=today
    )
    record.created_people.extend(member.uuid for member in added)
    return tuple(member.id for member in added)


def _update(
    session: Session, rows: Sequence[RowPlan], organisations: _Organisations, today: date,
    record: UndoRecord,
) -> tuple[int, ...]:
    ids = [row.person_id for row in rows if row.person_id is not None]
    people = load_people(session, ids)
    before = {person_id: member_values(person) for person_id, person in people.items()}
    joining = {person_id for person_id, person in people.items() if person.membership is None}
    changes = {
        row.person_id: _update_values(row, organisations, row.person_id in joining)
        for row in rows if row.person_id is not None
    }
    update_members_fields(session, changes, today=today)
    for person_id, values in changes.items():
        person = people[person_id]
        after = member_values(person)
        if person_id in joining and person.membership is not None:
            record.created_memberships.append(person.membership.uuid)
        changed = {
            name: [to_json(before[person_id][name]), to_json(after[name])]
            for name in values
            if before[person_id][name] != after[name]
            and not (person_id in joining and name in MEMBERSHIP_FIELDS)
        }
        if changed:
            record.updated[person.uuid] = changed
    return tuple(ids)


def _update_values(
    row: RowPlan, organisations: _Organisations, becomes_member: bool
) -> dict[str, Any]:
    values: dict[str, Any] = {change.field: change.new for change in row.changes}
    if "organisation" in values:
        values["organisation_id"] = organisations.id_of(values.pop("organisation"))
    if becomes_member:
        values = {**_membership_defaults(row.values), **values}
    return values

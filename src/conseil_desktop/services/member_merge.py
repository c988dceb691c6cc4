"""Merging two records of one person (see :mod:`.member_duplicates` to find them).

:func:`merge_people` moves every reference from the dropped record to the
kept one inside the caller's transaction, fills the kept record's empty
fields, then deletes the dropped one; :func:`merge_preview` shows beforehand
what will be kept, what differs and how many rows will move.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select, tuple_, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    Consent,
    ContactAffiliation,
    Decision,
    Guest,
    MeetingOfficer,
    MemberRole,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
    Project,
    ProjectMember,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.contacts import require_person
from conseil_desktop.services.formatting import fmt_date, fmt_phone
from conseil_desktop.services.importing.matching import same_value
from conseil_desktop.services.members import refresh_search_keys


@dataclass(frozen=True)
class FieldChoice:
    """One field after the merge: the value kept, the other record's, and where it comes from."""

    label: str
    kept: str
    other: str
    from_dropped: bool  # the kept record had nothing: the dropped one's value is taken
    conflict: bool  # both had a value and they differ: the kept record's value stays


@dataclass(frozen=True)
class MergePreview:
    keep_id: int
    keep_label: str
    drop_id: int
    drop_label: str
    fields: list[FieldChoice]
    moves: list[tuple[str, int]]  # what the dropped record brings, row counts by kind
    shared_meetings: int  # meetings both were invited to: their two rows become one

    @property
    def conflicts(self) -> list[FieldChoice]:
        return [choice for choice in self.fields if choice.conflict]


@dataclass(frozen=True)
class MergeResult:
    keep_id: int
    drop_id: int
    filled: list[str]  # fields of the kept record filled from the dropped one
    conflicts: list[str]  # fields where the dropped record's different value was not kept
    moves: list[tuple[str, int]]


_ADDRESS = ("address_line1", "address_line2", "postcode", "city")
_PERSON = (
    ("last_name", "Nom"), ("first_name", "Prénom"), ("sex", "Sexe"),
    ("birth_date", "Date de naissance"), ("email", "Courriel"), ("phone", "Téléphone"),
)
_MEMBERSHIP = (
    ("college", "Collège"), ("seat", "Titulaire ou suppléant"),
    ("designation", "Mode de désignation"), ("designation_source", "Liste d'origine"),
    ("organisation_id", "Structure représentée"), ("joined_on", "Date d'entrée"),
    ("mandate_end_on", "Fin de mandat"), ("parental_authorisation_on", "Autorisation parentale"),
)


@dataclass(frozen=True)
class _Choice:
    target: str  # "person" or "membership"
    names: tuple[str, ...]  # the address is one block: never half of one, half of another
    taken: tuple[Any, ...]  # written on the kept record when ``shown.from_dropped``
    shown: FieldChoice


def merge_preview(session: Session, keep_id: int, drop_id: int) -> MergePreview:
    keep, drop = _pair(session, keep_id, drop_id)
    choices = _choices(session, keep, drop)
    return MergePreview(
        keep_id, _label(keep), drop_id, _label(drop), [c.shown for c in choices],
        _moves(session, keep_id, drop_id), _shared_meetings(session, keep_id, drop_id),
    )


def _pair(session: Session, keep_id: int, drop_id: int) -> tuple[Person, Person]:
    if keep_id == drop_id:
        raise InvalidInputError("Impossible de fusionner une personne avec elle-même.")
    return require_person(session, keep_id), require_person(session, drop_id)


def _label(person: Person) -> str:
    return f"{person.last_name} {person.first_name}".strip()


def _choices(session: Session, keep: Person, drop: Person) -> list[_Choice]:
    names = _organisation_names(session, keep, drop)
    found = [_choice("person", (name,), label, keep, drop, names) for name, label in _PERSON]
    found.append(_choice("person", _ADDRESS, "Adresse", keep, drop, names))
    if drop.membership is not None:
        # A structure is represented only in the local actors' college: one is not
        # taken from the other record for a member who stays a resident.
        college = (keep.membership.college if keep.membership is not None
                   and keep.membership.college is not None else drop.membership.college)
        local = college == College.LOCAL_ACTORS
        found += [_choice("membership", (name,), label, keep.membership, drop.membership, names,
                          takeable=local or name != "organisation_id")
                  for name, label in _MEMBERSHIP]
        found.append(_status_choice(session, keep, drop.membership))
    return found


def _choice(
    target: str, names: tuple[str, ...], label: str, keep: object, drop: object,
    organisations: dict[int, str], *, takeable: bool = True,
) -> _Choice:
    """``takeable``: whether the dropped record's value may fill an empty kept one."""
    kept = tuple(getattr(keep, name) for name in names) if keep is not None else ()
    other = tuple(getattr(drop, name) for name in names)
    filled = takeable and not _blank(other) and _blank(kept)
    conflict = not _blank(kept) and not _blank(other) and not all(
        same_value(name, a, b) for name, a, b in zip(names, kept, other, strict=True))

    def show(values: tuple[Any, ...]) -> str:
        shown = (_shown(name, value, organisations)
                 for name, value in zip(names, values, strict=False))
        return ", ".join(text for text in shown if text)

    kept_shown = show(other if filled else kept)
    return _Choice(target, names, other,
                   FieldChoice(label, kept_shown, show(other), filled, conflict))


def _status_choice(session: Session, keep: Person, dropped: Membership) -> _Choice:
    """The status after the merge: the latest event of both histories (keep's on a tie),
    dated from the event that brought it. A member active since 2020 stays so, not
    "active since" the day the duplicate was entered."""
    event = MembershipStatusEvent
    timeline = session.execute(
        select(event.status, event.effective_on).join(Membership)
        .where(Membership.person_id.in_((keep.id, dropped.person_id)))
        .order_by(event.effective_on, (Membership.person_id == keep.id).asc(), event.id)
    ).all()
    membership = keep.membership
    current = (membership.status, membership.status_since) if membership else (None, None)
    merged: tuple[MemberStatus | None, date | None] | None = None
    for status, day in timeline:
        if merged is None or status != merged[0]:
            merged = (status, day)
    if merged is None:
        merged = current

    def show(status: MemberStatus | None, since: date | None) -> str:
        label = labels.MEMBER_STATUS[status] if status else ""
        return f"{label} depuis le {fmt_date(since)}" if label and since else label

    other = show(dropped.status, dropped.status_since)
    return _Choice("membership", ("status", "status_since"), merged,
                   FieldChoice("Statut", show(*merged), other, merged != current, False))


def _blank(values: tuple[Any, ...]) -> bool:
    return all(value is None or value == "" for value in values)


_ENUM_LABELS: dict[str, dict[Any, str]] = {
    "sex": labels.SEX, "college": labels.COLLEGE, "seat": labels.SEAT,
    "designation": labels.DESIGNATION,
}


def _shown(name: str, value: Any, organisations: dict[int, str]) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return fmt_date(value)
    if name == "phone":
        return fmt_phone(value)
    if name == "organisation_id":
        return organisations.get(value, "")
    return _ENUM_LABELS.get(name, {}).get(value, str(value))


def _organisation_names(session: Session, *people: Person) -> dict[int, str]:
    ids = [p.membership.organisation_id for p in people if p.membership is not None]
    wanted = [org_id for org_id in ids if org_id is not None]
    if not wanted:
        return {}
    rows = session.execute(select(Organisation.id, Organisation.name)
                           .where(Organisation.id.in_(wanted)))
    return {org_id: name for org_id, name in rows}  # noqa: C416 - rows are Row objects


_REFERENCES: tuple[tuple[str, InstrumentedAttribute[Any]], ...] = (
    ("Convocations et présences", Attendance.person_id),
    ("Procurations reçues", Attendance.proxy_holder_id),
    ("Animation ou secrétariat de réunions", MeetingOfficer.person_id),
    ("Venues comme invité", Guest.person_id),
    ("Décisions suivies", Decision.owner_person_id),
    ("Points de l'ordre du jour présentés", AgendaItem.presenter_person_id),
    ("Projets portés", Project.holder_person_id),
    ("Participations à des projets", ProjectMember.person_id),
    ("Rôles dans des structures", ContactAffiliation.person_id),
    ("Consentements", Consent.person_id),
)


def _moves(session: Session, keep_id: int, drop_id: int) -> list[tuple[str, int]]:
    counts = [(label, session.scalar(select(func.count()).where(column == drop_id)) or 0)
              for label, column in _REFERENCES]
    for label, model in (("Fonctions de membre", MemberRole),
                         ("Historique de statut", MembershipStatusEvent)):
        query = (select(func.count()).select_from(model).join(Membership)
                 .where(Membership.person_id == drop_id))
        count = session.scalar(query) or 0
        if model is MembershipStatusEvent:
            count -= sum(drop for _, drop in _repeated_events(session, keep_id, drop_id))
        counts.append((label, count))
    return [(label, count) for label, count in counts if count]


def _repeated_events(session: Session, keep_id: int,
                     drop_id: int) -> list[tuple[int, bool]]:
    """The status events that, once both histories are one, repeat the status and seat
    already in force, with whether each is the dropped record's: the duplicate's own
    "active since it was entered" says nothing about a member active for years.
    Only a repeat that one of the two records brings to the other is named."""
    event = MembershipStatusEvent
    rows = session.execute(
        select(event.id, Membership.person_id == drop_id, event.status, event.seat)
        .join(Membership).where(Membership.person_id.in_((keep_id, drop_id)))
        .order_by(event.effective_on, (Membership.person_id == drop_id).asc(), event.id)
    ).all()
    repeated = []
    previous: tuple[Any, Any, bool] | None = None
    for event_id, from_drop, status, seat in rows:
        if previous is not None and previous[:2] == (status, seat) and (
                from_drop or previous[2]):
            repeated.append((event_id, bool(from_drop)))
            continue
        previous = (status, seat, bool(from_drop))
    return repeated


def _shared_meetings(session: Session, keep_id: int, drop_id: int) -> int:
    theirs = select(Attendance.meeting_id).where(Attendance.person_id == keep_id)
    query = select(func.count()).where(
        Attendance.person_id == drop_id, Attendance.meeting_id.in_(theirs))
    return session.scalar(query) or 0


# --- Merge ---------------------------------------------------------------------------------

_RANK = {
    AttendanceStatus.PRESENT: 4, AttendanceStatus.REPRESENTED: 3, AttendanceStatus.EXCUSED: 2,
    AttendanceStatus.ABSENT: 1, AttendanceStatus.INVITED: 0,
}


def merge_people(session: Session, keep_id: int, drop_id: int) -> MergeResult:
    """Make ``drop_id`` part of ``keep_id``, in the caller's transaction (nothing on error)."""
    keep, drop = _pair(session, keep_id, drop_id)
    choices = _choices(session, keep, drop)
    moves = _moves(session, keep_id, drop_id)
    session.flush()
    _merge_attendance(session, keep_id, drop_id)
    _merge_consents(session, keep_id, drop_id)
    _move_unique(session, MeetingOfficer.person_id, (MeetingOfficer.meeting_id,
                                                     MeetingOfficer.role), keep_id, drop_id)
    _move_unique(session, ProjectMember.person_id, (ProjectMember.project_id,), keep_id, drop_id)
    for _, column in _REFERENCES:
        _move(session, column, keep_id, drop_id)
    _merge_memberships(session, keep_id, drop_id)
    session.execute(delete(Person).where(Person.id == drop_id))
    session.expire_all()  # everything above went through SQL, under the ORM's feet
    for choice in choices:
        if choice.shown.from_dropped:
            _fill(keep.membership if choice.target == "membership" else keep, choice)
    refresh_search_keys(session, [keep])
    session.flush()
    filled = [choice.shown.label for choice in choices if choice.shown.from_dropped]
    conflicts = [choice.shown.label for choice in choices if choice.shown.conflict]
    return MergeResult(keep_id, drop_id, filled, conflicts, moves)


def _fill(target: object, choice: _Choice) -> None:
    for name, value in zip(choice.names, choice.taken, strict=True):
        setattr(target, name, value)


def _move(session: Session, column: InstrumentedAttribute[Any], keep_id: int,
          drop_id: int) -> None:
    session.execute(update(column.class_).where(column == drop_id).values({column: keep_id})
                    .execution_options(synchronize_session=False))


def _move_unique(session: Session, column: InstrumentedAttribute[Any],
                 others: tuple[InstrumentedAttribute[Any], ...], keep_id: int,
                 drop_id: int) -> None:
    """Move rows under a unique constraint: a row the kept person already has is dropped."""
    already = select(*others).where(column == keep_id)
    session.execute(delete(column.class_).where(column == drop_id, tuple_(*others).in_(already))
                    .execution_options(synchronize_session=False))
    _move(session, column, keep_id, drop_id)


def _merge_attendance(session: Session, keep_id: int, drop_id: int) -> None:
    """One row per meeting: the more informative status wins, with its proxy and times."""
    rows = session.scalars(select(Attendance).where(Attendance.person_id.in_((keep_id, drop_id))))
    by_meeting: dict[int, dict[int, Attendance]] = defaultdict(dict)
    for row in rows:
        by_meeting[row.meeting_id][row.person_id] = row
    for pair in by_meeting.values():
        if len(pair) == 2:
            _combine(pair[keep_id], pair[drop_id])
            session.delete(pair[drop_id])
    session.flush()
    _move(session, Attendance.person_id, keep_id, drop_id)
    _move(session, Attendance.proxy_holder_id, keep_id, drop_id)
    # A proxy given by one record to the other would now be given to oneself.
    session.execute(update(Attendance).where(
        Attendance.person_id == keep_id, Attendance.proxy_holder_id == keep_id,
    ).values(proxy_holder_id=None, proxy_exception=False)
     .execution_options(synchronize_session=False))


def _combine(kept: Attendance, other: Attendance) -> None:
    winner, loser = (other, kept) if _RANK[other.status] > _RANK[kept.status] else (kept, other)
    kept.arrival_time = winner.arrival_time or loser.arrival_time
    kept.departure_time = winner.departure_time or loser.departure_time
    kept.status = winner.status
    represented = winner.status == AttendanceStatus.REPRESENTED
    kept.proxy_holder_id = winner.proxy_holder_id if represented else None
    kept.proxy_exception = winner.proxy_exception if represented else False


def _merge_consents(session: Session, keep_id: int, drop_id: int) -> None:
    """One consent per kind: the more recently recorded (the kept record's on a tie)."""
    rows = session.scalars(select(Consent).where(Consent.person_id.in_((keep_id, drop_id))))
    by_kind: dict[str, dict[int, Consent]] = defaultdict(dict)
    for row in rows:
        by_kind[row.kind][row.person_id] = row
    for pair in by_kind.values():
        if len(pair) == 2:
            newer_is_drop = pair[drop_id].recorded_on > pair[keep_id].recorded_on
            session.delete(pair[keep_id] if newer_is_drop else pair[drop_id])
    session.flush()
    _move(session, Consent.person_id, keep_id, drop_id)


def _merge_memberships(session: Session, keep_id: int, drop_id: int) -> None:
    ids = dict(session.execute(select(Membership.person_id, Membership.id)
                               .where(Membership.person_id.in_((keep_id, drop_id)))).all())
    if drop_id not in ids:
        return
    if keep_id not in ids:
        _move(session, Membership.person_id, keep_id, drop_id)
        return
    kept, dropped = ids[keep_id], ids[drop_id]
    repeated = [event_id for event_id, _ in _repeated_events(session, keep_id, drop_id)]
    if repeated:
        session.execute(delete(MembershipStatusEvent)
                        .where(MembershipStatusEvent.id.in_(repeated)))
    _move_children(session, MemberRole, (MemberRole.role_code, MemberRole.started_on,
                                         MemberRole.ended_on), kept, dropped)
    _move_children(session, MembershipStatusEvent, (
        MembershipStatusEvent.status, MembershipStatusEvent.effective_on,
        MembershipStatusEvent.seat), kept, dropped)
    session.execute(delete(Membership).where(Membership.id == dropped))  # cascades the rest


def _move_children(session: Session, model: type[MemberRole | MembershipStatusEvent],
                   columns: Iterable[InstrumentedAttribute[Any]], kept: int,
                   dropped: int) -> None:
    """Re-attach the dropped membership's rows, except those the kept one already has."""
    columns = tuple(columns)
    rows: Sequence[Any] = session.execute(select(model.membership_id, model.id, *columns)
                           .where(model.membership_id.in_((kept, dropped)))).all()
    known = {tuple(row[2:]) for row in rows if row[0] == kept}
    moving = [row[1] for row in rows if row[0] == dropped and tuple(row[2:]) not in known]
    if moving:
        session.execute(update(model).where(model.id.in_(moving)).values(membership_id=kept)
                        .execution_options(synchronize_session=False))

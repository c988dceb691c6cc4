"""The quorum rule of the council (domain.md section 4).

The quorum counts full members present or represented: invitees who were
active titulaires **on the meeting's date** and are marked *présent*, or
*représenté* by a holder who is marked present (a proxy is exercised only by
a holder who is there). The default rule is a fraction (one half) of the
council's active titulaires on that date; a council may set a fixed number
instead, or no quorum at all. The policy is read once and then evaluated as
often as the check-in screen needs, without touching the database.

Who was an active titulaire when comes from the membership status history
(``MembershipStatusEvent``: the joining, each status change, a suppléant's
promotion, each with its effective date and the seat at that point):

* before a member's first recorded change (the joining, dated with the joining
  date, or the day the member was entered when that date is unknown), they
  were not a member yet;
* between two recorded changes, they were as the earlier one says (an entry
  that records no seat takes the member's current seat);
* from the latest recorded change on, they are as their card says now (status
  and seat), so that a seat corrected without a dated change counts for the
  meetings after that change, never before it;
* a member with no recorded history at all is counted as they are now.

So a plenary's quorum no longer changes when members resign, move out or are
promoted after it: the procès-verbal keeps the figures of the day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, literal, select, union_all
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Attendance,
    CouncilSettings,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    QuorumRule,
    Seat,
)
from conseil_desktop.services.rows import raw_rows

# The meetings that deliberate for the whole council. A bureau, a commission or a
# workshop invites a few members: measured against every titulaire of the council
# it would always read "non atteint", so no quorum is computed for them.
DELIBERATIVE_TYPES = frozenset({"pleniere", "assemblee_generale"})


@dataclass(frozen=True)
class QuorumResult:
    required: int | None  # None: the council has no quorum rule
    counted: int
    reached: bool | None  # None: no quorum rule

    def label(self) -> str:
        if self.required is None:
            return "Pas de quorum requis"
        state = "Quorum atteint" if self.reached else "Quorum non atteint"
        return f"{state} ({self.counted} / {self.required} requis)"


@dataclass(frozen=True)
class QuorumPolicy:
    rule: QuorumRule
    numerator: int
    denominator: int
    fixed_count: int
    basis: int  # the council's active titulaires on the meeting's date (fraction rule)

    @property
    def required(self) -> int | None:
        if self.rule is QuorumRule.NONE:
            return None
        if self.rule is QuorumRule.FIXED_COUNT:
            return max(self.fixed_count, 0)
        if self.denominator <= 0:
            return None  # a broken setting never blocks a meeting
        # Ceiling of basis * numerator / denominator, in integers.
        return -(-self.basis * self.numerator // self.denominator)

    def for_type(self, type_code: str) -> QuorumPolicy:
        """This rule for a plenary or general assembly; no quorum for other meetings."""
        return self if type_code in DELIBERATIVE_TYPES else NO_QUORUM

    def with_basis(self, basis: int) -> QuorumPolicy:
        """The same rule measured against ``basis`` active titulaires."""
        return self if self.rule is QuorumRule.NONE or basis == self.basis \
            else replace(self, basis=basis)

    def evaluate(self, counted: int) -> QuorumResult:
        required = self.required
        if required is None:
            return QuorumResult(None, counted, None)
        return QuorumResult(required, counted, counted >= required)


NO_QUORUM = QuorumPolicy(QuorumRule.NONE, 1, 2, 0, 0)


# -- who was an active titulaire when ---------------------------------------------------

_ACTIVE, _TITULAIRE = MemberStatus.ACTIVE.value, Seat.TITULAIRE.value
_EVENT_AT = and_(MembershipStatusEvent.status == _ACTIVE,
                 func.coalesce(MembershipStatusEvent.seat, Membership.seat) == _TITULAIRE)
_NOW_AT = and_(Membership.status == _ACTIVE, Membership.seat == _TITULAIRE)
_NO_HISTORY = ~exists().where(MembershipStatusEvent.membership_id == Membership.id)
ALWAYS = ""  # an ISO date string no date precedes: "a titulaire since before any meeting"


def _history_query(memberships: Select[Any] | None = None) -> Select[Any]:
    """(person id, effective date, event id, active titulaire after the event, now) for
    every recorded change, and (person id, None, None, False, True) for the active
    titulaires with no history; only ``memberships`` (ids) when given."""
    events = (select(Membership.person_id, MembershipStatusEvent.effective_on,
                     MembershipStatusEvent.id, case((_EVENT_AT, 1), else_=0),
                     case((_NOW_AT, 1), else_=0))
              .join(Membership, Membership.id == MembershipStatusEvent.membership_id))
    bare = select(Membership.person_id, literal(None), literal(None), literal(0),
                  literal(1)).where(_NOW_AT, _NO_HISTORY)
    if memberships is not None:
        events = events.where(MembershipStatusEvent.membership_id.in_(memberships))
        bare = bare.where(Membership.id.in_(memberships))
    return union_all(events, bare)  # type: ignore[return-value]


@dataclass(frozen=True)
class TitulaireHistory:
    """Who was an active titulaire on any date, from the status history (module doc)."""

    since: dict[int, str]  # person -> ISO date from which they are one, without a break
    timelines: dict[int, tuple[list[str], list[bool]]]  # the others: their changes
    dates: list[str]  # the dates the council's count of active titulaires changed
    totals: list[int]  # that count from each of those dates on

    def titulaires_on(self, day: date | str) -> int:
        at = bisect_right(self.dates, _iso(day))
        return self.totals[at - 1] if at else 0

    def is_titulaire_on(self, person_id: int, day: date | str) -> bool:
        iso = _iso(day)
        start = self.since.get(person_id)
        if start is not None:
            return start <= iso
        timeline = self.timelines.get(person_id)
        if timeline is None:
            return False
        at = bisect_right(timeline[0], iso)
        return at > 0 and timeline[1][at - 1]


def _iso(day: date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


def build_history(rows: Iterable[Sequence]) -> TitulaireHistory:  # type: ignore[type-arg]
    """The history from :func:`_history_query`'s rows (plain values, ISO date strings,
    in any order)."""
    first: dict[int, Sequence] = {}  # type: ignore[type-arg]
    more: dict[int, list[Sequence]] = {}  # type: ignore[type-arg]
    for row in rows:
        person = row[0]
        seen = first.setdefault(person, row)
        if seen is not row:
            events = more.get(person)
            if events is None:
                more[person] = [seen, row]
            else:
                events.append(row)
    # One change (the joining), or none: an active titulaire now has been one since.
    since = {person: row[1] or ALWAYS for person, row in first.items()
             if row[4] and person not in more}
    changes: Counter[str] = Counter(since.values())
    timelines: dict[int, tuple[list[str], list[bool]]] = {}
    for person, events in more.items():
        events.sort(key=lambda e: (e[1] or ALWAYS, e[2] or 0))
        days: list[str] = []
        states: list[bool] = []
        last = len(events) - 1
        for index, event in enumerate(events):
            day, state = event[1] or ALWAYS, bool(event[4] if index == last else event[3])
            if days and days[-1] == day:  # several changes the same day: the last counts
                days.pop()
                changes[day] -= 1 if states.pop() else -1
            if state != (states[-1] if states else False):
                days.append(day)
                states.append(state)
                changes[day] += 1 if state else -1
        if days:
            timelines[person] = (days, states)
    dates = sorted(day for day, delta in changes.items() if delta)
    return TitulaireHistory(since, timelines, dates,
                            list(accumulate(changes[day] for day in dates)))


def titulaire_history(session: Session) -> TitulaireHistory:
    """The whole council's history, read in one pass over the status events.

    The Réunions tab asks for it at each reload, while the history itself changes
    rarely (a member joins, leaves or is promoted): the last one read is kept, with
    a fingerprint of the tables it comes from, and read again only when that
    fingerprint changes. The fingerprint holds the row count, the highest id and
    the latest ``updated_at`` of the status events and of the memberships, read in
    the same transaction as the history: an insert, a deletion or any change of a
    row (the ORM sets ``updated_at``, bulk updates included) changes it.
    """
    key = _fingerprint(session)
    database = database_key(session)
    cached = _CACHE.get(database)
    if cached is not None and cached[0] == key:
        return cached[1]
    history = build_history(raw_rows(session, _history_query()))
    _CACHE.clear()  # one base open at a time: keep one entry
    _CACHE[database] = (key, history)
    return history


_CACHE: dict[str, tuple[tuple[object, ...], TitulaireHistory]] = {}
LARGE_HISTORY = 20_000  # status events: beyond, reading the history takes a while


def history_is_quick(session: Session) -> bool:
    """Whether :func:`titulaire_history` answers at once: kept from an earlier call and
    still current, or small (a council's few hundred members)."""
    key = _fingerprint(session)
    cached = _CACHE.get(database_key(session))
    return (cached is not None and cached[0] == key) or int(key[0] or 0) <= LARGE_HISTORY


def database_key(session: Session) -> str:
    """The file of the session's base, to keep what was read from it apart."""
    return str(session.get_bind().engine.url.database)


def _fingerprint(session: Session) -> tuple[object, ...]:
    parts = []
    for model in (MembershipStatusEvent, Membership):
        parts.append(select(func.count()).select_from(model).scalar_subquery())
        parts.append(select(func.max(model.id)).scalar_subquery())
        parts.append(select(func.max(model.updated_at)).scalar_subquery())
    return tuple(raw_rows(session, select(*parts))[0])


def invitees_history(session: Session, meeting_id: int) -> TitulaireHistory:
    """The history of one meeting's invitees only (a few hundred rows at most)."""
    invited = (select(Membership.id).join(Attendance, Attendance.person_id == Membership.person_id)
               .where(Attendance.meeting_id == meeting_id))
    return build_history(raw_rows(session, _history_query(invited)))


def active_titulaires(session: Session) -> int:
    """The council's active titulaires as they are now (their cards)."""
    query = select(func.count()).select_from(Membership).where(_NOW_AT)
    return int(session.scalar(query) or 0)


# Up to this many recorded changes after a meeting's date, its count is "today's,
# corrected" (a recent meeting: a few rows); beyond, it is read from the whole history,
# kept between calls (an old meeting of a large council).
FEW_CHANGES = 5000


def active_titulaires_on(session: Session, day: date) -> int:
    """The council's active titulaires on ``day`` (the same figure, either way)."""
    later = session.scalar(select(func.count()).select_from(MembershipStatusEvent).where(
        MembershipStatusEvent.effective_on > day)) or 0
    if later > FEW_CHANGES:
        return titulaire_history(session).titulaires_on(day)
    return titulaires_on_corrected(session, day)


def titulaires_on_corrected(session: Session, day: date) -> int:
    """Those of today, corrected by the members whose history records a change after
    ``day``: their count now is replaced by their count then."""
    changed = (select(MembershipStatusEvent.membership_id)
               .where(MembershipStatusEvent.effective_on > day.isoformat()))  # raw_rows
    rows = raw_rows(session, _history_query(changed))
    history = build_history(rows)
    now = {row[0]: bool(row[4]) for row in rows}
    then = sum(1 for person in now if history.is_titulaire_on(person, day))
    return active_titulaires(session) - sum(now.values()) + then


def council_rule(session: Session) -> QuorumPolicy:
    """The council's rule as set, not yet measured against any titulaires (basis 0)."""
    settings = session.execute(
        select(CouncilSettings.quorum_rule, CouncilSettings.quorum_numerator,
               CouncilSettings.quorum_denominator, CouncilSettings.quorum_fixed_count)
        .order_by(CouncilSettings.id).limit(1)
    ).first()
    if settings is None:
        return QuorumPolicy(QuorumRule.FRACTION_OF_TITULAIRES, 1, 2, 0, 0)
    rule, numerator, denominator, fixed = settings
    return QuorumPolicy(QuorumRule(rule), numerator, denominator, fixed, 0)


def quorum_policy(session: Session, type_code: str | None = None, *,
                  on: date | None = None) -> QuorumPolicy:
    """The council's rule, for a meeting of ``type_code`` when it is given, measured
    against the active titulaires on ``on`` (today's, as on their cards, when None)."""
    if type_code is not None and type_code not in DELIBERATIVE_TYPES:
        return NO_QUORUM  # and no need to count the titulaires
    policy = council_rule(session)
    if policy.rule is not QuorumRule.FRACTION_OF_TITULAIRES:
        return policy  # the titulaires do not matter
    return policy.with_basis(
        active_titulaires_on(session, on) if on is not None else active_titulaires(session))

"""The council's composition against its rules (domain.md sections 2 and 4).

:func:`composition` counts the *active* members and checks the recommended
rules, with the thresholds of the council's settings: residents' share, women/
men parity among residents, number of members, substitutes available, mandates
ending soon and repeated unexcused absences. A broken rule gives a
:class:`CompositionWarning`; warnings inform, they never block anything.

Parity: among residents whose sex is known, the share of women may differ from
50 % by at most ``parity_tolerance_pct`` points (10 points: 40 % to 60 %).
Residents whose sex is unknown are counted apart and left out of the share.

Absences: for each active member, their recorded attendances at past meetings
(not cancelled, dated today or before, *invite* rows left out), newest first;
the run is the number of *absent* statuses before the first other status
(computed by ``services/attendance_history``, shared with the member's history).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    College,
    Membership,
    MemberStatus,
    Person,
    Seat,
    Sex,
)
from conseil_desktop.services.attendance_history import current_runs
from conseil_desktop.services.council import SettingsData, get_settings
from conseil_desktop.services.formatting import fmt_date

MANDATE_HORIZON_DAYS = 90
PARITY_TARGET_PCT = 50


class Rule(StrEnum):
    RESIDENT_SHARE = "part_habitants"
    PARITY = "parite"
    SIZE = "effectif"
    SUBSTITUTES = "suppleants"
    MANDATES_ENDING = "fins_de_mandat"
    REPEATED_ABSENCES = "absences_repetees"


@dataclass(frozen=True)
class CompositionWarning:
    """A broken rule: ``message_fr`` is shown as is, ``figure`` is the number at fault."""

    rule: Rule
    message_fr: str
    figure: str


@dataclass(frozen=True)
class MandateEnding:
    person_id: int
    name: str
    college: College
    ends_on: date


@dataclass(frozen=True)
class AbsenceRun:
    person_id: int
    name: str
    run: int  # unexcused absences in a row, up to the latest recorded meeting
    last_absent_on: date


@dataclass(frozen=True)
class Composition:
    today: date
    total: int
    by_college: dict[College, int]
    titulaires: int
    suppleants: int
    residents: int
    resident_share_pct: float | None  # None without any active member
    women: int  # residents only
    men: int
    sex_unknown: int
    women_share_pct: float | None  # among residents whose sex is known
    settings: SettingsData
    mandates_ending: list[MandateEnding] = field(default_factory=list)
    repeated_absences: list[AbsenceRun] = field(default_factory=list)
    warnings: list[CompositionWarning] = field(default_factory=list)

    @property
    def horizon_days(self) -> int:
        return MANDATE_HORIZON_DAYS

    def warning(self, rule: Rule) -> CompositionWarning | None:
        return next((w for w in self.warnings if w.rule is rule), None)


def fmt_pct(value: float) -> str:
    """``42 %``, or ``49,6 %`` when rounding to a whole number would hide a broken rule."""
    rounded = round(value, 1)
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")
    return f"{text}\u00a0%"


def fmt_count(value: int) -> str:
    """``83 999``, thousands set apart by a narrow no-break space."""
    return f"{value:,}".replace(",", "\u202f")


def composition(session: Session, today: date) -> Composition:
    settings = get_settings(session)
    counts = _counts(session)
    total = sum(counts.values())
    residents = _sum(counts, college=College.RESIDENTS)
    women = _sum(counts, college=College.RESIDENTS, sex=Sex.FEMALE)
    men = _sum(counts, college=College.RESIDENTS, sex=Sex.MALE)
    result = Composition(
        today=today,
        total=total,
        by_college={college: _sum(counts, college=college) for college in College},
        titulaires=_sum(counts, seat=Seat.TITULAIRE),
        suppleants=_sum(counts, seat=Seat.SUPPLEANT),
        residents=residents,
        resident_share_pct=100 * residents / total if total else None,
        women=women,
        men=men,
        sex_unknown=residents - women - men,
        women_share_pct=100 * women / (women + men) if women + men else None,
        settings=settings,
        mandates_ending=mandates_ending(session, today),
        repeated_absences=repeated_absences(session, today, settings.absence_run_threshold),
    )
    result.warnings.extend(_warnings(result))
    return result


_Key = tuple[College, Seat, Sex | None]


def _counts(session: Session) -> dict[_Key, int]:
    query = (
        select(Membership.college, Membership.seat, Person.sex, func.count())
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.status == MemberStatus.ACTIVE)
        .group_by(Membership.college, Membership.seat, Person.sex)
    )
    return {(college, seat, sex): n for college, seat, sex, n in session.execute(query)}


def _sum(counts: dict[_Key, int], *, college: College | None = None, seat: Seat | None = None,
         sex: Sex | None = None) -> int:
    return sum(
        n for (c, s, x), n in counts.items()
        if college in (None, c) and seat in (None, s) and sex in (None, x)
    )


def _name(last_name: str, first_name: str) -> str:
    return f"{last_name} {first_name}".strip()


def mandates_ending(session: Session, today: date,
                    days: int = MANDATE_HORIZON_DAYS) -> list[MandateEnding]:
    """Active members whose mandate ends between today and ``days`` later, both included."""
    query = (
        select(Person.id, Person.last_name, Person.first_name, Membership.college,
               Membership.mandate_end_on)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.status == MemberStatus.ACTIVE,
               Membership.mandate_end_on.between(today, today + timedelta(days=days)))
        .order_by(Membership.mandate_end_on, Person.last_name, Person.first_name)
    )
    return [MandateEnding(pid, _name(last, first), college, ends_on)
            for pid, last, first, college, ends_on in session.execute(query)
            if ends_on is not None]  # always set: the query asks for a date


def repeated_absences(session: Session, today: date, threshold: int) -> list[AbsenceRun]:
    """Active members whose latest ``threshold`` or more recorded statuses are *absent*.

    The runs come from ``attendance_history.current_runs``, the code behind a
    member's own history, so the panel and the member's card always agree.
    """
    if threshold <= 0:
        return []
    runs = current_runs(session, today)
    flagged = {pid: r.run for pid, r in runs.items() if r.run >= threshold}
    return _active_runs(session, flagged, {pid: runs[pid].last_absent_on for pid in flagged})


def _active_runs(session: Session, runs: dict[int, int],
                 last_absent: dict[int, date]) -> list[AbsenceRun]:
    found: list[AbsenceRun] = []
    ids = list(runs)
    for start in range(0, len(ids), _CHUNK):
        query = (
            select(Person.id, Person.last_name, Person.first_name)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.status == MemberStatus.ACTIVE,
                   Person.id.in_(ids[start:start + _CHUNK]))
        )
        found.extend(AbsenceRun(pid, _name(last, first), runs[pid], last_absent[pid])
                     for pid, last, first in session.execute(query))
    return sorted(found, key=lambda r: (-r.run, r.name.casefold(), r.person_id))


_CHUNK = 500  # SQLite's limit on bound parameters is far above, but keep statements small


def _warnings(c: Composition) -> list[CompositionWarning]:
    checks = (_resident_share, _parity, _size, _substitutes, _mandates, _absences)
    return [w for check in checks if (w := check(c)) is not None]


def _resident_share(c: Composition) -> CompositionWarning | None:
    minimum = c.settings.min_resident_share_pct
    if c.resident_share_pct is None or c.resident_share_pct >= minimum:
        return None
    figure = fmt_pct(c.resident_share_pct)
    return CompositionWarning(
        Rule.RESIDENT_SHARE,
        f"Habitants : {figure} des membres (règle : au moins {minimum}\u00a0%)", figure)


def _parity(c: Composition) -> CompositionWarning | None:
    tolerance = c.settings.parity_tolerance_pct
    share = c.women_share_pct
    if share is None or abs(share - PARITY_TARGET_PCT) <= tolerance:
        return None
    figure = fmt_pct(share)
    return CompositionWarning(
        Rule.PARITY,
        f"Parité chez les habitants : {figure} de femmes, {fmt_pct(100 - share)} d'hommes "
        f"(règle : entre {PARITY_TARGET_PCT - tolerance} et {PARITY_TARGET_PCT + tolerance}"
        f"\u00a0% de femmes)", figure)


def _size(c: Composition) -> CompositionWarning | None:
    low, high = c.settings.recommended_min_members, c.settings.recommended_max_members
    if low <= c.total <= high:
        return None
    plural = "s" if c.total > 1 else ""
    figure = f"{fmt_count(c.total)} membre{plural} actif{plural}"
    return CompositionWarning(
        Rule.SIZE, f"Effectif : {figure} (recommandé : de {low} à {high} membres)", figure)


def _substitutes(c: Composition) -> CompositionWarning | None:
    if c.suppleants:
        return None
    return CompositionWarning(
        Rule.SUBSTITUTES,
        "Aucun suppléant disponible : pour remplacer un membre, il faudra un nouveau tirage "
        "au sort ou un nouvel appel", "0")


def _mandates(c: Composition) -> CompositionWarning | None:
    n = len(c.mandates_ending)
    if not n:
        return None
    first = fmt_date(c.mandates_ending[0].ends_on)
    what = "mandat se termine" if n == 1 else "mandats se terminent"
    return CompositionWarning(
        Rule.MANDATES_ENDING,
        f"{n} {what} d'ici {MANDATE_HORIZON_DAYS} jours (le premier le {first})", str(n))


def _absences(c: Composition) -> CompositionWarning | None:
    n, threshold = len(c.repeated_absences), c.settings.absence_run_threshold
    if not n:
        return None
    who = "membre a" if n == 1 else "membres ont"
    return CompositionWarning(
        Rule.REPEATED_ABSENCES,
        f"{n} {who} au moins {threshold} absences non excusées de suite", str(n))

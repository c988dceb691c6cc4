"""The quorum rule of the council (domain.md section 4).

The quorum counts full members present or represented: invitees who are
active titulaires and are marked *présent* or *représenté*. The default rule is
a fraction (one half) of the council's active titulaires; a council may set a
fixed number instead, or no quorum at all. The policy is read once and then
evaluated as often as the check-in screen needs, without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    CouncilSettings,
    Membership,
    MemberStatus,
    QuorumRule,
    Seat,
)
from conseil_desktop.db.models.enums import AttendanceStatus

COUNTED_STATUSES = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED})


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
    basis: int  # the council's active titulaires, for the fraction rule

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

    def evaluate(self, counted: int) -> QuorumResult:
        required = self.required
        if required is None:
            return QuorumResult(None, counted, None)
        return QuorumResult(required, counted, counted >= required)


def active_titulaires(session: Session) -> int:
    query = select(func.count()).select_from(Membership).where(
        Membership.status == MemberStatus.ACTIVE, Membership.seat == Seat.TITULAIRE)
    return int(session.scalar(query) or 0)


def quorum_policy(session: Session) -> QuorumPolicy:
    settings = session.execute(
        select(CouncilSettings.quorum_rule, CouncilSettings.quorum_numerator,
               CouncilSettings.quorum_denominator, CouncilSettings.quorum_fixed_count)
        .order_by(CouncilSettings.id).limit(1)
    ).first()
    if settings is None:
        rule, numerator, denominator, fixed = QuorumRule.FRACTION_OF_TITULAIRES, 1, 2, 0
    else:
        rule, numerator, denominator, fixed = settings
    return QuorumPolicy(QuorumRule(rule), numerator, denominator, fixed,
                        active_titulaires(session))

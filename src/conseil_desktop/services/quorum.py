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

    def for_type(self, type_code: str) -> QuorumPolicy:
        """This rule for a plenary or general assembly; no quorum for other meetings."""
        return self if type_code in DELIBERATIVE_TYPES else NO_QUORUM

    def evaluate(self, counted: int) -> QuorumResult:
        required = self.required
        if required is None:
            return QuorumResult(None, counted, None)
        return QuorumResult(required, counted, counted >= required)


NO_QUORUM = QuorumPolicy(QuorumRule.NONE, 1, 2, 0, 0)


def active_titulaires(session: Session) -> int:
    query = select(func.count()).select_from(Membership).where(
        Membership.status == MemberStatus.ACTIVE, Membership.seat == Seat.TITULAIRE)
    return int(session.scalar(query) or 0)


def quorum_policy(session: Session, type_code: str | None = None) -> QuorumPolicy:
    """The council's rule, for a meeting of ``type_code`` when it is given."""
    if type_code is not None and type_code not in DELIBERATIVE_TYPES:
        return NO_QUORUM  # and no need to count the titulaires
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

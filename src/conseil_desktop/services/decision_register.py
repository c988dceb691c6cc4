"""The lines of a *relevé de décisions* (who does what by when), as plain data.

One meeting's decisions come from its snapshot, in agenda order; the open
actions of every meeting come from ``services.decisions.open_actions``. Both
become :class:`DecisionRow`, which the PDF and spreadsheet writers print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot

DONE, LATE, TO_DO = "Fait le", "En retard", "À faire"


@dataclass(frozen=True)
class DecisionRow:
    text: str
    meeting_date: date
    meeting_title: str
    owner: str
    deadline: date | None
    done_on: date | None
    status: str  # "Fait le 20/11/2026", "En retard", "À faire", or "" (nothing to do)
    overdue: bool
    vote: str = ""  # the vote, for one meeting's register

    @property
    def meeting(self) -> str:
        return f"{fmt_date(self.meeting_date)} — {self.meeting_title}"


class OpenActionLike(Protocol):
    """What ``services.decisions.OpenAction`` provides."""

    @property
    def meeting_date(self) -> date: ...
    @property
    def meeting_title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def owner_name(self) -> str: ...
    @property
    def deadline(self) -> date | None: ...
    @property
    def overdue(self) -> bool: ...


def status_of(owner: str, deadline: date | None, done_on: date | None,
              today: date) -> tuple[str, bool]:
    """The state shown for a decision, and whether it is overdue."""
    if done_on is not None:
        return f"{DONE} {fmt_date(done_on)}", False
    if deadline is not None and deadline < today:
        return LATE, True
    if owner or deadline is not None:
        return TO_DO, False
    return "", False  # a decision with nobody to act on it


def meeting_rows(snapshot: MeetingSnapshot, today: date) -> list[DecisionRow]:
    """Every decision of one meeting: by agenda item, then those attached to none."""
    decisions = [d for item in snapshot.agenda for d in item.decisions]
    decisions += snapshot.other_decisions
    rows = []
    for d in decisions:
        status, overdue = status_of(d.owner_name, d.deadline, d.done_on, today)
        rows.append(DecisionRow(d.text, snapshot.date, snapshot.title, d.owner_name,
                                d.deadline, d.done_on, status, overdue, d.vote_label()))
    return rows


def open_action_rows(actions: Iterable[OpenActionLike]) -> list[DecisionRow]:
    """The open actions of every meeting, in the order given (overdue first)."""
    return [DecisionRow(a.text, a.meeting_date, a.meeting_title, a.owner_name, a.deadline, None,
                        LATE if a.overdue else TO_DO, a.overdue) for a in actions]


def register_title(snapshot: MeetingSnapshot | None) -> str:
    if snapshot is None:
        return "Relevé des actions en cours"
    return f"Relevé de décisions — {snapshot.type_label} du {fmt_date(snapshot.date)}"

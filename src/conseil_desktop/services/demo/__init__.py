"""A realistic, deterministic demo council (``conseil-desktop demo``).

The same seed gives the same data (uuids included; only the timestamps and the
dates, which are relative to today, vary). Rows are built as plain tuples with
their integer keys computed here, then written with one ``executemany`` per
table, all in one transaction: a failure leaves the database empty.

The package: ``data`` (the French sample texts and names), ``common`` (the columns
written, helpers, the shared state), ``people``, ``meetings`` and ``projects`` (the
rows of each part, built in that order) and ``builder`` (``_Demo``, which writes them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from conseil_desktop.db.engine import Storage
from conseil_desktop.services.demo.builder import _Demo

__all__ = ["DemoSummary", "generate_demo"]


@dataclass
class DemoSummary:
    members: int
    meetings: int
    attendance: int
    decisions: int
    projects: int
    organisations: int
    contacts: int

    def describe(self) -> str:
        parts = [
            (self.members, "membre"), (self.meetings, "réunion"), (self.attendance, "présence"),
            (self.decisions, "décision"), (self.projects, "projet"),
            (self.organisations, "structure"), (self.contacts, "contact"),
        ]
        return ", ".join(_count(n, word) for n, word in parts)


def _count(n: int, word: str) -> str:
    return f"{n:,}".replace(",", "\u202f") + f" {word}{'s' if n > 1 else ''}"


def generate_demo(
    storage: Storage, *, members: int, meetings: int, seed: int, today: date | None = None
) -> DemoSummary:
    """Fill an empty, migrated database with a demo council, in one transaction."""
    with storage.engine.begin() as conn:
        demo = _Demo(seed, today or date.today(), meetings)
        demo.settings(conn)
        demo.organisations(min(2000, max(15, members // 20)))
        demo.members(members)
        demo.contacts(max(20, members // 10))
        demo.meetings(meetings)
        demo.projects(min(5000, max(8, members // 20)))
        demo.write(conn)
    rows = demo.rows
    return DemoSummary(
        members=members, meetings=meetings, attendance=len(rows["attendance"]),
        decisions=len(rows["decision"]), projects=len(rows["project"]),
        organisations=len(rows["organisation"]), contacts=len(rows["contact_affiliation"]),
    )


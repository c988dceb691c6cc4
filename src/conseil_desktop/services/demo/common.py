"""Shared pieces of the demo council: the columns written, small helpers, the state.

``_State`` holds what the builders (``people``, ``meetings``, ``projects``) share.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from conseil_desktop.services.demo import data
from conseil_desktop.services.formatting import MONTHS
from conseil_desktop.services.text import fold

# Columns given per table, in foreign-key order; uuid and timestamps are added on
# write, and columns with a scalar default in the model get that default.
COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation": ("id", "name", "kind_code", "siret", "rna", "address_line1", "postcode",
                     "city", "phone", "email", "in_neighbourhood", "is_funder"),
    "person": ("id", "last_name", "first_name", "sex", "birth_date", "email", "phone",
               "address_line1", "address_line2", "postcode", "city", "preferred_channel",
               "search_key"),
    "membership": ("id", "person_id", "college", "designation", "designation_source", "seat",
                   "organisation_id", "joined_on", "mandate_end_on", "status", "status_since",
                   "parental_authorisation_on"),
    "membership_status_event": ("membership_id", "status", "effective_on", "seat"),
    "member_role": ("membership_id", "role_code", "started_on", "ended_on"),
    "consent": ("person_id", "kind", "granted", "recorded_on", "source"),
    "contact_affiliation": ("person_id", "organisation_id", "role_title", "phone", "email"),
    "meeting": ("id", "type_code", "title", "date", "start_time", "end_time", "place",
                "convened_on", "convocation_method", "previous_meeting_id"),
    "meeting_officer": ("meeting_id", "person_id", "role"),
    "agenda_item": ("id", "meeting_id", "position", "title", "presenter_person_id",
                    "presenter_name", "documents", "summary"),
    "attendance": ("meeting_id", "person_id", "status", "proxy_holder_id", "arrival_time",
                   "departure_time"),
    "guest": ("meeting_id", "name", "organisation_name", "quality", "person_id"),
    "decision": ("id", "meeting_id", "agenda_item_id", "position", "text", "vote_mode",
                 "votes_for", "votes_against", "votes_abstain", "votes_blank",
                 "owner_person_id", "owner_organisation_id", "deadline", "done_on"),
    "project": ("id", "title", "description", "holder_person_id", "holder_organisation_id",
                "neighbourhood", "theme_code", "funding_line_code", "year", "status",
                "submission_deadline", "start_on", "end_on", "financial_report_due_on",
                "outcome_notes"),
    "project_cross_theme": ("project_id", "theme_code"),
    "project_funding": ("project_id", "funder_organisation_id", "requested_cents",
                        "granted_cents", "decision_on"),
    "project_status_event": ("project_id", "status", "effective_on", "note"),
    "project_member": ("project_id", "person_id"),
    "project_link": ("project_id", "meeting_id", "decision_id"),
}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _hm(hour: int, minute: int) -> str:
    """A time as SQLAlchemy stores it in SQLite."""
    return f"{hour:02d}:{minute:02d}:00.000000"


def _plus(hm: tuple[int, int], minutes: int) -> str:
    total = hm[0] * 60 + hm[1] + minutes
    return _hm(total // 60, total % 60)


def _slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def _domain(name: str) -> str:
    """``Mairie de quartier Bellefontaine`` -> ``mairie-quartier-bellefontaine.example.org``."""
    words = [w for w in fold(name).split() if w not in ("de", "du", "des", "la", "le", "d", "l")]
    return "-".join(words[:4]) + ".example.org"


def _siret(rng: random.Random) -> str:
    """14 digits whose Luhn checksum is valid, as a real SIRET's is."""
    digits = [rng.randrange(10) for _ in range(13)]
    total = sum(d if i % 2 else (2 * d - 9 if d > 4 else 2 * d)
                for i, d in enumerate(reversed(digits)))
    return "".join(map(str, digits)) + str(-total % 10)


def _weekday(day: date, backwards: bool) -> date:
    """The Friday before, or the Monday after, a day of the weekend."""
    if day.weekday() < 5:
        return day
    return day - timedelta(days=day.weekday() - 4) if backwards else day + timedelta(
        days=7 - day.weekday())


def _of_month(day: date) -> str:
    """``de novembre 2026``, ``d'avril 2026``."""
    month = MONTHS[day.month - 1]
    article = "d'" if month[0] in "aeo" else "de "
    return f"{article}{month} {day.year}"


@dataclass(slots=True, eq=False)
class _Member:
    person_id: int
    name: str
    joined: date
    left: date | None  # the date the member stopped being active
    titulaire: bool

    def active_on(self, day: date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


class _State:
    """The rows being built and what the later steps need to know of the earlier ones."""

    # Set along the way: by organisations(), _attendance() and projects().
    funders: list[tuple[int, str, str, bool, bool]]
    local_orgs: list[tuple[int, str, str, bool, bool]]
    voters: int
    past_days: list[date]

    def __init__(self, seed: int, today: date, meetings: int) -> None:
        self.rng = random.Random(seed)
        self.uuid_rng = random.Random(f"uuid:{seed}")
        self.today = today
        # Past meetings span about half as many months as there are meetings (6 to 120).
        self.months = min(120, max(6, math.ceil((meetings - meetings // 10) / 2)))
        self.origin = today - timedelta(days=round(30.44 * self.months) + 21)  # installation
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        self.member_list: list[_Member] = []
        self.roles: dict[str, _Member] = {}
        self.bureau: list[_Member] = []
        self.partners: list[tuple[int, str, str, str, str]] = []  # id, name, org, title, kind
        self.past: list[tuple[int, date]] = []  # past meetings, by date
        self.decisions_of: dict[int, list[int]] = {}
        self.next_person = 1
        self.name_weights = [group[0] for group in data.NAME_GROUPS]
        self.used_names: set[tuple[str, str]] = set()
        self.used_emails: set[str] = set()
        self.orgs: list[tuple[int, str, str, bool, bool]] = []  # id, name, kind, local, funder

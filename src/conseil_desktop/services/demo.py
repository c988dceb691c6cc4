"""A realistic, deterministic demo council (``conseil-desktop demo``).

The same seed gives the same data (uuids included; only the timestamps and the
dates, which are relative to today, vary). Rows are built as plain tuples with
their integer keys computed here, then written with one ``executemany`` per
table, all in one transaction: a failure leaves the database empty.
"""

from __future__ import annotations

import math
import random
import uuid
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, update
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.migrations.defaults_0001 import ROLES, THEMES
from conseil_desktop.db.models import Base, CouncilSettings
from conseil_desktop.services import demo_data as data
from conseil_desktop.services.formatting import MONTHS, fmt_date
from conseil_desktop.services.text import fold, person_search_key

SMALL_COUNCIL = 400  # up to this many members, plenaries invite every active member
BIG_PLENARY, BIG_MEETING = 150, 75  # invitees per meeting of a bigger council
ATTENDANCE = ("present", "excuse", "absent", "represente")
ATTENDANCE_WEIGHTS = (60, 15, 15, 10)
MEETING_TYPES = (
    ("pleniere", 35), ("bureau", 28), ("commission", 10), ("groupe_travail", 10),
    ("comite_fph", 9), ("preparation_copil", 8),
)
HOURS = {"bureau": ((18, 0), (19, 30)), "comite_fph": ((17, 30), (19, 0))}
PROJECT_PATH = ("idee", "depose", "en_instruction", "accorde", "en_cours", "realise", "bilan_rendu")
PROJECT_FINAL = (
    ("idee", 8), ("depose", 8), ("en_instruction", 8), ("accorde", 10), ("refuse", 10),
    ("en_cours", 15), ("realise", 15), ("bilan_rendu", 18), ("abandonne", 8),
)
FUNDING_LINES = {  # code: (weight, min euros, max euros, max funders)
    "appel_projets": (40, 2000, 25000, 3), "fph": (35, 150, 1500, 1),
    "budget_conseil": (15, 50, 600, 1), "autre": (10, 500, 5000, 2),
}
CROSS_THEMES = [code for code, _ in THEMES[3:]]

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
TRACKED = ("id", "uuid", "created_at", "updated_at")


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


class _Demo:
    """Builds every row in memory, in foreign-key order, then writes them (``write``)."""

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

    # -- writing ---------------------------------------------------------------

    def write(self, conn: Connection) -> None:
        """One executemany per table. Uuids are given in ascending order, which makes
        their unique index grow at its end: much faster for big tables."""
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        bits = self.uuid_rng.getrandbits
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB, for the indexes
        try:
            for table, columns in COLUMNS.items():
                rows = self.rows[table]
                if not rows:
                    continue
                extra_names, extra_values = _model_defaults(table, columns)
                names = (*columns, *extra_names, "uuid", "created_at", "updated_at")
                sql = f"INSERT INTO {table} ({', '.join(names)}) " \
                      f"VALUES ({', '.join('?' * len(names))})"
                uuids = sorted(bits(128) for _ in rows)
                conn.exec_driver_sql(sql, [
                    (*row, *extra_values, str(uuid.UUID(int=key, version=4)), now, now)
                    for row, key in zip(rows, uuids, strict=True)
                ])
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")

    def settings(self, conn: Connection) -> None:
        conn.execute(update(CouncilSettings).values(
            **data.COUNCIL_SETTINGS, prefectoral_decree_date=date(2024, 6, 12),
            updated_at=datetime.now(UTC).replace(tzinfo=None),
        ))

    # -- organisations and people --------------------------------------------------

    def organisations(self, count: int) -> None:
        rng, rows = self.rng, self.rows["organisation"]
        combos = [(p, k, place) for p, k in data.LOCAL_PATTERNS for place in data.LOCAL_PLACES]
        rng.shuffle(combos)
        entries = [(name, kind, funder, local, street, code)
                   for name, kind, funder, local, street, code in data.INSTITUTIONS]
        for i in range(count - len(entries)):
            pattern, kind, place = combos[i % len(combos)]
            suffix = f" {i // len(combos) + 1}" if i >= len(combos) else ""
            street = f"{rng.randint(1, 60)} {rng.choice(data.STREETS)}"
            entries.append((f"{pattern} {place}{suffix}", kind, False, True, street, data.POSTCODE))
        for org_id, (name, kind, funder, local, street, code) in enumerate(entries, 1):
            association = kind == "association"
            siret = _siret(rng) if not association or rng.random() < 0.4 else None
            rna = f"W313{rng.randrange(10**6):06d}" if association and rng.random() < 0.8 else None
            if kind == "ecole":
                siret = None
            phone = f"+33561{rng.randrange(10**6):06d}"
            email = f"contact@{_domain(name)}"
            rows.append((org_id, name, kind, siret, rna, street, code, data.CITY, phone, email,
                         local, funder))
            self.orgs.append((org_id, name, kind, local, funder))
        self.funders = [o for o in self.orgs if o[4]]
        self.local_orgs = [o for o in self.orgs
                           if o[3] and o[2] not in ("mairie", "delegue_prefet")]

    def _person(self, last: str, first: str, sex: str, *, email: str | None, phone: str | None,
                birth: date | None = None, address: tuple[str, str] = ("", ""),
                org: str | None = None) -> int:
        person_id, self.next_person = self.next_person, self.next_person + 1
        channel = "courriel" if email and self.rng.random() < 0.85 else "courrier"
        postcode, city = (data.POSTCODE, data.CITY) if address[0] else ("", "")
        self.rows["person"].append((
            person_id, last, first, sex, _iso(birth), email, phone, *address, postcode, city,
            channel, person_search_key(last, first, email, phone, org),
        ))
        return person_id

    def _name(self) -> tuple[str, str, str]:
        """A name of one family; a few tries to avoid homonyms, which remain possible."""
        rng, groups = self.rng, data.NAME_GROUPS
        sex = "F" if rng.random() < 0.52 else "M"
        _weight, lasts, women, men = rng.choices(groups, self.name_weights)[0]
        if rng.random() < 0.15:
            women, men = groups[0][2], groups[0][3]
        for _ in range(4):
            name = rng.choice(lasts), rng.choice(women if sex == "F" else men)
            if name not in self.used_names:
                break
        self.used_names.add(name)
        return *name, sex

    def _email(self, last: str, first: str, domain: str | None = None) -> str:
        """A unique address: ``elodie.oeuvray@example.org``, ``karim.benali57@example.net``."""
        local = f"{_slug(first)}.{_slug(last)}".replace("-", "")
        if domain is None:
            local += str(self.rng.randrange(100)) if self.rng.random() < 0.5 else ""
            domain = self.rng.choice(data.EMAIL_DOMAINS)
        email = f"{local}@{domain}"
        while email in self.used_emails:
            email = f"{local}{self.rng.randrange(1000)}@{domain}"
        self.used_emails.add(email)
        return email

    def _mobile(self) -> str:
        return f"+33{self.rng.choice('67')}{self.rng.randrange(10**8):08d}"

    def members(self, count: int) -> None:
        rng = self.rng
        special = {round(k * count / 6): name for k, name in enumerate(data.SPECIAL_NAMES)}
        span = (self.today - self.origin).days
        cycle = 30 * data.MANDATE_MONTHS
        mandate_end = self.origin + timedelta(days=cycle * (span // cycle + 1))
        for index in range(count):
            last, first, sex = special[index] if count >= 10 and index in special else self._name()
            email = self._email(last, first) if rng.random() < 0.4 else None
            phone = self._mobile() if rng.random() < 0.9 else None
            joined = self.origin
            if rng.random() < 0.3 and span > 60:
                joined += timedelta(days=rng.randint(1, span - 30))
            age = rng.randint(14, 17) if rng.random() < 0.03 else rng.randint(18, 85)
            birth = joined - timedelta(days=365 * age + rng.randint(0, 364))
            known_birth = rng.random() < 0.6
            parental = None
            if known_birth and age < 16:  # under 16: a parental authorisation
                parental = joined - timedelta(days=rng.randint(1, 20))
            street = f"{rng.randint(1, 80)} {rng.choice(data.STREETS)}"
            flat = f"{rng.choice(data.BUILDINGS)}, apt {rng.randint(1, 60)}"
            org = rng.choice(self.local_orgs) if rng.random() < 0.25 else None
            person_id = self._person(
                last, first, sex, email=email, phone=phone,
                birth=birth if known_birth else None,
                address=(street, flat if rng.random() < 0.5 else ""), org=org and org[1],
            )
            self._membership(index + 1, person_id, f"{first} {last}", (joined, mandate_end,
                             parental), org)
            self._consents(person_id, joined)
        self._roles()

    def _membership(self, member_id: int, person_id: int, name: str,
                    dates: tuple[date, date, date | None], org: tuple[Any, ...] | None) -> None:
        rng = self.rng
        joined, mandate_end, parental = dates
        seat = "suppleant" if rng.random() < 0.2 else "titulaire"
        if org:
            designation, source = ("designe_structure" if rng.random() < 0.9 else "volontaire"), ""
        else:
            designation = rng.choices(["tirage_au_sort", "volontaire", "autre"], [55, 40, 5])[0]
            source = rng.choice(data.DESIGNATION_SOURCES) if designation == "tirage_au_sort" else ""
        events: list[tuple[str, date, str | None]] = [("actif", joined, seat)]
        days = (self.today - joined).days
        if seat == "titulaire" and days > 120 and rng.random() < 0.08:  # promoted substitute
            events = [("actif", joined, "suppleant"),
                      ("actif", joined + timedelta(days=rng.randint(30, days // 2)), "titulaire")]
        r = rng.random()
        if days > 90 and r < 0.16:
            status = "demissionnaire" if r < 0.08 else "demenage" if r < 0.14 else "exclu"
            start = (events[-1][1] - joined).days + 30
            events.append((status, joined + timedelta(days=rng.randint(start, days - 1)), None))
        for status, day, event_seat in events:
            self.rows["membership_status_event"].append((member_id, status, _iso(day), event_seat))
        status, since = events[-1][0], events[-1][1]
        self.rows["membership"].append((
            member_id, person_id, "acteurs_locaux" if org else "habitants", designation, source,
            seat, org and org[0], _iso(joined), _iso(mandate_end), status, _iso(since),
            _iso(parental),
        ))
        self.member_list.append(_Member(person_id, name, joined,
                                        None if status == "actif" else since, seat == "titulaire"))

    def _consents(self, person_id: int, joined: date) -> None:
        rng = self.rng
        for kind in ("partage_coordonnees", "droit_image", "lettre_information"):
            if rng.random() < 0.7:
                day = min(self.today, joined + timedelta(days=rng.randint(0, 30)))
                self.rows["consent"].append((person_id, kind, rng.random() < 0.85, _iso(day),
                                             rng.choice(data.CONSENT_SOURCES)))

    def _roles(self) -> None:
        """One holder per role among active titulaires; a former president if one left."""
        eligible = [i for i, m in enumerate(self.member_list) if m.titulaire and m.left is None]
        holders = self.rng.sample(eligible, min(len(eligible), len(ROLES)))
        gone = [i for i, m in enumerate(self.member_list) if m.titulaire and m.left]
        handover = None
        if gone and holders:
            former = self.member_list[gone[0]]
            handover = former.left
            self.rows["member_role"].append((gone[0] + 1, "president", _iso(max(
                former.joined, self.origin)), _iso(former.left)))
        for (code, _label), index in zip(ROLES, holders, strict=False):
            member = self.member_list[index]
            start = max(member.joined, handover) if code == "president" and handover \
                else member.joined
            self.rows["member_role"].append((index + 1, code, _iso(start), None))
            self.roles[code] = member
        # The bureau: the role holders and seven other titulaires.
        others = [self.member_list[i] for i in eligible if i not in holders]
        self.bureau = sorted([*self.roles.values(), *self.rng.sample(others, min(7, len(others)))],
                             key=lambda m: m.person_id)

    def contacts(self, count: int) -> None:
        """Partners with a role in an organisation; two members are contacts too."""
        rng, rows = self.rng, self.rows["contact_affiliation"]
        local_members = [r for r in self.rows["membership"] if r[6] is not None][:2]
        for membership in local_members:
            org = self.orgs[membership[6] - 1]
            female = self.rows["person"][membership[1] - 1][3] == "F"
            title = data.CONTACT_TITLES[org[2]][0][female]
            rows.append((membership[1], org[0], title, None, None))
        seen: dict[str, int] = {}
        for i in range(count - len(local_members)):
            org = self.orgs[i] if i < len(data.INSTITUTIONS) else rng.choice(self.orgs)
            last, first, sex = self._name()
            titles = data.CONTACT_TITLES.get(org[2], data.CONTACT_TITLES["autre"])
            title = titles[seen.get(org[2], 0) % len(titles)][sex == "F"]
            seen[org[2]] = seen.get(org[2], 0) + 1
            phone = self._mobile() if rng.random() < 0.4 else None
            person_id = self._person(last, first, sex, email=None, phone=phone, org=org[1])
            work_email = self._email(last, first, _domain(org[1]))
            rows.append((person_id, org[0], title, f"+33561{rng.randrange(10**6):06d}", work_email))
            if i < len(data.INSTITUTIONS):
                self.partners.append((person_id, f"{first} {last}", org[1], title, org[2]))

    # -- meetings ------------------------------------------------------------------

    def meetings(self, count: int) -> None:
        rng = self.rng
        upcoming = count // 10
        past = count - upcoming
        start = self.origin + timedelta(days=21)
        span = (self.today - start).days - 1
        days = [start + timedelta(days=int((i + rng.random() * 0.8) * span / past))
                for i in range(past)]
        days += [self.today + timedelta(days=3 + i * 60 // upcoming) for i in range(upcoming)]
        days = sorted(_weekday(d, d < self.today) for d in days)
        previous: dict[str, tuple[int, date]] = {}
        types = [code for code, _ in MEETING_TYPES]
        weights = [w for _, w in MEETING_TYPES]
        monthly = past <= 3 * self.months  # a plenary in most months, other meetings between
        others = 1 if monthly else 0  # then a second plenary in a month is not drawn
        for meeting_id, day in enumerate(days, 1):
            last = previous.get("pleniere")
            fresh = not last or (last[1].year, last[1].month) != (day.year, day.month)
            if meeting_id == 1 or (monthly and fresh and rng.random() < 0.8):
                kind = "pleniere"
            else:
                kind = rng.choices(types[others:], weights[others:])[0]
            self._meeting(meeting_id, kind, day, previous.get(kind))
            previous[kind] = (meeting_id, day)

    def _meeting(self, meeting_id: int, kind: str, day: date,
                 previous: tuple[int, date] | None) -> None:
        rng = self.rng
        begin, end = HOURS.get(kind, ((18, 30), (20, 30)))
        notice = day - timedelta(days=rng.randint(7, 25))
        method = "courrier et affichage" if rng.random() < 0.7 else "courriel et courrier"
        self.rows["meeting"].append((
            meeting_id, kind, self._title(kind, day), _iso(day), _hm(*begin), _hm(*end),
            rng.choice(data.PLACES), _iso(notice) if notice <= self.today else None, method,
            previous and previous[0],
        ))
        invitees = self._invitees(kind, day)
        is_past = day < self.today
        if is_past:
            present = self._attendance(meeting_id, invitees, begin, end)
        else:  # nothing recorded yet
            present = invitees
            self.rows["attendance"].extend(
                (meeting_id, m.person_id, "invite", None, None, None) for m in invitees)
        self._officers(meeting_id, present)
        self._agenda(meeting_id, kind, day, present, previous, is_past)
        if is_past:
            self.past.append((meeting_id, day))
            if kind == "pleniere":
                self._guests(meeting_id)

    def _title(self, kind: str, day: date) -> str:
        rng = self.rng
        if kind == "pleniere":
            return f"Assemblée plénière {_of_month(day)}"
        if kind == "bureau":
            return f"Réunion du bureau du {'1er' if day.day == 1 else day.day} " \
                   f"{MONTHS[day.month - 1]} {day.year}"
        if kind == "commission":
            return f"Commission {rng.choice(data.COMMISSIONS)}"
        if kind == "groupe_travail":
            return f"Groupe de travail « {rng.choice(data.WORKING_GROUPS)} »"
        if kind == "comite_fph":
            return f"Comité FPH {_of_month(day)}"
        return f"Préparation du COPIL du contrat de ville ({day.year})"

    def _invitees(self, kind: str, day: date) -> list[_Member]:
        members = self.member_list
        small = len(members) <= SMALL_COUNCIL
        if kind == "pleniere" and small:
            return [m for m in members if m.active_on(day)]
        if kind == "bureau" and small:
            return [m for m in self.bureau if m.active_on(day)]
        wanted = (BIG_PLENARY if kind == "pleniere" else BIG_MEETING) if not small \
            else self.rng.randint(8, 25)
        picks = self.rng.sample(range(len(members)), min(len(members), wanted * 3 // 2 + 10))
        chosen = [members[i] for i in picks if members[i].active_on(day)][:wanted]
        return sorted(chosen, key=lambda m: m.person_id)

    def _attendance(self, meeting_id: int, invitees: list[_Member], begin: tuple[int, int],
                    end: tuple[int, int]) -> list[_Member]:
        """Statuses of a past meeting; each represented member's proxy goes to a present one."""
        rng, rows = self.rng, self.rows["attendance"]
        statuses = rng.choices(ATTENDANCE, ATTENDANCE_WEIGHTS, k=len(invitees))
        present = [m for m, s in zip(invitees, statuses, strict=True) if s == "present"]
        holders = rng.sample(present, len(present))  # max_proxies_per_holder = 1
        self.voters = 0  # members present or represented: the most votes a decision gets
        for member, status in zip(invitees, statuses, strict=True):
            holder = arrival = departure = None
            if status == "represente":
                if holders:
                    holder = holders.pop().person_id
                else:
                    status = "excuse"
            elif status == "present":
                if rng.random() < 0.1:
                    arrival = _plus(begin, rng.randint(10, 45))
                if rng.random() < 0.08:
                    departure = _plus(end, -rng.randint(15, 40))
            rows.append((meeting_id, member.person_id, status, holder, arrival, departure))
            self.voters += status in ("present", "represente")
        return present

    def _officers(self, meeting_id: int, present: list[_Member]) -> None:
        if not present:
            return
        animator = self.roles.get("animateur")
        facilitator = animator if animator in present else self.rng.choice(present)
        others = [m for m in present if m is not facilitator]
        secretaries = self.rng.sample(others, min(len(others), self.rng.choice((1, 1, 2))))
        rows = self.rows["meeting_officer"]
        rows.append((meeting_id, facilitator.person_id, "animateur"))
        rows.extend((meeting_id, m.person_id, "secretaire") for m in secretaries)

    def _agenda(self, meeting_id: int, kind: str, day: date, present: list[_Member],
                previous: tuple[int, date] | None, is_past: bool) -> None:
        rng = self.rng
        items: list[tuple[str, list[str], str]] = []  # title, decision texts, documents
        if kind == "pleniere":
            prev = fmt_date(previous[1]) if previous else ""
            texts = [data.APPROVAL_DECISION.format(prev=prev)] if prev else []
            items.append((data.APPROVAL_ITEM, texts, prev and f"Compte rendu du {prev}"))
        topics = rng.sample(data.AGENDA_TOPICS[:-1], max(1, rng.randint(2, 6) - len(items)))
        items += [(t, texts, "Diaporama de présentation" if rng.random() < 0.3 else "")
                  for t, texts in topics]
        if len(items) < 6 and rng.random() < 0.4:
            items.append((*data.AGENDA_TOPICS[-1], ""))
        rows = self.rows["agenda_item"]
        for position, (title, texts, documents) in enumerate(items, 1):
            item_id = len(rows) + 1
            presenter = None
            if present and rng.random() < 0.75:
                presenter = rng.choice(present).person_id
            elif self.partners and rng.random() < 0.6:
                presenter = rng.choice(self.partners)[0]
            rows.append((item_id, meeting_id, position, title, presenter, "", documents,
                         data.AGENDA_SUMMARY if is_past else ""))
            if not is_past:
                continue
            wanted = 1 if title == data.APPROVAL_ITEM else rng.choices((0, 1, 2), (45, 40, 15))[0]
            for rank, text in enumerate(rng.sample(texts, min(wanted, len(texts))), 1):
                actionable = title != data.APPROVAL_ITEM
                self._decision(meeting_id, item_id, rank, text, day, present, actionable)

    def _decision(self, meeting_id: int, item_id: int, position: int, text: str, day: date,
                  present: list[_Member], actionable: bool) -> None:
        rng = self.rng
        owner = rng.choice(present) if present else None
        named = "{member}" in text
        text = text.format(org=rng.choice(self.local_orgs)[1], member=owner.name if owner else
                           "Un membre du bureau", amount=rng.choice((150, 300, 450, 600, 800)))
        modes = ("vote", "consensus", "unanimite")
        mode = rng.choices(modes, (50, 30, 20))[0] if self.voters else "consensus"
        votes: tuple[int | None, ...] = (None, None, None, None)
        if mode == "vote":  # the votes cast never exceed members present or represented
            cast = self.voters - rng.randint(0, self.voters // 8)
            against = rng.randint(0, cast // 6)
            abstain = rng.randint(0, (cast - against) // 6)
            blank = rng.randint(0, min(1, cast - against - abstain))
            votes = (cast - against - abstain - blank, against, abstain, blank)
        person = organisation = deadline = done = None
        if actionable and owner and (named or rng.random() < 0.3):
            person = owner.person_id
        elif actionable and rng.random() < 0.1:
            organisation = rng.choice(self.orgs)[0]
        if person or organisation:
            deadline = day + timedelta(days=rng.randint(14, 90))
            if deadline < self.today and rng.random() < 0.7:
                done = day + timedelta(days=rng.randint(3, (deadline - day).days))
        rows = self.rows["decision"]
        decision_id = len(rows) + 1
        rows.append((decision_id, meeting_id, item_id, position, text, mode, *votes, person,
                     organisation, _iso(deadline), _iso(done)))
        self.decisions_of.setdefault(meeting_id, []).append(decision_id)

    def _guests(self, meeting_id: int) -> None:
        """Partners (délégué du préfet, city, landlord...) and residents who walked in."""
        rng, rows = self.rng, self.rows["guest"]
        pool = [p for p in self.partners if p[4] in ("delegue_prefet", "mairie", "bailleur")]
        for person_id, name, org, title, _kind in rng.sample(pool, rng.randint(0, 3)):
            rows.append((meeting_id, name, org, title, person_id))
        for _ in range(rng.randint(1, 2)):
            last, first, sex = self._name()
            quality = "Habitante du quartier" if sex == "F" else "Habitant du quartier"
            rows.append((meeting_id, f"{first} {last}", "", quality, None))

    # -- projects ------------------------------------------------------------------

    def projects(self, count: int) -> None:
        rng = self.rng
        finals, final_weights = zip(*PROJECT_FINAL, strict=True)
        history = (self.today - self.origin).days
        self.past_days = [d for _, d in self.past]
        for project_id in range(1, count + 1):
            final = rng.choices(finals, final_weights)[0]
            path: tuple[str, ...]
            if final == "refuse":
                path = (*PROJECT_PATH[:3], "refuse")
            elif final == "abandonne":
                path = (*PROJECT_PATH[:rng.randint(1, 5)], "abandonne")
            else:
                path = PROJECT_PATH[:PROJECT_PATH.index(final) + 1]
            gaps = [rng.randint(10, 60) for _ in path[1:]]
            spare = max(0, history - sum(gaps))
            day = self.today - timedelta(days=sum(gaps) + rng.randint(0, spare))
            dates = [day]
            for gap in gaps:
                dates.append(dates[-1] + timedelta(days=gap))
            on = dict(zip(path, dates, strict=True))
            self._project(project_id, final, on)
            self._project_details(project_id, on)

    def _project(self, project_id: int, final: str, on: dict[str, date]) -> None:
        rng = self.rng
        line = rng.choices(list(FUNDING_LINES), [v[0] for v in FUNDING_LINES.values()])[0]
        name, theme = rng.choice(data.PROJECT_TITLES)
        deadline = None
        year = list(on.values())[min(3, len(on) - 1)].year
        if line == "appel_projets" and "depose" in on:
            deadline = on["depose"] + timedelta(days=rng.randint(0, 20))
            year = deadline.year + (deadline.month >= 10)
        start = on.get("en_cours")
        end = on.get("realise") or (start and start + timedelta(days=rng.randint(60, 240)))
        report_due = date(end.year + 1, 6, 30) if end else None
        if self.member_list and rng.random() < 0.35:
            holder = rng.choice(self.member_list)
            person, organisation, holder_name = holder.person_id, None, holder.name
        else:
            person, (organisation, holder_name, *_) = None, rng.choice(self.local_orgs)
        title = f"{name} {year}"
        outcome = ""
        if final in ("realise", "bilan_rendu"):
            outcome = rng.choice(data.OUTCOME_NOTES).format(n=rng.randint(15, 300))
        neighbourhood = rng.choice(("Bellefontaine", "Milan", "Bellefontaine-Milan"))
        self.rows["project"].append((
            project_id, title, f"Projet porté par {holder_name}, quartier {neighbourhood}.",
            person, organisation, neighbourhood, theme, line, year, final, _iso(deadline),
            _iso(start), _iso(end), _iso(report_due), outcome,
        ))
        events = self.rows["project_status_event"]
        for status, day in on.items():
            note = "Dossier jugé incomplet par le comité technique." if status == "refuse" else ""
            events.append((project_id, status, _iso(day), note))
        if theme not in CROSS_THEMES and rng.random() < 0.3:
            self.rows["project_cross_theme"].append((project_id, rng.choice(CROSS_THEMES)))
        self._fundings(project_id, line, on)
        involved = {person} if person else set()
        if self.member_list:
            picks = rng.sample(self.member_list, min(len(self.member_list), rng.randint(1, 3)))
            involved.update(m.person_id for m in picks)
        self.rows["project_member"].extend((project_id, p) for p in sorted(involved))

    def _fundings(self, project_id: int, line: str, on: dict[str, date]) -> None:
        rng = self.rng
        _weight, low, high, most = FUNDING_LINES[line]
        funders = rng.sample(self.funders, min(len(self.funders), rng.randint(1, most)))
        for funder in funders:
            requested = rng.randint(low, high) // len(funders) // 10 * 1000  # cents, 10 € steps
            granted, decided = None, None
            if "accorde" in on:
                granted = requested * rng.choice((100, 100, 80, 50)) // 100 // 1000 * 1000
                decided = on["accorde"]
            elif "refuse" in on:
                granted, decided = 0, on["refuse"]
            self.rows["project_funding"].append(
                (project_id, funder[0], requested, granted, _iso(decided)))

    def _project_details(self, project_id: int, on: dict[str, date]) -> None:
        """Links to one or two past meetings of the project's time, with a decision or not."""
        rng, past = self.rng, self.past
        if not past:
            return
        first = bisect_left(self.past_days, min(on.values()))
        last = bisect_right(self.past_days, max(on.values()))
        window = past[first:last] or past
        for meeting_id, _day in rng.sample(window, min(len(window), rng.randint(1, 2))):
            decisions = self.decisions_of.get(meeting_id)
            decision = rng.choice(decisions) if decisions and rng.random() < 0.5 else None
            self.rows["project_link"].append((project_id, meeting_id, decision))


def _model_defaults(table: str, given: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    """Columns not given: their scalar model default, or NULL; refuse a missing NOT NULL."""
    names: list[str] = []
    values: list[Any] = []
    for column in Base.metadata.tables[table].columns:
        if column.name in given or column.name in TRACKED:
            continue
        default = column.default
        if isinstance(default, ScalarElementColumnDefault):
            names.append(column.name)
            values.append(getattr(default.arg, "value", default.arg))
        elif not column.nullable and column.server_default is None:
            raise RuntimeError(f"The demo gives no value for {table}.{column.name}")
    return names, values

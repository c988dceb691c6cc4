"""The demo's meetings: attendance, officers, agenda, decisions and guests."""

from __future__ import annotations

from datetime import date, timedelta

from conseil_desktop.services.demo import data
from conseil_desktop.services.demo.common import (
    _hm,
    _iso,
    _Member,
    _of_month,
    _plus,
    _weekday,
)
from conseil_desktop.services.demo.people import _People
from conseil_desktop.services.formatting import MONTHS, fmt_date

SMALL_COUNCIL = 400  # up to this many members, plenaries invite every active member
BIG_PLENARY, BIG_MEETING = 150, 75  # invitees per meeting of a bigger council
ATTENDANCE = ("present", "excuse", "absent", "represente")
ATTENDANCE_WEIGHTS = (60, 15, 15, 10)
MEETING_TYPES = (
    ("pleniere", 35), ("bureau", 28), ("commission", 10), ("groupe_travail", 10),
    ("comite_fph", 9), ("preparation_copil", 8),
)
HOURS = {"bureau": ((18, 0), (19, 30)), "comite_fph": ((17, 30), (19, 0))}


class _Meetings(_People):
    """Past and upcoming meetings (``meetings``); guests' names come from ``_People``."""

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

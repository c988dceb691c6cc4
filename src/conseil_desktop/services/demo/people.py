"""The demo's organisations, members (with their memberships, consents and roles)
and partner contacts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from conseil_desktop.db.migrations.defaults_0001 import ROLES
from conseil_desktop.services.demo import data
from conseil_desktop.services.demo.common import (
    _domain,
    _iso,
    _Member,
    _siret,
    _slug,
    _State,
)
from conseil_desktop.services.text import person_search_key


class _People(_State):
    """Organisations, then members, then contacts (``organisations``, ``members``,
    ``contacts``)."""

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
        prefix, rest = self.rng.choice("67"), self.rng.randrange(10**8)
        # Only ranges that are real metropolitan mobiles: not 070-072, nor 0639 and
        # 069x (overseas mobiles, dialled with +262 and others rather than +33).
        if prefix == "7" and rest < 3 * 10**7:
            rest += 3 * 10**7
        elif prefix == "6" and (rest >= 9 * 10**7 or 39 * 10**6 <= rest < 40 * 10**6):
            rest -= 2 * 10**7
        return f"+33{prefix}{rest:08d}"

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

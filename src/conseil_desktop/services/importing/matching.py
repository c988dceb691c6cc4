"""Who is already there: duplicates against the base and within the file.

A row is the same person as an existing one (or as an earlier row) when:

1. the e-mail is the same (case aside), or
2. the phone is the same (E.164),

and the first names agree (folded, or one is blank) and the birth dates do
not contradict each other: a couple sharing an address or a landline stays
two people; or

3. the folded name (accents, case, hyphens) is the same, nothing
   contradicts it (e-mail, phone or birth date present on both sides and
   different), and the birth date or the organisation is the same, or no
   other person of that name exists.

People are loaded once, with one query, into dictionaries keyed by e-mail,
phone and name, so that matching stays linear in the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import Membership, Organisation, Person
from conseil_desktop.services.importing.headers import FIELD_LABELS, Field
from conseil_desktop.services.text import fold

Value = str | date
Values = dict[str, Value]

_TEXT_FIELDS = frozenset({
    "last_name", "first_name", "address_line1", "address_line2", "city", "organisation",
})


@dataclass(frozen=True)
class Keys:
    """What a person is recognised by, folded once."""

    email: str | None
    phone: str | None
    name: tuple[str, str] | None  # folded last name, folded first name
    birth: date | None
    organisation: str | None

    @classmethod
    def of(cls, values: Values) -> Keys:
        email, phone, birth = values.get("email"), values.get("phone"), values.get("birth_date")
        last = fold(str(values.get("last_name", "")))
        organisation = fold(str(values.get("organisation", "")))
        return cls(
            str(email).casefold() if email else None, str(phone) if phone else None,
            (last, fold(str(values.get("first_name", "")))) if last else None,
            birth if isinstance(birth, date) else None, organisation or None,
        )

    def agrees_with(self, other: Keys, checked: tuple[str, ...]) -> bool:
        """No attribute in ``checked`` is known on both sides with different values."""
        for name in checked:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not None and theirs is not None and mine != theirs:
                return False
        return True

    def first_names_agree(self, other: Keys) -> bool:
        first = self.name[1] if self.name else ""
        other_first = other.name[1] if other.name else ""
        return not first or not other_first or first == other_first


@dataclass
class Existing:
    """A person of the base, with the current value of each importable field."""

    person_id: int
    values: Values
    is_member: bool
    keys: Keys = field(init=False)

    def __post_init__(self) -> None:
        self.keys = Keys.of(self.values)

    @property
    def label(self) -> str:
        return f"{self.values.get('last_name', '')} {self.values.get('first_name', '')}".strip()


@dataclass
class Group:
    """Rows of the file that are one person, and the existing person they are, if any."""

    lead: int  # line of the group's first row
    values: Values
    person: Existing | None = None
    reason: str = ""  # why the lead row is that existing person
    merged: dict[int, str] = field(default_factory=dict)  # other line -> why, what it added
    keys: Keys = field(init=False)

    def __post_init__(self) -> None:
        self.keys = Keys.of(self.values)


Target = Existing | Group
_Key = TypeVar("_Key")

_PERSON_COLUMNS = (
    Person.id, Person.last_name, Person.first_name, Person.sex, Person.birth_date, Person.email,
    Person.phone, Person.address_line1, Person.address_line2, Person.postcode, Person.city,
    Membership.id, Membership.college, Membership.seat, Membership.designation,
    Membership.joined_on, Organisation.name,
)
_FIELD_NAMES = (
    "last_name", "first_name", "sex", "birth_date", "email", "phone", "address_line1",
    "address_line2", "postcode", "city", "membership", "college", "seat", "designation",
    "joined_on", "organisation",
)


def load_existing(session: Session) -> list[Existing]:
    """Every person (not anonymised) with their membership, in one query."""
    query = (
        select(*_PERSON_COLUMNS)
        .outerjoin(Membership, Membership.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Membership.organisation_id)
        .where(Person.anonymised_at.is_(None))
        .order_by(Person.id)
    )
    people = []
    for row in session.execute(query):
        named = dict(zip(_FIELD_NAMES, row[1:], strict=True))
        membership = named.pop("membership")
        values = {name: value for name, value in named.items() if value not in (None, "")}
        people.append(Existing(row[0], values, membership is not None))
    return people


def same_value(name: str, old: Value | None, new: Value | None) -> bool:
    """Equal as a person would judge: names and places regardless of case and accents."""
    if old is None or new is None:
        return old is new
    if name in _TEXT_FIELDS:
        return fold(str(old)) == fold(str(new))
    if name == "email":
        return str(old).casefold() == str(new).casefold()
    return old == new


_IDENTIFIERS = ("email", "phone", "birth")


class PeopleIndex:
    """Existing people and the file's groups, by e-mail, phone and folded name."""

    def __init__(self, existing: list[Existing]) -> None:
        self._email: dict[str, list[Target]] = defaultdict(list)
        self._phone: dict[str, list[Target]] = defaultdict(list)
        self._name: dict[tuple[str, str], list[Target]] = defaultdict(list)
        self._name_birth: dict[tuple[tuple[str, str], date], list[Target]] = defaultdict(list)
        self._name_org: dict[tuple[tuple[str, str], str], list[Target]] = defaultdict(list)
        self._claimed: dict[int, Group] = {}
        for person in existing:
            self.add(person)

    def add(self, target: Target) -> None:
        """Index a target under its keys (again after a merge added some)."""
        keys = target.keys
        _append(self._email, keys.email, target)
        _append(self._phone, keys.phone, target)
        if keys.name is not None:
            _append(self._name, keys.name, target)
            if keys.birth is not None:
                _append(self._name_birth, (keys.name, keys.birth), target)
            if keys.organisation is not None:
                _append(self._name_org, (keys.name, keys.organisation), target)

    def claim(self, person: Existing, group: Group) -> None:
        """From now on, whoever matches ``person`` joins ``group``."""
        self._claimed[person.person_id] = group
        self.add(group)

    def find(self, row: Keys) -> tuple[Target, str] | None:
        """The person (or earlier group) this row is, and why; None for a new person."""
        for table, key, why in (
            (self._email, row.email, "même courriel"),
            (self._phone, row.phone, "même téléphone"),
        ):
            for target in table.get(key, ()) if key is not None else ():
                if row.first_names_agree(target.keys) and row.agrees_with(target.keys, ("birth",)):
                    return self._resolve(target), why
        return self._find_by_name(row)

    def _find_by_name(self, row: Keys) -> tuple[Target, str] | None:
        if row.name is None or row.name not in self._name:
            return None
        if row.birth is not None:
            same_birth = self._agreeing(row, self._name_birth.get((row.name, row.birth), []))
            if same_birth is not None:
                return same_birth, "même nom et même date de naissance"
        if row.organisation is not None:
            same_org = self._agreeing(row, self._name_org.get((row.name, row.organisation), []))
            if same_org is not None:
                return same_org, "même nom et même structure"
        only = self._only_namesake(self._name[row.name])
        if only is not None and row.agrees_with(only.keys, _IDENTIFIERS):
            return only, "même nom"
        return None

    def _agreeing(self, row: Keys, candidates: list[Target]) -> Target | None:
        for target in candidates:
            resolved = self._resolve(target)
            if row.agrees_with(resolved.keys, _IDENTIFIERS):
                return resolved
        return None

    def _only_namesake(self, namesakes: list[Target]) -> Target | None:
        """The one person of that name (a claimed person and its group are one)."""
        found: Target | None = None
        for target in namesakes:
            resolved = self._resolve(target)
            if found is not None and resolved is not found:
                return None
            found = resolved
        return found

    def _resolve(self, target: Target) -> Target:
        if isinstance(target, Existing):
            return self._claimed.get(target.person_id, target)
        return target


def _append(table: dict[_Key, list[Target]], key: _Key | None, target: Target) -> None:
    if key is not None and not any(known is target for known in table[key]):
        table[key].append(target)


def group_rows(rows: list[tuple[int, Values]], existing: list[Existing]) -> list[Group]:
    """Gather the rows (line, values) into people, in the file's order."""
    index = PeopleIndex(existing)
    groups: list[Group] = []
    for line, values in rows:
        found = index.find(Keys.of(values))
        if found is None:
            group = Group(line, dict(values))
            groups.append(group)
            index.add(group)
        elif isinstance(found[0], Existing):
            group = Group(line, dict(values), person=found[0], reason=found[1])
            groups.append(group)
            index.claim(found[0], group)
        else:
            _merge(found[0], line, values, found[1])
            found[0].keys = Keys.of(found[0].values)
            index.add(found[0])
    return groups


def _merge(group: Group, line: int, values: Values, why: str) -> None:
    """Fill the group's blanks from a later row; a different value keeps the first one."""
    added, differing = [], []
    for name, value in values.items():
        if name not in group.values:
            group.values[name] = value
            added.append(name)
        elif not same_value(name, group.values[name], value):
            differing.append(name)
    group.merged[line] = _merge_note(group.lead, why, added, differing)


def _merge_note(lead: int, why: str, added: list[str], differing: list[str]) -> str:
    note = f"même personne que la ligne {lead} ({why}), lignes fusionnées"
    if added:
        note += " ; complète : " + ", ".join(FIELD_LABELS[Field(name)] for name in added)
    if differing:
        note += (f" ; valeur différente de la ligne {lead}, non reprise : "
                 + ", ".join(FIELD_LABELS[Field(name)] for name in differing))
    return note

"""Writing members (domain.md section 2): a person with a membership.

Forms and the importer hand a :class:`MemberData`; phones are stored in E.164,
e-mails and postcodes normalised by :mod:`.identifiers`, and a membership
starts with an *actif* status event dated the day the person joined (or
today). :func:`update_member_fields` changes only the fields it is given, so
the importer can fill in or correct a few fields without touching the rest;
it also turns an existing contact into a member. :func:`add_members` and
:func:`update_members_fields` do the same for thousands of people at once.
Nothing here stores what section 2 forbids: the dataclass has no field for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from conseil_desktop.db.base import new_uuid
from conseil_desktop.db.models import (
    College,
    ContactAffiliation,
    ContactChannel,
    Designation,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
    Seat,
    Sex,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import identifiers
from conseil_desktop.services.contacts import contact_search_key

PERSON_FIELDS = (
    "last_name", "first_name", "sex", "birth_date", "email", "phone",
    "address_line1", "address_line2", "postcode", "city", "preferred_channel",
)
MEMBERSHIP_FIELDS = (
    "college", "seat", "designation", "designation_source", "organisation_id", "joined_on",
    "mandate_end_on", "parental_authorisation_on",
)
MEMBER_FIELDS = PERSON_FIELDS + MEMBERSHIP_FIELDS

MemberValue = str | date | int | None
_CHUNK = 500


@dataclass
class MemberData:
    """A member as a form or an import row gives it: blank text means none."""

    last_name: str
    first_name: str = ""
    sex: Sex | None = None
    birth_date: date | None = None
    email: str = ""
    phone: str = ""
    address_line1: str = ""
    address_line2: str = ""
    postcode: str = ""
    city: str = ""
    preferred_channel: ContactChannel = ContactChannel.POST
    college: College = College.RESIDENTS
    seat: Seat = Seat.TITULAIRE
    designation: Designation = Designation.VOLUNTEER
    designation_source: str = ""
    organisation_id: int | None = None
    joined_on: date | None = None
    mandate_end_on: date | None = None
    parental_authorisation_on: date | None = None


@dataclass(frozen=True)
class AddedMember:
    id: int
    uuid: str


def build_member(
    data: MemberData, *, today: date | None = None, organisation_name: str | None = None
) -> Person:
    """A new member, checked and normalised, not yet added to a session.

    ``organisation_name`` (of ``data.organisation_id``) goes into the search
    key; a new person has no contact role yet.
    """
    values = clean_values(_fields(data))
    person = Person(**{name: values[name] for name in PERSON_FIELDS})
    since = data.joined_on or today or date.today()
    membership = Membership(**{name: values[name] for name in MEMBERSHIP_FIELDS})
    membership.status = MemberStatus.ACTIVE
    membership.status_since = since
    membership.status_events = [
        MembershipStatusEvent(
            status=MemberStatus.ACTIVE, effective_on=since, seat=membership.seat
        )
    ]
    person.membership = membership
    person.search_key = contact_search_key(
        person.last_name, person.first_name, person.email, person.phone, [organisation_name]
    )
    return person


def create_member(session: Session, data: MemberData, *, today: date | None = None) -> int:
    """Add a member; the organisation, when given, must exist. Returns the person's id."""
    org_id = data.organisation_id
    names = _organisation_names(session, [org_id])
    name = names.get(org_id) if org_id is not None else None
    person = build_member(data, today=today, organisation_name=name)
    session.add(person)
    session.flush()
    return person.id


def add_members(
    session: Session, members: Sequence[MemberData], *, today: date | None = None
) -> list[AddedMember]:
    """Many new members at once (an import), checked like :func:`create_member`.

    Bulk INSERTs (people, memberships, status events) instead of the unit of
    work, several times faster on 10,000 members. The UUIDs are made here and
    the ids read back by UUID: SQLite's RETURNING with ordered rows would send
    the rows one at a time.
    """
    if not members:
        return []
    names = _organisation_names(session, [data.organisation_id for data in members])
    cleaned = [clean_values(_fields(data)) for data in members]
    since = [data.joined_on or today or date.today() for data in members]
    people = [{**_person_row(values, names), "uuid": new_uuid()} for values in cleaned]
    session.execute(insert(Person), people)
    person_ids = _ids_by_uuid(session, Person, [row["uuid"] for row in people])
    memberships = [
        {**{name: values[name] for name in MEMBERSHIP_FIELDS}, "person_id": person_id,
         "status": MemberStatus.ACTIVE, "status_since": day, "uuid": new_uuid()}
        for values, person_id, day in zip(cleaned, person_ids, since, strict=True)
    ]
    session.execute(insert(Membership), memberships)
    membership_ids = _ids_by_uuid(session, Membership, [row["uuid"] for row in memberships])
    session.execute(insert(MembershipStatusEvent), [
        {"membership_id": membership_id, "status": MemberStatus.ACTIVE, "effective_on": day,
         "seat": values["seat"]}
        for membership_id, values, day in zip(membership_ids, cleaned, since, strict=True)
    ])
    return [AddedMember(person_id, str(row["uuid"]))
            for person_id, row in zip(person_ids, people, strict=True)]


def _ids_by_uuid(
    session: Session, model: type[Person | Membership], uuids: Sequence[object]
) -> list[int]:
    ids: dict[str, int] = {}
    for start in range(0, len(uuids), _CHUNK):
        ids.update(session.execute(
            select(model.uuid, model.id).where(model.uuid.in_(uuids[start:start + _CHUNK]))
        ).all())
    return [ids[str(uuid)] for uuid in uuids]


def update_member(session: Session, person_id: int, data: MemberData) -> None:
    """Save the whole member form (every field, blanks included)."""
    update_member_fields(session, person_id, _fields(data))


def update_member_fields(
    session: Session, person_id: int, values: Mapping[str, MemberValue],
    *, today: date | None = None,
) -> None:
    """Change only the given fields (names of :class:`MemberData`).

    A person without a membership (a contact) becomes a member, with the
    defaults of :class:`MemberData` for the membership fields not given.
    """
    update_members_fields(session, {person_id: values}, today=today)


def update_members_fields(
    session: Session, changes: Mapping[int, Mapping[str, MemberValue]],
    *, today: date | None = None,
) -> None:
    """:func:`update_member_fields` for many people: every value is checked before
    anything changes, people are loaded in one query and flushed once."""
    unknown = {name for values in changes.values() for name in values} - set(MEMBER_FIELDS)
    if unknown:
        raise ValueError(f"Unknown member fields: {sorted(unknown)}")
    cleaned = {person_id: clean_values(values) for person_id, values in changes.items()}
    _organisation_names(session, [v.get("organisation_id") for v in cleaned.values()])
    people = load_people(session, list(changes))
    with session.no_autoflush:
        for person_id, values in cleaned.items():
            _assign(people[person_id], values, today)
    session.flush()
    refresh_search_keys(session, people.values())


def load_people(session: Session, ids: Sequence[int]) -> dict[int, Person]:
    """People (not anonymised) with their membership, by id; a missing one is an error."""
    people: dict[int, Person] = {}
    for start in range(0, len(ids), _CHUNK):
        query = (
            select(Person)
            .where(Person.id.in_(ids[start:start + _CHUNK]), Person.anonymised_at.is_(None))
            .options(selectinload(Person.membership))
        )
        people.update((person.id, person) for person in session.scalars(query))
    missing = [person_id for person_id in ids if person_id not in people]
    if missing:
        raise InvalidInputError(f"Personne introuvable (n° {missing[0]}).")
    return people


def member_values(person: Person) -> dict[str, MemberValue]:
    """The current value of every member field, as :func:`update_member_fields` takes it."""
    current: dict[str, MemberValue] = {name: getattr(person, name) for name in PERSON_FIELDS}
    membership = person.membership
    for name in MEMBERSHIP_FIELDS:
        current[name] = getattr(membership, name) if membership is not None else None
    return current


def refresh_search_keys(session: Session, people: Iterable[Person]) -> None:
    """Names, e-mail, phone, then the organisation represented and the contact roles."""
    people = list(people)
    ids = [person.id for person in people]
    roles: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(ContactAffiliation.person_id, Organisation.name, ContactAffiliation.role_title)
            .outerjoin(Organisation, Organisation.id == ContactAffiliation.organisation_id)
            .where(ContactAffiliation.person_id.in_(ids[start:start + _CHUNK]))
        )
        for person_id, org, role in rows:
            roles[person_id].append((org, role))
    represented = _organisation_names(session, [
        p.membership.organisation_id for p in people if p.membership is not None
    ])
    for person in people:
        membership = person.membership
        organisations = [org for org, _ in roles[person.id]]
        if membership is not None and membership.organisation_id is not None:
            organisations.insert(0, represented.get(membership.organisation_id))
        person.search_key = contact_search_key(
            person.last_name, person.first_name, person.email, person.phone,
            organisations, [role for _, role in roles[person.id]],
        )


def clean_values(values: Mapping[str, object]) -> dict[str, MemberValue]:
    """Check and normalise the given fields; raise InvalidInputError on the first bad one."""
    cleaned: dict[str, MemberValue] = {}
    for name, value in values.items():
        cleaner = _CLEANERS.get(name)
        cleaned[name] = cleaner(value) if cleaner else _checked(name, value)
    return cleaned


def _fields(data: MemberData) -> dict[str, MemberValue]:
    return {name: getattr(data, name) for name in MEMBER_FIELDS}


def _person_row(values: Mapping[str, MemberValue], names: Mapping[int, str]) -> dict[str, object]:
    row: dict[str, object] = {name: values[name] for name in PERSON_FIELDS}
    org_id = values["organisation_id"]
    row["search_key"] = contact_search_key(
        str(values["last_name"]), str(values["first_name"]), _str_or_none(values["email"]),
        _str_or_none(values["phone"]), [names.get(org_id) if isinstance(org_id, int) else None],
    )
    return row


def _str_or_none(value: MemberValue) -> str | None:
    return str(value) if value else None


def _assign(person: Person, values: Mapping[str, MemberValue], today: date | None) -> None:
    for name in PERSON_FIELDS:
        if name in values:
            setattr(person, name, values[name])
    membership = person.membership or _new_membership(person, values, today)
    for name in MEMBERSHIP_FIELDS:
        if name in values:
            setattr(membership, name, values[name])


def _new_membership(
    person: Person, values: Mapping[str, MemberValue], today: date | None
) -> Membership:
    given_seat, joined = values.get("seat"), values.get("joined_on")
    seat = Seat(given_seat) if isinstance(given_seat, str) else Seat.TITULAIRE
    since = joined if isinstance(joined, date) else today or date.today()
    membership = Membership(
        college=College.RESIDENTS, seat=seat, designation=Designation.VOLUNTEER,
        status=MemberStatus.ACTIVE, status_since=since,
    )
    membership.status_events = [
        MembershipStatusEvent(status=MemberStatus.ACTIVE, effective_on=since, seat=seat)
    ]
    person.membership = membership
    return membership


def _last_name(value: object) -> str:
    text = _text(value)
    if not text:
        raise InvalidInputError("Le nom de famille du membre est obligatoire.")
    return text[:120]


def _text(value: object, limit: int = 200) -> str:
    return str(value or "").strip()[:limit]


def _optional(normalise: Callable[[str], str]) -> Callable[[object], str | None]:
    def clean(value: object) -> str | None:
        text = str(value or "").strip()
        return normalise(text) if text else None

    return clean


def _postcode(value: object) -> str:
    text = str(value or "").strip()
    return identifiers.normalise_postcode(text) if text else ""


_ENUMS: dict[str, type[Sex | College | Seat | Designation | ContactChannel]] = {
    "sex": Sex, "college": College, "seat": Seat, "designation": Designation,
    "preferred_channel": ContactChannel,
}
_DATES = ("birth_date", "joined_on", "mandate_end_on", "parental_authorisation_on")


def _checked(name: str, value: object) -> MemberValue:
    """Enums, dates and the organisation id: type-checked, not transformed."""
    if name in _ENUMS:
        if value is None and name == "sex":
            return None
        try:
            return _ENUMS[name](str(value))
        except ValueError as exc:
            raise InvalidInputError(f"Valeur inconnue pour « {name} » : « {value} ».") from exc
    if name in _DATES:
        if value is not None and not isinstance(value, date):
            raise InvalidInputError(f"Date attendue pour « {name} » : « {value} ».")
        return value
    if name == "organisation_id":
        if value is not None and not isinstance(value, int):
            raise InvalidInputError(f"Organisation inconnue : « {value} ».")
        return value
    raise ValueError(f"Unknown member field: {name}")


_CLEANERS: dict[str, Callable[[object], MemberValue]] = {
    "last_name": _last_name,
    "first_name": lambda value: _text(value, 120),
    "email": _optional(identifiers.normalise_email),
    "phone": _optional(identifiers.normalise_phone),
    "address_line1": _text,
    "address_line2": _text,
    "postcode": _postcode,
    "city": lambda value: _text(value, 100),
    "designation_source": lambda value: _text(value, 120),
}


def _organisation_names(session: Session, ids: Iterable[object]) -> dict[int, str]:
    """Names of the given organisations; one that does not exist is an error."""
    wanted = sorted({org_id for org_id in ids if isinstance(org_id, int)})
    names: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        names.update(session.execute(
            select(Organisation.id, Organisation.name)
            .where(Organisation.id.in_(wanted[start:start + _CHUNK]))
        ).all())
    missing = [org_id for org_id in wanted if org_id not in names]
    if missing:
        raise InvalidInputError(
            f"Organisation introuvable (n° {missing[0]}) : elle a peut-être été supprimée."
        )
    return names

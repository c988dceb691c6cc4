"""Personal data (domain.md section 9): access, erasure, purge of departed members.

:func:`person_data` gathers everything held on one person (for an access
request); :func:`anonymise_person` erases the identity but keeps what the
statistics count: attendance rows (statuses, proxies), college, seat,
designation, membership dates and status history, under « Anonyme » « n° <id> ».
Also erased: sex (kept only for parity, which counts *active* members; with
college and dates it would help re-identify someone in a council of 15 to 50),
roles, the organisation represented, the designation list and a parental
authorisation (which reveals a minor). Free text naming the person ("Prénom
Nom", "Nom Prénom", last name as typed or in capitals) or giving their e-mail
is rewritten as « Anonyme n° <id> »; with no first name recorded, only linked
rows are: a bare last name may well be someone else's.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from sqlalchemy import String, cast, literal, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from conseil_desktop.db.models import (
    AgendaItem,
    ContactAffiliation,
    ContactChannel,
    Decision,
    Guest,
    Meeting,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Project,
    ProjectStatusEvent,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.council import get_settings
from conseil_desktop.services.personal_data import (
    _CHUNK,
    MembershipInfo,
    PersonalData,
    _load_people,
    _load_person,
    _name,
    person_data,
)

# person_data and its types stay importable from here.
__all__ = [
    "ANONYMOUS", "MembershipInfo", "PersonalData", "PurgeCandidate", "anonymise_person",
    "months_before", "person_data", "purge_departed", "purge_preview",
]

ANONYMOUS = "Anonyme"
_WORD = re.compile(r"\w+")
# Free-text columns where a person may be named in passing.
_FREE_TEXT: tuple[InstrumentedAttribute[str], ...] = (
    Decision.text, Meeting.title, Meeting.notes, AgendaItem.title, AgendaItem.summary,
    AgendaItem.documents, AgendaItem.presenter_name, Guest.name, Guest.quality,
    Project.description, Project.outcome_notes, ProjectStatusEvent.note,
    ContactAffiliation.notes, Organisation.notes,
)



@dataclass(frozen=True)
class PurgeCandidate:
    person_id: int
    last_name: str
    first_name: str
    college: str
    status: str
    status_since: date




# --- erasure ---------------------------------------------------------------------------


def anonymise_person(session: Session, person_id: int, today: date) -> bool:
    """Erase a person's identity (see the module docstring); ``False`` if already done.

    An active member is refused: record their departure first.
    """
    person = _load_person(session, person_id)
    if person.anonymised_at is not None:
        return False
    membership = person.membership
    if membership is not None and membership.status == MemberStatus.ACTIVE:
        raise InvalidInputError(
            f"{_name(person.first_name, person.last_name)} est encore membre actif : "
            "enregistrez d'abord son départ (démission, déménagement ou exclusion) "
            "avant d'anonymiser ses données."
        )
    _anonymise(session, [person], today)
    return True


def _anonymise(session: Session, people: list[Person], today: date) -> None:
    replacements: dict[str, str] = {}
    with session.no_autoflush:
        for person in people:
            replacements.update(_erase(person, today))
    session.flush()
    label = literal(f"{ANONYMOUS} n° ") + cast(Guest.person_id, String)
    ids = [person.id for person in people]
    for chunk in (ids[start:start + _CHUNK] for start in range(0, len(ids), _CHUNK)):
        session.execute(update(Guest).where(Guest.person_id.in_(chunk)).values(name=label)
                        .execution_options(synchronize_session=False))
        session.execute(update(AgendaItem).where(AgendaItem.presenter_person_id.in_(chunk))
                        .values(presenter_name="").execution_options(synchronize_session=False))
    _scrub_free_text(session, replacements)
    database = session.get_bind().engine.url.database
    if database:  # the last import's undo record holds their former details too
        from conseil_desktop.services.importing.undo_record import forget_people, on_commit

        uuids = [person.uuid for person in people]
        on_commit(session, lambda: forget_people(database, uuids))


def _erase(person: Person, today: date) -> dict[str, str]:
    """Clear the identity; return the texts (name forms, e-mail) to replace elsewhere."""
    label = f"{ANONYMOUS} n° {person.id}"  # replaces the name in free text
    replacements = dict.fromkeys(_name_forms(person.first_name, person.last_name), label)
    if person.email:
        replacements[person.email] = label
    person.last_name, person.first_name = ANONYMOUS, f"n° {person.id}"
    person.sex = person.birth_date = person.email = person.phone = None
    person.address_line1 = person.address_line2 = person.postcode = person.city = ""
    person.preferred_channel = ContactChannel.POST
    person.search_key = ""
    person.anonymised_at = datetime.combine(today, time())
    person.consents.clear()
    person.affiliations.clear()
    if person.membership is not None:
        membership = person.membership
        membership.organisation_id = None
        membership.designation_source = ""
        membership.parental_authorisation_on = None
        membership.roles.clear()
    return replacements


def _name_forms(first: str, last: str) -> list[str]:
    first, last = first.strip(), last.strip()
    if not first or not last:
        return []
    return list({f"{first} {last}", f"{last} {first}", f"{first} {last.upper()}",
                 f"{last.upper()} {first}"})


def _scrub_free_text(session: Session, replacements: dict[str, str]) -> None:
    """Rewrite every free-text value naming someone in ``replacements`` (whole words)."""
    by_word: dict[str, list[str]] = defaultdict(list)
    for old in replacements:
        if first := _WORD.match(old):
            by_word[first.group()].append(old)
    if not by_word:
        return
    for column in _FREE_TEXT:
        model = column.class_
        for row_id, value in session.execute(select(model.id, column).where(column != "")).all():
            new = value
            found = {o for word in set(_WORD.findall(value)) for o in by_word.get(word, ())}
            for old in sorted(found, key=len, reverse=True):
                # The label ("Anonyme n° 12") holds no backslash: safe as a template.
                new = _whole_words(old).sub(replacements[old], new)
            if new != value:
                session.execute(update(model).where(model.id == row_id).values({column: new}))


@lru_cache(maxsize=4096)
def _whole_words(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")


# --- purge of departed members -----------------------------------------------------------


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the month's end (31/03 -> 28/02)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def purge_preview(session: Session, today: date, months: int | None = None) -> list[PurgeCandidate]:
    """Departed members whose status dates from more than ``months`` months ago.

    ``months`` defaults to the council's ``anonymise_after_months``. A member who
    left exactly ``months`` months ago (same day) is not yet proposed.
    """
    if months is None:
        months = get_settings(session).anonymise_after_months
    if months < 0:
        raise InvalidInputError("Le délai avant anonymisation ne peut pas être négatif.")
    cutoff = months_before(today, months)
    rows = session.execute(
        select(Person.id, Person.last_name, Person.first_name, Membership.college,
               Membership.status, Membership.status_since)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.status != MemberStatus.ACTIVE, Membership.status_since < cutoff,
               Person.anonymised_at.is_(None))
        .order_by(Membership.status_since, Person.last_name, Person.first_name, Person.id))
    return [PurgeCandidate(pid, last, first, labels.COLLEGE[college],
                           labels.MEMBER_STATUS[status], since)
            for pid, last, first, college, status, since in rows if since is not None]


def purge_departed(session: Session, today: date, months: int | None = None) -> int:
    """Anonymise everyone :func:`purge_preview` proposes, in the caller's transaction."""
    candidates = purge_preview(session, today, months)
    _anonymise(session, _load_people(session, [c.person_id for c in candidates]), today)
    return len(candidates)

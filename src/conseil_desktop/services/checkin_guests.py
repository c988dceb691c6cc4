"""Walk-ins at a meeting (*invités*): people present who are not invited members.

A walk-in is typed in two fields, a name and an organisation or quality,
without creating a member. The second field names an organisation when it is
the name of one already in the base (accents and case ignored), otherwise it
is the person's quality (*habitante du quartier*, *élu*...). A guest may later
become a member: the attendance is kept as an invitation marked present.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Guest,
    Meeting,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import members
from conseil_desktop.services.meeting_snapshot import GuestEntry
from conseil_desktop.services.text import fold

NAME_LIMIT = 200


def guests(session: Session, meeting_id: int) -> list[GuestEntry]:
    query = select(Guest).where(Guest.meeting_id == meeting_id).order_by(Guest.id)
    return [_entry(g) for g in session.scalars(query)]


def add_guest(session: Session, meeting_id: int, name: str, organisation_or_quality: str = "",
              *, at: time | None = None) -> int:
    """Record a walk-in (``at``: arrival time, if noted). Returns the guest's id."""
    if session.get(Meeting, meeting_id) is None:
        raise UserError(f"La réunion n° {meeting_id} n'existe pas dans cette base.")
    guest = Guest(meeting_id=meeting_id, arrival_time=minute(at))
    _fill(session, guest, name, organisation_or_quality)
    session.add(guest)
    session.flush()
    return guest.id


def update_guest(session: Session, guest_id: int, name: str,
                 organisation_or_quality: str) -> GuestEntry:
    guest = _guest(session, guest_id)
    _fill(session, guest, name, organisation_or_quality)
    session.flush()
    return _entry(guest)


def set_guest_times(session: Session, guest_id: int, arrival: time | None,
                    departure: time | None) -> GuestEntry:
    arrival, departure = minute(arrival), minute(departure)
    if arrival is not None and departure is not None and departure < arrival:
        raise UserError("L'heure de départ de l'invité précède son heure d'arrivée.")
    guest = _guest(session, guest_id)
    guest.arrival_time, guest.departure_time = arrival, departure
    session.flush()
    return _entry(guest)


def remove_guest(session: Session, guest_id: int) -> None:
    """Forget a walk-in. A guest who became a member keeps their attendance as a member."""
    session.delete(_guest(session, guest_id))
    session.flush()


# A title typed before a walk-in's name ("Mme Françoise Lévêque") is not part of it.
_TITLES = frozenset({"m.", "mme", "mme.", "mlle", "mlle.", "mr", "mr.", "madame", "monsieur",
                     "mademoiselle", "dr", "dr.", "docteur", "pr", "pr.", "professeur"})
# Lower-case words that begin a last name (Le Goff, Ben Saïd, de La Fontaine, Da Silva).
_PARTICLES = frozenset({"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den",
                        "ben", "bin", "ibn", "el", "al", "da", "do", "dos", "das", "di", "del",
                        "della", "ter"})


def split_name(name: str) -> tuple[str, str]:
    """(first name, last name) of a name typed in one field.

    Words in capitals are the last name (``MARTIN Élodie``); otherwise the last
    word is (``Élodie Martin``), with the particles before it (``Anne Le Goff``,
    ``Mohamed Ben Saïd``). A title first (``Mme``, ``M.``, ``Dr``) is left out.
    """
    words = name.split()
    while len(words) > 1 and words[0].lower() in _TITLES:
        words = words[1:]
    if not words:
        return "", ""
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    if capitals and len(capitals) < len(words):
        return " ".join(w for w in words if w not in capitals), " ".join(capitals)
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def convert_guest_to_member(
    session: Session, guest_id: int, college: College, *, seat: Seat = Seat.TITULAIRE,
    last_name: str | None = None, first_name: str | None = None,
    organisation_id: int | None = None, today: date | None = None,
) -> int:
    """Make a guest a member, keeping their attendance at the meeting. Returns the person id.

    A guest who is a known contact becomes a member under the same person; one
    who already is a member is only linked. Names default to :func:`split_name`
    of the guest's name. The meeting gets an invitation marked present, with the
    guest's arrival and departure times (an attendance already recorded for the
    person is kept), and the guest row points to the person.
    """
    guest = _guest(session, guest_id)
    person_id = guest.person_id
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None:
        first, last = split_name(guest.name)
        data = members.MemberData(
            last_name=last if last_name is None else last_name,
            first_name=first if first_name is None else first_name,
            college=college, seat=seat, organisation_id=organisation_id, joined_on=today)
        person_id = members.create_member(session, data, today=today)
    elif person.membership is None:
        members.update_member_fields(session, person.id, {
            "college": college, "seat": seat, "organisation_id": organisation_id,
            "joined_on": today or date.today()}, today=today)
        person_id = person.id
    assert person_id is not None
    _attend(session, guest, person_id)
    guest.person_id = person_id
    session.flush()
    return person_id


def _attend(session: Session, guest: Guest, person_id: int) -> None:
    """The guest's presence as an invitation; one already recorded is left as it is."""
    attendance = session.scalar(select(Attendance).where(
        Attendance.meeting_id == guest.meeting_id, Attendance.person_id == person_id))
    if attendance is None:
        attendance = Attendance(meeting_id=guest.meeting_id, person_id=person_id)
        session.add(attendance)
    elif attendance.status is not AttendanceStatus.INVITED:
        return
    attendance.status = AttendanceStatus.PRESENT
    attendance.arrival_time = guest.arrival_time
    attendance.departure_time = guest.departure_time


def _fill(session: Session, guest: Guest, name: str, organisation_or_quality: str) -> None:
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("Le nom de l'invité est obligatoire.")
    other = " ".join((organisation_or_quality or "").split())[:NAME_LIMIT]
    organisation = _organisation_named(session, other) if other else None
    guest.name = name[:NAME_LIMIT]
    guest.organisation_name = organisation or ""
    guest.quality = "" if organisation else other


def _organisation_named(session: Session, text: str) -> str | None:
    """The base's spelling of the organisation named ``text`` (accents, case ignored)."""
    wanted = fold(text)
    candidates = session.scalars(select(Organisation.name))
    return next((found for found in candidates if fold(found) == wanted), None)


def minute(value: time | None) -> time | None:
    """Times are kept to the minute, as they are written on a sheet."""
    return None if value is None else value.replace(second=0, microsecond=0)


def _guest(session: Session, guest_id: int) -> Guest:
    guest = session.get(Guest, guest_id)
    if guest is None:
        raise UserError("Cet invité n'existe plus : rechargez l'émargement.")
    return guest


def _entry(guest: Guest) -> GuestEntry:
    return GuestEntry(guest.id, guest.name, guest.organisation_name, guest.quality,
                      guest.arrival_time, guest.departure_time, guest.person_id)

"""Creating, editing, deleting and duplicating meetings (domain.md section 3).

Rules:

* the end time must come after the start time, and needs one;
* a convocation sent later than ``notice_days`` before the meeting gives a
  warning (:func:`notice_warning`), never a refusal;
* a new plenary gets *Approbation du compte rendu précédent* as first agenda
  item, referring to the previous plenary's minutes when there is one;
* deleting a meeting that holds a record (attendance, guests, decisions, debate
  summaries, links from projects) needs ``confirmed=True``: otherwise
  :class:`ConfirmationNeeded` says what would go;
* :func:`duplicate_meeting` prepares the next meeting of a series: same type,
  place, times and convocation method, the agenda's titles and presenters, the
  same invitees (members who left since are dropped) with nothing recorded,
  and ``previous_meeting_id`` pointing back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CouncilSettings,
    Decision,
    Guest,
    Meeting,
    MeetingOfficer,
    Membership,
    MemberStatus,
    OfficerRole,
    Person,
    ProjectLink,
    VocabularyKind,
)
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import MONTHS, fmt_date, fmt_time

PLENARY = "pleniere"
APPROVAL_ITEM = "Approbation du compte rendu précédent"
TITLE_MAX, PLACE_MAX, METHOD_MAX = 200, 200, 120


class ConfirmationNeeded(UserError):
    """The action would lose recorded data: ask the user, then call again with ``confirmed=True``."""


@dataclass
class MeetingData:
    type_code: str
    title: str
    date: date | None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    convened_on: date | None = None
    convocation_method: str = ""
    notes: str = ""
    facilitator_ids: list[int] = field(default_factory=list)
    secretary_ids: list[int] = field(default_factory=list)
    cancelled: bool = False


def require_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise InvalidInputError(f"La réunion n° {meeting_id} n'existe pas dans cette base.")
    return meeting


def validate(session: Session, data: MeetingData) -> MeetingData:
    """The cleaned data, or InvalidInputError naming every problem."""
    problems: list[str] = []
    types = term_labels(session, VocabularyKind.MEETING_TYPE)
    if data.type_code not in types:
        problems.append("choisissez un type de réunion dans la liste")
    if data.date is None:
        problems.append("la date est obligatoire")
    if data.end_time is not None and data.start_time is None:
        problems.append("indiquez l'heure de début avant l'heure de fin")
    elif data.end_time is not None and data.start_time is not None \
            and data.end_time <= data.start_time:
        problems.append(f"l'heure de fin ({fmt_time(data.end_time)}) doit venir après l'heure "
                        f"de début ({fmt_time(data.start_time)})")
    title, place = data.title.strip(), data.place.strip()
    method = data.convocation_method.strip()
    for text, limit, label in ((title, TITLE_MAX, "le titre"), (place, PLACE_MAX, "le lieu"),
                               (method, METHOD_MAX, "le mode de convocation")):
        if len(text) > limit:
            problems.append(f"{label} est trop long ({limit} caractères au plus)")
    officers = [*data.facilitator_ids, *data.secretary_ids]
    if officers:
        known = set(session.scalars(select(Person.id).where(Person.id.in_(officers))))
        if set(officers) - known:
            problems.append("un animateur ou un secrétaire choisi n'existe plus")
    if problems:
        raise InvalidInputError("Réunion invalide : " + " ; ".join(problems) + ".")
    if not title and data.date is not None:
        title = f"{types[data.type_code]} du {fmt_date(data.date)}"
    return MeetingData(
        data.type_code, title, data.date, data.start_time, data.end_time, place,
        data.convened_on, method, data.notes.strip("\n "),
        list(dict.fromkeys(data.facilitator_ids)), list(dict.fromkeys(data.secretary_ids)),
        bool(data.cancelled))


def notice_warning(session: Session, data: MeetingData) -> str | None:
    """French text when the convocation leaves less notice than the council's rule."""
    if data.convened_on is None or data.date is None:
        return None
    if data.convened_on > data.date:
        return (f"La convocation ({fmt_date(data.convened_on)}) est datée après la réunion "
                f"({fmt_date(data.date)}).")
    notice_days = session.scalar(
        select(CouncilSettings.notice_days).order_by(CouncilSettings.id).limit(1))
    notice_days = 21 if notice_days is None else notice_days
    given = (data.date - data.convened_on).days
    if given >= notice_days:
        return None
    days = "jour" if given <= 1 else "jours"
    return (f"Convocation envoyée {given} {days} avant la réunion : le règlement prévoit "
            f"au moins {notice_days} jours.")


def create_meeting(session: Session, data: MeetingData, *, propose_first_item: bool = True) -> int:
    clean = validate(session, data)
    meeting = Meeting()
    _assign(meeting, clean)
    session.add(meeting)
    session.flush()
    _set_officers(session, meeting.id, clean)
    if propose_first_item and clean.type_code == PLENARY:
        session.add(AgendaItem(meeting_id=meeting.id, position=1, title=APPROVAL_ITEM,
                               documents=_previous_minutes(session, meeting)))
    session.flush()
    return meeting.id


def update_meeting(session: Session, meeting_id: int, data: MeetingData) -> None:
    meeting = require_meeting(session, meeting_id)
    clean = validate(session, data)
    _assign(meeting, clean)
    session.execute(delete(MeetingOfficer).where(MeetingOfficer.meeting_id == meeting_id))
    session.flush()
    _set_officers(session, meeting_id, clean)
    session.flush()


def get_meeting(session: Session, meeting_id: int) -> MeetingData:
    m = require_meeting(session, meeting_id)
    officers = session.execute(
        select(MeetingOfficer.person_id, MeetingOfficer.role)
        .where(MeetingOfficer.meeting_id == meeting_id).order_by(MeetingOfficer.id)).all()
    return MeetingData(
        m.type_code, m.title, m.date, m.start_time, m.end_time, m.place, m.convened_on,
        m.convocation_method, m.notes,
        [pid for pid, role in officers if role is OfficerRole.FACILITATOR],
        [pid for pid, role in officers if role is OfficerRole.SECRETARY], m.cancelled)


def delete_warning(session: Session, meeting_id: int) -> str | None:
    """What deleting the meeting would lose, in French; None when nothing was recorded
    (attendance, guests, decisions, debate summaries, links from projects)."""
    meeting = require_meeting(session, meeting_id)

    def count(model: type[Attendance | Guest | Decision | AgendaItem], *where: object) -> int:
        return session.scalar(select(func.count()).select_from(model).where(
            model.meeting_id == meeting_id, *where)) or 0  # type: ignore[arg-type]

    recorded = count(Attendance, Attendance.status != AttendanceStatus.INVITED)
    guests, decisions = count(Guest), count(Decision)
    summaries = count(AgendaItem, AgendaItem.summary != "")
    projects = session.scalar(select(func.count(func.distinct(ProjectLink.project_id))).where(
        ProjectLink.meeting_id == meeting_id)) or 0
    parts = [_plural(number, one, many) for number, one, many in (
        (recorded, "présence ou absence enregistrée", "présences ou absences enregistrées"),
        (guests, "invité extérieur", "invités extérieurs"),
        (decisions, "décision", "décisions"),
        (summaries, "compte rendu de débat", "comptes rendus de débats"),
        (projects, "projet qui la cite", "projets qui la citent"),
    ) if number]
    if not parts:
        return None
    erased = ["son émargement", "son ordre du jour", "ses décisions"]
    erased += ["ses liens aux projets"] if projects else []
    return (f"La réunion « {meeting.title} » du {fmt_date(meeting.date)} a {_listed(parts)}. "
            f"La supprimer efface aussi {_listed(erased)}.")


def _plural(number: int, one: str, many: str) -> str:
    return f"{number} {one if number <= 1 else many}"


def _listed(parts: list[str]) -> str:
    """``a``, ``a et b``, ``a, b et c``."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


def delete_meeting(session: Session, meeting_id: int, *, confirmed: bool) -> None:
    warning = delete_warning(session, meeting_id)
    if warning and not confirmed:
        raise ConfirmationNeeded(warning)
    # Attendance, guests, officers, agenda and decisions go with it (ON DELETE CASCADE);
    # a later meeting of the series keeps existing (previous_meeting_id SET NULL).
    session.execute(delete(Meeting).where(Meeting.id == meeting_id))
    session.expire_all()


def duplicate_meeting(session: Session, meeting_id: int, new_date: date) -> int:
    source = require_meeting(session, meeting_id)
    if new_date is None:
        raise InvalidInputError("Indiquez la date de la nouvelle réunion.")
    copy = Meeting(
        type_code=source.type_code, title=retitle(source.title, source.date, new_date),
        date=new_date, start_time=source.start_time, end_time=source.end_time,
        place=source.place, convocation_method=source.convocation_method,
        previous_meeting_id=source.id)
    session.add(copy)
    session.flush()
    for item in source.agenda_items:
        session.add(AgendaItem(
            meeting_id=copy.id, position=item.position, title=item.title,
            presenter_person_id=item.presenter_person_id, presenter_name=item.presenter_name,
            documents=_previous_minutes(session, copy) if item.title == APPROVAL_ITEM else ""))
    invitees = select(Attendance.person_id).outerjoin(
        Membership, Membership.person_id == Attendance.person_id).join(
        Person, Person.id == Attendance.person_id).where(
        Attendance.meeting_id == meeting_id, Person.anonymised_at.is_(None),
        (Membership.id.is_(None)) | (Membership.status == MemberStatus.ACTIVE))
    session.add_all(Attendance(meeting_id=copy.id, person_id=pid)
                    for pid in session.scalars(invitees))
    session.flush()
    return copy.id


def retitle(title: str, old: date, new: date) -> str:
    """The title with the old date (``12/10/2026``, ``d'octobre 2026``) replaced by the new one."""
    title = title.replace(fmt_date(old), fmt_date(new))
    month = f"{MONTHS[new.month - 1]} {new.year}"
    elided = month[0] in "aeiouéèêâîôûh"

    def replace(found: re.Match[str]) -> str:
        if found.group(1) is None:
            return month
        keep_case = found.group(1)[0]  # "d" or "D"
        return f"{keep_case}'{month}" if elided else f"{keep_case}e {month}"

    pattern = rf"\b(d'|de |d’)?{MONTHS[old.month - 1]} {old.year}\b"
    title = re.sub(pattern, replace, title, flags=re.IGNORECASE)
    if old.year != new.year:  # "Préparation du COPIL (2026)"
        title = title.replace(f"({old.year})", f"({new.year})")
    return title


def _assign(meeting: Meeting, data: MeetingData) -> None:
    for name in ("type_code", "title", "date", "start_time", "end_time", "place",
                 "convened_on", "convocation_method", "notes", "cancelled"):
        setattr(meeting, name, getattr(data, name))


def _set_officers(session: Session, meeting_id: int, data: MeetingData) -> None:
    session.add_all(
        [MeetingOfficer(meeting_id=meeting_id, person_id=pid, role=OfficerRole.FACILITATOR)
         for pid in data.facilitator_ids]
        + [MeetingOfficer(meeting_id=meeting_id, person_id=pid, role=OfficerRole.SECRETARY)
           for pid in data.secretary_ids])


def _previous_minutes(session: Session, meeting: Meeting) -> str:
    """``Compte rendu du 12/10/2026``: the plenary before this one, if any."""
    previous = session.scalar(
        select(Meeting.date).where(Meeting.type_code == PLENARY, Meeting.id != meeting.id,
                                   Meeting.date < meeting.date, Meeting.cancelled.is_(False))
        .order_by(Meeting.date.desc()).limit(1))
    return f"Compte rendu du {fmt_date(previous)}" if previous else ""

"""Check-in during a meeting (*émargement*, domain.md section 4): statuses, times, proxies.

Every function changes one invitation in the caller's transaction and returns
its new :class:`AttendanceState`, which the check-in screen applies to the row
it already shows instead of reading the whole meeting again.

Proxies (*pouvoirs*): a member marked *représenté* gave a proxy to another
invitee of the same meeting. Nobody holds their own proxy, and there are no
chains: a member who gave a proxy cannot hold one, and a member who holds one
cannot give theirs. A holder may carry at most the council's maximum
(``max_proxies_per_holder``, default 1); going over it needs an explicit
confirmation and is recorded as an exception on the attendance. A holder who
is not marked present is only flagged (:func:`proxy_warnings`): a paper sheet
may be typed in any order.

Walk-ins (*invités*) are in :mod:`.checkin_guests`, and importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from conseil_desktop.db.base import utcnow
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    CouncilSettings,
    Meeting,
    Person,
    VocabularyKind,
)
from conseil_desktop.errors import UserError
from conseil_desktop.services.checkin_guests import (  # noqa: F401 (the check-in API)
    add_guest,
    convert_guest_to_member,
    guests,
    minute,
    remove_guest,
    set_guest_times,
    split_name,
    update_guest,
)
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_time
from conseil_desktop.services.meeting_snapshot import (
    GuestEntry,
    InviteeRow,
    display_name,
    invitee_rows,
)
from conseil_desktop.services.quorum import QuorumPolicy, quorum_policy

DEFAULT_MAX_PROXIES = 1


class ProxyLimitExceeded(UserError):
    """The holder would carry more proxies than the council allows."""

    def __init__(self, message: str, *, holder_name: str, carried: int, limit: int) -> None:
        super().__init__(message)
        self.holder_name = holder_name
        self.carried = carried  # proxies the holder would carry, this one included
        self.limit = limit


@dataclass(frozen=True)
class AttendanceState:
    """What the check-in screen shows of one invitation, after a change."""

    attendance_id: int
    status: AttendanceStatus
    proxy_holder_id: int | None
    proxy_holder_name: str
    proxy_exception: bool
    arrival_time: time | None
    departure_time: time | None


@dataclass(frozen=True)
class ProxyOutcome:
    state: AttendanceState
    carried: int  # proxies the holder now carries, this one included
    limit: int
    holder_status: AttendanceStatus

    @property
    def exception(self) -> bool:
        return self.state.proxy_exception

    @property
    def holder_present(self) -> bool:
        return self.holder_status is AttendanceStatus.PRESENT

    def warning(self) -> str | None:
        """A French sentence when the holder is not (yet) marked present."""
        if self.holder_present:
            return None
        return (f"{self.state.proxy_holder_name} porte ce pouvoir mais n'est pas "
                "marqué(e) présent(e).")


@dataclass(frozen=True)
class CheckinData:
    """Everything the check-in screen shows, read once when it opens."""

    meeting_id: int
    title: str
    type_label: str
    date: date
    start_time: time | None
    place: str
    cancelled: bool
    invitees: list[InviteeRow]  # numbered as on the printed sheets
    guests: list[GuestEntry]
    policy: QuorumPolicy
    max_proxies: int


def load_checkin(session: Session, meeting_id: int) -> CheckinData:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(f"La réunion n° {meeting_id} n'existe pas dans cette base.")
    type_label = term_labels(session, VocabularyKind.MEETING_TYPE).get(
        meeting.type_code, meeting.type_code)
    return CheckinData(
        meeting.id, meeting.title, type_label, meeting.date, meeting.start_time, meeting.place,
        meeting.cancelled, invitee_rows(session, meeting_id), guests(session, meeting_id),
        quorum_policy(session, meeting.type_code, on=meeting.date), max_proxies(session))


def max_proxies(session: Session) -> int:
    value = session.scalar(
        select(CouncilSettings.max_proxies_per_holder).order_by(CouncilSettings.id).limit(1))
    return DEFAULT_MAX_PROXIES if value is None else max(int(value), 0)


# -- statuses and times -------------------------------------------------------------


def set_status(session: Session, attendance_id: int, status: AttendanceStatus, *,
               at: time | None = None) -> AttendanceState:
    """Mark an invitee *présent*, *excusé*, *absent* or not recorded (``INVITED``).

    ``at`` is the arrival time of someone marked present (a late arrival).
    Any proxy the invitee gave is withdrawn. Times only make sense for someone
    present: they are cleared for the other statuses. *Représenté* goes through
    :func:`give_proxy`, which needs the holder.
    """
    if status is AttendanceStatus.REPRESENTED:
        raise UserError("Pour marquer un membre représenté, choisissez qui porte son pouvoir.")
    attendance = _attendance(session, attendance_id)
    attendance.status = status
    attendance.proxy_holder_id = None
    attendance.proxy_exception = False
    if status is AttendanceStatus.PRESENT:
        if at is not None:
            _check_times(session, attendance, minute(at), attendance.departure_time)
            attendance.arrival_time = minute(at)
    else:
        attendance.arrival_time = attendance.departure_time = None
    session.flush()
    return _state(attendance, "")


def mark_unrecorded_absent(session: Session, meeting_id: int) -> int:
    """At the end of the meeting: every invitee still not recorded is *absent*. Returns
    how many were marked."""
    result = session.execute(
        update(Attendance)
        .where(Attendance.meeting_id == meeting_id,
               Attendance.status == AttendanceStatus.INVITED)
        .values(status=AttendanceStatus.ABSENT, updated_at=utcnow())
        .execution_options(synchronize_session=False))
    session.expire_all()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def set_arrival(session: Session, attendance_id: int, at: time | None) -> AttendanceState:
    """Note when someone arrived (they are then present); ``None`` forgets the time."""
    attendance = _attendance(session, attendance_id)
    if at is None:
        attendance.arrival_time = None
        session.flush()
        return _state(attendance, _holder_name(session, attendance.proxy_holder_id))
    _check_times(session, attendance, minute(at), attendance.departure_time)
    attendance.status = AttendanceStatus.PRESENT
    attendance.proxy_holder_id = None
    attendance.proxy_exception = False
    attendance.arrival_time = minute(at)
    session.flush()
    return _state(attendance, "")


def set_departure(session: Session, attendance_id: int, at: time | None) -> AttendanceState:
    """Note when someone present left before the end; ``None`` forgets the time."""
    attendance = _attendance(session, attendance_id)
    if at is not None:
        if attendance.status is not AttendanceStatus.PRESENT:
            name = _person_name(session, attendance.person_id)
            raise UserError(
                f"{name} n'est pas marqué(e) présent(e) : marquez d'abord son arrivée.")
        _check_times(session, attendance, attendance.arrival_time, minute(at))
    attendance.departure_time = minute(at)
    session.flush()
    return _state(attendance, _holder_name(session, attendance.proxy_holder_id))


def _check_times(session: Session, attendance: Attendance, arrival: time | None,
                 departure: time | None) -> None:
    if arrival is not None and departure is not None and departure < arrival:
        name = _person_name(session, attendance.person_id)
        raise UserError(f"L'heure de départ de {name} ({fmt_time(departure)}) précède son "
                        f"heure d'arrivée ({fmt_time(arrival)}).")


# -- proxies -----------------------------------------------------------------------


def give_proxy(session: Session, attendance_id: int, holder_person_id: int, *,
               allow_exception: bool = False) -> ProxyOutcome:
    """Mark an invitee *représenté* by ``holder_person_id``, another invitee of the meeting.

    Raises :class:`UserError` for a proxy to oneself or a chain (either way),
    and :class:`ProxyLimitExceeded` when the holder would carry more than the
    council's maximum, unless ``allow_exception``: the proxy is then recorded
    with ``proxy_exception`` set.
    """
    giver = _attendance(session, attendance_id)
    giver_name = _person_name(session, giver.person_id)
    if holder_person_id == giver.person_id:
        raise UserError(f"{giver_name} ne peut pas porter son propre pouvoir : "
                        "choisissez un autre membre.")
    holder = session.scalar(select(Attendance).where(
        Attendance.meeting_id == giver.meeting_id, Attendance.person_id == holder_person_id))
    holder_name = _person_name(session, holder_person_id)
    if holder is None:
        raise UserError(f"{holder_name} n'est pas invité à cette réunion : seul un invité "
                        "peut porter un pouvoir.")
    _refuse_chain(session, giver, giver_name, holder, holder_name)
    limit = max_proxies(session)
    carried = 1 + int(session.scalar(
        select(func.count()).select_from(Attendance).where(
            Attendance.meeting_id == giver.meeting_id,
            Attendance.proxy_holder_id == holder_person_id,
            Attendance.status == AttendanceStatus.REPRESENTED,
            Attendance.id != giver.id)) or 0)
    over = carried > limit
    if over and not allow_exception:
        raise ProxyLimitExceeded(
            f"{holder_name} porte déjà {_proxies(carried - 1)} : le règlement en autorise "
            f"au plus {limit} par personne.", holder_name=holder_name, carried=carried,
            limit=limit)
    giver.status = AttendanceStatus.REPRESENTED
    giver.proxy_holder_id = holder_person_id
    giver.proxy_exception = over
    giver.arrival_time = giver.departure_time = None
    session.flush()
    return ProxyOutcome(_state(giver, holder_name), carried, limit, holder.status)


def clear_proxy(session: Session, attendance_id: int) -> AttendanceState:
    """Withdraw a proxy: the invitee's attendance is no longer recorded."""
    return set_status(session, attendance_id, AttendanceStatus.INVITED)


def _refuse_chain(session: Session, giver: Attendance, giver_name: str, holder: Attendance,
                  holder_name: str) -> None:
    if holder.status is AttendanceStatus.REPRESENTED and holder.proxy_holder_id is not None:
        third = _person_name(session, holder.proxy_holder_id)
        raise UserError(f"{holder_name} a lui-même donné pouvoir à {third} : un pouvoir ne "
                        "peut pas être transmis (pas de chaîne de pouvoirs).")
    carried_for = session.scalars(select(Attendance.person_id).where(
        Attendance.meeting_id == giver.meeting_id, Attendance.proxy_holder_id == giver.person_id,
        Attendance.status == AttendanceStatus.REPRESENTED).limit(1)).first()
    if carried_for is not None:
        other = _person_name(session, carried_for)
        raise UserError(f"{giver_name} porte déjà le pouvoir de {other} et ne peut pas donner "
                        "le sien (pas de chaîne de pouvoirs). Retirez d'abord ce pouvoir.")


def _proxies(count: int) -> str:
    return f"{count} pouvoir" if count <= 1 else f"{count} pouvoirs"


# -- warnings computed from the rows on screen ------------------------------------------


def proxies_carried(rows: Iterable[InviteeRow]) -> dict[int, list[InviteeRow]]:
    """The invitees represented by each holder (person id)."""
    carried: dict[int, list[InviteeRow]] = {}
    for row in rows:
        if row.status is AttendanceStatus.REPRESENTED and row.proxy_holder_id is not None:
            carried.setdefault(row.proxy_holder_id, []).append(row)
    return carried


def absent_holders(rows: Sequence[InviteeRow]) -> set[int]:
    """Holders (person ids) carrying a proxy while not marked present."""
    present = {r.person_id for r in rows if r.status is AttendanceStatus.PRESENT}
    return {holder for holder in proxies_carried(rows) if holder not in present}


def proxy_warnings(rows: Sequence[InviteeRow], limit: int | None = None) -> list[str]:
    """French sentences about the proxies: holders not present, and confirmed exceptions."""
    by_person = {r.person_id: r for r in rows}
    warnings = []
    for holder_id, given in proxies_carried(rows).items():
        holder = by_person.get(holder_id)
        name = holder.display_name if holder else given[0].proxy_holder_name
        givers = ", ".join(r.display_name for r in given)
        what = "le pouvoir" if len(given) == 1 else "les pouvoirs"
        if holder is None or holder.status is not AttendanceStatus.PRESENT:
            warnings.append(
                f"{name} porte {what} de {givers} mais n'est pas marqué(e) présent(e).")
        if limit is not None and len(given) > limit:
            warnings.append(f"{name} porte {len(given)} pouvoirs, au-delà du maximum de "
                            f"{limit} (exception confirmée).")
    return warnings


# -- helpers ---------------------------------------------------------------------------


def _attendance(session: Session, attendance_id: int) -> Attendance:
    attendance = session.get(Attendance, attendance_id)
    if attendance is None:
        raise UserError("Cette invitation n'existe plus : la liste a peut-être été modifiée "
                        "ailleurs. Rechargez l'émargement.")
    return attendance


def _person_name(session: Session, person_id: int) -> str:
    row = session.execute(
        select(Person.first_name, Person.last_name).where(Person.id == person_id)).first()
    if row is None:
        raise UserError(f"Personne introuvable (n° {person_id}).")
    return display_name(row[0] or "", row[1])


def _holder_name(session: Session, holder_id: int | None) -> str:
    return "" if holder_id is None else _person_name(session, holder_id)


def _state(attendance: Attendance, holder_name: str) -> AttendanceState:
    return AttendanceState(
        attendance.id, attendance.status, attendance.proxy_holder_id, holder_name,
        bool(attendance.proxy_exception), attendance.arrival_time, attendance.departure_time)

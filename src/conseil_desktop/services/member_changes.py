"""What happens to a member over time (domain.md section 2): status changes
kept as a dated history, a suppléant promoted to titulaire, consents with
their date and source (roles with their dates: :mod:`.member_roles`).

Plain functions on a Session, no Qt. :func:`member_detail` gives the member
form everything it shows; :func:`save_member_form` writes the whole form in
the caller's transaction (the base fields through :mod:`.members`, then the
status changes, the promotion, the roles and the consents), so that one
refused change leaves nothing written.

The database keeps one consent per person and kind (the current answer, with
its date and source): recording a different answer replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from conseil_desktop.db.models import (
    ConsentKind,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Person,
    Seat,
    VocabularyKind,
)
from conseil_desktop.db.models.people import Consent
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.council import term_labels
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.member_checks import check_member, unchanged_fields
from conseil_desktop.services.member_roles import RoleData, end_open_roles, set_roles
from conseil_desktop.services.members import (
    MEMBER_FIELDS,
    MemberData,
    create_member,
    load_people,
    member_values,
    update_member_fields,
)

SOURCE_MAX = 120
_OPTIONAL = {"sex", "birth_date", "organisation_id", "joined_on", "mandate_end_on",
             "parental_authorisation_on"}


@dataclass(frozen=True)
class StatusEventRow:
    effective_on: date
    status: MemberStatus
    seat: Seat | None

    @property
    def status_label(self) -> str:
        return labels.MEMBER_STATUS[self.status]

    @property
    def seat_label(self) -> str:
        return labels.SEAT[self.seat] if self.seat is not None else ""


@dataclass(frozen=True)
class ConsentData:
    kind: ConsentKind
    granted: bool
    recorded_on: date
    source: str = ""


@dataclass(frozen=True)
class MemberDetail:
    person_id: int
    data: MemberData
    organisation_name: str
    is_member: bool
    status: MemberStatus
    status_since: date | None
    history: list[StatusEventRow]
    roles: list[RoleData]
    role_labels: dict[str, str]
    consents: dict[ConsentKind, ConsentData]


@dataclass(frozen=True)
class StatusChange:
    """A change made in the form: a new status, or (``status`` None) a promotion."""

    effective_on: date
    status: MemberStatus | None = None

    @property
    def is_promotion(self) -> bool:
        return self.status is None


@dataclass
class MemberForm:
    """The whole member form: base fields and the changes made in the dialog."""

    data: MemberData
    changes: list[StatusChange] = field(default_factory=list)  # applied in this order
    roles: list[RoleData] | None = None  # None: leave the roles as they are
    consents: list[ConsentData] = field(default_factory=list)


# -- reading ------------------------------------------------------------------------------


def member_detail(session: Session, person_id: int) -> MemberDetail:
    person = _person(session, person_id)
    membership = person.membership
    data = _stored_data(person)
    organisation = membership.organisation if membership is not None else None
    history = [StatusEventRow(e.effective_on, e.status, e.seat)
               for e in _events(membership)] if membership is not None else []
    roles = sorted((RoleData(r.role_code, r.started_on, r.ended_on, r.id)
                    for r in (membership.roles if membership is not None else [])),
                   key=lambda r: (r.ended_on is not None, r.started_on or date.min, r.id or 0))
    return MemberDetail(
        person_id=person.id, data=data,
        organisation_name=organisation.name if organisation is not None else "",
        is_member=membership is not None,
        status=membership.status if membership is not None else MemberStatus.ACTIVE,
        status_since=membership.status_since if membership is not None else None,
        history=history, roles=roles,
        role_labels=term_labels(session, VocabularyKind.ROLE),
        consents={c.kind: ConsentData(c.kind, c.granted, c.recorded_on, c.source)
                  for c in person.consents},
    )


# -- the whole form ---------------------------------------------------------------------------


def save_member_form(session: Session, person_id: int | None, form: MemberForm,
                     *, today: date | None = None) -> int:
    """Write the form; InvalidInputError (nothing kept once the caller rolls back) on a
    problem. Returns the person's id."""
    today = today or date.today()
    stored = _stored_data(_person(session, person_id)) if person_id is not None else None
    check_member(form.data, today=today, stored=stored)
    if person_id is None:
        person_id = create_member(session, form.data, today=today)
    else:  # an e-mail, phone or postcode left as stored is left alone, even if now refused
        kept = unchanged_fields(form.data, stored)
        membership = _person(session, person_id).membership
        if membership is not None:  # the seat changes below, checked
            kept.add("seat")
        update_member_fields(session, person_id, {
            name: getattr(form.data, name) for name in MEMBER_FIELDS if name not in kept},
            today=today)
        if membership is not None and form.data.seat != membership.seat:
            correct_seat(membership, form.data.seat)
        if stored is not None and form.data.joined_on != stored.joined_on:
            follow_joining_date(_membership(session, person_id), form.data.joined_on)
    if form.roles is not None:  # before a departure below, which ends the open ones
        set_roles(session, person_id, form.roles)
    for change in form.changes:
        if change.status is None:
            promote_to_titulaire(session, person_id, change.effective_on, today=today)
        else:
            change_status(session, person_id, change.status, change.effective_on, today=today)
    for consent in form.consents:
        record_consent(session, person_id, consent.kind, consent.granted,
                       consent.recorded_on, consent.source, today=today)
    session.flush()
    return person_id


# -- status and seat ----------------------------------------------------------------------------


def change_status(session: Session, person_id: int, status: MemberStatus, effective_on: date,
                  *, today: date | None = None) -> None:
    """A new status from ``effective_on``, added to the history."""
    membership = _membership(session, person_id)
    status = MemberStatus(status)
    problem = status_change_problem(membership.status, _last_change(membership), status,
                                    effective_on, today or date.today())
    if problem:
        raise InvalidInputError(problem)
    membership.status_events.append(
        MembershipStatusEvent(status=status, effective_on=effective_on, seat=membership.seat))
    membership.status = status
    membership.status_since = effective_on
    if status != MemberStatus.ACTIVE:
        end_open_roles(membership, effective_on)
    session.flush()


def promote_to_titulaire(session: Session, person_id: int, effective_on: date,
                         *, today: date | None = None) -> None:
    """A suppléant becomes titulaire; the history records the seat change."""
    membership = _membership(session, person_id)
    problem = promotion_problem(membership.seat, membership.status, _last_change(membership),
                                effective_on, today or date.today())
    if problem:
        raise InvalidInputError(problem)
    membership.status_events.append(MembershipStatusEvent(
        status=membership.status, effective_on=effective_on, seat=Seat.TITULAIRE))
    membership.seat = Seat.TITULAIRE
    session.flush()


def correct_seat(membership: Membership, seat: Seat) -> None:
    """A seat entered wrongly, corrected while the history holds only the joining
    (the joining entry says it too); after that a seat changes by a dated promotion."""
    events = _events(membership)
    if len(events) > 1:
        raise InvalidInputError(
            "Le siège ne peut plus être corrigé : l'historique du statut a déjà changé. Pour "
            "un suppléant qui devient titulaire, utilisez « Passer titulaire ».")
    membership.seat = Seat(seat)
    for event in events:
        event.seat = membership.seat


def follow_joining_date(membership: Membership, joined_on: date | None) -> None:
    """A corrected joining date moves the history's first entry (the joining: *actif*),
    so that later changes can be dated after it; never past the next entry."""
    events = _events(membership)
    if joined_on is None or not events or events[0].status != MemberStatus.ACTIVE:
        return
    if len(events) > 1 and joined_on > events[1].effective_on:
        return
    events[0].effective_on = joined_on
    if len(events) == 1:
        membership.status_since = joined_on


def status_change_problem(current: MemberStatus, last_change: date | None,
                          status: MemberStatus, effective_on: date | None,
                          today: date) -> str | None:
    """Why this status change cannot be recorded (French), or None."""
    if status == current:
        return f"Le statut est déjà « {labels.MEMBER_STATUS[status]} » : rien à changer."
    return _event_date_problem(last_change, effective_on, today)


def promotion_problem(seat: Seat, status: MemberStatus, last_change: date | None,
                      effective_on: date | None, today: date) -> str | None:
    """Why this member cannot become titulaire on ``effective_on`` (French), or None."""
    if seat != Seat.SUPPLEANT:
        return "Ce membre est déjà titulaire : seul un suppléant peut passer titulaire."
    if status != MemberStatus.ACTIVE:
        return (f"Ce suppléant n'est pas actif (« {labels.MEMBER_STATUS[status]} ») : "
                "il ne peut pas passer titulaire.")
    return _event_date_problem(last_change, effective_on, today)


def _event_date_problem(last_change: date | None, effective_on: date | None,
                        today: date) -> str | None:
    if not isinstance(effective_on, date):
        return "Indiquez la date d'effet du changement (jj/mm/aaaa)."
    if effective_on > today:
        return (f"La date d'effet ({fmt_date(effective_on)}) est dans le futur : enregistrez "
                "le changement le jour où il prend effet.")
    if last_change is not None and effective_on < last_change:
        return (f"La date d'effet ({fmt_date(effective_on)}) précède le dernier changement "
                f"enregistré ({fmt_date(last_change)}).")
    return None


def _last_change(membership: Membership) -> date | None:
    events = _events(membership)
    return events[-1].effective_on if events else None


def _events(membership: Membership) -> list[MembershipStatusEvent]:
    return sorted(membership.status_events, key=lambda e: (e.effective_on, e.id or 1 << 62))


# -- consents ------------------------------------------------------------------------------------


def record_consent(session: Session, person_id: int, kind: ConsentKind, granted: bool,
                   recorded_on: date, source: str = "", *, today: date | None = None) -> bool:
    """Record the person's answer; False when it is the one already recorded."""
    kind = ConsentKind(kind)
    if not isinstance(recorded_on, date):
        raise InvalidInputError(
            f"{labels.CONSENT[kind]} : indiquez la date du consentement (jj/mm/aaaa).")
    if recorded_on > (today or date.today()):
        raise InvalidInputError(
            f"{labels.CONSENT[kind]} : la date ({fmt_date(recorded_on)}) est dans le futur.")
    source = (source or "").strip()
    if len(source) > SOURCE_MAX:
        raise InvalidInputError(
            f"{labels.CONSENT[kind]} : la source dépasse {SOURCE_MAX} caractères.")
    person = _person(session, person_id)
    current = next((c for c in person.consents if c.kind == kind), None)
    if current is None:
        person.consents.append(Consent(kind=kind, granted=bool(granted),
                                       recorded_on=recorded_on, source=source))
    elif (current.granted, current.recorded_on, current.source) == (granted, recorded_on, source):
        return False
    else:
        current.granted, current.recorded_on, current.source = bool(granted), recorded_on, source
    session.flush()
    return True


# -- loading ----------------------------------------------------------------------------------------


def _stored_data(person: Person) -> MemberData:
    """The person's member fields as saved (a contact: the membership's defaults)."""
    values = member_values(person)
    values["email"], values["phone"] = values["email"] or "", values["phone"] or ""
    return MemberData(**{name: value for name, value in values.items()  # type: ignore[arg-type]
                         if value is not None or name in _OPTIONAL})


def _person(session: Session, person_id: int) -> Person:
    person = load_people(session, [person_id])[person_id]
    session.scalars(  # the rest of the card in one go
        select(Person).where(Person.id == person_id).options(
            selectinload(Person.consents),
            selectinload(Person.membership).selectinload(Membership.status_events),
            selectinload(Person.membership).selectinload(Membership.roles),
            selectinload(Person.membership).selectinload(Membership.organisation),
        )).all()
    return person


def _membership(session: Session, person_id: int) -> Membership:
    membership = _person(session, person_id).membership
    if membership is None:
        raise InvalidInputError("Cette personne n'est pas membre du conseil.")
    return membership

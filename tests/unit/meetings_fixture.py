"""Small builders for the meetings service tests (members, meetings, attendance)."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Meeting,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.services.meetings import MeetingData
from conseil_desktop.services.text import person_search_key

P, R, E, A, I = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED,
                 AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT, AttendanceStatus.INVITED)
TODAY = date(2026, 11, 25)


def member(session: Session, last: str, first: str = "", *, seat: Seat = Seat.TITULAIRE,
           status: MemberStatus = MemberStatus.ACTIVE, college: College = College.RESIDENTS,
           organisation: Organisation | None = None) -> int:
    person = Person(last_name=last, first_name=first,
                    search_key=person_search_key(last, first))
    session.add(person)
    session.flush()
    session.add(Membership(person_id=person.id, college=college, seat=seat, status=status,
                           organisation_id=organisation.id if organisation else None))
    session.flush()
    return person.id


def contact(session: Session, last: str, first: str = "") -> int:
    person = Person(last_name=last, first_name=first,
                    search_key=person_search_key(last, first))
    session.add(person)
    session.flush()
    return person.id


def meeting(session: Session, day: date, *, type_code: str = "bureau", title: str = "",
            start: time | None = time(18, 30), cancelled: bool = False,
            place: str = "Maison de quartier") -> int:
    row = Meeting(type_code=type_code, title=title or f"{type_code} {day}", date=day,
                  start_time=start, place=place, cancelled=cancelled)
    session.add(row)
    session.flush()
    return row.id


def attend(session: Session, meeting_id: int, person_id: int,
           status: AttendanceStatus = I, holder: int | None = None) -> int:
    row = Attendance(meeting_id=meeting_id, person_id=person_id, status=status,
                     proxy_holder_id=holder)
    session.add(row)
    session.flush()
    return row.id


def statuses(session: Session, meeting_id: int) -> dict[int, AttendanceStatus]:
    return dict(session.execute(select(Attendance.person_id, Attendance.status).where(
        Attendance.meeting_id == meeting_id)).all())


def settings(session: Session) -> CouncilSettings:
    return session.scalars(select(CouncilSettings)).one()


def data(day: date = date(2026, 12, 15), **changes: object) -> MeetingData:
    values: dict[str, object] = {
        "type_code": "bureau", "title": "Bureau de décembre", "date": day,
        "start_time": time(18, 30), "end_time": time(20, 0), "place": "Centre social",
        "convened_on": None, "convocation_method": "courriel", "notes": ""}
    values.update(changes)
    return MeetingData(**values)  # type: ignore[arg-type]

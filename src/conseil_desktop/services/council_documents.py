"""What the council-wide documents of the *Exporter* menu are made of.

Three documents cover the whole council rather than one meeting: the calendar
of every meeting (.ics), the register of every open action (PDF or xlsx) and
the attendance workbook (xlsx, one year or all). Each function below reads the
data of one of them in the caller's session and refuses, with a French
message, when there is nothing to put in it: an empty file would only puzzle
whoever opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import Attendance, Meeting
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.progress import OnProgress
from conseil_desktop.services import decision_register
from conseil_desktop.services.attendance_matrix import (
    AttendanceWorkbookData,
    attendance_workbook_data,
)
from conseil_desktop.services.council import get_settings
from conseil_desktop.services.decision_register import DecisionRow
from conseil_desktop.services.decisions import open_actions
from conseil_desktop.services.meeting_list import CalendarEntry, calendar_entries

NO_MEETING = ("La base ne contient encore aucune réunion : il n'y a rien à mettre dans le "
              "calendrier.")
NO_OPEN_ACTION = ("Aucune action en cours : aucune décision non réalisée n'a à la fois un "
                  "responsable et une échéance.")
NO_HELD_MEETING = ("La base ne contient aucune réunion tenue avec des invités (les réunions "
                   "annulées ou à venir ne comptent pas) : le cahier des présences serait vide.")


@dataclass(frozen=True)
class CalendarData:
    entries: list[CalendarEntry]
    council_name: str


@dataclass(frozen=True)
class RegisterData:
    rows: list[DecisionRow]
    title: str
    council_name: str


def meeting_years(session: Session, *, held_only: bool = True) -> list[int]:
    """The years that have meetings, newest first (cancelled ones left out when held_only)."""
    year = extract("year", Meeting.date)
    query = select(year).distinct()
    if held_only:
        query = query.where(Meeting.cancelled.is_(False))
    return sorted((int(y) for y in session.scalars(query) if y is not None), reverse=True)


def require_meetings(session: Session) -> None:
    if not meeting_years(session, held_only=False):
        raise UserError(NO_MEETING)


def held_years(session: Session, today: date) -> list[int]:
    """The years the attendance workbook can cover, newest first: those with a
    meeting held (not cancelled, not after ``today``) that had invitees. UserError
    when there is none."""
    year = extract("year", Meeting.date)
    query = (select(year).distinct()
             .where(Meeting.cancelled.is_(False), Meeting.date <= today,
                    select(Attendance.id).where(Attendance.meeting_id == Meeting.id).exists()))
    years = sorted((int(y) for y in session.scalars(query) if y is not None), reverse=True)
    if not years:
        raise UserError(NO_HELD_MEETING)
    return years


def calendar_data(session: Session) -> CalendarData:
    """Every meeting (cancelled ones too, marked so), for ``export.ics.write_calendar``."""
    entries = calendar_entries(session)
    if not entries:
        raise UserError(NO_MEETING)
    return CalendarData(entries, get_settings(session).council_name)


def open_actions_register(session: Session, today: date) -> RegisterData:
    """Every open action of every meeting, overdue first."""
    rows = decision_register.open_action_rows(open_actions(session, today))
    if not rows:
        raise UserError(NO_OPEN_ACTION)
    return RegisterData(rows, decision_register.register_title(None),
                        get_settings(session).council_name)


def attendance_data(session: Session, year: int | None, progress: OnProgress | None = None,
                    *, today: date) -> AttendanceWorkbookData:
    """The attendance workbook's data for ``year`` (every year when None): the meetings
    held up to ``today`` (later ones have no attendance yet). Refused when no such
    meeting had invitees: a year asked for is then a bad choice (InvalidInputError)."""
    data = attendance_workbook_data(session, year, progress, until=today)
    if not data.members:  # no meeting, or nobody invited to any
        if year is None:
            raise UserError(NO_HELD_MEETING)
        raise InvalidInputError(
            f"Aucune réunion tenue en {year} avec des invités (les réunions annulées ou à "
            "venir ne comptent pas) : le cahier des présences de cette année serait vide. "
            "Choisissez une autre année.")
    return data

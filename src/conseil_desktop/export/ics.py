"""The meetings as an iCalendar file (RFC 5545), for a phone or Thunderbird.

One ``VEVENT`` per meeting: ``UID`` is built from the meeting's UUID, so
importing the file again updates the events instead of duplicating them; the
place is the ``LOCATION``, the type and the agenda the ``DESCRIPTION``. Times
are local times of ``Europe/Paris`` (``DTSTART;TZID=Europe/Paris``) with the
matching ``VTIMEZONE``, written with yearly rules (last Sunday of March and of
October) so that it holds for any year. A meeting without a start time is an
all-day event; without an end time, the event has no duration (RFC 5545
3.6.1). A cancelled meeting stays in the file with ``STATUS:CANCELLED``, so
that a calendar which imported it before shows it cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from conseil_desktop.export.files import atomic_output

if TYPE_CHECKING:
    from conseil_desktop.services.meeting_list import CalendarEntry

TZID = "Europe/Paris"
PRODID = "-//Conseil citoyen//Conseil Desktop//FR"
UID_DOMAIN = "conseil-desktop"


def event_uid(meeting_uuid: str) -> str:
    return f"{meeting_uuid}@{UID_DOMAIN}"


def paris_timezone() -> Timezone:
    """Europe/Paris with the EU rules in force since 1996."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    for part, start, offsets, name, month in (
        (TimezoneDaylight(), datetime(1970, 3, 29, 2), ("+0100", "+0200"), "CEST", 3),
        (TimezoneStandard(), datetime(1970, 10, 25, 3), ("+0200", "+0100"), "CET", 10),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part["tzoffsetfrom"], part["tzoffsetto"] = offsets  # already in RFC form
        zone.add_component(part)
    return zone


def description(entry: CalendarEntry) -> str:
    lines = [entry.type_label]
    if entry.agenda:
        lines += ["", "Ordre du jour :"]
        lines += [f"{n}. {item}" for n, item in enumerate(entry.agenda, start=1)]
    return "\n".join(lines)


def event(entry: CalendarEntry, stamp: datetime) -> Event:
    item = Event()
    item.add("uid", event_uid(entry.uuid))
    item.add("dtstamp", stamp)
    summary = entry.title or entry.type_label
    item.add("summary", f"Annulée : {summary}" if entry.cancelled else summary)
    if entry.start_time is None:
        item.add("dtstart", entry.date)
        item.add("dtend", entry.date + timedelta(days=1))
    else:
        zone = ZoneInfo(TZID)
        item.add("dtstart", datetime.combine(entry.date, entry.start_time, zone))
        if entry.end_time is not None:
            item.add("dtend", datetime.combine(entry.date, entry.end_time, zone))
    if entry.place:
        item.add("location", entry.place)
    item.add("description", description(entry))
    item.add("categories", [entry.type_label])
    item.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    return item


def calendar(entries: Sequence[CalendarEntry], *, name: str,
             now: datetime | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    if any(e.start_time is not None for e in entries):
        cal.add_component(paris_timezone())
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    for entry in entries:
        cal.add_component(event(entry, stamp))
    return cal


def write_calendar(path: Path, entries: Sequence[CalendarEntry], *, name: str) -> None:
    """Write the ``.ics`` atomically (temporary name, then rename)."""
    data = calendar(entries, name=name).to_ical()
    with atomic_output(path) as temporary:
        temporary.write_bytes(data)

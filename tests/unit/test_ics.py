"""The calendar: read back with icalendar's parser, stable UIDs, Europe/Paris, and the CLI."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from conseil_desktop.app import main
from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import Meeting
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.export.ics import write_calendar
from conseil_desktop.services.agenda import AgendaItemData, add_item
from conseil_desktop.services.meeting_list import calendar_entries
from conseil_desktop.services.meetings import MeetingData, create_meeting
from tests.unit.meetings_fixture import member

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture()
def meetings(storage: Storage) -> dict[str, int]:
    with storage.session_scope() as s:
        zoe = member(s, "Abadie", "Zoé")
        plenary = create_meeting(s, MeetingData(
            "pleniere", "Plénière de juillet", date(2026, 7, 6), time(18, 30), time(20, 30),
            "Maison de quartier, salle 2; rez-de-chaussée"))
        add_item(s, plenary, AgendaItemData("Budget FPH", presenter_person_id=zoe))
        add_item(s, plenary, AgendaItemData("Fête de quartier", presenter_name="Mme Roy"))
        winter = create_meeting(s, MeetingData("bureau", "Bureau d'hiver", date(2026, 12, 14),
                                               time(18, 0)))
        day = create_meeting(s, MeetingData("atelier", "Atelier jardin", date(2026, 9, 19)))
        cancelled = create_meeting(s, MeetingData("bureau", "Bureau annulé", date(2026, 10, 1),
                                                  time(18, 0), cancelled=True))
    return {"plenary": plenary, "winter": winter, "day": day, "cancelled": cancelled}


def export(storage: Storage, path: Path, meeting_id: int | None = None) -> Calendar:
    with storage.session_scope() as s:
        entries = calendar_entries(s, meeting_id)
    write_calendar(path, entries, name="Conseil citoyen du Lac")
    raw = path.read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")  # CRLF only
    return Calendar.from_ical(raw)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_calendar_read_back(storage: Storage, meetings: dict[str, int], tmp_path: Path) -> None:
    cal = export(storage, tmp_path / "reunions.ics")
    assert str(cal["version"]) == "2.0" and "Conseil Desktop" in str(cal["prodid"])
    assert str(cal["x-wr-calname"]) == "Conseil citoyen du Lac"
    found = events(cal)
    assert len(found) == 4
    plenary = found["Plénière de juillet"]
    start = plenary.decoded("dtstart")
    assert start == datetime(2026, 7, 6, 18, 30, tzinfo=PARIS)
    assert start.utcoffset() == timedelta(hours=2)  # summer time
    assert plenary["dtstart"].params["TZID"] == "Europe/Paris"
    assert plenary.decoded("dtend") == datetime(2026, 7, 6, 20, 30, tzinfo=PARIS)
    assert str(plenary["location"]) == "Maison de quartier, salle 2; rez-de-chaussée"
    assert str(plenary["description"]) == (
        "Assemblée plénière\n\nOrdre du jour :\n"
        "1. Approbation du compte rendu précédent\n2. Budget FPH (Zoé Abadie)\n"
        "3. Fête de quartier (Mme Roy)")
    winter = found["Bureau d'hiver"]
    assert winter.decoded("dtstart").utcoffset() == timedelta(hours=1)  # winter time
    assert "dtend" not in winter  # no end time: no invented duration
    allday = found["Atelier jardin"]
    assert allday.decoded("dtstart") == date(2026, 9, 19)
    assert allday.decoded("dtend") == date(2026, 9, 20)
    assert str(found["Annulée : Bureau annulé"]["status"]) == "CANCELLED"
    assert str(plenary["status"]) == "CONFIRMED"
    zones = cal.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/Paris"]
    rules = {sub.name: sub for sub in zones[0].subcomponents}
    assert rules["DAYLIGHT"]["rrule"]["BYMONTH"] == [3]
    assert rules["STANDARD"]["rrule"]["BYMONTH"] == [10]


def test_uids_are_stable_across_exports(storage: Storage, meetings: dict[str, int],
                                        tmp_path: Path) -> None:
    first = {str(e["summary"]): str(e["uid"]) for e in export(storage, tmp_path / "a.ics")
             .walk("VEVENT")}
    with storage.session_scope() as s:
        s.get(Meeting, meetings["plenary"]).place = "Mairie annexe"
    second = {str(e["summary"]): str(e["uid"]) for e in export(storage, tmp_path / "b.ics")
              .walk("VEVENT")}
    assert first == second
    assert len(set(first.values())) == 4
    with storage.session_scope() as s:
        uuid = s.get(Meeting, meetings["plenary"]).uuid
    assert first["Plénière de juillet"] == f"{uuid}@conseil-desktop"


def test_one_meeting_and_unknown_meeting(storage: Storage, meetings: dict[str, int],
                                         tmp_path: Path) -> None:
    only = events(export(storage, tmp_path / "one.ics", meetings["day"]))
    assert list(only) == ["Atelier jardin"]
    assert "VTIMEZONE" not in (tmp_path / "one.ics").read_text()  # all-day: no time zone needed
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="n° 999"):
        calendar_entries(s, 999)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_calendar(storage: Storage, meetings: dict[str, int], db_path: Path,
                             tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    storage.close(backup=False)
    target = tmp_path / "agenda.ics"
    code, out, _ = run_cli(capsys, "export", "calendar", "--db", str(db_path), "-o", str(target))
    assert code == 0 and "4 réunions" in out
    assert len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 4
    code, out, _ = run_cli(capsys, "export", "calendar", "--db", str(db_path), "-o", str(target),
                           "--meeting", str(meetings["plenary"]))
    assert code == 0 and "(1 réunion)" in out
    cal = Calendar.from_ical(target.read_bytes())
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Plénière de juillet"]


def test_cli_bad_meeting_and_extension(storage: Storage, meetings: dict[str, int],
                                       db_path: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    storage.close(backup=False)
    target = tmp_path / "agenda.ics"
    code, _, err = run_cli(capsys, "export", "calendar", "--db", str(db_path), "-o", str(target),
                           "--meeting", "999")
    assert code == 2
    assert err.strip() == "Erreur : La réunion n° 999 n'existe pas dans cette base."
    assert not target.exists() and list(tmp_path.glob(".*tmp")) == []
    code, _, err = run_cli(capsys, "export", "calendar", "--db", str(db_path), "-o",
                           str(tmp_path / "agenda.txt"))
    assert code == 2 and "choisissez un fichier .ics" in err

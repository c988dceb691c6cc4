"""The demo council: realistic, deterministic and consistent (services/demo/)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from conseil_desktop import paths
from conseil_desktop.db.engine import open_storage
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    Consent,
    Decision,
    Meeting,
    Membership,
    MembershipStatusEvent,
    Organisation,
    Person,
    Project,
    ProjectFunding,
    ProjectStatusEvent,
)
from conseil_desktop.services import demo as demo_module
from conseil_desktop.services.demo import DemoSummary, generate_demo

TODAY = date(2026, 11, 25)  # fixed, so that two builds agree even across midnight
SPECIAL = [
    ("Yılmaz", "Şükrü"), ("Nguyễn", "Thị Hương"), ("N'Diaye", "Aminata"),
    ("Kowalski", "Łukasz"), ("Œuvray", "Élodie"), ("de La Fontaine-d'Argent", "Marie-Ève"),
]


def build(folder: Path, *, members: int = 300, meetings: int = 40,
          seed: int = 1) -> tuple[Path, DemoSummary]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "d.db"
    storage = open_storage(path, backup=False)
    try:
        summary = generate_demo(storage, members=members, meetings=meetings, seed=seed,
                                today=TODAY)
    finally:
        storage.close(backup=False)
    return path, summary


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute(sql, params).fetchall()


def scalar(path: Path, sql: str, *params: Any) -> Any:
    return rows(path, sql, *params)[0][0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    """One council of 300 members and 40 meetings, shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.DATA_DIR_ENV, str(folder / "data"))
        paths.set_data_dir(None)
        return build(folder)


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    paths.set_data_dir(None)
    return tmp_path


def test_counts_match_the_summary(demo: tuple[Path, DemoSummary]) -> None:
    path, summary = demo
    assert (summary.members, summary.meetings) == (300, 40)
    assert scalar(path, "SELECT count(*) FROM membership") == 300
    assert scalar(path, "SELECT count(*) FROM meeting") == 40
    assert scalar(path, "SELECT count(*) FROM attendance") == summary.attendance > 1000
    assert scalar(path, "SELECT count(*) FROM decision") == summary.decisions > 20
    assert scalar(path, "SELECT count(*) FROM project") == summary.projects == 15
    assert scalar(path, "SELECT count(*) FROM organisation") == summary.organisations == 15
    assert scalar(path, "SELECT count(DISTINCT person_id) FROM contact_affiliation") \
        == summary.contacts == 30
    described = summary.describe()
    assert described.startswith("300 membres, 40 réunions, ")
    assert f"{summary.attendance // 1000}\u202f" in described
    assert described.endswith("15 projets, 15 structures, 30 contacts")


def test_summary_wording_in_french() -> None:
    text = DemoSummary(1, 0, 1234, 1, 2, 1, 0).describe()
    assert text == ("1 membre, 0 réunion, 1\u202f234 présences, 1 décision, 2 projets, "
                    "1 structure, 0 contact")


def test_settings_describe_the_council(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    name, qpv, start, end, host = rows(path, "SELECT council_name, qpv_names, "
                                       "contract_start_year, contract_end_year, host_structure "
                                       "FROM council_settings")[0]
    assert name == "Conseil citoyen Bellefontaine-Milan"
    assert qpv == "Bellefontaine, Milan" and (start, end) == (2024, 2030) and host


def test_every_row_loads_through_the_orm(demo: tuple[Path, DemoSummary]) -> None:
    """Enum values, dates and times are stored as the models read them."""
    path, _ = demo
    storage = open_storage(path, backup=False)
    try:
        with storage.session_scope() as session:
            for model in (Person, Membership, MembershipStatusEvent, Consent, Organisation,
                          Meeting, AgendaItem, Attendance, Decision, Project, ProjectFunding,
                          ProjectStatusEvent):
                loaded = session.scalars(select(model)).all()
                assert loaded, model.__name__
            meeting = session.scalars(select(Meeting).order_by(Meeting.id)).first()
            assert meeting is not None and meeting.start_time is not None
            assert (meeting.start_time.hour, meeting.start_time.minute) == (18, 30)
            specials = {(p.last_name, p.first_name) for p in session.scalars(
                select(Person).where(Person.last_name.in_([last for last, _ in SPECIAL])))}
            assert set(SPECIAL) <= specials
    finally:
        storage.close(backup=False)


def test_colleges_seats_and_parity(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    colleges = dict(rows(path, "SELECT college, count(*) FROM membership GROUP BY college"))
    assert set(colleges) == {"habitants", "acteurs_locaux"}
    assert 0.6 < colleges["habitants"] / 300 < 0.9
    seats = dict(rows(path, "SELECT seat, count(*) FROM membership GROUP BY seat"))
    assert set(seats) == {"titulaire", "suppleant"} and 0.1 < seats["suppleant"] / 300 < 0.3
    assert not rows(path, "SELECT id FROM membership WHERE college = 'acteurs_locaux' "
                          "AND organisation_id IS NULL")
    sexes = dict(rows(path, "SELECT sex, count(*) FROM person p JOIN membership m "
                            "ON m.person_id = p.id GROUP BY sex"))
    assert set(sexes) == {"F", "M"} and 0.35 < sexes["F"] / 300 < 0.65


def test_special_names_read_back_exactly(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    members = set(rows(path, "SELECT last_name, first_name FROM person p "
                             "JOIN membership m ON m.person_id = p.id"))
    for name in SPECIAL:
        assert name in members
    key = scalar(path, "SELECT search_key FROM person WHERE last_name = 'Œuvray'")
    assert "elodie" in key and "oeuvray" in key


def test_phones_emails_and_channels(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    people = rows(path, "SELECT phone, email, preferred_channel FROM person p "
                        "JOIN membership m ON m.person_id = p.id")
    phones = [p for p, _, _ in people if p]
    assert len(phones) > 200
    assert all(p.startswith(("+336", "+337")) and len(p) == 12 and p[1:].isdigit()
               for p in phones)
    import phonenumbers

    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p)) for p in phones)
    without_email = [channel for _, email, channel in people if not email]
    assert 0.4 < len(without_email) / len(people) < 0.8  # many residents have no e-mail
    assert set(without_email) == {"courrier"}
    emails = [e for _, e, _ in people if e]
    assert len(emails) == len(set(emails))
    assert all(e.rsplit("@", 1)[1].startswith("example.") for e in emails)


def test_status_history_and_roles(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    latest = rows(path, """
        SELECT m.id, m.status, m.status_since, e.status, e.effective_on FROM membership m
        JOIN membership_status_event e ON e.membership_id = m.id
        WHERE e.id = (SELECT id FROM membership_status_event WHERE membership_id = m.id
                      ORDER BY effective_on DESC, id DESC LIMIT 1)""")
    assert len(latest) == 300
    assert all(status == event and since == day for _, status, since, event, day in latest)
    statuses = {status for _, status, *_ in latest}
    assert {"actif", "demissionnaire", "demenage"} <= statuses
    first = rows(path, "SELECT status FROM membership_status_event e WHERE id = (SELECT min(id) "
                       "FROM membership_status_event WHERE membership_id = e.membership_id)")
    assert {s for (s,) in first} == {"actif"}
    current = rows(path, "SELECT r.role_code, m.status, m.seat FROM member_role r "
                         "JOIN membership m ON m.id = r.membership_id WHERE r.ended_on IS NULL")
    assert sorted(code for code, _, _ in current) == sorted(
        ["president", "secretaire", "tresorier", "animateur", "representant_copil"])
    assert {(s, seat) for _, s, seat in current} == {("actif", "titulaire")}


def test_attendance_statuses(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    past = dict(rows(path, "SELECT a.status, count(*) FROM attendance a JOIN meeting m "
                           "ON m.id = a.meeting_id WHERE m.date < ? GROUP BY a.status",
                     TODAY.isoformat()))
    assert set(past) == {"present", "excuse", "absent", "represente"}
    assert past["present"] > past["excuse"] and past["present"] > past["represente"]
    upcoming = rows(path, "SELECT DISTINCT a.status FROM attendance a JOIN meeting m "
                          "ON m.id = a.meeting_id WHERE m.date >= ?", TODAY.isoformat())
    assert upcoming == [("invite",)]
    assert scalar(path, "SELECT count(*) FROM meeting WHERE date >= ?", TODAY.isoformat()) == 4


def test_proxies_go_to_present_members_one_each(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    represented = rows(path, "SELECT meeting_id, person_id, proxy_holder_id FROM attendance "
                             "WHERE status = 'represente'")
    assert represented
    present = set(rows(path, "SELECT meeting_id, person_id FROM attendance "
                             "WHERE status = 'present'"))
    for meeting_id, _person, holder in represented:
        assert holder is not None and (meeting_id, holder) in present
    per_holder = Counter((meeting_id, holder) for meeting_id, _, holder in represented)
    assert max(per_holder.values()) == 1
    assert not rows(path, "SELECT id FROM attendance WHERE status != 'represente' "
                          "AND proxy_holder_id IS NOT NULL")


def test_votes_never_exceed_the_voters(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    votes = rows(path, """
        SELECT d.votes_for + d.votes_against + d.votes_abstain + d.votes_blank,
               (SELECT count(*) FROM attendance a WHERE a.meeting_id = d.meeting_id
                AND a.status IN ('present', 'represente'))
        FROM decision d WHERE d.vote_mode = 'vote'""")
    assert votes and all(cast is not None and 0 < cast <= voters for cast, voters in votes)
    modes = {m for (m,) in rows(path, "SELECT DISTINCT vote_mode FROM decision")}
    assert modes == {"vote", "consensus", "unanimite"}
    assert scalar(path, "SELECT count(*) FROM decision WHERE owner_person_id IS NOT NULL "
                        "AND deadline IS NOT NULL") > 0


def test_meetings_have_agenda_and_officers(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    items = dict(rows(path, "SELECT meeting_id, count(*) FROM agenda_item GROUP BY meeting_id"))
    assert len(items) == 40 and all(2 <= n <= 6 for n in items.values())
    firsts = rows(path, "SELECT a.title FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
                        "WHERE m.type_code = 'pleniere' AND a.position = 1 AND m.id > 1")
    assert firsts and {t for (t,) in firsts} == {"Approbation du compte rendu précédent"}
    absent_officers = rows(path, """
        SELECT o.id FROM meeting_officer o JOIN meeting m ON m.id = o.meeting_id
        WHERE m.date < ? AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id =
        o.meeting_id AND a.person_id = o.person_id AND a.status = 'present')""",
                           TODAY.isoformat())
    assert not absent_officers
    assert scalar(path, "SELECT count(*) FROM guest") > 0


def test_organisations_and_projects(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    for (siret,) in rows(path, "SELECT siret FROM organisation WHERE siret IS NOT NULL"):
        digits = [int(c) for c in reversed(siret)]
        assert len(siret) == 14
        assert sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d)
                   for i, d in enumerate(digits)) % 10 == 0
    for (rna,) in rows(path, "SELECT rna FROM organisation WHERE rna IS NOT NULL"):
        assert len(rna) == 10 and rna[0] == "W" and rna[1:].isdigit()
    assert scalar(path, "SELECT count(*) FROM organisation WHERE is_funder") >= 5
    assert not rows(path, "SELECT p.id FROM project p WHERE NOT EXISTS (SELECT 1 FROM "
                          "project_funding f WHERE f.project_id = p.id)")
    latest = rows(path, """SELECT p.status, (SELECT e.status FROM project_status_event e
        WHERE e.project_id = p.id ORDER BY e.effective_on DESC, e.id DESC LIMIT 1)
        FROM project p""")
    assert all(status == event for status, event in latest)
    funders = rows(path, "SELECT o.is_funder FROM project_funding f JOIN organisation o "
                         "ON o.id = f.funder_organisation_id")
    assert {f for (f,) in funders} == {1}
    assert scalar(path, "SELECT count(*) FROM project_link") > 0
    member_contacts = scalar(path, "SELECT count(*) FROM contact_affiliation c "
                                   "JOIN membership m ON m.person_id = c.person_id")
    assert member_contacts == 2


def test_database_is_consistent(demo: tuple[Path, DemoSummary]) -> None:
    path, _ = demo
    assert rows(path, "PRAGMA foreign_key_check") == []
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]


def test_same_seed_same_data_other_seed_other_data(
    demo: tuple[Path, DemoSummary], isolated: Path
) -> None:
    path, summary = demo
    again, again_summary = build(isolated / "again")
    other, _ = build(isolated / "other", seed=2)
    query = ("SELECT p.last_name, p.first_name, m.college, p.uuid FROM membership m "
             "JOIN person p ON p.id = m.person_id ORDER BY m.id")
    assert rows(path, query) == rows(again, query)
    assert again_summary == summary
    assert rows(path, "SELECT uuid FROM attendance ORDER BY id") == \
        rows(again, "SELECT uuid FROM attendance ORDER BY id")
    assert rows(path, query) != rows(other, query)


def test_empty_council(isolated: Path) -> None:
    path, summary = build(isolated, members=0, meetings=0)
    assert (summary.members, summary.meetings, summary.attendance) == (0, 0, 0)
    assert summary.organisations == 15 and summary.contacts == 20 and summary.projects == 8
    assert scalar(path, "SELECT count(*) FROM membership") == 0
    assert rows(path, "PRAGMA foreign_key_check") == []


def test_small_council_still_has_the_special_names(isolated: Path) -> None:
    path, summary = build(isolated, members=10, meetings=3)
    names = set(rows(path, "SELECT last_name, first_name FROM person"))
    assert set(SPECIAL) <= names and summary.meetings == 3
    assert rows(path, "PRAGMA foreign_key_check") == []


def test_a_failure_leaves_nothing(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything is written, then something fails: the transaction is rolled back."""
    write = demo_module._Demo.write

    def broken(self: demo_module._Demo, conn: Any) -> None:
        write(self, conn)
        raise RuntimeError("boom")

    monkeypatch.setattr(demo_module._Demo, "write", broken)
    path = isolated / "d.db"
    storage = open_storage(path, backup=False)
    try:
        with pytest.raises(RuntimeError, match="boom"):
            generate_demo(storage, members=50, meetings=5, seed=1, today=TODAY)
    finally:
        storage.close(backup=False)
    assert scalar(path, "SELECT count(*) FROM person") == 0
    assert scalar(path, "SELECT council_name FROM council_settings") == "Conseil citoyen"


def test_ctrl_c_while_writing_leaves_an_empty_base(tmp_path: Path) -> None:
    """Interrupted inside an INSERT: the KeyboardInterrupt itself reaches the CLI (which
    says « Interrompu. »), not an error from restoring the cache size afterwards."""
    storage = open_storage(tmp_path / "demo.db", backup=False)

    def interrupt(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO attendance"):
            raise KeyboardInterrupt

    event.listen(storage.engine, "before_cursor_execute", interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            generate_demo(storage, members=30, meetings=3, seed=1)
    finally:
        event.remove(storage.engine, "before_cursor_execute", interrupt)
    try:
        with storage.session_scope() as session:
            assert session.scalars(select(Person)).first() is None
    finally:
        storage.close(backup=False)

"""Personal data (domain.md section 9): the access sheet, anonymisation and the purge
of departed members, checked on the demo council and on hand-made members."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections import Counter
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    Consent,
    ConsentKind,
    ContactAffiliation,
    CouncilSettings,
    Decision,
    Guest,
    Meeting,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Person,
    Sex,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.export.personal_data_sheet import write_personal_data_sheet
from conseil_desktop.services import privacy
from conseil_desktop.services.demo import generate_demo
from conseil_desktop.services.members import MemberData, create_member

TODAY = date(2026, 11, 25)
EMAIL = "huong.nguyen.privacy@example.org"
PHONE = "+33699887766"
NOTICE = "Vos données sont tenues par le secrétariat du conseil citoyen de Bellefontaine."


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def leave(session: Session, person_id: int, status: MemberStatus, on: date) -> None:
    membership = session.scalars(select(Membership).where(Membership.person_id == person_id)).one()
    membership.status, membership.status_since = status, on
    membership.status_events.append(MembershipStatusEvent(status=status, effective_on=on))


@pytest.fixture
def huong(storage: Storage) -> int:
    """The demo council; Nguyễn Thị Hương with known contact details and one consent."""
    generate_demo(storage, members=60, meetings=12, seed=3, today=TODAY)
    with storage.session_scope() as s:
        person = s.scalars(select(Person).where(Person.last_name == "Nguyễn")).one()
        person.email, person.phone = EMAIL, PHONE
        person.search_key = f"nguyen thi huong {EMAIL} 33699887766 0699887766"
        s.execute(delete(Consent).where(Consent.person_id == person.id))
        s.add(Consent(person_id=person.id, kind=ConsentKind.IMAGE, granted=True,
                      recorded_on=date(2025, 3, 14), source="Formulaire papier signé"))
        s.add(ContactAffiliation(person_id=person.id, role_title="Bénévole",
                                 email="huong@asso.example.org", notes="Appeler le soir"))
        meeting = s.scalars(select(Meeting).order_by(Meeting.date)).first()
        assert meeting is not None
        s.add(Guest(meeting_id=meeting.id, name="Nguyễn Thị Hương", person_id=person.id,
                    quality="Habitante"))
        s.add(Decision(meeting_id=meeting.id, text="Thị Hương Nguyễn écrit au bailleur.",
                       owner_person_id=person.id, deadline=date(2026, 1, 31)))
        return person.id


def test_person_data_gathers_everything(storage: Storage, huong: int) -> None:
    with storage.session_scope() as s:
        data = privacy.person_data(s, huong)
        invited = s.scalar(select(func.count()).select_from(Attendance)
                           .where(Attendance.person_id == huong))
        held = s.scalar(select(func.count()).select_from(Attendance)
                        .where(Attendance.proxy_holder_id == huong))
    assert (data.last_name, data.first_name, data.email) == ("Nguyễn", "Thị Hương", EMAIL)
    assert data.membership is not None and data.membership.college == "Collège des habitants"
    assert data.membership.history and data.membership.history[0].status == "Actif"
    assert [(c.kind, c.granted, c.recorded_on, c.source) for c in data.consents] == [
        ("Droit à l'image (photos)", True, date(2025, 3, 14), "Formulaire papier signé")]
    assert [a.role_title for a in data.affiliations] == ["Bénévole"]
    assert invited and sum(1 for m in data.meetings if m.status) == invited
    assert sum(p.startswith("Pouvoir reçu de") for m in data.meetings for p in m.proxies) == held
    assert [m.meeting_date for m in data.meetings] == sorted(m.meeting_date for m in data.meetings)
    assert "Thị Hương Nguyễn écrit au bailleur." in [d.text for d in data.decisions]
    assert [g.quality for g in data.guest_appearances] == ["Habitante"]


def test_unknown_person(storage: Storage) -> None:
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="introuvable"):
        privacy.person_data(s, 999)


def test_personal_data_sheet_pdf(storage: Storage, huong: int, tmp_path: Path) -> None:
    with storage.session_scope() as s:
        data = privacy.person_data(s, huong)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "fiche.pdf"
    write_personal_data_sheet(data, "Conseil citoyen Bellefontaine", NOTICE, out, today=TODAY)
    reader = PdfReader(out)
    content = nfc("\n".join(page.extract_text() for page in reader.pages))
    assert "Fiche de données personnelles" in content
    assert "Nguyễn" in content and "Thị Hương" in content
    assert EMAIL in content and "06 99 88 77 66" in content
    assert "Droit à l'image (photos)" in content and "14/03/2025" in content
    assert "Formulaire papier signé" in content
    first_meeting = data.meetings[0]
    assert fmt(first_meeting.meeting_date) in content
    assert nfc(first_meeting.title.split()[0]) in content
    assert "Appeler le soir" in content and "Habitante" in content
    assert " ".join(NOTICE.split()) in " ".join(content.split())
    assert content.rstrip().endswith(f"{len(reader.pages)} / {len(reader.pages)}")
    assert f"1 / {len(reader.pages)}" in nfc(reader.pages[0].extract_text())
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595, 842)
        resources: Any = page["/Resources"]
        fonts = [f.get_object() for f in resources["/Font"].values()]
        assert fonts and all("DejaVu" in str(f["/BaseFont"]) for f in fonts)
        assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts)
    assert list(out.parent.iterdir()) == [out]  # the temporary file was renamed


def test_sheet_refuses_other_extension(storage: Storage, huong: int, tmp_path: Path) -> None:
    with storage.session_scope() as s:
        data = privacy.person_data(s, huong)
    with pytest.raises(InvalidInputError, match="choisissez un fichier"):
        write_personal_data_sheet(data, "Conseil", NOTICE, tmp_path / "fiche.docx")


def fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def attendance_of(session: Session, person_id: int) -> Counter[str]:
    rows = session.scalars(select(Attendance.status).where(Attendance.person_id == person_id))
    return Counter(str(status) for status in rows)


def dump(db_path: Path) -> str:
    with closing(sqlite3.connect(db_path)) as conn:
        return nfc("\n".join(conn.iterdump()))


def test_anonymise_keeps_statistics_but_no_identity(
    storage: Storage, huong: int, db_path: Path
) -> None:
    with storage.session_scope() as s:
        before = attendance_of(s, huong)
        college = s.scalars(select(Membership.college).where(Membership.person_id == huong)).one()
        leave(s, huong, MemberStatus.MOVED_OUT, date(2026, 11, 1))
    assert "Thị Hương" in dump(db_path) and EMAIL in dump(db_path)
    with storage.session_scope() as s:
        assert privacy.anonymise_person(s, huong, TODAY) is True
    text = dump(db_path)
    for trace in ("Thị Hương", "Nguyễn", EMAIL, "huong@asso", PHONE, "99887766", "Appeler le soir"):
        assert nfc(trace) not in text, trace
    with storage.session_scope() as s:
        assert attendance_of(s, huong) == before
        person = s.get(Person, huong)
        assert person is not None and person.membership is not None
        assert (person.last_name, person.first_name) == ("Anonyme", f"n° {huong}")
        assert person.sex is None and person.birth_date is None and person.search_key == ""
        assert person.anonymised_at is not None and person.anonymised_at.date() == TODAY
        assert person.membership.college == college
        assert [e.status for e in person.membership.status_events][-1] == MemberStatus.MOVED_OUT
        assert person.membership.status_since == date(2026, 11, 1)
        assert not person.consents and not person.affiliations and not person.membership.roles
        texts = s.scalars(select(Decision.text).where(Decision.owner_person_id == huong))
        assert f"Anonyme n° {huong} écrit au bailleur." in list(texts)
        assert s.scalars(select(Guest.name).where(Guest.person_id == huong)).all() == [
            f"Anonyme n° {huong}"]


def test_anonymise_is_idempotent(storage: Storage, huong: int) -> None:
    with storage.session_scope() as s:
        leave(s, huong, MemberStatus.RESIGNED, date(2026, 11, 1))
        assert privacy.anonymise_person(s, huong, TODAY) is True
    with storage.session_scope() as s:
        assert privacy.anonymise_person(s, huong, date(2027, 1, 1)) is False
        person = s.get(Person, huong)
        assert person is not None and person.anonymised_at is not None
        assert person.anonymised_at.date() == TODAY
        assert privacy.person_data(s, huong).anonymised_on == TODAY


def test_active_member_is_refused(storage: Storage, huong: int) -> None:
    with storage.session_scope() as s:
        with pytest.raises(InvalidInputError, match="Nguyễn est encore membre actif"):
            privacy.anonymise_person(s, huong, TODAY)
        person = s.get(Person, huong)
        assert person is not None and person.email == EMAIL and person.anonymised_at is None


def test_contact_without_membership(storage: Storage, tmp_path: Path) -> None:
    with storage.session_scope() as s:
        person = Person(last_name="Yılmaz", first_name="Şükrü", email="sukru@example.org",
                        phone="+33561000001")
        person.affiliations.append(ContactAffiliation(role_title="Gardien"))
        s.add(person)
        s.flush()
        contact_id = person.id
        data = privacy.person_data(s, contact_id)
    assert data.membership is None and data.meetings == [] and data.roles == []
    out = tmp_path / "contact.pdf"
    write_personal_data_sheet(data, "Conseil", NOTICE, out, today=TODAY)
    content = nfc(PdfReader(out).pages[0].extract_text())
    assert "Yılmaz" in content and "Vous n'êtes pas membre du conseil." in content
    with storage.session_scope() as s:
        assert privacy.anonymise_person(s, contact_id, TODAY) is True
        assert privacy.person_data(s, contact_id).affiliations == []
        assert privacy.person_data(s, contact_id).email == ""


def member(session: Session, last: str, left_on: date | None,
           status: MemberStatus = MemberStatus.RESIGNED) -> int:
    person_id = create_member(session, MemberData(last, "Jeanne", sex=Sex.FEMALE,
                                                  email=f"{last.lower()}@example.org"),
                              today=date(2023, 1, 10))
    if left_on is not None:
        leave(session, person_id, status, left_on)
    return person_id


@pytest.fixture
def departed(storage: Storage) -> dict[str, int]:
    with storage.session_scope() as s:
        ids = {
            "long_gone": member(s, "Ancienne", date(2024, 2, 29), MemberStatus.EXCLUDED),
            "one_day_over": member(s, "Veille", date(2025, 11, 24), MemberStatus.MOVED_OUT),
            "exactly_12": member(s, "Pile", date(2025, 11, 25)),
            "recent": member(s, "Recente", date(2026, 8, 1)),
            "active": member(s, "Active", None),
            "done": member(s, "Faite", date(2022, 5, 1)),
        }
        privacy.anonymise_person(s, ids["done"], date(2024, 1, 1))
        return ids


def preview_ids(storage: Storage, months: int | None = None) -> list[int]:
    with storage.session_scope() as s:
        return [c.person_id for c in privacy.purge_preview(s, TODAY, months)]


def test_purge_preview_threshold(storage: Storage, departed: dict[str, int]) -> None:
    assert preview_ids(storage) == [departed["long_gone"], departed["one_day_over"]]
    with storage.session_scope() as s:
        first = privacy.purge_preview(s, TODAY)[0]
    assert (first.last_name, first.status, first.status_since, first.college) == (
        "Ancienne", "Exclu", date(2024, 2, 29), "Habitants")
    assert preview_ids(storage, 0) == [departed[k] for k in (
        "long_gone", "one_day_over", "exactly_12", "recent")]
    with storage.session_scope() as s:
        s.scalars(select(CouncilSettings)).one().anonymise_after_months = 3
    assert departed["recent"] in preview_ids(storage)  # 01/08/2026 is before 25/08/2026
    assert departed["recent"] not in preview_ids(storage, 4)  # ... but after 25/07/2026
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match="négatif"):
        privacy.purge_preview(s, TODAY, -1)


def test_purge_anonymises_exactly_the_preview(
    storage: Storage, departed: dict[str, int], db_path: Path
) -> None:
    expected = preview_ids(storage)
    with storage.session_scope() as s:
        assert privacy.purge_departed(s, TODAY) == len(expected) == 2
    with storage.session_scope() as s:
        done = set(s.scalars(select(Person.id).where(Person.anonymised_at.is_not(None))))
        assert done == {*expected, departed["done"]}
        assert s.get(Person, departed["exactly_12"]).last_name == "Pile"  # type: ignore[union-attr]
    assert preview_ids(storage) == []
    text = dump(db_path)
    assert "ancienne@example.org" not in text and "veille@example.org" not in text
    assert "pile@example.org" in text


def test_free_text_rewritten_by_whole_name_only(storage: Storage) -> None:
    with storage.session_scope() as s:
        martin = create_member(s, MemberData("Martin", "Jean"), today=date(2023, 1, 10))
        leave(s, martin, MemberStatus.RESIGNED, date(2024, 1, 10))
        meeting = Meeting(type_code="bureau", title="Bureau", date=date(2023, 5, 2),
                          notes="MARTIN Jean excusé ; Jean Martinez et Jean-Martin Roy présents.")
        s.add(meeting)
        s.flush()
        s.add(Decision(meeting_id=meeting.id, text="Jean Martin et Jean Martinez relancent."))
    with storage.session_scope() as s:
        privacy.anonymise_person(s, martin, TODAY)
    with storage.session_scope() as s:
        assert s.scalars(select(Meeting.notes)).one() == (
            f"Anonyme n° {martin} excusé ; Jean Martinez et Jean-Martin Roy présents.")
        assert s.scalars(select(Decision.text)).one() == (
            f"Anonyme n° {martin} et Jean Martinez relancent.")


def test_months_before_clamps_to_month_end() -> None:
    assert privacy.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert privacy.months_before(date(2026, 11, 25), 12) == date(2025, 11, 25)
    assert privacy.months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert privacy.months_before(date(2024, 2, 29), 0) == date(2024, 2, 29)

"""Meetings: validation, notice warning, plenary first item, deletion, series duplication."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    Decision,
    Guest,
    Meeting,
    MemberStatus,
    Person,
    Project,
    ProjectLink,
)
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services import agenda, contacts
from conseil_desktop.services.meetings import (
    APPROVAL_ITEM,
    ConfirmationNeeded,
    create_meeting,
    delete_meeting,
    delete_warning,
    duplicate_meeting,
    get_meeting,
    notice_warning,
    retitle,
    update_meeting,
)
from tests.unit.meetings_fixture import (
    A,
    E,
    I,
    P,
    attend,
    data,
    meeting,
    member,
    settings,
)


def test_create_and_read_back_with_officers(storage: Storage) -> None:
    with storage.session_scope() as s:
        anim, sec1, sec2 = member(s, "Abadie", "Zoé"), member(s, "Bâ", "Awa"), member(s, "Roy")
        mid = create_meeting(s, data(facilitator_ids=[anim], secretary_ids=[sec1, sec2, sec1],
                                     notes="  Salle au 1er étage \n"))
    with storage.session_scope() as s:
        got = get_meeting(s, mid)
        assert (got.title, got.place, got.start_time, got.end_time) == (
            "Bureau de décembre", "Centre social", time(18, 30), time(20, 0))
        assert got.facilitator_ids == [anim]
        assert got.secretary_ids == [sec1, sec2]  # the repeated one once
        assert got.notes == "Salle au 1er étage"
        assert s.scalar(select(func.count()).select_from(AgendaItem)) == 0  # not a plenary


def test_update_replaces_fields_and_officers(storage: Storage) -> None:
    with storage.session_scope() as s:
        a, b = member(s, "Abadie"), member(s, "Bâ")
        mid = create_meeting(s, data(facilitator_ids=[a]))
        update_meeting(s, mid, data(title="Bureau exceptionnel", place="Mairie annexe",
                                    facilitator_ids=[b], secretary_ids=[a], cancelled=True))
    with storage.session_scope() as s:
        got = get_meeting(s, mid)
        assert (got.title, got.place, got.cancelled) == ("Bureau exceptionnel", "Mairie annexe",
                                                         True)
        assert (got.facilitator_ids, got.secretary_ids) == ([b], [a])


@pytest.mark.parametrize(("changes", "fragment"), [
    ({"start_time": time(20, 0), "end_time": time(18, 30)}, "l'heure de fin (18 h 30) doit venir"),
    ({"start_time": time(18, 30), "end_time": time(18, 30)}, "doit venir après"),
    ({"start_time": None, "end_time": time(18, 30)}, "l'heure de début avant"),
    ({"type_code": "inconnu"}, "type de réunion"),
    ({"date": None}, "la date est obligatoire"),
    ({"title": "x" * 201}, "le titre est trop long"),
    ({"facilitator_ids": [999_999]}, "n'existe plus"),
])
def test_bad_input_is_refused_in_french(storage: Storage, changes: dict[str, object],
                                        fragment: str) -> None:
    with storage.session_scope() as s, pytest.raises(InvalidInputError) as caught:
        create_meeting(s, data(**changes))
    assert fragment in caught.value.message
    with storage.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0


def test_end_before_start_refused_on_update_too(storage: Storage) -> None:
    with storage.session_scope() as s:
        mid = create_meeting(s, data())
    with storage.session_scope() as s, pytest.raises(UserError):
        update_meeting(s, mid, data(start_time=time(21, 0)))
    with storage.session_scope() as s:
        assert get_meeting(s, mid).start_time == time(18, 30)


def test_empty_title_gets_type_and_date(storage: Storage) -> None:
    with storage.session_scope() as s:
        mid = create_meeting(s, data(title="  "))
        assert get_meeting(s, mid).title == "Bureau du 15/12/2026"


def test_notice_warning_follows_the_setting(storage: Storage) -> None:
    with storage.session_scope() as s:
        day = date(2026, 12, 15)
        assert notice_warning(s, data(day, convened_on=None)) is None
        assert notice_warning(s, data(day, convened_on=date(2026, 11, 24))) is None  # 21 days
        text = notice_warning(s, data(day, convened_on=date(2026, 12, 5)))
        assert text == ("Convocation envoyée 10 jours avant la réunion : le règlement prévoit "
                        "au moins 21 jours.")
        assert "datée après la réunion" in notice_warning(
            s, data(day, convened_on=date(2026, 12, 16)))
        settings(s).notice_days = 7
        s.flush()
        assert notice_warning(s, data(day, convened_on=date(2026, 12, 5))) is None
        assert "1 jour avant" in notice_warning(s, data(day, convened_on=date(2026, 12, 14)))


def test_new_plenary_proposes_approval_of_previous_minutes(storage: Storage) -> None:
    with storage.session_scope() as s:
        first = create_meeting(s, data(date(2026, 10, 12), type_code="pleniere", title="P1"))
        second = create_meeting(s, data(date(2026, 11, 16), type_code="pleniere", title="P2"))
        skipped = create_meeting(s, data(date(2026, 12, 14), type_code="pleniere", title="P3"),
                                 propose_first_item=False)
        items = agenda.list_items(s, second)
        assert [(i.position, i.title, i.documents) for i in items] == [
            (1, APPROVAL_ITEM, ["Compte rendu du 12/10/2026"])]
        assert [i.documents for i in agenda.list_items(s, first)] == [[]]  # none before
        assert agenda.list_items(s, skipped) == []


def test_delete_without_recorded_attendance_needs_no_confirmation(storage: Storage) -> None:
    with storage.session_scope() as s:
        who = member(s, "Abadie")
        mid = create_meeting(s, data())
        attend(s, mid, who, I)  # invited, nothing recorded
        assert delete_warning(s, mid) is None
        delete_meeting(s, mid, confirmed=False)
    with storage.session_scope() as s:
        assert s.get(Meeting, mid) is None
        assert s.scalar(select(func.count()).select_from(Attendance)) == 0
        assert s.get(Person, who) is not None


def test_delete_with_recorded_attendance_asks_first(storage: Storage) -> None:
    with storage.session_scope() as s:
        a, b = member(s, "Abadie"), member(s, "Bâ")
        mid = create_meeting(s, data(type_code="pleniere"))
        attend(s, mid, a, P)
        attend(s, mid, b, E)
        s.add(Guest(meeting_id=mid, name="Jean Voisin"))
        s.add(Decision(meeting_id=mid, text="Adopté"))
        later = duplicate_meeting(s, mid, date(2027, 1, 12))
    with storage.session_scope() as s, pytest.raises(ConfirmationNeeded) as caught:
        delete_meeting(s, mid, confirmed=False)
    assert caught.value.message.startswith(
        "La réunion « Bureau de décembre » du 15/12/2026 a 2 présences ou absences "
        "enregistrées, 1 invité extérieur et 1 décision.")
    with storage.session_scope() as s:
        assert s.get(Meeting, mid) is not None  # nothing changed
        delete_meeting(s, mid, confirmed=True)
    with storage.session_scope() as s:
        for table in (Attendance, Guest, Decision):
            assert s.scalar(select(func.count()).select_from(table).where(
                table.meeting_id == mid)) == 0
        assert s.get(Meeting, later).previous_meeting_id is None  # the series' next one stays


def test_delete_with_decisions_or_project_links_but_no_attendance_asks_first(
        storage: Storage) -> None:
    with storage.session_scope() as s:
        mid = create_meeting(s, data())
        other = create_meeting(s, data())
        item = agenda.add_item(s, mid, agenda.AgendaItemData("Budget", summary="Débat nourri."))
        s.add(Decision(meeting_id=mid, agenda_item_id=item, text="Adopté"))
        s.add(Decision(meeting_id=mid, text="Reporté"))
        for title in ("Jardins", "Fête"):
            project = Project(title=title, year=2026)
            s.add(project)
            s.flush()
            s.add(ProjectLink(project_id=project.id, meeting_id=mid))
    with storage.session_scope() as s, pytest.raises(ConfirmationNeeded) as caught:
        delete_meeting(s, mid, confirmed=False)
    assert caught.value.message == (
        "La réunion « Bureau de décembre » du 15/12/2026 a 2 décisions, 1 compte rendu de "
        "débat et 2 projets qui la citent. La supprimer efface aussi son émargement, son "
        "ordre du jour, ses décisions et ses liens aux projets.")
    with storage.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(ProjectLink)) == 2  # nothing lost
        assert delete_warning(s, other) is None
        delete_meeting(s, mid, confirmed=True)
    with storage.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(ProjectLink)) == 0
        assert s.scalar(select(func.count()).select_from(Project)) == 2  # the projects stay


def test_unknown_meeting(storage: Storage) -> None:
    with storage.session_scope() as s:
        for call in (lambda: get_meeting(s, 42), lambda: delete_meeting(s, 42, confirmed=True),
                     lambda: duplicate_meeting(s, 42, date(2027, 1, 1))):
            with pytest.raises(InvalidInputError, match="La réunion n° 42 n'existe pas"):
                call()


def test_duplicate_makes_the_next_meeting_of_the_series(storage: Storage) -> None:
    with storage.session_scope() as s:
        a, b, c = member(s, "Abadie"), member(s, "Bâ"), member(s, "Cohen")
        gone = member(s, "Dupont", status=MemberStatus.RESIGNED)
        guest_contact = _bare_person(s)
        mid = create_meeting(s, data(date(2026, 11, 16), type_code="pleniere",
                                     title="Assemblée plénière de novembre 2026",
                                     convened_on=date(2026, 10, 20), facilitator_ids=[a],
                                     notes="Penser aux clés"))
        agenda.add_item(s, mid, agenda.AgendaItemData(
            "Budget FPH", presenter_person_id=b, documents=["Tableau FPH"],
            summary="Long débat"))
        agenda.add_item(s, mid, agenda.AgendaItemData("Fête de quartier",
                                                      presenter_name="Mme la déléguée"))
        for pid, status in ((a, P), (b, A), (c, E), (gone, P), (guest_contact, P)):
            attend(s, mid, pid, status)
        new = duplicate_meeting(s, mid, date(2026, 12, 14))
    with storage.session_scope() as s:
        copy, source = s.get(Meeting, new), s.get(Meeting, mid)
        assert copy.previous_meeting_id == mid
        assert copy.title == "Assemblée plénière de décembre 2026"
        assert (copy.type_code, copy.place, copy.start_time, copy.end_time) == (
            source.type_code, source.place, source.start_time, source.end_time)
        assert (copy.convened_on, copy.notes) == (None, "")
        items = agenda.list_items(s, new)
        assert [(i.title, i.presenter_person_id, i.presenter_name, i.summary) for i in items] == [
            (APPROVAL_ITEM, None, "", ""), ("Budget FPH", b, "", ""),
            ("Fête de quartier", None, "Mme la déléguée", "")]
        assert items[0].documents == ["Compte rendu du 16/11/2026"]
        assert items[1].documents == []
        rows = s.execute(select(Attendance.person_id, Attendance.status,
                                Attendance.proxy_holder_id).where(
            Attendance.meeting_id == new)).all()
        assert sorted(rows) == sorted([(a, I, None), (b, I, None), (c, I, None),
                                       (guest_contact, I, None)])  # the resigned one left
        assert get_meeting(s, new).facilitator_ids == []  # officers rotate


def _bare_person(s) -> int:  # type: ignore[no-untyped-def]
    person = Person(last_name="Invitée", first_name="Éva")
    s.add(person)
    s.flush()
    return person.id


def test_retitle_replaces_dates_and_months() -> None:
    assert retitle("Comité FPH d'octobre 2026", date(2026, 10, 1), date(2026, 11, 5)) == \
        "Comité FPH de novembre 2026"
    assert retitle("Plénière de mars 2026", date(2026, 3, 1), date(2026, 4, 5)) == \
        "Plénière d'avril 2026"
    assert retitle("Plénière octobre 2026", date(2026, 10, 1), date(2026, 11, 5)) == \
        "Plénière novembre 2026"
    assert retitle("Bureau du 02/10/2026", date(2026, 10, 2), date(2026, 11, 6)) == \
        "Bureau du 06/11/2026"
    assert retitle("Préparation du COPIL (2026)", date(2026, 12, 1), date(2027, 1, 5)) == \
        "Préparation du COPIL (2027)"
    assert retitle("Atelier vélo", date(2026, 12, 1), date(2027, 1, 5)) == "Atelier vélo"


def test_deleting_a_member_keeps_attendance_history(storage: Storage) -> None:
    """The foreign key refuses to delete a person who attended; the contacts service
    keeps such a person instead of deleting them."""
    with storage.session_scope() as s:
        who = _bare_person(s)
        mid = meeting(s, date(2026, 10, 1))
        attend(s, mid, who, P)
    with pytest.raises(IntegrityError), storage.session_scope() as s:
        s.delete(s.get(Person, who))
        s.flush()
    with storage.session_scope() as s:
        assert contacts.remove_contact(s, who) is False
    with storage.session_scope() as s:
        assert s.get(Person, who) is not None
        assert s.scalar(select(Attendance.status).where(Attendance.person_id == who)) == P

"""A whole meeting run from the keyboard, as the president does it live:
create the meeting, add agenda items, invite the residents' college, open the
sign-in window and check people in by typing their names, give a proxy, add a
walk-in, watch the quorum flip, and record a decision with its votes. The
database and the widgets are checked at each step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    Decision,
    Guest,
    Meeting,
    Membership,
    Person,
    Seat,
    VoteMode,
)
from conseil_desktop.services.invitations import InviteScope
from conseil_desktop.services.text import person_search_key
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.meetings import meeting_dialog, meeting_page, page_actions
from conseil_desktop.ui.meetings.agenda_item_dialog import AgendaItemDialog
from conseil_desktop.ui.meetings.checkin import CheckinWindow
from conseil_desktop.ui.meetings.decision_dialog import DecisionDialog
from conseil_desktop.ui.meetings.invite_dialog import InviteDialog
from conseil_desktop.ui.meetings.meeting_dialog import MeetingDialog
from tests.ui.helpers import Dialogs, move_seed_meeting

RESIDENTS = ["Lefèvre Anaïs", "Dupont Zoé", "Martin Paul", "García Hélène", "N'Diaye Moussa"]
LOCAL_ACTORS = ["Roux Benoît", "Chevalier Inès"]  # titulaires too, but not invited


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; accented letters go as key events carrying their text
    (``qtbot.keyClicks`` cannot send them)."""
    widget.setFocus()
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     character))


def show_active(qtbot: Any, widget: QWidget) -> None:
    """Show a window and make it the active one, as a modal dialog would be."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def press(qtbot: Any, widget: QWidget, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def add_council(database: Database) -> dict[str, int]:
    ids = {}
    with database.session_scope() as session:
        for names, college in ((RESIDENTS, College.RESIDENTS),
                               (LOCAL_ACTORS, College.LOCAL_ACTORS)):
            for name in names:
                last, first = name.split(" ", 1)
                person = Person(last_name=last, first_name=first,
                                search_key=person_search_key(last, first))
                session.add(person)
                session.flush()
                session.add(Membership(person_id=person.id, college=college,
                                       seat=Seat.TITULAIRE))
                ids[name] = person.id
        seeded = session.scalars(select(Person).where(Person.last_name == "Œuvray")).one()
        seeded.search_key = person_search_key(seeded.last_name, seeded.first_name)
        ids["Œuvray Élodie"] = seeded.id
    return ids


def statuses(database: Database, meeting_id: int) -> dict[str, str]:
    with database.session_scope() as session:
        rows = session.execute(
            select(Person.last_name, Attendance.status)
            .join(Person, Person.id == Attendance.person_id)
            .where(Attendance.meeting_id == meeting_id))
        return {last: status.value for last, status in rows}


@pytest.fixture(autouse=True)
def close_pages() -> Any:
    yield
    meeting_page.close_all_pages()


def test_a_whole_meeting_from_the_keyboard(
        qtbot: Any, window: MainWindow, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    people = add_council(database)  # 8 active titulaires: the quorum is 4
    today = dt.date.today()
    previous = today - dt.timedelta(days=21)
    move_seed_meeting(database, previous)  # the plenary before this one
    tab = window.meetings_tab
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()

    # 1. Ctrl+N: the meeting form, filled in and saved from the keyboard.
    def fill_meeting_form(parent: Any, scope: Any, meeting_id: int | None = None) -> int | None:
        form = MeetingDialog(scope, meeting_id, parent)
        qtbot.addWidget(form)
        show_active(qtbot, form)
        assert form.type.currentData() == "pleniere"
        type_text(qtbot, form.title, "Assemblée plénière de décembre")
        form.date.set_date(today)
        type_text(qtbot, form.start, "18h30")
        type_text(qtbot, form.end, "20:30")
        type_text(qtbot, form.place, "Salle du Lac")
        type_text(qtbot, form.facilitators.lookup, "Œuvray Élodie")
        press(qtbot, form.facilitators.lookup, Qt.Key.Key_Return)  # adds, does not save
        assert form.facilitators.labels() == ["Œuvray Élodie"]
        assert form.isVisible()
        press(qtbot, form.place, Qt.Key.Key_Return)  # Enter in a plain field saves
        assert form.result() == form.DialogCode.Accepted
        return form.saved_id

    monkeypatch.setattr(meeting_dialog, "edit_meeting", fill_meeting_form)
    tab.view.setFocus()
    press(qtbot, tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    meeting_id = tab.selected_id()
    assert meeting_id is not None
    with database.session_scope() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.title, meeting.date, meeting.start_time, meeting.end_time,
                meeting.place) == ("Assemblée plénière de décembre", today, dt.time(18, 30),
                                   dt.time(20, 30), "Salle du Lac")
    page = meeting_page._open_pages[meeting_id]
    assert page.header.title.text() == "Assemblée plénière de décembre"
    assert page.header.people.text() == "Animation : Élodie Œuvray"
    assert page.agenda.item(0).text() == "1. Approbation du compte rendu précédent"

    # 2. Agenda items: Ctrl+Shift+N, typed; then one moved up with Ctrl+Up.
    items = iter([("Budget participatif", "Lefèvre Anaïs", "Tableau budget.xlsx"),
                  ("Fête de quartier", "M. le délégué du préfet", "")])

    def fill_item_form(parent: Any, find_people: Any, initial: Any = None) -> Any:
        title, presenter, document = next(items)
        form = AgendaItemDialog(find_people, initial, parent)
        qtbot.addWidget(form)
        show_active(qtbot, form)
        type_text(qtbot, form.title, title)
        type_text(qtbot, form.presenter, presenter)
        press(qtbot, form.presenter, Qt.Key.Key_Return)  # chooses the name only
        assert form.isVisible()
        type_text(qtbot, form.documents, document)
        press(qtbot, form.title, Qt.Key.Key_Return)
        return form.result_value

    monkeypatch.setattr(page_actions, "ask_agenda_item", fill_item_form)
    for _ in range(2):
        show_active(qtbot, page)  # back from the item form
        press(qtbot, page.agenda, Qt.Key.Key_N,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.agenda.current_entry().title == "Fête de quartier"
    show_active(qtbot, page)
    press(qtbot, page.agenda, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    with database.session_scope() as session:
        agenda = session.execute(
            select(AgendaItem.title, AgendaItem.presenter_person_id, AgendaItem.presenter_name,
                   AgendaItem.documents)
            .where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)).all()
    assert [tuple(row) for row in agenda] == [
        ("Approbation du compte rendu précédent", None, "",
         f"Compte rendu du {previous:%d/%m/%Y}"),
        ("Fête de quartier", None, "M. le délégué du préfet", ""),
        ("Budget participatif", people["Lefèvre Anaïs"], "", "Tableau budget.xlsx")]
    assert [page.agenda.item(i).text().split("\n")[0] for i in range(3)] == [
        "1. Approbation du compte rendu précédent", "2. Fête de quartier",
        "3. Budget participatif"]

    # 3. Invite the residents' college.
    def fill_invitation(parent: Any, choices: Any, invited: Any) -> Any:
        form = InviteDialog(choices, invited, parent)
        qtbot.addWidget(form)
        show_active(qtbot, form)
        radio = form.radios[InviteScope.COLLEGE]
        radio.setFocus()
        press(qtbot, radio, Qt.Key.Key_Space)
        assert form.college.currentData() == College.RESIDENTS
        press(qtbot, form.college, Qt.Key.Key_Return)
        return form.result_value

    monkeypatch.setattr(page_actions, "ask_invitation", fill_invitation)
    show_active(qtbot, page)
    assert page.invite_button.text() == "In&viter…"  # Alt+V (no mnemonics offscreen)
    page.invite_button.click()
    [(_parent, _title, text)] = dialogs.named("show_info")
    assert text.startswith("6 invitations ajoutées, 0 retirée, 0 conservée")
    assert set(statuses(database, meeting_id).values()) == {"invite"}
    assert len(statuses(database, meeting_id)) == 6
    assert page.header.quorum.text() == "Quorum non atteint (0 / 4 requis)"

    # 4. Sign-in (F5): names typed in the search, Enter marks present.
    show_active(qtbot, page)
    press(qtbot, page.agenda, Qt.Key.Key_F5)
    [checkin] = page.findChildren(CheckinWindow)
    show_active(qtbot, checkin)
    for typed in ("lefevre", "Zoé", "œuvray"):
        type_text(qtbot, checkin.search, typed)
        press(qtbot, checkin.search, Qt.Key.Key_Return)
        assert checkin.quorum_reached is False
    assert statuses(database, meeting_id) == {
        "Lefèvre": "present", "Dupont": "present", "Œuvray": "present", "Martin": "invite",
        "García": "invite", "N'Diaye": "invite"}
    assert checkin.quorum_label.text() == "Quorum non atteint (3 / 4 requis)"
    type_text(qtbot, checkin.search, "martin")
    press(qtbot, checkin.search, Qt.Key.Key_Return)
    assert checkin.quorum_reached is True  # the quorum flips with the fourth titulaire
    assert checkin.quorum_label.text() == "Quorum atteint (4 / 4 requis)"
    assert page.header.quorum.text() == "Quorum atteint (4 / 4 requis)"

    # 5. A proxy: García gives hers to Paul Martin (R, then the holder's name, Enter).
    type_text(qtbot, checkin.search, "garcia")
    press(qtbot, checkin.search, Qt.Key.Key_Escape)  # the search is cleared...
    press(qtbot, checkin.search, Qt.Key.Key_Escape)  # ...then the list has the focus
    assert checkin.current_row().last_name == "García"
    press(qtbot, checkin.table, Qt.Key.Key_R)
    type_text(qtbot, checkin.proxy_picker.search, "paul")
    press(qtbot, checkin.proxy_picker.search, Qt.Key.Key_Return)
    with database.session_scope() as session:
        proxy = session.execute(select(Attendance.status, Attendance.proxy_holder_id).where(
            Attendance.meeting_id == meeting_id,
            Attendance.person_id == people["García Hélène"])).one()
    assert tuple(proxy) == (AttendanceStatus.REPRESENTED, people["Martin Paul"])
    assert checkin.quorum_label.text() == "Quorum atteint (5 / 4 requis)"

    # 6. A walk-in, in two fields, without creating a member.
    type_text(qtbot, checkin.guests.guest_name, "Zoë Ébrard")
    press(qtbot, checkin.guests.guest_name, Qt.Key.Key_Return)  # on to the second field
    type_text(qtbot, checkin.guests.guest_org, "Habitante du quartier")
    press(qtbot, checkin.guests.guest_org, Qt.Key.Key_Return)
    with database.session_scope() as session:
        guest = session.execute(select(Guest.name, Guest.quality, Guest.person_id).where(
            Guest.meeting_id == meeting_id)).one()
        assert session.scalar(select(Person.id).where(Person.last_name == "Ébrard")) is None
    assert tuple(guest) == ("Zoë Ébrard", "Habitante du quartier", None)
    assert "invités extérieurs 1" in page.header.counts.text()
    assert page.invitees.status_of("García Hélène") == "Représenté"

    # 7. A decision with votes on "Budget participatif".
    def fill_decision(parent: Any, find_people: Any, find_organisations: Any, check: Any,
                      initial: Any = None) -> Any:
        form = DecisionDialog(find_people, find_organisations, check, initial, parent)
        qtbot.addWidget(form)
        show_active(qtbot, form)
        type_text(qtbot, form.text, "Le budget participatif 2027 est adopté.")
        assert form.mode.currentData() == VoteMode.VOTE
        for name, count in (("votes_for", "9"), ("votes_against", "1")):
            spin = form.votes[name]
            spin.lineEdit().selectAll()
            type_text(qtbot, spin, count)
        assert form.warning.text() == ("10 voix comptées pour 5 personnes présentes ou "
                                       "représentées : vérifiez les nombres ou l'émargement.")
        form.votes["votes_for"].lineEdit().selectAll()
        type_text(qtbot, form.votes["votes_for"], "3")
        assert form.warning.isHidden()  # 3 + 1 is within the 5 present or represented
        type_text(qtbot, form.owner, "Martin Paul")
        press(qtbot, form.owner, Qt.Key.Key_Return)
        assert form.isVisible()
        type_text(qtbot, form.deadline, "31/01/2027")
        press(qtbot, form.deadline, Qt.Key.Key_Return)
        return form.result_value

    monkeypatch.setattr(page_actions, "ask_decision", fill_decision)
    show_active(qtbot, page)
    page.agenda.setFocus()
    press(qtbot, page.agenda, Qt.Key.Key_Down)
    assert page.item_panel.heading.text() == "Budget participatif"
    page.item_panel.add_button.setFocus()
    press(qtbot, page.item_panel.add_button, Qt.Key.Key_Space)
    with database.session_scope() as session:
        decision = session.execute(
            select(Decision.text, Decision.vote_mode, Decision.votes_for, Decision.votes_against,
                   Decision.owner_person_id, Decision.deadline, AgendaItem.title)
            .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .where(Decision.meeting_id == meeting_id)).one()
    assert tuple(decision) == ("Le budget participatif 2027 est adopté.", VoteMode.VOTE, 3, 1,
                               people["Martin Paul"], dt.date(2027, 1, 31),
                               "Budget participatif")
    table = page.item_panel.decisions
    assert [table.item(0, c).text() for c in range(4)] == [
        "Le budget participatif 2027 est adopté.", "Vote : pour 3, contre 1",
        "Paul Martin", "31/01/2027"]

    # 8. The list shows the meeting as it now is.
    window.tabs.setCurrentWidget(tab)  # read again shortly after the last change
    qtbot.waitUntil(lambda: tab.is_loaded and tab.model.row_of(meeting_id) is not None
                    and tab.model.row_at(tab.model.row_of(meeting_id)).represented == 1)
    row = tab.model.row_at(tab.model.row_of(meeting_id))
    assert (row.invited, row.present, row.represented, row.quorum_reached) == (6, 4, 1, True)
    model = tab.model
    index = tab.model.row_of(meeting_id)
    assert model.data(model.index(index, 5)) == "4 + 1"
    assert model.data(model.index(index, 6)) == "atteint"

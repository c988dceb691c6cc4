"""The check-in screen from the keyboard: find by name (accents ignored) or number, mark
statuses with one key, proxies through the picker, the live counter and quorum, walk-ins."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import time
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Guest,
    Meeting,
    Membership,
    Person,
    Seat,
)
from conseil_desktop.ui import qt_fixes
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.meetings import checkin_guests
from conseil_desktop.ui.meetings.checkin import CheckinWindow, open_checkin
from conseil_desktop.ui.meetings.checkin_guests import (
    GuestConversion,
    GuestConversionDialog,
)
from conseil_desktop.ui.meetings.checkin_model import Col
from tests.ui.helpers import Dialogs

P, R, E, A, I = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED,
                 AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT, AttendanceStatus.INVITED)
# With the seeded Élodie Œuvray: numbered 1 Diallo, 2 Guérin, 3 Martin, 4 Nguyễn,
# 5 Œuvray, 6 Yılmaz, 7 Zéphir (a suppléant, not counted for the quorum).
OTHERS = [("Yılmaz", "Şükrü", Seat.TITULAIRE), ("Martin", "Luc", Seat.TITULAIRE),
          ("Diallo", "Aïcha", Seat.TITULAIRE), ("Guérin", "Noël", Seat.TITULAIRE),
          ("Nguyễn", "Thị Hương", Seat.TITULAIRE), ("Zéphir", "Léa", Seat.SUPPLEANT)]


@pytest.fixture
def meeting_id(database: Database) -> int:
    with database.session_scope() as s:
        meeting = s.scalars(select(Meeting)).one()
        for last, first, seat in OTHERS:
            person = Person(last_name=last, first_name=first)
            s.add(person)
            s.flush()
            s.add(Membership(person_id=person.id, college=College.RESIDENTS, seat=seat))
        s.flush()
        for person_id in s.scalars(select(Person.id)):
            s.add(Attendance(meeting_id=meeting.id, person_id=person_id))
        return meeting.id


@pytest.fixture
def screen(qtbot: Any, database: Database, meeting_id: int) -> CheckinWindow:
    window = open_checkin(None, database.session_scope, meeting_id)
    assert window is not None
    qtbot.addWidget(window)
    return window


def stored(database: Database, last_name: str) -> Attendance:
    with database.session_scope() as s:
        found = s.scalars(select(Attendance).join(Person, Person.id == Attendance.person_id)
                          .where(Person.last_name == last_name)).one()
        s.expunge(found)
        return found


def counter(screen: CheckinWindow) -> str:
    """The counter, its non-breaking spaces (French colons) read as spaces."""
    return screen.counter_label.text().replace("\u00a0", " ")


def current_name(screen: CheckinWindow) -> str:
    row = screen.current_row()
    assert row is not None
    return row.last_name


def test_numbers_names_and_counter_on_opening(screen: CheckinWindow) -> None:
    model = screen.model
    assert [model.index(r, Col.NUMBER).data() for r in range(7)] == [str(n) for n in range(1, 8)]
    assert model.index(4, Col.NAME).data() == "ŒUVRAY Élodie"
    assert counter(screen) == (
        "Présents : 0 · Représentés : 0 · Excusés : 0 · Absents : 0 · Attendus : 7")
    # Six active titulaires in the council: half of them, 3, are needed.
    assert screen.quorum_label.text() == "Quorum non atteint (0 / 3 requis)"
    assert screen.windowTitle() == "Émargement : Assemblée plénière de novembre"
    assert screen.font().pointSizeF() >= 16


def test_typing_part_of_a_name_jumps_accents_ignored(screen: CheckinWindow) -> None:
    screen.search.setText("oeuv")
    assert current_name(screen) == "Œuvray"
    screen.search.setText("ŸILM")  # neither the case nor the accents matter
    assert screen.current_row() is not None
    screen.search.setText("yilm")
    assert current_name(screen) == "Yılmaz"
    screen.search.setText("huong")  # any part of the name, the first name too
    assert current_name(screen) == "Nguyễn"
    screen.search.setText("2")  # the number on the paper sheet
    assert current_name(screen) == "Guérin"
    screen.search.setText("zzz")
    assert screen.search_hint.text() == "aucun nom ne correspond"


def test_a_name_not_found_leaves_no_one_to_mark_by_mistake(
        qtbot: Any, screen: CheckinWindow, database: Database) -> None:
    """Typing on past the last match must not leave the previous person highlighted:
    the buttons act on the highlighted line, and would mark the wrong person."""
    screen.search.setText("guer")
    assert current_name(screen) == "Guérin"
    screen.search.setText("guerz")
    assert screen.current_row() is None
    qtbot.mouseClick(screen.present_button, Qt.MouseButton.LeftButton)
    assert stored(database, "Guérin").status is I
    with database.session_scope() as s:
        assert set(s.scalars(select(Attendance.status))) == {I}


def test_down_goes_to_the_next_match(qtbot: Any, screen: CheckinWindow) -> None:
    screen.search.setText("l")  # Léa, Luc, Élodie, Noël…
    first = current_name(screen)
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert current_name(screen) != first
    assert screen.search_hint.text().startswith("2 sur ")
    qtbot.keyClick(screen.search, Qt.Key.Key_Up)
    assert current_name(screen) == first


def test_enter_in_the_search_marks_present_and_updates_the_counter(
        qtbot: Any, screen: CheckinWindow, database: Database) -> None:
    screen.search.setText("Œuvr")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert stored(database, "Œuvray").status is P
    assert screen.search.text() == ""
    assert counter(screen).startswith("Présents : 1 ·")
    assert screen.model.index(4, Col.STATUS).data() == "Présent"
    assert screen.message_label.text() == "N° 5 ŒUVRAY Élodie : Présent"


def test_keys_in_the_list_mark_statuses_and_move_down(qtbot: Any, screen: CheckinWindow,
                                                      database: Database) -> None:
    screen.table.setFocus()
    screen.search.setText("diallo")
    qtbot.keyClick(screen.table, Qt.Key.Key_E)
    assert stored(database, "Diallo").status is E
    assert current_name(screen) == "Guérin"  # the next line of the sheet
    qtbot.keyClick(screen.table, Qt.Key.Key_A)
    assert stored(database, "Guérin").status is A
    qtbot.keyClick(screen.table, Qt.Key.Key_P)
    qtbot.keyClick(screen.table, Qt.Key.Key_Space)
    assert (stored(database, "Martin").status, stored(database, "Nguyễn").status) == (P, P)
    screen.search.setText("diallo")
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert stored(database, "Diallo").status is I
    assert counter(screen) == (
        "Présents : 2 · Représentés : 0 · Excusés : 0 · Absents : 1 · Attendus : 7")


def test_a_letter_in_the_list_starts_a_search(qtbot: Any, screen: CheckinWindow) -> None:
    screen.table.setFocus()
    qtbot.keyClick(screen.table, "z")
    assert screen.search.text() == "z"
    assert current_name(screen) == "Zéphir"
    # A letter with an accent, as a French keyboard sends it.
    screen.table.setFocus()
    QApplication.sendEvent(screen.table, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Eacute,
                                                   Qt.KeyboardModifier.NoModifier, "é"))
    assert screen.search.text() == "é"
    assert current_name(screen) == "Œuvray"  # Élodie: a word starting with "e" comes first


def test_one_click_on_the_status_marks_present(qtbot: Any, screen: CheckinWindow,
                                               database: Database) -> None:
    index = screen.model.index(2, Col.STATUS)
    screen.table.setCurrentIndex(index)
    screen.table.clicked.emit(index)
    assert stored(database, "Martin").status is P


def test_quorum_flips_when_enough_titulaires_are_counted(qtbot: Any, screen: CheckinWindow,
                                                         database: Database) -> None:
    for name in ("zéph", "diallo", "guérin"):  # a suppléant does not count
        screen.search.setText(name)
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert screen.quorum_label.text() == "Quorum non atteint (2 / 3 requis)"
    assert screen.quorum_reached is False
    screen.search.setText("martin")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert screen.quorum_label.text() == "Quorum atteint (3 / 3 requis)"
    assert screen.quorum_reached is True
    screen.search.setText("martin")
    qtbot.keyClick(screen.table, Qt.Key.Key_E)
    assert screen.quorum_reached is False


def give_proxy(qtbot: Any, screen: CheckinWindow, giver: str, holder: str) -> None:
    screen.search.setText(giver)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_R)
    assert screen.proxy_picker.isVisible()
    screen.proxy_picker.search.setText(holder)
    qtbot.keyClick(screen.proxy_picker.search, Qt.Key.Key_Return)


def test_proxy_through_the_picker_flags_an_absent_holder(
        qtbot: Any, screen: CheckinWindow, database: Database) -> None:
    screen.search.setText("martin")
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_R)
    picker = screen.proxy_picker
    assert picker.title.text() == "Pouvoir de MARTIN Luc (n° 3) donné à :"
    assert len(picker.candidates()) == 6  # everyone but Martin
    picker.search.setText("AÏCHA")
    assert len(picker.candidates()) == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert not picker.isVisible()
    saved = stored(database, "Martin")
    assert (saved.status, saved.proxy_holder_id) == (R, stored(database, "Diallo").person_id)
    assert screen.model.index(2, Col.PROXY).data() == "→ Aïcha Diallo ⚠"
    assert screen.model.index(0, Col.PROXY).data() == "← MARTIN Luc ⚠"
    assert screen.warnings_label.isVisibleTo(screen)
    assert "Aïcha Diallo porte le pouvoir de Luc Martin mais n'est pas marqué(e) présent(e)." in (
        screen.warnings_label.text())
    assert counter(screen).startswith("Présents : 0 · Représentés : 1")
    # The holder arrives: nothing is flagged any more.
    screen.search.setText("diallo")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert screen.model.index(2, Col.PROXY).data() == "→ Aïcha Diallo"
    assert not screen.warnings_label.isVisibleTo(screen)


def test_a_proxy_counts_once_its_holder_arrives(qtbot: Any, screen: CheckinWindow) -> None:
    """A pouvoir is exercised only by a holder who is there: the counter says how many
    proxies do not count yet, and the quorum flips when the holder is marked present."""
    for name in ("diallo", "guérin"):
        screen.search.setText(name)
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    give_proxy(qtbot, screen, "martin", "nguy")  # Nguyễn, not there yet
    assert counter(screen) == ("Présents : 2 · Représentés : 1 (dont 1 non compté(s) : "
                               "porteur absent) · Excusés : 0 · Absents : 0 · Attendus : 7")
    assert screen.quorum_label.text() == "Quorum non atteint (2 / 3 requis)"
    assert screen.quorum_reached is False
    assert screen.model.index(2, Col.PROXY).data() == "→ Thị Hương Nguyễn ⚠"  # still shown
    screen.search.setText("nguy")  # the holder arrives
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert counter(screen) == (
        "Présents : 3 · Représentés : 1 · Excusés : 0 · Absents : 0 · Attendus : 7")
    assert screen.quorum_label.text() == "Quorum atteint (4 / 3 requis)"
    assert screen.quorum_reached is True


def test_escape_cancels_the_picker(qtbot: Any, screen: CheckinWindow,
                                   database: Database) -> None:
    screen.search.setText("martin")
    qtbot.keyClick(screen.table, Qt.Key.Key_R)
    qtbot.keyClick(screen.proxy_picker.search, Qt.Key.Key_Escape)
    assert not screen.proxy_picker.isVisible()
    assert stored(database, "Martin").status is I


def test_over_the_limit_asks_and_records_an_exception(
        qtbot: Any, screen: CheckinWindow, database: Database, dialogs: Dialogs) -> None:
    give_proxy(qtbot, screen, "martin", "diallo")
    dialogs.answer("confirm", False)
    give_proxy(qtbot, screen, "guérin", "diallo")
    assert stored(database, "Guérin").status is I  # refused: nothing recorded
    assert screen.message_label.text() == "N° 2 GUÉRIN Noël : pouvoir non enregistré"
    question = dialogs.named("confirm")[0][2]
    assert "Aïcha Diallo porte déjà 1 pouvoir" in question
    assert "dérogation" in question
    dialogs.answer("confirm", True)
    give_proxy(qtbot, screen, "guérin", "diallo")
    saved = stored(database, "Guérin")
    assert (saved.status, saved.proxy_exception) == (R, True)
    assert screen.model.index(1, Col.PROXY).data() == "→ Aïcha Diallo (dérogation) ⚠"


def test_chains_and_self_proxies_are_errors(qtbot: Any, screen: CheckinWindow,
                                            database: Database, dialogs: Dialogs) -> None:
    give_proxy(qtbot, screen, "martin", "diallo")
    # The picker does not offer Martin (he gave his proxy); ask the window directly.
    martin = stored(database, "Martin")
    guerin = stored(database, "Guérin")
    screen.give_proxy(guerin.id, martin.person_id)
    screen.give_proxy(guerin.id, guerin.person_id)
    messages = [args[2] for args in dialogs.named("show_error")]
    assert "pas de chaîne de pouvoirs" in messages[0]
    assert "son propre pouvoir" in messages[1]
    assert stored(database, "Guérin").status is I


def test_arrival_and_departure_at_the_noted_time(qtbot: Any, screen: CheckinWindow,
                                                 database: Database,
                                                 dialogs: Dialogs) -> None:
    screen.noted_time.set_value(time(19, 5))
    assert not screen.noted_time.following
    screen.search.setText("guérin")
    qtbot.keyClick(screen.table, Qt.Key.Key_H)
    saved = stored(database, "Guérin")
    assert (saved.status, saved.arrival_time) == (P, time(19, 5))
    assert screen.model.index(1, Col.ARRIVAL).data() == "19 h 05"
    screen.noted_time.set_value(time(18, 0))
    screen.search.setText("guérin")
    qtbot.keyClick(screen.table, Qt.Key.Key_D)
    assert "précède" in dialogs.named("show_error")[0][2]
    screen.noted_time.set_value(time(20, 15))
    qtbot.keyClick(screen.table, Qt.Key.Key_D)
    assert stored(database, "Guérin").departure_time == time(20, 15)
    screen.noted_time.now_button.click()
    assert screen.noted_time.following


def test_walk_in_added_in_two_fields(qtbot: Any, screen: CheckinWindow,
                                     database: Database) -> None:
    panel = screen.guests
    panel.guest_name.setText("Mme Durand")
    panel.guest_org.setText("Élue de quartier")
    qtbot.keyClick(panel.guest_org, Qt.Key.Key_Return)
    assert panel.guests_table.rowCount() == 1
    assert panel.guests_table.item(0, 1).text() == "Élue de quartier"
    assert panel.guest_name.text() == ""
    assert counter(screen).endswith(" · Invités extérieurs : 1")
    with database.session_scope() as s:
        assert s.scalars(select(Guest.name)).all() == ["Mme Durand"]
        assert s.scalar(select(Person).where(Person.last_name == "Durand")) is None


def test_guest_edited_in_place_then_removed(qtbot: Any, screen: CheckinWindow,
                                            database: Database, dialogs: Dialogs) -> None:
    panel = screen.guests
    panel.guest_name.setText("M. Petit")
    panel.add_guest_button.click()
    panel.guests_table.item(0, 1).setText("Délégué du préfet")
    with database.session_scope() as s:
        assert s.scalars(select(Guest.quality)).all() == ["Délégué du préfet"]
    panel.guests_table.setCurrentCell(0, 0)
    dialogs.answer("confirm", True)
    panel.remove_guest_button.click()
    assert panel.guests_table.rowCount() == 0
    assert "Invités extérieurs" not in counter(screen)


def test_guest_converted_into_a_member_keeps_the_attendance(
        qtbot: Any, screen: CheckinWindow, database: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    panel = screen.guests
    panel.guest_name.setText("Ahmed Benali")
    panel.guest_org.setText("Habitant")
    panel.add_guest_button.click()
    asked = []

    def answer(_parent: Any, guest: Any) -> GuestConversion:
        asked.append(guest.name)
        return GuestConversion("Benali", "Ahmed", College.RESIDENTS, Seat.TITULAIRE)

    monkeypatch.setattr(checkin_guests, "ask_guest_conversion", answer)
    panel.guests_table.setCurrentCell(0, 0)
    panel.convert_guest_button.click()
    assert asked == ["Ahmed Benali"]
    assert stored(database, "Benali").status is P
    names = [r.last_name for r in screen.model.rows]
    assert "Benali" in names and len(names) == 8
    assert counter(screen) == (  # counted once, as a member present, no longer as a guest
        "Présents : 1 · Représentés : 0 · Excusés : 0 · Absents : 0 · Attendus : 8")
    assert panel.guests_table.item(0, 0).text() == "Ahmed Benali (fiche dans la base)"


def test_conversion_dialog_suggests_the_split_name(qtbot: Any) -> None:
    from conseil_desktop.services.meeting_snapshot import GuestEntry

    dialog = GuestConversionDialog(GuestEntry(1, "Zoé ABADIE", "", "", None, None, None))
    qtbot.addWidget(dialog)
    dialog.college.setCurrentIndex(1)
    assert dialog.choice() == GuestConversion("ABADIE", "Zoé", College.LOCAL_ACTORS,
                                              Seat.TITULAIRE)


def test_opening_twice_brings_the_same_window(qtbot: Any, database: Database,
                                              meeting_id: int) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_checkin(parent, database.session_scope, meeting_id)
    assert first is not None
    assert open_checkin(parent, database.session_scope, meeting_id) is first
    assert not first.isModal()


def test_a_missing_meeting_is_reported(database: Database, dialogs: Dialogs) -> None:
    assert open_checkin(None, database.session_scope, 999) is None
    assert "n'existe pas" in dialogs.named("show_error")[0][2]


def test_proxy_limit_setting_is_used(qtbot: Any, database: Database, meeting_id: int,
                                     dialogs: Dialogs) -> None:
    with database.session_scope() as s:
        settings = s.scalars(select(CouncilSettings)).first()
        if settings is None:
            s.add(CouncilSettings(max_proxies_per_holder=2))
        else:
            settings.max_proxies_per_holder = 2
    window = open_checkin(None, database.session_scope, meeting_id)
    assert window is not None
    qtbot.addWidget(window)
    give_proxy(qtbot, window, "martin", "diallo")
    give_proxy(qtbot, window, "guérin", "diallo")
    assert dialogs.named("confirm") == []
    assert stored(database, "Guérin").status is R


def test_the_binding_cannot_wear_out_none_or_true(screen: CheckinWindow) -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void call and to True
    per emit(); with the work-around a long check-in session cannot end in
    'Fatal Python error: none_dealloc' (it reached zero after ~6,000 keystrokes)."""
    qt_fixes.install()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        screen.attendance_changed.emit(screen.meeting_id)
        screen.search.setText("m")
    after = sys.getrefcount(None), sys.getrefcount(True)
    # Immortal in practice (the reserve of references, or Python >= 3.12, whose
    # count reads 2**32 - 1 and never moves), or else not worn out by the calls:
    # a sound binding, on which install() does nothing.
    for was, now in zip(before, after, strict=True):
        assert now > 1 << 31 or now >= was - 20


def test_buttons_keep_the_keyboard_in_the_search_and_tab_reaches_the_list(
        qtbot: Any, screen: CheckinWindow, database: Database) -> None:
    """Alt+letter (the buttons' mnemonics; checked by hand under Xvfb with xdotool, QTest
    does not route mnemonics) clicks a button that never takes the focus."""
    assert QKeySequence.mnemonic(screen.excused_button.text()).toString() == "Alt+E"
    assert QKeySequence.mnemonic(screen.proxy_button.text()).toString() == "Alt+R"
    screen.show()
    screen.activateWindow()
    qtbot.waitActive(screen)
    screen.search.setFocus()
    qtbot.waitUntil(screen.search.hasFocus)
    screen.search.setText("yilmaz")
    qtbot.mouseClick(screen.excused_button, Qt.MouseButton.LeftButton)
    assert stored(database, "Yılmaz").status is E
    assert screen.search.hasFocus()
    assert current_name(screen) == "Yılmaz"  # from the search, the line stays put
    qtbot.keyClick(screen.search, Qt.Key.Key_Tab)
    assert screen.table.hasFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Tab)
    assert screen.guests.guest_name.hasFocus()


def test_guest_times_use_the_noted_time(qtbot: Any, screen: CheckinWindow,
                                        database: Database, dialogs: Dialogs) -> None:
    panel = screen.guests
    panel.guest_name.setText("M. Petit")
    panel.add_guest_button.click()
    panel.guests_table.setCurrentCell(0, 0)
    screen.noted_time.set_value(time(18, 40))
    panel.guest_arrival_button.click()
    screen.noted_time.set_value(time(18, 10))
    panel.guest_departure_button.click()  # before the arrival: refused
    assert "précède" in dialogs.named("show_error")[0][2]
    screen.noted_time.set_value(time(19, 55))
    panel.guest_departure_button.click()
    assert [panel.guests_table.item(0, c).text() for c in (2, 3)] == ["18 h 40", "19 h 55"]
    with database.session_scope() as s:
        assert s.execute(select(Guest.arrival_time, Guest.departure_time)).one() == (
            time(18, 40), time(19, 55))


def test_the_window_closes_when_another_base_is_opened(
        qtbot: Any, database: Database, meeting_id: int, tmp_path: Any) -> None:
    window = open_checkin(None, database.session_scope, meeting_id)
    assert window is not None and window.isVisible()
    with qtbot.waitSignal(window.destroyed):  # closed, then deleted
        database.switched.emit(tmp_path / "autre.db")


@pytest.fixture
def closable(database: Database, meeting_id: int) -> Iterator[CheckinWindow]:
    """The screen, for tests that close it (it then deletes itself)."""
    window = open_checkin(None, database.session_scope, meeting_id)
    assert window is not None
    yield window
    if shiboken6.isValid(window):
        window.close()


def test_ctrl_w_closes_the_window_and_every_mark_is_kept(
        qtbot: Any, closable: CheckinWindow, database: Database) -> None:
    closable.activateWindow()
    qtbot.waitUntil(closable.isActiveWindow)
    closable.search.setText("martin")
    qtbot.keyClick(closable.search, Qt.Key.Key_Return)
    panel = closable.guests
    panel.guest_name.setText("M. Petit")
    panel.add_guest_button.click()
    panel.guests_table.setCurrentCell(0, 1)
    panel.guests_table.editItem(panel.guests_table.item(0, 1))  # a cell being typed in
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not panel.guest_name
    editor.setText("Délégué du préfet")
    with qtbot.waitSignal(closable.destroyed):
        qtbot.keyClick(editor, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert stored(database, "Martin").status is P
    with database.session_scope() as s:
        assert s.execute(select(Guest.name, Guest.quality)).all() == [
            ("M. Petit", "Délégué du préfet")]


def test_escape_clears_what_is_typed_or_cancels_the_picker_first(
        qtbot: Any, closable: CheckinWindow) -> None:
    closable.activateWindow()
    qtbot.waitUntil(closable.isActiveWindow)
    closable.search.setText("mart")
    qtbot.keyClick(closable.search, Qt.Key.Key_Escape)
    assert closable.search.text() == "" and closable.isVisible()
    closable.table.setFocus()
    qtbot.keyClick(closable.table, Qt.Key.Key_R)  # the picker open: Escape cancels it only
    assert closable.proxy_picker.isVisible()
    qtbot.keyClick(closable.proxy_picker.list, Qt.Key.Key_Escape)
    assert not closable.proxy_picker.isVisible() and closable.isVisible()
    panel = closable.guests
    panel.guest_name.setText("Mme Durand")  # a walk-in's name not yet added
    panel.guest_org.setFocus()
    qtbot.keyClick(panel.guest_org, Qt.Key.Key_Escape)
    assert panel.guest_name.text() == "" and closable.isVisible()
    with qtbot.waitSignal(closable.destroyed):  # nothing typed any more: Escape closes
        qtbot.keyClick(panel.guest_org, Qt.Key.Key_Escape)


@pytest.mark.parametrize("where", ["search", "table", "time_edit"])
def test_escape_closes_the_window_when_nothing_is_typed(
        qtbot: Any, closable: CheckinWindow, where: str) -> None:
    closable.activateWindow()
    qtbot.waitUntil(closable.isActiveWindow)
    focus = getattr(closable, where)
    focus.setFocus()
    with qtbot.waitSignal(closable.destroyed):
        qtbot.keyClick(focus, Qt.Key.Key_Escape)


def test_at_the_end_the_unmarked_are_marked_absent(
        screen: CheckinWindow, database: Database, dialogs: Dialogs) -> None:
    screen.find_person("diallo")
    screen.mark(P)
    screen.find_person("guerin")
    screen.mark(E)
    dialogs.answer("confirm", False)  # « Non »: nothing changes
    screen.rest_absent_button.click()
    assert dialogs.named("confirm")[-1][2] == "Marquer absents les 5 invités non pointés ?"
    assert stored(database, "Martin").status is I
    dialogs.answer("confirm", True)
    screen.rest_absent_button.click()
    assert [stored(database, name).status for name in ("Diallo", "Guérin", "Martin", "Zéphir")] \
        == [P, E, A, A]
    assert counter(screen) == (
        "Présents : 1 · Représentés : 0 · Excusés : 1 · Absents : 5 · Attendus : 7")
    screen.rest_absent_button.click()  # nobody left: said, not asked
    assert dialogs.named("show_info")[-1][2] == "Tous les invités sont déjà pointés."

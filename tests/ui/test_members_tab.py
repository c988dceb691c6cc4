"""The *Membres* tab: list, search, filters, sorting, columns, keyboard, archive, undo,
the member's details, and the members' tools."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox
from sqlalchemy import select

from conseil_desktop.db.engine import open_storage
from conseil_desktop.db.models import (
    Attendance,
    AttendanceStatus,
    College,
    Meeting,
    MemberRole,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.services.members import (
    MemberData,
    create_member,
    update_member_fields,
)
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.members import member_dialog, tools
from conseil_desktop.ui.members.model import ID_ROLE
from conseil_desktop.ui.members.tab import MembersTab
from tests.ui.helpers import Dialogs, make_database


def add(database: Database, last: str, first: str, **fields: Any) -> int:
    with database.session_scope() as session:
        return create_member(session, MemberData(last_name=last, first_name=first, **fields))


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    """Besides the seeded Élodie Œuvray (06 12 34 56 78): four members."""
    with database.session_scope() as session:
        org_id = session.scalars(select(Organisation.id)).one()  # Centre social Bellefontaine
        elodie = session.scalars(select(Person.id).where(Person.last_name == "Œuvray")).one()
    ids = {
        "elodie": elodie,
        "ait": add(database, "Aït-Ahmed", "Zoé", email="zoe@example.org"),
        "bruno": add(database, "Bernard", "Bruno", seat=Seat.SUPPLEANT),
        "anne": add(database, "Martin", "Anne", college=College.LOCAL_ACTORS,
                    organisation_id=org_id, phone="07 61 22 33 44"),
        "paul": add(database, "Durand", "Paul"),
    }
    with database.session_scope() as session:
        membership = session.scalars(
            select(Membership).where(Membership.person_id == ids["paul"])).one()
        membership.status = MemberStatus.RESIGNED
        anne = session.scalars(
            select(Membership).where(Membership.person_id == ids["anne"])).one()
        session.add(MemberRole(membership_id=anne.id, role_code="president"))
    return ids


@pytest.fixture
def tab(qtbot: Any, database: Database, people: dict[str, int]) -> Iterator[MembersTab]:
    shown = MembersTab(database.session_scope)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


def column(tab: MembersTab, key: str) -> list[str]:
    model = tab.model
    col = model.column_of(key)
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def choose(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_list_columns_and_count(tab: MembersTab) -> None:
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount()) if not tab.view.isColumnHidden(c)]
    assert headers == ["Nom", "Prénom", "Collège", "Titulaire / suppléant", "Statut", "Rôles",
                       "Structure", "Téléphone"]
    assert column(tab, "last_name") == ["Aït-Ahmed", "Bernard", "Martin", "Œuvray"]  # actifs
    assert column(tab, "phone") == ["", "", "07 61 22 33 44", "06 12 34 56 78"]
    assert column(tab, "organisation")[2] == "Centre social Bellefontaine"
    assert column(tab, "roles")[2] == "Président·e"
    assert column(tab, "seat")[1] == "Suppléant"
    assert column(tab, "college")[2] == "Acteurs locaux"
    assert tab.count_label.text() == "Affichés : 4 sur 5"
    assert model.data(model.index(0, 0), ID_ROLE) == model.row_id(0)


def test_search_as_you_type_ignores_accents_and_case(tab: MembersTab) -> None:
    for text, expected in [("elodie", ["Œuvray"]), ("OEUVRAY", ["Œuvray"]),
                           ("ait", ["Aït-Ahmed"]), ("zoe@example", ["Aït-Ahmed"]),
                           ("0612345678", ["Œuvray"]), ("bellefontaine", ["Martin"]),
                           ("dupont", [])]:
        tab.search.setText(text)
        assert column(tab, "last_name") == expected, text
    assert tab.count_label.text() == "Affichés : 0 sur 5"
    tab.search.clear()
    assert tab.model.rowCount() == 4


def test_filters(tab: MembersTab) -> None:
    bar = tab.filter_bar
    choose(bar.college, College.LOCAL_ACTORS.value)
    assert column(tab, "last_name") == ["Martin"]
    choose(bar.college, None)
    choose(bar.seat, Seat.SUPPLEANT.value)
    assert column(tab, "last_name") == ["Bernard"]
    choose(bar.seat, None)
    choose(bar.role, "president")
    assert column(tab, "last_name") == ["Martin"]
    choose(bar.role, None)
    choose(bar.status, "former")
    assert column(tab, "last_name") == ["Durand"]
    choose(bar.status, None)
    assert len(column(tab, "last_name")) == 5
    assert tab.count_label.text() == "Affichés : 5 sur 5"
    tab.search.setText("a")  # search and filters together
    choose(bar.status, "active")
    assert column(tab, "last_name") == ["Aït-Ahmed", "Bernard", "Martin", "Œuvray"]


def test_sorting_any_column_by_the_header(qtbot: Any, tab: MembersTab) -> None:
    header = tab.view.horizontalHeader()
    first = tab.model.column_of("first_name")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(first) + 10, 5))
    assert column(tab, "first_name") == ["Anne", "Bruno", "Élodie", "Zoé"]
    header.setSortIndicator(first, Qt.SortOrder.DescendingOrder)
    assert column(tab, "first_name") == ["Zoé", "Élodie", "Bruno", "Anne"]
    header.setSortIndicator(tab.model.column_of("phone"), Qt.SortOrder.DescendingOrder)
    assert column(tab, "phone") == ["07 61 22 33 44", "06 12 34 56 78", "", ""]  # empty last
    tab.select_member(tab.model.row_id(1))  # the selection follows the member
    selected = tab.selected_id()
    header.setSortIndicator(tab.model.column_of("college"), Qt.SortOrder.AscendingOrder)
    assert tab.selected_id() == selected


def test_column_chooser_reads_and_remembers_hidden_columns(
        qtbot: Any, tab: MembersTab, database: Database) -> None:
    email = tab.model.column_of("email")
    assert tab.view.isColumnHidden(email)
    assert not tab.model.has_extra("email")
    tab.columns.actions["email"].trigger()
    assert not tab.view.isColumnHidden(email)
    assert column(tab, "email")[0] == "zoe@example.org"
    assert not tab.columns.actions["last_name"].isEnabled()  # the name always shows
    tab.columns.actions["phone"].trigger()
    assert tab.view.isColumnHidden(tab.model.column_of("phone"))
    other = MembersTab(database.session_scope)  # the next session
    qtbot.addWidget(other)
    other.ensure_loaded()
    assert not other.view.isColumnHidden(email)
    assert other.view.isColumnHidden(other.model.column_of("phone"))
    assert other.model.data(other.model.index(0, email)) == "zoe@example.org"
    other.columns.reset()
    assert other.view.isColumnHidden(email)


def test_a_ticked_column_is_scrolled_into_view(tab: MembersTab) -> None:
    """The e-mail column comes after the phone, past the right edge of the list:
    ticking it scrolls the list so that it is seen, not added out of sight."""
    view = tab.view
    email = tab.model.column_of("email")
    tab.columns.actions["email"].trigger()
    left = view.columnViewportPosition(email)
    assert left >= 0 and left + view.columnWidth(email) <= view.viewport().width()
    assert view.rowAt(0) == 0  # sideways only


def press(widget: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          text: str = "") -> None:
    """A key press sent as the window system would, shortcuts included."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


def test_keyboard(qtbot: Any, tab: MembersTab, database: Database, dialogs: Dialogs,
                  monkeypatch: pytest.MonkeyPatch, people: dict[str, int]) -> None:
    opened: list[int | None] = []

    def fake_edit(parent: Any, scope: Any, person_id: int | None) -> int | None:
        opened.append(person_id)
        return add(database, "Nouveau", "Né") if person_id is None else None

    monkeypatch.setattr(member_dialog, "edit_member", fake_edit)
    tab.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]
    created = tab.selected_id()
    summary = tab.detail.summary
    assert created is not None and summary is not None and summary.name == "Né Nouveau"
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert opened == [None, created]
    row = tab.model.row_of(people["anne"])
    assert row is not None
    rect = tab.view.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [None, created, people["anne"]]
    dialogs.answer("confirm", False)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(dialogs.named("confirm")) == 1 and tab.selected_id() == people["anne"]
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    tab.search.setText("élodie")
    assert tab.model.rowCount() == 1
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # to the list, on the member found
    assert tab.view.hasFocus() and tab.selected_id() == people["elodie"]
    tab.search.setFocus()
    press(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == "" and tab.model.rowCount() == 5
    tab.select_member(people["ait"])
    press(tab.view, Qt.Key.Key_Escape)  # closes the member's details
    assert tab.selected_id() is None and tab.detail.summary is None


def test_archive_asks_then_undo_brings_back(qtbot: Any, tab: MembersTab, database: Database,
                                            dialogs: Dialogs, people: dict[str, int]) -> None:
    messages: list[str] = []
    changed: list[bool] = []
    tab.message_posted.connect(messages.append)
    tab.members_changed.connect(lambda: changed.append(True))
    tab.select_member(people["anne"])
    dialogs.answer("confirm", True)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    [(_parent, title, question)] = dialogs.named("confirm")
    assert title == "Archiver un membre" and "Anne Martin" in question
    assert people["anne"] not in tab.model.shown_ids()
    assert tab.count_label.text() == "Affichés : 3 sur 4"
    assert messages[-1] == "Anne Martin : fiche archivée. Ctrl+Z la remet dans la liste."
    with database.session_scope() as session:
        person = session.get(Person, people["anne"])
        assert person is not None and person.archived_at is not None
        assert person.membership is not None
        assert person.membership.status == MemberStatus.RESIGNED
    tab.filter_bar.archived.setChecked(True)  # shown again, greyed, and can be brought back
    assert tab.filter_bar.status.currentData() is None  # "Actifs" would hide them
    assert tab.select_member(people["anne"])
    assert tab.member_actions.unarchive_action.isEnabled()
    assert tab.detail.summary is not None and tab.detail.summary.archived_on is not None
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert messages[-1] == "Annulé : l'archivage de Anne Martin."
    with database.session_scope() as session:
        person = session.get(Person, people["anne"])
        assert person is not None and person.archived_at is None
        assert person.membership is not None
        assert person.membership.status == MemberStatus.ACTIVE
    assert tab.selected_id() == people["anne"]
    assert not tab.member_actions.undo_action.isEnabled()
    assert changed == [True, True]


def test_undo_the_last_edit(qtbot: Any, tab: MembersTab, database: Database,
                           monkeypatch: pytest.MonkeyPatch, people: dict[str, int]) -> None:
    def fake_edit(parent: Any, scope: Any, person_id: int) -> int | None:
        with scope() as session:
            update_member_fields(session, person_id, {"last_name": "Dupont",
                                                      "seat": Seat.SUPPLEANT})
        return person_id

    monkeypatch.setattr(member_dialog, "edit_member", fake_edit)
    messages: list[str] = []
    tab.message_posted.connect(messages.append)
    tab.select_member(people["elodie"])
    tab.member_actions.edit_action.trigger()
    assert "Dupont" in column(tab, "last_name")
    assert messages[-1] == "Fiche de Élodie Œuvray enregistrée. Ctrl+Z annule les modifications."
    assert tab.undo_button.isEnabled()
    tab.undo_button.click()
    assert "Dupont" not in column(tab, "last_name") and "Œuvray" in column(tab, "last_name")
    assert messages[-1] == "Annulé : les modifications de la fiche de Élodie Œuvray."
    tab.search.setText("oeuvray")  # the search key is back too
    assert tab.model.rowCount() == 1
    assert not tab.member_actions.undo_action.isEnabled()  # nothing left to undo


def test_details_show_the_attendance_history(tab: MembersTab, database: Database,
                                             people: dict[str, int]) -> None:
    with database.session_scope() as session:
        meeting = session.scalars(select(Meeting)).one()
        for day, status in ((date(2025, 12, 1), AttendanceStatus.ABSENT),
                            (date(2026, 1, 5), AttendanceStatus.ABSENT)):
            extra = Meeting(type_code="pleniere", title=f"Plénière du {day}", date=day,
                            start_time=time(18))
            session.add(extra)
            session.flush()
            session.add(Attendance(meeting_id=extra.id, person_id=people["bruno"],
                                   status=status))
        session.add(Attendance(meeting_id=meeting.id, person_id=people["bruno"]))
    tab.invalidate()
    tab.select_member(people["bruno"])
    text = tab.detail.page.toPlainText()
    assert "Bruno Bernard" in text and "Suppléant" in text
    assert "Assemblée plénière de novembre" in text
    assert "Absences non excusées d'affilée : 2" in text
    assert "Absent" in text


def test_details_of_a_new_member_read_in_french(tab: MembersTab, database: Database,
                                                people: dict[str, int]) -> None:
    with database.session_scope() as session:
        zoe = session.scalars(select(Membership).where(
            Membership.person_id == people["ait"])).one()
        session.add(MemberRole(membership_id=zoe.id, role_code="secretaire"))
    tab.invalidate()
    assert tab.select_member(people["ait"])
    text = tab.detail.page.toPlainText()
    assert "Rôles" in text and "Roles" not in text
    assert "Pas encore convoqué(e) à une réunion." in text
    assert "Aucune présence enregistrée sur 12 mois" in text
    assert "Sur 12 mois" not in text  # not "Sur 12 mois : … sur 12 mois"


def test_tools_are_wired(tab: MembersTab, monkeypatch: pytest.MonkeyPatch,
                         people: dict[str, int]) -> None:
    calls: list[tuple[str, tuple[Any, ...]]] = []

    def fake(name: str, result: Any) -> None:
        def tool(parent: Any, scope: Any, *args: Any) -> Any:
            assert parent is tab and scope is tab.session_scope
            calls.append((name, args))
            return result
        monkeypatch.setattr(tools, name, tool)

    for name, result in (("import_members", True), ("undo_last_import", False),
                         ("find_duplicates", False), ("export_members", None),
                         ("personal_data_sheet", None), ("anonymise_member", True),
                         ("purge_departed", False)):
        fake(name, result)
    actions = tab.member_actions
    reloaded: list[bool] = []
    tab.members_changed.connect(lambda: reloaded.append(True))
    tab.select_member(people["ait"])
    for action in (actions.import_action, actions.undo_import_action,
                   actions.duplicates_action, actions.export_action, actions.sheet_action,
                   actions.purge_action):
        action.trigger()
    tab.search.setText("martin")
    actions.export_shown_action.trigger()
    tab.select_member(people["anne"])
    actions.anonymise_action.trigger()
    assert calls == [("import_members", ()), ("undo_last_import", ()),
                     ("find_duplicates", ()), ("export_members", (None,)),
                     ("personal_data_sheet", (people["ait"],)), ("purge_departed", ()),
                     ("export_members", ([people["anne"]],)),
                     ("anonymise_member", (people["anne"],))]
    assert reloaded == [True, True]  # the import and the anonymisation changed the base
    tools_menu = tab.tools_button.menu()
    assert [a.text() for a in tools_menu.actions() if not a.isSeparator()] == [
        "&Importer des membres…", "Annuler le dernier i&mport…", "Rechercher les &doublons…",
        "E&xporter tous les membres…", "Exporter les membres &affichés…",
        "P&urger les anciens membres…"]


def test_the_purge_s_own_message_stays_in_the_status_bar(
        tab: MembersTab, monkeypatch: pytest.MonkeyPatch) -> None:
    """The purge tells how many were anonymised; the tab does not write over it."""
    posted: list[str] = []
    tab.message_posted.connect(posted.append)

    def purge(parent: Any, scope: Any) -> bool:
        posted.append("12 anciens membres anonymisés.")  # as tell() shows it
        return True

    monkeypatch.setattr(tools, "purge_departed", purge)
    tab.member_actions.purge_action.trigger()
    assert posted == ["12 anciens membres anonymisés."]


def test_model_passes_the_model_tester(qtmodeltester: Any, tab: MembersTab) -> None:
    qtmodeltester.check(tab.model, force_py=True)
    tab.search.setText("a")
    tab.model.sort(tab.model.column_of("roles"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tab.model, force_py=True)


def test_reads_again_when_invalidated(tab: MembersTab, database: Database) -> None:
    add(database, "Zola", "Émile")
    assert "Zola" not in column(tab, "last_name")
    tab.invalidate()  # visible: read at once
    assert "Zola" in column(tab, "last_name")


def test_undo_is_forgotten_when_another_base_is_opened(
        window: Any, dialogs: Dialogs, tmp_path: Any) -> None:
    tab = window.members_tab
    tab.select_member(tab.model.row_id(0))
    dialogs.answer("confirm", True)
    tab.member_actions.archive_action.trigger()
    assert tab.member_actions.undo_action.isEnabled()
    window.database.replace(open_storage(make_database(tmp_path / "autre.db")))
    assert tab.is_loaded and not tab.member_actions.undo_action.isEnabled()


def test_every_filter_reads_in_full_at_the_window_s_default_width(qtbot: Any) -> None:
    from conseil_desktop.ui.main_window import DEFAULT_SIZE
    from conseil_desktop.ui.members.filters import MemberFilterBar

    bar = MemberFilterBar()
    qtbot.addWidget(bar)
    bar.resize(DEFAULT_SIZE[0] - 20, 30)  # the tab's margins
    bar.show()
    qtbot.waitExposed(bar)
    for combo in (bar.college, bar.status, bar.seat):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField,
                                            combo).width()
        for index in range(combo.count()):
            text = combo.itemText(index)
            assert combo.fontMetrics().horizontalAdvance(text) <= room, text

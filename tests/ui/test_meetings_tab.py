"""The *Réunions* tab and the meeting screens: list, filters, form, agenda,
decisions, invitations, duplication, deletion and the open actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    Decision,
    Meeting,
    Membership,
    Person,
    Project,
    Seat,
    VoteMode,
)
from conseil_desktop.services import agenda, decisions, meetings, projects
from conseil_desktop.services.agenda import AgendaItemData
from conseil_desktop.services.decisions import DecisionData
from conseil_desktop.services.invitations import InviteScope
from conseil_desktop.services.meetings import MeetingData
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.meetings import actions as tab_actions
from conseil_desktop.ui.meetings import (
    meeting_dialog,
    meeting_page,
    open_actions,
    page_actions,
)
from conseil_desktop.ui.meetings.agenda_item_dialog import AgendaItemInput
from conseil_desktop.ui.meetings.decision_dialog import DecisionDialog, DecisionInput
from conseil_desktop.ui.meetings.invite_dialog import InviteChoice, InviteDialog
from conseil_desktop.ui.meetings.meeting_dialog import MeetingDialog
from conseil_desktop.ui.meetings.model import Col
from conseil_desktop.ui.meetings.tab import MeetingsTab
from conseil_desktop.ui.members import member_dialog
from tests.ui.helpers import Dialogs, move_seed_meeting

TODAY = dt.date.today()


def add_meeting(database: Database, title: str, day: dt.date, type_code: str = "pleniere",
                place: str = "Salle du Lac") -> int:
    with database.session_scope() as session:
        return meetings.create_meeting(session, MeetingData(
            type_code, title, day, dt.time(18, 30), dt.time(20, 30), place),
            propose_first_item=False)


def add_people(database: Database, names: list[str], college: College = College.RESIDENTS,
               seat: Seat = Seat.TITULAIRE) -> list[int]:
    ids = []
    with database.session_scope() as session:
        for name in names:
            last, first = name.split(" ", 1)
            person = Person(last_name=last, first_name=first,
                            search_key=f"{last.lower()} {first.lower()}")
            session.add(person)
            session.flush()
            session.add(Membership(person_id=person.id, college=college, seat=seat))
            ids.append(person.id)
    return ids


@pytest.fixture
def tab(window: MainWindow) -> MeetingsTab:
    window.tabs.setCurrentWidget(window.meetings_tab)
    window.meetings_tab.ensure_loaded()
    return window.meetings_tab


@pytest.fixture(autouse=True)
def close_pages() -> Any:
    yield
    meeting_page.close_all_pages()
    open_actions.close_window()


def titles(tab: MeetingsTab) -> list[str]:
    return [tab.model.row_at(i).title for i in range(tab.model.rowCount())]


def test_upcoming_and_past_sections(database: Database, window: MainWindow) -> None:
    move_seed_meeting(database, TODAY + dt.timedelta(days=2))
    add_meeting(database, "Plénière passée", TODAY - dt.timedelta(days=30))
    add_meeting(database, "Bureau de demain", TODAY + dt.timedelta(days=1), "bureau")
    window.tabs.setCurrentWidget(window.meetings_tab)
    tab = window.meetings_tab
    tab.reload()
    tab.show_section(True)
    assert "Bureau de demain" in titles(tab)
    assert "Plénière passée" not in titles(tab)
    assert tab.sections.tabText(0).startswith("À venir (")
    tab.show_section(False)
    assert titles(tab) == ["Plénière passée"]
    assert tab.sections.tabText(1) == "Passées (1)"
    model = tab.model
    assert model.data(model.index(0, Col.TYPE)) == "Assemblée plénière"
    assert model.data(model.index(0, Col.QUORUM)) == "—"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(Col))]
    assert headers == ["Type", "Titre", "Date", "Lieu", "Invités", "Présents", "Quorum"]


def test_the_accent_of_a_venir_is_drawn_on_the_tab_not_chosen(
        qtbot: Any, tab: MeetingsTab) -> None:
    bar = tab.sections
    tab.show_section(upcoming=False)
    qtbot.waitExposed(bar)

    def drawn(text: str) -> Any:
        bar.setTabText(0, text)
        return bar.grab(bar.tabRect(0)).toImage()

    assert drawn("À venir (4)") != drawn("A venir (4)")


def test_search_type_and_year_filters(database: Database, tab: MeetingsTab) -> None:
    move_seed_meeting(database, TODAY + dt.timedelta(days=2))
    last_year = TODAY.replace(year=TODAY.year - 1, day=1)
    add_meeting(database, "Commission écologie", last_year, "commission", "Médiathèque")
    add_meeting(database, "Plénière d'antan", last_year.replace(month=2), "pleniere")
    tab.reload()
    tab.show_section(False)
    tab.search.setText("ECOLOGIE")
    assert titles(tab) == ["Commission écologie"]
    tab.search.setText("mediatheque")
    assert titles(tab) == ["Commission écologie"]
    tab.search.clear()
    tab.type_filter.setCurrentIndex(tab.type_filter.findData("pleniere"))
    assert titles(tab) == ["Plénière d'antan"]
    tab.type_filter.setCurrentIndex(0)
    tab.year_filter.setCurrentIndex(tab.year_filter.findData(last_year.year))
    assert sorted(titles(tab)) == ["Commission écologie", "Plénière d'antan"]
    assert tab.count_label.text() == "Réunions affichées : 2"


def test_ctrl_n_creates_a_meeting_and_opens_its_window(
        qtbot: Any, database: Database, tab: MeetingsTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_edit(_parent: Any, _scope: Any, meeting_id: int | None = None) -> int:
        assert meeting_id is None
        return add_meeting(database, "Bureau de décembre", TODAY + dt.timedelta(days=7),
                           "bureau")

    monkeypatch.setattr(meeting_dialog, "edit_meeting", fake_edit)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = meeting_page._open_pages[tab.selected_id()]
    assert page.isVisible()
    assert page.header.title.text() == "Bureau de décembre"
    assert tab.model.row_at(tab.view.currentIndex().row()).title == "Bureau de décembre"


def test_ctrl_n_and_ctrl_f_work_right_after_the_tab_was_clicked(
        qtbot: Any, database: Database, window: MainWindow, tab: MeetingsTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Clicking « Réunions » leaves the focus on the row of tabs, outside the tab's widgets:
    Ctrl+N and Ctrl+F did nothing there."""
    asked: list[int | None] = []
    monkeypatch.setattr(meeting_dialog, "edit_meeting",
                        lambda _parent, _scope, meeting_id=None: asked.append(meeting_id))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked == [None]
    window.tabs.setCurrentIndex(0)  # another tab shown: no new meeting from there
    assert not tab.isVisible()
    monkeypatch.setattr(member_dialog, "edit_member", lambda *_args: None)  # its own Ctrl+N
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked == [None]


def test_enter_opens_the_selected_meeting(qtbot: Any, tab: MeetingsTab) -> None:
    tab.view.selectRow(0)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    page = meeting_page._open_pages[tab.selected_id()]
    assert page.header.title.text() == "Assemblée plénière de novembre"


def test_delete_asks_and_warns_when_attendance_was_recorded(
        qtbot: Any, database: Database, tab: MeetingsTab, dialogs: Dialogs) -> None:
    meeting_id = tab.model.row_at(0).id
    with database.session_scope() as session:
        person_id = session.scalars(select(Person.id)).first()
        session.add(Attendance(meeting_id=meeting_id, person_id=person_id,
                               status=AttendanceStatus.PRESENT))
    tab.reload()
    tab.view.selectRow(0)
    tab.view.setFocus()
    dialogs.answer("confirm", True, False)  # yes to the first question, no to the warning
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    first, second = dialogs.named("confirm")
    assert "Supprimer la réunion" in first[2]
    assert "1 présence ou absence enregistrée" in second[2]
    with database.session_scope() as session:
        assert session.get(Meeting, meeting_id) is not None
    dialogs.answer("confirm", True, True)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    with database.session_scope() as session:
        assert session.get(Meeting, meeting_id) is None
    assert tab.model.total_count() == 0


def test_ctrl_d_duplicates_at_the_date_asked(
        qtbot: Any, database: Database, tab: MeetingsTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = tab.model.row_at(0).id
    new_day = TODAY + dt.timedelta(days=60)
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(tab_actions, "ask_date", lambda *a: asked.append(a) or new_day)
    tab.view.selectRow(0)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0][1] == "Dupliquer une réunion"
    with database.session_scope() as session:
        copy = session.scalars(select(Meeting).where(Meeting.id != source)).one()
        assert (copy.date, copy.place, copy.previous_meeting_id) == (
            new_day, "Salle du Lac", source)
    assert tab.selected_id() == copy.id


def test_linked_projects_stay_reachable(tab: MeetingsTab,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[int] = []
    monkeypatch.setattr(tab_actions, "show_meeting_projects",
                        lambda _p, _s, meeting_id, open_project: shown.append(meeting_id))
    tab.view.selectRow(0)
    assert tab.meeting_actions.projects_action.text() == "&Projets liés…"
    tab.meeting_actions.projects_action.trigger()
    assert shown == [tab.model.row_at(0).id]


# -- the meeting form -------------------------------------------------------------------------


def test_meeting_form_saves_officers_and_warns_about_short_notice(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    [secretary] = add_people(database, ["Ndiaye Aïssatou"])
    dialog = MeetingDialog(database.session_scope)
    qtbot.addWidget(dialog)
    dialog.type.setCurrentIndex(dialog.type.findData("bureau"))
    dialog.title.setText("Bureau de rentrée")
    dialog.date.set_date(dt.date(2027, 9, 10))
    dialog.start.setText("18h")
    dialog.end.setText("19:30")
    dialog.place.setText("Centre social")
    dialog.secretaries.lookup.setText("ndiaye")
    assert dialog.secretaries.add_typed() is False  # two words not typed: candidates shown
    assert [p.label for p in dialog.secretaries.lookup.candidates()] == ["Ndiaye Aïssatou"]
    dialog.secretaries.lookup.set_pick(dialog.secretaries.lookup.candidates()[0])
    assert dialog.secretaries.labels() == ["Ndiaye Aïssatou"]
    dialog.convened_on.setText("01/09/2027")
    assert not dialog.notice.isHidden()
    assert "9 jours avant la réunion" in dialog.notice.text()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [(_parent, _title, text)] = dialogs.named("show_info")
    assert "au moins 21 jours" in text
    with database.session_scope() as session:
        data = meetings.get_meeting(session, dialog.saved_id)
    assert (data.title, data.start_time, data.end_time, data.secretary_ids) == (
        "Bureau de rentrée", dt.time(18), dt.time(19, 30), [secretary])


def test_meeting_form_refuses_an_end_before_the_start(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    dialog = MeetingDialog(database.session_scope)
    qtbot.addWidget(dialog)
    dialog.start.setText("20:00")
    dialog.end.setText("18 h 30")
    dialog.save()
    [(_parent, title, text)] = dialogs.named("show_error")
    assert title == "Réunion non enregistrée"
    assert "doit venir après l'heure de début" in text
    assert dialog.saved_id is None
    dialog.end.setText("25 h")
    dialog.save()
    assert "n'est pas une heure" in dialogs.named("show_error")[1][2]


def test_meeting_form_does_not_drop_a_name_typed_but_not_added(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    """A facilitator typed in full then Save (without Enter) is kept; a name that matches
    no one, or several people, is refused rather than silently forgotten."""
    [facilitator, _other] = add_people(database, ["Ionescu Marc", "Ionescu Maria"])
    dialog = MeetingDialog(database.session_scope)
    qtbot.addWidget(dialog)
    dialog.title.setText("Plénière")
    dialog.facilitators.lookup.setText("ionescu")
    dialog.save()
    [(_parent, title, text)] = dialogs.named("show_error")
    assert title == "Réunion non enregistrée" and "« ionescu »" in text
    assert dialog.saved_id is None
    dialog.facilitators.lookup.setText("Ionescu Marc")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with database.session_scope() as session:
        assert meetings.get_meeting(session, dialog.saved_id).facilitator_ids == [facilitator]


def test_meeting_form_tab_goes_from_the_method_to_the_notes_then_cancelled(
        qtbot: Any, database: Database) -> None:
    """Tab follows the form from top to bottom: the notes come before the 'cancelled' box
    (typing the notes' spaces there ticked it), and Save before Cancel."""
    dialog = MeetingDialog(database.session_scope)
    qtbot.addWidget(dialog)
    chain = []
    widget = dialog.method.nextInFocusChain()
    while widget is not dialog.buttons.buttons()[-1] and len(chain) < 20:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    chain = [w for w in chain if w is not dialog.method.lineEdit()]
    assert chain[:2] == [dialog.notes, dialog.cancelled]



@pytest.mark.parametrize("how", ["cancel button", "escape", "window cross"])
def test_meeting_form_asks_before_losing_what_was_typed(
        qtbot: Any, database: Database, dialogs: Dialogs, how: str) -> None:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).one()
    dialog = MeetingDialog(database.session_scope, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def leave() -> None:
        if how == "cancel button":
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
        elif how == "escape":
            qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
        else:
            dialog.close()

    leave()  # nothing typed: closes without a question
    assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialogs.named("confirm_discard") == []
    dialog.show()
    dialog.notes.setPlainText("Penser aux clés de la salle")
    dialogs.answer("confirm_discard", False)
    leave()
    assert dialogs.named("confirm_discard") == [(dialog, dialog.windowTitle())]
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Penser aux clés de la salle"
    dialogs.answer("confirm_discard", True)
    leave()
    assert not dialog.isVisible() and dialog.saved_id is None
    with database.session_scope() as session:
        assert meetings.get_meeting(session, meeting_id).notes == ""


def test_meeting_form_ctrl_enter_saves_from_the_notes(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    dialog = MeetingDialog(database.session_scope)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.title.setText("Bureau de rentrée")
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Ordre du jour")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # Enter: a new line, still the form
    qtbot.keyClicks(dialog.notes, "a confirmer")
    assert dialog.isVisible() and dialog.saved_id is None
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.saved_id is not None
    assert dialogs.named("confirm_discard") == []
    with database.session_scope() as session:
        saved = meetings.get_meeting(session, dialog.saved_id)
    assert (saved.title, saved.notes) == ("Bureau de rentrée", "Ordre du jour\na confirmer")


# -- the meeting window -----------------------------------------------------------------------


def open_page(tab: MeetingsTab, database: Database) -> meeting_page.MeetingPage:
    return meeting_page.open_meeting(tab, database.session_scope, tab.model.row_at(0).id)


def test_agenda_items_are_added_and_reordered_with_the_keyboard(
        qtbot: Any, database: Database, tab: MeetingsTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(tab, database)
    typed = iter([AgendaItemInput("Budget", None, "Mme la déléguée", ["Budget 2027.pdf"]),
                  AgendaItemInput("Fête de quartier", None, "", [])])
    monkeypatch.setattr(page_actions, "ask_agenda_item", lambda *a: next(typed))
    page.page_actions.add_item()
    page.page_actions.add_item()
    assert page.agenda.current_entry().title == "Fête de quartier"
    page.agenda.setFocus()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    with database.session_scope() as session:
        order = session.scalars(select(AgendaItem.title).where(
            AgendaItem.meeting_id == page.meeting_id).order_by(AgendaItem.position)).all()
    assert order == ["Fête de quartier", "Budget"]
    assert page.agenda.item(0).text().startswith("1. Fête de quartier")
    assert page.agenda.current_entry().title == "Fête de quartier"
    page.agenda.setCurrentRow(1)
    assert page.item_panel.details.text() == (
        "Présenté par Mme la déléguée\nDocuments : Budget 2027.pdf")


def test_summary_is_saved_when_leaving_the_item(
        qtbot: Any, database: Database, tab: MeetingsTab) -> None:
    meeting_id = tab.model.row_at(0).id
    with database.session_scope() as session:
        first = agenda.add_item(session, meeting_id, AgendaItemData("Premier"))
        agenda.add_item(session, meeting_id, AgendaItemData("Second"))
    page = open_page(tab, database)
    page.agenda.setCurrentRow(0)
    page.item_panel.summary.insertPlainText("Échanges **vifs** sur le budget.")  # typed
    page.agenda.setCurrentRow(1)
    with database.session_scope() as session:
        assert session.get(AgendaItem, first).summary == "Échanges **vifs** sur le budget."
    page.agenda.setCurrentRow(0)  # read back as typed
    summary = page.item_panel.summary
    assert summary.toPlainText() == "Échanges **vifs** sur le budget."
    summary.selectAll()
    summary.toggle_list()
    summary.moveCursor(QTextCursor.MoveOperation.End)
    summary.insertPlainText("\nVote reporté")
    summary.moveCursor(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with database.session_scope() as session:
        assert session.get(AgendaItem, first).summary == (
            "- Échanges **vifs** sur le budget.\n**Vote reporté**")


def test_decision_counts_over_the_attendance_are_warned(
        qtbot: Any, database: Database, tab: MeetingsTab, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    meeting_id = tab.model.row_at(0).id
    with database.session_scope() as session:
        agenda.add_item(session, meeting_id, AgendaItemData("Budget"))
    page = open_page(tab, database)
    dialog = DecisionDialog(page.page_actions.find_people, page.page_actions.find_organisations,
                            page.page_actions._check_votes, None, page)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Le budget est adopté.")
    dialog.votes["votes_for"].setValue(3)
    assert "3 voix comptées pour 0 personne" in dialog.warning.text()
    dialog.mode.setCurrentIndex(dialog.mode.findData(VoteMode.CONSENSUS))
    assert dialog.warning.isHidden()
    assert not dialog.votes["votes_for"].isEnabled()
    value = dialog.collected()
    assert (value.vote_mode, value.votes_for) == (VoteMode.CONSENSUS, None)
    monkeypatch.setattr(page_actions, "ask_decision", lambda *a: DecisionInput(
        "Le budget est adopté.", VoteMode.VOTE, 0, 0, 0, 0, None, None, "", None))
    page.page_actions.add_decision()
    assert page.item_panel.decisions.item(0, 1).text() == \
        "Vote : pour 0, contre 0, abstention 0, blanc ou nul 0"



def test_decision_form_closes_up_when_the_count_warning_goes(qtbot: Any) -> None:
    """The warning's room was left empty once the counts were right again: the form kept
    its height, and the gap spread between the vote mode and the counts."""
    def check(value: DecisionInput) -> str | None:
        return "Trop de voix." if (value.votes_for or 0) > 10 else None

    dialog = DecisionDialog(lambda _text: [], lambda _text: [], check)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    counts, owner = dialog.votes["votes_for"], dialog.owner

    def layout() -> tuple[int, int, int]:
        QApplication.processEvents()
        dialog.layout().activate()
        return dialog.height(), counts.y(), owner.y() - counts.geometry().bottom()

    before = layout()
    counts.setValue(12)
    assert dialog.warning.isVisible()
    height, _y, gap = layout()
    assert height > before[0] and gap > before[2]  # the warning takes room
    counts.setValue(5)
    assert dialog.warning.isHidden()
    assert layout() == before



def test_meeting_form_closes_up_when_the_notice_warning_goes(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    dialog = MeetingDialog(database.session_scope)
    qtbot.addWidget(dialog)
    dialog.date.set_date(dt.date(2027, 9, 10))
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    natural = dialog.height()
    dialog.convened_on.setText("05/09/2027")  # 5 days before: too late
    assert dialog.notice.isVisible()
    QApplication.processEvents()
    assert dialog.height() > natural
    dialog.convened_on.setText("01/08/2027")
    assert dialog.notice.isHidden()
    QApplication.processEvents()
    assert dialog.height() == natural


def test_invitations_show_the_counts(
        database: Database, tab: MeetingsTab, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_people(database, ["Martin Léa", "Dubois Paul"])
    add_people(database, ["Renard Hélène"], College.LOCAL_ACTORS)
    page = open_page(tab, database)
    monkeypatch.setattr(page_actions, "ask_invitation",
                        lambda *a: InviteChoice(InviteScope.COLLEGE, College.RESIDENTS))
    page.page_actions.invite()
    [(_parent, _title, text)] = dialogs.named("show_info")
    assert text.startswith("3 invitations ajoutées, 0 retirée, 0 conservée")
    assert page.pages.tabText(1) == "Invités (3)"
    assert page.invitees.status_of("Martin Léa") == "Invité"


def test_invite_dialog_checklist_is_searchable(qtbot: Any) -> None:
    dialog = InviteDialog([(1, "Éloi Zoé — Habitants"), (2, "Martin Léa — Habitants")], {2})
    qtbot.addWidget(dialog)
    assert dialog.scope() is InviteScope.CHOSEN  # some are already invited
    dialog.search.setText("eloi")
    assert dialog.model.shown_ids() == [1]
    dialog.tick_shown.click()
    assert dialog.ticked_label.text() == "2 cochés"
    dialog.search.clear()
    index = dialog.model.index(1)
    dialog.people.setCurrentIndex(index)
    dialog.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.collected() == InviteChoice(InviteScope.CHOSEN, person_ids=(1,))
    dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.collected() == InviteChoice(InviteScope.CHOSEN, person_ids=(1, 2))
    dialog.radios[InviteScope.COLLEGE].setChecked(True)
    assert not dialog.people.isEnabled()
    assert dialog.collected().college is College.RESIDENTS


def add_two_actions(database: Database) -> int:
    """A past plenary with two open actions, one overdue; the meeting's id."""
    meeting_id = add_meeting(database, "Plénière d'été", TODAY - dt.timedelta(days=90))
    [owner] = add_people(database, ["Petit Jeanne"])
    with database.session_scope() as session:
        for text, delay in (("Plus tard", 40), ("En retard", -10)):
            decisions.add_decision(session, meeting_id, DecisionData(
                None, text, VoteMode.CONSENSUS, owner_person_id=owner,
                deadline=TODAY + dt.timedelta(days=delay)))
    return meeting_id


def test_open_actions_overdue_first_and_marked_done(
        database: Database, tab: MeetingsTab) -> None:
    meeting_id = add_two_actions(database)
    tab.meeting_actions.open_actions_action.trigger()
    window = open_actions._window
    assert window is not None
    assert [a.text for a in window.actions_shown] == ["En retard", "Plus tard"]
    assert window.summary.text() == "Actions en cours : 2, dont 1 en retard."
    window.mark_selected_done()
    assert [a.text for a in window.actions_shown] == ["Plus tard"]
    window.table.selectRow(0)
    window.meeting_button.click()
    assert meeting_page._open_pages[meeting_id].header.title.text() == "Plénière d'été"
    with database.session_scope() as session:
        done = session.scalars(select(Decision.done_on).where(Decision.text == "En retard"))
        assert done.one() == TODAY


def test_an_action_marked_done_by_mistake_is_reopened(
        database: Database, tab: MeetingsTab) -> None:
    """Nothing else in the application can undo « Marquer comme faite »: the window offers
    to reopen the action just marked."""
    add_two_actions(database)
    tab.meeting_actions.open_actions_action.trigger()
    window = open_actions._window
    assert window is not None and window.undo_button.isHidden()
    window.mark_selected_done()
    assert [a.text for a in window.actions_shown] == ["Plus tard"]
    assert window.undo_button.isVisibleTo(window)
    assert window.undo_button.text() == "Annu&ler (rouvrir l'action)"
    window.undo_button.click()
    assert [a.text for a in window.actions_shown] == ["En retard", "Plus tard"]
    assert window.selected_id() == window.actions_shown[0].decision_id
    assert window.undo_button.isHidden()
    with database.session_scope() as session:
        done = session.scalars(select(Decision.done_on).where(Decision.text == "En retard"))
        assert done.one() is None


def test_a_decision_is_edited_from_its_saved_values_and_items_deleted_with_a_warning(
        qtbot: Any, database: Database, tab: MeetingsTab, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    meeting_id = tab.model.row_at(0).id
    [owner] = add_people(database, ["Petit Jeanne"])
    with database.session_scope() as session:
        item = agenda.add_item(session, meeting_id, AgendaItemData("Budget"))
        decision = decisions.add_decision(session, meeting_id, DecisionData(
            item, "Adopté.", VoteMode.UNANIMITY, owner_person_id=owner,
            deadline=dt.date(2027, 3, 1)))
    page = open_page(tab, database)
    seen: list[DecisionInput] = []

    def edit(*args: Any) -> DecisionInput:
        seen.append(args[-1])
        return DecisionInput("Adopté à l'unanimité.", VoteMode.UNANIMITY, None, None, None,
                             None, owner, None, "Petit Jeanne", None)

    monkeypatch.setattr(page_actions, "ask_decision", edit)
    page.item_panel.decisions.selectRow(0)
    page.item_panel.edit_button.click()
    assert (seen[0].text, seen[0].owner_name, seen[0].deadline) == (
        "Adopté.", "Petit Jeanne", dt.date(2027, 3, 1))
    with database.session_scope() as session:
        saved = session.get(Decision, decision)
        assert (saved.text, saved.deadline, saved.agenda_item_id) == (
            "Adopté à l'unanimité.", None, item)
    dialogs.answer("confirm", True, False)
    page.agenda.setFocus()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.agenda, Qt.Key.Key_Delete)
    assert "1 décision" in dialogs.named("confirm")[1][2]
    with database.session_scope() as session:
        assert session.get(AgendaItem, item) is not None
    dialogs.answer("confirm", True, True)
    qtbot.keyClick(page.agenda, Qt.Key.Key_Delete)
    with database.session_scope() as session:
        assert session.get(AgendaItem, item) is None
        assert session.get(Decision, decision) is None
    assert page.agenda.count() == 0
    assert page.item_panel.heading.text() == "Choisissez un point de l'ordre du jour, ou ajoutez-en un."


def test_meeting_windows_close_and_save_before_another_database_opens(
        database: Database, window: MainWindow) -> None:
    tab = window.meetings_tab
    window.tabs.setCurrentWidget(tab)
    meeting_id = tab.model.row_at(0).id
    with database.session_scope() as session:
        item = agenda.add_item(session, meeting_id, AgendaItemData("Budget"))
    page = open_page(tab, database)
    page.item_panel.summary.insertPlainText("Adopté sans débat.")
    database.about_to_change.emit()
    assert meeting_id not in meeting_page._open_pages
    with database.session_scope() as session:
        assert session.get(AgendaItem, item).summary == "Adopté sans débat."


def test_deleting_a_decision_cited_by_a_project_says_so(
        database: Database, tab: MeetingsTab, dialogs: Dialogs) -> None:
    meeting_id = tab.model.row_at(0).id
    with database.session_scope() as session:
        item = agenda.add_item(session, meeting_id, AgendaItemData("Budget"))
        decision = decisions.add_decision(session, meeting_id, DecisionData(item, "Accordé."))
        project = session.scalars(select(Project.id)).one()
        projects.link_meeting(session, project, meeting_id, decision)
    page = open_page(tab, database)
    page.item_panel.decisions.selectRow(0)
    dialogs.answer("confirm", True)
    page.item_panel.delete_button.click()
    [(_parent, title, text)] = dialogs.named("confirm")
    assert title == "Supprimer une décision"
    assert text.startswith("Cette décision est citée par le projet « Jardins partagés »")
    assert text.endswith("Supprimer cette décision ?")
    with database.session_scope() as session:
        assert session.get(Decision, decision) is None
    assert page.item_panel.decision_ids() == []


def test_a_large_council_sees_its_list_before_the_quorum_column(
        qtbot: Any, database: Database, window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a large council's history takes a while the first time: the rows show
    at once with « … » in the quorum column, filled in just after."""
    from conseil_desktop.services import quorum

    monkeypatch.setattr(quorum, "LARGE_HISTORY", -1)  # this small base counts as large
    monkeypatch.setattr(quorum, "_CACHE", {})
    move_seed_meeting(database, TODAY - dt.timedelta(days=3))
    with database.session_scope() as session:
        seeded = session.scalars(select(Meeting)).one()
        elodie = session.scalars(select(Person)).one()
        session.add(Attendance(meeting_id=seeded.id, person_id=elodie.id,
                               status=AttendanceStatus.PRESENT))
    tab = window.meetings_tab
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.show_section(False)
    model = tab.model
    assert not tab.is_loaded and model.data(model.index(0, Col.QUORUM)) == "…"
    qtbot.waitUntil(lambda: tab.is_loaded, timeout=5000)
    assert model.data(model.index(0, Col.QUORUM)) == "atteint"
    tab.reload()  # the history is kept: no second pass
    assert tab.is_loaded and model.data(model.index(0, Col.QUORUM)) == "atteint"

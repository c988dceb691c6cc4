"""The *Projets* tab: creating a project through its form, its list, filters and
totals, status changes, links to meetings, deletion, deadlines and exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from conseil_desktop.db.models import Decision, Meeting, ProjectStatus
from conseil_desktop.services import projects
from conseil_desktop.services.contacts import (
    ContactData,
    create_contact,
)
from conseil_desktop.services.formatting import fmt_money
from conseil_desktop.services.project_details import get_project
from conseil_desktop.services.projects import HolderKind
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.projects import link_dialog, project_dialog, status_dialog
from conseil_desktop.ui.projects.link_dialog import MeetingLinkDialog
from conseil_desktop.ui.projects.project_dialog import ProjectDialog
from conseil_desktop.ui.projects.project_model import Col
from conseil_desktop.ui.projects.status_dialog import StatusDialog
from conseil_desktop.ui.projects.tab import ProjectsTab
from tests.ui.helpers import Dialogs
from tests.ui.project_helpers import add_organisation, add_project, detail_of, shown_tab

S = ProjectStatus
TODAY = date.today()


@pytest.fixture
def tab(qtbot, database: Database) -> Iterator[ProjectsTab]:
    with shown_tab(qtbot, database) as shown:
        yield shown


def meeting_with_decision(database: Database) -> tuple[int, int]:
    with database.session_scope() as session:
        meeting = session.scalars(select(Meeting)).one()
        decision = Decision(meeting_id=meeting.id, position=1,
                            text="Le conseil soutient le repair café.")
        session.add(decision)
        session.flush()
        return meeting.id, decision.id


def column_texts(tab: ProjectsTab, column: Col) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def save(dialog: ProjectDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    button.click()


# -- the issue's scenario ----------------------------------------------------------------------


def test_create_with_two_funders_then_link_to_a_meeting(
    qtbot, tab: ProjectsTab, database: Database, dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    city = add_organisation(database, "Ville de Toulouse")
    caf = add_organisation(database, "CAF de la Haute-Garonne")
    with database.session_scope() as session:
        holder = create_contact(session, ContactData(last_name="Martin", first_name="Jeanne")).id
    meeting_id, decision_id = meeting_with_decision(database)

    dialog = ProjectDialog(database.session_scope, None, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    general = dialog.general
    general.title.setText("Repair café des Izards")
    general.holder_kind.setCurrentIndex(general.holder_kind.findData(HolderKind.PERSON))
    general.holder.setText("martin jeanne")
    dialog.funders.add_button.click()
    dialog.funders.add_button.click()
    funders = dialog.funders
    funders.funder_edit(0).setText("Ville de Toulouse")
    funders.requested_edit(0).setText("1 234,50 €")
    funders.granted_edit(0).setText("1000")
    funders.decision_edit(0).setText("15/10/2026")
    funders.funder_edit(1).setText("caf de la haute garonne")
    funders.requested_edit(1).setText("800,5")
    dialog.dates.start_on.setText("01/03/2026")
    dialog.dates.end_on.setText("30/11/2026")
    assert dialog.dates.report_due.text() == "30/06/2027"  # computed while untouched
    save(dialog)
    assert dialogs.named("show_error") == []
    assert not dialog.isVisible() and dialog.saved_id is not None
    project_id = dialog.saved_id

    tab.reload()
    assert tab.select_project(project_id)
    monkeypatch.setattr(link_dialog, "ask_meeting_link",
                        lambda parent, scope, title: pick_meeting(qtbot, scope, title))
    with qtbot.waitSignal(tab.project_saved) as saved:
        tab.detail.link_button.click()
    assert saved.args == [project_id]

    detail = detail_of(database, project_id)
    assert (detail.data.holder_kind, detail.data.holder_id) == (HolderKind.PERSON, holder)
    assert [(f.funder_id, f.requested_cents, f.granted_cents, f.decision_on)
            for f in detail.fundings] == [(city, 123_450, 100_000, date(2026, 10, 15)),
                                          (caf, 80_050, None, None)]
    assert [(k.meeting_id, k.decision_id) for k in detail.links] == [(meeting_id, decision_id)]
    assert [(e.status, e.effective_on, e.note) for e in detail.history] == [
        (S.IDEA, TODAY, "Création du projet")]
    assert detail.report_due_computed and detail.report_due_on == date(2027, 6, 30)

    row = tab.model.row_of(project_id)
    assert row is not None
    assert tab.model.data(tab.model.index(row, Col.REQUESTED)) == fmt_money(203_500)
    assert fmt_money(203_500) in tab.totals_label.text()  # the seeded project asks nothing
    assert fmt_money(100_000) in tab.totals_label.text()
    assert tab.detail.links.rowCount() == 1
    assert tab.detail.links.item(0, 2).text() == "Le conseil soutient le repair café."


def pick_meeting(qtbot, scope, title: str) -> link_dialog.MeetingLinkChoice | None:
    """Drive the real *Lier à une réunion…* dialog: search, choose the decision, OK."""
    dialog = MeetingLinkDialog(scope, title)
    qtbot.addWidget(dialog)
    dialog.search.setText("pleniere novembre")
    assert dialog.meetings.count() == 1
    assert dialog.decisions.count() == 2  # "the meeting as a whole", then the decision
    dialog.decisions.setCurrentRow(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.choice


# -- the list ----------------------------------------------------------------------------------


def test_list_shows_the_columns_of_the_issue(tab: ProjectsTab, database: Database) -> None:
    city = add_organisation(database, "Ville de Toulouse")
    due = TODAY + timedelta(days=10)
    pid = add_project(database, "Fresque", status=S.IDEA, fundings=((city, 150_000),),
                      submission_deadline=due)
    tab.reload()
    row = tab.model.row_of(pid)
    assert row is not None
    cells = [tab.model.data(tab.model.index(row, col)) for col in Col]
    assert cells == ["Fresque", "", "", "", "2026", "Idée", fmt_money(150_000),
                     fmt_money(150_000), f"{due:%d/%m/%Y} — Dépôt du dossier"]


def test_filters_reduce_the_rows_and_the_totals(tab: ProjectsTab, database: Database) -> None:
    city = add_organisation(database, "Ville de Toulouse")
    add_project(database, "Fête de quartier", status=S.SUBMITTED, fundings=((city, 50_000),),
                theme_code="cohesion_sociale")
    add_project(database, "Cinéma en plein air", year=2025, fundings=((city, 30_000),))
    tab.reload()
    assert tab.model.rowCount() == 3
    assert fmt_money(80_000) in tab.totals_label.text()
    bar = tab.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(S.SUBMITTED))
    assert column_texts(tab, Col.TITLE) == ["Fête de quartier"]
    assert fmt_money(50_000) in tab.totals_label.text()
    assert fmt_money(80_000) not in tab.totals_label.text()
    bar.status.setCurrentIndex(0)
    bar.year.setCurrentIndex(bar.year.findData(2025))
    assert column_texts(tab, Col.TITLE) == ["Cinéma en plein air"]
    assert tab.exports.xlsx_action.text().count("2025") == 1  # the export names the year
    bar.year.setCurrentIndex(0)
    bar.theme.setCurrentIndex(bar.theme.findData("cohesion_sociale"))
    assert column_texts(tab, Col.TITLE) == ["Fête de quartier"]
    bar.clear()
    assert tab.model.rowCount() == 3


def test_search_ignores_accents_and_case(tab: ProjectsTab, database: Database) -> None:
    add_project(database, "Cinéma en plein air")
    tab.reload()
    tab.filter_bar.search.setText("CINEMA plein")
    assert column_texts(tab, Col.TITLE) == ["Cinéma en plein air"]
    tab.filter_bar.search.setText("bellefontaine")  # the seeded project's holder
    assert column_texts(tab, Col.TITLE) == ["Jardins partagés"]
    assert tab.totals_label.text().count(fmt_money(0)) == 2


def test_sorting_uses_cents_and_dates(tab: ProjectsTab, database: Database) -> None:
    city = add_organisation(database, "Ville de Toulouse")
    add_project(database, "Petit", fundings=((city, 90_000),),
                submission_deadline=date(2026, 12, 2))
    add_project(database, "Grand", fundings=((city, 120_000),),
                submission_deadline=date(2026, 2, 11))
    tab.reload()
    tab.view.sortByColumn(Col.REQUESTED, Qt.SortOrder.DescendingOrder)
    assert column_texts(tab, Col.TITLE) == ["Grand", "Petit", "Jardins partagés"]
    tab.view.sortByColumn(Col.REQUESTED, Qt.SortOrder.AscendingOrder)
    assert column_texts(tab, Col.TITLE) == ["Jardins partagés", "Petit", "Grand"]
    tab.view.sortByColumn(Col.DEADLINE, Qt.SortOrder.AscendingOrder)  # 11/02 before 02/12
    assert column_texts(tab, Col.TITLE) == ["Grand", "Petit", "Jardins partagés"]


def test_reads_again_when_the_database_changed(tab: ProjectsTab, database: Database) -> None:
    assert tab.is_loaded and tab.model.total_count() == 1
    add_project(database, "Fresque")
    tab.hide()
    tab.invalidate()
    assert not tab.is_loaded and tab.model.total_count() == 1
    tab.show()
    assert tab.is_loaded and tab.model.total_count() == 2
    add_project(database, "Chorale")
    tab.invalidate()  # visible: at once
    assert tab.model.total_count() == 3


def test_models_pass_the_model_tester(qtmodeltester, tab: ProjectsTab,
                                      database: Database) -> None:
    add_project(database, "Fresque", submission_deadline=TODAY - timedelta(days=2))
    tab.reload()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.deadlines.model)


# -- status, links, deletion ---------------------------------------------------------------------


def test_status_change_appears_in_the_history(
    qtbot, tab: ProjectsTab, database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = add_project(database, "Fresque")
    tab.reload()
    tab.select_project(pid)

    def ask(parent, title, current, history):  # the real dialog, filled in
        dialog = StatusDialog(title, current, history, parent)
        qtbot.addWidget(dialog)
        assert dialog.status.currentData() == S.SUBMITTED  # the usual next step
        dialog.effective_on.setText(f"{TODAY:%d/%m/%Y}")
        dialog.note.setText("Dossier envoyé à la préfecture")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.change

    monkeypatch.setattr(status_dialog, "ask_status_change", ask)
    tab.detail.status_button.click()
    history = detail_of(database, pid).history
    assert [(e.status, e.effective_on, e.note) for e in history][-1] == (
        S.SUBMITTED, TODAY, "Dossier envoyé à la préfecture")
    assert tab.detail.history.rowCount() == 2
    assert tab.detail.history.item(1, 1).text() == "Déposé"
    row = tab.model.row_of(pid)
    assert row is not None and tab.model.data(tab.model.index(row, Col.STATUS)) == "Déposé"


def test_unusual_status_change_is_saved_with_its_warning(
    tab: ProjectsTab, database: Database, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = add_project(database, "Fresque")
    tab.reload()
    tab.select_project(pid)
    monkeypatch.setattr(status_dialog, "ask_status_change",
                        lambda *a: status_dialog.StatusChange(S.COMPLETED, TODAY))
    tab.project_actions.status_action.trigger()
    [(_parent, _title, text)] = dialogs.named("show_info")
    assert "Passage inhabituel de « Idée » à « Réalisé »" in text
    assert detail_of(database, pid).status is S.COMPLETED


def test_remove_a_link(tab: ProjectsTab, database: Database) -> None:
    meeting_id, _decision = meeting_with_decision(database)
    pid = add_project(database, "Fresque")
    with database.session_scope() as session:
        projects.link_meeting(session, pid, meeting_id)
    tab.reload()
    tab.select_project(pid)
    assert not tab.detail.unlink_button.isEnabled()
    tab.detail.links.selectRow(0)
    assert tab.detail.unlink_button.isEnabled()
    tab.detail.unlink_button.click()
    assert detail_of(database, pid).links == []
    assert tab.detail.links.rowCount() == 0


def test_delete_asks_for_confirmation(qtbot, tab: ProjectsTab, database: Database,
                                      dialogs: Dialogs) -> None:
    pid = add_project(database, "Fête de quartier")
    tab.reload()
    tab.select_project(pid)
    dialogs.answer("confirm", False)
    tab.project_actions.delete_action.trigger()
    [(_parent, _title, question)] = dialogs.named("confirm")
    assert "Fête de quartier" in question
    assert tab.model.row_of(pid) is not None
    dialogs.answer("confirm", True)
    with qtbot.waitSignal(tab.project_deleted) as deleted:
        tab.project_actions.delete_action.trigger()
    assert deleted.args == [pid]
    assert tab.model.row_of(pid) is None
    assert tab.detail.detail is None
    with database.session_scope() as session, pytest.raises(projects.InvalidInputError):
        get_project(session, pid)


def test_keyboard_new_edit_and_delete(qtbot, tab: ProjectsTab, database: Database,
                                      dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int | None] = []

    def fake_edit(parent, scope, project_id=None):
        opened.append(project_id)
        return add_project(database, "Créé au clavier") if project_id is None else None

    monkeypatch.setattr(project_dialog, "edit_project", fake_edit)
    tab.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]
    created = tab.selected_id()
    assert created is not None and tab.detail.detail.data.title == "Créé au clavier"
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert opened == [None, created]
    rect = tab.view.visualRect(tab.model.index(tab.model.row_of(created), Col.TITLE))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [None, created, created]
    dialogs.answer("confirm", False)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(dialogs.named("confirm")) == 1
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.filter_bar.search.hasFocus()


# -- deadlines ---------------------------------------------------------------------------------


def test_deadlines_overdue_first_and_open_on_double_click(
    qtbot, tab: ProjectsTab, database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    late = add_project(database, "Fresque", submission_deadline=TODAY - timedelta(days=3))
    soon = add_project(database, "Chorale", submission_deadline=TODAY + timedelta(days=20))
    add_project(database, "Plus tard", submission_deadline=TODAY + timedelta(days=90))
    tab.reload()
    model = tab.deadlines.model
    assert [model.row_at(r).project_id for r in range(model.rowCount())] == [late, soon]
    assert model.row_at(0).overdue
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole) is None
    assert "3" in model.data(model.index(0, 1))  # "en retard de 3 jours"
    opened: list[int | None] = []
    monkeypatch.setattr(project_dialog, "edit_project",
                        lambda parent, scope, project_id=None: opened.append(project_id))
    tab.filter_bar.search.setText("chorale")  # the list hides "Fresque"
    view = tab.deadlines.view
    rect = view.visualRect(model.index(0, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [late]
    assert tab.selected_id() == late  # shown again in the list

"""Every form that takes typed input asks before losing it: Échap (or *Annuler*, or the
window's cross) with something typed asks « Fermer la fiche sans enregistrer vos
modifications ? »; *Non* goes back to the form as it was, *Oui* closes it and nothing
is saved. A form closed as it was opened closes at once, without a question.

The meeting and member forms have their own tests (test_meetings_tab.py,
test_member_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from sqlalchemy import func, select

from conseil_desktop.db.models import (
    AgendaItem,
    Decision,
    Meeting,
    Organisation,
    Person,
    Project,
    VoteMode,
)
from conseil_desktop.services import agenda, contact_queries, council, decisions
from conseil_desktop.services.agenda import AgendaItemData
from conseil_desktop.services.decisions import DecisionData
from conseil_desktop.ui.contacts.organisation_dialog import OrganisationDialog
from conseil_desktop.ui.contacts.person_dialog import PersonDialog
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.dialogs.settings_dialog import SettingsDialog
from conseil_desktop.ui.meetings.agenda_item_dialog import AgendaItemDialog
from conseil_desktop.ui.meetings.decision_dialog import DecisionDialog
from conseil_desktop.ui.meetings.meeting_page import MeetingPage
from conseil_desktop.ui.projects.project_dialog import ProjectDialog
from conseil_desktop.ui.projects.status_dialog import StatusDialog
from conseil_desktop.ui.projects.tab import ProjectsTab
from tests.ui.contact_helpers import click_save, new_contact
from tests.ui.helpers import Dialogs
from tests.ui.project_helpers import add_organisation, add_project, detail_of, shown_tab

REAL_CONFIRM_DISCARD = ask.confirm_discard  # the fixture replaces it in the module


def shown(qtbot: Any, dialog: QDialog) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def escape_asks_then_closes(qtbot: Any, dialogs: Dialogs, dialog: QDialog, field: QWidget,
                            shows: Callable[[], object], typed: object) -> None:
    """Something typed in ``field`` (``shows()`` reads it back as ``typed``): Échap asks;
    *Non* keeps the form and the text, *Oui* closes it."""
    assert shows() == typed
    dialogs.answer("confirm_discard", False)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert dialogs.named("confirm_discard") == [(dialog, dialog.windowTitle())]
    assert dialog.isVisible() and shows() == typed
    dialogs.answer("confirm_discard", True)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert len(dialogs.named("confirm_discard")) == 2
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def escape_closes_at_once(qtbot: Any, dialogs: Dialogs, dialog: QDialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialogs.named("confirm_discard") == []


def run_instead_of_exec(monkeypatch: pytest.MonkeyPatch, form: type[QDialog],
                        user: Callable[[Any], None]) -> list[Any]:
    """``form.exec()`` shows the form and lets ``user`` act on it; the forms shown."""
    opened: list[Any] = []

    def exec_(dialog: QDialog) -> int:
        opened.append(dialog)
        dialog.show()
        user(dialog)
        assert not dialog.isVisible()
        return dialog.result()

    monkeypatch.setattr(form, "exec", exec_)
    return opened


def count(database: Database, model: type) -> int:
    with database.session_scope() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_question_asked(dialogs: Dialogs) -> None:
    dialogs.answer("confirm", False)
    assert REAL_CONFIRM_DISCARD(None, "Nouveau projet") is False
    assert dialogs.named("confirm") == [
        (None, "Nouveau projet", "Fermer la fiche sans enregistrer vos modifications ?")]


# -- the project form ------------------------------------------------------------------------


@pytest.fixture
def project_id(database: Database) -> int:
    funder = add_organisation(database, "Ville de Toulouse", is_funder=True)
    return add_project(database, "Fresque du Lac", fundings=((funder, 150_000),),
                       description="Une fresque sur le mur du gymnase.")


def test_project_form_asks_before_losing_a_new_project(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    before = count(database, Project)
    dialog = shown(qtbot, ProjectDialog(database.session_scope))
    qtbot.keyClicks(dialog.general.title, "Fresque murale")
    escape_asks_then_closes(qtbot, dialogs, dialog, dialog.general.title,
                            dialog.general.title.text, "Fresque murale")
    assert dialog.saved_id is None and count(database, Project) == before


def test_project_form_untouched_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs, project_id: int) -> None:
    before = detail_of(database, project_id)
    dialog = shown(qtbot, ProjectDialog(database.session_scope, project_id))
    assert dialog.funders.row_count() == 1 and not dialog.has_changes()
    escape_closes_at_once(qtbot, dialogs, dialog)
    new = shown(qtbot, ProjectDialog(database.session_scope))
    escape_closes_at_once(qtbot, dialogs, new)
    assert detail_of(database, project_id) == before


def _tick_first_theme(dialog: ProjectDialog) -> None:
    dialog.general.cross_themes.item(0).setCheckState(Qt.CheckState.Checked)


def _add_involved(dialog: ProjectDialog) -> None:
    dialog.people.add_person(1, "Œuvray Élodie")


def _remove_funding_line(dialog: ProjectDialog) -> None:
    dialog.funders.funder_edit(0).setFocus()
    dialog.funders.remove_current()


PROJECT_CHANGES: dict[str, Callable[[ProjectDialog], object]] = {
    "description": lambda d: d.general.description.setPlainText("Autre texte"),
    "amount granted": lambda d: d.funders.granted_edit(0).setText("1 000"),
    "new funding line": lambda d: d.funders.add_line(),
    "funding line removed": _remove_funding_line,
    "cross-cutting theme": _tick_first_theme,
    "person involved": _add_involved,
    "year": lambda d: d.general.year.setValue(2027),
    "outcome notes": lambda d: d.dates.outcome_notes.setPlainText("Bilan"),
    "holder kind": lambda d: d.general.holder_kind.setCurrentIndex(1),
}


@pytest.mark.parametrize("change", PROJECT_CHANGES)
def test_project_form_counts_every_page_as_typed(
        qtbot: Any, database: Database, dialogs: Dialogs, project_id: int, change: str) -> None:
    before = detail_of(database, project_id)
    dialog = shown(qtbot, ProjectDialog(database.session_scope, project_id))
    PROJECT_CHANGES[change](dialog)
    assert dialog.has_changes()
    dialogs.answer("confirm_discard", False, True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible()
    dialog.close()  # the window's cross
    assert not dialog.isVisible() and len(dialogs.named("confirm_discard")) == 2
    assert detail_of(database, project_id) == before


def test_project_form_ctrl_enter_saves_from_the_description(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    dialog = shown(qtbot, ProjectDialog(database.session_scope))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.general.title.setText("Boîte à livres")
    dialog.general.description.setFocus()
    qtbot.keyClicks(dialog.general.description, "Devant la mairie")
    qtbot.keyClick(dialog.general.description, Qt.Key.Key_Return)  # a new line
    qtbot.keyClicks(dialog.general.description, "annexe")
    assert dialog.isVisible()
    qtbot.keyClick(dialog.general.description, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id is not None
    saved = detail_of(database, dialog.saved_id).data
    assert (saved.title, saved.description) == ("Boîte à livres", "Devant la mairie\nannexe")
    assert dialogs.named("confirm_discard") == []


# -- the status change -----------------------------------------------------------------------


@pytest.fixture
def projects_tab(qtbot: Any, database: Database, project_id: int) -> Iterator[ProjectsTab]:
    with shown_tab(qtbot, database) as tab:
        tab.reload()
        assert tab.select_project(project_id)
        yield tab


def test_status_change_asks_before_losing_its_note(
        qtbot: Any, database: Database, dialogs: Dialogs, project_id: int,
        projects_tab: ProjectsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    before = detail_of(database, project_id)

    def user(dialog: StatusDialog) -> None:
        qtbot.keyClicks(dialog.note, "Dossier envoye")
        escape_asks_then_closes(qtbot, dialogs, dialog, dialog.note, dialog.note.text,
                                "Dossier envoye")

    opened = run_instead_of_exec(monkeypatch, StatusDialog, user)
    projects_tab.detail.status_button.click()
    assert len(opened) == 1
    after = detail_of(database, project_id)
    assert (after.status, after.history) == (before.status, before.history)


def test_status_change_untouched_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs, project_id: int,
        projects_tab: ProjectsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    before = detail_of(database, project_id)
    opened = run_instead_of_exec(monkeypatch, StatusDialog,
                                 lambda dialog: escape_closes_at_once(qtbot, dialogs, dialog))
    projects_tab.detail.status_button.click()
    assert len(opened) == 1
    assert detail_of(database, project_id).history == before.history


# -- the contact forms -----------------------------------------------------------------------


def seed_organisation(database: Database) -> int:
    with database.session_scope() as session:
        return session.scalars(select(Organisation.id)).one()


def test_organisation_form_asks_before_losing_its_notes(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    org_id = seed_organisation(database)
    dialog = shown(qtbot, OrganisationDialog(database.session_scope, org_id))
    dialog.form.notes.setPlainText("Ouvert le samedi matin")
    escape_asks_then_closes(qtbot, dialogs, dialog, dialog.form.notes,
                            dialog.form.notes.toPlainText, "Ouvert le samedi matin")
    with database.session_scope() as session:
        assert contact_queries.get_organisation(session, org_id).data.notes == ""


def test_organisation_form_untouched_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    org_id = seed_organisation(database)
    new_contact(database, "Diallo", "Oumar", org_id, "Directeur")
    dialog = shown(qtbot, OrganisationDialog(database.session_scope, org_id))
    assert dialog.people_names() == ["Diallo Oumar"]
    escape_closes_at_once(qtbot, dialogs, dialog)
    escape_closes_at_once(qtbot, dialogs,
                          shown(qtbot, OrganisationDialog(database.session_scope)))


def test_organisation_saved_to_add_a_person_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    """*Ajouter une personne…* saves the organisation first: nothing is left to lose, and
    what is typed in the person's own form is not the organisation's."""
    dialog = shown(qtbot, OrganisationDialog(database.session_scope))
    dialog.form.name.setText("Régie de quartier")
    dialog.add_person_button.click()
    person = dialog.person_dialog
    assert person is not None and person.isVisible() and dialog.org_id is not None
    person.last_name.setText("Diallo")
    assert person.has_changes() and not dialog.has_changes()
    click_save(person)
    assert dialog.people_names() == ["Diallo"]
    dialog.add_person_button.click()  # another one, given up
    second = dialog.person_dialog
    assert second is not person and second is not None
    second.last_name.setText("Martin")
    dialogs.answer("confirm_discard", True)
    second.reject()
    assert not second.isVisible() and len(dialogs.named("confirm_discard")) == 1
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(dialogs.named("confirm_discard")) == 1


def test_person_form_asks_before_losing_a_new_contact(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    before = count(database, Person)
    dialog = shown(qtbot, PersonDialog(database.session_scope))
    qtbot.keyClicks(dialog.last_name, "Kowalski")
    escape_asks_then_closes(qtbot, dialogs, dialog, dialog.last_name, dialog.last_name.text,
                            "Kowalski")
    assert count(database, Person) == before


def test_person_form_counts_a_role_typed(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    person_id = new_contact(database, "Diallo", "Oumar", seed_organisation(database),
                            "Directeur")
    dialog = shown(qtbot, PersonDialog(database.session_scope, person_id))
    role = dialog.roles.lines[0].role_title
    role.setText("Président")
    escape_asks_then_closes(qtbot, dialogs, dialog, role, role.text, "Président")
    with database.session_scope() as session:
        [saved] = contact_queries.get_contact(session, person_id).affiliations
    assert saved.role_title == "Directeur"


def test_person_form_untouched_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    person_id = new_contact(database, "Diallo", "Oumar", seed_organisation(database),
                            "Directeur")
    escape_closes_at_once(qtbot, dialogs,
                          shown(qtbot, PersonDialog(database.session_scope, person_id)))
    escape_closes_at_once(qtbot, dialogs, shown(qtbot, PersonDialog(database.session_scope)))


def test_organisation_form_ctrl_enter_saves_from_the_notes(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    dialog = shown(qtbot, OrganisationDialog(database.session_scope))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.form.name.setText("Amicale du Lac")
    dialog.form.notes.setFocus()
    qtbot.keyClicks(dialog.form.notes, "Permanence")
    qtbot.keyClick(dialog.form.notes, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.form.notes, "le mardi")
    qtbot.keyClick(dialog.form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.org_id is not None
    with database.session_scope() as session:
        saved = contact_queries.get_organisation(session, dialog.org_id).data
    assert (saved.name, saved.notes) == ("Amicale du Lac", "Permanence\nle mardi")


# -- agenda items and decisions ----------------------------------------------------------------


@pytest.fixture
def meeting_id(database: Database) -> int:
    with database.session_scope() as session:
        meeting = session.scalars(select(Meeting.id)).one()
        agenda.add_item(session, meeting, AgendaItemData(
            "Budget", presenter_name="M. le délégué du préfet", documents=["Budget.xlsx"]))
    return meeting


@pytest.fixture
def page(qtbot: Any, database: Database, meeting_id: int) -> MeetingPage:
    shown_page = shown(qtbot, MeetingPage(database.session_scope, meeting_id))
    assert shown_page.item_panel.entry is not None  # the first item is shown
    return shown_page


def agenda_rows(database: Database) -> list[tuple[Any, ...]]:
    with database.session_scope() as session:
        return [tuple(row) for row in session.execute(select(
            AgendaItem.title, AgendaItem.presenter_name, AgendaItem.documents))]


def test_agenda_item_form_asks_before_losing_a_new_item(
        qtbot: Any, database: Database, dialogs: Dialogs, page: MeetingPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = agenda_rows(database)

    def user(dialog: AgendaItemDialog) -> None:
        qtbot.keyClicks(dialog.title, "Fete de quartier")
        escape_asks_then_closes(qtbot, dialogs, dialog, dialog.title, dialog.title.text,
                                "Fete de quartier")

    opened = run_instead_of_exec(monkeypatch, AgendaItemDialog, user)
    page.page_actions.add_item()
    assert len(opened) == 1 and agenda_rows(database) == before


def test_agenda_item_form_untouched_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs, page: MeetingPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = agenda_rows(database)
    opened = run_instead_of_exec(monkeypatch, AgendaItemDialog,
                                 lambda dialog: escape_closes_at_once(qtbot, dialogs, dialog))
    page.page_actions.edit_item()
    page.page_actions.add_item()
    assert len(opened) == 2 and opened[0].documents.toPlainText() == "Budget.xlsx"
    assert agenda_rows(database) == before


def test_agenda_item_form_ctrl_enter_saves_from_the_documents(
        qtbot: Any, database: Database, dialogs: Dialogs, page: MeetingPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def user(dialog: AgendaItemDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.title.setText("Fête de quartier")
        dialog.documents.setFocus()
        qtbot.keyClicks(dialog.documents, "Affiche.pdf")
        qtbot.keyClick(dialog.documents, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.documents, "Budget.ods")
        assert dialog.isVisible()
        qtbot.keyClick(dialog.documents, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)

    run_instead_of_exec(monkeypatch, AgendaItemDialog, user)
    page.page_actions.add_item()
    assert agenda_rows(database)[-1] == ("Fête de quartier", "", "Affiche.pdf\nBudget.ods")


def decision_rows(database: Database) -> list[tuple[Any, ...]]:
    with database.session_scope() as session:
        return [tuple(row) for row in session.execute(select(
            Decision.text, Decision.vote_mode, Decision.votes_for, Decision.deadline))]


def test_decision_form_asks_before_losing_a_new_decision(
        qtbot: Any, database: Database, dialogs: Dialogs, page: MeetingPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def user(dialog: DecisionDialog) -> None:
        dialog.text.setPlainText("Le budget est adopté.")
        escape_asks_then_closes(qtbot, dialogs, dialog, dialog.text, dialog.text.toPlainText,
                                "Le budget est adopté.")

    opened = run_instead_of_exec(monkeypatch, DecisionDialog, user)
    page.page_actions.add_decision()
    assert len(opened) == 1 and decision_rows(database) == []


def test_decision_form_untouched_closes_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs, page: MeetingPage,
        meeting_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = page.item_panel.entry
    assert entry is not None
    with database.session_scope() as session:
        decision_id = decisions.add_decision(session, meeting_id, DecisionData(
            entry.id, "Le budget est adopté.", VoteMode.VOTE, 0, 0, 0, None,
            owner_organisation_id=seed_organisation(database), deadline=date(2027, 1, 15)))
    before = decision_rows(database)
    opened = run_instead_of_exec(monkeypatch, DecisionDialog,
                                 lambda dialog: escape_closes_at_once(qtbot, dialogs, dialog))
    page.page_actions.edit_decision(decision_id)
    page.page_actions.add_decision()
    assert len(opened) == 2 and opened[0].deadline.text() == "15/01/2027"
    assert decision_rows(database) == before


def test_decision_form_ctrl_enter_saves_from_the_text(
        qtbot: Any, database: Database, dialogs: Dialogs, page: MeetingPage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def user(dialog: DecisionDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.mode.setCurrentIndex(dialog.mode.findData(VoteMode.CONSENSUS))
        dialog.text.setFocus()
        qtbot.keyClicks(dialog.text, "Le budget est adopte.")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    run_instead_of_exec(monkeypatch, DecisionDialog, user)
    page.page_actions.add_decision()
    assert decision_rows(database) == [("Le budget est adopte.", VoteMode.CONSENSUS, None,
                                        None)]


# -- the council's settings --------------------------------------------------------------------


def stored_settings(database: Database) -> tuple[council.SettingsData, bytes | None]:
    with database.session_scope() as session:
        return council.get_settings(session), council.get_logo(session)


def test_settings_ask_before_losing_what_was_typed(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    before = stored_settings(database)
    dialog = shown(qtbot, SettingsDialog(database.session_scope))
    name = dialog.identity.council_name
    name.setText("Conseil citoyen du Lac")
    escape_asks_then_closes(qtbot, dialogs, dialog, name, name.text, "Conseil citoyen du Lac")
    assert stored_settings(database) == before


def test_settings_count_a_logo_chosen(
        qtbot: Any, database: Database, dialogs: Dialogs, tmp_path: Path) -> None:
    picture = tmp_path / "logo.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(picture))
    before = stored_settings(database)
    dialog = shown(qtbot, SettingsDialog(database.session_scope))
    dialogs.answer("ask_open_path", picture)
    dialog.identity.logo.choose_button.click()
    assert dialog.identity.logo.png() is not None
    escape_asks_then_closes(qtbot, dialogs, dialog, dialog.identity.logo.choose_button,
                            lambda: dialog.identity.logo.png() is not None, True)
    assert stored_settings(database) == before


def test_settings_untouched_close_at_once(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    before = stored_settings(database)
    escape_closes_at_once(qtbot, dialogs, shown(qtbot, SettingsDialog(database.session_scope)))
    assert stored_settings(database) == before


def test_settings_ctrl_enter_saves_from_the_postal_address(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    dialog = shown(qtbot, SettingsDialog(database.session_scope))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    address = dialog.identity.postal_address
    address.setFocus()
    qtbot.keyClicks(address, "12 rue du Lac")
    qtbot.keyClick(address, Qt.Key.Key_Return)
    qtbot.keyClicks(address, "31100 Toulouse")
    qtbot.keyClick(address, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_settings(database)[0].postal_address == "12 rue du Lac\n31100 Toulouse"


# -- the invitations ---------------------------------------------------------------------------

def test_names_ticked_by_hand_are_not_lost_to_escape(qtbot: Any, dialogs: Dialogs) -> None:
    from conseil_desktop.ui.meetings.invite_dialog import InviteDialog

    choices = [(1, "Éloi Zoé — Habitants"), (2, "Martin Léa — Habitants"),
               (3, "Yılmaz Şükrü — Habitants")]
    dialog = shown(qtbot, InviteDialog(choices, {2}))
    dialog.search.setText("yil")  # a search alone changes no one's invitation
    escape_closes_at_once(qtbot, dialogs, dialog)

    dialog = shown(qtbot, InviteDialog(choices, {2}))
    dialog.model.tick_shown(True)
    escape_asks_then_closes(qtbot, dialogs, dialog, dialog.people,
                            lambda: sorted(dialog.ticked_ids()), [1, 2, 3])

"""The Contacts tab, driven through its widgets: the scenarios of the issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vobject
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from conseil_desktop.db.models import ContactAffiliation, Organisation, ProjectFunding
from conseil_desktop.services import contact_queries, projects
from conseil_desktop.services.contact_queries import ContactKind
from conseil_desktop.services.projects import FundingLine, HolderKind, ProjectData
from conseil_desktop.ui.contacts import ContactsTab
from conseil_desktop.ui.contacts.exports import ExportFormat
from conseil_desktop.ui.contacts.organisation_dialog import OrganisationDialog
from conseil_desktop.ui.contacts.person_dialog import PersonDialog
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.preferences import Preferences
from tests.ui.contact_helpers import (
    BAD_SIRET,
    VALID_SIRET,
    click_save,
    member_id,
    new_contact,
    new_organisation,
    open_tab,
    person_count,
    shown_names,
)
from tests.ui.helpers import Dialogs


@pytest.fixture
def tab(qtbot: Any, database: Database) -> ContactsTab:
    return open_tab(qtbot, database)


def add_person(org_dialog: OrganisationDialog, last: str, first: str, role: str,
               phone: str) -> None:
    """*Ajouter une personne…*, fill the person's form, save it."""
    org_dialog.add_person_button.click()
    person = org_dialog.person_dialog
    assert person is not None and person.isVisible()
    person.last_name.setText(last)
    person.first_name.setText(first)
    [line] = person.roles.lines  # preset with this organisation
    assert line.organisation.text() == org_dialog.form.name.text()
    line.role_title.setText(role)
    line.phone.setText(phone)
    click_save(person)
    assert not person.isVisible()


def test_organisation_with_two_people_created_through_the_forms(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    before = tab.model.total_count()
    dialog = tab.new_organisation()
    dialog.form.name.setText("Amicale des locataires du Lac")
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("association"))
    dialog.form.siret.setText(VALID_SIRET)
    dialog.form.postcode.setText("31100")
    dialog.form.city.setText("Toulouse")
    add_person(dialog, "Martin", "Élodie", "Présidente", "06 11 22 33 44")
    add_person(dialog, "Benali", "Karim", "Trésorier", "0745548818")
    assert dialog.people_names() == ["Benali Karim", "Martin Élodie"]
    click_save(dialog)
    assert not dialog.isVisible()
    assert dialogs.named("show_error") == []

    assert dialog.org_id is not None
    with database.session_scope() as session:
        detail = contact_queries.get_organisation(session, dialog.org_id)
    assert (detail.data.name, detail.data.kind_code, detail.data.siret) == (
        "Amicale des locataires du Lac", "association", VALID_SIRET)
    assert [(p.person_name, p.role_title, p.phone) for p in detail.people] == [
        ("Benali Karim", "Trésorier", "07 45 54 88 18"),
        ("Martin Élodie", "Présidente", "06 11 22 33 44"),
    ]
    assert tab.model.total_count() == before + 3
    tab.search.setText("lac")
    assert sorted(shown_names(tab)) == ["Amicale des locataires du Lac", "Benali Karim",
                                        "Martin Élodie"]


def test_search_ignores_accents_and_case(tab: ContactsTab, database: Database) -> None:
    org = new_organisation(database, "Régie de quartier")
    new_contact(database, "Dubreuil", "Élodie", org, "Directrice")
    new_contact(database, "Garcia", "Paul", org, "Encadrant")
    tab.invalidate()
    tab.search.setText("elodie")
    assert shown_names(tab) == ["Dubreuil Élodie"]
    tab.search.setText("ÉLODIE dubreuil")
    assert shown_names(tab) == ["Dubreuil Élodie"]
    tab.search.setText("regie")  # the organisation, and the people with a role in it
    assert shown_names(tab) == ["Dubreuil Élodie", "Garcia Paul", "Régie de quartier"]
    assert tab.model.rowCount() < tab.model.total_count()


def test_a_bad_siret_is_refused_and_nothing_is_saved(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    with database.session_scope() as session:
        organisations = session.scalar(select(func.count()).select_from(Organisation))
    dialog = tab.new_organisation()
    dialog.form.name.setText("Boulangerie du Lac")
    dialog.form.siret.setText(BAD_SIRET)
    click_save(dialog)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "SIRET" in message
    assert dialog.isVisible() and dialog.org_id is None
    with database.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == organisations
    dialog.form.siret.setText(VALID_SIRET)
    click_save(dialog)
    assert not dialog.isVisible()
    assert "Boulangerie du Lac" in shown_names(tab, ContactKind.ORGANISATION)


def test_linking_a_member_adds_a_role_without_a_new_person(
    qtbot: Any, tab: ContactsTab, database: Database
) -> None:
    member = member_id(database, "Œuvray")
    people = person_count(database)
    dialog = tab.new_contact()
    dialog.link_button.click()
    picker = dialog.member_picker
    qtbot.keyClicks(picker, "oeuvray elo")
    qtbot.waitUntil(lambda: bool(picker.suggestions()))
    assert [c.label for c in picker.suggestions()] == [
        "Œuvray Élodie – Collège des habitants"]
    popup = picker.popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.linked_member is not None and dialog.linked_member.id == member
    assert dialog.last_name.text() == "Œuvray" and not dialog.last_name.isEnabled()
    [line] = dialog.roles.lines
    line.organisation.setText("centre social BELLEFONTAINE")  # resolved by its folded name
    line.role_title.setText("Bénévole")
    click_save(dialog)

    assert not dialog.isVisible()
    assert person_count(database) == people
    with database.session_scope() as session:
        detail = contact_queries.get_contact(session, member)
    assert detail.is_member
    assert [(a.organisation_name, a.role_title) for a in detail.affiliations] == [
        ("Centre social Bellefontaine", "Bénévole")]
    assert "Œuvray Élodie" in shown_names(tab, ContactKind.PERSON)


def test_a_new_contact_named_like_a_member_is_offered_the_link(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    member = member_id(database, "Œuvray")
    people = person_count(database)
    dialog = tab.new_contact()
    dialog.last_name.setText("OEUVRAY")
    dialog.first_name.setText("elodie")
    dialog.roles.lines[0].role_title.setText("Bénévole")
    dialogs.answer("confirm", True)
    click_save(dialog)
    [(_parent, _title, question)] = dialogs.named("confirm")
    assert "Œuvray Élodie – Collège des habitants" in question
    assert person_count(database) == people
    with database.session_scope() as session:
        roles = session.scalars(select(ContactAffiliation.role_title)
                                .where(ContactAffiliation.person_id == member)).all()
    assert roles == ["Bénévole"]


def test_deleting_a_funder_archives_it_and_keeps_the_funding(
    qtbot: Any, tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    funder = new_organisation(database, "Ville de Lac", "mairie", is_funder=True)
    with database.session_scope() as session:
        project = projects.create_project(session, ProjectData(
            title="Fête du Lac", holder_kind=HolderKind.ORGANISATION, holder_id=funder,
            fundings=[FundingLine(funder, requested_cents=150_000, granted_cents=123_450)],
        )).id
    tab.invalidate()
    assert tab.select(ContactKind.ORGANISATION, funder)
    dialogs.answer("confirm", True)
    tab.view.setFocus()
    with qtbot.waitSignal(tab.message_posted):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    [(_parent, _title, question)] = dialogs.named("confirm")
    assert "ne peut pas être supprimée" in question and "Fête du Lac" in question

    with database.session_scope() as session:
        assert contact_queries.get_organisation(session, funder).archived_at is not None
        amounts = session.execute(
            select(ProjectFunding.requested_cents, ProjectFunding.granted_cents)
            .where(ProjectFunding.project_id == project)).all()
    assert [tuple(row) for row in amounts] == [(150_000, 123_450)]
    assert "Ville de Lac" not in shown_names(tab)

    tab.ui.archived_check.setChecked(True)
    assert tab.select(ContactKind.ORGANISATION, funder)
    assert tab.ui.restore_button.isVisible() and tab.ui.restore_button.isEnabled()
    tab.ui.restore_button.click()
    with database.session_scope() as session:
        assert contact_queries.get_organisation(session, funder).archived_at is None


def test_export_action_writes_a_vcard_file(
    qtbot: Any, tab: ContactsTab, database: Database, dialogs: Dialogs, tmp_path: Path
) -> None:
    org = new_organisation(database, "Régie de quartier", phone="05 61 22 33 44")
    new_contact(database, "Nguyễn", "Thị Hương", org, "Directrice")
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "carnet"  # typed without its extension
    dialogs.answer("ask_save_path", target)
    with qtbot.waitSignal(tab.message_posted, timeout=10_000) as posted:
        tab.exports.action(ExportFormat.VCARD).trigger()
    qtbot.waitUntil(lambda: tab.exports.worker is None)
    written = folder / "carnet.vcf"
    assert str(written) in posted.args[0]
    cards = list(vobject.readComponents(written.read_text(encoding="utf-8")))
    assert sorted(card.fn.value for card in cards) == [
        "Centre social Bellefontaine", "Régie de quartier", "Thị Hương Nguyễn"]
    assert [p.name for p in folder.iterdir()] == ["carnet.vcf"]  # no temporary file left
    assert Preferences().last_document_folder == folder  # proposed by the next export
    assert all(action.isEnabled() for action in tab.export_actions())


def test_keyboard_opens_and_closes_the_forms(qtbot: Any, tab: ContactsTab) -> None:
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(tab.dialog, PersonDialog) and tab.dialog.windowTitle()
    qtbot.keyClick(tab.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.select(ContactKind.ORGANISATION, tab.model.row_at(0).id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert isinstance(tab.dialog, OrganisationDialog)
    assert tab.dialog.form.name.text() == "Centre social Bellefontaine"
    tab.dialog.reject()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()


@pytest.mark.parametrize("in_use", [False, True])
def test_checking_whether_an_organisation_can_be_deleted_deletes_nothing(
    tab: ContactsTab, database: Database, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
    in_use: bool,
) -> None:
    """The question is asked from what refers to it, not by deleting then rolling back."""
    from conseil_desktop.services import contacts

    org = new_organisation(database, "Amicale du Lac")
    if in_use:
        new_contact(database, "Diop", "Awa", org, "Présidente")
    tab.invalidate()
    assert tab.select(ContactKind.ORGANISATION, org)
    deletions: list[int] = []
    real = contacts.delete_organisation

    def recorded(session: Any, org_id: int, **kwargs: Any) -> Any:
        deletions.append(org_id)
        return real(session, org_id, **kwargs)

    monkeypatch.setattr(contacts, "delete_organisation", recorded)
    dialogs.answer("confirm", False)  # the user says no
    row = tab.current_row()
    assert row is not None and row.id == org
    assert tab.removal.delete(row) is None
    [(_parent, _title, question)] = dialogs.named("confirm")
    assert ("ne peut pas être supprimée" in question) is in_use
    assert ("1 contact y a un rôle" in question) is in_use
    assert deletions == []
    with database.session_scope() as session:
        assert contact_queries.get_organisation(session, org).archived_at is None

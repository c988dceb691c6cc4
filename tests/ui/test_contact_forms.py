"""The organisation and person forms of the Contacts tab, and deleting contacts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from sqlalchemy import select

from conseil_desktop.db.models import Decision, Guest, Meeting, Person
from conseil_desktop.services import contact_queries, contacts, projects
from conseil_desktop.services.contact_queries import ContactKind
from conseil_desktop.ui.contacts import ContactsTab
from conseil_desktop.ui.contacts.organisation_dialog import OrganisationDialog
from conseil_desktop.ui.contacts.person_dialog import PersonDialog
from conseil_desktop.ui.database import Database
from tests.ui.contact_helpers import (
    click_save,
    member_id,
    new_contact,
    new_organisation,
    open_tab,
    organisation_id,
    shown_names,
)
from tests.ui.helpers import Dialogs


@pytest.fixture
def tab(qtbot: Any, database: Database) -> ContactsTab:
    return open_tab(qtbot, database)


def edit(tab: ContactsTab, kind: ContactKind, record_id: int) -> Any:
    assert tab.select(kind, record_id)
    dialog = tab.edit_current()
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_editing_a_person_keeps_their_roles_and_address(
    tab: ContactsTab, database: Database
) -> None:
    first = new_organisation(database, "Régie de quartier")
    second = new_organisation(database, "Centre social Milan", "centre_social")
    person = new_contact(database, "Diallo", "Oumar", first, "Directeur")
    with database.session_scope() as session:
        contacts.update_contact(session, person, contacts.ContactData(
            last_name="Diallo", first_name="Oumar", city="Toulouse",
            affiliations=[contacts.AffiliationData(first, "Directeur")]))
        original_role = contact_queries.get_contact(session, person).affiliations[0].id
    tab.invalidate()
    dialog: PersonDialog = edit(tab, ContactKind.PERSON, person)
    assert dialog.last_name.text() == "Diallo" and dialog.link_button.isHidden()
    dialog.email.setText("Oumar.Diallo@Example.org")
    second_role = dialog.roles.add_role()
    second_role.organisation.setText("centre social milan")
    second_role.role_title.setText("Bénévole")
    click_save(dialog)
    assert not dialog.isVisible()
    with database.session_scope() as session:
        detail = contact_queries.get_contact(session, person)
    assert detail.data.email == "Oumar.Diallo@example.org"
    assert detail.data.city == "Toulouse"  # not on the form, kept
    assert [(a.id == original_role, a.organisation_id, a.role_title)
            for a in detail.affiliations] == [(True, first, "Directeur"),
                                              (False, second, "Bénévole")]
    row = tab.current_row()
    assert row is not None and row.id == person
    assert row.organisation == "Régie de quartier, Centre social Milan"


def test_an_unknown_organisation_in_a_role_is_refused(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    dialog = tab.new_contact()
    dialog.last_name.setText("Kowalski")
    dialog.roles.lines[0].organisation.setText("Association inconnue")
    click_save(dialog)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "Association inconnue" in message
    assert dialog.isVisible()
    with database.session_scope() as session:
        assert session.scalar(select(Person.id).where(Person.last_name == "Kowalski")) is None


def test_homonym_warning_is_shown_after_creating(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    org = new_organisation(database, "Régie de quartier")
    new_contact(database, "Diallo", "Oumar", org)
    tab.invalidate()
    dialog = tab.new_contact()
    dialog.last_name.setText("Diallo")
    dialog.first_name.setText("Oumar")
    click_save(dialog)
    [(_parent, _title, warning)] = dialogs.named("show_info")
    assert "Diallo Oumar" in warning and "doublon" in warning
    assert shown_names(tab, ContactKind.PERSON) == ["Diallo Oumar", "Diallo Oumar"]


def test_removing_a_person_from_an_organisation(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    org = new_organisation(database, "Régie de quartier")
    new_contact(database, "Diallo", "Oumar", org, "Directeur")
    new_contact(database, "Sow", "Awa", org, "Animatrice")
    tab.invalidate()
    dialog: OrganisationDialog = edit(tab, ContactKind.ORGANISATION, org)
    assert dialog.people_names() == ["Diallo Oumar", "Sow Awa"]
    assert not dialog.remove_person_button.isEnabled()
    dialog.people.selectRow(1)
    dialogs.answer("confirm", True)
    dialog.remove_person_button.click()
    assert dialog.people_names() == ["Diallo Oumar"]
    with database.session_scope() as session:
        assert [p.person_name for p in contact_queries.get_organisation(session, org).people] \
            == ["Diallo Oumar"]
    assert "Sow Awa" not in shown_names(tab)


def test_an_organisation_with_no_link_is_deleted_after_a_confirmation(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    org = new_organisation(database, "Boulangerie du Lac", "entreprise")
    tab.invalidate()
    assert tab.select(ContactKind.ORGANISATION, org)
    dialogs.answer("confirm", False, True)
    tab.delete_current()  # declined: nothing happens
    assert "Boulangerie du Lac" in shown_names(tab)
    tab.delete_current()
    assert "Boulangerie du Lac" not in shown_names(tab)
    with database.session_scope() as session:
        assert contact_queries.search_contacts(session, "boulangerie",
                                               include_archived=True) == []


def test_removing_a_contact_keeps_a_member_and_deletes_a_mere_contact(
    tab: ContactsTab, database: Database, dialogs: Dialogs
) -> None:
    org = new_organisation(database, "Régie de quartier")
    mere_contact = new_contact(database, "Sow", "Awa", org)
    member = member_id(database, "Œuvray")
    with database.session_scope() as session:
        contacts.add_affiliation(session, member, contacts.AffiliationData(org, "Bénévole"))
    tab.invalidate()
    dialogs.answer("confirm", True, True)
    assert tab.select(ContactKind.PERSON, mere_contact)
    tab.delete_current()
    assert tab.select(ContactKind.PERSON, member)
    tab.delete_current()
    assert shown_names(tab, ContactKind.PERSON) == []
    [(_parent, _title, kept)] = dialogs.named("show_info")
    assert "Œuvray Élodie" in kept
    with database.session_scope() as session:
        assert session.get(Person, mere_contact) is None
        assert contact_queries.get_contact(session, member).is_member


def test_the_page_shows_projects_roles_and_links(
    tab: ContactsTab, database: Database
) -> None:
    org = organisation_id(database, "Centre social Bellefontaine")  # holds "Jardins partagés"
    person = new_contact(database, "Diallo", "Oumar", org, "Directeur")
    tab.invalidate()
    assert tab.select(ContactKind.ORGANISATION, org)
    page = tab.ui.page.toPlainText()
    assert "Centre social Bellefontaine" in page
    assert "Jardins partagés" in page  # the project it holds
    assert "Diallo Oumar" in page and "Directeur" in page
    tab.ui.page.anchorClicked.emit(QUrl(f"personne:{person}"))
    row = tab.current_row()
    assert row is not None and (row.kind, row.id) == (ContactKind.PERSON, person)
    assert "Centre social Bellefontaine" in tab.ui.page.toPlainText()


def test_filters_by_type_and_kind(tab: ContactsTab, database: Database) -> None:
    school = new_organisation(database, "École du Lac", "ecole")
    new_contact(database, "Sow", "Awa", school, "Directrice")
    new_contact(database, "Diallo", "Oumar", None, "Bénévole")
    tab.invalidate()
    assert tab.model.total_count() == 4
    tab.ui.type_filter.setCurrentIndex(tab.ui.type_filter.findData("ecole"))
    assert shown_names(tab) == ["École du Lac", "Sow Awa"]
    tab.ui.type_filter.setCurrentIndex(0)
    tab.ui.shown_filter.setCurrentIndex(tab.ui.shown_filter.findData("people"))
    assert shown_names(tab) == ["Diallo Oumar", "Sow Awa"]
    assert tab.count_label.text() != ""
    tab.ui.shown_filter.setCurrentIndex(tab.ui.shown_filter.findData("organisations"))
    assert shown_names(tab) == ["Centre social Bellefontaine", "École du Lac"]


def test_a_persons_page_lists_projects_meetings_and_decisions(
    tab: ContactsTab, database: Database
) -> None:
    org = organisation_id(database, "Centre social Bellefontaine")
    person = new_contact(database, "Diallo", "Oumar", org, "Directeur")
    with database.session_scope() as session:
        meeting = session.scalars(select(Meeting)).one()
        session.add(Guest(meeting_id=meeting.id, name="Oumar Diallo", person_id=person,
                          quality="Directeur du centre social"))
        session.add(Decision(meeting_id=meeting.id, text="Préparer la fête de quartier",
                             owner_person_id=person, deadline=date(2026, 12, 15)))
        projects.create_project(session, projects.ProjectData(
            title="Ateliers numériques", holder_kind=projects.HolderKind.PERSON,
            holder_id=person, year=2027))
    tab.invalidate()
    assert tab.select(ContactKind.PERSON, person)
    page = tab.ui.page.toPlainText()
    for expected in ("Diallo Oumar", "Centre social Bellefontaine", "Directeur",
                     "Ateliers numériques", "2027", "Assemblée plénière de novembre",
                     "25/11/2026", "Directeur du centre social", "Préparer la fête de quartier",
                     "15/12/2026"):
        assert expected in page, expected


def test_the_selection_and_its_page_survive_the_search(
    qtbot: Any, tab: ContactsTab, database: Database
) -> None:
    org = organisation_id(database, "Centre social Bellefontaine")
    new_contact(database, "Diallo", "Oumar", org, "Directeur")
    tab.invalidate()
    assert tab.select(ContactKind.PERSON, tab.model.row_at(1).id)
    tab.search.setText("diallo")
    row = tab.current_row()
    assert row is not None and row.name == "Diallo Oumar"
    assert "Directeur" in tab.ui.page.toPlainText()
    tab.search.setText("nobody")
    assert tab.current_row() is None and not tab.ui.edit_button.isEnabled()
    assert "Diallo" not in tab.ui.page.toPlainText()
    tab.search.clear()
    rect = tab.view.visualRect(tab.model.index(0, 1))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.dialog is not None
    assert tab.dialog.windowTitle().endswith("Centre social Bellefontaine")
    tab.dialog.reject()


def test_a_single_mouse_click_shows_the_page_and_enables_the_buttons(
    qtbot: Any, tab: ContactsTab, database: Database
) -> None:
    tab.show()
    qtbot.waitExposed(tab)
    assert not tab.ui.edit_button.isEnabled()
    rect = tab.view.visualRect(tab.model.index(0, 1))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.ui.edit_button.isEnabled() and tab.ui.delete_button.isEnabled()
    assert tab.model.row_at(0).name in tab.ui.page.toPlainText()

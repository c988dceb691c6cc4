"""Helpers for the Contacts tab's tests: the tab on the test database, and records."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import func, select

from conseil_desktop.db.models import Organisation, Person
from conseil_desktop.services import contacts
from conseil_desktop.services.contact_queries import ContactKind
from conseil_desktop.services.contacts import AffiliationData, ContactData, OrganisationData
from conseil_desktop.ui.contacts import ContactsTab
from conseil_desktop.ui.database import Database

VALID_SIRET = "80123456800013"  # passes the Luhn check
BAD_SIRET = "80123456800014"


def open_tab(qtbot: Any, database: Database) -> ContactsTab:
    """The tab, shown (hence loaded) on the test database."""
    index_people(database)
    widget = ContactsTab(database.session_scope)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def index_people(database: Database) -> None:
    """Give the seeded people the search key the members' forms and imports write."""
    with database.session_scope() as session:
        for person in session.scalars(select(Person)):
            contacts.refresh_search_key(session, person)


def click_save(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def new_organisation(database: Database, name: str, kind: str = "association",
                     **fields: Any) -> int:
    with database.session_scope() as session:
        return contacts.create_organisation(
            session, OrganisationData(name=name, kind_code=kind, **fields)).id


def new_contact(database: Database, last: str, first: str, org_id: int | None,
                role: str = "") -> int:
    with database.session_scope() as session:
        data = ContactData(last_name=last, first_name=first,
                           affiliations=[AffiliationData(org_id, role)])
        return contacts.create_contact(session, data).id


def person_count(database: Database) -> int:
    with database.session_scope() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def member_id(database: Database, last_name: str) -> int:
    with database.session_scope() as session:
        found = session.scalar(select(Person.id).where(Person.last_name == last_name))
    assert found is not None
    return found


def organisation_id(database: Database, name: str) -> int:
    with database.session_scope() as session:
        found = session.scalar(select(Organisation.id).where(Organisation.name == name))
    assert found is not None
    return found


def shown_names(tab: ContactsTab, kind: ContactKind | None = None) -> list[str]:
    rows = (tab.model.row_at(r) for r in range(tab.model.rowCount()))
    return [row.name for row in rows if kind is None or row.kind is kind]

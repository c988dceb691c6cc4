"""*Suppr* on a contact, and *Restaurer* an archived organisation.

An organisation nothing refers to is deleted after a plain confirmation. One
that funds or holds a project (or has people, members, decisions) cannot be:
the service's message explains why and the user may archive it instead, so
the projects keep their history. A person loses their roles; their record is
kept when they are a member or named in a meeting, project or decision.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from conseil_desktop.errors import UserError
from conseil_desktop.services import contacts
from conseil_desktop.services.contact_queries import ContactKind, ContactRow
from conseil_desktop.services.contacts import DeleteOutcome, OrganisationUsage
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.tabs.protocol import SessionScope


class ContactRemoval(QObject):
    """Asks, then deletes, archives or restores; returns a message saying what was done."""

    def __init__(self, session_scope: SessionScope, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session_scope = session_scope

    def delete(self, row: ContactRow) -> str | None:
        """None when the user declined (or an error was shown)."""
        try:
            if row.kind is ContactKind.ORGANISATION:
                return self._delete_organisation(row)
            return self._remove_person(row)
        except UserError as exc:
            errors.show_user_error(self._parent, self.tr("Delete"), exc)
            return None

    def restore(self, row: ContactRow) -> str | None:
        try:
            with self._session_scope() as session:
                contacts.restore_organisation(session, row.id)
        except UserError as exc:
            errors.show_user_error(self._parent, self.tr("Restore"), exc)
            return None
        return fill(self.tr("“%1” is back in the lists."), row.name)

    def _delete_organisation(self, row: ContactRow) -> str | None:
        in_use = self._in_use(row.id)
        if in_use is None:
            question = fill(self.tr("Delete the organisation “%1”?"), row.name)
            if not ask.confirm(self._parent, self.tr("Delete an organisation"), question):
                return None
            confirmed = False
        else:
            archive = self.tr("Archive it instead?")
            question = f"{in_use.message()}\n\n{archive}"
            if not ask.confirm(self._parent, self.tr("Archive an organisation"), question):
                return None
            confirmed = True
        with self._session_scope() as session:
            outcome = contacts.delete_organisation(session, row.id, confirmed=confirmed)
        if outcome is DeleteOutcome.ARCHIVED:
            return fill(self.tr("“%1” is archived: hidden from the lists, its projects keep "
                                "their history."), row.name)
        return fill(self.tr("“%1” is deleted."), row.name)

    def _in_use(self, org_id: int) -> OrganisationUsage | None:
        """What stops the organisation from being deleted (read, nothing is changed):
        the same rule as :func:`contacts.delete_organisation`."""
        with self._session_scope() as session:
            usage = contacts.organisation_usage(session, org_id)
        return usage if usage.in_use else None

    def _remove_person(self, row: ContactRow) -> str | None:
        question = fill(self.tr(
            "Remove “%1” from the contacts?\n\nTheir roles in organisations are deleted. If "
            "they are a member of the council or are named in a meeting, project or decision, "
            "their record is kept."), row.name)
        if not ask.confirm(self._parent, self.tr("Remove a contact"), question):
            return None
        with self._session_scope() as session:
            deleted = contacts.remove_contact(session, row.id)
        if deleted:
            return fill(self.tr("“%1” is deleted."), row.name)
        kept = fill(self.tr(
            "“%1” is no longer a contact. Their record is kept because they are a member of "
            "the council or are named in a meeting, project or decision."), row.name)
        ask.show_info(self._parent, self.tr("Remove a contact"), kept)
        return kept

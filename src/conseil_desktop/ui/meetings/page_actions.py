"""What a meeting's window does: the agenda items (add, edit, delete,
reorder), the debate summary, the decisions, and the invitations. Each is one
user action in one session; the window then reads the meeting again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from conseil_desktop.errors import UserError
from conseil_desktop.services import agenda, decisions, invitations
from conseil_desktop.services.agenda import AgendaItemData
from conseil_desktop.services.decisions import DecisionData
from conseil_desktop.services.meeting_choices import people_labels
from conseil_desktop.services.meeting_snapshot import AgendaEntry
from conseil_desktop.services.meetings import ConfirmationNeeded
from conseil_desktop.services.project_choices import (
    Pick,
    find_organisations,
    find_people,
)
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.agenda_item_dialog import (
    AgendaItemInput,
    ask_agenda_item,
)
from conseil_desktop.ui.meetings.decision_dialog import DecisionInput, ask_decision
from conseil_desktop.ui.meetings.invite_dialog import ask_invitation

if TYPE_CHECKING:
    from conseil_desktop.ui.meetings.meeting_page import MeetingPage


def item_data(value: AgendaItemInput, summary: str = "") -> AgendaItemData:
    """The free name is kept only when the presenter is not a known person."""
    free_name = "" if value.presenter_person_id is not None else value.presenter_name
    return AgendaItemData(value.title, value.presenter_person_id, free_name, value.documents,
                          summary)


def decision_data(item_id: int | None, value: DecisionInput) -> DecisionData:
    return DecisionData(
        agenda_item_id=item_id, text=value.text, vote_mode=value.vote_mode,
        votes_for=value.votes_for, votes_against=value.votes_against,
        votes_abstain=value.votes_abstain, votes_blank=value.votes_blank,
        owner_person_id=value.owner_person_id,
        owner_organisation_id=value.owner_organisation_id, deadline=value.deadline)


class PageActions(QObject):
    def __init__(self, page: MeetingPage) -> None:
        super().__init__(page)
        self._page = page

    @property
    def _scope(self):  # type: ignore[no-untyped-def]
        return self._page.session_scope

    @property
    def _meeting_id(self) -> int:
        return self._page.meeting_id

    def find_people(self, text: str) -> list[Pick]:
        with self._scope() as session:
            return find_people(session, text)

    def find_organisations(self, text: str) -> list[Pick]:
        with self._scope() as session:
            return find_organisations(session, text)

    # -- agenda ------------------------------------------------------------------------------

    def add_item(self) -> None:
        value = ask_agenda_item(self._page, self.find_people)
        if value is None:
            return
        with self._page.reporting(self.tr("Agenda item not added")):
            with self._scope() as session:
                item_id = agenda.add_item(session, self._meeting_id, item_data(value))
            self._page.saved(item_id)

    def edit_item(self) -> None:
        entry = self._page.agenda.current_entry()
        if entry is None:
            return
        self.save_summary_if_changed(entry)
        with self._page.reporting(self.tr("Agenda item")):
            with self._scope() as session:
                row = next(r for r in agenda.list_items(session, self._meeting_id)
                           if r.id == entry.id)
            name = row.presenter_name
            if row.presenter_person_id is not None:
                name = row.presenter
            initial = AgendaItemInput(row.title, row.presenter_person_id, name, row.documents)
            value = ask_agenda_item(self._page, self.find_people, initial)
            if value is None:
                return
            with self._scope() as session:
                agenda.update_item(session, entry.id, item_data(value, row.summary))
            self._page.item_panel.summary_saved()
            self._page.saved(entry.id)

    def delete_item(self) -> None:
        entry = self._page.agenda.current_entry()
        if entry is None:
            return
        title = self.tr("Delete an agenda item")
        if not ask.confirm(self._page, title, fill(self.tr("Delete the item “%1”?"),
                                                   entry.title)):
            return
        self._page.item_panel.summary_saved()  # what was typed goes with the item
        try:
            self._delete_item(entry.id, confirmed=False)
        except ConfirmationNeeded as exc:
            if not ask.confirm(self._page, title, fill(self.tr("%1\n\nDelete it all the "
                                                               "same?"), str(exc))):
                return
            with self._page.reporting(title):
                self._delete_item(entry.id, confirmed=True)
        except UserError as exc:
            errors.show_user_error(self._page, title, exc)
        self._page.saved()

    def _delete_item(self, item_id: int, *, confirmed: bool) -> None:
        with self._scope() as session:
            agenda.delete_item(session, item_id, confirmed=confirmed)

    def reorder(self, item_ids: list[int]) -> None:
        with self._page.reporting(self.tr("Agenda order not saved")), \
                self._scope() as session:
            agenda.reorder(session, self._meeting_id, item_ids)
        self._page.saved(self._page.agenda.current_id())

    # -- summary and decisions ---------------------------------------------------------------

    def save_summary(self) -> bool:
        return self.save_summary_if_changed(self._page.item_panel.entry)

    def save_summary_if_changed(self, entry: AgendaEntry | None) -> bool:
        """Save the debate summary typed for ``entry``; False if there was nothing to save
        or it could not be saved."""
        panel = self._page.item_panel
        if entry is None or panel.entry is None or panel.entry.id != entry.id \
                or not panel.summary_changed():
            return False
        text = panel.summary.summary()
        try:
            with self._scope() as session:
                decisions.set_summary(session, entry.id, text)
        except UserError as exc:
            errors.show_user_error(self._page, self.tr("Summary not saved"), exc)
            return False
        panel.summary_saved()
        self._page.agenda.set_summary(entry.id, text)
        self._page.changed.emit()
        return True

    def _check_votes(self, value: DecisionInput) -> str | None:
        with self._scope() as session:
            return decisions.vote_warning(session, self._meeting_id, decision_data(None, value))

    def add_decision(self) -> None:
        entry = self._page.item_panel.entry
        if entry is None:
            return
        value = ask_decision(self._page, self.find_people, self.find_organisations,
                             self._check_votes)
        if value is None:
            return
        with self._page.reporting(self.tr("Decision not saved")):
            with self._scope() as session:
                decisions.add_decision(session, self._meeting_id, decision_data(entry.id, value))
            self._page.saved(entry.id)

    def edit_decision(self, decision_id: int) -> None:
        entry = self._page.item_panel.entry
        with self._page.reporting(self.tr("Decision not saved")):
            with self._scope() as session:
                data = decisions.get_decision(session, decision_id)
                owner = ""
                if data.owner_person_id is not None:
                    owner = people_labels(session, [data.owner_person_id]).get(
                        data.owner_person_id, "")
                elif data.owner_organisation_id is not None:
                    owner = dict(decisions.organisation_choices(session)).get(
                        data.owner_organisation_id, "")
            initial = DecisionInput(data.text, data.vote_mode, data.votes_for,
                                    data.votes_against, data.votes_abstain, data.votes_blank,
                                    data.owner_person_id, data.owner_organisation_id, owner,
                                    data.deadline)
            value = ask_decision(self._page, self.find_people, self.find_organisations,
                                 self._check_votes, initial)
            if value is None:
                return
            with self._scope() as session:
                decisions.update_decision(session, decision_id,
                                          decision_data(data.agenda_item_id, value))
            self._page.saved(entry.id if entry else None)

    def delete_decision(self, decision_id: int) -> None:
        entry = self._page.item_panel.entry
        title = self.tr("Delete a decision")
        question = self.tr("Delete this decision?")
        try:
            with self._scope() as session:
                warning = decisions.delete_warning(session, decision_id)
        except UserError as exc:  # deleted meanwhile
            errors.show_user_error(self._page, title, exc)
            return
        if warning:  # projects cite it
            question = f"{warning}\n\n{question}"
        if not ask.confirm(self._page, title, question):
            return
        with self._page.reporting(title):
            with self._scope() as session:
                decisions.delete_decision(session, decision_id)
            self._page.saved(entry.id if entry else None)

    # -- invitations -------------------------------------------------------------------------

    def invite(self) -> None:
        with self._scope() as session:
            choices = invitations.member_choices(session)
            invited = invitations.invited_ids(session, self._meeting_id)
        choice = ask_invitation(self._page, choices, invited)
        if choice is None:
            return
        title = self.tr("Invitations")
        with self._page.reporting(title):
            with self._scope() as session:
                result = invitations.invite(session, self._meeting_id, choice.scope,
                                            college=choice.college,
                                            person_ids=choice.person_ids)
            self._page.saved(self._page.agenda.current_id())
            ask.show_info(self._page, title, result.describe())

"""The project form: refused input keeps it open with nothing saved, warnings,
editing an existing project, pickers, the computed report date; and the
read-only dialog of a meeting's projects."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import func, select

from conseil_desktop.db.models import Meeting, Project, ProjectFunding
from conseil_desktop.services import projects
from conseil_desktop.services.contacts import (
    ContactData,
    OrganisationData,
    create_contact,
    create_organisation,
)
from conseil_desktop.services.project_details import get_project
from conseil_desktop.services.project_links import projects_of_meeting
from conseil_desktop.services.projects import FundingLine, HolderKind, ProjectData
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.projects import meeting_projects
from conseil_desktop.ui.projects.meeting_projects import MeetingProjectsDialog
from conseil_desktop.ui.projects.project_dialog import ProjectDialog
from tests.ui.helpers import Dialogs


@pytest.fixture
def new_dialog(qtbot, database: Database) -> ProjectDialog:
    return open_dialog(qtbot, database, None)


def open_dialog(qtbot, database: Database, project_id: int | None) -> ProjectDialog:
    dialog = ProjectDialog(database.session_scope, project_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(dialog: ProjectDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    button.click()


def project_count(database: Database) -> int:
    with database.session_scope() as session:
        return session.scalar(select(func.count()).select_from(Project)) or 0


def add_organisation(database: Database, name: str, **values: str) -> int:
    with database.session_scope() as session:
        return create_organisation(session, OrganisationData(name=name, **values)).id


def test_an_unreadable_amount_is_refused_and_nothing_saved(
    new_dialog: ProjectDialog, database: Database, dialogs: Dialogs,
) -> None:
    add_organisation(database, "Ville de Toulouse")
    new_dialog.general.title.setText("Fresque")
    funders = new_dialog.funders
    funders.add_button.click()
    funders.funder_edit(0).setText("Ville de Toulouse")
    funders.requested_edit(0).setText("12,3,4")
    assert "12,3,4" in funders.problem_label.text()  # said at once, under the table
    assert funders.problem_label.isVisibleTo(funders)
    save(new_dialog)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "« 12,3,4 » n'est pas un montant valide (exemple : 1 234,50 €)." in message
    assert new_dialog.isVisible() and new_dialog.result() != QDialog.DialogCode.Accepted
    assert project_count(database) == 1  # the seeded one only
    funders.requested_edit(0).setText("1234.50")
    assert not funders.problem_label.isVisibleTo(funders)
    save(new_dialog)
    assert not new_dialog.isVisible()
    with database.session_scope() as session:
        line = session.scalars(select(ProjectFunding)).one()
    assert line.requested_cents == 123_450


def test_end_before_start_is_refused(new_dialog: ProjectDialog, database: Database,
                                     dialogs: Dialogs) -> None:
    new_dialog.general.title.setText("Fresque")
    new_dialog.dates.start_on.setText("01/05/2026")
    new_dialog.dates.end_on.setText("30/04/2026")
    save(new_dialog)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "la fin (30/04/2026) précède le début (01/05/2026)" in message
    assert new_dialog.isVisible() and project_count(database) == 1


def test_an_impossible_date_is_refused(new_dialog: ProjectDialog, database: Database,
                                       dialogs: Dialogs) -> None:
    new_dialog.general.title.setText("Fresque")
    new_dialog.dates.start_on.setText("31/02/2026")
    save(new_dialog)
    assert len(dialogs.named("show_error")) == 1
    assert new_dialog.isVisible() and project_count(database) == 1


def test_missing_title_and_unknown_funder_are_refused(
    new_dialog: ProjectDialog, database: Database, dialogs: Dialogs,
) -> None:
    new_dialog.funders.add_button.click()
    new_dialog.funders.funder_edit(0).setText("Fondation Imaginaire")
    save(new_dialog)
    new_dialog.general.title.setText("Fresque")
    save(new_dialog)
    [first, second] = [args[2] for args in dialogs.named("show_error")]
    assert first.startswith("Financeur inconnu : « Fondation Imaginaire »")
    assert second.startswith("Financeur inconnu")
    new_dialog.funders.funder_edit(0).clear()
    save(new_dialog)
    assert len(dialogs.named("show_error")) == 3  # a line without its funder
    new_dialog.funders.remove_button.click()
    assert new_dialog.funders.row_count() == 0
    new_dialog.general.title.clear()
    save(new_dialog)
    assert "le titre est obligatoire" in dialogs.named("show_error")[-1][2]
    assert project_count(database) == 1


def test_warnings_are_shown_and_the_project_saved(
    new_dialog: ProjectDialog, database: Database, dialogs: Dialogs,
) -> None:
    add_organisation(database, "Ville de Toulouse")
    new_dialog.general.title.setText("Fresque")
    new_dialog.funders.add_button.click()
    new_dialog.funders.funder_edit(0).setText("Ville de Toulouse")
    new_dialog.funders.requested_edit(0).setText("1 000")
    new_dialog.funders.granted_edit(0).setText("1 500")
    save(new_dialog)
    [(_parent, _title, text)] = dialogs.named("show_info")
    assert "plus que les" in text
    assert new_dialog.saved_id is not None and project_count(database) == 2


def test_editing_keeps_the_funding_lines_and_the_fields(
    qtbot, database: Database, dialogs: Dialogs,
) -> None:
    city = add_organisation(database, "Ville de Toulouse", siret="21310555400017")
    with database.session_scope() as session:
        data = ProjectData(title="Fresque", holder_kind=HolderKind.ORGANISATION,
                           holder_id=city, theme_code="jeunesse",
                           cross_theme_codes=["egalite_femmes_hommes"],
                           fundings=[FundingLine(city, 100_000)], end_on=date(2026, 3, 1),
                           financial_report_due_on=date(2026, 9, 30))
        pid = projects.create_project(session, data).id
        line_id = get_project(session, pid).fundings[0].id
    dialog = open_dialog(qtbot, database, pid)
    general = dialog.general
    assert general.holder.text() == "Ville de Toulouse"
    assert general.holder_detail.text() == "SIRET 213 105 554 00017"
    assert general.theme.currentData() == "jeunesse"
    assert general.cross_theme_codes() == ["egalite_femmes_hommes"]
    assert dialog.funders.requested_edit(0).text() == "1\u202f000,00\u00a0€"
    assert not dialog.dates.report_automatic  # typed by hand, kept
    dialog.funders.granted_edit(0).setText("800")
    general.year.set_year(2027)
    save(dialog)
    with database.session_scope() as session:
        detail = get_project(session, pid)
    assert [(f.id, f.requested_cents, f.granted_cents) for f in detail.fundings] == [
        (line_id, 100_000, 80_000)]
    assert detail.data.year == 2027
    assert detail.data.financial_report_due_on == date(2026, 9, 30)
    assert detail.data.cross_theme_codes == ["egalite_femmes_hommes"]


def test_report_due_follows_the_end_until_typed_by_hand(new_dialog: ProjectDialog) -> None:
    dates = new_dialog.dates
    dates.end_on.setText("15/03/2026")
    assert dates.report_due.text() == "30/06/2027"
    dates.report_due.clear()
    dates.report_due.textEdited.emit("")  # the user empties it
    dates.report_due.setText("30/09/2026")
    dates.end_on.setText("15/12/2026")
    assert dates.report_due.text() == "30/09/2026"
    assert dates.recompute_button.isEnabled()
    dates.recompute_button.click()
    assert dates.report_due.text() == "30/06/2027" and dates.report_automatic
    assert dates.report_due_value() is None  # stored as "computed from the end"


def test_holder_picked_in_the_suggestions(qtbot, new_dialog: ProjectDialog,
                                         database: Database) -> None:
    add_organisation(database, "Régie de quartier Bellefontaine", rna="W313012345")
    general = new_dialog.general
    general.holder_kind.setCurrentIndex(general.holder_kind.findData(HolderKind.ORGANISATION))
    qtbot.keyClicks(general.holder, "regie")
    assert [p.label for p in general.holder.candidates()] == ["Régie de quartier Bellefontaine"]
    popup = general.holder.suggestions.popup()
    assert popup is not None and popup.isVisible()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert general.holder.text() == "Régie de quartier Bellefontaine"
    assert general.holder_detail.text() == "RNA W313012345"
    assert general.holder_value()[0] == HolderKind.ORGANISATION


def test_people_involved_added_and_removed(qtbot, new_dialog: ProjectDialog,
                                          database: Database, dialogs: Dialogs) -> None:
    with database.session_scope() as session:
        jeanne = create_contact(session, ContactData(last_name="Martin", first_name="Jeanne")).id
        karim = create_contact(session, ContactData(last_name="Benali", first_name="Karim")).id
    page = new_dialog.people
    for name in ("martin jeanne", "Benali Karim", "martin jeanne"):
        page.lookup.setText(name)
        page.add_button.click()
    assert page.person_ids() == [jeanne, karim]  # once each
    page.people.setCurrentRow(0)
    page.remove_button.click()
    assert page.person_ids() == [karim]
    new_dialog.general.title.setText("Chorale")
    save(new_dialog)
    assert new_dialog.saved_id is not None
    with database.session_scope() as session:
        assert get_project(session, new_dialog.saved_id).data.member_ids == [karim]


def test_an_unknown_holder_is_refused(new_dialog: ProjectDialog, database: Database,
                                      dialogs: Dialogs) -> None:
    new_dialog.general.title.setText("Chorale")
    new_dialog.general.holder.setText("Personne Inconnue")
    save(new_dialog)
    assert "Personne Inconnue" in dialogs.named("show_error")[0][2]
    assert project_count(database) == 1


# -- the projects of a meeting -----------------------------------------------------------------


def test_meeting_projects_dialog_lists_the_linked_project(
    qtbot, database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).one()
        linked = projects.create_project(session, ProjectData(title="Repair café")).id
        projects.link_meeting(session, linked, meeting_id)
        content = projects_of_meeting(session, meeting_id)
    dialog = MeetingProjectsDialog(content)
    qtbot.addWidget(dialog)
    assert dialog.project_ids() == [linked]
    assert dialog.table.item(0, 0).text() == "Repair café"
    assert "Assemblée plénière de novembre" in dialog.windowTitle()

    shown: list[list[int]] = []

    def double_click_first(self: MeetingProjectsDialog) -> int:
        shown.append(self.project_ids())
        self.table.cellDoubleClicked.emit(0, 0)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(MeetingProjectsDialog, "exec", double_click_first)
    opened: list[int] = []
    meeting_projects.show_meeting_projects(None, database.session_scope, meeting_id,
                                           opened.append)
    assert shown == [[linked]] and opened == [linked]


def test_meeting_projects_of_a_missing_meeting(database: Database, dialogs: Dialogs) -> None:
    meeting_projects.show_meeting_projects(None, database.session_scope, 999)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert message.startswith("Réunion introuvable")


def test_enter_in_the_people_field_does_not_save_and_close(qtbot, new_dialog: ProjectDialog) -> None:
    new_dialog.general.title.setText("Jardin partagé")
    new_dialog.people.lookup.setFocus()
    qtbot.keyClick(new_dialog.people.lookup, Qt.Key.Key_Return)
    assert new_dialog.isVisible()
    assert new_dialog.result() == 0

"""The member form through its widgets: every field saved, every problem shown at once
with nothing saved, the phone shown as dialled, status changes with their date,
promotion of a suppléant, roles and consents."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QLabel
from sqlalchemy import func, select

from conseil_desktop.db.models import (
    College,
    Consent,
    ConsentKind,
    ContactChannel,
    Designation,
    Membership,
    MembershipStatusEvent,
    MemberStatus,
    Organisation,
    Person,
    Seat,
    Sex,
)
from conseil_desktop.services import member_changes as mc
from conseil_desktop.services import member_roles as mr
from conseil_desktop.services.members import MemberData, create_member
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.members import member_dialog
from conseil_desktop.ui.members.member_dialog import MemberDialog
from tests.ui.helpers import Dialogs

TODAY = date(2026, 11, 25)


def open_dialog(qtbot: Any, database: Database, person_id: int | None) -> MemberDialog:
    dialog = MemberDialog(database.session_scope, person_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def add_member(database: Database, seat: Seat = Seat.TITULAIRE, **fields: Any) -> int:
    with database.session_scope() as s:
        return create_member(s, MemberData("Benali", "Karim", seat=seat,
                                           joined_on=date(2025, 1, 10), **fields), today=TODAY)


def count(database: Database, model: type) -> int:
    with database.session_scope() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_member_is_saved_with_every_field(qtbot: Any, database: Database) -> None:
    dialog = open_dialog(qtbot, database, None)
    assert dialog.windowTitle() == "Nouveau membre"
    page = dialog.identity
    page.last_name.setText("N'Diaye-Œuvray")
    page.first_name.setText("Élodie")
    page.sex.setCurrentIndex(page.sex.findData(Sex.FEMALE))
    page.birth_date.setText("03/02/1990")
    page.email.setText("elodie.ndiaye@Exemple.FR")
    page.phone.setText("+33 6 12 34 56 78")
    page.phone.editingFinished.emit()
    assert page.phone.text() == "06 12 34 56 78"
    page.address_line1.setText("3 rue de l'Église")
    page.postcode.setText("31 100")
    page.city.setText("Toulouse")
    page.preferred_channel.setCurrentIndex(page.preferred_channel.findData(ContactChannel.EMAIL))
    form = dialog.membership
    assert not form.organisation.isEnabled()
    form.college.setCurrentIndex(form.college.findData(College.LOCAL_ACTORS))
    assert form.organisation.isEnabled()
    form.organisation.setEditText("Centre social Bellefontaine")
    form.designation.setCurrentIndex(form.designation.findData(Designation.DRAWN_BY_LOT))
    form.designation_source.setText("liste du bailleur")
    form.seat.setCurrentIndex(form.seat.findData(Seat.SUPPLEANT))
    form.joined_on.setText("10/01/2025")
    form.mandate_end_on.setText("09/01/2028")
    roles = dialog.roles
    roles.role.setCurrentIndex(roles.role.findData("president"))
    roles.started_on.setText("01/02/2025")
    click(qtbot, roles.add_button)
    dialog.consents.set_answer(ConsentKind.IMAGE, True, "10/01/2025", "formulaire papier")

    assert dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session_scope() as s:
        detail = mc.member_detail(s, dialog.saved_id)  # type: ignore[arg-type]
        organisation = s.scalars(select(Organisation.id).where(
            Organisation.name == "Centre social Bellefontaine")).one()
    data = detail.data
    assert (data.last_name, data.first_name, data.sex) == ("N'Diaye-Œuvray", "Élodie", Sex.FEMALE)
    assert data.birth_date == date(1990, 2, 3)
    assert (data.email, data.phone) == ("elodie.ndiaye@exemple.fr", "+33612345678")
    assert (data.address_line1, data.postcode, data.city) == ("3 rue de l'Église", "31100",
                                                              "Toulouse")
    assert data.preferred_channel == ContactChannel.EMAIL
    assert (data.college, data.organisation_id) == (College.LOCAL_ACTORS, organisation)
    assert (data.designation, data.designation_source) == (Designation.DRAWN_BY_LOT,
                                                           "liste du bailleur")
    assert (data.seat, data.joined_on, data.mandate_end_on) == (
        Seat.SUPPLEANT, date(2025, 1, 10), date(2028, 1, 9))
    assert detail.roles == [mr.RoleData("president", date(2025, 2, 1), None, detail.roles[0].id)]
    assert detail.consents[ConsentKind.IMAGE] == mc.ConsentData(
        ConsentKind.IMAGE, True, date(2025, 1, 10), "formulaire papier")
    assert [(r.status, r.effective_on) for r in detail.history] == [
        (MemberStatus.ACTIVE, date(2025, 1, 10))]


def test_every_problem_is_shown_at_once_and_nothing_is_saved(
    qtbot: Any, database: Database, dialogs: Dialogs,
) -> None:
    people = count(database, Person)
    dialog = open_dialog(qtbot, database, None)
    dialog.identity.first_name.setText("Zoé")
    dialog.identity.email.setText("zoe@@exemple")
    dialog.identity.phone.setText("06 12")
    dialog.identity.birth_date.setText("31/02/1990")
    dialog.membership.college.setCurrentIndex(
        dialog.membership.college.findData(College.LOCAL_ACTORS))
    dialog.membership.organisation.setEditText("Association inconnue")
    dialog.membership.joined_on.setText("10/01/2025")
    dialog.membership.mandate_end_on.setText("01/01/2025")
    dialog.consents.set_answer(ConsentKind.NEWSLETTER, True)
    dialog.consents.rows[ConsentKind.NEWSLETTER].recorded_on.setText("")

    assert not dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert count(database, Person) == people
    assert dialogs.calls == []  # shown in the form, not in a message box
    text = dialog.problems.text()
    assert dialog.problems.isVisible()
    assert text.startswith("Rien n'a été enregistré")
    for expected in ("Nom : Le nom de famille du membre est obligatoire.",
                     "Date de naissance : « 31/02/1990 » n'est pas une date",
                     "Courriel : « zoe@@exemple »", "Téléphone : « 06 12 »",
                     "Structure représentée : « Association inconnue »",
                     "Fin du mandat : elle précède la date d'entrée.",
                     "Lettre d'information : "):
        assert expected in text
    assert text.index("Nom :") < text.index("Courriel") < text.index("Fin du mandat")
    marked = {name for name, widget, _ in dialog._fields() if widget.property("invalid")}
    assert marked == {"last_name", "birth_date", "email", "phone", "organisation_id",
                      "mandate_end_on", "consent_lettre_information"}
    assert "« 06 12 »" in dialog.identity.phone.toolTip()
    bar = dialog.pages.tabBar()
    assert bar.tabTextColor(1).name() == "#b3261e"  # Adhésion
    assert bar.tabTextColor(2).name() != "#b3261e"  # Statut: nothing wrong there

    dialog.identity.last_name.setText("Martin")
    dialog.identity.email.setText("zoe@exemple.fr")
    dialog.identity.phone.setText("06 12 34 56 78")
    dialog.identity.birth_date.setText("28/02/1990")
    dialog.membership.organisation.setEditText("Centre social Bellefontaine")
    dialog.membership.mandate_end_on.setText("09/01/2028")
    dialog.consents.rows[ConsentKind.NEWSLETTER].recorded_on.setText("20/11/2026")
    assert dialog.save()
    assert not dialog.problems.isVisible()
    assert count(database, Person) == people + 1


def test_an_existing_member_is_shown_and_edited(qtbot: Any, database: Database) -> None:
    person_id = add_member(database, phone="0692 12 34 56", email="karim@exemple.fr")
    dialog = open_dialog(qtbot, database, person_id)
    assert dialog.windowTitle() == "Membre : Karim Benali"
    assert dialog.identity.phone.text() == "06 92 12 34 56"  # La Réunion, as dialled there
    assert dialog.membership.seat.isEnabled()  # only the joining so far: a mistake can be fixed
    assert "erreur" in dialog.membership.seat_note.text()
    assert not dialog.status.promote_button.isVisibleTo(dialog.status)  # a titulaire
    dialog.identity.first_name.setText("Karîm")
    assert dialog.save()
    with database.session_scope() as s:
        person = s.get(Person, person_id)
        assert person is not None
        assert (person.first_name, person.phone) == ("Karîm", "+262692123456")
        assert "karim" in person.search_key


def test_a_status_change_is_recorded_with_its_date(qtbot: Any, database: Database) -> None:
    person_id = add_member(database)
    dialog = open_dialog(qtbot, database, person_id)
    page = dialog.status
    assert page.history.rowCount() == 1
    page.new_status.setCurrentIndex(page.new_status.findData(MemberStatus.RESIGNED))
    page.effective_on.setText("01/01/2024")  # before the member joined
    click(qtbot, page.change_button)
    assert "précède le dernier changement enregistré (10/01/2025)" in page.message.text()
    assert page.pending == []
    page.effective_on.setText("30/09/2026")
    click(qtbot, page.change_button)
    assert not page.message.isVisibleTo(page)
    assert page.history.rowCount() == 2
    assert page.history.item(1, 1).text() == "Démissionnaire"
    assert page.history.item(1, 2).text() == "Titulaire"  # the seat at that date
    assert page.history.item(1, 3).text() == "à enregistrer"
    assert "Démissionnaire" in page.current.text()
    with database.session_scope() as s:  # nothing written before Save
        assert s.scalars(select(Membership.status)).all().count(MemberStatus.RESIGNED) == 0
    assert dialog.save()
    with database.session_scope() as s:
        membership = s.scalars(select(Membership).where(Membership.person_id == person_id)).one()
        assert (membership.status, membership.status_since) == (MemberStatus.RESIGNED,
                                                                date(2026, 9, 30))
        assert [(e.status, e.effective_on) for e in membership.status_events] == [
            (MemberStatus.ACTIVE, date(2025, 1, 10)), (MemberStatus.RESIGNED, date(2026, 9, 30))]


def test_unsaved_status_changes_can_be_forgotten(qtbot: Any, database: Database) -> None:
    person_id = add_member(database)
    dialog = open_dialog(qtbot, database, person_id)
    page = dialog.status
    page.new_status.setCurrentIndex(page.new_status.findData(MemberStatus.EXCLUDED))
    click(qtbot, page.change_button)
    assert page.effective_on.text() == "25/11/2026" and len(page.pending) == 1
    click(qtbot, page.forget_button)
    assert page.pending == [] and page.history.rowCount() == 1
    assert dialog.save()
    assert count(database, MembershipStatusEvent) == 1  # ours, joined; the seed's has none


def test_a_suppleant_is_promoted_to_titulaire(qtbot: Any, database: Database) -> None:
    person_id = add_member(database, Seat.SUPPLEANT)
    dialog = open_dialog(qtbot, database, person_id)
    page = dialog.status
    assert page.promote_button.isVisibleTo(page)
    assert dialog.membership.seat_note.isVisibleTo(dialog.membership)
    page.effective_on.setText("02/03/2026")
    click(qtbot, page.promote_button)
    assert not page.promote_button.isVisibleTo(page)
    assert dialog.membership.seat.currentData() == Seat.TITULAIRE
    assert page.history.item(1, 2).text() == "Titulaire"
    assert dialog.save()
    with database.session_scope() as s:
        membership = s.scalars(select(Membership).where(Membership.person_id == person_id)).one()
        assert membership.seat == Seat.TITULAIRE
        last = max(membership.status_events, key=lambda e: e.effective_on)
        assert (last.status, last.effective_on, last.seat) == (
            MemberStatus.ACTIVE, date(2026, 3, 2), Seat.TITULAIRE)


def test_roles_are_added_ended_and_removed(qtbot: Any, database: Database) -> None:
    person_id = add_member(database)
    with database.session_scope() as s:
        secretary = mr.add_role(s, person_id, "secretaire", date(2025, 2, 1))
    dialog = open_dialog(qtbot, database, person_id)
    page = dialog.roles
    page.role.setCurrentIndex(page.role.findData("tresorier"))
    page.started_on.setText("01/06/2026")
    page.ended_on.setText("01/01/2026")
    click(qtbot, page.add_button)
    assert "précède le début" in page.message.text()
    assert len(page.rows) == 1
    page.ended_on.setText("")
    click(qtbot, page.add_button)
    page.role.setCurrentIndex(page.role.findData("animateur"))
    page.started_on.setText("01/03/2025")
    click(qtbot, page.add_button)
    assert [page.table.item(r, 0).text() for r in range(3)] == [
        "Secrétaire", "Trésorier·ère", "Animateur·rice"]
    page.table.selectRow(0)
    page.end_on.setText("31/10/2026")
    click(qtbot, page.end_button)
    assert page.table.item(0, 2).text() == "31/10/2026"
    page.table.selectRow(2)
    click(qtbot, page.remove_button)
    assert dialog.save()
    with database.session_scope() as s:
        roles = {r.role_code: r for r in mc.member_detail(s, person_id).roles}
    assert set(roles) == {"secretaire", "tresorier"}
    assert roles["secretaire"].id == secretary
    assert roles["secretaire"].ended_on == date(2026, 10, 31)
    assert roles["tresorier"].started_on == date(2026, 6, 1)


def test_a_changed_consent_gets_todays_date_and_its_source(qtbot: Any,
                                                           database: Database) -> None:
    person_id = add_member(database)
    with database.session_scope() as s:
        mc.record_consent(s, person_id, ConsentKind.IMAGE, True, date(2025, 1, 10),
                          "formulaire papier", today=TODAY)
    dialog = open_dialog(qtbot, database, person_id)
    row = dialog.consents.rows[ConsentKind.IMAGE]
    assert (row.answer.currentText(), row.recorded_on.text(), row.source.text()) == (
        "Oui", "10/01/2025", "formulaire papier")
    assert row.answer.findData(None) < 0  # once answered, no going back to "not asked"
    dialog.consents.set_answer(ConsentKind.IMAGE, False)
    assert (row.recorded_on.text(), row.source.text()) == ("25/11/2026", "")
    row.source.setText("courriel du 25/11")
    assert dialog.save()
    with database.session_scope() as s:
        consents = s.scalars(select(Consent).where(Consent.person_id == person_id)).all()
        assert [(c.kind, c.granted, c.recorded_on, c.source) for c in consents] == [
            (ConsentKind.IMAGE, False, TODAY, "courriel du 25/11")]


def test_edit_member_returns_none_when_cancelled_or_gone(
    qtbot: Any, database: Database, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
) -> None:
    person_id = add_member(database)
    monkeypatch.setattr(MemberDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert member_dialog.edit_member(None, database.session_scope, person_id) is None
    assert member_dialog.edit_member(None, database.session_scope, 9999) is None
    assert "introuvable" in dialogs.named("show_error")[0][2]


def test_edit_member_returns_the_saved_id(qtbot: Any, database: Database,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_and_save(self: MemberDialog) -> int:
        self.identity.last_name.setText("Œuvray")
        self.identity.first_name.setText("Amélie")
        return QDialog.DialogCode.Accepted if self.save() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(MemberDialog, "exec", fill_and_save)
    person_id = member_dialog.edit_member(None, database.session_scope, None)
    with database.session_scope() as s:
        person = s.get(Person, person_id)
        assert person is not None and person.first_name == "Amélie"
        assert person.membership is not None


def test_enter_in_a_page_field_does_not_save_the_form(qtbot: Any, database: Database) -> None:
    person_id = add_member(database)
    dialog = open_dialog(qtbot, database, person_id)
    dialog.pages.setCurrentWidget(dialog.roles)
    dialog.roles.role.setCurrentIndex(dialog.roles.role.findData("tresorier"))
    dialog.roles.started_on.setText("01/06/2026")
    dialog.roles.started_on.setFocus()
    qtbot.keyClick(dialog.roles.started_on, Qt.Key.Key_Return)
    assert [r.role_code for r in dialog.roles.rows] == ["tresorier"]  # Enter added the role
    dialog.roles.table.selectRow(0)
    dialog.roles.end_on.setText("30/06/2026")
    dialog.roles.end_on.setFocus()
    qtbot.keyClick(dialog.roles.end_on, Qt.Key.Key_Return)  # Enter ends the selected role
    assert dialog.isVisible() and dialog.roles.rows[0].ended_on == date(2026, 6, 30)
    dialog.pages.setCurrentWidget(dialog.status)
    dialog.status.effective_on.setFocus()
    qtbot.keyClick(dialog.status.effective_on, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.status.pending == []
    dialog.identity.first_name.setFocus()
    dialog.pages.setCurrentWidget(dialog.identity)
    qtbot.keyClick(dialog.identity.first_name, Qt.Key.Key_Return)  # elsewhere Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session_scope() as s:
        assert [(r.role_code, r.ended_on) for r in mc.member_detail(s, person_id).roles] == [
            ("tresorier", date(2026, 6, 30))]


def test_an_under_sixteen_without_parental_authorisation_gets_a_reminder(
    qtbot: Any, database: Database,
) -> None:
    dialog = open_dialog(qtbot, database, None)
    note = dialog.membership.minor_note
    dialog.identity.last_name.setText("Ba")
    dialog.identity.birth_date.setText("12/03/2012")
    assert note.isVisibleTo(dialog.membership)
    assert "moins de 16 ans" in note.text()
    dialog.membership.parental_authorisation_on.setText("02/09/2026")
    assert not note.isVisibleTo(dialog.membership)
    dialog.membership.parental_authorisation_on.setText("")
    assert dialog.save()  # a reminder, not a block
    with database.session_scope() as s:
        assert s.scalars(select(Person.birth_date).where(Person.last_name == "Ba")).one() == (
            date(2012, 3, 12))


def test_a_phone_saved_before_todays_rules_does_not_block_other_changes(
    qtbot: Any, database: Database,
) -> None:
    person_id = add_member(database)
    with database.session_scope() as s:
        person = s.get(Person, person_id)
        assert person is not None
        person.phone = "+33712223612"  # 07 12...: an unallocated range, refused when typed
    dialog = open_dialog(qtbot, database, person_id)
    assert dialog.identity.phone.text() == "07 12 22 36 12"
    dialog.identity.city.setText("Toulouse")
    assert dialog.save(), dialog.problems.text()
    with database.session_scope() as s:
        person = s.get(Person, person_id)
        assert person is not None
        assert (person.city, person.phone) == ("Toulouse", "+33712223612")
    dialog = open_dialog(qtbot, database, person_id)
    dialog.identity.phone.setText("07 12 22 36 13")  # typed: checked
    assert not dialog.save()
    assert "07 12 22 36 13" in dialog.problems.text()


def test_cancelling_asks_before_losing_what_was_typed(
    qtbot: Any, database: Database, dialogs: Dialogs,
) -> None:
    person_id = add_member(database)
    dialog = open_dialog(qtbot, database, person_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not dialog.isVisible()
    assert dialogs.named("confirm") == []

    dialog = open_dialog(qtbot, database, person_id)
    dialog.identity.city.setText("Toulouse")
    dialogs.answer("confirm_discard", False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the user kept the form
    assert dialogs.named("confirm_discard") == [(dialog, dialog.windowTitle())]
    dialogs.answer("confirm_discard", True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    with database.session_scope() as s:
        assert mc.member_detail(s, person_id).data.city == ""


def test_a_pending_status_change_counts_as_unsaved(
    qtbot: Any, database: Database, dialogs: Dialogs,
) -> None:
    dialog = open_dialog(qtbot, database, add_member(database))
    dialog.status.new_status.setCurrentIndex(
        dialog.status.new_status.findData(MemberStatus.RESIGNED))
    click(qtbot, dialog.status.change_button)
    assert dialog.has_changes()
    dialogs.answer("confirm_discard", False, True)
    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()  # yes, close it: the change is forgotten
    assert not dialog.isVisible()
    with database.session_scope() as s:
        assert s.scalar(select(Membership.status)) == MemberStatus.ACTIVE


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a text (``"A&jouter"`` -> ``"j"``), None when it has none."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_each_page_alt_letters_differ_from_the_tabs_and_each_other(
    qtbot: Any, database: Database,
) -> None:
    """Two widgets with one Alt+letter only take turns at the focus: neither acts."""
    dialog = open_dialog(qtbot, database, add_member(database, Seat.SUPPLEANT))
    tabs = [mnemonic(dialog.pages.tabText(i)) for i in range(dialog.pages.count())]
    assert None not in tabs and len(set(tabs)) == len(tabs)
    for index in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(index)
        page = dialog.pages.widget(index)
        texts = [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(dialog)]
        texts += [w.text() for w in page.findChildren(QLabel)
                  if w.buddy() is not None and w.isVisibleTo(dialog)]
        letters = [m for m in map(mnemonic, texts) if m is not None]
        assert len(set(letters)) == len(letters), (dialog.pages.tabText(index), texts)
        clash = set(letters) & set(tabs)
        assert not clash, (dialog.pages.tabText(index), clash, texts)


def test_a_seat_entered_wrongly_is_corrected_until_the_history_moves_on(
    qtbot: Any, database: Database,
) -> None:
    person_id = add_member(database)  # titulaire by mistake
    dialog = open_dialog(qtbot, database, person_id)
    seat = dialog.membership.seat
    seat.setCurrentIndex(seat.findData(Seat.SUPPLEANT))
    page = dialog.status
    assert "Suppléant" in page.current.text() and page.promote_button.isVisibleTo(page)
    assert page.history.item(0, 2).text() == "Suppléant"  # the joining says it too
    page.effective_on.setText("02/03/2026")
    click(qtbot, page.promote_button)  # a promotion pending: the seat is no longer typed
    assert not seat.isEnabled() and seat.currentData() == Seat.TITULAIRE
    click(qtbot, page.forget_button)
    assert seat.isEnabled() and seat.currentData() == Seat.SUPPLEANT
    assert dialog.save()
    with database.session_scope() as s:
        detail = mc.member_detail(s, person_id)
    assert detail.data.seat == Seat.SUPPLEANT
    assert [(r.effective_on, r.seat) for r in detail.history] == [
        (date(2025, 1, 10), Seat.SUPPLEANT)]

    dialog = open_dialog(qtbot, database, person_id)
    dialog.status.effective_on.setText("02/03/2026")
    click(qtbot, dialog.status.promote_button)
    assert dialog.save()
    dialog = open_dialog(qtbot, database, person_id)  # a promotion recorded: dated changes only
    assert not dialog.membership.seat.isEnabled()


def test_a_departure_reminds_the_roles_still_held(qtbot: Any, database: Database) -> None:
    person_id = add_member(database)
    with database.session_scope() as s:
        mr.add_role(s, person_id, "president", date(2025, 2, 1))
    dialog = open_dialog(qtbot, database, person_id)
    page, note = dialog.status, dialog.status.roles_note
    assert not note.isVisibleTo(page)  # active: roles are normal
    page.new_status.setCurrentIndex(page.new_status.findData(MemberStatus.RESIGNED))
    page.effective_on.setText("30/09/2026")
    click(qtbot, page.change_button)
    assert note.isVisibleTo(page)
    assert "Président·e" in note.text() and "Rôles" in note.text()
    roles = dialog.roles
    roles.table.selectRow(0)
    roles.end_on.setText("30/09/2026")
    click(qtbot, roles.end_button)
    assert not note.isVisibleTo(page)
    assert dialog.save()  # a reminder, never a block
    with database.session_scope() as s:
        assert [r.ended_on for r in mc.member_detail(s, person_id).roles] == [date(2026, 9, 30)]


@pytest.mark.parametrize("someone_else", [False, True])
def test_a_new_member_named_as_a_member_asks_before_a_second_record(
        qtbot: Any, database: Database, dialogs: Dialogs, someone_else: bool) -> None:
    add_member(database)  # Karim Benali
    before = count(database, Person)
    dialog = open_dialog(qtbot, database, None)
    dialog.identity.last_name.setText("BENALI")
    dialog.identity.first_name.setText("karim")
    dialogs.answer("confirm", someone_else)
    assert dialog.save() is someone_else
    (_, title, question), = dialogs.named("confirm")
    assert title == "Déjà membre"
    assert question.startswith("Un membre du conseil porte déjà ce nom :\n"
                               "• Benali Karim – Collège des habitants\n\n"
                               "Enregistrer quand même une seconde fiche ?")
    assert count(database, Person) == before + someone_else


def test_every_member_of_that_name_is_listed_the_same_phone_first(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    """Two Karim Benali: the question names both, told apart, and puts first the one
    with the phone typed (not merely the first one entered); past four, a count."""
    add_member(database, birth_date=date(1980, 4, 2), sex=Sex.MALE)
    add_member(database, phone="06 12 34 56 78")
    dialog = open_dialog(qtbot, database, None)
    dialog.identity.last_name.setText("Benali")
    dialog.identity.first_name.setText("Karim")
    dialog.identity.phone.setText("0612345678")
    dialogs.answer("confirm", False)
    assert not dialog.save()
    question = dialogs.named("confirm")[-1][2]
    assert question.splitlines()[:3] == [
        "2 membres du conseil portent déjà ce nom :",
        "• Benali Karim – Collège des habitants, 06 12 34 56 78 (même téléphone)",
        "• Benali Karim – Collège des habitants, né le 02/04/1980",
    ]
    for _ in range(4):
        add_member(database)
    dialogs.answer("confirm", False)
    assert not dialog.save()
    lines = dialogs.named("confirm")[-1][2].splitlines()
    assert lines[0] == "6 membres du conseil portent déjà ce nom :"
    assert lines[1].endswith("(même téléphone)")
    assert len([line for line in lines if line.startswith("• ")]) == 4
    assert lines[5] == "… et 2 autres"


def test_a_new_member_with_a_new_name_is_saved_without_a_question(
        qtbot: Any, database: Database, dialogs: Dialogs) -> None:
    add_member(database)
    dialog = open_dialog(qtbot, database, None)
    dialog.identity.last_name.setText("Benali")
    dialog.identity.first_name.setText("Samira")
    assert dialog.save()
    assert dialogs.named("confirm") == []

"""The members' tools through their real widgets: import wizard (mapping corrected and
saved, dry run, re-import, undo, bad files), duplicates, export, personal data."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import func, select

from conseil_desktop.db.models import College, Membership, MemberStatus, Person
from conseil_desktop.services.importing import Field, RowAction, load_mappings
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.members import (
    duplicates_dialog,
    export_dialog,
    import_wizard,
    privacy_dialogs,
    tools,
)
from conseil_desktop.ui.members.duplicates_dialog import DuplicatesDialog
from conseil_desktop.ui.members.export_dialog import ExportDialog
from conseil_desktop.ui.members.import_wizard import ImportWizard
from conseil_desktop.ui.members.privacy_dialogs import PurgeDialog
from conseil_desktop.ui.workers import Cancelled, Progress
from tests.ui.helpers import Dialogs

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def people(database: Database) -> list[tuple[str, str, str | None, str | None]]:
    with database.session_scope() as session:
        rows = session.execute(select(Person.last_name, Person.first_name, Person.email,
                                      Person.phone).order_by(Person.id)).all()
    return [tuple(row) for row in rows]


def drive(monkeypatch: pytest.MonkeyPatch, module: Any,
          steps: Callable[[Any], int | None]) -> list[Any]:
    """Replace the module's run_dialog: ``steps`` works the dialog, as a user would."""
    seen: list[Any] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        result = steps(dialog)
        return QDialog.DialogCode.Accepted if result is None else result

    monkeypatch.setattr(module, "run_dialog", run)
    return seen


# --- import ----------------------------------------------------------------------------


def test_import_with_a_corrected_and_saved_mapping_then_reimport_then_undo(
        qtbot: Any, parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = people(database)

    def first_run(wizard: ImportWizard) -> None:
        assert wizard.page() == wizard.SHEET  # three sheets: the user is asked
        assert wizard.sheet_page.chosen() == "Membres"  # the one with titles
        wizard.go_next()
        assert wizard.page() == wizard.MAPPING
        page = wizard.mapping_page
        assert page.mapping()[4] is Field.PHONE  # "Téléphone", recognised
        assert page.table.item(4, page.SAMPLE).text() == "06 12 34 56 78"
        page.set_field(4, None)  # the user does not want the phones
        page.name_edit.setText("Liste de la mairie")
        page.save_button.click()
        assert page.saved.currentText() == "Liste de la mairie"
        wizard.go_next()  # dry run
        assert wizard.page() == wizard.PREVIEW
        counts = {a: wizard.preview_page.count_labels[a].text() for a in RowAction}
        assert counts == {RowAction.CREATE: "5", RowAction.UPDATE: "0",
                          RowAction.UNCHANGED: "0", RowAction.ERROR: "0"}
        assert people(database) == before  # the dry run wrote nothing
        assert wizard.import_button.isEnabled()
        wizard.import_button.click()
        assert wizard.page() == wizard.RESULT
        assert "5 à créer" in wizard.result_page.summary.text()
        assert wizard.result_page.undo_button.isVisibleTo(wizard)

    dialogs.answer("ask_open_path", DATA / "feuilles_multiples.xlsx")
    drive(monkeypatch, import_wizard, first_run)
    assert tools.import_members(parent, database.session_scope) is True
    imported = people(database)[len(before):]
    assert [p[:2] for p in imported][:2] == [("DUPONT", "Élodie"), ("N'DIAYE", "Moussa")]
    assert all(phone is None for *_, phone in imported)  # the column was left out
    assert imported[0][2] == "elodie.dupont@exemple.fr"
    saved = load_mappings()["Liste de la mairie"]
    assert [c.field for c in saved.columns][4] is None

    def second_run(wizard: ImportWizard) -> None:
        wizard.go_next()  # the same sheet
        wizard.mapping_page.saved.setCurrentText("Liste de la mairie")
        wizard.mapping_page.apply_button.click()
        assert wizard.mapping_page.mapping()[4] is None
        wizard.go_next()
        plan = wizard.plan
        assert plan is not None
        assert plan.count(RowAction.CREATE) == 0 and plan.count(RowAction.UNCHANGED) == 5
        assert wizard.preview_page.count_labels[RowAction.UNCHANGED].text() == "5"
        assert not wizard.import_button.isEnabled()  # nothing to write

    dialogs.answer("ask_open_path", DATA / "feuilles_multiples.xlsx")
    drive(monkeypatch, import_wizard, second_run)
    assert tools.import_members(parent, database.session_scope) is False
    assert len(people(database)) == len(before) + 5  # nothing created twice

    dialogs.answer("confirm", False)
    assert tools.undo_last_import(parent, database.session_scope) is False
    assert len(people(database)) == len(before) + 5
    dialogs.answer("confirm", True)
    assert tools.undo_last_import(parent, database.session_scope) is True
    assert people(database) == before
    assert "feuilles_multiples.xlsx" in dialogs.named("confirm")[-1][2]
    assert "5 fiche(s) supprimée(s)" in dialogs.named("show_info")[-1][2]
    assert tools.undo_last_import(parent, database.session_scope) is False
    assert dialogs.named("show_info")[-1][2] == "Aucun import à annuler pour cette base."


def test_dry_run_lists_rejected_rows_and_the_wizard_can_undo(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def steps(wizard: ImportWizard) -> None:
        assert wizard.page() == wizard.MAPPING  # one sheet: no sheet page
        assert not wizard.back_button.isVisibleTo(wizard)
        wizard.go_next()
        preview = wizard.preview_page
        assert preview.count_labels[RowAction.ERROR].text() == "4"
        assert preview.count_labels[RowAction.CREATE].text() == "1"
        lines = [preview.model.row(i) for i in range(preview.model.rowCount())]
        assert [line for line, *_ in lines] == [3, 4, 5, 6]
        assert all(result == "en erreur" and reason for _, result, reason in lines)
        assert "lignes en erreur" in preview.notes.text().lower()
        preview.filter.setCurrentIndex(preview.CREATE)
        assert preview.model.rowCount() == 1 and "BERNARD" in preview.model.row(0)[2]
        wizard.go_back()
        assert wizard.page() == wizard.MAPPING
        wizard.go_next()
        wizard.run_import()
        dialogs.answer("confirm", True)
        wizard.result_page.undo_button.click()
        assert "annulé" in wizard.result_page.summary.text()

    dialogs.answer("ask_open_path", DATA / "erreurs_de_lignes.csv")
    drive(monkeypatch, import_wizard, steps)
    before = people(database)
    assert tools.import_members(parent, database.session_scope) is True  # created, then undone
    assert people(database) == before


@pytest.mark.parametrize(("name", "words"), [
    ("vide.csv", "est vide"),
    ("image.xlsx", "n'est pas un tableau lisible"),
    ("tronque.xlsx", "endommagé ou incomplet"),
    ("bombe.xlsx", "se décompresse"),
    ("sans_colonne.xlsx", "Aucune colonne reconnue"),
])
def test_a_bad_file_gets_the_service_message_and_nothing_is_written(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch, name: str, words: str) -> None:
    opened = drive(monkeypatch, import_wizard, lambda _wizard: None)
    before = people(database)
    dialogs.answer("ask_open_path", DATA / name)
    assert tools.import_members(parent, database.session_scope) is False
    assert opened == []  # the wizard did not open
    (message,) = [args[2] for args in dialogs.named("show_error")]
    assert words in message
    assert people(database) == before


def test_choosing_no_file_does_nothing(parent: QWidget, database: Database,
                                       dialogs: Dialogs) -> None:
    dialogs.answer("ask_open_path", None)
    assert tools.import_members(parent, database.session_scope) is False


# --- duplicates ------------------------------------------------------------------------


def add_person(database: Database, last: str, first: str, email: str | None = None,
               **membership: Any) -> int:
    with database.session_scope() as session:
        person = Person(last_name=last, first_name=first, email=email)
        session.add(person)
        session.flush()
        session.add(Membership(person_id=person.id, college=College.RESIDENTS, **membership))
        return person.id


def test_duplicates_are_listed_previewed_and_merged(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = add_person(database, "Dupont", "Élodie", "elodie@exemple.fr")
    second = add_person(database, "DUPONT", "Elodie", "Elodie@Exemple.fr")
    with database.session_scope() as session:
        session.get(Person, second).city = "Toulouse"

    def steps(dialog: DuplicatesDialog) -> None:
        assert [(p.first_id, p.second_id, p.reason) for p in dialog.pairs] == [
            (first, second, "même courriel")]
        assert "1" in dialog.count_label.text()
        preview = dialog.preview
        assert preview is not None and (preview.keep_id, preview.drop_id) == (first, second)
        shown = {dialog.fields.item(r, 0).text(): dialog.fields.item(r, 1).text()
                 for r in range(dialog.fields.rowCount())}
        assert "Toulouse" in shown["Adresse"]  # taken from the other record
        dialog.keep_second.setChecked(True)
        assert dialog.preview is not None and dialog.preview.keep_id == second
        dialog.keep_first.setChecked(True)
        dialogs.answer("confirm", False)
        assert dialog.merge() is False
        assert dialog.pairs and dialog.merged == 0
        dialogs.answer("confirm", True)
        dialog.merge_button.click()
        assert dialog.merged == 1 and dialog.pairs == []
        assert "Aucun doublon" in dialog.count_label.text()

    drive(monkeypatch, duplicates_dialog, steps)
    assert tools.find_duplicates(parent, database.session_scope) is True
    question = dialogs.named("confirm")[-1][2]
    assert f"n° {second}" in question and f"n° {first}" in question
    with database.session_scope() as session:
        assert session.get(Person, second) is None
        assert session.get(Person, first).city == "Toulouse"


def test_no_merge_answers_false(parent: QWidget, database: Database,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    drive(monkeypatch, duplicates_dialog, lambda dialog: QDialog.DialogCode.Rejected)
    assert tools.find_duplicates(parent, database.session_scope) is False


# --- export ----------------------------------------------------------------------------


def test_export_the_shown_members_with_the_chosen_columns(
        parent: QWidget, database: Database, dialogs: Dialogs, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = add_person(database, "=HYPERLINK(\"x\")", "Zoé", "zoe@exemple.fr")
    add_person(database, "Hidden", "Not", "not@exemple.fr")

    def steps(dialog: ExportDialog) -> None:
        boxes = dialog.column_boxes
        assert not boxes["phone"].isChecked() and not boxes["email"].isChecked()
        assert boxes["last_name"].isChecked() and dialog.only_shown.isChecked()
        for key, box in boxes.items():
            box.setChecked(key in ("last_name", "first_name", "email"))
        dialog.accept_choice()

    drive(monkeypatch, export_dialog, steps)
    target = tmp_path / "membres"  # typed without its extension
    dialogs.answer("ask_save_path", target)
    tools.export_members(parent, database.session_scope, [shown])
    written = target.with_name("membres.xlsx")
    sheet = openpyxl.load_workbook(written).active
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert rows == [("Nom", "Prénom", "Courriel"),
                    ("'=HYPERLINK(\"x\")", "Zoé", "zoe@exemple.fr")]
    assert "membres.xlsx" in dialogs.named("show_info")[-1][2]


def test_export_dialog_refuses_no_column_and_csv_of_everyone(
        parent: QWidget, database: Database, dialogs: Dialogs, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def steps(dialog: ExportDialog) -> None:
        assert dialog.only_shown.isHidden()  # no list given: every member
        for box in dialog.column_boxes.values():
            box.setChecked(False)
        dialog.accept_choice()
        assert dialog.choice is None and dialog.message.text()
        dialog.column_boxes["last_name"].setChecked(True)
        dialog.format_buttons["csv"].setChecked(True)
        dialog.accept_choice()

    drive(monkeypatch, export_dialog, steps)
    target = tmp_path / "liste.csv"
    dialogs.answer("ask_save_path", target)
    tools.export_members(parent, database.session_scope)
    assert target.read_text(encoding="utf-8-sig").splitlines() == ["Nom", "Œuvray"]


# --- personal data ---------------------------------------------------------------------


def seeded_id(database: Database) -> int:
    with database.session_scope() as session:
        return session.scalar(select(Person.id).where(Person.last_name == "Œuvray"))


def test_personal_data_sheet_is_written(parent: QWidget, database: Database,
                                        dialogs: Dialogs, tmp_path: Path) -> None:
    target = tmp_path / "fiche.pdf"
    dialogs.answer("ask_save_path", target)
    tools.personal_data_sheet(parent, database.session_scope, seeded_id(database))
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Fiche de données personnelles" in text and "Œuvray" in text
    suggested = dialogs.named("ask_save_path")[0][3]
    assert "Élodie Œuvray" in suggested.name


def test_anonymise_refuses_an_active_member_then_asks_by_name(
        parent: QWidget, database: Database, dialogs: Dialogs) -> None:
    person_id = seeded_id(database)
    assert tools.anonymise_member(parent, database.session_scope, person_id) is False
    assert "encore membre actif" in dialogs.named("show_error")[0][2]
    assert dialogs.named("confirm") == []
    with database.session_scope() as session:
        membership = session.scalar(select(Membership).where(Membership.person_id == person_id))
        membership.status, membership.status_since = MemberStatus.RESIGNED, date(2025, 1, 1)
    dialogs.answer("confirm", False)
    assert tools.anonymise_member(parent, database.session_scope, person_id) is False
    assert "Élodie Œuvray" in dialogs.named("confirm")[0][2]
    assert people(database)[0][0] == "Œuvray"
    dialogs.answer("confirm", True)
    assert tools.anonymise_member(parent, database.session_scope, person_id) is True
    assert people(database)[0][:2] == ("Anonyme", f"n° {person_id}")
    assert tools.anonymise_member(parent, database.session_scope, person_id) is False


def test_purge_previews_confirms_and_anonymises(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    left = add_person(database, "Martin", "Paul", status=MemberStatus.MOVED_OUT,
                      status_since=date(2020, 3, 1))
    add_person(database, "Recent", "Left", status=MemberStatus.RESIGNED,
               status_since=date.today())

    def steps(dialog: PurgeDialog) -> None:
        assert dialog.model.rowCount() == 1
        assert dialog.model.row(0)[:2] == ("Martin", "Paul")
        assert dialog.model.row(0)[4] == "01/03/2020"

    drive(monkeypatch, privacy_dialogs, steps)
    dialogs.answer("confirm", False)
    assert tools.purge_departed(parent, database.session_scope) is False
    assert ("Martin", "Paul") in [p[:2] for p in people(database)]
    drive(monkeypatch, privacy_dialogs, lambda _d: QDialog.DialogCode.Rejected)
    assert tools.purge_departed(parent, database.session_scope) is False
    assert len(dialogs.named("confirm")) == 1  # refused in the preview: not asked again
    drive(monkeypatch, privacy_dialogs, steps)
    dialogs.answer("confirm", True)
    assert tools.purge_departed(parent, database.session_scope) is True
    with database.session_scope() as session:
        assert session.get(Person, left).last_name == "Anonyme"
        assert session.scalar(select(func.count()).where(Person.last_name == "Recent")) == 1
    assert tools.purge_departed(parent, database.session_scope) is False
    assert "nobody" not in dialogs.named("show_info")[-1][2]  # shown in French


def test_cancelling_the_import_writes_nothing(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled once the rows are written but before the commit: all rolled back."""
    real_apply, cancelled = import_wizard.apply_import, threading.Event()

    def apply_then_cancel(*args: Any, **kwargs: Any) -> Any:
        result = real_apply(*args, **kwargs)
        cancelled.set()  # as if the user pressed Annuler now
        return result

    real_check = Progress.check

    def check(progress: Progress) -> None:
        if cancelled.is_set():
            raise Cancelled
        real_check(progress)

    monkeypatch.setattr(import_wizard, "apply_import", apply_then_cancel)
    monkeypatch.setattr(Progress, "check", check)

    def steps(wizard: ImportWizard) -> None:
        wizard.go_next()
        assert wizard.run_import() is False
        assert wizard.page() == wizard.PREVIEW  # still there, to try again or leave

    before = people(database)
    dialogs.answer("ask_open_path", DATA / "liste_adherents.xlsx")
    drive(monkeypatch, import_wizard, steps)
    assert tools.import_members(parent, database.session_scope) is False
    assert people(database) == before
    assert dialogs.named("show_error") == [] and dialogs.named("show_crash_dialog") == []
    assert tools.undo_last_import(parent, database.session_scope) is False
    assert dialogs.named("show_info")[-1][2] == "Aucun import à annuler pour cette base."

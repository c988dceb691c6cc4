"""The import wizard through its real widgets: a mapping corrected and saved, the dry
run's counts and rejected rows, a re-import that creates nothing, undo, bad files,
a refused sheet, and a cancelled import that writes nothing."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget

from conseil_desktop.services.importing import Field, RowAction, load_mappings
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.members import import_wizard, tools
from conseil_desktop.ui.members.import_wizard import ImportWizard
from conseil_desktop.ui.workers import Cancelled, Progress
from tests.ui.helpers import Dialogs
from tests.ui.member_tools_helpers import drive, make_parent, people

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    return make_parent(qtbot)


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
        done = wizard.result_page.summary.text()  # in the past tense: it is done
        assert "5 créés, 0 mis à jour, 0 inchangé, 0 en erreur" in done
        assert "à créer" not in done
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
    assert "5 fiches supprimées" in dialogs.named("show_info")[-1][2]
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
        assert preview.count_labels[RowAction.ERROR].text() == "1"
        assert preview.count_labels[RowAction.CREATE].text() == "4"
        lines = [preview.model.row(i) for i in range(preview.model.rowCount())]
        assert [line for line, *_ in lines] == [3, 4, 5, 6]
        # The refused row with every problem it has; bad optional values left out.
        assert lines[0][1:] == ("en erreur", "nom manquant ; courriel invalide (anonyme@)")
        roux = ("date de naissance dans le futur (12/12/2099), non reprise ; "
                "courriel invalide (chloe.roux@), non repris")
        assert lines[2][1:] == ("valeur écartée", roux)
        assert "lignes en erreur" in preview.notes.text().lower()
        preview.filter.setCurrentIndex(preview.CREATE)
        assert preview.model.rowCount() == 4 and "BERNARD" in preview.model.row(0)[2]
        assert preview.model.row(2)[2] == f"nouveau membre : ROUX Chloé — {roux}"
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


def test_a_sheet_without_titles_is_refused_and_another_can_be_chosen(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def steps(wizard: ImportWizard) -> int:
        wizard.sheet_page.sheet.setCurrentText("Mode d'emploi")
        wizard.go_next()
        assert wizard.page() == wizard.SHEET  # refused: still choosing
        assert "Aucune colonne reconnue" in dialogs.named("show_error")[0][2]
        wizard.sheet_page.sheet.setCurrentText("Anciens")
        wizard.go_next()
        assert wizard.page() == wizard.MAPPING
        assert wizard.mapping_page.headers == ["Nom", "Prénom", "Mail"]
        assert wizard.back_button.isVisibleTo(wizard)
        wizard.go_back()
        assert wizard.page() == wizard.SHEET
        return QDialog.DialogCode.Rejected

    dialogs.answer("ask_open_path", DATA / "feuilles_multiples.xlsx")
    drive(monkeypatch, import_wizard, steps)
    before = people(database)
    assert tools.import_members(parent, database.session_scope) is False
    assert people(database) == before


def test_a_second_click_on_import_while_it_runs_starts_nothing(
        qtbot: Any, parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the progress dialog shows (half a second), a double click on *Importer*
    or another key reaches the wizard: it must not import the file a second time."""
    applied: list[int] = []
    real_apply = import_wizard.apply_import

    def slow_apply(*args: Any, **kwargs: Any) -> Any:
        applied.append(1)
        time.sleep(0.3)
        return real_apply(*args, **kwargs)

    def run(wizard: ImportWizard) -> None:
        wizard.show()
        wizard.go_next()
        assert wizard.page() == wizard.PREVIEW
        QTimer.singleShot(100, lambda: QTest.mouseClick(wizard.import_button,
                                                        Qt.MouseButton.LeftButton))
        wizard.import_button.click()
        assert wizard.page() == wizard.RESULT

    monkeypatch.setattr(import_wizard, "apply_import", slow_apply)
    dialogs.answer("ask_open_path", DATA / "liste_adherents.xlsx")
    drive(monkeypatch, import_wizard, run)
    assert tools.import_members(parent, database.session_scope) is True
    assert applied == [1]


def test_a_mapping_saved_for_the_same_titles_is_applied_by_itself(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The saved mapping shown is the one in use: none is shown before one applies."""
    def first_time(wizard: ImportWizard) -> int:
        page = wizard.mapping_page
        assert page.saved.currentIndex() == -1  # nothing saved yet
        assert page.mapping()[4] is Field.PHONE  # "Téléphone", recognised
        page.set_field(4, None)
        page.name_edit.setText("Liste de la mairie")
        page.save_button.click()
        assert page.saved.currentText() == "Liste de la mairie"
        return QDialog.DialogCode.Rejected

    def same_titles(wizard: ImportWizard) -> int:
        page = wizard.mapping_page
        assert page.saved.currentText() == "Liste de la mairie"
        assert page.mapping()[4] is None  # the saved choice, without a click on Apply
        assert "Liste de la mairie" in page.applied.text()
        assert page.applied.isVisibleTo(wizard)
        return QDialog.DialogCode.Rejected

    def other_titles(wizard: ImportWizard) -> int:
        page = wizard.mapping_page
        assert page.saved.count() == 1  # offered…
        assert page.saved.currentIndex() == -1  # …but not shown as the one in use
        assert not page.apply_button.isEnabled() and not page.delete_button.isEnabled()
        assert not page.applied.isVisibleTo(wizard)
        page.saved.setCurrentIndex(0)
        assert page.apply_button.isEnabled()
        return QDialog.DialogCode.Rejected

    for name, steps in (("membres_export_excel.csv", first_time),
                        ("membres_export_excel.csv", same_titles),
                        ("liste_adherents.xlsx", other_titles)):
        dialogs.answer("ask_open_path", DATA / name)
        seen = drive(monkeypatch, import_wizard, steps)
        assert tools.import_members(parent, database.session_scope) is False
        assert len(seen) == 1

"""The members' other tools through their real widgets: duplicates listed and merged,
the export with chosen columns read back, the personal data sheet, anonymising one
person and purging former members (each refused once: nothing changes)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import func, select

from conseil_desktop.db.models import Membership, MemberStatus, Person
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.members import (
    duplicates_dialog,
    export_dialog,
    privacy_dialogs,
    tools,
)
from conseil_desktop.ui.members.duplicates_dialog import DuplicatesDialog
from conseil_desktop.ui.members.export_dialog import ExportDialog
from conseil_desktop.ui.members.privacy_dialogs import PurgeDialog
from tests.ui.helpers import Dialogs
from tests.ui.member_tools_helpers import add_person, drive, make_parent, people


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    return make_parent(qtbot)


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
        assert dialog.merge_pane.isVisibleTo(dialog)
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
        assert not dialog.merge_pane.isVisibleTo(dialog)  # no empty "record to keep"

    drive(monkeypatch, duplicates_dialog, steps)
    assert tools.find_duplicates(parent, database.session_scope) is True
    question = dialogs.named("confirm")[-1][2]
    assert f"n° {second}" in question and f"n° {first}" in question
    with database.session_scope() as session:
        assert session.get(Person, second) is None
        assert session.get(Person, first).city == "Toulouse"


def test_no_merge_answers_false(parent: QWidget, database: Database,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    add_person(database, "Dupont", "Élodie", "elodie@exemple.fr")
    add_person(database, "Dupont", "Élodie", "elodie@exemple.fr")
    seen = drive(monkeypatch, duplicates_dialog, lambda dialog: QDialog.DialogCode.Rejected)
    assert tools.find_duplicates(parent, database.session_scope) is False
    assert len(seen) == 1 and len(seen[0].pairs) == 1


def test_no_duplicate_is_said_without_an_empty_list(
        parent: QWidget, database: Database, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_person(database, "Dupont", "Élodie", "elodie@exemple.fr")
    seen = drive(monkeypatch, duplicates_dialog, lambda dialog: QDialog.DialogCode.Rejected)
    assert tools.find_duplicates(parent, database.session_scope) is False
    assert seen == []
    assert dialogs.named("show_info")[-1][1:] == (
        "Rechercher les doublons", "Aucun doublon probable.")


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

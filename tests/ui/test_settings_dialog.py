"""*Paramètres du conseil…*: Qt's French buttons, saving, refusing invalid values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox

from conseil_desktop.db.models import QuorumRule
from conseil_desktop.services import council
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.helpers import Dialogs


@pytest.fixture
def dialog(qtbot, database: Database) -> SettingsDialog:
    shown = SettingsDialog(database.session_scope)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def saved(database: Database) -> council.SettingsData:
    with database.session_scope() as session:
        return council.get_settings(session)


def click(dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    button = dialog.buttons.button(which)
    assert button is not None
    button.click()


def test_buttons_use_qt_french_translation(dialog: SettingsDialog) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (save.text(), cancel.text()) == ("Enregistrer", "Annuler")
    titles = [dialog.pages.tabText(i) for i in range(dialog.pages.count())]
    assert titles == ["Le conseil", "Composition", "Réunions", "Données personnelles"]


def test_shows_the_stored_settings(dialog: SettingsDialog, database: Database) -> None:
    stored = saved(database)
    assert dialog.identity.council_name.text() == stored.council_name
    assert dialog.meetings.spins["notice_days"].value() == stored.notice_days
    assert dialog.meetings.rule() is stored.quorum_rule
    assert dialog.collected() == stored


def test_save_writes_every_page(qtbot, dialog: SettingsDialog, database: Database) -> None:
    dialog.identity.council_name.setText("Conseil citoyen des Izards")
    dialog.identity.prefectoral_decree_date.setText("25/11/2026")
    dialog.identity.contract_start_year.set_year(2024)
    dialog.meetings.spins["notice_days"].setValue(15)
    dialog.meetings.set_rule(QuorumRule.FIXED_COUNT)
    dialog.meetings.spins["quorum_fixed_count"].setValue(8)
    dialog.privacy.gdpr_notice.setPlainText("Mention courte.")
    with qtbot.waitSignal(dialog.saved):
        click(dialog, QDialogButtonBox.StandardButton.Save)
    stored = saved(database)
    assert stored.council_name == "Conseil citoyen des Izards"
    assert stored.prefectoral_decree_date == date(2026, 11, 25)
    assert stored.contract_start_year == 2024
    assert stored.contract_end_year is None
    assert stored.notice_days == 15
    assert (stored.quorum_rule, stored.quorum_fixed_count) == (QuorumRule.FIXED_COUNT, 8)
    assert stored.gdpr_notice == "Mention courte."
    assert not dialog.isVisible()


def test_invalid_values_show_an_error_and_save_nothing(
    dialog: SettingsDialog, database: Database, dialogs: Dialogs
) -> None:
    before = saved(database)
    dialog.identity.council_name.setText("Autre nom")
    dialog.composition.spins["recommended_min_members"].setValue(60)
    dialog.composition.spins["recommended_max_members"].setValue(40)
    click(dialog, QDialogButtonBox.StandardButton.Save)
    [(_parent, title, message)] = dialogs.named("show_error")
    assert title == "Paramètres du conseil"
    assert "nombre minimal de membres dépasse le nombre maximal" in message
    assert saved(database) == before
    assert dialog.isVisible()


def test_unreadable_decree_date_is_refused(
    dialog: SettingsDialog, database: Database, dialogs: Dialogs
) -> None:
    before = saved(database)
    dialog.identity.prefectoral_decree_date.setText("31/02/2026")
    click(dialog, QDialogButtonBox.StandardButton.Save)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "arrêté préfectoral" in message
    assert saved(database) == before


def test_quorum_fields_follow_the_rule(dialog: SettingsDialog) -> None:
    meetings = dialog.meetings
    meetings.set_rule(QuorumRule.FRACTION_OF_TITULAIRES)
    assert meetings.quorum_fraction.isEnabled()
    assert not meetings.quorum_fixed_count.isEnabled()
    meetings.set_rule(QuorumRule.NONE)
    assert not meetings.quorum_fraction.isEnabled()
    assert not meetings.quorum_fixed_count.isEnabled()


def test_cancel_saves_nothing(dialog: SettingsDialog, database: Database,
                              dialogs: Dialogs) -> None:
    before = saved(database)
    dialog.identity.council_name.setText("Jamais enregistré")
    dialogs.answer("confirm_discard", True)
    click(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.isVisible()
    assert saved(database) == before


def test_logo_is_stored_as_png(
    dialog: SettingsDialog, database: Database, dialogs: Dialogs, tmp_path: Path
) -> None:
    picture = tmp_path / "logo.jpg"
    image = QImage(1200, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(picture))
    dialogs.answer("ask_open_path", picture)
    dialog.identity.logo.choose_button.click()
    click(dialog, QDialogButtonBox.StandardButton.Save)
    with database.session_scope() as session:
        png = council.get_logo(session)
    assert png is not None and png.startswith(b"\x89PNG")
    stored = QImage.fromData(png)
    assert (stored.width(), stored.height()) == (800, 400)  # scaled down for print

"""The composition panel shows the figures and the broken rules, and follows changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import College, Membership, Person, Sex
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.members.composition_panel import (
    CompositionPanel,
    show_composition,
)

TODAY = date(2026, 11, 25)


def add_members(storage: Storage, n: int, college: College, sex: Sex) -> None:
    with storage.session_scope() as session:
        for i in range(n):
            person = Person(last_name=f"Membre {college.value} {i}", sex=sex)
            session.add(person)
            session.flush()
            session.add(Membership(person_id=person.id, college=college))


def text(panel: CompositionPanel, name: str) -> str:
    label = panel.findChild(QLabel, name)
    return label.text() if label is not None else ""


def test_panel_shows_the_broken_residents_rule_and_follows_changes(
        qtbot: Any, database: Database) -> None:
    add_members(database.storage, 7, College.RESIDENTS, Sex.FEMALE)  # + the seeded resident
    add_members(database.storage, 12, College.LOCAL_ACTORS, Sex.MALE)
    panel = CompositionPanel(database.session_scope, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.reload()
    assert text(panel, "warning_part_habitants") == (
        "⚠ Habitants : 40\u00a0% des membres (règle : au moins 50\u00a0%)")
    assert text(panel, "figure_college_habitants") == "8"
    assert text(panel, "figure_college_acteurs_locaux") == "12"
    assert text(panel, "figure_resident_share").startswith("40\u00a0%")
    assert text(panel, "figure_total").startswith("20 ")
    add_members(database.storage, 4, College.RESIDENTS, Sex.MALE)
    panel.reload()
    assert text(panel, "warning_part_habitants") == ""
    assert text(panel, "figure_college_habitants") == "12"
    assert text(panel, "figure_resident_share").startswith("50\u00a0%")


def test_show_composition_opens_a_non_modal_window(qtbot: Any, database: Database) -> None:
    dialog = show_composition(None, database.session_scope)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert text(dialog.panel, "warning_effectif").startswith("⚠ Effectif : 1 membre actif")

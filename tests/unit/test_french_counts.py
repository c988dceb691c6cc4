"""Counts in the French messages the services build: « 1 fiche supprimée »,
« 3 fiches supprimées », never « fiche(s) »."""

from __future__ import annotations

from conseil_desktop.services.formatting import plural
from conseil_desktop.services.importing.undo import UndoResult


def test_plural_takes_the_singular_for_zero_and_one() -> None:
    assert [plural(n, "décision", "décisions") for n in (0, 1, 2, 10)] == [
        "0 décision", "1 décision", "2 décisions", "10 décisions"]


def test_the_undo_summary_agrees_with_its_counts() -> None:
    one = UndoResult(deleted_people=1, kept_people=("DUPONT Élodie",), removed_memberships=2,
                     restored_fields=0, kept_fields=1, deleted_organisations=3,
                     source="membres.xlsx")
    text = one.describe()
    assert "(s)" not in text
    assert text.splitlines() == [
        "Import de « membres.xlsx » annulé : 1 fiche supprimée, 2 adhésions retirées, "
        "0 champ rétabli, 3 structures supprimées.",
        "Fiche gardée car modifiée ou utilisée depuis l'import (coordonnées, rôles, "
        "consentements, réunions, projets…) : DUPONT Élodie.",
        "1 champ modifié depuis l'import a été gardé."]

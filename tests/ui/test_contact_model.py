"""The contacts table model: in-memory filter on folded keys, sort, archived rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from conseil_desktop.services.contact_queries import ContactKind, ContactRow
from conseil_desktop.ui.contacts.model import UNSORTED, Column, ContactsModel, Shown

ORG, PERSON = ContactKind.ORGANISATION, ContactKind.PERSON


def rows() -> list[ContactRow]:
    return [
        ContactRow(ORG, 1, "Centre social Bellefontaine", "", "Centre social", "05 61 00 00 00",
                   "accueil@cs.example.org", "Toulouse", False),
        ContactRow(PERSON, 7, "Œuvray Élodie", "Centre social Bellefontaine", "Directrice",
                   "06 12 34 56 78", "", "", False),
        ContactRow(ORG, 2, "Ancienne régie", "", "Association", "", "", "", True),
        ContactRow(PERSON, 8, "Ben Saïd Rachid", "Ville de Toulouse", "Adjoint au maire",
                   "", "rachid@example.org", "", False),
    ]


def names(model: ContactsModel) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = ContactsModel()
    model.set_rows(rows())
    qtmodeltester.check(model, force_py=True)
    model.set_filter("elodie", Shown.ALL)
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_filter_words_accents_phone_and_kind() -> None:
    model = ContactsModel()
    model.set_rows(rows())
    model.set_filter("OEUVRAY directrice", Shown.ALL)
    assert names(model) == ["Œuvray Élodie"]
    model.set_filter("0612", Shown.ALL)  # the phone as bare digits
    assert names(model) == ["Œuvray Élodie"]
    model.set_filter("bellefontaine", Shown.PEOPLE)
    assert names(model) == ["Œuvray Élodie"]
    model.set_filter("", Shown.ORGANISATIONS)
    assert names(model) == ["Centre social Bellefontaine", "Ancienne régie"]
    assert model.total_count() == 4


def test_sort_puts_empty_cells_last_and_restores_the_order() -> None:
    model = ContactsModel()
    model.set_rows(rows())
    model.sort(Column.EMAIL, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).email for r in range(4)] == [
        "accueil@cs.example.org", "rachid@example.org", "", ""]
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["Ancienne régie", "Ben Saïd Rachid", "Centre social Bellefontaine",
                            "Œuvray Élodie"]
    model.sort(UNSORTED)
    assert names(model) == [row.name for row in rows()]
    assert model.find(PERSON, 8) == 3 and model.find(ORG, 8) == -1


def test_archived_rows_are_marked() -> None:
    model = ContactsModel()
    model.set_rows(rows())
    archived = model.index(2, Column.KIND)
    assert model.data(archived, Qt.ItemDataRole.FontRole).italic()
    assert model.data(archived) != model.data(model.index(0, Column.KIND))
    assert model.data(model.index(0, Column.KIND), Qt.ItemDataRole.FontRole) is None

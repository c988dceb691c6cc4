"""The listing model: Qt's model contract, list.sort sorting, accent-folded filtering."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from conseil_desktop.services.listing import Column, Listing
from conseil_desktop.ui.models.columns import ColumnKind, sort_value
from conseil_desktop.ui.models.table_model import ID_ROLE, SORT_ROLE, UNSORTED, ListingModel

COLUMNS = [Column("id", "N°"), Column("last_name", "Nom"), Column("date", "Date"),
           Column("requested", "Demandé"), Column("start", "Heure")]
ROWS = [
    (3, "Zola", "02/01/2026", "1 234,50\u00a0€", "18 h 30"),
    (1, "Élodie", "25/11/2025", "", "9 h"),
    (2, "eve", "01/12/2026", "50,00\u00a0€", ""),
]


def make_model() -> ListingModel:
    model = ListingModel()
    model.set_listing(Listing(list(COLUMNS), list(ROWS)))
    return model


def column(model: ListingModel, key: str) -> list[str]:
    index = model.column_of(key)
    return [model.data(model.index(row, index)) for row in range(model.rowCount())]


def test_qt_model_contract(qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model, force_py=True)
    model.sort(1)
    model.set_filter("e")
    qtmodeltester.check(model, force_py=True)


def test_headers_come_from_the_listing() -> None:
    model = make_model()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["N°", "Nom", "Date", "Demandé", "Heure"]


def test_sort_text_ignores_accents_and_case() -> None:
    model = make_model()
    model.sort(model.column_of("last_name"))
    assert column(model, "last_name") == ["Élodie", "eve", "Zola"]
    model.sort(model.column_of("last_name"), Qt.SortOrder.DescendingOrder)
    assert column(model, "last_name") == ["Zola", "eve", "Élodie"]


def test_sort_dates_money_and_times_by_value() -> None:
    model = make_model()
    model.sort(model.column_of("date"))
    assert column(model, "date") == ["25/11/2025", "02/01/2026", "01/12/2026"]
    model.sort(model.column_of("requested"))
    assert column(model, "requested") == ["50,00\u00a0€", "1 234,50\u00a0€", ""]  # empty last
    model.sort(model.column_of("start"))
    assert column(model, "start") == ["9 h", "18 h 30", ""]


def test_unsorted_restores_the_listing_order() -> None:
    model = make_model()
    model.sort(1)
    model.sort(UNSORTED)
    assert column(model, "id") == ["3", "1", "2"]


def test_sort_keeps_selection_on_the_same_record() -> None:
    model = make_model()
    kept = QPersistentModelIndex(model.index(0, 1))  # Zola
    model.sort(1)
    assert kept.row() == 2
    assert kept.data() == "Zola"


def test_filter_folds_accents_and_keeps_order() -> None:
    model = make_model()
    model.set_filter("ELO")
    assert column(model, "last_name") == ["Élodie"]
    model.set_filter("e")
    assert column(model, "last_name") == ["Élodie", "eve"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert column(model, "last_name") == ["eve", "Élodie"]
    model.set_filter("")
    assert column(model, "last_name") == ["Zola", "eve", "Élodie"]
    assert model.total_count() == 3


def test_roles_give_sort_value_and_id() -> None:
    model = make_model()
    assert model.data(model.index(0, model.column_of("requested")), SORT_ROLE) == 123450
    assert model.data(model.index(0, model.column_of("date")), SORT_ROLE) == "2026-01-02"
    assert model.data(model.index(1, 1), ID_ROLE) == 1
    assert model.row_id(2) == 2
    alignment = model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_sort_values_of_each_kind() -> None:
    assert sort_value(ColumnKind.MONEY, "-1\u202f000,05\u00a0€") == -100005
    assert sort_value(ColumnKind.NUMBER, "2026") == 2026
    assert sort_value(ColumnKind.NUMBER, "") is None
    assert sort_value(ColumnKind.TIME, "7 h 05") == 425
    assert sort_value(ColumnKind.TEXT, "Œuvray") == "oeuvray"

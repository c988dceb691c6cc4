"""The agenda: add, edit, move, reorder, delete (with confirmation when it has content)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import Decision, Project, ProjectLink
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.agenda import (
    AgendaItemData,
    add_item,
    delete_item,
    list_items,
    move_item,
    reorder,
    update_item,
)
from conseil_desktop.services.decisions import DecisionData, add_decision
from conseil_desktop.services.meetings import ConfirmationNeeded
from tests.unit.meetings_fixture import meeting, member


@pytest.fixture()
def five(storage: Storage) -> tuple[int, list[int]]:
    with storage.session_scope() as s:
        mid = meeting(s, date(2026, 12, 1))
        ids = [add_item(s, mid, AgendaItemData(title)) for title in "ABCDE"]
    return mid, ids


def titles(storage: Storage, mid: int) -> str:
    with storage.session_scope() as s:
        rows = list_items(s, mid)
    assert [r.position for r in rows] == list(range(1, len(rows) + 1))  # no gap
    return "".join(r.title for r in rows)


def test_items_are_appended_in_order(storage: Storage, five: tuple[int, list[int]]) -> None:
    assert titles(storage, five[0]) == "ABCDE"


def test_presenter_person_or_free_name_and_documents(storage: Storage) -> None:
    with storage.session_scope() as s:
        mid = meeting(s, date(2026, 12, 1))
        zoe = member(s, "Abadie", "Zoé")
        first = add_item(s, mid, AgendaItemData(
            "  Budget  ", presenter_person_id=zoe,
            documents=["Tableau FPH\nDevis A", "  ", "Devis B"], summary="\nRien\n"))
        add_item(s, mid, AgendaItemData("Sécurité", presenter_name=" Délégué du préfet "))
        rows = list_items(s, mid)
        assert (rows[0].id, rows[0].title, rows[0].presenter, rows[0].documents,
                rows[0].summary) == (first, "Budget", "Zoé Abadie",
                                     ["Tableau FPH", "Devis A", "Devis B"], "Rien")
        assert (rows[1].presenter, rows[1].presenter_person_id) == ("Délégué du préfet", None)
        update_item(s, first, AgendaItemData("Budget 2027", presenter_name="Trésorière"))
        assert (list_items(s, mid)[0].title, list_items(s, mid)[0].presenter) == (
            "Budget 2027", "Trésorière")


@pytest.mark.parametrize(("item", "fragment"), [
    (AgendaItemData("   "), "Donnez un intitulé"),
    (AgendaItemData("x" * 301), "trop long"),
    (AgendaItemData("Point", presenter_person_id=987_654), "n'existe plus"),
])
def test_bad_items_refused(storage: Storage, item: AgendaItemData, fragment: str) -> None:
    with storage.session_scope() as s:
        mid = meeting(s, date(2026, 12, 1))
    with storage.session_scope() as s, pytest.raises(InvalidInputError, match=fragment):
        add_item(s, mid, item)


def test_move_item_up_down_and_beyond_the_ends(storage: Storage,
                                                five: tuple[int, list[int]]) -> None:
    mid, (a, _b, _c, d, _e) = five
    with storage.session_scope() as s:
        move_item(s, d, 2)
    assert titles(storage, mid) == "ADBCE"
    with storage.session_scope() as s:
        move_item(s, a, 99)
    assert titles(storage, mid) == "DBCEA"
    with storage.session_scope() as s:
        move_item(s, a, 0)
    assert titles(storage, mid) == "ADBCE"


def test_reorder_needs_every_item_once(storage: Storage, five: tuple[int, list[int]]) -> None:
    mid, (a, b, c, d, e) = five
    with storage.session_scope() as s:
        reorder(s, mid, [e, d, c, b, a])
    assert titles(storage, mid) == "EDCBA"
    for wrong in ([e, d, c, b], [e, d, c, b, a, a], [e, d, c, b, 999]):
        with storage.session_scope() as s, pytest.raises(InvalidInputError, match="a changé"):
            reorder(s, mid, wrong)
    assert titles(storage, mid) == "EDCBA"


def test_delete_renumbers(storage: Storage, five: tuple[int, list[int]]) -> None:
    mid, (_a, b, *_others) = five
    with storage.session_scope() as s:
        delete_item(s, b)
    assert titles(storage, mid) == "ACDE"


def test_delete_item_with_decisions_asks_then_removes_them(
        storage: Storage, five: tuple[int, list[int]]) -> None:
    mid, (a, b, *_rest) = five
    with storage.session_scope() as s:
        add_decision(s, mid, DecisionData(b, "On y va"))
        add_decision(s, mid, DecisionData(a, "Adopté"))
    with storage.session_scope() as s, pytest.raises(ConfirmationNeeded,
                                                     match="Le point « B » a 1 décision"):
        delete_item(s, b)
    with storage.session_scope() as s:
        delete_item(s, b, confirmed=True)
    with storage.session_scope() as s:
        assert s.scalars(select(Decision.text)).all() == ["Adopté"]
        assert s.scalar(select(func.count()).select_from(Decision)) == 1
        assert list_items(s, mid)[0].decision_count == 1
    assert titles(storage, mid) == "ACDE"


def test_deleting_an_item_says_when_projects_cite_its_decisions(
        storage: Storage, five: tuple[int, list[int]]) -> None:
    mid, (a, *_rest) = five
    with storage.session_scope() as s:
        decision = add_decision(s, mid, DecisionData(a, "Subvention accordée"))
        project = Project(title="Jardins partagés", year=2026)
        s.add(project)
        s.flush()
        s.add(ProjectLink(project_id=project.id, meeting_id=mid, decision_id=decision))
    with storage.session_scope() as s, pytest.raises(ConfirmationNeeded) as caught:
        delete_item(s, a)
    assert caught.value.message == (
        "Le point « A » a 1 décision. Le supprimer les efface aussi. Des projets (1) citent "
        "ces décisions : ce lien disparaît aussi.")
    with storage.session_scope() as s:
        delete_item(s, a, confirmed=True)
    with storage.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(ProjectLink)) == 0
        assert s.scalar(select(func.count()).select_from(Project)) == 1


def test_unknown_item_or_meeting(storage: Storage) -> None:
    with storage.session_scope() as s:
        with pytest.raises(InvalidInputError, match="n'existe plus"):
            update_item(s, 5, AgendaItemData("x"))
        with pytest.raises(InvalidInputError, match="La réunion n° 77"):
            add_item(s, 77, AgendaItemData("x"))

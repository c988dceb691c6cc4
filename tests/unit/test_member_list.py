"""The Membres tab's services: rows, search, filters, sorting, archiving, undo, summary."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    College,
    Designation,
    MemberRole,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.services import member_list as ml
from conseil_desktop.services.member_filter import (
    ANY_ROLE,
    FORMER,
    MemberFilters,
    MemberIndex,
    both,
)
from conseil_desktop.services.members import (
    MemberData,
    create_member,
)

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 30)
EVERYONE = MemberFilters(statuses=None, show_archived=True)


def add(storage: Storage, last: str, first: str = "", **fields: Any) -> int:
    with storage.session_scope() as session:
        return create_member(session, MemberData(last_name=last, first_name=first, **fields),
                             today=date(2024, 1, 1))


def set_membership(storage: Storage, person_id: int, **values: object) -> None:
    with storage.session_scope() as session:
        membership = session.scalars(
            select(Membership).where(Membership.person_id == person_id)).one()
        for name, value in values.items():
            setattr(membership, name, value)


@pytest.fixture
def council(storage: Storage) -> dict[str, int]:
    with storage.session_scope() as session:
        org = Organisation(name="Régie de quartier Les Érables")
        session.add(org)
        session.flush()
        org_id = org.id
    ids = {
        "elodie": add(storage, "Œuvray", "Élodie", phone="06 12 34 56 78",
                      email="Elodie.Oeuvray@Example.org"),
        "ait": add(storage, "Aït-Ahmed", "Zoé"),
        "ahmed": add(storage, "Ahmed", "Bruno", seat=Seat.SUPPLEANT),
        "actor": add(storage, "Martin", "Anne", college=College.LOCAL_ACTORS,
                     organisation_id=org_id, designation=Designation.DESIGNATED_BY_STRUCTURE),
        "gone": add(storage, "Durand", "Paul"),
        "archived": add(storage, "Zidane", "Yann"),
    }
    set_membership(storage, ids["gone"], status=MemberStatus.MOVED_OUT)
    with storage.session_scope() as session:
        session.get(Person, ids["archived"]).archived_at = NOW  # type: ignore[union-attr]
        membership = session.scalars(
            select(Membership).where(Membership.person_id == ids["actor"])).one()
        session.add_all([
            MemberRole(membership_id=membership.id, role_code="president",
                       started_on=date(2025, 1, 1)),
            MemberRole(membership_id=membership.id, role_code="tresorier",
                       started_on=date(2024, 1, 1), ended_on=date(2024, 12, 31)),
        ])
        # Written by hand, without the services: no search key stored.
        bare = Person(last_name="Éluard", first_name="Paul", phone="+33699887766")
        session.add(bare)
        session.flush()
        session.add(Membership(person_id=bare.id, college=College.RESIDENTS))
        ids["bare"] = bare.id
    return ids


def load(storage: Storage) -> ml.MemberList:
    with storage.session_scope() as session:
        return ml.load_members(session, today=TODAY)


def names(index: MemberIndex) -> list[str]:
    rows = index.listing.rows
    return [rows[p][ml.LAST_NAME] for p in index.shown]


def test_rows_in_folded_name_order_with_codes(storage: Storage, council: dict[str, int]) -> None:
    listing = load(storage)
    assert [r[ml.LAST_NAME] for r in listing.rows] == [
        "Ahmed", "Aït-Ahmed", "Durand", "Éluard", "Martin", "Œuvray", "Zidane"]
    by_id = {r[ml.ID]: r for r in listing.rows}
    actor = by_id[council["actor"]]
    assert ml.COLLEGE_LABELS[actor[ml.COLLEGE]] == "Acteurs locaux"
    assert listing.organisation(actor) == "Régie de quartier Les Érables"
    assert listing.role_text(council["actor"]) == "Président·e"  # the ended role is not held
    assert ml.SEAT_LABELS[by_id[council["ahmed"]][ml.SEAT]] == "Suppléant"
    assert ml.STATUS_LABELS[by_id[council["gone"]][ml.STATUS]] == "A déménagé"
    assert by_id[council["archived"]][ml.ARCHIVED] == 1
    assert by_id[council["elodie"]][ml.PHONE] == "+33612345678"
    assert by_id[council["bare"]][ml.SEARCH].startswith("eluard paul")  # built when missing


def test_anonymised_members_are_left_out(storage: Storage, council: dict[str, int]) -> None:
    with storage.session_scope() as session:
        session.get(Person, council["gone"]).anonymised_at = NOW  # type: ignore[union-attr]
    assert council["gone"] not in [r[ml.ID] for r in load(storage).rows]


def test_default_filter_shows_active_members_not_archived(
        storage: Storage, council: dict[str, int]) -> None:
    index = MemberIndex(load(storage))
    assert names(index) == ["Ahmed", "Aït-Ahmed", "Éluard", "Martin", "Œuvray"]
    assert index.total() == 6  # the archived member is not counted
    index.set_filters(EVERYONE)
    assert len(index.shown) == index.total() == 7


@pytest.mark.parametrize(("filters", "expected"), [
    (MemberFilters(college=College.LOCAL_ACTORS), ["Martin"]),
    (MemberFilters(seat=Seat.SUPPLEANT), ["Ahmed"]),
    (MemberFilters(seat=Seat.TITULAIRE, college=College.RESIDENTS),
     ["Aït-Ahmed", "Éluard", "Œuvray"]),
    (MemberFilters(statuses=FORMER), ["Durand"]),
    (MemberFilters(statuses=FORMER, show_archived=True), ["Durand"]),
    (MemberFilters(statuses=None, show_archived=True, role=ANY_ROLE), ["Martin"]),
    (MemberFilters(role="president"), ["Martin"]),
    (MemberFilters(role="tresorier"), []),
])
def test_filters(storage: Storage, council: dict[str, int], filters: MemberFilters,
                 expected: list[str]) -> None:
    index = MemberIndex(load(storage))
    index.set_filters(filters)
    assert names(index) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("elodie", ["Œuvray"]),
    ("OEUVRAY", ["Œuvray"]),
    ("œuvray élodie", ["Œuvray"]),
    ("ait", ["Aït-Ahmed"]),
    ("ahmed", ["Ahmed", "Aït-Ahmed"]),
    ("elodie.oeuvray@example", ["Œuvray"]),
    ("0612345678", ["Œuvray"]),
    ("+33612345678", ["Œuvray"]),
    ("+33 6 12", ["Œuvray"]),
    ("06 12 34", ["Œuvray"]),
    ("06.12.34.56.78", ["Œuvray"]),  # as written on a letter
    ("06-12-34", ["Œuvray"]),
    ("06 78", []),  # the groups of one number, not 06 and 78 anywhere
    ("06 99", ["Éluard"]),
    ("erables", ["Martin"]),  # the organisation represented
    ("régie martin", ["Martin"]),
    ("0699887766", ["Éluard"]),  # a key built on load
    ("dupont", []),
])
def test_search_ignores_accents_case_and_spaces(
        storage: Storage, council: dict[str, int], text: str, expected: list[str]) -> None:
    index = MemberIndex(load(storage))
    assert index.set_search(text)
    assert names(index) == expected


def test_search_key_gains_a_renamed_organisation(storage: Storage,
                                                 council: dict[str, int]) -> None:
    with storage.session_scope() as session:
        org = session.scalars(select(Organisation)).one()
        org.name = "Maison des Chômeurs"  # renamed without refreshing the members' keys
    index = MemberIndex(load(storage))
    index.set_search("chomeurs")
    assert names(index) == ["Martin"]


def test_typing_more_letters_narrows_and_deleting_widens(
        storage: Storage, council: dict[str, int]) -> None:
    index = MemberIndex(load(storage))
    index.set_filters(EVERYONE)
    shown = []
    for text in ("a", "ah", "ahm", "ahme", "ah", "", "z"):
        index.set_search(text)
        shown.append(len(index.shown))
    assert shown == [7, 2, 2, 2, 2, 7, 2]
    assert not index.set_search(" Z ")  # the same word: nothing to do
    index.set_search("z durand")
    assert names(index) == []
    index.set_search("a")
    index.set_search("a z")  # most rows found "a": the C-level passes
    assert names(index) == ["Aït-Ahmed", "Zidane"]
    index.set_search("a")  # erased: remembered
    assert len(index.shown) == 7


def test_search_and_filters_combine(storage: Storage, council: dict[str, int]) -> None:
    index = MemberIndex(load(storage))
    index.set_search("a")
    index.set_filters(MemberFilters(seat=Seat.SUPPLEANT))
    assert names(index) == ["Ahmed"]


def test_sorting_any_column_keeps_name_order_among_equals(
        storage: Storage, council: dict[str, int]) -> None:
    index = MemberIndex(load(storage))
    index.set_filters(EVERYONE)
    index.sort("first_name")
    assert [index.listing.rows[p][ml.FIRST_NAME] for p in index.shown] == [
        "Anne", "Bruno", "Élodie", "Paul", "Paul", "Yann", "Zoé"]
    assert names(index)[3:5] == ["Durand", "Éluard"]  # the two Paul, by name
    index.sort("college", descending=True)
    assert names(index)[0] == "Martin"
    index.sort("organisation")
    assert names(index)[0] == "Martin"  # empty cells last
    index.sort("organisation", descending=True)
    assert names(index)[0] == "Martin"  # ... in both directions
    index.sort("phone")
    assert names(index)[:2] == ["Œuvray", "Éluard"]  # +33612… before +33699…
    index.sort("status")
    assert names(index)[-1] == "Durand"
    index.sort(None)
    assert names(index) == ["Ahmed", "Aït-Ahmed", "Durand", "Éluard", "Martin", "Œuvray",
                            "Zidane"]
    index.sort("last_name", descending=True)
    assert names(index)[0] == "Zidane"


def test_sort_keeps_search(storage: Storage, council: dict[str, int]) -> None:
    index = MemberIndex(load(storage))
    index.set_search("ahmed")
    index.sort("seat", descending=True)
    assert names(index) == ["Ahmed", "Aït-Ahmed"]


def test_extra_columns_are_read_on_demand_and_sort(storage: Storage,
                                                   council: dict[str, int]) -> None:
    set_membership(storage, council["ait"], joined_on=date(2020, 5, 1),
                   mandate_end_on=date(2027, 1, 31))
    with storage.session_scope() as session:
        extras = ml.extra_columns(session, ["email", "joined_on", "designation", "unknown"])
        assert ml.extra_columns(session, []) == {}
    assert set(extras) == {"email", "joined_on", "designation"}
    assert extras["email"][council["elodie"]] == "Elodie.Oeuvray@example.org"
    assert ml.iso_to_french(extras["joined_on"][council["ait"]]) == "01/05/2020"
    assert ml.DESIGNATION_LABELS[extras["designation"][council["actor"]]] == (
        "Désigné par une structure")
    index = MemberIndex(load(storage))
    assert index.sort_values("joined_on") is None  # not read yet
    index.set_extra("joined_on", extras["joined_on"])
    index.sort("joined_on")
    assert names(index)[0] == "Aït-Ahmed"  # the only date: empty ones go last
    index.set_extra("email", extras["email"])
    index.sort("email", descending=True)
    assert names(index)[0] == "Œuvray"  # the only e-mail, first even descending


def test_both_masks() -> None:
    assert both(None, None) is None
    assert both(b"\x01\x00", None) == b"\x01\x00"
    assert both(b"\x01\x01\x00", b"\x00\x01\x01") == b"\x00\x01\x00"


def test_iso_to_french() -> None:
    assert ml.iso_to_french("2026-11-25") == "25/11/2026"
    assert ml.iso_to_french(None) == ml.iso_to_french("") == ""

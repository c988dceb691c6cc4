"""Invitations: the four scopes, and re-inviting without losing recorded attendance."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    Attendance,
    College,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.invitations import (
    InviteResult,
    InviteScope,
    invite,
    invited_ids,
    member_choices,
)
from tests.unit.meetings_fixture import (
    A,
    E,
    I,
    P,
    R,
    attend,
    contact,
    meeting,
    member,
    statuses,
)

RES, LOC = College.RESIDENTS, College.LOCAL_ACTORS


@pytest.fixture()
def council(storage: Storage) -> dict[str, int]:
    with storage.session_scope() as s:
        club = Organisation(name="Régie de quartier")
        s.add(club)
        s.flush()
        ids = {
            "ana": member(s, "Abadie", "Ana"),
            "bea": member(s, "Bâ", "Béa", seat=Seat.SUPPLEANT),
            "cyr": member(s, "Cohen", "Cyr", college=LOC, organisation=club),
            "dan": member(s, "Dupont", "Dan", college=LOC, seat=Seat.SUPPLEANT),
            "eve": member(s, "Ébrard", "Ève", status=MemberStatus.RESIGNED),
            "fab": contact(s, "Fabre", "Fanny"),
        }
        gone = member(s, "Gomez", "Gil")
        s.get(Person, gone).anonymised_at = datetime(2026, 1, 1)
        ids["gil"] = gone
        ids["meeting"] = meeting(s, date(2026, 12, 1))
    return ids


def test_scopes(storage: Storage, council: dict[str, int]) -> None:
    c, mid = council, council["meeting"]
    cases = [
        (InviteScope.ALL_ACTIVE, {}, {"ana", "bea", "cyr", "dan"}),
        (InviteScope.COLLEGE, {"college": RES}, {"ana", "bea"}),
        (InviteScope.COLLEGE, {"college": LOC}, {"cyr", "dan"}),
        (InviteScope.TITULAIRES, {}, {"ana", "cyr"}),
        (InviteScope.TITULAIRES, {"college": LOC}, {"cyr"}),
        (InviteScope.CHOSEN, {"person_ids": [c["fab"], c["eve"]]}, {"fab", "eve"}),
    ]
    for scope, kwargs, expected in cases:
        with storage.session_scope() as s:
            invite(s, mid, scope, **kwargs)
            assert invited_ids(s, mid) == {c[name] for name in expected}, (scope, kwargs)


def test_reinviting_keeps_recorded_attendance(storage: Storage, council: dict[str, int]) -> None:
    c, mid = council, council["meeting"]
    with storage.session_scope() as s:
        first = invite(s, mid, InviteScope.ALL_ACTIVE)
    assert first == InviteResult(added=4, kept=0, removed=0)
    with storage.session_scope() as s:  # the check-in records two statuses
        rows = _attendance_ids(s, mid)
        s.get(Attendance, rows[c["bea"]]).status = E
        s.get(Attendance, rows[c["cyr"]]).status = P
    with storage.session_scope() as s:
        again = invite(s, mid, InviteScope.COLLEGE, college=RES)
    # ana stays (in the selection), bea stays (residents), cyr stays (recorded) and dan goes.
    assert again == InviteResult(added=0, kept=3, removed=1, kept_recorded=1)
    assert "1 hors de la sélection" in again.describe()
    with storage.session_scope() as s:
        assert statuses(s, mid) == {c["ana"]: I, c["bea"]: E, c["cyr"]: P}
        third = invite(s, mid, InviteScope.CHOSEN, person_ids=[c["ana"], c["fab"]])
        assert third == InviteResult(added=1, kept=3, removed=0, kept_recorded=2)
        assert statuses(s, mid) == {c["ana"]: I, c["bea"]: E, c["cyr"]: P, c["fab"]: I}


def _attendance_ids(s, mid: int) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return dict(s.execute(select(Attendance.person_id, Attendance.id).where(
        Attendance.meeting_id == mid)).all())


def test_absent_recorded_also_kept(storage: Storage, council: dict[str, int]) -> None:
    c, mid = council, council["meeting"]
    with storage.session_scope() as s:
        attend(s, mid, c["eve"], A)
        result = invite(s, mid, InviteScope.TITULAIRES)
        assert result.kept_recorded == 1
        assert statuses(s, mid) == {c["eve"]: A, c["ana"]: I, c["cyr"]: I}


def test_bad_scopes(storage: Storage, council: dict[str, int]) -> None:
    mid = council["meeting"]
    with storage.session_scope() as s:
        with pytest.raises(InvalidInputError, match="Choisissez le collège"):
            invite(s, mid, InviteScope.COLLEGE)
        with pytest.raises(InvalidInputError, match="n'existent plus"):
            invite(s, mid, InviteScope.CHOSEN, person_ids=[123_456])
        with pytest.raises(InvalidInputError, match="n'existent plus"):
            invite(s, mid, InviteScope.CHOSEN, person_ids=[council["gil"]])  # anonymised
        with pytest.raises(InvalidInputError, match="La réunion n° 999"):
            invite(s, 999, InviteScope.ALL_ACTIVE)
        assert invited_ids(s, mid) == set()


def test_member_choices(storage: Storage, council: dict[str, int]) -> None:
    with storage.session_scope() as s:
        choices = member_choices(s)
    assert choices == [
        (council["ana"], "Abadie Ana — Habitants"),
        (council["bea"], "Bâ Béa — Habitants"),
        (council["cyr"], "Cohen Cyr — Acteurs locaux, Régie de quartier"),
        (council["dan"], "Dupont Dan — Acteurs locaux"),
    ]


def test_proxy_holder_stays_invited(storage: Storage, council: dict[str, int]) -> None:
    """A holder not yet marked present keeps their invitation: the proxy points to them."""
    c, mid = council, council["meeting"]
    with storage.session_scope() as s:
        attend(s, mid, c["bea"], R, holder=c["dan"])
        attend(s, mid, c["dan"], I)
        result = invite(s, mid, InviteScope.CHOSEN, person_ids=[c["ana"]])
        assert result == InviteResult(added=1, kept=2, removed=0, kept_recorded=2)
        assert statuses(s, mid) == {c["ana"]: I, c["bea"]: R, c["dan"]: I}

"""The quorum of a meeting is the one of its day (domain.md section 4, issue 4).

* Its base is the council's active titulaires on the meeting's date, read from the
  membership status history: a member who resigned after the meeting still counts
  for it, a suppléant promoted after it does not, a member who joined after it does
  not either.
* A proxy is exercised only by a holder who is present: a member represented by an
  absent holder counts neither for the quorum nor among the voters, and counts as
  soon as the holder is marked present.

The Réunions list, the check-in data and the snapshot (meeting window, procès-verbal,
sign-in sheet) give the same figures.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import Attendance, Membership, MemberStatus, Seat
from conseil_desktop.export.pdf.minutes import write_minutes_pdf
from conseil_desktop.export.signin_rows import counts_line as signin_counts_line
from conseil_desktop.services import checkin, quorum
from conseil_desktop.services.decisions import voters
from conseil_desktop.services.meeting_list import meeting_rows
from conseil_desktop.services.meeting_snapshot import meeting_snapshot
from conseil_desktop.services.member_changes import change_status, promote_to_titulaire
from conseil_desktop.services.members import MemberData, create_member
from conseil_desktop.services.quorum import (
    active_titulaires,
    active_titulaires_on,
    build_history,
    quorum_policy,
    titulaire_history,
    titulaires_on_corrected,
)
from tests.unit.meetings_fixture import A, P, R, attend, meeting, member

JOINED = date(2025, 1, 6)
PLENARY = date(2026, 3, 12)
AFTER = date(2026, 6, 1)
TODAY = date(2026, 11, 26)


def add(session, last: str, seat: Seat = Seat.TITULAIRE, joined: date = JOINED) -> int:  # type: ignore[no-untyped-def]
    return create_member(session, MemberData(last_name=last, first_name="Test", seat=seat,
                                             joined_on=joined), today=TODAY)


def attendance_id(session, meeting_id: int, person_id: int) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(Attendance.id).where(
        Attendance.meeting_id == meeting_id, Attendance.person_id == person_id))


def list_row(session, meeting_id: int):  # type: ignore[no-untyped-def]
    return next(r for r in meeting_rows(session, TODAY) if r.id == meeting_id)


def test_members_who_left_after_the_plenary_still_count_for_it(storage: Storage) -> None:
    with storage.session_scope() as s:
        titulaires = [add(s, f"Titulaire{n}") for n in range(4)]
        resigned, moved = add(s, "Démission"), add(s, "Déménagé")
        plenary = meeting(s, PLENARY, type_code="pleniere")
        for pid in (*titulaires[:3], resigned, moved):
            attend(s, plenary, pid, P)
        attend(s, plenary, titulaires[3], A)
        # 6 titulaires on the day, 5 present: "quorum atteint (5 / 3 requis)".
        before = meeting_snapshot(s, plenary).quorum
        change_status(s, resigned, MemberStatus.RESIGNED, AFTER, today=TODAY)
        change_status(s, moved, MemberStatus.MOVED_OUT, AFTER, today=TODAY)
        change_status(s, titulaires[0], MemberStatus.EXCLUDED, AFTER, today=TODAY)
    with storage.session_scope() as s:
        snapshot = meeting_snapshot(s, plenary)
        assert before.label() == snapshot.quorum.label() == "Quorum atteint (5 / 3 requis)"
        assert [r.counts_for_quorum for r in snapshot.invitees] == [True] * 6
        assert active_titulaires(s) == 3  # today: the card says so
        assert active_titulaires_on(s, PLENARY) == 6
        assert active_titulaires_on(s, AFTER) == 3
        assert active_titulaires_on(s, AFTER - timedelta(days=1)) == 6
        assert list_row(s, plenary).quorum_reached is True
        data = checkin.load_checkin(s, plenary)
        assert data.policy.required == 3
        # A meeting after the resignations measures against the 3 left.
        later = meeting(s, AFTER + timedelta(days=10), type_code="pleniere")
        attend(s, later, titulaires[1], P)
        attend(s, later, resigned, P)  # no longer a titulaire: not counted
        assert meeting_snapshot(s, later).quorum.label() == "Quorum non atteint (1 / 2 requis)"
        assert list_row(s, later).quorum_reached is False


def test_a_suppleant_promoted_after_the_plenary_does_not_count_for_it(
        storage: Storage) -> None:
    with storage.session_scope() as s:
        titulaires = [add(s, f"Titulaire{n}") for n in range(4)]
        promoted = add(s, "Promue", Seat.SUPPLEANT)
        newcomer = add(s, "Arrivée", joined=AFTER)  # joined after the plenary
        plenary = meeting(s, PLENARY, type_code="pleniere")
        attend(s, plenary, titulaires[0], P)
        attend(s, plenary, titulaires[1], P)
        attend(s, plenary, promoted, P)
        promote_to_titulaire(s, promoted, AFTER, today=TODAY)
    with storage.session_scope() as s:
        assert s.scalar(select(Membership.seat).where(
            Membership.person_id == promoted)) is Seat.TITULAIRE
        snapshot = meeting_snapshot(s, plenary)
        # 4 titulaires on the day (not the promoted suppléant, nor the newcomer): 2 needed.
        assert snapshot.quorum.label() == "Quorum atteint (2 / 2 requis)"
        by_person = {r.person_id: r for r in snapshot.invitees}
        assert by_person[promoted].counts_for_quorum is False
        assert active_titulaires_on(s, PLENARY) == 4
        assert active_titulaires(s) == active_titulaires_on(s, TODAY) == 6
        assert list_row(s, plenary).quorum_reached is True
        history = titulaire_history(s)
        assert not history.is_titulaire_on(promoted, PLENARY)
        assert history.is_titulaire_on(promoted, AFTER)
        assert not history.is_titulaire_on(newcomer, PLENARY)
        assert (history.titulaires_on(PLENARY), history.titulaires_on(AFTER)) == (4, 6)


def test_a_proxy_counts_only_once_its_holder_is_present(storage: Storage) -> None:
    with storage.session_scope() as s:
        titulaires = [add(s, f"Titulaire{n}") for n in range(6)]  # 3 needed
        plenary = meeting(s, PLENARY, type_code="pleniere")
        for pid in titulaires:
            attend(s, plenary, pid)
        ids = {pid: attendance_id(s, plenary, pid) for pid in titulaires}
        checkin.set_status(s, ids[titulaires[0]], P)
        checkin.set_status(s, ids[titulaires[1]], P)
        outcome = checkin.give_proxy(s, ids[titulaires[2]], titulaires[3])
        assert not outcome.holder_present
    with storage.session_scope() as s:
        snapshot = meeting_snapshot(s, plenary)
        counts = snapshot.counts
        assert (counts.present, counts.represented, counts.holder_absent) == (2, 1, 1)
        assert (counts.represented_in_force, counts.voters) == (0, 2)
        assert snapshot.quorum.label() == "Quorum non atteint (2 / 3 requis)"
        assert voters(s, plenary) == 2
        assert list_row(s, plenary).quorum_reached is False
        assert signin_counts_line(snapshot) == (  # the sign-in sheet's archive copy
            "Invités : 6 — présents : 2 — représentés : 1 (dont 1 non compté : porteur "
            "absent) — excusés : 0 — absents : 0 — non renseignés : 3. Quorum non atteint "
            "(2 / 3 requis).")
        checkin.set_status(s, ids[titulaires[3]], P)  # the holder arrives
    with storage.session_scope() as s:
        snapshot = meeting_snapshot(s, plenary)
        counts = snapshot.counts
        assert (counts.present, counts.represented, counts.holder_absent) == (3, 1, 0)
        assert counts.voters == 4 == voters(s, plenary)
        # The holder and the represented member both count: 4 of 6.
        assert snapshot.quorum.label() == "Quorum atteint (4 / 3 requis)"
        assert list_row(s, plenary).quorum_reached is True
        checkin.set_status(s, ids[titulaires[3]], A)  # marked absent by mistake
    with storage.session_scope() as s:
        assert meeting_snapshot(s, plenary).quorum.label() == "Quorum non atteint (2 / 3 requis)"
        assert list_row(s, plenary).quorum_reached is False


def test_the_list_follows_a_history_changed_after_it_was_shown(storage: Storage) -> None:
    """The list keeps the history it read while nothing changes; any change is seen."""

    def reached(s) -> tuple[bool | None, bool | None]:  # type: ignore[no-untyped-def]
        return list_row(s, plenary).quorum_reached, meeting_snapshot(s, plenary).quorum.reached

    with storage.session_scope() as s:
        titulaires = [add(s, f"Titulaire{n}") for n in range(4)]
        plenary = meeting(s, PLENARY, type_code="pleniere")
        attend(s, plenary, titulaires[0], P)
        attend(s, plenary, titulaires[1], R, holder=titulaires[0])
        assert reached(s) == (True, True)  # 2 of 4: 2 needed
    with storage.session_scope() as s:  # two members entered late, joined long ago
        late = [add(s, f"Tardif{n}") for n in range(2)]
    with storage.session_scope() as s:
        assert reached(s) == (False, False)  # 2 of 6: 3 needed
        change_status(s, late[0], MemberStatus.RESIGNED, PLENARY - timedelta(days=1),
                      today=TODAY)
    with storage.session_scope() as s:
        assert reached(s) == (False, False)  # 2 of 5: 3 needed
        # A joining date corrected (an update, no row added): not a member on the day.
        membership = s.scalars(select(Membership).where(Membership.person_id == late[1])).one()
        membership.status_events[0].effective_on = AFTER
    with storage.session_scope() as s:
        assert reached(s) == (True, True)  # 2 of 4 again


def test_members_without_history_count_as_they_are(storage: Storage) -> None:
    """Rows written without a history (older bases): the card decides, at any date."""
    with storage.session_scope() as s:
        for n in range(3):
            member(s, f"Ancien{n}")
        member(s, "Suppléant", seat=Seat.SUPPLEANT)
        member(s, "Parti", status=MemberStatus.RESIGNED)
        assert active_titulaires_on(s, date(2001, 1, 1)) == 3
        assert titulaire_history(s).titulaires_on(date(2001, 1, 1)) == 3


@pytest.mark.parametrize("few_changes", [5000, 0])
def test_the_count_of_a_day_is_the_same_however_it_is_read(
        storage: Storage, monkeypatch: pytest.MonkeyPatch, few_changes: int) -> None:
    """The one-day count (meeting window, check-in, documents) and the whole history (the
    Réunions list) agree on every day, whatever the members went through."""
    monkeypatch.setattr(quorum, "FEW_CHANGES", few_changes)
    rng = random.Random(4)
    start = date(2024, 1, 1)
    days = [start + timedelta(days=n) for n in range(0, 700, 7)]
    with storage.session_scope() as s:
        for n in range(40):
            seat = rng.choice([Seat.TITULAIRE, Seat.SUPPLEANT])
            pid = add(s, f"Membre{n}", seat, joined=rng.choice(days[:60]))
            day = s.scalar(select(Membership.joined_on).where(Membership.person_id == pid))
            for _ in range(rng.randint(0, 3)):
                day = day + timedelta(days=rng.randint(0, 120))
                if day > TODAY:
                    break
                card = s.scalar(select(Membership).where(Membership.person_id == pid))
                if card.seat is Seat.SUPPLEANT and card.status is MemberStatus.ACTIVE \
                        and rng.random() < 0.5:
                    promote_to_titulaire(s, pid, day, today=TODAY)
                else:
                    others = [st for st in MemberStatus if st is not card.status]
                    change_status(s, pid, rng.choice(others), day, today=TODAY)
        for n in range(3):
            member(s, f"SansHistoire{n}")  # counted at every date
        history = titulaire_history(s)
        for day in [*days, TODAY, date(2001, 1, 1)]:
            assert history.titulaires_on(day) == titulaires_on_corrected(s, day), day
            assert active_titulaires_on(s, day) == history.titulaires_on(day), day
        # Seen from the people: the same count.
        people = s.scalars(select(Membership.person_id)).all()
        for day in days[::5]:
            assert sum(history.is_titulaire_on(p, day) for p in people) == \
                history.titulaires_on(day)


def test_several_changes_on_one_day_keep_the_last() -> None:
    rows = [  # person, day, event id, titulaire after the event, titulaire now
        (1, "2026-01-10", 1, 1, 0), (1, "2026-03-01", 2, 0, 0), (1, "2026-03-01", 3, 1, 0),
        (1, "2026-05-01", 4, 0, 0),
        (2, "2026-03-01", 5, 1, 1),
    ]
    history = build_history(rows)
    assert [history.is_titulaire_on(1, d) for d in
            ("2026-01-09", "2026-01-10", "2026-03-01", "2026-04-30", "2026-05-01")] == [
        False, True, True, True, False]
    assert [history.titulaires_on(d) for d in ("2026-01-10", "2026-03-01", "2026-05-01")] == [
        1, 2, 1]


def test_the_rule_without_titulaires_needs_no_history(storage: Storage) -> None:
    with storage.session_scope() as s:
        assert quorum_policy(s, "bureau", on=PLENARY).required is None
        assert quorum_policy(s, "pleniere", on=PLENARY).basis == 0


def test_the_minutes_print_the_quorum_of_the_day(storage: Storage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Read back with pypdf: the procès-verbal of a past plenary keeps its quorum after
    resignations, and leaves out a proxy whose holder was absent."""
    with storage.session_scope() as s:
        titulaires = [add(s, f"Titulaire{n}") for n in range(6)]  # 3 needed on the day
        plenary = meeting(s, PLENARY, type_code="pleniere")
        for pid in titulaires:
            attend(s, plenary, pid)
        ids = {pid: attendance_id(s, plenary, pid) for pid in titulaires}
        for pid in titulaires[:3]:
            checkin.set_status(s, ids[pid], P)
        checkin.set_status(s, ids[titulaires[3]], A)
        checkin.give_proxy(s, ids[titulaires[4]], titulaires[3])  # the holder is absent
        for pid in titulaires[:2]:  # two of those present leave the council afterwards
            change_status(s, pid, MemberStatus.RESIGNED, AFTER, today=TODAY)
    path = tmp_path / "pv.pdf"
    with storage.session_scope() as s:
        write_minutes_pdf(path, meeting_snapshot(s, plenary))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))
    assert ("Quorum atteint (3 / 3 requis) : le quorum compte les membres titulaires en "
            "activité à la date de la réunion, présents ou représentés par un membre "
            "présent.") in text
    assert "3 présents, 1 représenté," in text

"""The meetings tab's rows: counts, quorum, upcoming, search key; and they match the snapshot."""

from __future__ import annotations

from datetime import time, timedelta

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import MemberStatus, QuorumRule, Seat
from conseil_desktop.services.meeting_list import meeting_rows
from conseil_desktop.services.meeting_snapshot import meeting_snapshot
from tests.unit.meetings_fixture import (
    TODAY,
    A,
    E,
    I,
    P,
    R,
    attend,
    meeting,
    member,
    settings,
)


def test_rows_counts_quorum_and_order(storage: Storage) -> None:
    with storage.session_scope() as s:
        tit = [member(s, f"Titulaire{n}") for n in range(6)]  # quorum: 3 of 6
        sup = member(s, "Suppléant", seat=Seat.SUPPLEANT)
        gone = member(s, "Parti", status=MemberStatus.RESIGNED)
        reached = meeting(s, TODAY - timedelta(days=30), type_code="pleniere",
                          title="Plénière d'octobre", place="Salle Évariste-Galois")
        for pid, status in zip(tit, (P, P, R, A, E, I), strict=True):
            attend(s, reached, pid, status, holder=tit[0] if status is R else None)
        missed = meeting(s, TODAY - timedelta(days=10), type_code="pleniere", title="Plénière")
        for pid, status in ((tit[0], P), (tit[1], R), (sup, P), (gone, P)):
            attend(s, missed, pid, status, holder=tit[0] if status is R else None)
            # a suppléant and a resigned member don't count
        upcoming = meeting(s, TODAY + timedelta(days=5), start=None)
        attend(s, upcoming, tit[0], I)
        today = meeting(s, TODAY, start=time(9, 0))
        empty = meeting(s, TODAY - timedelta(days=400))
        bureau = meeting(s, TODAY - timedelta(days=20), type_code="bureau", title="Bureau")
        for pid in tit[:2]:
            attend(s, bureau, pid, P)  # a bureau is measured against no quorum
    with storage.session_scope() as s:
        rows = meeting_rows(s, TODAY)
        assert [r.id for r in rows] == [upcoming, today, missed, bureau, reached, empty]
        assert {r.id: r for r in rows}[bureau].quorum_reached is None
        by_id = {r.id: r for r in rows}
        r = by_id[reached]
        assert (r.invited, r.present, r.represented, r.recorded, r.quorum_reached) == (
            6, 2, 1, 5, True)
        assert (r.type_label, r.upcoming, r.year) == ("Assemblée plénière", False,
                                                      (TODAY - timedelta(days=30)).year)
        assert "salle evariste galois" in r.search_key and "plenière" not in r.search_key
        assert by_id[missed].quorum_reached is False  # 2 counted, 3 required
        assert (by_id[upcoming].quorum_reached, by_id[upcoming].upcoming) == (None, True)
        assert by_id[today].upcoming
        assert (by_id[empty].invited, by_id[empty].quorum_reached) == (0, None)
        for mid in (reached, missed):  # the same figures as the meeting's own screen
            snap = meeting_snapshot(s, mid)
            assert (snap.counts.present, snap.counts.represented, snap.quorum.reached) == (
                by_id[mid].present, by_id[mid].represented, by_id[mid].quorum_reached)
        settings(s).quorum_rule = QuorumRule.NONE
        s.flush()
        assert {r.quorum_reached for r in meeting_rows(s, TODAY)} == {None}

"""The meetings tab's rows and a member's attendance history, beside sqlite3 floors.

On the 100k-member / 2,000-meeting demo database (``benchmarks/out/large.db``):

* ``meeting_rows``: every meeting with invited, present, represented and quorum
  figures (the Réunions tab). The quorum is the one of each meeting's date: the
  first call reads the whole membership status history and counts every plenary
  (the "cold" figure); later calls keep what did not change (a fingerprint of the
  history, and of each meeting's attendance) - the median. Floor: the queries a
  later call runs (the meetings, the attendance ``GROUP BY``, the history's
  fingerprint) with bare sqlite3, rows fetched, nothing built.
  Goal from the issue: the tab opens in <= 300 ms.
* ``member_history`` for a member invited to all 2,000 meetings (built once in
  a copy, ``benchmarks/out/meetings_history.db``). Floor: the same attendance
  joined to meeting rows read with bare sqlite3. Goal: <= 100 ms.

Each figure is the median of ``--repeat`` runs, each in a fresh session, after
one warm-up run (the first, cold figure is printed too).

    .venv/bin/python benchmarks/meetings.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from _common import OUT, ensure_large_db

HISTORY_DB = OUT / "meetings_history.db"
GOAL_ROWS_MS, GOAL_HISTORY_MS = 300.0, 100.0

FLOOR_FIGURES = (
    "SELECT a.meeting_id, count(*), sum(a.status = 'present'), sum(a.status = 'represente'), "
    "sum(a.status != 'invite'), max(a.updated_at) FROM attendance a GROUP BY a.meeting_id"
)
FLOOR_FINGERPRINT = (
    "SELECT (SELECT count(*) FROM membership_status_event), "
    "(SELECT max(id) FROM membership_status_event), "
    "(SELECT max(updated_at) FROM membership_status_event), (SELECT count(*) FROM membership), "
    "(SELECT max(id) FROM membership), (SELECT max(updated_at) FROM membership)"
)
FLOOR_MEETINGS = ("SELECT id, type_code, title, date, start_time, end_time, place, cancelled "
                  "FROM meeting")
FLOOR_HISTORY = (
    "SELECT m.id, m.date, m.start_time, m.type_code, m.title, m.cancelled, a.status "
    "FROM meeting m JOIN attendance a ON a.meeting_id = m.id WHERE a.person_id = ?"
)


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """(cold ms, median ms of the warm runs, last result)."""
    started = time.perf_counter()
    result = action()
    cold = (time.perf_counter() - started) * 1000
    warm = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        warm.append((time.perf_counter() - started) * 1000)
    return cold, statistics.median(warm), result


def history_db(source: Path) -> tuple[Path, int]:
    """A copy of the large db where one active member is invited to every meeting."""
    if not HISTORY_DB.exists() or HISTORY_DB.stat().st_mtime < source.stat().st_mtime:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{HISTORY_DB}{suffix}").unlink(missing_ok=True)
        with sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True) as src, \
                sqlite3.connect(HISTORY_DB) as dst:
            src.backup(dst)
        _invite_everywhere(HISTORY_DB)
    with sqlite3.connect(HISTORY_DB) as conn:
        person_id = conn.execute("SELECT value FROM bench_meta WHERE key = 'person'").fetchone()
    return HISTORY_DB, int(person_id[0])


def _invite_everywhere(path: Path) -> None:
    rng = random.Random(7)
    today = date.today().isoformat()
    now = datetime.now().isoformat(sep=" ")
    with sqlite3.connect(path) as conn:
        person_id = conn.execute(
            "SELECT person_id FROM membership WHERE status = 'actif' AND seat = 'titulaire' "
            "ORDER BY person_id LIMIT 1").fetchone()[0]
        meetings = conn.execute(
            "SELECT id, date FROM meeting WHERE id NOT IN "
            "(SELECT meeting_id FROM attendance WHERE person_id = ?)", (person_id,)).fetchall()
        statuses = ("present", "present", "present", "excuse", "absent", "represente")
        conn.executemany(
            "INSERT INTO attendance (uuid, created_at, updated_at, meeting_id, person_id, status,"
            " proxy_exception) VALUES (?, ?, ?, ?, ?, ?, 0)",
            [(str(uuid.uuid4()), now, now, mid, person_id,
              rng.choice(statuses) if day < today else "invite") for mid, day in meetings])
        conn.execute("CREATE TABLE bench_meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO bench_meta VALUES ('person', ?)", (str(person_id),))


def measure_rows(db: Path, repeat: int) -> dict[str, float]:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.services.meeting_list import meeting_rows
    from conseil_desktop.services.quorum import history_is_quick

    today = date.today()
    with open_readonly(db) as storage:
        # What the tab shows first on a large base: the rows, the quorum column to come.
        started = time.perf_counter()
        with storage.session_scope() as session:
            quick = history_is_quick(session)
            meeting_rows(session, today, quorum=quick)
        first_view = (time.perf_counter() - started) * 1000

        def ours() -> int:
            with storage.session_scope() as session:
                return len(meeting_rows(session, today))

        cold, warm, count = timed(ours, repeat)
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        def floor() -> int:
            conn.execute(FLOOR_FIGURES).fetchall()
            conn.execute(FLOOR_FINGERPRINT).fetchall()
            return len(conn.execute(FLOOR_MEETINGS).fetchall())

        _cold, floor_ms, _ = timed(floor, repeat)
    finally:
        conn.close()
    return {"rows": count, "cold": cold, "ours": warm, "floor": floor_ms,
            "first_view": first_view}


def measure_history(db: Path, person_id: int, repeat: int) -> dict[str, float]:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.services.attendance_history import member_history

    today = date.today()
    with open_readonly(db) as storage:
        def ours() -> Any:
            with storage.session_scope() as session:
                return member_history(session, person_id, today)

        cold, warm, history = timed(ours, repeat)
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        _cold, floor_ms, _ = timed(
            lambda: conn.execute(FLOOR_HISTORY, (person_id,)).fetchall(), repeat)
    finally:
        conn.close()
    return {"rows": len(history.rows), "cold": cold, "ours": warm, "floor": floor_ms,
            "run": history.absence_run}


def report(name: str, figures: dict[str, float], goal: float) -> None:
    ratio = figures["ours"] / figures["floor"] if figures["floor"] else float("inf")
    verdict = "OK" if figures["ours"] <= goal else "OVER BUDGET"
    print(f"{name}: {figures['rows']:.0f} rows, {figures['ours']:.1f} ms median "
          f"(cold {figures['cold']:.1f} ms) vs floor {figures['floor']:.1f} ms "
          f"(x{ratio:.1f}); goal <= {goal:.0f} ms: {verdict}")
    if "first_view" in figures:
        print(f"  first view of the tab (rows shown, quorum column filled just after): "
              f"{figures['first_view']:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    from conseil_desktop import paths

    paths.set_data_dir(OUT / "data")
    large, built = ensure_large_db()
    if built is not None:
        print(f"large database built in {built:.0f} s")
    report("meeting_rows (Réunions tab, 2,000 meetings)", measure_rows(large, args.repeat),
           GOAL_ROWS_MS)
    started = time.perf_counter()
    db, person_id = history_db(large)
    prepared = time.perf_counter() - started
    if prepared > 1:
        print(f"(history database prepared in {prepared:.0f} s)")
    report(f"member_history (person {person_id}, every meeting)",
           measure_history(db, person_id, args.repeat), GOAL_HISTORY_MS)


if __name__ == "__main__":
    main()

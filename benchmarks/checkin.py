"""The check-in screen on a 500-invitee plenary of the large database, each figure
beside a floor measured in the same run.

Works on a copy of ``large.db`` (``out/checkin.db``, made once), where the
plenary with the most invitees is topped up to 500 invitees (a mix of
statuses, a few proxies). Then, offscreen, with the French translations:

* opening: ``open_checkin`` (read, window built and shown) against the same
  invitee rows read with plain ``sqlite3`` (one query, ``fetchall``), and
  against a bare ``QTableWidget`` of the same size filled and shown;
* a keystroke: one character more or less in the search field, jumping to the
  first match, against a bare Python scan of the 500 folded names, and against
  selecting and scrolling to a row of that bare ``QTableWidget``;
* marking one person present: the window's ``mark`` (written and committed,
  the row, the counter and the quorum updated) against one bare ``UPDATE``
  committed with ``sqlite3`` on the same file, same pragmas (WAL, synchronous FULL).

    .venv/bin/python benchmarks/checkin.py [--repeat N] [--rebuild]

Goals from the issue: opening <= 200 ms, a keystroke <= 30 ms, present <= 20 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from _common import OUT, ensure_large_db

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DB = OUT / "checkin.db"
INVITEES = 500
GOALS_MS = {"open": 200.0, "key": 30.0, "present": 20.0}
TYPED = ["m", "ma", "mar", "mart", "marti", "martin", "martin ", "martin j", "d", "du", "dub",
         "dubo", "ben", "bena", "benal", "l", "le", "lef", "lefe", "lefev", "o", "oe", "oeu",
         "œuv", "2", "25", "250", "4", "42", "421"]
ROWS_SQL = """
SELECT a.id, p.id, p.last_name, p.first_name, m.college, m.seat, m.status, o.name, a.status,
       a.proxy_holder_id, h.first_name, h.last_name, a.proxy_exception, a.arrival_time,
       a.departure_time
FROM attendance a
JOIN person p ON p.id = a.person_id
LEFT JOIN membership m ON m.person_id = p.id
LEFT JOIN organisation o ON o.id = m.organisation_id
LEFT JOIN person h ON h.id = a.proxy_holder_id
WHERE a.meeting_id = ?
"""


def prepare(rebuild: bool) -> tuple[Path, int]:
    """The copy of the large database and the id of its 500-invitee plenary."""
    source, _ = ensure_large_db()
    if rebuild or not DB.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB}{suffix}").unlink(missing_ok=True)
        with sqlite3.connect(source) as src, sqlite3.connect(DB) as dst:
            src.backup(dst)
    conn = sqlite3.connect(DB)
    try:
        meeting_id = conn.execute(
            "SELECT m.id FROM meeting m JOIN attendance a ON a.meeting_id = m.id "
            "WHERE m.type_code = 'pleniere' GROUP BY m.id ORDER BY count(*) DESC, m.id "
            "LIMIT 1").fetchone()[0]
        _top_up(conn, meeting_id)
    finally:
        conn.close()
    return DB, meeting_id


def _top_up(conn: sqlite3.Connection, meeting_id: int) -> None:
    have = conn.execute("SELECT count(*) FROM attendance WHERE meeting_id = ?",
                        (meeting_id,)).fetchone()[0]
    if have >= INVITEES:
        return
    rng = random.Random(5)
    people = [row[0] for row in conn.execute(
        "SELECT person_id FROM membership WHERE status = 'actif' AND person_id NOT IN "
        "(SELECT person_id FROM attendance WHERE meeting_id = ?) ORDER BY person_id LIMIT ?",
        (meeting_id, INVITEES - have))]
    now = datetime(2026, 11, 25, 12).isoformat(sep=" ")
    statuses = ["present"] * 5 + ["excuse", "absent", "invite", "invite", "invite"]
    conn.executemany(
        "INSERT INTO attendance (meeting_id, person_id, status, proxy_exception, uuid, "
        "created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)",
        [(meeting_id, person, rng.choice(statuses), str(uuid.uuid4()), now, now)
         for person in people])
    conn.commit()


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


Floors = list[tuple[str, list[float]]]


def report(name: str, ours: list[float], floors: Floors, goal: float) -> None:
    ours_ms = median_ms(ours)
    verdict = "ok" if ours_ms <= goal else "OVER"
    print(f"{name:<34} {ours_ms:8.2f} ms  (goal <= {goal:.0f} ms: {verdict})")
    for label, values in floors:
        floor_ms = median_ms(values)
        ratio = ours_ms / floor_ms if floor_ms else float("inf")
        print(f"  floor: {label:<50} {floor_ms:8.3f} ms   ratio {ratio:6.1f}x")


class Bench:
    """The open database, a plain sqlite3 connection to it, and the Qt application."""

    def __init__(self, db: Path, meeting_id: int, repeat: int) -> None:
        from PySide6.QtWidgets import QApplication

        from conseil_desktop import paths
        from conseil_desktop.db.engine import open_storage
        from conseil_desktop.ui import i18n, qt_fixes

        paths.set_data_dir(OUT / "data")
        self.app = QApplication.instance() or QApplication(sys.argv)
        qt_fixes.install()  # as the application does at start-up
        i18n.install_translations(self.app)  # type: ignore[arg-type]
        self.storage = open_storage(db, backup=False)
        self.raw = sqlite3.connect(db)
        self.raw.execute("PRAGMA journal_mode=WAL")
        self.raw.execute("PRAGMA synchronous=FULL")
        self.meeting_id, self.repeat = meeting_id, repeat

    def close(self) -> None:
        self.raw.close()
        self.storage.close(backup=False)

    def open_window(self) -> Any:
        from conseil_desktop.ui.meetings.checkin import open_checkin

        window = open_checkin(None, self.storage.session_scope, self.meeting_id)
        assert window is not None
        self.app.processEvents()
        return window

    def read_rows(self) -> list[tuple[Any, ...]]:
        return self.raw.execute(ROWS_SQL, (self.meeting_id,)).fetchall()

    def bare_table(self, rows: list[tuple[Any, ...]]) -> Any:
        """A QTableWidget of the same size, filled with the raw values and shown."""
        from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

        table = QTableWidget(len(rows), 7)
        for r, row in enumerate(rows):
            for c in range(7):
                table.setItem(r, c, QTableWidgetItem(str(row[c + 1])))
        table.resize(1280, 800)
        table.show()
        self.app.processEvents()
        return table

    def opening(self) -> tuple[list[float], Floors, int]:
        self.open_window().close()  # warm the caches (file, statements, fonts)
        self.app.processEvents()
        opened, read, bare = [], [], []
        for _ in range(self.repeat):
            started = time.perf_counter()
            window = self.open_window()
            opened.append(time.perf_counter() - started)
            window.close()
            started = time.perf_counter()
            rows = self.read_rows()
            read.append(time.perf_counter() - started)
            started = time.perf_counter()
            table = self.bare_table(rows)
            bare.append(time.perf_counter() - started)
            table.close()
            table.deleteLater()
            self.app.processEvents()
        floors = [(f"same {len(rows)} rows read with sqlite3", read),
                  (f"bare QTableWidget of {len(rows)} x 7 filled, shown", bare)]
        return opened, floors, len(rows)

    def keystrokes(self, window: Any) -> tuple[list[float], Floors]:
        from conseil_desktop.services.text import fold

        keys = [" " + row.search_key for row in window.model.rows]
        count = self.repeat * 4
        texts = (TYPED * (1 + count // len(TYPED)))[:count]
        ours, scans, bare = [], [], []
        table = self.bare_table(self.read_rows())
        for n, text in enumerate(texts):
            started = time.perf_counter()
            window.search.setText(text)
            self.app.processEvents()
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            folded = fold(text)
            next((i for i, key in enumerate(keys) if folded in key), None)
            scans.append(time.perf_counter() - started)
            started = time.perf_counter()
            table.setCurrentCell((n * 37) % table.rowCount(), 1)
            table.scrollToItem(table.currentItem())
            self.app.processEvents()
            bare.append(time.perf_counter() - started)
        table.close()
        return ours, [("bare scan of the 500 folded names", scans),
                      ("bare QTableWidget: select a row, scroll, repaint", bare)]

    def presents(self, window: Any) -> tuple[list[float], Floors]:
        from conseil_desktop.db.models import AttendanceStatus

        rows = list(range(0, len(window.model.rows),
                          max(1, len(window.model.rows) // (self.repeat * 2))))

        def mark(row: int, status: AttendanceStatus) -> None:
            window.table.setCurrentIndex(window.model.index(row, 1))
            window.mark(status, advance=False)
            self.app.processEvents()

        ours, bare = [], []
        for row in rows:
            mark(row, AttendanceStatus.INVITED)  # not timed: start from not recorded
            started = time.perf_counter()
            mark(row, AttendanceStatus.PRESENT)
            ours.append(time.perf_counter() - started)
            attendance_id = window.model.rows[row].attendance_id
            self._update(attendance_id, "invite")  # not timed: a real change is then written
            started = time.perf_counter()
            self._update(attendance_id, "present")
            bare.append(time.perf_counter() - started)
        return ours, [("one bare UPDATE committed (sqlite3)", bare)]

    def _update(self, attendance_id: int, status: str) -> None:
        self.raw.execute("UPDATE attendance SET status = ? WHERE id = ?", (status, attendance_id))
        self.raw.commit()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db, meeting_id = prepare(args.rebuild)
    bench = Bench(db, meeting_id, args.repeat)
    try:
        opened, open_floors, invitees = bench.opening()
        window = bench.open_window()
        keys, key_floors = bench.keystrokes(window)
        presents, present_floors = bench.presents(window)
        window.close()
    finally:
        bench.close()
    print(f"check-in of meeting {meeting_id}: {invitees} invitees ({db.name}), "
          f"median of {args.repeat}+ runs")
    report("open the check-in window", opened, open_floors, GOALS_MS["open"])
    report("a keystroke in the search", keys, key_floors, GOALS_MS["key"])
    report("mark present (saved, shown)", presents, present_floors, GOALS_MS["present"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

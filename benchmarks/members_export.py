"""The members spreadsheet on 100,000 members, beside a floor measured in the same run.

Each measure runs in a fresh process, so that its peak memory (``ru_maxrss``)
is its own:

* ours: ``member_rows`` + ``export_members`` to .xlsx (read + write, atomic);
* floor: the same rows (read beforehand, not timed) appended by a bare
  openpyxl write-only loop, without styles, widths or filter.

    .venv/bin/python benchmarks/members_export.py [--repeat N] [--with-contact]

``--with-contact`` adds the phone and e-mail columns. Goal from the issue:
xlsx <= 6 s, peak memory <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from _common import OUT, ensure_large_db, env

GOAL_SECONDS, GOAL_MB = 6.0, 300.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def read_table(db: Path, with_contact: bool) -> Any:
    from conseil_desktop import paths
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.services.member_rows import choose_columns, member_rows

    paths.set_data_dir(OUT / "data")
    columns = choose_columns(None, with_phone=with_contact, with_email=with_contact)
    with open_readonly(db) as storage, storage.session_scope() as session:
        return member_rows(session, columns)


def case_ours(db: Path, target: Path, with_contact: bool) -> dict[str, float]:
    from conseil_desktop.export.members_export import export_members

    before = peak_mb()
    started = time.perf_counter()
    table = read_table(db, with_contact)
    read = time.perf_counter() - started
    export_members(table, target, council_name="Conseil", today=date.today())
    return {"seconds": time.perf_counter() - started, "read": read, "rows": len(table.rows),
            "start_mb": before, "peak_mb": peak_mb()}


def case_floor(db: Path, target: Path, with_contact: bool) -> dict[str, float]:
    from openpyxl import Workbook

    table = read_table(db, with_contact)  # not timed: the floor is the writing alone
    before = peak_mb()
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Membres")
    sheet.append([c.header for c in table.columns])
    for row in table.rows:
        sheet.append(row)
    workbook.save(target)
    return {"seconds": time.perf_counter() - started, "rows": len(table.rows),
            "start_mb": before, "peak_mb": peak_mb()}


def child(case: str, db: Path, with_contact: bool) -> dict[str, float]:
    """Run one case in a fresh interpreter and return its figures."""
    argv = [sys.executable, __file__, "--case", case, "--db", str(db)]
    if with_contact:
        argv.append("--with-contact")
    done = subprocess.run(argv, env=env(), check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--with-contact", action="store_true")
    parser.add_argument("--case", choices=["ours", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        with tempfile.TemporaryDirectory() as folder:
            run = case_ours if args.case == "ours" else case_floor
            print(json.dumps(run(args.db, Path(folder) / "membres.xlsx", args.with_contact)))
        return 0
    db, _ = ensure_large_db()
    ours = [child("ours", db, args.with_contact) for _ in range(args.repeat)]
    floor = [child("floor", db, args.with_contact) for _ in range(args.repeat)]
    seconds = statistics.median(r["seconds"] for r in ours)
    floor_seconds = statistics.median(r["seconds"] for r in floor)
    peak = max(r["peak_mb"] for r in ours)
    what = "with phone and e-mail" if args.with_contact else "default columns"
    print(f"{int(ours[0]['rows']):,} members, {what}; median of {args.repeat}, "
          "each run in a fresh process")
    print(f"ours: read {statistics.median(r['read'] for r in ours):.2f} s, "
          f"read + xlsx {seconds:.2f} s, peak {peak:.0f} MB "
          f"(interpreter and imports before: {ours[0]['start_mb']:.0f} MB)")
    print(f"floor (bare openpyxl write-only loop, rows already read): {floor_seconds:.2f} s, "
          f"peak {max(r['peak_mb'] for r in floor):.0f} MB")
    verdict = "ok" if seconds <= GOAL_SECONDS and peak <= GOAL_MB else "AU-DESSUS DE L'OBJECTIF"
    print(f"ratio {seconds / floor_seconds:.2f}x; goal <= {GOAL_SECONDS:.0f} s and "
          f"<= {GOAL_MB:.0f} MB: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

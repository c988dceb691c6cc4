"""Importing 10,000 members into a base that already has 5,000, beside a floor.

Builds (once) a base of 5,000 members and a 10,000-row workbook written with
openpyxl, in which 1,500 rows are members of the base (same e-mail or phone,
a third of them with a changed field), 300 rows repeat an earlier row of the
file and 100 rows have an unreadable date. Then times, each in a fresh copy
of the base:

* the floor: python-calamine reading the same sheet into lists;
* reading the file (``read_table``: checks, decoding, header detection);
* the dry run (``plan_table``: cells, duplicates against the base and within
  the file);
* the dry run then the import (``apply_import``) committed, as the CLI does.

    .venv/bin/python benchmarks/import_members.py [--repeat N] [--rebuild]

Goal from the issue: dry run + import of the 10,000 rows <= 5 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar, cast

from _common import OUT

from conseil_desktop import paths
from conseil_desktop.db.engine import open_storage
from conseil_desktop.services.importing import (
    ImportPlan,
    ImportResult,
    RowAction,
    apply_import,
    plan_table,
    read_table,
)
from conseil_desktop.services.members import MemberData, build_member

BASE = OUT / "import_base.db"
WORKBOOK = OUT / "import_10000.xlsx"
EXISTING, ROWS, KNOWN, REPEATED, BROKEN = 5_000, 10_000, 1_500, 300, 100
GOAL_S = 5.0
T = TypeVar("T")

LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Œuvray", "Nguyễn", "Yılmaz", "Kowalski",
        "N'Diaye", "Diallo", "Traoré", "Benali", "Haddad", "García", "Pereira", "Chérif",
        "Guérin", "Hébert", "Moreau", "Girard", "Rousseau", "Mercier", "Le Goff", "Sow"]
FIRST = ["Élodie", "Marie", "Chloé", "Inès", "Fatima", "Thị Hương", "Aïcha", "Zeynep", "Jean",
         "Jérôme", "Karim", "Mamadou", "Łukasz", "Şükrü", "João", "Noël", "Gaël", "Léa"]
HEADERS = ["Nom", "Prénom", "Civilité", "Courriel", "Téléphone", "Date de naissance",
           "Collège", "Date d'adhésion", "Adresse", "CP", "Ville"]


def person(rng: random.Random, number: int) -> list[object]:
    last, first = rng.choice(LAST), rng.choice(FIRST)
    born = date(1940, 1, 1) + timedelta(days=rng.randrange(25_000))
    joined = date(2015, 1, 1) + timedelta(days=rng.randrange(3_500))
    return [last.upper(), first, rng.choice(["M.", "Mme"]), f"membre{number}@exemple.fr",
            f"06 {number // 10_000 % 100:02d} {number // 100 % 100:02d} {number % 100:02d} 00",
            born, rng.choice(["Habitants", "Acteurs locaux"]), joined,
            f"{rng.randint(1, 90)} rue des Lilas", "31200", "Toulouse"]


def build(rng: random.Random) -> None:
    """The base (5,000 members) and the workbook (10,000 rows)."""
    import openpyxl

    OUT.mkdir(parents=True, exist_ok=True)
    existing = [person(rng, n) for n in range(EXISTING)]
    BASE.unlink(missing_ok=True)
    storage = open_storage(BASE, backup=False)
    with storage.session_scope() as session:
        session.add_all(build_member(MemberData(
            last_name=str(r[0]).title(), first_name=str(r[1]), email=str(r[3]),
            phone=str(r[4]), birth_date=cast(date, r[5]), joined_on=cast(date, r[7]),
        )) for r in existing)
    storage.close(backup=False)

    rows = [person(rng, EXISTING + n) for n in range(ROWS - KNOWN - REPEATED)]
    for index, known in enumerate(rng.sample(existing, KNOWN)):
        row = list(known)
        if index % 3 == 0:
            row[8] = "2 place du Marché"  # a changed address: an update
        rows.insert(rng.randrange(len(rows)), row)
    for _ in range(REPEATED):
        rows.insert(rng.randrange(len(rows)), list(rng.choice(rows)))
    for row in rng.sample(rows, BROKEN):
        row[7] = "31/02/2024"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Adhérents")
    sheet.append(["Liste des adhérents"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(WORKBOOK)


def timed(action: Callable[[], T], repeat: int) -> tuple[float, T]:
    timings = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), result


def fresh_base() -> Path:
    from conseil_desktop.services.identifiers import normalise_phone

    normalise_phone.cache_clear()  # each run as a fresh import: no number seen before
    target = OUT / "import_run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(BASE, target)
    return target


def floor() -> object:
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(WORKBOOK))
    rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    workbook.close()
    return rows


def dry_run() -> ImportPlan:
    storage = open_storage(fresh_base(), backup=False)
    try:
        table = read_table(WORKBOOK)
        with storage.session_scope() as session:
            return plan_table(session, table)
    finally:
        storage.close(backup=False)


def dry_run_then_import() -> ImportResult:
    path = fresh_base()
    storage = open_storage(path, backup=False)
    try:
        table = read_table(WORKBOOK)
        with storage.session_scope() as session:
            plan = plan_table(session, table)
        with storage.session_scope() as session:
            return apply_import(session, plan, path)
    finally:
        storage.close(backup=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    paths.set_data_dir(OUT / "data")
    if args.rebuild or not (BASE.exists() and WORKBOOK.exists()):
        started = time.perf_counter()
        build(random.Random(1))
        print(f"built base and workbook in {time.perf_counter() - started:.1f} s")
    floor_s, _ = timed(floor, args.repeat)
    read_s, _ = timed(lambda: read_table(WORKBOOK), args.repeat)
    plan_s, plan = timed(dry_run, args.repeat)
    total_s, result = timed(dry_run_then_import, args.repeat)
    print(f"rows: {ROWS}, base: {EXISTING} members")
    print(f"plan counts: {plan.summary()}")
    print(f"import counts: {result.summary()}")
    print(f"{'floor: calamine to lists':<34} {floor_s * 1000:8.0f} ms")
    print(f"{'read_table':<34} {read_s * 1000:8.0f} ms  ({read_s / floor_s:.1f}x floor)")
    print(f"{'dry run (read + plan)':<34} {plan_s * 1000:8.0f} ms  ({plan_s / floor_s:.1f}x)")
    print(f"{'dry run + import, committed':<34} {total_s * 1000:8.0f} ms  ({total_s / floor_s:.1f}x)"
          f"  goal <= {GOAL_S:.0f} s {'ok' if total_s <= GOAL_S else 'NOT REACHED'}")
    created = result.counts[RowAction.CREATE]
    return 0 if created else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Helpers shared by the benchmarks: paths, timing, the large demo database."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
LARGE_DB = OUT / "large.db"
LARGE_MEMBERS = 100_000
LARGE_MEETINGS = 2_000


def env() -> dict[str, str]:
    """An isolated data folder and the offscreen platform, like the tests."""
    values = dict(os.environ)
    values.setdefault("QT_QPA_PLATFORM", "offscreen")
    values["CONSEIL_DESKTOP_DATA_DIR"] = str(OUT / "data")
    return values


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conseil_desktop", *args],
        env=env(), capture_output=True, text=True, check=True,
    )


def ensure_large_db(rebuild: bool = False) -> tuple[Path, float | None]:
    """Build the 100k-member demo database once; return it and the build time."""
    OUT.mkdir(parents=True, exist_ok=True)
    if LARGE_DB.exists() and not rebuild:
        return LARGE_DB, None
    started = time.perf_counter()
    cli("demo", "--db", str(LARGE_DB), "--members", str(LARGE_MEMBERS),
        "--meetings", str(LARGE_MEETINGS), "--seed", "1", "--force")
    return LARGE_DB, time.perf_counter() - started


def time_command(argv: list[str], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(argv, env=env(), check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return timings


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000

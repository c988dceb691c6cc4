"""Start-up on the 100k-member database against a bare PySide6 window (the floor).

Both are timed in the same run, as fresh processes, offscreen; the ratio is
what to compare. The smoke test opens the base (lock, quick_check, backup if
changed), shows the window and loads every tab.

    .venv/bin/python benchmarks/startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys

from _common import ensure_large_db, median_ms, time_command

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "app.processEvents()\n"
    "window.close()\n"
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    db, _ = ensure_large_db()
    smoke = [sys.executable, "-m", "conseil_desktop", "--db", str(db), "--smoke-test"]
    time_command(smoke, 1)  # warm the file cache and take the start-up backup once
    floor = median_ms(time_command([sys.executable, "-c", BARE_WINDOW], args.repeat))
    startup = median_ms(time_command(smoke, args.repeat))
    print(f"floor (bare PySide6 window shown and closed): {floor:7.0f} ms")
    print(f"--smoke-test on 100k members, 2,000 meetings: {startup:7.0f} ms")
    print(f"ratio: {startup / floor:.2f}x (goal: <= 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

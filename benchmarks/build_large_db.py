"""Build the 100k-member / 2,000-meeting demo database used by the benchmarks.

    .venv/bin/python benchmarks/build_large_db.py [--rebuild]
"""

from __future__ import annotations

import sys

from _common import LARGE_MEETINGS, LARGE_MEMBERS, cli, ensure_large_db


def main() -> int:
    path, seconds = ensure_large_db(rebuild="--rebuild" in sys.argv)
    if seconds is None:
        print(f"{path} existe déjà (--rebuild pour le refaire)")
    else:
        print(f"demo --members {LARGE_MEMBERS} --meetings {LARGE_MEETINGS}: {seconds:.1f} s")
    print(cli("check", "--db", str(path)).stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

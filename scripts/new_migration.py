"""Generate the next Alembic revision from the models (development only).

    .venv/bin/python scripts/new_migration.py "add project budget line"

Builds a temporary database at the current head, compares it with the models
and writes ``db/migrations/versions/NNNN_<slug>.py`` for review.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command

from conseil_desktop.db.engine import make_engine
from conseil_desktop.db.migrations import runner


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    message = sys.argv[1]
    head = runner.script_directory().get_current_head() or "0000"
    rev_id = f"{int(head) + 1:04d}"
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(Path(folder) / "head.db")
        runner.upgrade(engine)
        config = runner.make_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    slug = re.sub(r"\W+", "_", message.lower()).strip("_")
    print(f"Revision {rev_id} ({slug}) written; set HEAD_REVISION = {rev_id!r}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

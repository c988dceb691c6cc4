"""Run every benchmark in turn (``make bench``)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

for script in ("build_large_db.py", "startup.py", "projects_contacts.py", "import_members.py",
               "members_export.py", "members_list.py", "documents_b.py", "documents_signin.py",
               "meetings.py", "checkin.py", "long_pdfs.py"):
    print(f"== {script}")
    sys.argv = [script]
    try:
        runpy.run_path(str(HERE / script), run_name="__main__")
    except SystemExit as done:
        if done.code:
            raise

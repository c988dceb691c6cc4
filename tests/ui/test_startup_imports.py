"""Start-up stays light: no PDF, spreadsheet or migration code is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_smoke_test_start_up_does_not_import_heavy_modules(db_path: Path, data_dir: Path) -> None:
    code = (
        "import sys\n"
        "from conseil_desktop.app import main\n"
        f"rc = main(['--db', {str(db_path)!r}, '--smoke-test'])\n"
        "heavy = ['reportlab', 'openpyxl', 'alembic', 'pypdf', 'icalendar']\n"
        "print('LOADED:' + ','.join(m for m in heavy if m in sys.modules))\n"
        "sys.exit(rc)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CONSEIL_DESKTOP_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"

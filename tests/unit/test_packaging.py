"""A wheel carries what the application reads at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(180)
def test_wheel_contains_migrations_fonts_and_translations(tmp_path: Path) -> None:
    # Build from a clean copy: a stale build/ or egg-info would hide a missing entry.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "benchmarks", "__pycache__",
        ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
         "--wheel-dir", str(tmp_path), str(source)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(tmp_path.glob("conseil_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "conseil_desktop/db/migrations/env.py" in names
    assert "conseil_desktop/db/migrations/script.py.mako" in names
    assert "conseil_desktop/db/migrations/versions/0001_initial_schema.py" in names
    assert "conseil_desktop_resources/fonts/DejaVuSans.ttf" in names
    assert "conseil_desktop_resources/translations/conseil_desktop_fr.ts" in names

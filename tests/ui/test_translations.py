"""The French .ts is complete and up to date with the interface's source strings."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import conseil_desktop

PACKAGE = Path(conseil_desktop.__file__).resolve().parent
TS = PACKAGE.parent.parent / "resources" / "translations" / "conseil_desktop_fr.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def source_strings(folder: Path) -> set[tuple[str, str]]:
    """What lupdate finds in the interface's sources today."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(p) for p in (PACKAGE / "ui").rglob("*.py")] + [str(PACKAGE / "app.py")]
    fresh = folder / "fresh.ts"
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True)
    return set(messages(fresh))


def test_every_string_of_the_interface_is_in_the_ts(tmp_path: Path) -> None:
    assert source_strings(tmp_path) - set(messages(TS)) == set(), (
        "run make lupdate, then translate")


def test_every_string_of_the_interface_is_translated_to_french(tmp_path: Path) -> None:
    found = messages(TS)
    shown = source_strings(tmp_path)
    assert len(shown) > 50
    untranslated = [
        key for key, message in found.items()
        if key in shown and (
            (translation := message.find("translation")) is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not ("".join(translation.itertext())).strip())
    ]
    assert untranslated == []

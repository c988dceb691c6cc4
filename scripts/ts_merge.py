"""Fill the French .ts from tab-separated translation files (development tool).

    make lupdate                      # refresh the .ts from the sources
    .venv/bin/python scripts/ts_merge.py resources/translations/pending/*.tsv

Each line of a .tsv is ``context<TAB>English source<TAB>French translation``.
Plural messages (``numerus="yes"``, from ``tr("%n item(s)", "", n)``) take
``singular|plural`` in the French column, e.g. ``%n décision|%n décisions``:
Qt shows the first for 0 and 1, the second from 2 on. A French text without
``|`` goes into both forms as it is. The script lists what is still
untranslated and exits 1 if anything is.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "conseil_desktop_fr.ts"


def load_pairs(files: list[str]) -> dict[tuple[str, str], str]:
    pairs: dict[tuple[str, str], str] = {}
    for name in files:
        with open(name, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) == 3 and row[1]:
                    context, source, french = (cell.replace("\\n", "\n") for cell in row)
                    pairs[(context, source)] = french
    return pairs


def merge(pairs: dict[tuple[str, str], str]) -> list[str]:
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            french = pairs.get((context_name, source))
            if french is not None:
                _set(message, translation, french)
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                missing.append(f"{context_name}\t{source}")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    text = TS.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        head, _, rest = text.partition("\n")
        TS.write_text(f"{head}\n<!DOCTYPE TS>\n{rest}\n", encoding="utf-8")
    return missing


def _set(message: ET.Element, translation: ET.Element, french: str) -> None:
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in numerus_forms(french):
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = french


def numerus_forms(french: str) -> tuple[str, str]:
    """French has two plural forms: ``singular|plural``, or one text for both."""
    singular, bar, plural = french.partition("|")
    return (singular, plural) if bar and "|" not in plural else (french, french)


def main() -> int:
    missing = merge(load_pairs(sys.argv[1:]))
    for line in missing:
        print(f"untranslated: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())

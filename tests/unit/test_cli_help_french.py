"""The command line's help reads in French: no English placeholder such as DB or OUTPUT."""

from __future__ import annotations

import re

import pytest

from conseil_desktop.app import main

VERBS = [[], ["demo"], ["check"], ["list"], ["export", "projects"], ["export", "members"],
         ["export", "attendance"], ["export", "signin-sheet"], ["export", "decisions"]]


@pytest.mark.parametrize("verb", VERBS, ids=lambda v: " ".join(v) or "app")
def test_help_placeholders_are_french(verb: list[str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*verb, "--help"])
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    english = set(re.findall(r"\b(?:DB|DATA_DIR|OUTPUT|YEAR|MEMBERS|MEETINGS|SEED)\b", shown))
    assert not english, shown
    assert "--db FICHIER" in shown and "--data-dir DOSSIER" in shown
    if "--output" in shown:
        assert "-o SORTIE" in shown
    if "--year" in shown:
        assert "--year ANNÉE" in shown

"""A name typed in full is recognised in either order: lists show « Aït-Ahmed Fatima »,
the meeting window and the documents « Fatima Aït-Ahmed »."""

from __future__ import annotations

from typing import Any

from conseil_desktop.services.project_choices import Pick
from conseil_desktop.ui.projects.lookup import LookupEdit

PEOPLE = [Pick(1, "Aït-Ahmed Fatima"), Pick(2, "Aït-Ahmed Souad"), Pick(3, "Fatima Aït"),
          Pick(4, "Ahmed Aït Fatima")]


def search(text: str) -> list[Pick]:
    return list(PEOPLE)  # every candidate: resolved() must pick by the words typed


def test_first_name_first_is_recognised(qtbot: Any) -> None:
    edit = LookupEdit(search)
    qtbot.addWidget(edit)
    for typed in ("Aït-Ahmed Fatima", "Fatima Aït-Ahmed", "fatima ait-ahmed", "Souad AIT-AHMED"):
        edit.setText(typed)
        pick = edit.resolved()
        assert pick is not None, typed
        assert pick.id == (2 if "souad" in typed.lower() else 1)
    edit.setText("Fatima")  # a part of a name is not a choice
    assert edit.resolved() is None
    edit.setText("Aït Fatima")  # « Fatima Aït » reversed: one person, not Aït-Ahmed Fatima
    assert edit.resolved() == PEOPLE[2]

"""A date field takes the date as people type it: 25.11.2026 and 25-11-2026 too."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit


@pytest.mark.parametrize(("typed", "shown"), [
    ("03.04.1985", "03/04/1985"),
    ("03-04-1985", "03/04/1985"),
    ("03 04 1985", "03/04/1985"),
    ("3/4/1985", "3/4/1985"),
    ("03/04/19855", "03/04/1985"),  # a fifth digit of the year is refused
    ("abc", ""),
])
def test_typing_a_date(qtbot: Any, typed: str, shown: str) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.text() == shown
    if shown:
        assert edit.date() == dt.date(1985, 4, 3)


def test_a_pasted_date_with_dots_is_kept(qtbot: Any) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.insert("25.11.2026")
    assert edit.text() == "25/11/2026" and edit.date() == dt.date(2026, 11, 25)


@pytest.mark.parametrize(("typed", "shown"), [
    ("03041985", "03/04/1985"),  # digits only, as on a phone keypad or in a spreadsheet
    ("03/041985", "03/04/1985"),
    ("0304", "03/04"),
    ("030419855", "03/04/1985"),
])
def test_digits_typed_without_slashes_get_them(qtbot: Any, typed: str, shown: str) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.text() == shown
    if len(shown) == 10:
        assert edit.date() == dt.date(1985, 4, 3)


def test_pasted_digits_become_a_date(qtbot: Any) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.insert("25112026")
    assert edit.text() == "25/11/2026" and edit.date() == dt.date(2026, 11, 25)
    assert edit.cursorPosition() == len("25/11/2026")

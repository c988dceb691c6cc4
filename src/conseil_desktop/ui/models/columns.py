"""What a listing column holds, hence how it aligns and sorts.

The services hand the tabs display-ready cells (``25/11/2026``, ``18 h 30``,
``1 234,50 €``); the kind of each column, known from its key, turns a cell
back into a value that sorts in the order a person expects.
"""

from __future__ import annotations

import enum
import re
from functools import lru_cache

from conseil_desktop.services.text import fold

SortValue = int | str | None


class ColumnKind(enum.Enum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    TIME = "time"
    MONEY = "money"

    @property
    def right_aligned(self) -> bool:
        return self in (ColumnKind.NUMBER, ColumnKind.MONEY)


_KIND_BY_KEY = {
    "id": ColumnKind.NUMBER,
    "year": ColumnKind.NUMBER,
    "invited": ColumnKind.NUMBER,
    "present": ColumnKind.NUMBER,
    "date": ColumnKind.DATE,
    "start": ColumnKind.TIME,
    "requested": ColumnKind.MONEY,
    "granted": ColumnKind.MONEY,
}

_TIME = re.compile(r"(\d{1,2}) h(?: (\d{2}))?")
_NOT_MONEY = re.compile(r"[^\d,-]")


def kind_of(key: str) -> ColumnKind:
    return _KIND_BY_KEY.get(key, ColumnKind.TEXT)


@lru_cache(maxsize=1 << 16)
def fold_cell(text: str) -> str:
    """Accent- and case-folded text; cached, since a column repeats its values."""
    return fold(text)


def search_text(text: str) -> str:
    """What a cell is found by: its folded text, and a spaced phone number's digits
    too, so that "0612345678" finds "06 12 34 56 78"."""
    folded = fold_cell(text)
    digits = text.replace(" ", "").replace("\u00a0", "")
    if " " in text and len(digits) >= 6 and digits.lstrip("+").isdigit():
        return f"{folded} {digits}"
    return folded


def sort_value(kind: ColumnKind, cell: object) -> SortValue:
    """The value a cell sorts by; ``None`` for an empty or unreadable cell."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, int):
        return cell
    text = str(cell)
    if kind is ColumnKind.TEXT:
        return fold_cell(text)
    if kind is ColumnKind.NUMBER:
        return int(text) if text.lstrip("-").isdigit() else None
    if kind is ColumnKind.DATE:
        day, _, rest = text.partition("/")
        month, _, year = rest.partition("/")
        return f"{year}-{month}-{day}" if year else None
    if kind is ColumnKind.TIME:
        match = _TIME.fullmatch(text)
        return int(match[1]) * 60 + int(match[2] or 0) if match else None
    euros, _, cents = _NOT_MONEY.sub("", text).partition(",")
    try:
        return int(euros or "0") * 100 + (-1 if euros.startswith("-") else 1) * int(cents or "0")
    except ValueError:
        return None


def sort_key(kind: ColumnKind, cell: object) -> tuple[bool, SortValue]:
    """``list.sort`` key: empty cells after the others, never compared with them."""
    value = sort_value(kind, cell)
    return (value is None, value)

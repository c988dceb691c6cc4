"""Cell values read the way people type them in French spreadsheets.

Each ``parse_*`` function takes one cell (text, number, date...) and returns
the stored value, or raises :class:`ValueProblem` whose ``problem`` completes
a sentence such as « date d'adhésion *illisible* (31/02/2024) ».
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from conseil_desktop.db.models import College, Designation, Seat, Sex
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import identifiers
from conseil_desktop.services.formatting import MONTHS
from conseil_desktop.services.text import fold

Cell = str | int | float | bool | date | datetime | time | timedelta | None

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug kept)
FIRST_YEAR, LAST_YEAR = 1900, 2100
_MAX_SERIAL = (date(LAST_YEAR, 12, 31) - EXCEL_EPOCH).days
# Byte-order marks left inside joined files, zero-width spaces pasted from the web.
_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060")


class ValueProblem(Exception):
    """A cell that cannot be read: ``problem`` is « illisible », « invalide »..."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def cell_text(cell: Cell) -> str:
    """The text a person sees: ``31200.0`` -> ``"31200"``, blanks squeezed."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "oui" if cell else "non"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.strftime("%d/%m/%Y %H:%M") if cell.time() != time() else f"{cell:%d/%m/%Y}"
    if isinstance(cell, date):
        return f"{cell:%d/%m/%Y}"
    return " ".join(str(cell).translate(_INVISIBLE).split())


# --- dates -------------------------------------------------------------------------

_MONTH_NUMBERS = {fold(name): number for number, name in enumerate(MONTHS, 1)} | {
    "fevr": 2, "fev": 2, "janv": 1, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12, "aout": 8,
}
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_WORDS_DATE = re.compile(r"(\d{1,2})(?:er)? ([a-z]+) (\d{4})")
_SERIAL = re.compile(r"\d{1,5}(?:\.0+)?")


def excel_serial_to_date(serial: float) -> date:
    """Excel's day number (1900 system) -> date; the time of day is dropped."""
    if not 1 <= int(serial) <= _MAX_SERIAL:
        raise ValueProblem("illisible")
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(cell: Cell, *, today: date) -> date:
    """A date cell, an Excel serial number, or text such as ``12/03/2024``,
    ``1/3/24``, ``2024-03-12`` or ``12 mars 2024``."""
    if isinstance(cell, datetime):
        return _in_range(cell.date())
    if isinstance(cell, date):
        return _in_range(cell)
    if isinstance(cell, bool):
        raise ValueProblem("illisible")
    if isinstance(cell, int | float):
        return _in_range(excel_serial_to_date(cell))
    return _in_range(_parse_date_text(cell_text(cell), today))


def _parse_date_text(text: str, today: date) -> date:
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        return _make_date(_full_year(year, match.group(3), today), month, day)
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _make_date(year, month, day)
    if match := _WORDS_DATE.fullmatch(fold(text).replace(".", "")):
        month_number = _MONTH_NUMBERS.get(match.group(2))
        if month_number is None:
            raise ValueProblem("illisible")
        return _make_date(int(match.group(3)), month_number, int(match.group(1)))
    if _SERIAL.fullmatch(text):  # a date column that lost its format in a CSV export
        return excel_serial_to_date(float(text))
    raise ValueProblem("illisible")


def _full_year(year: int, typed: str, today: date) -> int:
    """Two digits: this century up to this year, the last one after (``45`` -> 1945)."""
    if len(typed) == 4:
        return year
    century = today.year // 100 * 100
    return century + year if year <= today.year % 100 else century - 100 + year


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueProblem("illisible") from exc


def _in_range(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueProblem("illisible")
    return value


def parse_birth_date(cell: Cell, *, today: date) -> date:
    born = parse_date(cell, today=today)
    if born > today:
        raise ValueProblem("dans le futur")
    return born


# --- closed lists --------------------------------------------------------------------

_SEXES = {
    Sex.MALE: ("m", "mr", "m.", "monsieur", "h", "homme", "masculin", "garcon", "msieur"),
    Sex.FEMALE: (
        "f", "mme", "madame", "mlle", "mademoiselle", "melle", "femme", "feminin", "fille",
    ),
}
_SEX_WORDS = {fold(word).replace(".", ""): sex for sex, words in _SEXES.items() for word in words}
_SEX_UNSTATED = frozenset({"autre", "non binaire", "nsp", "x", "non precise", "neutre"})


def parse_sex(cell: Cell) -> Sex | None:
    """From sex or civility; an unstated or other answer is kept as none."""
    key = fold(cell_text(cell)).replace(".", "")
    if key in _SEX_WORDS:
        return _SEX_WORDS[key]
    if key in _SEX_UNSTATED:
        return None
    raise ValueProblem("non reconnu")


_COLLEGE_WORDS = (
    (College.RESIDENTS, ("habitant", "resident", "college 1", "1")),
    (College.LOCAL_ACTORS, (
        "acteur", "association", "asso", "structure", "partenaire", "college 2", "2",
        "local", "locaux",
    )),
)


def parse_college(cell: Cell) -> College:
    """``Habitants``, ``Collège des habitants``, ``Associations et acteurs locaux``, ``2``..."""
    key = fold(cell_text(cell)).replace(".", "")
    for college, words in _COLLEGE_WORDS:
        if any(key == word or (len(word) > 2 and word in key) for word in words):
            return college
    raise ValueProblem("non reconnu")


def parse_seat(cell: Cell) -> Seat | None:
    """``Titulaire``/``T``, ``Suppléant``/``S``; ``actif`` says nothing about the seat."""
    key = fold(cell_text(cell)).replace(".", "")
    if key in ("t", "tit", "titulaire", "membre titulaire", "titulaires"):
        return Seat.TITULAIRE
    if key in ("s", "sup", "supp", "suppl", "suppleant", "suppleante", "membre suppleant"):
        return Seat.SUPPLEANT
    if key in ("actif", "active", "membre", "oui"):
        return None
    raise ValueProblem("non reconnu")


def parse_designation(cell: Cell) -> Designation:
    key = fold(cell_text(cell))
    if "tirage" in key or "tire" in key or key in ("tas", "sort"):
        return Designation.DRAWN_BY_LOT
    if "volont" in key or "candidat" in key or "spontane" in key:
        return Designation.VOLUNTEER
    if "design" in key or "structure" in key or "association" in key:
        return Designation.DESIGNATED_BY_STRUCTURE
    if key == "autre":
        return Designation.OTHER
    raise ValueProblem("non reconnu")


# --- contact details --------------------------------------------------------------------


def parse_phone(cell: Cell) -> str:
    """E.164; a number cell that lost its leading 0 (``612345678``) gets it back."""
    text = cell_text(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool) and len(text) == 9:
        text = "0" + text
    try:
        return identifiers.normalise_phone(text)
    except InvalidInputError as exc:
        raise ValueProblem("invalide") from exc


def parse_email(cell: Cell) -> str:
    text = cell_text(cell).removeprefix("mailto:")
    try:
        return identifiers.normalise_email(text)
    except InvalidInputError as exc:
        raise ValueProblem("invalide") from exc


def parse_postcode(cell: Cell) -> str:
    """Five digits; a number cell that lost its leading 0 (``1000``) gets it back."""
    text = cell_text(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool) and len(text) == 4:
        text = "0" + text
    try:
        return identifiers.normalise_postcode(text)
    except InvalidInputError as exc:
        raise ValueProblem("invalide") from exc


# --- names ---------------------------------------------------------------------------


def _is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_full_name(text: str, *, last_first: bool) -> tuple[str, str]:
    """``"DUPONT Jean"`` or ``"Jean DUPONT"`` -> ``("DUPONT", "Jean")``.

    Capitals at either end are the last name (``"Marie-Claire LE GOFF"``);
    otherwise the column's order decides and the last name is one word.
    """
    words = text.split()
    capitals = [_is_capitals(word) for word in words]
    if len(words) < 2:
        return text.strip(), ""
    if any(capitals) and not all(capitals):
        if capitals[0]:  # "LE GOFF Marie-Claire"
            split = capitals.index(False)
            return " ".join(words[:split]), " ".join(words[split:])
        if capitals[-1]:  # "Marie-Claire LE GOFF"
            split = len(words) - capitals[::-1].index(False)
            return " ".join(words[split:]), " ".join(words[:split])
    if last_first:
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])

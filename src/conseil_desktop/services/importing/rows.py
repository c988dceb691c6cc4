"""Rows of cells -> member values, one row at a time, with the reasons a row is refused
and the warnings about values left out.

Only mapped columns are read; a row whose mapped cells are all blank is
skipped (numbered blank rows of a template, spacing rows). Several columns
may feed one field: street number and street make the address, a second
phone column is used when the first is blank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from conseil_desktop.services.importing import values as cells
from conseil_desktop.services.importing.headers import FIELD_LABELS, Column, Field
from conseil_desktop.services.importing.matching import Value, Values
from conseil_desktop.services.importing.values import Cell, ValueProblem

_JOINED = {Field.ADDRESS_LINE1: " ", Field.ADDRESS_LINE2: ", "}
# An optional value that cannot be read does not refuse the member: it is left out,
# with a note, as if the cell were blank (a number the forms would refuse must not be
# stored either; a new member without a joining date joins on the import's day, an
# existing one keeps theirs). A college, seat or designation that cannot be read refuses
# the row: left blank, it would take a default that places the member wrongly in the
# council's composition. A row without a name is refused too.
_LEFT_OUT_WHEN_BAD = frozenset({
    Field.PHONE, Field.EMAIL, Field.BIRTH_DATE, Field.JOINED_ON, Field.POSTCODE, Field.SEX,
})
_FEMININE = frozenset({Field.BIRTH_DATE, Field.JOINED_ON})  # « date …, non reprise »
_TEXT_LIMITS = {
    Field.LAST_NAME: 120, Field.FIRST_NAME: 120, Field.ADDRESS_LINE1: 200,
    Field.ADDRESS_LINE2: 200, Field.CITY: 100, Field.ORGANISATION: 200,
}


@dataclass(frozen=True)
class ParsedRow:
    """One row of the file: its line, the values read, why it is refused (if it is),
    and the bad values left out (« courriel invalide (x@) »)."""

    line: int
    values: Values
    errors: tuple[str, ...] = ()
    left_out: tuple[tuple[Field, str], ...] = ()  # (field, « courriel invalide (x@) »)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The values left out, as said of a row that is imported."""
        return tuple(f"{message}, non reprise" if field in _FEMININE
                     else f"{message}, non repris" for field, message in self.left_out)

    @property
    def problems(self) -> tuple[str, ...]:
        """Everything wrong with a refused row, so that one correction of the file
        fixes it all: why it is refused, then the bad values it also has."""
        return self.errors + tuple(message for _field, message in self.left_out)


def _text(cell: Cell) -> str:
    return cells.cell_text(cell)


def _filled(cell: Cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or (not cell.isspace() and cell != ""))


def _parsers(today: date) -> dict[Field, Callable[[Cell], Value | None]]:
    return {
        Field.SEX: cells.parse_sex,
        Field.BIRTH_DATE: lambda cell: cells.parse_birth_date(cell, today=today),
        Field.JOINED_ON: lambda cell: cells.parse_date(cell, today=today),
        Field.EMAIL: cells.parse_email,
        Field.PHONE: cells.parse_phone,
        Field.POSTCODE: cells.parse_postcode,
        Field.COLLEGE: cells.parse_college,
        Field.SEAT: cells.parse_seat,
        Field.DESIGNATION: cells.parse_designation,
    }


def parse_rows(
    rows: Sequence[Sequence[Cell]], columns: Sequence[Column], first: int, today: date
) -> list[ParsedRow]:
    """Rows from index ``first`` on (below the header); line numbers start at 1."""
    mapped = [(c.index, c.field) for c in columns if c.field is not None]
    parsers = _parsers(today)
    parsed = []
    for index in range(first, len(rows)):
        row = rows[index]
        given = [(field, row[i]) for i, field in mapped if i < len(row) and _filled(row[i])]
        if given:
            parsed.append(_parse_row(index + 1, given, parsers))
    return parsed


def _parse_row(
    line: int, given: list[tuple[Field, Cell]],
    parsers: dict[Field, Callable[[Cell], Value | None]],
) -> ParsedRow:
    values: Values = {}
    errors: list[str] = []
    left_out: list[tuple[Field, str]] = []
    for field, cell in given:
        parser = parsers.get(field)
        if parser is None:
            _add_text(values, field, _text(cell))
            continue
        if str(field) in values:
            continue  # a second column for the same field: the first one wins
        try:
            value = parser(cell)
        except ValueProblem as problem:
            message = f"{FIELD_LABELS[field]} {problem.problem} ({_text(cell)})"
            if field in _LEFT_OUT_WHEN_BAD:
                left_out.append((field, message))
            else:
                errors.append(message)
            continue
        if value is not None:
            values[str(field)] = value
    _split_full_names(values)
    if not values.get("last_name"):
        errors.insert(0, "nom manquant")
    return ParsedRow(line, values, tuple(errors), tuple(left_out))


def _add_text(values: Values, field: Field, text: str) -> None:
    key = str(field)
    previous = values.get(key)
    if previous is None:
        values[key] = text[: _TEXT_LIMITS.get(field, 200)]
    elif field in _JOINED:
        joined = f"{previous}{_JOINED[field]}{text}"
        values[key] = joined[: _TEXT_LIMITS[field]]


def _split_full_names(values: Values) -> None:
    """A "Nom Prénom" column gives the names unless separate columns already did."""
    for field, last_first in ((Field.NAME_LAST_FIRST, True), (Field.NAME_FIRST_LAST, False)):
        full = values.pop(str(field), None)
        if full is None:
            continue
        last, first = cells.split_full_name(str(full), last_first=last_first)
        values.setdefault("last_name", last[:120])
        if first:
            values.setdefault("first_name", first[:120])

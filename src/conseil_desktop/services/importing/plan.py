"""The dry run: what an import would do, row by row, without writing anything.

:func:`plan_import` reads the file, finds the header row and the columns,
reads every row and compares it with the base. The :class:`ImportPlan` it
returns holds everything a preview needs: the file's kind, encoding and
sheet, each column with the field it feeds (or why it is ignored), and per
row the action (*à créer*, *à mettre à jour*, *inchangé*, *en erreur*) with
its reason and, for an update, each field's old and new value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.formatting import fmt_date, fmt_phone, plural
from conseil_desktop.services.importing.headers import (
    FIELD_LABELS,
    NAME_FIELDS,
    Column,
    Field,
    chosen_columns,
    find_header_row,
    guess_columns,
)
from conseil_desktop.services.importing.matching import (
    Group,
    Value,
    Values,
    group_rows,
    load_existing,
    same_value,
)
from conseil_desktop.services.importing.reading import FileKind, Table, read_table
from conseil_desktop.services.importing.rows import ParsedRow, parse_rows
from conseil_desktop.services.labels import COLLEGE, DESIGNATION, SEAT, SEX

MAX_LISTED_ERRORS = 20


class RowAction(StrEnum):
    CREATE = "à créer"
    UPDATE = "à mettre à jour"
    UNCHANGED = "inchangé"
    ERROR = "en erreur"


@dataclass(frozen=True)
class FieldChange:
    """One field an update changes (``old`` is None when it fills a blank)."""

    field: str
    old: Value | None
    new: Value

    @property
    def label(self) -> str:
        return FIELD_LABELS[Field(self.field)]

    def describe(self) -> str:
        if self.old is None:
            return f"{self.label} : {show_value(self.field, self.new)}"
        return (f"{self.label} : {show_value(self.field, self.old)} → "
                f"{show_value(self.field, self.new)}")


@dataclass(frozen=True)
class RowPlan:
    """What the import does with one row of the file, and why."""

    line: int
    action: RowAction
    reason: str
    values: Values
    person_id: int | None = None  # the existing person updated or left unchanged
    changes: tuple[FieldChange, ...] = ()
    merged_into: int | None = None  # the line of the same person earlier in the file
    warnings: tuple[str, ...] = ()  # values left out of a row that is imported

    @property
    def message(self) -> str:
        return f"ligne {self.line} : {self.reason}"

    @property
    def warning_message(self) -> str:
        return f"ligne {self.line} : " + " ; ".join(self.warnings) if self.warnings else ""


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do: the file as read, its columns, each row's action.

    ``parsed`` keeps the rows as read, so that :func:`apply_import` can compare
    them with the base again in its own transaction.
    """

    source: Path
    kind: FileKind
    sheet: str
    sheet_names: tuple[str, ...]
    encoding: str | None
    delimiter: str | None
    header_line: int
    columns: tuple[Column, ...]
    rows: tuple[RowPlan, ...]
    parsed: tuple[ParsedRow, ...] = field(repr=False)

    def count(self, action: RowAction) -> int:
        return sum(1 for row in self.rows if row.action is action)

    @property
    def counts(self) -> dict[RowAction, int]:
        found = Counter(row.action for row in self.rows)
        return {action: found[action] for action in RowAction}

    @property
    def all_in_error(self) -> bool:
        return bool(self.rows) and self.count(RowAction.ERROR) == len(self.rows)

    @property
    def ignored_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.field is None and c.header)

    def summary(self) -> str:
        return summary_line(self.counts)

    def problem_messages(self, limit: int = MAX_LISTED_ERRORS) -> list[str]:
        """Rows in error first, then values left out of imported rows; at most ``limit``."""
        problems = [row.message for row in self.rows if row.action is RowAction.ERROR]
        problems += [row.warning_message for row in self.rows
                     if row.warnings and row.action is not RowAction.ERROR]
        if len(problems) > limit:
            rest = len(problems) - limit
            return [*problems[:limit], f"… et {plural(rest, 'autre remarque', 'autres remarques')} sur d'autres lignes"]
        return problems


def summary_line(counts: Mapping[RowAction, int]) -> str:
    """``120 à créer, 3 à mettre à jour, 0 inchangé, 2 en erreur``."""
    unchanged = counts.get(RowAction.UNCHANGED, 0)
    return (f"{counts.get(RowAction.CREATE, 0)} à créer, "
            f"{counts.get(RowAction.UPDATE, 0)} à mettre à jour, "
            f"{unchanged} inchangé{'s' if unchanged > 1 else ''}, "
            f"{counts.get(RowAction.ERROR, 0)} en erreur")



def done_line(counts: Mapping[RowAction, int]) -> str:
    """The same counts once the import is written: ``120 créés, 3 mis à jour, 0 inchangé,
    2 en erreur``."""
    created, unchanged = counts.get(RowAction.CREATE, 0), counts.get(RowAction.UNCHANGED, 0)
    return (f"{plural(created, 'créé', 'créés')}, "
            f"{counts.get(RowAction.UPDATE, 0)} mis à jour, "
            f"{plural(unchanged, 'inchangé', 'inchangés')}, "
            f"{counts.get(RowAction.ERROR, 0)} en erreur")

_VALUE_LABELS: dict[str, Mapping[Any, str]] = {
    "sex": SEX, "college": COLLEGE, "seat": SEAT, "designation": DESIGNATION,
}


def show_value(name: str, value: Value | None) -> str:
    """A value as the preview shows it (dates and phones the French way)."""
    if value is None:
        return "(vide)"
    if isinstance(value, date):
        return fmt_date(value)
    labels = _VALUE_LABELS.get(name)
    if labels is not None:
        return labels.get(value, str(value))
    return fmt_phone(value) if name == "phone" else str(value)


@dataclass(frozen=True)
class PreparedRows:
    """A file's rows read as members, before any comparison with the base."""

    table: Table
    header_line: int
    columns: tuple[Column, ...]
    parsed: tuple[ParsedRow, ...]


def plan_import(
    session: Session, path: str | Path, sheet: str | None = None,
    mapping: Mapping[int, Field | None] | None = None, *,
    header_line: int | None = None, today: date | None = None,
) -> ImportPlan:
    """Read the file and say what importing it would do; nothing is written."""
    return plan_table(session, read_table(path, sheet), mapping, header_line=header_line,
                      today=today)


def plan_table(
    session: Session, table: Table, mapping: Mapping[int, Field | None] | None = None, *,
    header_line: int | None = None, today: date | None = None,
) -> ImportPlan:
    """The plan for a file already read."""
    return plan_rows(session, prepare_rows(table, mapping, header_line=header_line, today=today))


def prepare_rows(
    table: Table, mapping: Mapping[int, Field | None] | None = None, *,
    header_line: int | None = None, today: date | None = None,
) -> PreparedRows:
    """Find the header and the columns, read every row: all a file's problems show here,
    before the base is opened (the CLI does so)."""
    header = _header_index(table, mapping, header_line)
    headers = table.rows[header]
    columns = chosen_columns(headers, mapping) if mapping is not None else guess_columns(headers)
    _require_names(table, columns, header)
    parsed = parse_rows(table.rows, columns, header + 1, today or date.today())
    if not parsed:
        raise InvalidInputError(
            f"La feuille « {table.sheet} » de « {table.path.name} » n'a aucune ligne de "
            f"membre sous la ligne de titres (ligne {header + 1})."
        )
    return PreparedRows(table, header + 1, tuple(columns), tuple(parsed))


def plan_rows(session: Session, prepared: PreparedRows) -> ImportPlan:
    """Compare prepared rows with the base."""
    table = prepared.table
    return ImportPlan(
        table.path, table.kind, table.sheet, table.sheet_names, table.encoding,
        table.delimiter, prepared.header_line, prepared.columns,
        tuple(decide(session, prepared.parsed)), prepared.parsed,
    )


def _header_index(
    table: Table, mapping: Mapping[int, Field | None] | None, header_line: int | None
) -> int:
    if header_line is not None:
        if not 1 <= header_line <= len(table.rows):
            raise InvalidInputError(
                f"La ligne de titres {header_line} n'existe pas dans la feuille « {table.sheet} »."
            )
        return header_line - 1
    found = find_header_row(table.rows)
    if found is None and mapping is not None:
        found = next((i for i, row in enumerate(table.rows) if any(_filled(c) for c in row)),
                     None)
    if found is None:
        raise InvalidInputError(
            f"Aucune colonne reconnue dans la feuille « {table.sheet} » de « {table.path.name} » : "
            "la ligne de titres doit contenir par exemple Nom, Prénom, Courriel, Téléphone."
        )
    return found


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _require_names(table: Table, columns: Iterable[Column], header: int) -> None:
    columns = list(columns)
    if any(c.field in NAME_FIELDS for c in columns):
        return
    titles = ", ".join(f"« {c.header} »" for c in columns if c.header) or "aucun"
    raise InvalidInputError(
        f"Aucune colonne de nom dans la feuille « {table.sheet} » de « {table.path.name} » "
        f"(titres de la ligne {header + 1} : {titles}). Il faut au moins une colonne « Nom »."
    )


def decide(session: Session, parsed: Iterable[ParsedRow]) -> list[RowPlan]:
    """Compare the rows with the base (loaded once) and with each other."""
    parsed = list(parsed)
    valid = [(row.line, row.values) for row in parsed if not row.errors]
    groups = group_rows(valid, load_existing(session))
    plans = {row.line: RowPlan(row.line, RowAction.ERROR, " ; ".join(row.problems), row.values)
             for row in parsed if row.errors}
    by_line = {row.line: row for row in parsed}
    for group in groups:
        plans[group.lead] = replace(_lead_plan(group), warnings=by_line[group.lead].warnings)
        for line, note in group.merged.items():
            plans[line] = RowPlan(line, RowAction.UNCHANGED, note, by_line[line].values,
                                  merged_into=group.lead, warnings=by_line[line].warnings)
    return [plans[line] for line in sorted(plans)]


def _lead_plan(group: Group) -> RowPlan:
    person = group.person
    if person is None:
        return RowPlan(group.lead, RowAction.CREATE, "nouveau membre", group.values)
    changes = tuple(
        FieldChange(name, person.values.get(name), value)
        for name, value in group.values.items()
        if not same_value(name, person.values.get(name), value)
    )
    who = f"{person.label} (n° {person.person_id}, {group.reason})"
    if not person.is_member:
        reason = f"devient membre : {who}"
        return RowPlan(group.lead, RowAction.UPDATE, _with_changes(reason, changes),
                       group.values, person.person_id, changes)
    if not changes:
        return RowPlan(group.lead, RowAction.UNCHANGED, f"déjà à jour : {who}", group.values,
                       person.person_id)
    return RowPlan(group.lead, RowAction.UPDATE, _with_changes(f"mise à jour de {who}", changes),
                   group.values, person.person_id, changes)


def _with_changes(reason: str, changes: tuple[FieldChange, ...]) -> str:
    if not changes:
        return reason
    return f"{reason} ; " + " ; ".join(change.describe() for change in changes)

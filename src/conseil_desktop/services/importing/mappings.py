"""Named column mappings, kept for the next import of a file of the same kind.

They live in ``import_mappings.json`` in the data folder (not in the Qt
settings: the command line and the tests use them too). A mapping remembers
each column by its title and its position: applied to another file, a
column is found by its (folded) title first, then by its position when the
title is absent and that column is untitled.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from conseil_desktop import paths
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.services.importing.headers import Column, Field, header_tokens

MAPPINGS_FILE = "import_mappings.json"


@dataclass(frozen=True)
class SavedColumn:
    index: int
    header: str
    field: Field | None


@dataclass(frozen=True)
class SavedMapping:
    name: str
    columns: tuple[SavedColumn, ...]

    def for_headers(self, headers: Sequence[object]) -> dict[int, Field | None]:
        """The mapping (column index -> field) to pass to ``plan_import`` for this file."""
        by_title = {_title_key(h): i for i, h in enumerate(headers) if _title_key(h)}
        mapping: dict[int, Field | None] = {}
        for saved in self.columns:
            index = by_title.get(_title_key(saved.header)) if saved.header else None
            if index is None and 0 <= saved.index < len(headers) and not _title_key(
                headers[saved.index]
            ):
                index = saved.index
            if index is not None and index not in mapping:
                mapping[index] = saved.field
        return mapping

    def fits(self, headers: Sequence[object]) -> bool:
        """Whether it was saved for a file with these very column titles (order, case and
        accents aside): the wizard then applies it by itself."""
        saved = {_title_key(c.header) for c in self.columns} - {""}
        return bool(saved) and saved == {_title_key(h) for h in headers} - {""}


def fitting_mapping(mappings: Mapping[str, SavedMapping],
                    headers: Sequence[object]) -> SavedMapping | None:
    """The saved mapping made for a file with these titles (the first by name), if any."""
    return next((mappings[name] for name in sorted(mappings)
                 if mappings[name].fits(headers)), None)


def _title_key(header: object) -> str:
    return " ".join(header_tokens(header))


def mappings_path() -> Path:
    return paths.data_dir() / MAPPINGS_FILE


def load_mappings() -> dict[str, SavedMapping]:
    """Every saved mapping by name (an unreadable file is reported, not ignored)."""
    path = mappings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: _from_json(name, entry) for name, entry in data["mappings"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(
            f"Le fichier des correspondances d'import est illisible ({path})."
        ) from exc


def save_mapping(name: str, columns: Iterable[Column]) -> SavedMapping:
    """Save (or replace) a mapping under ``name``, from the columns of a plan."""
    label = name.strip()
    if not label:
        raise InvalidInputError("Donnez un nom à cette correspondance de colonnes.")
    saved = SavedMapping(
        label, tuple(SavedColumn(c.index, c.header, c.field) for c in columns)
    )
    mappings = load_mappings()
    mappings[label] = saved
    _write(mappings)
    return saved


def delete_mapping(name: str) -> None:
    mappings = load_mappings()
    if mappings.pop(name, None) is not None:
        _write(mappings)


def _from_json(name: str, entry: Mapping[str, object]) -> SavedMapping:
    columns = entry["columns"]
    if not isinstance(columns, list):
        raise TypeError("columns")
    return SavedMapping(name, tuple(
        SavedColumn(int(c["index"]), str(c["header"]), Field(c["field"]) if c["field"] else None)
        for c in columns
    ))


def _write(mappings: Mapping[str, SavedMapping]) -> None:
    data = {"version": 1, "mappings": {
        name: {"columns": [
            {"index": c.index, "header": c.header, "field": c.field.value if c.field else None}
            for c in saved.columns
        ]}
        for name, saved in mappings.items()
    }}
    path = mappings_path()
    partial = path.with_suffix(".partial")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        raise UserError(
            f"Impossible d'enregistrer la correspondance ({path}) : {exc.strerror}."
        ) from exc

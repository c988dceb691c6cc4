"""Importing members from the spreadsheets councils keep (.xlsx, .xls, .ods, CSV).

Two steps, as in the wizard: :func:`plan_import` reads the file and says what
would happen to each row without writing anything; :func:`apply_import`
writes it in the caller's transaction and records it so that
:func:`undo_last_import` can take it back. Modules, in reading order:
``reading`` (files -> rows), ``encodings``, ``headers`` (column titles),
``values`` (cells), ``rows``, ``matching`` (duplicates), ``plan``, ``apply``,
``undo`` and ``mappings`` (named column mappings).
"""

from conseil_desktop.services.importing.apply import ImportResult, apply_import
from conseil_desktop.services.importing.headers import (
    FIELD_LABELS,
    Column,
    ColumnStatus,
    Field,
)
from conseil_desktop.services.importing.mappings import (
    SavedMapping,
    delete_mapping,
    fitting_mapping,
    load_mappings,
    save_mapping,
)
from conseil_desktop.services.importing.plan import (
    FieldChange,
    ImportPlan,
    PreparedRows,
    RowAction,
    RowPlan,
    plan_import,
    plan_rows,
    plan_table,
    prepare_rows,
)
from conseil_desktop.services.importing.reading import FileKind, Table, read_table
from conseil_desktop.services.importing.undo import UndoResult, undo_last_import

__all__ = [
    "FIELD_LABELS", "Column", "ColumnStatus", "Field", "FieldChange", "FileKind", "ImportPlan",
    "ImportResult", "PreparedRows", "RowAction", "RowPlan", "SavedMapping", "Table",
    "UndoResult", "apply_import", "delete_mapping", "fitting_mapping", "load_mappings",
    "plan_import", "plan_rows", "plan_table", "prepare_rows", "read_table", "save_mapping",
    "undo_last_import",
]

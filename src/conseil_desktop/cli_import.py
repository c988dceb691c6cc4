"""``conseil-desktop import members FILE [--dry-run] [--sheet NAME]`` and ``import undo``.

The file is read and checked before the base is opened, so a bad file (not
a table, damaged, unreadable encoding, no recognisable column) is refused
with exit code 2 and the base is not even touched. Rows in error are listed
and skipped; the import goes on with the others (exit 0), unless every row
is in error (exit 2, nothing written). ``--dry-run`` opens the base
read-only and writes nothing. When the undo record of an import cannot be
written, the import is saved but the user is told that ``import undo`` will
not be available; ``import undo`` lists the people it kept because they were
edited or used since the import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from conseil_desktop import paths
from conseil_desktop.errors import InvalidInputError

if TYPE_CHECKING:  # imported when a verb runs, so that the other verbs start quickly
    from conseil_desktop.services.importing import ImportPlan, PreparedRows

DRY_RUN_NOTE = "Simulation : rien n'a été enregistré."
SAVED_NOTE = "Import enregistré."
NOTHING_NOTE = (
    "Rien à enregistrer : les membres du fichier étaient déjà à jour. « import undo » "
    "annulerait l'import précédent."
)
NO_UNDO_NOTE = (
    "Attention : le journal d'annulation n'a pas pu être enregistré, cet import ne pourra "
    "pas être annulé avec « import undo » (ni aucun import précédent)."
)


def add_import_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    command = sub.add_parser("import", help="importe des membres depuis un tableur ou un CSV")
    targets = command.add_subparsers(
        dest="import_target", required=True, metavar="{members,undo}",
        parser_class=type(command),
    )
    members = targets.add_parser(
        "members", parents=[common],
        help="importe les membres d'un fichier .xlsx, .xls, .ods, .csv ou .txt",
    )
    members.add_argument("file", type=Path, metavar="FICHIER", help="le fichier à importer")
    members.add_argument("--dry-run", action="store_true",
                         help="montre ce qui serait fait, sans rien enregistrer")
    members.add_argument("--sheet", metavar="FEUILLE",
                         help="la feuille à lire (par défaut : la première qui a des titres)")
    members.set_defaults(func=cmd_import_members)

    undo = targets.add_parser("undo", parents=[common],
                              help="annule le dernier import de membres dans cette base")
    undo.set_defaults(func=cmd_import_undo)


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db or paths.default_db_path()).expanduser().resolve()


def cmd_import_members(args: argparse.Namespace) -> int:
    from conseil_desktop.services.importing import prepare_rows, read_table

    rows = prepare_rows(read_table(args.file, args.sheet))  # before the base is opened
    if args.dry_run:
        return _dry_run(args, rows)
    return _import(args, rows)


def _dry_run(args: argparse.Namespace, rows: PreparedRows) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.services.importing import plan_rows

    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        plan = plan_rows(session, rows)
    _report(plan.summary(), plan)
    print(DRY_RUN_NOTE)
    return 0


def _import(args: argparse.Namespace, rows: PreparedRows) -> int:
    from conseil_desktop.db.engine import open_storage
    from conseil_desktop.services.importing import apply_import, plan_rows
    from conseil_desktop.services.importing.undo import undo_available

    path = _db_path(args)
    # A mistyped --db is refused, as by the dry run, rather than a new base made for the
    # import; open_storage backs the base up first when it changed since the last one.
    storage = open_storage(path, create=False)
    if storage.backup_problem:
        print(f"Attention : la sauvegarde automatique n'a pas pu être faite "
              f"({storage.backup_problem})", file=sys.stderr)
    try:
        with storage.session_scope() as session:
            plan = plan_rows(session, rows)
        if plan.all_in_error:
            _report(plan.summary(), plan)  # raises: nothing to write
        with storage.session_scope() as session:
            result = apply_import(session, plan, path)
    finally:
        storage.close()
    _report(result.done_summary(), plan)  # the same four counts, in the past tense
    print(SAVED_NOTE if result.changed_anything else NOTHING_NOTE)
    if result.changed_anything and (
        result.import_id is None or not undo_available(path, result.import_id)
    ):
        print(NO_UNDO_NOTE)
    return 0


def _report(summary: str, plan: ImportPlan) -> None:
    """The summary line, the ignored columns, then at most 20 rows in error or with
    a value left out."""
    print(summary)
    ignored = [f"« {c.header} » ({c.ignored_because})" for c in plan.ignored_columns]
    if ignored:
        print("Colonnes ignorées : " + ", ".join(ignored) + ".")
    for message in plan.problem_messages():
        print(f"  {message}")
    if plan.all_in_error:
        raise _nothing_importable()


def _nothing_importable() -> InvalidInputError:
    return InvalidInputError(
        "Aucune ligne ne peut être importée : corrigez le fichier puis recommencez."
    )


def cmd_import_undo(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_storage
    from conseil_desktop.services.importing import undo_last_import

    path = _db_path(args)
    storage = open_storage(path, create=False)
    try:
        with storage.session_scope() as session:
            result = undo_last_import(session, path)
    finally:
        storage.close()
    print(result.describe())
    return 0

"""Command-line verbs: demo, check, list (and more as features land).

Every verb prints plain French; a ``UserError`` becomes ``Erreur : …`` on
stderr with a non-zero exit, and a bug is logged, never shown as a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conseil_desktop import paths
from conseil_desktop.errors import CorruptDatabaseError, InvalidInputError, UserError
from conseil_desktop.services.formatting import plural

log = logging.getLogger(__name__)
EXIT_BUG = 70
DEMO_MAX_MEMBERS = 200_000  # twice a city-wide federation: beyond, memory runs out
DEMO_MAX_MEETINGS = 10_000


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    demo = sub.add_parser("demo", parents=[common], help="crée une base de démonstration")
    demo.add_argument("--members", type=int, default=300, help="nombre de membres (300)")
    demo.add_argument("--meetings", type=int, default=40, help="nombre de réunions (40)")
    demo.add_argument("--seed", type=int, default=1, help="graine du tirage (1)")
    demo.add_argument("--force", action="store_true", help="remplace une base existante")
    demo.set_defaults(func=cmd_demo)

    check = sub.add_parser("check", parents=[common], help="vérifie l'intégrité de la base")
    check.set_defaults(func=cmd_check)

    lst = sub.add_parser("list", parents=[common], help="liste les fiches")
    lst.add_argument("entity", choices=["members", "meetings", "projects", "contacts"])
    lst.add_argument("--json", action="store_true", help="sortie JSON")
    lst.set_defaults(func=cmd_list)

    from conseil_desktop import cli_export, cli_import

    cli_export.add_export_commands(sub, common)
    cli_import.add_import_commands(sub, common)


def _db_path(args: argparse.Namespace) -> Path:
    return (args.db or paths.default_db_path()).expanduser().resolve()


def cmd_demo(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_storage
    from conseil_desktop.services import demo

    if args.members < 0 or args.meetings < 0:
        raise InvalidInputError("Les nombres de membres et de réunions doivent être positifs.")
    if args.members > DEMO_MAX_MEMBERS or args.meetings > DEMO_MAX_MEETINGS:
        raise InvalidInputError(
            f"Une base de démonstration compte au plus {DEMO_MAX_MEMBERS:,} membres et "
            f"{DEMO_MAX_MEETINGS:,} réunions.".replace(",", "\u202f"))
    path = _db_path(args)
    if path.exists() and path.stat().st_size:
        if not args.force:
            raise InvalidInputError(
                f"La base « {path} » existe déjà. Choisissez un autre fichier, "
                "ou ajoutez --force pour la remplacer."
            )
        _remove_database(path)
    started = time.perf_counter()
    storage = open_storage(path, backup=False)
    try:
        summary = demo.generate_demo(
            storage, members=args.members, meetings=args.meetings, seed=args.seed
        )
    finally:
        storage.close(backup=False)
    elapsed = time.perf_counter() - started
    print(f"Base de démonstration créée : {path}")
    print(f"  {summary.describe()} — en {elapsed:.1f} s".replace(".", ","))
    return 0


def _remove_database(path: Path) -> None:
    from conseil_desktop.db import backup
    from conseil_desktop.db.engine import FileLock

    lock = FileLock(path)
    lock.acquire()  # refuses if the application has it open
    try:
        try:
            backup.take_backup(path, "avant-demo", keep=backup.read_backups_kept(path))
        except UserError:
            pass  # not a database (nothing worth keeping), or unreadable: replaced anyway
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    finally:
        lock.release()


def cmd_check(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import inspect_file
    from conseil_desktop.db.migrations import HEAD_REVISION

    path = _db_path(args)
    if not path.is_file():
        raise UserError(f"La base « {path} » n'existe pas.")
    revision = inspect_file(path)  # quick check; raises for a damaged file
    problems = _deep_check(path)
    if problems:
        raise CorruptDatabaseError(
            f"La base « {path.name} » a des problèmes : " + " ; ".join(problems[:5]) + "."
        )
    print(f"Base : {path}")
    print(f"Taille : {path.stat().st_size / 1_048_576:.1f} Mo".replace(".", ","))
    state = "à jour" if revision == HEAD_REVISION else f"à mettre à jour vers {HEAD_REVISION}"
    print(f"Révision du schéma : {revision or 'aucune (base vide)'} ({state})")
    print("Intégrité : correcte")
    if revision is not None:
        from conseil_desktop.db.engine import open_readonly
        from conseil_desktop.services.listing import counts

        with open_readonly(path) as storage, storage.session_scope() as session:
            table_counts = counts(session)
        print("Lignes par table :")
        width = max(len(name) for name in table_counts)
        for name, count in table_counts.items():
            print(f"  {name:<{width}}  {count:>9}")
    return 0


def _deep_check(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if integrity == ["ok"] else integrity
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            tables = sorted({row[0] for row in orphans})
            problems.append(
                f"{plural(len(orphans), 'référence orpheline', 'références orphelines')} "
                f"dans {', '.join(tables)}"
            )
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def cmd_list(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.services.listing import listing

    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        result = listing(session, args.entity)
    if args.json:
        json.dump(result.as_dicts(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    headers = [c.header for c in result.columns]
    rows = [[str(v) for v in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    widths = [min(w, 40) for w in widths]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    print(plural(len(rows), "fiche", "fiches"))
    return 0


def run(args: argparse.Namespace) -> int:
    return run_command(args.func, args)


def run_command(func: Callable[..., int | None], *args: object) -> int:
    """Run a verb: a UserError is a plain message, anything else is a logged bug."""
    try:
        return int(func(*args) or 0)
    except UserError as exc:
        print(f"Erreur : {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        problem = _storage_problem(exc)
        if problem is not None:  # disk full, USB key pulled out... while writing
            print(f"Erreur : {problem.message}", file=sys.stderr)
            return problem.exit_code
        log.exception("Unexpected error in a command")
        print(
            f"Erreur inattendue. Le détail est enregistré dans le journal : {paths.log_file()}",
            file=sys.stderr,
        )
        return EXIT_BUG


def _storage_problem(exc: Exception) -> UserError | None:
    if not isinstance(exc, sqlite3.OperationalError) and not type(exc).__module__.startswith(
        "sqlalchemy"
    ):
        return None
    from sqlalchemy.exc import OperationalError

    from conseil_desktop.db.engine import storage_problem

    if not isinstance(exc, OperationalError | sqlite3.OperationalError):
        return None
    problem = storage_problem(exc)
    return problem if isinstance(problem, UserError) else None

"""Composition root: parse the arguments, then run a command or the GUI.

The GUI is imported only when it is used, so that the command-line verbs
start quickly and never load Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conseil_desktop import __version__, paths
from conseil_desktop.logging_setup import setup_logging

# argparse's own words, in French (it looks them up through its module-level ``_``).
_ARGPARSE_FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : %(value)r (possibles : %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "expected one argument": "une valeur est attendue",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
}


@contextmanager
def _french_argparse() -> Iterator[None]:
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: _ARGPARSE_FRENCH.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


# The placeholders shown in the help and usage (argparse would show DB, OUTPUT...).
_METAVARS = {"--db": "FICHIER", "--data-dir": "DOSSIER", "--output": "SORTIE",
             "--year": "ANNÉE", "--members": "N", "--meetings": "N", "--seed": "N"}


class FrenchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _french_argparse():  # group titles and -h's help are set here
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("type") is int:
            kwargs["type"] = _whole_number
        if "metavar" not in kwargs:
            names = [_METAVARS[name] for name in args if name in _METAVARS]
            if names:
                kwargs["metavar"] = names[0]
        return super().add_argument(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        with _french_argparse():
            return super().parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        with _french_argparse():
            return super().format_help()

    def format_usage(self) -> str:
        with _french_argparse():
            return super().format_usage()

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"Erreur : argument invalide ({message}).\n")


_SQLITE_INTEGER = 2**63 - 1


def _whole_number(text: str) -> int:
    """``int``, within what SQLite stores: a number of twenty digits is a typing slip."""
    value = int(text)  # a ValueError is argparse's "valeur invalide"
    if abs(value) > _SQLITE_INTEGER:
        raise argparse.ArgumentTypeError(f"{text!r} est un nombre trop grand")
    return value


def _common_options(default: object) -> argparse.ArgumentParser:
    common = FrenchArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=default,
                        help="fichier de la base (par défaut conseil.db)")
    common.add_argument("--data-dir", type=Path, default=default,
                        help="dossier des données (sauvegardes, journal)")
    return common


def build_parser() -> argparse.ArgumentParser:
    # The verbs accept --db and --data-dir too; SUPPRESS keeps a value given
    # before the verb ("--db x.db check") from being reset by the verb's default.
    common = _common_options(argparse.SUPPRESS)
    parser = FrenchArgumentParser(
        prog="conseil-desktop", parents=[_common_options(None)],
        description="Conseil Desktop : gestion hors ligne d'un conseil citoyen.",
    )
    parser.add_argument("--version", action="version", version=f"Conseil Desktop {__version__}",
                        help="affiche la version et quitte")
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="ouvre la fenêtre, visite chaque onglet puis quitte (0 si tout va bien)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=FrenchArgumentParser)
    from conseil_desktop import cli

    cli.add_commands(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.data_dir:
            paths.set_data_dir(args.data_dir)
        paths.data_dir()  # created now: a bad folder is a plain message, not a traceback
    except OSError as exc:
        print(f"Erreur : impossible d'utiliser le dossier des données ({exc.filename}) : "
              f"{exc.strerror}.", file=sys.stderr)
        return 1
    setup_logging()
    if args.command:
        from conseil_desktop import cli

        return cli.run(args)
    db_path = args.db.expanduser() if args.db else None
    try:
        from conseil_desktop.ui.main import run_gui
    except ImportError as exc:  # Qt's system libraries are missing
        print(f"Erreur : impossible de charger Qt ({exc}).", file=sys.stderr)
        return 1
    return run_gui(db_path, smoke_test=args.smoke_test)

"""Composition root: parse the arguments, then run a command or the GUI.

The GUI is imported only when it is used, so that the command-line verbs
start quickly and never load Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from conseil_desktop import __version__, paths
from conseil_desktop.errors import UserError
from conseil_desktop.logging_setup import setup_logging

log = logging.getLogger(__name__)

EXIT_BUG = 70


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"Erreur : argument invalide ({message}).\n")


def build_parser() -> argparse.ArgumentParser:
    common = FrenchArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help="fichier de la base (par défaut conseil.db)")
    common.add_argument("--data-dir", type=Path, help="dossier des données (sauvegardes, journal)")

    parser = FrenchArgumentParser(
        prog="conseil-desktop", parents=[common],
        description="Conseil Desktop : gestion hors ligne d'un conseil citoyen.",
    )
    parser.add_argument("--version", action="version", version=f"Conseil Desktop {__version__}")
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
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
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

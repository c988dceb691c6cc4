"""``conseil-desktop export signin-sheet|convocations|labels|dossier --meeting ID -o FILE``.

* ``signin-sheet``: the feuille d'émargement, .pdf or .xlsx, with
  ``--blank-rows N``, ``--landscape``, ``--group-by-college``, ``--arrival-column``
  and ``--with-attendance`` (the archive copy);
* ``convocations``: one letter per invitee (.pdf), ``--skip-email`` leaving out
  those who receive their convocations by e-mail;
* ``labels``: A4 sheets of 3 x 8 address labels (.pdf), same ``--skip-email``;
* ``dossier``: the dossier de séance (.pdf), ``--every-letter`` for all letters.

As for the other exports the database is opened read-only and reportlab and
openpyxl are imported only to write. A bad meeting number or file extension
is refused with a French message and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from conseil_desktop import paths
from conseil_desktop.errors import InvalidInputError


def add_document_commands(
    export_subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    """Add ``signin-sheet``, ``convocations``, ``labels`` and ``dossier`` to ``export``."""
    sheet = _verb(export_subparsers, common, "signin-sheet",
                  "feuille d'émargement d'une réunion (.pdf ou .xlsx)", ".pdf ou .xlsx")
    sheet.add_argument("--blank-rows", type=int, default=10, metavar="N",
                       help="lignes vierges numérotées pour les personnes non inscrites (10)")
    sheet.add_argument("--landscape", action="store_true", help="page A4 à l'italienne")
    sheet.add_argument("--group-by-college", action="store_true",
                       help="regroupe les lignes par collège (les numéros restent les mêmes)")
    sheet.add_argument("--columns", metavar="a,b,c",
                       help="colonnes, dans l'ordre, séparées par des virgules : number, "
                            "last_name, first_name, college, proxy, arrival, signature (par "
                            "défaut : number,last_name,first_name,college,proxy,signature)")
    sheet.add_argument("--arrival-column", action="store_true",
                       help="ajoute une colonne pour l'heure d'arrivée")
    sheet.add_argument("--with-attendance", action="store_true",
                       help="exemplaire d'archive : présences et pouvoirs enregistrés")
    sheet.set_defaults(func=cmd_signin_sheet)

    letters = _verb(export_subparsers, common, "convocations",
                    "convocations d'une réunion, une lettre par personne invitée (.pdf)", ".pdf")
    letters.add_argument("--skip-email", action="store_true",
                         help="sans les personnes convoquées par courriel")
    letters.set_defaults(func=cmd_convocations)

    labels = _verb(export_subparsers, common, "labels",
                   "étiquettes d'adresses des personnes invitées, 3 × 8 par page A4 (.pdf)",
                   ".pdf")
    labels.add_argument("--skip-email", action="store_true",
                        help="sans les personnes convoquées par courriel")
    labels.set_defaults(func=cmd_labels)

    dossier = _verb(export_subparsers, common, "dossier",
                    "dossier de séance : convocation, émargement avec les présences et "
                    "procès-verbal (.pdf)", ".pdf")
    dossier.add_argument("--every-letter", action="store_true",
                         help="toutes les lettres de convocation (par défaut : le modèle)")
    dossier.set_defaults(func=cmd_dossier)


def _verb(subparsers: Any, common: argparse.ArgumentParser, name: str, help_text: str,
          formats: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(name, parents=[common],
                                                            help=help_text)
    parser.add_argument("--meeting", type=int, required=True, metavar="N°",
                        help="numéro de la réunion (voir « conseil-desktop list meetings »)")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help=f"fichier à écrire : {formats}")
    return parser


def _read(args: argparse.Namespace, *, addresses: bool) -> tuple[Any, Any, str]:
    """The meeting's snapshot, and its invitees' addresses and the sender's if asked."""
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.db.models import Meeting
    from conseil_desktop.services.meeting_addresses import (
        council_address,
        invitee_addresses,
    )
    from conseil_desktop.services.meeting_snapshot import meeting_snapshot

    db = Path(args.db or paths.default_db_path()).expanduser().resolve()
    with open_readonly(db) as storage, storage.session_scope() as session:
        if session.get(Meeting, args.meeting) is None:
            raise InvalidInputError(
                f"La réunion n° {args.meeting} n'existe pas dans cette base. Les numéros "
                "des réunions sont donnés par « conseil-desktop list meetings ».")
        snapshot = meeting_snapshot(session, args.meeting)
        if not addresses:
            return snapshot, {}, ""
        return snapshot, invitee_addresses(session, args.meeting), council_address(session)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def cmd_signin_sheet(args: argparse.Namespace) -> int:
    from conseil_desktop.export.files import output_format
    from conseil_desktop.export.signin_rows import DEFAULT_COLUMNS, SigninOptions

    output = Path(args.output)
    kind = output_format(output, ("pdf", "xlsx"), "la feuille d'émargement")
    options = SigninOptions(blank_rows=args.blank_rows, landscape=args.landscape,
                            group_by_college=args.group_by_college,
                            arrival_column=args.arrival_column,
                            columns=tuple(args.columns.split(",")) if args.columns
                            else DEFAULT_COLUMNS,
                            with_attendance=args.with_attendance)
    options.keys()  # checks the options before reading anything
    snapshot, _addresses, _sender = _read(args, addresses=False)
    if not snapshot.invitees:
        if not options.blank_rows:
            raise InvalidInputError(
                f"La réunion n° {args.meeting} n'a aucun invité : sans lignes vierges, la "
                "feuille d'émargement serait vide. Invitez d'abord les membres (fenêtre de "
                "la réunion, « Inviter… »).")
        print(f"Attention : la réunion n° {args.meeting} n'a aucun invité ; la feuille ne "
              f"compte que {_plural(options.blank_rows, 'ligne')} vierge"
              f"{'s' if options.blank_rows > 1 else ''}.", file=sys.stderr)
    if kind == "pdf":
        from conseil_desktop.export.pdf.signin_sheet import write_signin_sheet_pdf

        write_signin_sheet_pdf(output, snapshot, options)
    else:
        from conseil_desktop.export.xlsx.signin_sheet import write_signin_sheet_xlsx

        write_signin_sheet_xlsx(output, snapshot, options)
    count = len(snapshot.invitees)
    print(f"Fichier écrit : {output} (feuille d'émargement, {_plural(count, 'personne')} "
          f"invitée{'s' if count > 1 else ''})")
    return 0


def cmd_convocations(args: argparse.Namespace) -> int:
    from conseil_desktop.export.files import output_format

    output = Path(args.output)
    output_format(output, ("pdf",), "les convocations")
    snapshot, addresses, sender = _read(args, addresses=True)
    from conseil_desktop.export.pdf.convocation import write_convocations

    count = write_convocations(output, snapshot, addresses, skip_email=args.skip_email,
                               sender_address=sender)
    print(f"Fichier écrit : {output} ({_plural(count, 'lettre')})")
    return 0


def cmd_labels(args: argparse.Namespace) -> int:
    from conseil_desktop.export.files import output_format
    from conseil_desktop.services.meeting_addresses import label_recipients

    output = Path(args.output)
    output_format(output, ("pdf",), "les étiquettes")
    snapshot, addresses, _sender = _read(args, addresses=True)
    chosen = label_recipients(addresses, skip_email=args.skip_email)
    from conseil_desktop.export.pdf.labels import write_labels

    sheets = write_labels(output, chosen, title=f"Étiquettes — {snapshot.title}")
    wanted = [a for a in addresses.values() if not (args.skip_email and a.by_email)]
    print(f"Fichier écrit : {output} ({_plural(len(chosen), 'étiquette')} sur "
          f"{_plural(sheets, 'page')})")
    if len(wanted) > len(chosen):
        print("Sans adresse postale complète, donc sans étiquette : "
              + ", ".join(sorted(a.name for a in wanted if not a.complete)))
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    from conseil_desktop.export.files import output_format

    output = Path(args.output)
    output_format(output, ("pdf",), "le dossier de séance")
    snapshot, addresses, sender = _read(args, addresses=True)
    from conseil_desktop.export.pdf.dossier import write_dossier

    write_dossier(output, snapshot, addresses, every_letter=args.every_letter,
                  sender_address=sender)
    print(f"Fichier écrit : {output} (dossier de séance)")
    return 0

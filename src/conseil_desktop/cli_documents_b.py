"""``conseil-desktop export minutes|decisions|attendance``.

* ``export minutes --meeting ID -o FILE.pdf``: the procès-verbal of a meeting;
* ``export decisions [--meeting ID] -o FILE.pdf|FILE.xlsx``: the relevé de
  décisions of one meeting, or every open action when no meeting is given;
* ``export attendance [--year Y] -o FILE.xlsx``: the attendance workbook.

Like the other exports, the database is opened read-only, the data read by the
services, and the file written by ``export/`` (reportlab and openpyxl are
imported only then). A bad meeting number or file extension is refused with a
French message and exit code 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from conseil_desktop import paths
from conseil_desktop.errors import InvalidInputError

DECISION_FORMATS = ("pdf", "xlsx")


def add_documents_b_commands(
    export_subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    """Add ``minutes``, ``decisions`` and ``attendance`` to the targets of ``export``."""
    minutes = export_subparsers.add_parser(
        "minutes", parents=[common], help="procès-verbal d'une réunion en PDF (.pdf)")
    minutes.add_argument("--meeting", type=int, required=True, metavar="N°",
                         help="numéro de la réunion")
    minutes.add_argument("-o", "--output", type=Path, required=True, help="fichier .pdf à écrire")
    minutes.set_defaults(func=cmd_export_minutes)

    decisions = export_subparsers.add_parser(
        "decisions", parents=[common],
        help="relevé de décisions d'une réunion, ou des actions en cours, en .pdf ou .xlsx")
    decisions.add_argument("--meeting", type=int, metavar="N°",
                           help="numéro de la réunion (sans lui : toutes les actions en cours)")
    decisions.add_argument("-o", "--output", type=Path, required=True,
                           help="fichier à écrire : .pdf ou .xlsx")
    decisions.set_defaults(func=cmd_export_decisions)

    attendance = export_subparsers.add_parser(
        "attendance", parents=[common],
        help="classeur des présences (.xlsx) des réunions déjà tenues : synthèse, matrice, "
             "une feuille par réunion")
    attendance.add_argument("-o", "--output", type=Path, required=True,
                            help="fichier .xlsx à écrire")
    attendance.add_argument("--year", type=int, help="seulement les réunions de cette année")
    attendance.set_defaults(func=cmd_export_attendance)


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db or paths.default_db_path()).expanduser().resolve()


def _snapshot(session, meeting_id: int):  # type: ignore[no-untyped-def]
    from conseil_desktop.db.models import Meeting
    from conseil_desktop.services.meeting_snapshot import meeting_snapshot

    if session.get(Meeting, meeting_id) is None:
        raise InvalidInputError(
            f"La réunion n° {meeting_id} n'existe pas dans cette base. "
            "Les numéros des réunions sont donnés par « conseil-desktop list meetings ».")
    return meeting_snapshot(session, meeting_id)


def cmd_export_minutes(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.files import output_format

    output = Path(args.output)
    output_format(output, ("pdf",), "le procès-verbal")  # before reading anything
    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        snapshot = _snapshot(session, args.meeting)
    from conseil_desktop.export.pdf.minutes import write_minutes_pdf

    write_minutes_pdf(output, snapshot)
    print(f"Fichier écrit : {output} (procès-verbal, {len(snapshot.agenda)} point"
          f"{'s' if len(snapshot.agenda) > 1 else ''} à l'ordre du jour)")
    return 0


def cmd_export_decisions(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.files import output_format
    from conseil_desktop.services import decision_register as register

    output = Path(args.output)
    kind = output_format(output, DECISION_FORMATS, "le relevé de décisions")
    today = date.today()
    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        if args.meeting is not None:
            snapshot = _snapshot(session, args.meeting)
            rows, title = register.meeting_rows(snapshot, today), register.register_title(snapshot)
            council_name = snapshot.council_name
        else:
            from conseil_desktop.services.council import get_settings
            from conseil_desktop.services.decisions import open_actions

            rows = register.open_action_rows(open_actions(session, today))
            title, council_name = register.register_title(None), get_settings(session).council_name
    if kind == "pdf":
        from conseil_desktop.export.pdf.decisions import write_decisions_pdf

        write_decisions_pdf(output, rows, title, council_name=council_name, today=today)
    else:
        from conseil_desktop.export.xlsx.decisions import write_decisions_xlsx

        write_decisions_xlsx(output, rows, title)
    print(f"Fichier écrit : {output} ({len(rows)} décision{'s' if len(rows) > 1 else ''})")
    return 0


def cmd_export_attendance(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.files import output_format
    from conseil_desktop.services.council_documents import attendance_data

    output = Path(args.output)
    output_format(output, ("xlsx",), "les présences")
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise InvalidInputError(f"Année invalide : {args.year}.")
    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        data = attendance_data(session, args.year, today=date.today())  # refuses an empty one
    from conseil_desktop.export.xlsx.attendance import write_attendance_workbook

    write_attendance_workbook(output, data)
    meetings, people = len(data.meetings), len(data.members)
    print(f"Fichier écrit : {output} ({meetings} réunion{'s' if meetings > 1 else ''}, "
          f"{people} personne{'s' if people > 1 else ''})")
    return 0

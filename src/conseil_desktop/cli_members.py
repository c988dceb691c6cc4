"""``conseil-desktop export members -o FILE [--columns a,b] [--with-phone] [--with-email]``.

Like the other exports: the database is opened read-only, the rows are read by
the service, then the file is written by ``export/`` (openpyxl and reportlab
are imported only then). Phone numbers and e-mail addresses are personal data:
they are exported only with ``--with-phone`` / ``--with-email``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from conseil_desktop import paths


def add_member_export_command(
    export_subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    """Add ``members`` to the targets of ``export``."""
    members = export_subparsers.add_parser(
        "members", parents=[common],
        help="liste des membres en tableur (.xlsx), en CSV (.csv) ou en PDF (.pdf)",
    )
    members.add_argument("-o", "--output", type=Path, required=True,
                         help="fichier à écrire : .xlsx, .csv ou .pdf")
    members.add_argument(
        "--columns", metavar="a,b,c",
        help="colonnes à exporter, dans cet ordre, séparées par des virgules : last_name, "
             "first_name, college, seat, status, roles, organisation, joined_on, "
             "mandate_end_on (toutes par défaut), phone et email (avec --with-phone, "
             "--with-email) ; ou leurs titres : Nom, Prénom, Collège, Statut…",
    )
    members.add_argument("--with-phone", action="store_true",
                         help="ajoute les numéros de téléphone (données personnelles)")
    members.add_argument("--with-email", action="store_true",
                         help="ajoute les adresses électroniques (données personnelles)")
    members.set_defaults(func=cmd_export_members)


def cmd_export_members(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.files import output_format
    from conseil_desktop.export.members_export import FORMATS, export_members
    from conseil_desktop.services.council import get_settings
    from conseil_desktop.services.member_rows import choose_columns, member_rows

    output = Path(args.output)
    output_format(output, FORMATS, "les membres")  # before reading anything
    names = args.columns.split(",") if args.columns else None
    columns = choose_columns(names, with_phone=args.with_phone, with_email=args.with_email)
    today = date.today()
    db = Path(args.db or paths.default_db_path()).expanduser().resolve()
    with open_readonly(db) as storage, storage.session_scope() as session:
        table = member_rows(session, columns, today=today)
        council_name = get_settings(session).council_name
    export_members(table, output, council_name=council_name, today=today)
    count = len(table.rows)
    print(f"Fichier écrit : {output} ({count} membre{'s' if count > 1 else ''})")
    return 0

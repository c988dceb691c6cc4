"""``conseil-desktop export projects|contacts|calendar -o FILE``.

The database is opened read-only (it may be open in the application), the
data is read by the services, then the file is written by ``export/``, whose
heavy libraries (reportlab, openpyxl) are imported only at that moment.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from conseil_desktop import paths


def add_export_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    export = sub.add_parser(
        "export", help="exporte les projets, les contacts ou les membres dans un fichier")
    targets = export.add_subparsers(
        dest="export_target", required=True,
        metavar="{projects,contacts,members,calendar,minutes,decisions,attendance,"
                "signin-sheet,convocations,labels,dossier}",
        parser_class=type(export),
    )
    projects = targets.add_parser(
        "projects", parents=[common],
        help="portefeuille des projets en tableur (.xlsx) ou en PDF (.pdf)",
    )
    projects.add_argument("-o", "--output", type=Path, required=True,
                          help="fichier à écrire : .xlsx ou .pdf")
    projects.add_argument("--year", type=int, help="seulement les projets de cette année")
    projects.set_defaults(func=cmd_export_projects)

    contacts = targets.add_parser(
        "contacts", parents=[common],
        help="contacts en tableur (.xlsx), en cartes de visite (.vcf) ou adresses utiles (.pdf)",
    )
    contacts.add_argument("-o", "--output", type=Path, required=True,
                          help="fichier à écrire : .xlsx, .vcf ou .pdf")
    contacts.set_defaults(func=cmd_export_contacts)

    calendar = targets.add_parser(
        "calendar", parents=[common],
        help="réunions en calendrier (.ics) pour un téléphone ou un agenda",
    )
    calendar.add_argument("-o", "--output", type=Path, required=True,
                          help="fichier à écrire : .ics")
    calendar.add_argument("--meeting", type=int, metavar="N°",
                          help="seulement cette réunion (toutes par défaut)")
    calendar.set_defaults(func=cmd_export_calendar)

    from conseil_desktop.cli_members import add_member_export_command

    add_member_export_command(targets, common)

    from conseil_desktop.cli_documents_b import add_documents_b_commands

    add_documents_b_commands(targets, common)

    from conseil_desktop.cli_documents import add_document_commands

    add_document_commands(targets, common)


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db or paths.default_db_path()).expanduser().resolve()


def cmd_export_projects(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.files import output_format
    from conseil_desktop.export.projects_export import FORMATS, export_projects
    from conseil_desktop.services.council import get_settings
    from conseil_desktop.services.project_details import portfolio

    output = Path(args.output)
    output_format(output, FORMATS, "les projets")  # before reading anything
    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        book = portfolio(session, year=args.year)
        council_name = get_settings(session).council_name
    export_projects(book, output, council_name=council_name, today=date.today())
    count = len(book.projects)
    print(f"Fichier écrit : {output} ({count} projet{'s' if count > 1 else ''})")
    return 0


def cmd_export_contacts(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.contacts_export import FORMATS, export_contacts
    from conseil_desktop.export.files import output_format
    from conseil_desktop.services.contact_queries import address_book
    from conseil_desktop.services.council import get_settings

    output = Path(args.output)
    output_format(output, FORMATS, "les contacts")
    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        book = address_book(session)
        council_name = get_settings(session).council_name
    export_contacts(book, output, council_name=council_name, today=date.today())
    orgs, people = len(book.organisations), len(book.people)
    print(f"Fichier écrit : {output} ({orgs} organisation{'s' if orgs > 1 else ''}, "
          f"{people} personne{'s' if people > 1 else ''})")
    return 0


def cmd_export_calendar(args: argparse.Namespace) -> int:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.files import output_format
    from conseil_desktop.export.ics import write_calendar
    from conseil_desktop.services.council import get_settings
    from conseil_desktop.services.meeting_list import calendar_entries

    output = Path(args.output)
    output_format(output, ("ics",), "le calendrier")
    with open_readonly(_db_path(args)) as storage, storage.session_scope() as session:
        entries = calendar_entries(session, args.meeting)  # InvalidInputError: exit 2
        council_name = get_settings(session).council_name
    write_calendar(output, entries, name=council_name)
    count = len(entries)
    print(f"Fichier écrit : {output} ({count} réunion{'s' if count > 1 else ''})")
    return 0

"""The address book as a spreadsheet, as vCards, or as the printed
"Adresses utiles" list handed to residents.

The printed list shows organisations only, grouped by type, with their
public address and phone: no e-mail, no person, nothing personal. A member
of the council who is also a contact comes with what belongs to their roles
only (see :class:`~conseil_desktop.services.contact_queries.PersonCard`): in
the spreadsheet, the address of their organisation stands for theirs.

Phone numbers in the spreadsheet are text cells with Excel's "quote prefix"
(what typing an apostrophe first does), not an apostrophe in the value, so
``+49 30 1234567`` shows as typed and stays text; anything in a phone column
that is not a phone number is neutralised like every other text cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from conseil_desktop.export.files import atomic_output, output_format
from conseil_desktop.services.formatting import fmt_date, fmt_phone

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from conseil_desktop.export.pdf.layout import Styles
    from conseil_desktop.services.contact_queries import (
        AddressBook,
        OrganisationCard,
        PersonCard,
        RoleCard,
    )

FORMATS = ("xlsx", "vcf", "pdf")
USEFUL_ADDRESSES = "Adresses utiles"


def export_contacts(
    book: AddressBook, path: Path, *, council_name: str, today: date | None = None
) -> None:
    """Write ``path`` (.xlsx, .vcf or .pdf, from its extension), atomically."""
    from conseil_desktop.export.vcard import write_vcards

    kind = output_format(path, FORMATS, "les contacts")
    with atomic_output(path) as temporary:
        if kind == "xlsx":
            write_contacts_xlsx(book, temporary)
        elif kind == "vcf":
            write_vcards(book, temporary)
        else:
            write_useful_addresses_pdf(book, temporary, council_name=council_name,
                                       today=today or date.today())


def write_contacts_xlsx(book: AddressBook, path: Path) -> None:
    from conseil_desktop.export.xlsx.cells import phone_filler
    from conseil_desktop.export.xlsx.sheets import Column, Kind, add_sheet, new_workbook, save

    workbook = new_workbook()
    fill_phone = phone_filler(workbook, reuse=False)  # rows are built before being appended
    # Kind.NUMBER passes a value through untouched: here, the cell made by fill_phone.
    phone_column = Column("Téléphone", 16, Kind.NUMBER)
    add_sheet(workbook, "Organisations", [
        Column("Nom", 36), Column("Type", 24), Column("SIRET", 16), Column("RNA", 12),
        Column("Adresse", 32), Column("Complément", 20), Column("Code postal", 10),
        Column("Ville", 18), phone_column, Column("Courriel", 30),
        Column("Site web", 30), Column("Notes", 40),
    ], [
        (o.name, o.kind_label, o.siret, o.rna, o.address_line1, o.address_line2, o.postcode,
         o.city, fill_phone(fmt_phone(o.phone)), o.email, o.website, o.notes)
        for o in book.organisations
    ])
    add_sheet(workbook, "Personnes", [
        Column("Nom", 22), Column("Prénom", 18), Column("Organisation", 32),
        Column("Fonction", 26), phone_column, Column("Courriel", 30),
        Column("Adresse", 30), Column("Code postal", 10), Column("Ville", 18),
        Column("Notes", 40),
    ], [
        (p.last_name, p.first_name, role.organisation, role.role_title,
         fill_phone(fmt_phone(role.phone or p.phone)), role.email or p.email,
         *_address(p, role), role.notes)
        for p in book.people for role in p.roles
    ])
    save(workbook, path)


def _address(person: PersonCard, role: RoleCard) -> tuple[str, str, str]:
    """Street, postcode and city: a member's are their organisation's, never their home."""
    place = role if person.member else person
    street = ", ".join(x for x in (place.address_line1, place.address_line2) if x)
    return street, place.postcode, place.city


def write_useful_addresses_pdf(
    book: AddressBook, path: Path, *, council_name: str, today: date
) -> None:
    from reportlab.platypus import KeepTogether

    from conseil_desktop.export.pdf.layout import build_pdf, make_styles, text

    styles = make_styles()
    listed = [o for o in book.organisations if o.phone or o.address_line1 or o.city]
    story: list[Flowable] = [
        text(USEFUL_ADDRESSES, styles.title),
        text(f"{council_name} — liste mise à jour le {fmt_date(today)}", styles.subtitle),
    ]
    if not listed:
        story.append(text("Aucune adresse à publier pour l'instant.", styles.note))
    for kind, group in groupby(listed, key=lambda o: o.kind_label):
        rows = list(_address_rows(list(group), styles))
        # The heading stays with the first entries of its group.
        story.append(KeepTogether([text(kind, styles.heading), _addresses_table(rows[:3])]))
        if rows[3:]:
            story.append(_addresses_table(rows[3:]))
    build_pdf(path, story, title=USEFUL_ADDRESSES,
              footer=f"{council_name} — {USEFUL_ADDRESSES} — {fmt_date(today)}")


def _address_rows(orgs: list[OrganisationCard], styles: Styles) -> Iterator[list[Flowable]]:
    from reportlab.platypus import Paragraph

    from conseil_desktop.export.pdf.layout import text

    for o in orgs:
        place = ", ".join(x for x in (
            o.address_line1, o.address_line2, f"{o.postcode} {o.city}".strip()) if x)
        yield [
            Paragraph(f"<b>{escape(o.name)}</b><br/>{escape(place)}", styles.body),
            text(fmt_phone(o.phone), styles.body_right),
        ]


def _addresses_table(rows: list[list[Flowable]]) -> Flowable:
    from reportlab.platypus import Table, TableStyle

    from conseil_desktop.export.pdf.layout import CONTENT_WIDTH, ruled_rows

    table = Table(rows, colWidths=[CONTENT_WIDTH * 0.72, CONTENT_WIDTH * 0.28])
    table.setStyle(TableStyle(ruled_rows(padding=4)))
    return table

"""The address book as vCard 4.0 (RFC 6350), for a phone or Thunderbird.

One card per organisation (``KIND:org``) and per contact person; ``UID`` is
the record's UUID, so importing the file again updates the cards instead of
duplicating them. Lines end with CRLF and are folded at 75 octets without
cutting a UTF-8 character; text values escape ``\\ , ;`` and line breaks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conseil_desktop.services.contact_queries import (
        AddressBook,
        OrganisationCard,
        PersonCard,
    )

CRLF = "\r\n"
MAX_OCTETS = 75
MOBILE_PREFIXES = ("+336", "+337")


def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def structured(*components: str) -> str:
    """A structured value (N, ADR, ORG): escaped components joined by ``;``."""
    return ";".join(escape(c) for c in components)


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, each continued by a space."""
    chunks: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # the leading space counts
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def vcard_text(book: AddressBook) -> str:
    cards = [*(_organisation(o) for o in book.organisations), *(_person(p) for p in book.people)]
    return "".join(_card(lines) for lines in cards)


def write_vcards(book: AddressBook, path: Path) -> None:
    path.write_bytes(vcard_text(book).encode("utf-8"))


def _card(lines: Iterable[str]) -> str:
    body = ["BEGIN:VCARD", "VERSION:4.0", *lines, "END:VCARD"]
    return "".join(fold(line) + CRLF for line in body)


def _organisation(org: OrganisationCard) -> Iterator[str]:
    yield "KIND:org"
    yield f"UID:urn:uuid:{org.uuid}"
    yield f"FN:{escape(org.name)}"
    yield f"ORG:{structured(org.name)}"
    yield f"CATEGORIES:{escape(org.kind_label)}"
    if org.phone:
        yield f"TEL;TYPE=work:{org.phone}"
    if org.email:
        yield f"EMAIL;TYPE=work:{org.email}"
    yield from _address("work", org.address_line1, org.address_line2, org.postcode, org.city)
    if org.website:
        yield f"URL:{org.website}"
    if org.notes:
        yield f"NOTE:{escape(org.notes)}"


def _person(person: PersonCard) -> Iterator[str]:
    yield "KIND:individual"
    yield f"UID:urn:uuid:{person.uuid}"
    yield f"FN:{escape(f'{person.first_name} {person.last_name}'.strip())}"
    yield f"N:{structured(person.last_name, person.first_name, '', '', '')}"
    for role in person.roles:
        if role.organisation:
            yield f"ORG:{structured(role.organisation)}"
        if role.role_title:
            yield f"TITLE:{escape(role.role_title)}"
    phones = dict.fromkeys(role.phone for role in person.roles if role.phone)
    yield from (f"TEL;TYPE=work:{phone}" for phone in phones)
    if person.phone and person.phone not in phones:
        kind = "cell" if person.phone.startswith(MOBILE_PREFIXES) else "voice"
        yield f"TEL;TYPE={kind}:{person.phone}"
    emails = dict.fromkeys(role.email for role in person.roles if role.email)
    yield from (f"EMAIL;TYPE=work:{email}" for email in emails)
    if person.email and person.email not in emails:
        yield f"EMAIL:{person.email}"
    yield from _address("home", person.address_line1, person.address_line2, person.postcode,
                        person.city)
    notes = "\n".join(role.notes for role in person.roles if role.notes)
    if notes:
        yield f"NOTE:{escape(notes)}"


def _address(kind: str, line1: str, line2: str, postcode: str, city: str) -> Iterator[str]:
    street = ", ".join(part for part in (line1, line2) if part)
    if street or postcode or city:
        yield f"ADR;TYPE={kind}:{structured('', '', street, city, '', postcode, '')}"

"""The postal addresses of a meeting's invitees, for convocations and labels.

Only what a letter needs: the name, the address lines and how the person
prefers to be convened. The e-mail address itself is never returned, only
whether there is one (a person "by e-mail" without an address gets a letter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from conseil_desktop.db.models import Attendance, CouncilSettings, Person
from conseil_desktop.db.models.enums import ContactChannel
from conseil_desktop.services.meeting_snapshot import display_name
from conseil_desktop.services.text import fold


@dataclass(frozen=True)
class PostalAddress:
    person_id: int
    first_name: str
    last_name: str
    line1: str
    line2: str
    postcode: str
    city: str
    channel: ContactChannel
    has_email: bool

    @property
    def name(self) -> str:
        return display_name(self.first_name, self.last_name)

    @property
    def by_email(self) -> bool:
        """Convened by e-mail: chose it, and has an address to receive it."""
        return self.channel is ContactChannel.EMAIL and self.has_email

    @property
    def lines(self) -> list[str]:
        """The address block under the name: street lines, then ``75011 PARIS``."""
        town = " ".join(x for x in (self.postcode, self.city.upper()) if x)
        return [x for x in (self.line1, self.line2, town) if x]

    @property
    def complete(self) -> bool:
        """Enough to post a letter: a street line and a town."""
        return bool(self.line1 and (self.postcode or self.city))


def invitee_addresses(session: Session, meeting_id: int) -> dict[int, PostalAddress]:
    """Person id -> address, for every invitee of the meeting."""
    query = (
        select(Person.id, Person.first_name, Person.last_name, Person.address_line1,
               Person.address_line2, Person.postcode, Person.city, Person.preferred_channel,
               Person.email)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.meeting_id == meeting_id)
    )
    return {
        row[0]: PostalAddress(row[0], row[1] or "", row[2], (row[3] or "").strip(),
                              (row[4] or "").strip(), (row[5] or "").strip(),
                              (row[6] or "").strip(), row[7] or ContactChannel.POST,
                              bool(row[8]))
        for row in session.execute(query)
    }


def council_address(session: Session) -> str:
    """The council's postal address from the settings (several lines), or ""."""
    value = session.scalars(
        select(CouncilSettings.postal_address).order_by(CouncilSettings.id).limit(1)).first()
    return (value or "").strip()


def label_recipients(addresses: Iterable[PostalAddress] | dict[int, PostalAddress], *,
                     skip_email: bool = False) -> list[PostalAddress]:
    """The addresses to print as labels: the complete ones, those convened by e-mail
    left out if asked, in the order of the invitees' numbers (folded names, then id).
    """
    chosen = addresses.values() if isinstance(addresses, dict) else addresses
    kept = [a for a in chosen if a.complete and not (skip_email and a.by_email)]
    return sorted(kept, key=lambda a: (fold(a.last_name), fold(a.first_name), a.person_id))

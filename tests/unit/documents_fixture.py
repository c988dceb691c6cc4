"""A meeting for the document tests: hard names, addresses, e-mails and phones."""

from __future__ import annotations

from datetime import date, time

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    College,
    CouncilSettings,
    Meeting,
    MeetingOfficer,
    Membership,
    MemberStatus,
    Organisation,
    Person,
    Seat,
)
from conseil_desktop.db.models.enums import ContactChannel, OfficerRole

P, R, E, A = (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED,
              AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)
POST, EMAIL, HAND = ContactChannel.POST, ContactChannel.EMAIL, ContactChannel.HAND

LONG_LAST = "de La Fontaine-d'Argent-Montmorency-Saint-Exupéry-Villeneuve-sur-Lot"
HARD_NAMES = [  # last, first, channel, status
    ("Yılmaz", "Şükrü", POST, P),
    ("Nguyễn", "Thị Hương", HAND, R),
    ("Kowalski", "Łukasz", EMAIL, E),
    ("Œuvray", "Élodie", POST, P),
    ("de La Fontaine-d'Argent", "Marie-Ève", POST, A),
    ("=HYPERLINK(\"http://x\")", "Eve", POST, P),
    (LONG_LAST, "Anne-Charlotte-Marguerite", EMAIL, P),
]
EMAIL_DOMAIN = "@exemple-mail.fr"
PHONE = "+33612345678"


def build_meeting(storage: Storage, *, extra: int = 0, logo: bytes | None = None,
                  agenda: int = 3) -> int:
    """A plenary with the hard names (plus ``extra`` plain members); its id."""
    with storage.session_scope() as s:
        settings = s.query(CouncilSettings).first()
        settings.council_name = "Conseil citoyen des Hauts-de-Belleville"
        settings.postal_address = "Maison des associations\n12 rue des Lilas\n75020 Paris"
        settings.logo_png = logo
        club = Organisation(name="Régie de quartier Belleville")
        s.add(club)
        s.flush()
        people = []
        rows = [*HARD_NAMES, *((f"Membre{n:04d}", f"Prénom{n}", POST, P) for n in range(extra))]
        for index, (last, first, channel, _status) in enumerate(rows):
            person = Person(last_name=last, first_name=first, preferred_channel=channel,
                            email=f"p{index}{EMAIL_DOMAIN}", phone=PHONE,
                            address_line1=f"{index + 1} rue de l'Orillon",
                            address_line2="Bâtiment B" if index % 2 else "",
                            postcode="75011", city="Paris")
            s.add(person)
            s.flush()
            local = index == 2
            s.add(Membership(person_id=person.id,
                             college=College.LOCAL_ACTORS if local else College.RESIDENTS,
                             seat=Seat.TITULAIRE, status=MemberStatus.ACTIVE,
                             organisation_id=club.id if local else None))
            people.append(person)
        meeting = Meeting(type_code="pleniere", title="Plénière de novembre",
                          date=date(2026, 11, 24), start_time=time(18, 30),
                          end_time=time(20, 30), place="Maison de quartier, 3 rue Ramponeau")
        s.add(meeting)
        s.flush()
        for person, (_l, _f, _c, status) in zip(people, rows, strict=True):
            s.add(Attendance(meeting_id=meeting.id, person_id=person.id, status=status,
                             proxy_holder_id=people[0].id if status is R else None,
                             arrival_time=time(18, 40) if status is P else None))
        s.add(MeetingOfficer(meeting_id=meeting.id, person_id=people[3].id,
                             role=OfficerRole.FACILITATOR))
        s.add(MeetingOfficer(meeting_id=meeting.id, person_id=people[0].id,
                             role=OfficerRole.SECRETARY))
        titles = ["Approbation du compte rendu précédent", "Fête de quartier du printemps",
                  "Budget participatif : projets retenus", "Questions diverses"]
        for position in range(agenda):
            s.add(AgendaItem(meeting_id=meeting.id, position=position,
                             title=titles[position % len(titles)]))
        return meeting.id

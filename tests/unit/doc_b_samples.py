"""Hand-built meeting snapshots for the minutes and decision documents (no database)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from pypdf import PdfReader

from conseil_desktop.db.models.enums import AttendanceStatus, College, Seat, VoteMode
from conseil_desktop.services.meeting_snapshot import (
    AgendaEntry,
    AttendanceCounts,
    DecisionEntry,
    GuestEntry,
    InviteeRow,
    MeetingSnapshot,
)
from conseil_desktop.services.quorum import QuorumResult

INJECTED = '=HYPERLINK("http://x","y")'
HARD_NAMES = [("Yılmaz", "Şükrü"), ("Nguyễn", "Thị Hương"), ("Kowalski", "Łukasz"),
              ("Œuvray", "Héloïse"), ("de La Fontaine-d'Argent", "Marie-Ève")]
STATUSES = [AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED,
            AttendanceStatus.ABSENT, AttendanceStatus.REPRESENTED]


def invitee(number: int, last: str, first: str, status: AttendanceStatus,
            holder: str = "") -> InviteeRow:
    college = College.RESIDENTS if number % 3 else College.LOCAL_ACTORS
    return InviteeRow(
        number=number, attendance_id=number, person_id=number, last_name=last,
        first_name=first, college=college,
        college_label="Habitants" if college is College.RESIDENTS else "Acteurs locaux",
        structure="" if college is College.RESIDENTS else "Régie de quartier",
        seat=Seat.TITULAIRE, counts_for_quorum=True, status=status,
        proxy_holder_id=1 if holder else None, proxy_holder_name=holder,
        proxy_exception=False, arrival_time=time(18, 40) if number == 2 else None,
        departure_time=None, search_key=f"{last} {first}".lower(),
    )


def decision(number: int, item_id: int | None, *, vote: bool = True,
             deadline: date | None = None, done_on: date | None = None,
             owner: str = "") -> DecisionEntry:
    return DecisionEntry(
        id=number, agenda_item_id=item_id, position=number,
        text=f"Décision {number} : le conseil adopte la proposition {number}.",
        vote_mode=VoteMode.VOTE if vote else VoteMode.CONSENSUS,
        votes_for=12 if vote else None, votes_against=2 if vote else None,
        votes_abstain=1 if vote else None, votes_blank=None, owner_name=owner,
        deadline=deadline, done_on=done_on,
    )


def snapshot(items: int = 4, extra_invitees: int = 0, *, cancelled: bool = False) -> MeetingSnapshot:
    names = [*HARD_NAMES, (INJECTED, "Ève")] + [
        (f"Membre{n:03d}", "Prénom") for n in range(extra_invitees)]
    invitees = []
    for number, (last, first) in enumerate(names, start=1):
        status = STATUSES[(number - 1) % len(STATUSES)]
        holder = "Şükrü Yılmaz" if status is AttendanceStatus.REPRESENTED else ""
        invitees.append(invitee(number, last, first, status, holder))
    agenda = []
    for n in range(1, items + 1):
        decisions = [decision(n, n, vote=n % 2 == 1, owner="Łukasz Kowalski" if n % 2 else "",
                              deadline=date(2026, 12, n % 28 + 1) if n % 2 else None)]
        agenda.append(AgendaEntry(
            id=n, position=n, title=f"Point {n} : jardins partagés et fête de quartier",
            presenter="Thị Hương Nguyễn" if n % 2 else "",
            documents=[f"Note n° {n}", "Budget prévisionnel"] if n % 3 == 1 else [],
            summary=("Les habitants ont débattu du calendrier et du budget. " * 4).strip(),
            decisions=decisions))
    by_status = {s: sum(1 for i in invitees if i.status is s) for s in AttendanceStatus}
    counted = by_status[AttendanceStatus.PRESENT] + by_status[AttendanceStatus.REPRESENTED]
    return MeetingSnapshot(
        id=7, uuid="uuid-7", type_code="pleniere", type_label="Assemblée plénière",
        title="Plénière de novembre", date=date(2026, 11, 24), start_time=time(18, 30),
        end_time=time(20, 30), place="Maison de quartier, 3 rue des Lilas",
        convened_on=date(2026, 11, 3), convocation_method="courrier et courriel",
        notes="", cancelled=cancelled, council_name="Conseil citoyen des Hauts-de-Rive",
        gdpr_notice="Données traitées par le conseil citoyen.", logo_png=None,
        facilitators=["Marie-Ève de La Fontaine-d'Argent"], secretaries=["Héloïse Œuvray"],
        agenda=agenda, other_decisions=[decision(99, None, owner="Régie de quartier",
                                                 done_on=date(2026, 11, 20))],
        invitees=invitees,
        guests=[GuestEntry(1, "Jean Dupont", "Mairie", "Adjoint au maire", None, None, None),
                GuestEntry(2, INJECTED, "", "Délégué du préfet", None, None, None)],
        counts=AttendanceCounts(
            invited=len(invitees), present=by_status[AttendanceStatus.PRESENT],
            represented=by_status[AttendanceStatus.REPRESENTED],
            excused=by_status[AttendanceStatus.EXCUSED], absent=by_status[AttendanceStatus.ABSENT],
            not_recorded=by_status[AttendanceStatus.INVITED], guests=2),
        quorum=QuorumResult(required=3, counted=counted, reached=counted >= 3),
    )


def fonts_of(path: Path) -> set[tuple[str, bool]]:
    """(font name, embedded) of every font the pages use."""
    found = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if (
                "/DescendantFonts" in font) else font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add((str(font["/BaseFont"]).split("+")[-1], embedded))
    return found

"""The sign-in sheet of a meeting with 500 invitees, beside floors measured in the same run.

* PDF: ``write_signin_sheet_pdf`` (header, 500 rows + 10 blank rows, one table
  per page, foot) against the floor: the same rows drawn as plain text lines
  on a bare reportlab canvas with the same embedded DejaVu font;
* xlsx: ``write_signin_sheet_xlsx`` (styled, print setup) against the floor: the
  same rows appended by a bare openpyxl write-only loop;
* for information, reading the meeting (``meeting_snapshot``) from the database.

    .venv/bin/python benchmarks/documents_signin.py [--repeat N]

Goals from the issue: PDF <= 300 ms and xlsx <= 300 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import date
from datetime import time as clock
from pathlib import Path

from _common import OUT

from conseil_desktop import paths
from conseil_desktop.db.engine import Storage, open_storage

DB = OUT / "documents_signin.db"
INVITEES = 500
HARD = [("Yılmaz", "Şükrü"), ("Nguyễn", "Thị Hương"), ("Kowalski", "Łukasz"),
        ("Œuvray", "Élodie"), ("de La Fontaine-d'Argent", "Marie-Ève")]


def build(path: Path) -> int:
    from conseil_desktop.db.models import (
        AgendaItem,
        Attendance,
        College,
        Meeting,
        Membership,
        MemberStatus,
        Organisation,
        Person,
        Seat,
    )

    path.unlink(missing_ok=True)
    storage = open_storage(path, backup=False)
    try:
        with storage.session_scope() as s:
            club = Organisation(name="Association des locataires du quartier")
            meeting = Meeting(type_code="pleniere", title="Grande plénière",
                              date=date(2026, 11, 24), start_time=clock(18, 30),
                              end_time=clock(20, 30), place="Gymnase Ramponeau")
            s.add_all([club, meeting])
            s.flush()
            for position, title in enumerate(("Approbation du compte rendu précédent",
                                              "Budget participatif", "Questions diverses")):
                s.add(AgendaItem(meeting_id=meeting.id, position=position, title=title))
            for n in range(INVITEES):
                last, first = HARD[n % len(HARD)]
                person = Person(last_name=f"{last} {n:03d}", first_name=first)
                s.add(person)
                s.flush()
                local = n % 4 == 0
                s.add(Membership(person_id=person.id, seat=Seat.TITULAIRE,
                                 college=College.LOCAL_ACTORS if local else College.RESIDENTS,
                                 status=MemberStatus.ACTIVE,
                                 organisation_id=club.id if local else None))
                s.add(Attendance(meeting_id=meeting.id, person_id=person.id))
            return meeting.id
    finally:
        storage.close(backup=False)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm: fonts registered, modules imported, as in the running application
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


FLOOR_READ = """
SELECT a.id, p.id, p.last_name, p.first_name, m.college, m.seat, m.status, o.name, a.status,
       a.proxy_holder_id, h.first_name, h.last_name, a.arrival_time, a.departure_time
FROM attendance a JOIN person p ON p.id = a.person_id
LEFT JOIN membership m ON m.person_id = p.id
LEFT JOIN organisation o ON o.id = m.organisation_id
LEFT JOIN person h ON h.id = a.proxy_holder_id
WHERE a.meeting_id = ? ORDER BY p.last_name, p.first_name, p.id
"""


def floor_read(path: Path, meeting_id: int) -> list[tuple[object, ...]]:
    """The invitees' rows by one bare sqlite3 query (no agenda, no settings)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(FLOOR_READ, (meeting_id,)).fetchall()
    finally:
        conn.close()


def floor_pdf(rows: list[tuple[str, ...]], target: Path) -> Callable[[], None]:
    def run() -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas

        from conseil_desktop.export import fonts

        fonts.register_fonts()
        canvas = Canvas(str(target), pagesize=A4)
        y = 800.0
        for row in rows:
            if y < 60:
                canvas.showPage()
                y = 800.0
            canvas.setFont(fonts.CONDENSED, 9)
            canvas.drawString(50, y, "   ".join(row))
            y -= 28.35  # 10 mm rows, as on the sheet
        canvas.showPage()
        canvas.save()
    return run


def floor_xlsx(rows: list[tuple[str, ...]], target: Path) -> Callable[[], None]:
    def run() -> None:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Émargement")
        for row in rows:
            sheet.append(row)
        workbook.save(target)
    return run


def report(label: str, ms: float, floor: float, goal: float | None) -> None:
    verdict = "" if goal is None else (
        f"   goal <= {goal:.0f} ms: " + ("ok" if ms <= goal else "AU-DESSUS DE L'OBJECTIF"))
    print(f"{label:<44} {ms:8.1f} ms   floor {floor:7.1f} ms   ratio {ms / floor:5.2f}x{verdict}")


def run(storage: Storage, meeting_id: int, repeat: int) -> None:
    from conseil_desktop.export.pdf.signin_sheet import write_signin_sheet_pdf
    from conseil_desktop.export.signin_rows import SigninOptions, sheet_rows
    from conseil_desktop.export.xlsx.signin_sheet import write_signin_sheet_xlsx
    from conseil_desktop.services.meeting_snapshot import meeting_snapshot

    def snapshot() -> object:
        with storage.session_scope() as session:
            return meeting_snapshot(session, meeting_id)

    shot = snapshot()
    options = SigninOptions()
    rows = [row.cells for row in sheet_rows(shot, options)]  # type: ignore[arg-type]
    pdf, xlsx = OUT / "signin.pdf", OUT / "signin.xlsx"
    print(f"{len(rows)} rows ({INVITEES} invitees + {options.blank_rows} blank); "
          f"median of {repeat}")
    report("meeting_snapshot (read, for information)", median_ms(snapshot, repeat),
           median_ms(lambda: floor_read(storage.path, meeting_id), repeat), None)
    report("sign-in sheet PDF (write_signin_sheet_pdf)",
           median_ms(lambda: write_signin_sheet_pdf(pdf, shot, options), repeat),  # type: ignore[arg-type]
           median_ms(floor_pdf(rows, OUT / "floor.pdf"), repeat), 300)
    report("sign-in sheet xlsx (write_signin_sheet_xlsx)",
           median_ms(lambda: write_signin_sheet_xlsx(xlsx, shot, options), repeat),  # type: ignore[arg-type]
           median_ms(floor_xlsx(rows, OUT / "floor.xlsx"), repeat), 300)
    started = time.perf_counter()
    write_signin_sheet_pdf(OUT / "signin-landscape.pdf", shot,  # type: ignore[arg-type]
                           SigninOptions(landscape=True, group_by_college=True,
                                         with_attendance=True))
    print(f"(landscape, grouped, archive copy: {(time.perf_counter() - started) * 1000:.1f} ms)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(OUT / "data")
    meeting_id = build(DB)
    storage = open_storage(DB, backup=False)
    try:
        run(storage, meeting_id, args.repeat)
    finally:
        storage.close(backup=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

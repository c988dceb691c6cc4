"""Minutes of a 30-item meeting and the attendance workbook of 300 members × 60
meetings, each beside a floor measured in the same run.

Builds (once) ``out/documents_b.db``: a demo council of 300 members and 60
meetings, where every member is invited to every meeting (18,000 invitations)
and the first meeting has 30 agenda items, each with a summary and two
decisions. Then times:

* minutes: ``meeting_snapshot`` + ``write_minutes_pdf``, and the PDF alone,
  against the same lines of text drawn on a bare reportlab canvas (DejaVu);
* attendance: ``attendance_workbook_data`` + ``write_attendance_workbook``
  against the same cells appended by a bare openpyxl write-only loop.

    .venv/bin/python benchmarks/documents_b.py [--repeat N] [--rebuild]

Goals from the issue: minutes <= 300 ms, attendance workbook <= 1.5 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import OUT, cli

DB = OUT / "documents_b.db"
MEMBERS, MEETINGS, ITEMS = 300, 60, 30
GOAL_MINUTES, GOAL_WORKBOOK = 0.3, 1.5


def build(rebuild: bool) -> Path:
    if DB.exists() and not rebuild:
        return DB
    OUT.mkdir(parents=True, exist_ok=True)
    cli("demo", "--db", str(DB), "--members", str(MEMBERS), "--meetings", str(MEETINGS),
        "--seed", "4", "--force")
    from conseil_desktop import paths
    from conseil_desktop.db.engine import open_storage
    from conseil_desktop.db.models import (
        AgendaItem,
        Attendance,
        AttendanceStatus,
        Decision,
        Meeting,
        Membership,
        VoteMode,
    )

    paths.set_data_dir(OUT / "data")
    storage = open_storage(DB, backup=False)
    pick = random.Random(4)
    statuses = [AttendanceStatus.PRESENT] * 6 + [
        AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT, AttendanceStatus.REPRESENTED]
    with storage.session_scope() as s:
        people = list(s.scalars(Membership.__table__.select().with_only_columns(
            Membership.person_id)))
        meetings = list(s.scalars(Meeting.__table__.select().with_only_columns(Meeting.id)))
        invited = {(a.meeting_id, a.person_id) for a in s.query(Attendance)}
        s.add_all(Attendance(meeting_id=m, person_id=p, status=pick.choice(statuses))
                  for m in meetings for p in people if (m, p) not in invited)
        first = min(meetings)
        s.query(Decision).filter(Decision.meeting_id == first).delete()
        s.query(AgendaItem).filter(AgendaItem.meeting_id == first).delete()
        for n in range(1, ITEMS + 1):
            item = AgendaItem(meeting_id=first, position=n, title=f"Point {n} : projet de quartier",
                              presenter_name="Thị Hương Nguyễn",
                              summary="Les membres ont débattu du projet et de son budget. " * 5)
            s.add(item)
            s.flush()
            s.add_all(Decision(meeting_id=first, agenda_item_id=item.id, position=2 * n + k,
                               text=f"Le conseil adopte la proposition {n}.{k}.",
                               vote_mode=VoteMode.VOTE, votes_for=20, votes_against=3,
                               votes_abstain=1) for k in range(2))
    storage.close(backup=False)
    return DB


def timed(run: Callable[[], Any], repeat: int) -> float:
    run()  # warm: imports, fonts
    values = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        values.append(time.perf_counter() - started)
    return statistics.median(values)


def minutes_cases(db: Path, folder: Path, repeat: int) -> tuple[float, float, float, int]:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.pdf.minutes import write_minutes_pdf
    from conseil_desktop.services.meeting_snapshot import meeting_snapshot

    def load() -> Any:
        with open_readonly(db) as storage, storage.session_scope() as session:
            return meeting_snapshot(session, 1)

    shot = load()
    target = folder / "pv.pdf"
    ours = timed(lambda: write_minutes_pdf(target, load()), repeat)
    pdf_only = timed(lambda: write_minutes_pdf(target, shot), repeat)
    pages = _page_count(target)
    lines = _minutes_lines(shot)
    floor = timed(lambda: _bare_canvas(folder / "floor.pdf", lines), repeat)
    return ours, pdf_only, floor, pages


def _page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _minutes_lines(shot: Any) -> list[str]:
    lines = [shot.title, shot.council_name, shot.place]
    lines += [f"{n}. {item.title}" for n, item in enumerate(shot.agenda, start=1)]
    lines += [f"{r.first_name} {r.last_name} {r.status} {r.proxy_holder_name}"
              for r in shot.invitees]
    for item in shot.agenda:
        lines.append(item.title)
        lines += [item.summary[i:i + 100] for i in range(0, len(item.summary), 100)]
        lines += [d.text for d in item.decisions] + [d.vote_label() for d in item.decisions]
    return lines


def _bare_canvas(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from conseil_desktop.export import fonts

    fonts.register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    y = 800
    canvas.setFont(fonts.REGULAR, 9)
    for line in lines:
        if y < 50:
            canvas.showPage()
            canvas.setFont(fonts.REGULAR, 9)
            y = 800
        canvas.drawString(50, y, line)
        y -= 12
    canvas.save()


def workbook_cases(db: Path, folder: Path, repeat: int) -> tuple[float, float, int, int]:
    from conseil_desktop.db.engine import open_readonly
    from conseil_desktop.export.xlsx.attendance import write_attendance_workbook
    from conseil_desktop.services.attendance_matrix import attendance_workbook_data

    def load() -> Any:
        with open_readonly(db) as storage, storage.session_scope() as session:
            return attendance_workbook_data(session, None)

    data = load()
    ours = timed(lambda: write_attendance_workbook(folder / "presences.xlsx", load()), repeat)
    floor = timed(lambda: _bare_workbook(folder / "floor.xlsx", data), repeat)
    return ours, floor, len(data.members), len(data.meetings)


def _bare_workbook(path: Path, data: Any) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    matrix = workbook.create_sheet("Matrice")
    for m in data.members:
        matrix.append([m.last_name, m.first_name, m.college_label, *m.code_list(len(data.meetings)),
                       m.tally.present, m.tally.recorded, m.tally.rate])
    for n, meeting in enumerate(data.meetings):
        sheet = workbook.create_sheet(f"R{n}")
        for i in meeting.invitees:
            sheet.append([i.number, i.last_name, i.first_name, i.college_label, i.structure,
                          i.status_label, i.proxy_holder, None, None])
    workbook.save(str(path))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db = build(args.rebuild)
    from conseil_desktop import paths

    paths.set_data_dir(OUT / "data")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ours, pdf_only, floor, pages = minutes_cases(db, folder, args.repeat)
        print(f"minutes, {ITEMS} items, {MEMBERS} invitees, {pages} pages (median of "
              f"{args.repeat}): snapshot + PDF {ours * 1000:.0f} ms, PDF alone "
              f"{pdf_only * 1000:.0f} ms; floor (bare reportlab canvas, same text lines) "
              f"{floor * 1000:.0f} ms; ratio {ours / floor:.1f}x; goal <= "
              f"{GOAL_MINUTES * 1000:.0f} ms: {'ok' if ours <= GOAL_MINUTES else 'AU-DESSUS'}")
        ours, floor, members, meetings = workbook_cases(db, folder, args.repeat)
        print(f"attendance workbook, {members} members x {meetings} meetings: data + xlsx "
              f"{ours:.2f} s; floor (bare openpyxl write-only loop, same cells) {floor:.2f} s; "
              f"ratio {ours / floor:.2f}x; goal <= {GOAL_WORKBOOK} s: "
              f"{'ok' if ours <= GOAL_WORKBOOK else 'AU-DESSUS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

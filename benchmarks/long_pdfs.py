"""The two longest PDFs of the 100k-member, 2,000-meeting demo base, each beside a floor
measured in the same run.

* the projects portfolio (5,000 projects: a summary page, then one fiche per page)
  against the floor: each fiche's text (title, fields, funding, history and meeting
  lines) drawn as plain text lines, one page per project, on a bare reportlab canvas
  with the same embedded DejaVu fonts;
* the members register (100,000 rows, about 3,300 landscape pages) against the floor:
  every row's cells drawn as plain text lines, the same rows per page, on a bare canvas.

Each document is written with a progress hook that only notes the time of each call:
the longest gap between two calls is how long *Annuler* can wait; the "tail" is the
end of reportlab's own writing of the finished file, which no hook reaches.

    .venv/bin/python benchmarks/long_pdfs.py [--db FILE] [--year YEAR]

Goals: the portfolio in a few seconds, the register clearly faster than 27 s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from _common import ensure_large_db

from conseil_desktop.db.engine import open_readonly
from conseil_desktop.progress import Stage

TODAY = date(2026, 11, 26)


class Hook:
    """A progress hook that keeps the time of each call."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def __call__(self, _stage: Stage, _done: int, _total: int) -> None:
        self.times.append(time.perf_counter())

    def gaps(self, end: float) -> tuple[float, float]:
        """The longest gap between two calls, and from the last call to ``end``."""
        longest = max((b - a for a, b in zip(self.times, self.times[1:], strict=False)),
                      default=0.0)
        return longest, end - self.times[-1]


def timed(write: Callable[[], None]) -> float:
    started = time.perf_counter()
    write()
    return time.perf_counter() - started


def bare_canvas(path: Path, pages: Iterator[list[str]], size: tuple[float, float]) -> None:
    """The floor: each page's lines drawn with ``drawString``, 11 pt apart."""
    from reportlab.pdfgen.canvas import Canvas

    from conseil_desktop.export import fonts

    fonts.register_fonts()
    canvas = Canvas(str(path), pagesize=size)
    for lines in pages:
        canvas.setFont(fonts.CONDENSED, 8.5)
        y = size[1] - 50
        for line in lines:
            canvas.drawString(50, y, line)
            y -= 11
        canvas.showPage()
    canvas.save()


def fiche_lines(p: Any) -> list[str]:
    from conseil_desktop.services.formatting import fmt_date, fmt_money

    d = p.data
    lines = [d.title, p.status_label, p.holder_name, d.neighbourhood or "", p.theme_label,
             ", ".join(p.cross_theme_labels), p.funding_line_label, str(d.year or ""),
             fmt_date(d.submission_deadline), fmt_date(d.start_on), fmt_date(d.end_on),
             fmt_date(p.report_due_on), ", ".join(m.label for m in p.members),
             d.description or ""]
    lines += [f"{f.funder_name} {fmt_money(f.requested_cents)} {fmt_money(f.granted_cents)}"
              for f in p.fundings]
    lines += [f"{fmt_date(e.effective_on)} {e.label} {e.note}" for e in p.history]
    lines += [f"{fmt_date(k.meeting_date)} {k.meeting_title} {k.decision_text}"
              for k in p.links]
    return lines


def projects(db: Path, folder: Path, year: int | None) -> None:
    from reportlab.lib.pagesizes import A4

    from conseil_desktop.export.projects_export import write_projects_pdf
    from conseil_desktop.services.council import get_settings
    from conseil_desktop.services.project_details import portfolio

    started = time.perf_counter()
    with open_readonly(db) as storage, storage.session_scope() as s:
        book = portfolio(s, year=year)
        council = get_settings(s).council_name
    read = time.perf_counter() - started
    hook = Hook()
    ours = timed(lambda: write_projects_pdf(book, folder / "projets.pdf", council_name=council,
                                            today=TODAY, progress=hook))
    longest, tail = hook.gaps(hook.times[0] + ours)
    floor = timed(lambda: bare_canvas(folder / "floor-projets.pdf",
                                      (fiche_lines(p) for p in book.projects), A4))
    print(f"projects PDF, {len(book.projects):,} projects (read {read:.2f} s): "
          f"{ours:.2f} s, floor {floor:.2f} s, ratio {ours / floor:.1f}x; "
          f"longest gap between progress calls {longest * 1000:.0f} ms, "
          f"final write {tail:.2f} s")


def members(db: Path, folder: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape

    from conseil_desktop.export.members_export import write_members_pdf
    from conseil_desktop.services.council import get_settings
    from conseil_desktop.services.formatting import fmt_date
    from conseil_desktop.services.member_rows import choose_columns, member_rows

    started = time.perf_counter()
    with open_readonly(db) as storage, storage.session_scope() as s:
        table = member_rows(s, choose_columns(None), today=TODAY)
        council = get_settings(s).council_name
    read = time.perf_counter() - started
    hook = Hook()
    ours = timed(lambda: write_members_pdf(table, folder / "membres.pdf", council_name=council,
                                           today=TODAY, progress=hook))
    longest, tail = hook.gaps(hook.times[0] + ours)
    from pypdf import PdfReader

    page_count = len(PdfReader(folder / "membres.pdf").pages)
    per_page = -(-len(table.rows) // page_count)
    shows = [fmt_date if c.is_date else str for c in table.columns]
    cells = [[f(v) for f, v in zip(shows, row, strict=True)] for row in table.rows]

    def pages() -> Iterator[list[str]]:
        for start in range(0, len(cells), per_page):
            yield [value for row in cells[start:start + per_page] for value in row]

    floor = timed(lambda: bare_canvas(folder / "floor-membres.pdf", pages(), landscape(A4)))
    print(f"members register PDF, {len(table.rows):,} rows, {page_count:,} pages "
          f"(read {read:.2f} s): {ours:.2f} s, floor {floor:.2f} s, ratio {ours / floor:.1f}x; "
          f"longest gap between progress calls {longest * 1000:.0f} ms, "
          f"final write {tail:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo base (default: benchmarks/out/large.db)")
    parser.add_argument("--year", type=int, help="the portfolio of one year only")
    args = parser.parse_args()
    db = args.db or ensure_large_db()[0]
    with tempfile.TemporaryDirectory() as folder:
        projects(db, Path(folder), args.year)
        members(db, Path(folder))


if __name__ == "__main__":
    main()

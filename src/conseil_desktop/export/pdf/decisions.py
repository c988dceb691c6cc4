"""The *relevé de décisions* as an A4 PDF: decision, meeting, owner, deadline, state.

Overdue lines are shaded. The rows are laid out in tables of a few dozen lines,
each with its header row, so that a register of thousands of actions costs time
in proportion (one reportlab table split over many pages slows down
quadratically).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, TableStyle

from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.pdf.layout import build_pdf, data_table, make_styles, text
from conseil_desktop.services.decision_register import DecisionRow
from conseil_desktop.services.formatting import fmt_date

HEADER = ("N°", "Décision", "Réunion", "Responsable", "Échéance", "État")
WIDTHS = (6, 36, 19, 15, 12, 12)
CHUNK = 50
LATE_FILL = colors.HexColor("#fbe3e1")


def write_decisions_pdf(
    path: Path, rows: Sequence[DecisionRow], title: str, *, council_name: str = "",
    today: date | None = None,
) -> None:
    """Write the register of ``rows`` to ``path`` (atomically)."""
    today = today or date.today()
    styles = make_styles()
    story: list[Flowable] = [text(title, styles.title)]
    late = sum(1 for r in rows if r.overdue)
    summary = f"{len(rows)} décision{'s' if len(rows) > 1 else ''}"
    if late:
        summary += f", dont {late} en retard"
    heading = " — ".join(p for p in (council_name, f"édité le {fmt_date(today)}", summary) if p)
    story.append(text(heading, styles.subtitle))
    if not rows:
        story.append(text("Aucune décision à suivre.", styles.note))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        table = data_table(styles, HEADER, [_cells(start + n, r) for n, r in
                                            enumerate(chunk, start=1)], WIDTHS)
        table.setStyle(TableStyle([("BACKGROUND", (0, n), (-1, n), LATE_FILL)
                                   for n, r in enumerate(chunk, start=1) if r.overdue]))
        story.append(table)
    footer = " — ".join(p for p in (council_name, title) if p)
    with atomic_output(path) as temporary:
        build_pdf(temporary, story, title=title, footer=footer)


def _cells(number: int, row: DecisionRow) -> list[str]:
    decision = f"{row.text}\n{row.vote}" if row.vote else row.text
    return [str(number), decision, row.meeting, row.owner, fmt_date(row.deadline),
            row.status or "—"]

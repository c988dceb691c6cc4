"""The *dossier de séance*: one PDF for the archive binding, after a cover page,
the convocation (the model letter, or every letter), the sign-in sheet with
the recorded attendance, and the procès-verbal.

Everything is built as one reportlab story (no PDF concatenation): the parts'
flowables come from their own modules, each part starting on a new page with
its name in the running header, and "Page X / Y" counted over the dossier.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.pdf.convocation import Letter, model_letter, recipients
from conseil_desktop.export.pdf.layout import Styles, field_table, make_styles, text
from conseil_desktop.export.pdf.meeting_layout import (
    RunningHeader,
    build_document,
    letterhead,
)
from conseil_desktop.export.pdf.minutes import minutes_story
from conseil_desktop.export.pdf.signin_sheet import signin_story
from conseil_desktop.export.signin_rows import (
    SigninOptions,
    counts_line,
    heading_lines,
    running_header,
)
from conseil_desktop.services.formatting import fmt_date, fmt_date_words
from conseil_desktop.services.meeting_addresses import PostalAddress
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot

TITLE = "Dossier de séance"
PARTS = ("Convocation", "Feuille d'émargement avec les présences", "Procès-verbal")


def write_dossier(path: Path, snapshot: MeetingSnapshot, addresses: dict[int, PostalAddress],
                  *, every_letter: bool = False, sender_address: str = "",
                  today: date | None = None) -> None:
    """Write the dossier of ``snapshot`` to ``path`` (atomically).

    With ``every_letter`` the convocation part holds each invitee's letter,
    otherwise the model letter once.
    """
    styles = make_styles()
    today = today or date.today()
    story: list[Flowable] = _cover(snapshot, styles, every_letter)
    story += [PageBreak(), RunningHeader(running_header(snapshot, PARTS[0]))]
    if every_letter and snapshot.invitees:
        for row in recipients(snapshot, addresses, skip_email=False):
            story += [Letter(snapshot, styles, row, addresses.get(row.person_id),
                             sender_address, today), PageBreak()]
        story.pop()
    else:
        story.append(model_letter(snapshot, styles, sender_address, today))
    story += [PageBreak(), *signin_story(snapshot, SigninOptions(with_attendance=True,
                                                                 blank_rows=0), styles)]
    story += [PageBreak(), RunningHeader(running_header(snapshot, PARTS[2])),
              *minutes_story(snapshot, styles)]
    with atomic_output(path) as temporary:
        build_document(temporary, story, title=f"{TITLE} — {snapshot.title}",
                       header=running_header(snapshot, TITLE))


def _cover(s: MeetingSnapshot, styles: Styles, every_letter: bool) -> list[Flowable]:
    from conseil_desktop.export.pdf.meeting_layout import frame_size

    body, when, place = heading_lines(s)
    width, _height = frame_size()
    parts = [f"1. {PARTS[0]}" + (" (une lettre par personne invitée)" if every_letter
                                 else " (modèle de la lettre envoyée)"),
             f"2. {PARTS[1]}", f"3. {PARTS[2]}"]
    convened = (f"le {fmt_date(s.convened_on)}" if s.convened_on else "") + (
        f" ({s.convocation_method})" if s.convocation_method else "")
    return [
        letterhead(styles, s.council_name, s.logo_png, [], width),
        Spacer(1, 40 * mm),
        text(TITLE, styles.title.clone("cover", fontSize=26, leading=32)),
        text(body, styles.heading),
        text(" · ".join(x for x in (when, place) if x), styles.body),
        Spacer(1, 10 * mm),
        field_table(styles, [
            ("Réunion", fmt_date_words(s.date)), ("Convocation", convened.strip()),
            ("Animation", ", ".join(s.facilitators)), ("Secrétariat", ", ".join(s.secretaries)),
        ]),
        Spacer(1, 4 * mm),
        text(counts_line(s), styles.body),
        text("Contenu", styles.heading),
        *(text(part, styles.body) for part in parts),
        Spacer(1, 10 * mm),
        text("À conserver au moins cinq ans avec les comptes rendus du conseil.", styles.note),
    ]

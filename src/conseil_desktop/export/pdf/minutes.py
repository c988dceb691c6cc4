"""The procès-verbal of a meeting (domain.md section 5), as an A4 PDF.

It states the council and the body that met; place, date, start and end
times; how and when the meeting was convened; the agenda and its documents;
the members present, represented (with their proxy holders), excused and
absent, with the counts; the guests and their quality; whether the quorum was
reached; the facilitator and the secretary; each item's summary and decisions
with their votes; and signature lines for the chair and the secretary.

:func:`minutes_story` gives the flowables alone, so that the *dossier de
séance* can bind them after the convocation and the sign-in sheet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from conseil_desktop.db.models.enums import AttendanceStatus
from conseil_desktop.export import fonts
from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.pdf.layout import (
    ACCENT,
    CONTENT_WIDTH,
    RULE,
    Styles,
    build_pdf,
    data_table,
    field_table,
    make_styles,
    rich_text,
    text,
)
from conseil_desktop.export.pdf.meeting_layout import wrap_words
from conseil_desktop.services.formatting import fmt_date, fmt_date_words, fmt_time
from conseil_desktop.services.meeting_snapshot import (
    AgendaEntry,
    DecisionEntry,
    InviteeRow,
    MeetingSnapshot,
)

TITLE = "Procès-verbal"


def write_minutes_pdf(path: Path, snapshot: MeetingSnapshot) -> None:
    """Write the procès-verbal of ``snapshot`` to ``path`` (atomically)."""
    styles = make_styles()
    story = minutes_story(snapshot, styles)
    footer = f"{snapshot.council_name} — {TITLE} — {snapshot.type_label} du {fmt_date(snapshot.date)}"
    with atomic_output(path) as temporary:
        build_pdf(temporary, story, title=f"{TITLE} — {snapshot.title}", footer=footer)


def minutes_story(snapshot: MeetingSnapshot, styles: Styles) -> list[Flowable]:
    """The procès-verbal as flowables, from its title to the signature lines."""
    story: list[Flowable] = [
        text(f"{TITLE} — {snapshot.type_label}", styles.title),
        text(f"{snapshot.council_name} — {snapshot.title}", styles.subtitle),
    ]
    if snapshot.cancelled:
        story.append(text("Cette réunion a été annulée.", styles.heading))
    story.append(field_table(styles, meeting_fields(snapshot)))
    story += _agenda(snapshot.agenda, styles)
    story += _attendance(snapshot, styles)
    story += _proceedings(snapshot, styles)
    return with_last_lines(story, _signatures(snapshot, styles))


def with_last_lines(story: list[Flowable], block: list[Flowable]) -> list[Flowable]:
    """``story`` ended by ``block``, which takes the story's last flowable with it."""
    end = len(story)
    while end and isinstance(story[end - 1], (Spacer, CondPageBreak)):
        end -= 1
    if not end:
        return [*story, KeepTogether(block)]
    return [*story[:end - 1], KeepWithLastLines(story[end - 1], [*story[end:], *block])]


class KeepWithLastLines(KeepTogether):
    """A block (the signatures) that never opens a page on its own: when it must go
    to the next page, the end of the flowable before it goes along (a paragraph's
    last lines, a table's last rows), or the whole of it if it cannot be split. A
    group kept together (an item's title with its summary) keeps its start together
    and gives its end."""

    def __init__(self, previous: Flowable, block: list[Flowable]) -> None:
        super().__init__([previous, *block])
        self._previous, self._block = previous, block

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if _listWrapOn(self._content, aW, None)[1] <= aH:
            return list(self._content)  # all of it fits here: nothing moves
        lead: list[Flowable] = []
        last = self._previous
        if isinstance(last, KeepTogether) and last._content:
            *lead, last = last._content
        if isinstance(last, (Paragraph, Table)):
            room = aH - (_listWrapOn(lead, aW, None)[1] if lead else 0) - last.getSpaceBefore()
            _, height = last.wrap(aW, aH)
            along = last.style.leading if isinstance(last, Paragraph) else 0  # two lines
            parts = last.split(aW, min(room, height - along - 1)) if room > 0 else []
            if len(parts) == 2:
                return [*lead, parts[0], KeepWithLastLines(parts[1], self._block)]
        frame = getattr(self, "_frame", None)
        if frame is not None and not getattr(frame, "_atTop", True):
            return []  # the whole of it goes to the next page, where it is split again
        return super().split(aW, aH)  # taller than a page and cannot be split: it flows


def meeting_fields(s: MeetingSnapshot) -> list[tuple[str, str]]:
    return [
        ("Conseil", s.council_name), ("Instance", s.type_label),
        ("Date", fmt_date_words(s.date)), ("Horaires", time_span(s)),
        ("Lieu", s.place), ("Convocation", convocation(s)),
        ("Animation", ", ".join(s.facilitators)), ("Secrétariat", ", ".join(s.secretaries)),
    ]


def time_span(s: MeetingSnapshot) -> str:
    start, end = fmt_time(s.start_time), fmt_time(s.end_time)
    if start and end:
        return f"de {start} à {end}"
    if start:
        return f"à partir de {start}"
    return f"jusqu'à {end}" if end else ""


def convocation(s: MeetingSnapshot) -> str:
    if s.convened_on is None:
        return f"Convoquée par {s.convocation_method}" if s.convocation_method else ""
    sent = f"Convoquée le {fmt_date(s.convened_on)}"
    return f"{sent} ({s.convocation_method})" if s.convocation_method else sent


def _agenda(agenda: list[AgendaEntry], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [text("Ordre du jour", styles.heading)]
    if not agenda:
        return [*story, text("Aucun point inscrit.", styles.note)]
    for number, item in enumerate(agenda, start=1):
        line = f"{number}. {item.title}"
        if item.presenter:
            line += f" — présenté par {item.presenter}"
        story.append(text(line, styles.body))
        if item.documents:
            story.append(text("Documents : " + SEMICOLON.join(item.documents), styles.note))
    return story


SEMICOLON = "\u00a0; "  # French spacing; the no-break space keeps ';' off a line's start

_GROUPS = (
    (AttendanceStatus.PRESENT, "Présents"),
    (AttendanceStatus.EXCUSED, "Excusés"),
    (AttendanceStatus.ABSENT, "Absents"),
    (AttendanceStatus.INVITED, "Présence non renseignée"),
)


def counts_line(s: MeetingSnapshot) -> str:
    c = s.counts
    parts = [f"{c.invited} invité{_s(c.invited)}", f"{c.present} présent{_s(c.present)}",
             f"{c.represented} représenté{_s(c.represented)}", f"{c.excused} excusé{_s(c.excused)}",
             f"{c.absent} absent{_s(c.absent)}"]
    if c.not_recorded:
        parts.append(f"{c.not_recorded} non renseigné{_s(c.not_recorded)}")
    parts.append(f"{c.guests} invité{_s(c.guests)} extérieur{_s(c.guests)}")
    return "Membres : " + ", ".join(parts[:-1]) + ". " + parts[-1][0].upper() + parts[-1][1:] + "."


def _s(count: int) -> str:
    return "s" if count > 1 else ""


def _quorum_line(s: MeetingSnapshot) -> str:
    """The quorum, with what it counts: its number differs from présents + représentés."""
    if s.quorum.required is None:
        return s.quorum.label()
    return (f"{s.quorum.label()} : le quorum compte les membres titulaires en activité à la "
            "date de la réunion, présents ou représentés par un membre présent.")


def _attendance(s: MeetingSnapshot, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(40 * mm),
        text("Présences", styles.heading),
        text(counts_line(s), styles.body),
        text(_quorum_line(s), styles.cell_bold),
        Spacer(1, 2 * mm),
    ]
    by_status: dict[AttendanceStatus, list[InviteeRow]] = {}
    for row in s.invitees:
        by_status.setdefault(row.status, []).append(row)
    for status, label in _GROUPS:
        rows = by_status.get(status, [])
        if status is AttendanceStatus.PRESENT or rows:
            story += _name_list(label, rows, styles)
        if status is AttendanceStatus.PRESENT:
            story += _represented(by_status.get(AttendanceStatus.REPRESENTED, []), styles)
    story += _guests(s, styles)
    return story


def _who(row: InviteeRow) -> str:
    """The name, with the organisation a local actor represents."""
    return f"{row.display_name} ({row.structure})" if row.structure else row.display_name


def _name_list(label: str, rows: list[InviteeRow], styles: Styles) -> list[Flowable]:
    names = SEMICOLON.join(_who(r) for r in rows) if rows else "aucun"
    return [CondPageBreak(15 * mm), text(f"{label} ({len(rows)}) :", styles.label),
            text(names, styles.body), Spacer(1, 1.5 * mm)]


def _represented(rows: list[InviteeRow], styles: Styles) -> list[Flowable]:
    if not rows:
        return [text("Représentés (0) :", styles.label), text("aucun", styles.body),
                Spacer(1, 1.5 * mm)]
    table_rows = [[r.display_name, r.structure or r.college_label,
                   (r.proxy_holder_name or "(porteur non renseigné)")
                   + (" — au-delà du maximum, accepté" if r.proxy_exception else "")]
                  for r in rows]
    widths = [32, 28, 40]
    table = data_table(styles, ["Membre représenté", "Collège / structure", "Pouvoir donné à"],
                       fitted_rows(table_rows, widths, styles.cell), widths)
    return [CondPageBreak(25 * mm), text(f"Représentés ({len(rows)}) :", styles.label), table,
            Spacer(1, 1.5 * mm)]


def _guests(s: MeetingSnapshot, styles: Styles) -> list[Flowable]:
    # A guest who became a member is listed (and counted) with the members already.
    invited = {row.person_id for row in s.invitees}
    guests = [g for g in s.guests if g.person_id is None or g.person_id not in invited]
    label = [CondPageBreak(20 * mm), text(f"Invités extérieurs ({len(guests)}) :", styles.label)]
    if not guests:
        return [*label, text("aucun", styles.body)]
    rows = [[g.name, g.organisation_name, g.quality] for g in guests]
    widths = [35, 35, 30]
    return [*label, data_table(styles, ["Nom", "Structure", "Qualité"],
                               fitted_rows(rows, widths, styles.cell), widths)]


CELL_PADDING = 6  # reportlab's default left and right padding of a table cell
MIN_NAME_SIZE = 6.5


def fitted_rows(rows: Sequence[Sequence[str]], widths: Sequence[float],
                style: ParagraphStyle) -> list[list[Paragraph]]:
    """Cells of a ``data_table`` whose long names break at spaces and hyphens,
    never inside a word (reportlab cuts a word wider than its cell anywhere)."""
    scale = CONTENT_WIDTH / sum(widths)
    return [[fitted_cell(value, w * scale - 2 * CELL_PADDING, style)
             for value, w in zip(row, widths, strict=True)] for row in rows]


def fitted_cell(value: str, room: float, style: ParagraphStyle) -> Paragraph:
    """``value`` in ``room`` points: wrapped at spaces, else also after its hyphens
    (*Kowalczykowska-Brzęczyszczykiewicz*), at a smaller size if a part is still too
    wide; cut inside a word only below the smallest size."""
    def widest(parts: list[str], size: float) -> float:
        return max((stringWidth(part, style.fontName, size) for part in parts), default=0)

    if widest(value.split(), style.fontSize) <= room:
        return text(value, style)
    pieces = re.findall(r"[^\s-]+-?|-", value)
    size = style.fontSize
    while size > MIN_NAME_SIZE and widest(pieces, size) > room:
        size = max(MIN_NAME_SIZE, size - 0.5)
    lines = wrap_words(value, style.fontName, size, room)
    smaller = ParagraphStyle(f"{style.name}-fitted", parent=style, fontSize=size,
                             leading=style.leading * size / style.fontSize)
    return Paragraph("<br/>".join(escape(line) for line in lines), smaller)


def _proceedings(s: MeetingSnapshot, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(30 * mm), text("Déroulement de la séance", styles.heading)]
    if not s.agenda and not s.other_decisions:
        story.append(text("Aucun point ni décision enregistrés.", styles.note))
    for number, item in enumerate(s.agenda, start=1):
        head = [text(f"{number}. {item.title}", styles.cell_bold)]
        if item.presenter:
            head.append(text(f"Présenté par {item.presenter}", styles.note))
        body = [rich_text(item.summary, styles.body)] if item.summary.strip() else [
            text("Pas de résumé des échanges.", styles.note)]
        story.append(KeepTogether([*head, *body[:1]]))
        story += body[1:]
        story += [_decision_box(d, styles) for d in item.decisions]
        story.append(Spacer(1, 2.5 * mm))
    if s.other_decisions:
        boxes = [_decision_box(d, styles) for d in s.other_decisions]
        story += [KeepTogether([text("Autres décisions", styles.cell_bold), boxes[0]]),
                  *boxes[1:]]
    return story


def decision_detail(d: DecisionEntry) -> str:
    parts = [d.vote_label()]
    if d.owner_name:
        parts.append(f"Responsable : {d.owner_name}")
    if d.deadline:
        parts.append(f"échéance : {fmt_date(d.deadline)}")
    if d.done_on:
        parts.append(f"fait le {fmt_date(d.done_on)}")
    return " — ".join(parts)


def _decision_box(d: DecisionEntry, styles: Styles) -> Table:
    cells = [[text("Décision", styles.label), text(d.text, styles.body)],
             ["", text(decision_detail(d), styles.note)]]
    table = Table(cells, colWidths=[22 * mm, CONTENT_WIDTH - 22 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, 8.5),  # else Helvetica is referenced
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.25, RULE),
        ("LINEBEFORE", (0, 0), (0, -1), 1.5, ACCENT),
        ("SPAN", (0, 0), (0, 1)),
    ]))
    return table


def _signatures(s: MeetingSnapshot, styles: Styles) -> list[Flowable]:
    def box(role: str, names: list[str]) -> list[Flowable]:
        return [text(role, styles.label), text(", ".join(names) or " ", styles.body),
                Spacer(1, 18 * mm), text("Signature", styles.note)]

    table = Table([[box("Le président ou la présidente de séance", s.facilitators),
                    box("Le ou la secrétaire de séance", s.secretaries)]],
                  colWidths=[CONTENT_WIDTH / 2] * 2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (0, 0), 0.5, RULE),
        ("BOX", (1, 0), (1, 0), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [Spacer(1, 6 * mm), text("Signatures", styles.heading), table]

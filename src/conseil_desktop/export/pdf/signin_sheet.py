"""The sign-in sheet (feuille d'émargement) as an A4 PDF, portrait or landscape.

First page: the council's letterhead (logo if set), the body and title, the
date in words, the times, the place and a short agenda. Then one numbered row
per invitee (numbers of the check-in screen) and blank numbered rows for
walk-ins, at least 9 mm high to sign, the header row on every page. At the
foot: signature boxes for the chair and the secretary, and the GDPR notice.

The rows are paginated here, one table per page: one reportlab table split
over many pages costs quadratic time. A cell's text is drawn as a plain
string, shrunk if it is too wide; only a text that cannot fit even shrunk is
broken into lines, at spaces and hyphens (and its row grows).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from conseil_desktop.export import fonts
from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.pdf.layout import (
    ACCENT,
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    STRIPE_FILL,
    Styles,
    make_styles,
    text,
)
from conseil_desktop.export.pdf.meeting_layout import (
    RunningHeader,
    build_document,
    frame_size,
    letterhead,
    wrap_words,
)
from conseil_desktop.export.signin_rows import (
    COLUMNS,
    TITLE,
    SheetRow,
    SigninOptions,
    agenda_lines,
    counts_line,
    headers,
    heading_lines,
    officer_lines,
    running_header,
    sheet_rows,
)
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot

ROW_HEIGHT = 10 * mm  # handwriting needs at least 9 mm
GROUP_HEIGHT = 6.5 * mm
HEAD_HEIGHT = 7 * mm
FONT_SIZE = 9.0
MIN_FONT_SIZE = 6.5
WRAP_FONT_SIZE = 8.0
PADDING = 3.0


def write_signin_sheet_pdf(path: Path, snapshot: MeetingSnapshot,
                           options: SigninOptions | None = None) -> None:
    """Write the sign-in sheet of ``snapshot`` to ``path`` (atomically)."""
    options = options or SigninOptions()
    story = signin_story(snapshot, options, make_styles())
    what = TITLE + (" (exemplaire avec les présences)" if options.with_attendance else "")
    with atomic_output(path) as temporary:
        build_document(temporary, story, title=f"{what} — {snapshot.title}",
                       header=running_header(snapshot), is_landscape=options.landscape)


def signin_story(snapshot: MeetingSnapshot, options: SigninOptions,
                 styles: Styles) -> list[Flowable]:
    """The sheet's flowables, starting on a fresh page of the given orientation."""
    keys = options.keys()
    width, height = frame_size(options.landscape)
    relative = [COLUMNS[k][1] for k in keys]
    widths = [w * width / sum(relative) for w in relative]
    heading = _heading(snapshot, options, styles, width)
    used = sum(f.wrap(width, height)[1] + f.getSpaceAfter() for f in heading)
    lines = [_prepare(row, keys, widths) for row in sheet_rows(snapshot, options)]
    story: list[Flowable] = [RunningHeader(running_header(snapshot)), *heading]
    pages = _paginate(lines, height - used, height)
    for number, page in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.append(_table(page, keys, widths))
    story.append(KeepTogether(_foot(snapshot, options, styles, width)))
    return story


@dataclass
class _Line:
    row: SheetRow
    cells: list[str]  # a text too long even shrunk is broken into lines
    sizes: dict[int, float]  # column -> shrunk font size
    height: float


def _prepare(row: SheetRow, keys: tuple[str, ...], widths: list[float]) -> _Line:
    if row.group:
        return _Line(row, [row.group] + [""] * (len(keys) - 1), {}, GROUP_HEIGHT)
    cells: list[str] = []
    sizes: dict[int, float] = {}
    height = ROW_HEIGHT
    for column, value in enumerate(row.cells):
        room = widths[column] - 2 * PADDING
        needed = stringWidth(value, fonts.CONDENSED, FONT_SIZE) if value else 0
        if needed <= room:
            cells.append(value)
            continue
        size = FONT_SIZE * room / needed
        if size >= MIN_FONT_SIZE:
            cells.append(value)
            sizes[column] = size
            continue
        for size in (WRAP_FONT_SIZE, MIN_FONT_SIZE):  # two lines at 8 pt, else smaller
            lines = wrap_words(value, fonts.CONDENSED, size, room)
            if len(lines) <= 2:
                break
        cells.append("\n".join(lines))
        sizes[column] = size
        height = max(height, len(lines) * (size + 1.3) + 2 * PADDING + 2)
    return _Line(row, cells, sizes, height)


def _paginate(lines: list[_Line], first: float, other: float) -> list[list[_Line]]:
    """Rows per page: as many as fit under the repeated header row. A page that
    starts inside a college's group repeats its heading, marked *suite*."""
    pages: list[list[_Line]] = []
    page: list[_Line] = []
    room = first - HEAD_HEIGHT - 2
    group: _Line | None = None
    for line in lines:
        if page and line.height > room:
            pages.append(page)
            page, room = [], other - HEAD_HEIGHT - 2
            if group is not None and not line.row.group:
                page.append(_continued(group))
                room -= GROUP_HEIGHT
        if line.row.group and page and room - line.height < ROW_HEIGHT:
            pages.append(page)  # no group heading alone at the bottom of a page
            page, room = [], other - HEAD_HEIGHT - 2
        if line.row.group:
            group = line
        page.append(line)
        room -= line.height
    if page or not pages:
        pages.append(page)
    return pages


def _continued(group: _Line) -> _Line:
    heading = SheetRow(None, (), group=f"{group.row.group} — suite")
    return _Line(heading, [heading.group] + group.cells[1:], {}, GROUP_HEIGHT)


def _table(page: list[_Line], keys: tuple[str, ...], widths: list[float]) -> Table:
    # An empty list draws nothing, where "" would still be drawn as an empty string.
    data = [headers(keys), *[[c or [] for c in line.cells] for line in page]]
    table = Table(data, colWidths=widths, rowHeights=[HEAD_HEIGHT] + [ln.height for ln in page],
                  repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, FONT_SIZE),
        ("FONT", (0, 0), (-1, 0), fonts.CONDENSED_BOLD, FONT_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
    ]
    if "number" in keys:
        column = keys.index("number")
        commands.append(("ALIGN", (column, 0), (column, -1), "CENTER"))
    signature = keys.index("signature") if "signature" in keys else None
    for column, title in enumerate(data[0]):
        needed = stringWidth(title, fonts.CONDENSED_BOLD, FONT_SIZE)
        room = widths[column] - 2 * PADDING
        if needed > room:
            commands.append(("FONTSIZE", (column, 0), (column, 0), FONT_SIZE * room / needed))
    for index, line in enumerate(page, start=1):
        if line.row.group:
            commands += [("SPAN", (0, index), (-1, index)),
                         ("BACKGROUND", (0, index), (-1, index), STRIPE_FILL),
                         ("FONT", (0, index), (-1, index), fonts.CONDENSED_BOLD, FONT_SIZE),
                         ("TEXTCOLOR", (0, index), (-1, index), ACCENT)]
            continue
        for column, size in line.sizes.items():
            commands.append(("FONTSIZE", (column, index), (column, index), size))
            if "\n" in line.cells[column]:
                commands.append(("LEADING", (column, index), (column, index), size + 1.3))
        if signature is not None and line.cells[signature]:
            color = ACCENT if line.row.present else MUTED
            commands.append(("TEXTCOLOR", (signature, index), (signature, index), color))
    table.setStyle(TableStyle(commands))
    return table


def _heading(s: MeetingSnapshot, options: SigninOptions, styles: Styles,
             width: float) -> list[Flowable]:
    body, when, place = heading_lines(s)
    story: list[Flowable] = [
        letterhead(styles, s.council_name, s.logo_png,
                   [(body, "body"), (when, "body"), (place, "body")], width),
        Spacer(1, 3 * mm),
        text(TITLE, styles.title),
    ]
    if options.with_attendance:
        story.append(text("Exemplaire d'archive : présences et pouvoirs enregistrés.",
                          styles.note))
    agenda = agenda_lines(s)
    if agenda:
        story.append(text("Ordre du jour : " + "   ".join(agenda), styles.note))
    story.append(Spacer(1, 3 * mm))
    return story


def _foot(s: MeetingSnapshot, options: SigninOptions, styles: Styles,
          width: float) -> list[Flowable]:
    chair, secretary = officer_lines(s)
    story: list[Flowable] = [Spacer(1, 5 * mm)]
    if options.with_attendance:
        story += [text(counts_line(s), styles.body), Spacer(1, 3 * mm)]
    boxes = Table([[
        [text("Le ou la président·e de séance (animateur·rice)", styles.label),
         text(chair, styles.cell)], "",
        [text("Le ou la secrétaire de séance", styles.label), text(secretary, styles.cell)],
    ]], colWidths=[width / 2 - 3 * mm, 6 * mm, width / 2 - 3 * mm], rowHeights=[26 * mm],
        spaceAfter=3 * mm)
    boxes.setStyle(TableStyle([
        ("BOX", (0, 0), (0, 0), 0.6, RULE), ("BOX", (2, 0), (2, 0), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, 8.5),
    ]))
    story.append(boxes)
    if s.gdpr_notice:
        story.append(text(s.gdpr_notice, styles.note))
    return story

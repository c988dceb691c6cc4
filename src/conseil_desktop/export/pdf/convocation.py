"""Convocations: one A4 letter per invitee, for the residents without e-mail.

Each page carries the council's letterhead, the person's name and postal
address where the window of a DL envelope shows it (A4 folded in three), the
meeting's date, times and place, the agenda, and at the foot a proxy form to
cut out (*Je soussigné(e)… donne pouvoir à…*). The body shrinks if a long
agenda would reach the form. Letters are not numbered "Page X / Y": each goes
to a different person.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.export import fonts
from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.pdf.layout import (
    MUTED,
    RULE,
    Styles,
    field_table,
    make_styles,
    text,
)
from conseil_desktop.export.pdf.meeting_layout import (
    RunningHeader,
    build_document,
    letterhead,
    wrap_words,
)
from conseil_desktop.export.signin_rows import names_its_body, running_header, time_span
from conseil_desktop.services.formatting import fmt_date_words
from conseil_desktop.services.meeting_addresses import PostalAddress
from conseil_desktop.services.meeting_snapshot import InviteeRow, MeetingSnapshot

TITLE = "Convocation"
PAGE_WIDTH, PAGE_HEIGHT = A4
# The window of a DL envelope (110 x 220 mm) once the A4 page is folded in three.
WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH = 110 * mm, 50 * mm, 85 * mm
BODY_TOP = 100 * mm  # from the top of the page, below the window
FOLDS = (99 * mm, 198 * mm)
DOTS = "……………………………………"


def write_convocations(path: Path, snapshot: MeetingSnapshot,
                       addresses: dict[int, PostalAddress], *, skip_email: bool = False,
                       sender_address: str = "", today: date | None = None) -> int:
    """Write one letter per invitee (those convened by e-mail left out if asked).

    Returns the number of letters; an InvalidInputError (exit code 2) when there is none to print.
    """
    styles = make_styles()
    invitees = recipients(snapshot, addresses, skip_email=skip_email)
    if not invitees:
        raise InvalidInputError(
            "Aucune convocation à imprimer : cette réunion n'a pas d'invité"
            + (" qui reçoive ses convocations par courrier." if snapshot.invitees else "."))
    story: list[Flowable] = [RunningHeader(running_header(snapshot, TITLE))]
    for row in invitees:
        story += [Letter(snapshot, styles, row, addresses.get(row.person_id),
                         sender_address, today or date.today()), PageBreak()]
    with atomic_output(path) as temporary:
        build_document(temporary, story, title=f"{TITLE} — {snapshot.title}",
                       header=running_header(snapshot, TITLE), numbered=False)
    return len(invitees)


def recipients(snapshot: MeetingSnapshot, addresses: dict[int, PostalAddress], *,
               skip_email: bool) -> list[InviteeRow]:
    """The invitees who get a letter, in the order of their numbers."""
    def left_out(row: InviteeRow) -> bool:
        address = addresses.get(row.person_id)
        return skip_email and address is not None and address.by_email

    return [row for row in snapshot.invitees if not left_out(row)]


def model_letter(snapshot: MeetingSnapshot, styles: Styles, sender_address: str,
                 today: date) -> Flowable:
    """The letter as sent, addressed to no one in particular (for the dossier)."""
    return Letter(snapshot, styles, None, None, sender_address, today)


class Letter(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """One whole page: its parts are placed at fixed places on the sheet."""

    def __init__(self, snapshot: MeetingSnapshot, styles: Styles, row: InviteeRow | None,
                 address: PostalAddress | None, sender_address: str, today: date) -> None:
        super().__init__()
        self.s, self.styles, self.row, self.address = snapshot, styles, row, address
        self.sender_address, self.today = sender_address, today

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height

    def draw(self) -> None:
        canvas = self.canv
        left, bottom = canvas.absolutePosition(0, 0)  # the page corner, in our coordinates
        width, top = self.width, self.height
        _place(canvas, [self._sender(width * 0.5)], 0, top, width * 0.5)
        _place(canvas, self._recipient(), WINDOW_LEFT - left,
               PAGE_HEIGHT - WINDOW_TOP - bottom, WINDOW_WIDTH)
        form = self._proxy_form()
        form_height = sum(f.wrap(width, top)[1] + f.getSpaceAfter() for f in form)
        body_top = PAGE_HEIGHT - BODY_TOP - bottom
        body = KeepInFrame(width, body_top - form_height - 8 * mm, self._body(), mode="shrink",
                           vAlign="TOP")
        _place(canvas, [body], 0, body_top, width)
        _place(canvas, form, 0, form_height, width)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        for fold in FOLDS:  # fold marks in the left margin
            canvas.line(6 * mm - left, PAGE_HEIGHT - fold - bottom,
                        10 * mm - left, PAGE_HEIGHT - fold - bottom)
        canvas.restoreState()

    def _sender(self, width: float) -> Flowable:
        lines = [(line, "note") for line in self.sender_address.splitlines() if line.strip()]
        return letterhead(self.styles, self.s.council_name, self.s.logo_png, lines, width)

    def _recipient(self) -> list[Flowable]:
        st = self.styles
        if self.row is None:
            count = len(self.s.invitees)
            return [text("Modèle de la lettre envoyée", st.label),
                    text(f"aux {count} personnes invitées" if count != 1
                         else "à la personne invitée", st.body)]
        name = self.address.name if self.address else self.row.display_name
        lines = self.address.lines if self.address else []
        bold = st.heading.clone("recipient", spaceBefore=0, spaceAfter=1,
                                textColor=st.body.textColor)
        name = "\n".join(wrap_words(name, bold.fontName, bold.fontSize, WINDOW_WIDTH))
        return [text(name, bold), *(text(line, st.body) for line in lines)]

    def _body(self) -> list[Flowable]:
        s, st = self.s, self.styles
        when = fmt_date_words(s.date)
        hours = time_span(s).replace(" – ", " à ")
        meeting = f"{s.type_label} «\u00a0{s.title}\u00a0»" if s.title else s.type_label
        if names_its_body(s):
            meeting = f"«\u00a0{s.title}\u00a0»"
        story: list[Flowable] = [
            text(date_line(self.sender_address, s.convened_on or self.today), st.body_right),
            Spacer(1, 3 * mm),
            text(f"Objet : convocation — {s.type_label} du {when}", st.cell_bold),
            Spacer(1, 3 * mm),
            text("Madame, Monsieur,", st.body), Spacer(1, 2 * mm),
            text(f"Vous êtes invité(e) à participer à la réunion suivante du {s.council_name} :"
                 f" {meeting}.", st.body),
            Spacer(1, 2 * mm),
            field_table(st, [("Date", when), ("Horaires", f"de {hours}" if " à " in hours
                                                            else hours),
                             ("Lieu", s.place), ("Animation", ", ".join(s.facilitators))]),
            text("Ordre du jour", st.heading),
        ]
        for number, item in enumerate(s.agenda, start=1):
            line = f"{number}. {item.title}" + (f" ({item.presenter})" if item.presenter else "")
            story.append(text(line, st.body))
        if not s.agenda:
            story.append(text("L'ordre du jour sera remis en séance.", st.note))
        story += [
            Spacer(1, 3 * mm),
            text("Si vous ne pouvez pas être présent(e), merci de prévenir le secrétariat du "
                 "conseil. Vous pouvez aussi confier un pouvoir à un autre membre pour qu'il "
                 "vous représente, avec le formulaire ci-dessous.", st.body),
            Spacer(1, 2 * mm),
            text("Comptant sur votre présence, nous vous prions d'agréer, Madame, Monsieur, "
                 "nos salutations citoyennes.", st.body),
            Spacer(1, 3 * mm),
            text(f"Pour le {s.council_name}" + (f",\n{', '.join(s.facilitators)}"
                                                 if s.facilitators else ""), st.body_right),
        ]
        return story

    def _proxy_form(self) -> list[Flowable]:
        s, st = self.s, self.styles
        name = self.address.name if self.address else (self.row.display_name if self.row
                                                         else DOTS * 2)
        return [
            _CutLine(),
            text("Pouvoir", st.heading.clone("proxy", spaceBefore=2)),
            text(f"Je soussigné(e) {name}, membre du {s.council_name}, donne pouvoir à "
                 f"{DOTS}{DOTS} pour me représenter à la réunion «\u00a0{s.type_label}\u00a0» du "
                 f"{fmt_date_words(s.date)} et prendre part aux votes en mon nom.", st.body),
            Spacer(1, 3 * mm),
            text(f"Fait à {DOTS}, le {DOTS}", st.body),
            Spacer(1, 2 * mm),
            text("Signature, précédée de la mention «\u00a0Bon pour pouvoir\u00a0» :", st.body),
            Spacer(1, 14 * mm),
            text("À remettre à la personne qui vous représente, ou au secrétariat avant la "
                 "réunion. " + s.gdpr_notice, st.note.clone("small", fontSize=7, leading=8.5)),
        ]


class _CutLine(Flowable):  # type: ignore[misc]
    """A dashed line with scissors: where to cut the proxy form off."""

    def wrap(self, available_width: float, _h: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 4 * mm

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 10)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, 1.2 * mm, "✂")
        canvas.setStrokeColor(RULE)
        canvas.setDash(3, 2)
        canvas.line(5 * mm, 2 * mm, self.width, 2 * mm)
        canvas.restoreState()


def _place(canvas: object, flowables: list[Flowable], x: float, top: float,
           width: float) -> None:
    """Draw ``flowables`` one under the other, from ``top`` down, at ``x``."""
    y = top
    for flowable in flowables:
        _w, height = flowable.wrapOn(canvas, width, y)
        y -= height
        flowable.drawOn(canvas, x, y)
        y -= flowable.getSpaceAfter()


def date_line(sender_address: str, day: date) -> str:
    """« Toulouse, le 2 novembre 2026 » when the council's address names its city,
    else « Le lundi 2 novembre 2026 »."""
    city = address_city(sender_address)
    if not city:
        return f"Le {fmt_date_words(day)}"
    return f"{city}, le {fmt_date_words(day).partition(' ')[2]}"  # no weekday after a city


_POSTCODE_LINE = re.compile(r"^\s*(?:F-?\s*)?\d{2}\s?\d{3}\s+(?P<city>\S.*?)\s*$")
_CEDEX = re.compile(r"[\s,]+cedex(?:\s+\d+)?$", re.IGNORECASE)
_SMALL_WORDS = {"au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les",
                "lès", "lez", "sous", "sur"}


def address_city(address: str) -> str:
    """The city of a French postal address: the words after the postcode on the last
    line that starts with one (« 31000 Toulouse »; « 31040 TOULOUSE CEDEX 9 » gives
    « Toulouse »), or "" when no line does."""
    for line in reversed(address.splitlines()):
        match = _POSTCODE_LINE.match(line)
        if match:
            city = _CEDEX.sub("", match["city"]).strip(" ,")
            return _proper_case(city) if city.isupper() else city
    return ""


def _proper_case(city: str) -> str:
    """« LE PUY-EN-VELAY » as « Le Puy-en-Velay », « VILLENEUVE-D'ASCQ » as
    « Villeneuve-d'Ascq »: capitals are for the envelope, not the date line."""
    words = re.split(r"([\s'’-]+)", city.lower())
    for n, word in enumerate(words):
        if n % 2 == 0 and word and (n == 0 or word not in _SMALL_WORDS):
            words[n] = word[0].upper() + word[1:]
    return "".join(words)

"""Address labels: A4 sheets of 3 x 8 labels of 70 x 37 mm (Avery 3474 and alike).

One label per complete address, in the order of the invitees' numbers, the name in bold then the address
lines; a line too long for the label is set smaller. Nothing else is printed
(no border, no page number): the sheet goes through the printer as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.export import fonts
from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.pdf.meeting_layout import wrap_words
from conseil_desktop.services.meeting_addresses import PostalAddress, label_recipients

COLUMNS, ROWS = 3, 8
LABEL_WIDTH, LABEL_HEIGHT = 70 * mm, 37 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = (PAGE_WIDTH - COLUMNS * LABEL_WIDTH) / 2
TOP = (PAGE_HEIGHT - ROWS * LABEL_HEIGHT) / 2
INSET = 7 * mm  # from the label's left edge; printers do not reach the sheet's edge
SIZE, MIN_SIZE, LEADING = 10.0, 7.0, 12.5
PER_PAGE = COLUMNS * ROWS
MAX_LINES = 6  # what the post reads: name, up to four address lines, town


def write_labels(path: Path, addresses: Iterable[PostalAddress] | dict[int, PostalAddress],
                 *, skip_email: bool = False, title: str = "Étiquettes") -> int:
    """Write the labels to ``path`` (atomically); the number of sheets.

    Only complete postal addresses get a label (see ``label_recipients``), in
    the order of the invitees' numbers; ``skip_email`` leaves out the people
    convened by e-mail.
    """
    addresses = label_recipients(addresses, skip_email=skip_email)
    if not addresses:
        raise InvalidInputError("Aucune étiquette à imprimer : aucune adresse postale complète "
                        "parmi les personnes retenues.")
    fonts.register_fonts()
    with atomic_output(path) as temporary:
        canvas = Canvas(str(temporary), pagesize=A4, initialFontName=fonts.REGULAR,
                        initialFontSize=SIZE)
        canvas.setTitle(title)
        canvas.setAuthor("Conseil Desktop")
        canvas.setCreator("Conseil Desktop")
        for index, address in enumerate(addresses):
            if index and not index % PER_PAGE:
                canvas.showPage()
            _label(canvas, address, index % PER_PAGE)
        canvas.showPage()
        canvas.save()
    return (len(addresses) + PER_PAGE - 1) // PER_PAGE


def label_lines(address: PostalAddress) -> list[str]:
    return [address.name, *address.lines]


def _label(canvas: Canvas, address: PostalAddress, slot: int) -> None:
    row, column = divmod(slot, COLUMNS)
    x = LEFT + column * LABEL_WIDTH + INSET
    lines = _fitted(label_lines(address), LABEL_WIDTH - INSET - 6 * mm)
    top = PAGE_HEIGHT - TOP - row * LABEL_HEIGHT
    block = sum(size * LEADING / SIZE for _line, _font, size in lines)
    y = top - (LABEL_HEIGHT - block) / 2 - lines[0][2]  # the block centred
    for line, font, size in lines:
        canvas.setFont(font, size)
        canvas.drawString(x, y, line)
        y -= size * LEADING / SIZE


def _fitted(lines: list[str], room: float) -> list[tuple[str, str, float]]:
    """(text, font, size) per printed line: shrunk to fit, else wrapped, at most 6 lines.

    When the name and street lines wrap past six lines, everything is set
    smaller; if that is not enough, the lines above the town are cut, never the
    town itself (``75011 PARIS``), without which the letter goes nowhere.
    """
    fitted: list[list[tuple[str, str, float]]] = []
    for largest in (SIZE, 9.0, 8.0, MIN_SIZE, 6.0):
        fitted = [_wrapped(line, fonts.BOLD if number == 0 else fonts.REGULAR, largest, room)
                  for number, line in enumerate(lines)]
        if sum(len(parts) for parts in fitted) <= MAX_LINES:
            return [part for parts in fitted for part in parts]
    town = fitted[-1][:MAX_LINES]
    above = [part for parts in fitted[:-1] for part in parts]
    return above[:MAX_LINES - len(town)] + town


def _wrapped(line: str, font: str, largest: float, room: float) -> list[tuple[str, str, float]]:
    width = stringWidth(line, font, largest)
    size = largest if width <= room else max(min(MIN_SIZE, largest), largest * room / width)
    return [(part, font, size) for part in wrap_words(line, font, size, room)]

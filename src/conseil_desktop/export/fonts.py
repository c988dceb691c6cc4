"""DejaVu Sans registered with reportlab, so that every name prints and is
embedded in the PDF: Yılmaz, Nguyễn Thị Hương, Łukasz, Œuvray...

The fonts ship in ``resources/fonts`` (the package ``conseil_desktop_resources``)
and are read with :mod:`importlib.resources`, which also works in a frozen build.
"""

from __future__ import annotations

from importlib import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"
FONTS = (REGULAR, BOLD, ITALIC, BOLD_ITALIC, CONDENSED, CONDENSED_BOLD)


def register_fonts() -> None:
    """Register the DejaVu faces and their families (once per process)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources.files("conseil_desktop_resources") / "fonts"
    for name in FONTS:
        with resources.as_file(folder / f"{name}.ttf") as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> and <i> in paragraphs pick the matching face.
    for family, bold in ((REGULAR, BOLD), (CONDENSED, CONDENSED_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    addMapping(CONDENSED, 0, 1, ITALIC)
    addMapping(CONDENSED, 1, 1, BOLD_ITALIC)

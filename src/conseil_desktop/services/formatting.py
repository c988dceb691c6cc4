"""French formatting of dates, times, money, phone numbers and counts, in one place."""

from __future__ import annotations

from datetime import date, time

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
]


def plural(count: int, one: str, many: str) -> str:
    """``1 décision``, ``2 décisions``; French takes the singular for 0 and 1."""
    return f"{count} {one if count <= 1 else many}"


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_date_words(value: date) -> str:
    """``mardi 25 novembre 2026``."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{WEEKDAYS[value.weekday()]} {day} {MONTHS[value.month - 1]} {value.year}"


def fmt_time(value: time | None) -> str:
    """``18 h 30``."""
    if value is None:
        return ""
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def fmt_money(cents: int | None) -> str:
    """``1 234,50 €`` (narrow no-break space between thousands)."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", "\u202f")
    return f"{sign}{grouped},{rest:02d}\u00a0€"


_OVERSEAS_CODES = {"+262", "+590", "+594", "+596", "+508"}


def fmt_phone(e164: str | None) -> str:
    """``+33612345678`` shown as ``06 12 34 56 78``; other numbers as stored."""
    if not e164:
        return ""
    if e164.startswith("+33") and len(e164) == 12 and e164[3:].isdigit():
        n = e164  # +33 6 12 34 56 78 -> 06 12 34 56 78 (sliced: called 100k times per list)
        return f"0{n[3]} {n[4:6]} {n[6:8]} {n[8:10]} {n[10:12]}"
    if e164[:4] in _OVERSEAS_CODES and len(e164) == 13 and e164[4:].isdigit():
        n = e164  # +262 692 12 34 56 -> 06 92 12 34 56, as dialled in La Réunion
        return f"0{n[4]} {n[5:7]} {n[7:9]} {n[9:11]} {n[11:13]}"
    return e164

"""Amounts typed by people, read into integer cents.

``parse_money`` is the inverse of :func:`formatting.fmt_money`: whatever
``fmt_money`` prints, ``parse_money`` reads back. It accepts the ways French
users write an amount::

    1234,5   1 234,50 €   1234.50   12 €   0,5   1.234,50   1 234 567,89 EUR

with plain, no-break or narrow no-break spaces between groups of thousands.
It refuses anything ambiguous ("12,345": twelve euros or twelve thousand?),
malformed ("12,3,4", "abc") or negative: grants and requests are never below
zero.
"""

from __future__ import annotations

import re

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.formatting import fmt_money

# 999 999 999,99 €: far above any grant, and refuses a pasted phone number.
MAX_CENTS = 99_999_999_999
EXAMPLE = "1 234,50 €"

_SPACES = "\u0020\u00a0\u202f\u2009"
_SPACE = f"[{_SPACES}]"
_CURRENCY = re.compile(rf"{_SPACE}*(€|eur|euros?)$", re.IGNORECASE)
# Integer part: plain digits, or groups of three separated by one space or one dot.
_AMOUNT = re.compile(
    rf"""
    (?P<euros>\d+|\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+(?=,|$))
    (?:[.,](?P<cents>\d{{1,2}}))?
    """,
    re.VERBOSE,
)


def parse_money(text: str) -> int:
    """``"1 234,50 €"`` -> ``123450``; raise :class:`InvalidInputError` otherwise."""
    raw = text.strip(_SPACES + "\t")
    if not raw:
        raise InvalidInputError(f"Montant manquant (exemple : {EXAMPLE}).")
    number = _CURRENCY.sub("", raw)
    if number.startswith("-"):
        raise InvalidInputError(f"Un montant ne peut pas être négatif : « {raw} ».")
    match = _AMOUNT.fullmatch(number)
    if match is None or _dot_is_ambiguous(number):
        raise InvalidInputError(f"« {raw} » n'est pas un montant valide (exemple : {EXAMPLE}).")
    euros = int(re.sub(rf"[.{_SPACES}]", "", match["euros"]))
    cents = int((match["cents"] or "0").ljust(2, "0"))
    total = euros * 100 + cents
    if total > MAX_CENTS:
        raise InvalidInputError(
            f"« {raw} » est un montant trop élevé (au plus {fmt_money(MAX_CENTS)})."
        )
    return total


def parse_optional_money(text: str | None) -> int | None:
    """Like :func:`parse_money`, but a blank field means "not known yet"."""
    if text is None or not text.strip(_SPACES + "\t"):
        return None
    return parse_money(text)


def _dot_is_ambiguous(number: str) -> bool:
    """"1.234" alone could be 1,234 € or 1 234 €: refuse it; "1.234,50" is clear."""
    return re.fullmatch(r"\d{1,3}\.\d{3}", number) is not None

"""Text folding for search and duplicate detection.

``fold("Élodie Œuvray-N'Diaye")`` gives ``"elodie oeuvray n diaye"``: lower
case, no accents, ligatures expanded, punctuation and hyphens as spaces.
"""

from __future__ import annotations

import re
import unicodedata

_EXPAND = str.maketrans(
    {
        "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ı": "i", "İ": "i",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "þ": "th",
    }
)
_NON_WORD = re.compile(r"[^0-9a-z@.+]+")


def fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXPAND))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", stripped).strip()


def person_search_key(
    last_name: str, first_name: str, email: str | None = None, phone: str | None = None,
    organisation: str | None = None,
) -> str:
    parts = [fold(last_name), fold(first_name), (email or "").lower()]
    if phone:
        digits = re.sub(r"\D", "", phone)
        parts.append(digits)
        if digits.startswith("33") and len(digits) == 11:
            parts.append("0" + digits[2:])  # the national form people type
    if organisation:
        parts.append(fold(organisation))
    return " ".join(p for p in parts if p)

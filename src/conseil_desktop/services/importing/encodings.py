"""Decoding a text table whose encoding nobody wrote down.

In order: a byte-order mark (UTF-8, UTF-16 such as Excel's "Texte Unicode",
UTF-32); UTF-16 without a mark (every other byte zero); strict UTF-8;
Windows-1252 when its non-ASCII characters read as Latin text (French
Excel's CSV); else the Western code page charset-normalizer finds most
likely (Mac Roman, DOS 850...), if it reads as Latin text too. Anything
else is refused rather than imported as gibberish: charset-normalizer alone
would answer Central European or Japanese code pages for short French files.
Binary content is refused.
"""

from __future__ import annotations

import codecs
import unicodedata

from conseil_desktop.errors import InvalidInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 avec BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_TYPOGRAPHY = frozenset("€’‘“”«»–—…°·²³ªº×\u00a0\u202f")
_WESTERN_CODE_PAGES = ["cp1252", "iso8859_15", "mac_roman", "cp850", "cp437"]
_SAMPLE = 64 * 1024
_MAX_CONTROL_SHARE = 0.01


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """The text and a label of its encoding (shown in the plan)."""
    text, label = _decode(name, data)
    _refuse_binary(name, text)
    return text, label


def _decode(name: str, data: bytes) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(name, data, codec), label
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _utf16_without_bom(data[:_SAMPLE])
        if utf16 is None:
            raise _binary(name)
        return _strict(name, data, utf16), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    western = _try_decode(data, "cp1252")
    if western is not None and reads_as_latin(western):
        return western, "Windows-1252"
    guessed = _western_guess(data)
    if guessed is not None and reads_as_latin(guessed[0]):
        return guessed
    raise InvalidInputError(
        f"L'encodage du fichier « {name} » n'a pas pu être reconnu : enregistrez-le depuis "
        "votre tableur en « CSV UTF-8 » ou au format .xlsx, puis recommencez."
    )


def reads_as_latin(text: str) -> bool:
    """True when (nearly) every non-ASCII character is a Latin letter (accented,
    Vietnamese included) or common typography: what the right Western code page
    gives for European names, and what a wrong one rarely does."""
    foreign = [c for c in text[:_SAMPLE] if ord(c) > 127]
    if not foreign:
        return True
    latin = sum(
        c in _TYPOGRAPHY or ("\u00c0" <= c <= "\u024f" and c not in "×÷")
        or "\u1e00" <= c <= "\u1eff"
        for c in foreign
    )
    return latin >= 0.95 * len(foreign)


def _strict(name: str, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"Le fichier « {name} » annonce l'encodage {codec.upper()} mais contient des "
            "caractères illisibles (fichier tronqué ou mal enregistré ?)."
        ) from exc


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """ASCII-heavy UTF-16 has a zero byte in every pair, on the same side."""
    pairs = len(sample) // 2
    if not pairs:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros > 0.3 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.3 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return None


def _western_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_WESTERN_CODE_PAGES).best()
    if best is None:
        return None
    return str(best), best.encoding


def _refuse_binary(name: str, text: str) -> None:
    sample = text[:_SAMPLE]
    controls = sum(
        1 for c in sample if c not in "\t\r\n" and unicodedata.category(c) in ("Cc", "Cs")
    )
    if "\x00" in sample or controls > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise _binary(name)


def _binary(name: str) -> InvalidInputError:
    return InvalidInputError(
        f"Le fichier « {name} » n'est pas un tableau : son contenu n'est pas du texte. "
        "Formats acceptés : .xlsx, .xls, .ods, .csv, .txt."
    )

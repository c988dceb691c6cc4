"""Identifiers typed in the contact forms, checked and normalised.

* SIRET: 14 digits with a Luhn key (La Poste's establishments, SIREN
  356 000 000, use another rule: the sum of the digits is a multiple of 5);
* RNA (répertoire national des associations): ``W`` and 9 digits;
* phone numbers, stored in E.164 (``+33612345678``), read with region FR;
  French short numbers (``3949``, ``115``) are kept as typed digits;
* e-mail addresses, web sites and French postcodes.

Each ``normalise_*`` function returns the stored form or raises
:class:`InvalidInputError` with a French message naming what was typed.
"""

from __future__ import annotations

import functools
import re

from conseil_desktop.errors import InvalidInputError

LA_POSTE_SIREN = "356000000"
_BLANKS = re.compile(r"[\s\u00a0\u202f]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
_POSTCODE = re.compile(r"\d{5}")
_DOMAIN_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")


def _compact(text: str) -> str:
    return _BLANKS.sub("", text)


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by SIREN and SIRET numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siret_valid(siret: str) -> bool:
    """The SIREN (first 9 digits) and the whole SIRET each carry a Luhn key."""
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return luhn_valid(siret) or sum(int(c) for c in siret) % 5 == 0
    return luhn_valid(siret[:9]) and luhn_valid(siret)


def normalise_siret(text: str) -> str:
    """``"356 000 000 00048"`` -> ``"35600000000048"``."""
    siret = _compact(text)
    if not siret.isdigit() or len(siret) != 14:
        raise InvalidInputError(
            f"« {text.strip()} » n'est pas un numéro SIRET : il faut 14 chiffres "
            f"(ici {sum(c.isdigit() for c in siret)})."
        )
    if not siret_valid(siret):
        raise InvalidInputError(
            f"Le numéro SIRET « {text.strip()} » est incorrect (sa clé de contrôle ne "
            "correspond pas) : vérifiez qu'aucun chiffre n'a été mal recopié."
        )
    return siret


def normalise_rna(text: str) -> str:
    """``"w751234567"`` -> ``"W751234567"``."""
    rna = _compact(text).upper()
    if re.fullmatch(r"W\d{9}", rna) is None:
        raise InvalidInputError(
            f"« {text.strip()} » n'est pas un numéro RNA : il commence par W, suivi de "
            "9 chiffres (exemple : W313012345)."
        )
    return rna


@functools.lru_cache(maxsize=65536)
def normalise_phone(text: str) -> str:
    """``"06 12 34 56 78"`` -> ``"+33612345678"``; ``"3949"`` stays ``"3949"``.

    Cached: an import checks each number when it plans and again when it writes, and
    libphonenumber's parse is the slowest step of a 10,000-row import."""
    import phonenumbers
    from phonenumbers import shortnumberinfo

    message = (
        f"« {text.strip()} » n'est pas un numéro de téléphone valide "
        "(exemples : 05 61 22 33 44, +49 30 1234567)."
    )
    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException as exc:
        raise InvalidInputError(message) from exc
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    overseas = _overseas_number(text)
    if overseas is not None:
        return overseas
    if number.country_code == 33 and shortnumberinfo.is_valid_short_number_for_region(
        number, "FR"
    ):
        return str(number.national_number)
    raise InvalidInputError(message)


# Overseas departments dial 0692..., 0590... nationally but have their own country codes.
_OVERSEAS_REGIONS = ("RE", "YT", "GP", "MQ", "GF", "PM", "BL", "MF")
_OVERSEAS_PREFIXES = frozenset({
    "0262", "0263", "0269", "0590", "0594", "0596", "0508",  # landlines
    "0639", "0690", "0691", "0692", "0693", "0694", "0696", "0697",  # mobiles
})


def _overseas_number(text: str) -> str | None:
    import phonenumbers

    digits = "".join(c for c in text if c.isdigit())
    if len(digits) != 10 or digits[:4] not in _OVERSEAS_PREFIXES:
        return None
    for region in _OVERSEAS_REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number_for_region(number, region):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def normalise_email(text: str) -> str:
    """Trimmed, with the domain in lower case (the part before @ is kept as typed)."""
    email = text.strip()
    if len(email) > 254 or _EMAIL.fullmatch(email) is None:
        raise InvalidInputError(
            f"« {email} » n'est pas une adresse électronique valide "
            "(exemple : prenom.nom@exemple.fr)."
        )
    local, domain = email.rsplit("@", 1)
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in domain.split(".")):
        raise InvalidInputError(f"Le domaine de l'adresse « {email} » n'est pas valide.")
    return f"{local}@{domain.lower()}"


def normalise_website(text: str) -> str:
    """``"www.example.org"`` -> ``"https://www.example.org"``."""
    site = text.strip()
    if not site or re.search(r"\s", site) or "." not in site:
        raise InvalidInputError(
            f"« {site} » n'est pas une adresse de site web (exemple : www.exemple.fr)."
        )
    if re.match(r"[a-z][a-z0-9+.-]*://", site, re.IGNORECASE) is None:
        site = "https://" + site
    return site


def normalise_postcode(text: str) -> str:
    postcode = _compact(text)
    if _POSTCODE.fullmatch(postcode) is None:
        raise InvalidInputError(
            f"« {text.strip()} » n'est pas un code postal français (5 chiffres, "
            "exemple : 31100)."
        )
    return postcode

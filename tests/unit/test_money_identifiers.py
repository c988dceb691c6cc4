"""Amounts typed in French, SIRET/RNA numbers, phones and e-mails."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.formatting import fmt_money
from conseil_desktop.services.identifiers import (
    luhn_valid,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    normalise_rna,
    normalise_siret,
    normalise_website,
)
from conseil_desktop.services.money import MAX_CENTS, parse_money, parse_optional_money


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1234,5", 123450),
        ("1 234,50 €", 123450),
        ("1234.50", 123450),
        ("1 234,50", 123450),
        ("1\u00a0234,50", 123450),
        ("1\u202f234,50\u00a0€", 123450),
        ("12 €", 1200),
        ("12€", 1200),
        ("0,5", 50),
        ("0,05", 5),
        ("  7  ", 700),
        ("1.234,50", 123450),
        ("1.234.567", 123456700),
        ("1 234 567,89 EUR", 123456789),
        ("15 euros", 1500),
        ("0", 0),
    ],
)
def test_accepted_amounts(text: str, cents: int) -> None:
    assert parse_money(text) == cents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "« abc » n'est pas un montant valide (exemple : 1 234,50 €)."),
        ("12,345", "« 12,345 » n'est pas un montant valide"),
        ("12,3,4", "n'est pas un montant valide"),
        ("1.234", "n'est pas un montant valide"),  # 1,234 € or 1 234 €?
        ("1,234.50", "n'est pas un montant valide"),
        ("12 34", "n'est pas un montant valide"),
        ("€ 12", "n'est pas un montant valide"),
        ("-5", "ne peut pas être négatif"),
        ("-1 234,50 €", "ne peut pas être négatif"),
        ("", "Montant manquant"),
        ("1 000 000 000,00", "trop élevé"),
    ],
)
def test_refused_amounts(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        parse_money(text)
    assert message in raised.value.message
    assert raised.value.exit_code == 2


def test_optional_amount_blank_means_unknown() -> None:
    assert parse_optional_money("") is None
    assert parse_optional_money(" \u00a0") is None
    assert parse_optional_money(None) is None
    assert parse_optional_money("3,00 €") == 300


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_parse_reads_back_what_fmt_money_prints(cents: int) -> None:
    assert parse_money(fmt_money(cents)) == cents


@given(st.integers(min_value=0, max_value=MAX_CENTS // 100))
def test_plain_and_dotted_euros(euros: int) -> None:
    assert parse_money(str(euros)) == euros * 100
    assert parse_money(f"{euros:,}".replace(",", " ") + " €") == euros * 100


# --- SIRET and RNA ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "siret"),
    [
        ("80123456800013", "80123456800013"),  # SIREN 801 234 568 and NIC 00013, both keyed
        ("801 234 568 00013", "80123456800013"),
        ("\u00a0732 829 320 00074 ", "73282932000074"),
        ("356 000 000 00048", "35600000000048"),  # La Poste head office (Luhn holds too)
        ("35600000049837", "35600000049837"),  # La Poste: fails Luhn, digits add up to 45
    ],
)
def test_valid_siret(text: str, siret: str) -> None:
    assert normalise_siret(text) == siret


def test_la_poste_numbers_use_the_sum_of_digits() -> None:
    assert not luhn_valid("35600000049837")
    with pytest.raises(InvalidInputError, match="clé de contrôle"):
        normalise_siret("35600000049838")  # sum 46


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("80123456800014", "clé de contrôle"),
        ("8012345680001", "il faut 14 chiffres (ici 13)"),
        ("801234568000130", "il faut 14 chiffres (ici 15)"),
        ("8012345680001A", "n'est pas un numéro SIRET"),
    ],
)
def test_invalid_siret(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        normalise_siret(text)
    assert message in raised.value.message


def test_siret_whose_siren_key_is_wrong_is_refused() -> None:
    siret = "80123456700015"
    assert luhn_valid(siret) and not luhn_valid(siret[:9])
    with pytest.raises(InvalidInputError, match="clé de contrôle"):
        normalise_siret(siret)


@pytest.mark.parametrize("text", ["W313012345", "w313012345", " W 313 012 345 "])
def test_valid_rna(text: str) -> None:
    assert normalise_rna(text) == "W313012345"


@pytest.mark.parametrize(
    "text", ["313012345", "W31301234", "W3130123456", "X313012345", "WABCDEFGHI"]
)
def test_invalid_rna(text: str) -> None:
    with pytest.raises(InvalidInputError, match="n'est pas un numéro RNA"):
        normalise_rna(text)


# --- phones, e-mails, web sites, postcodes -----------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("05.61.22.33.44", "+33561223344"),
        ("+33 5 61 22 33 44", "+33561223344"),
        ("0033 6 12 34 56 78", "+33612345678"),
        ("+49 30 1234567", "+49301234567"),
        ("3949", "3949"),
        ("115", "115"),
    ],
)
def test_phones_are_stored_in_e164(text: str, stored: str) -> None:
    assert normalise_phone(text) == stored


@pytest.mark.parametrize("text", ["abc", "12", "06 12 34 56 7", "06 12 34 56 78 9"])
def test_invalid_phones(text: str) -> None:
    with pytest.raises(InvalidInputError, match="n'est pas un numéro de téléphone valide"):
        normalise_phone(text)


def test_emails() -> None:
    assert normalise_email("  Elodie.Oeuvray@Example.ORG ") == "Elodie.Oeuvray@example.org"
    assert normalise_email("contact@mairie-quartier.example.fr") == (
        "contact@mairie-quartier.example.fr")
    for bad in ("elodie", "elodie@", "@example.org", "a@b", "a b@example.org", "a@b..fr",
                "a@-b.fr", "a@@example.org"):
        with pytest.raises(InvalidInputError, match=r"adresse électronique|domaine"):
            normalise_email(bad)


def test_websites_and_postcodes() -> None:
    assert normalise_website("www.example.org") == "https://www.example.org"
    assert normalise_website("http://example.org/a") == "http://example.org/a"
    with pytest.raises(InvalidInputError, match="site web"):
        normalise_website("pas un site")
    assert normalise_postcode(" 31 100 ") == "31100"
    with pytest.raises(InvalidInputError, match="code postal"):
        normalise_postcode("3110")


@pytest.mark.parametrize(
    ("typed", "e164", "shown"),
    [
        ("0692 12 34 56", "+262692123456", "06 92 12 34 56"),  # La Réunion mobile
        ("06 96 84 72 55", "+596696847255", "06 96 84 72 55"),  # Martinique mobile
        ("0590 12 34 56", "+590590123456", "05 90 12 34 56"),  # Guadeloupe landline
        ("0594 30 00 00", "+594594300000", "05 94 30 00 00"),  # Guyane landline
    ],
)
def test_overseas_department_numbers_are_accepted(typed: str, e164: str, shown: str) -> None:
    from conseil_desktop.services.formatting import fmt_phone
    from conseil_desktop.services.identifiers import normalise_phone

    assert normalise_phone(typed) == e164
    assert fmt_phone(e164) == shown

"""Cell values as people type them: dates, phones, civilities, colleges, names."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conseil_desktop.db.models import College, Designation, Seat, Sex
from conseil_desktop.services.importing.values import (
    EXCEL_EPOCH,
    Cell,
    ValueProblem,
    cell_text,
    parse_birth_date,
    parse_college,
    parse_date,
    parse_designation,
    parse_email,
    parse_phone,
    parse_postcode,
    parse_seat,
    parse_sex,
    split_full_name,
)

TODAY = dt.date(2026, 11, 25)
DATES = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31))


@given(DATES)
def test_any_date_typed_day_first_round_trips(day: dt.date) -> None:
    for text in (f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}",
                 f"{day:%d.%m.%Y}", f"{day:%d-%m-%Y}", day.isoformat()):
        assert parse_date(text, today=TODAY) == day, text


@given(DATES)
def test_any_date_as_an_excel_serial_round_trips(day: dt.date) -> None:
    serial = (day - EXCEL_EPOCH).days
    assert parse_date(serial, today=TODAY) == day
    assert parse_date(float(serial) + 0.75, today=TODAY) == day  # a time of day is dropped
    assert parse_date(str(serial), today=TODAY) == day  # a CSV export lost the date format


@given(st.dates(min_value=dt.date(1927, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_two_digit_years_are_read_within_the_last_century(day: dt.date) -> None:
    assert parse_date(f"{day.day}/{day.month}/{day:%y}", today=TODAY) == day


def test_known_excel_serials_and_date_cells() -> None:
    assert parse_date(45363, today=TODAY) == dt.date(2024, 3, 12)
    assert parse_date(61, today=TODAY) == dt.date(1900, 3, 1)
    assert parse_date(dt.datetime(2024, 3, 12, 18, 30), today=TODAY) == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12 mars 2024", dt.date(2024, 3, 12)), ("1er août 2023", dt.date(2023, 8, 1)),
     ("3 FÉVRIER 1999", dt.date(1999, 2, 3)), ("3 févr. 1999", dt.date(1999, 2, 3)),
     ("2024-03-12 00:00:00", dt.date(2024, 3, 12)), (" 12/03/2024 ", dt.date(2024, 3, 12))],
)
def test_dates_in_words_and_with_a_time(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "le mois dernier", "12/13/2024", "32 mars 2024",
                                  "12 brumaire 2024", "01/01/1850", "0", "2958466"])
def test_unreadable_dates(text: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date(text, today=TODAY)
    assert caught.value.problem == "illisible"


def test_a_birth_date_in_the_future_is_refused() -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_birth_date("12/12/2099", today=TODAY)
    assert caught.value.problem == "dans le futur"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("06 12 34 56 78", "+33612345678"), ("06.12.34.56.78", "+33612345678"),
     ("+33 6 12 34 56 78", "+33612345678"), ("0033 6 12 34 56 78", "+33612345678"),
     ("05-61-22-33-44", "+33561223344"), (612345678, "+33612345678"),
     (612345678.0, "+33612345678"), ("+49 30 1234567", "+49301234567")],
)
def test_phones_are_stored_in_e164(cell: Cell, expected: str) -> None:
    assert parse_phone(cell) == expected


@pytest.mark.parametrize("cell", ["06 12", "pas de téléphone", "07 02 35 92 56"])
def test_invalid_phones(cell: str) -> None:
    with pytest.raises(ValueProblem, match="invalide"):
        parse_phone(cell)


def test_emails_are_checked() -> None:
    assert parse_email(" Jean.Dupont@Exemple.FR ") == "Jean.Dupont@exemple.fr"
    assert parse_email("mailto:stéphanie.1@exemple.fr") == "stéphanie.1@exemple.fr"
    for bad in ("jean.dupont@", "jean dupont@exemple.fr", "exemple.fr"):
        with pytest.raises(ValueProblem, match="invalide"):
            parse_email(bad)


def test_postcodes_get_back_a_leading_zero_lost_by_a_number_cell() -> None:
    assert parse_postcode(1000) == "01000"
    assert parse_postcode(31200.0) == "31200"
    assert parse_postcode("31 200") == "31200"
    with pytest.raises(ValueProblem):
        parse_postcode("BP 12")


@pytest.mark.parametrize(
    ("text", "sex"),
    [("M.", Sex.MALE), ("M", Sex.MALE), ("Monsieur", Sex.MALE), ("H", Sex.MALE),
     ("homme", Sex.MALE), ("Mme", Sex.FEMALE), ("Mme.", Sex.FEMALE), ("Mlle", Sex.FEMALE),
     ("MADAME", Sex.FEMALE), ("F", Sex.FEMALE), ("Femme", Sex.FEMALE), ("Autre", None),
     ("non binaire", None)],
)
def test_sex_from_sex_or_civility(text: str, sex: Sex | None) -> None:
    assert parse_sex(text) is sex


def test_an_unknown_civility_is_refused() -> None:
    with pytest.raises(ValueProblem, match="non reconnu"):
        parse_sex("Dr")


@pytest.mark.parametrize(
    ("text", "college"),
    [("Habitants", College.RESIDENTS), ("Collège des habitants", College.RESIDENTS),
     ("résident", College.RESIDENTS), ("1", College.RESIDENTS),
     ("Acteurs locaux", College.LOCAL_ACTORS),
     ("Associations et acteurs locaux", College.LOCAL_ACTORS),
     ("asso", College.LOCAL_ACTORS), ("Collège 2", College.LOCAL_ACTORS)],
)
def test_college_from_text(text: str, college: College) -> None:
    assert parse_college(text) is college


def test_seat_and_designation() -> None:
    assert parse_seat("Suppléante") is Seat.SUPPLEANT
    assert parse_seat("T") is Seat.TITULAIRE
    assert parse_seat("Actif") is None
    with pytest.raises(ValueProblem):
        parse_seat("Démissionnaire")
    assert parse_designation("Tiré au sort") is Designation.DRAWN_BY_LOT
    assert parse_designation("volontaire") is Designation.VOLUNTEER
    assert parse_designation("Désigné par la structure") is Designation.DESIGNATED_BY_STRUCTURE


@pytest.mark.parametrize(
    ("text", "last_first", "expected"),
    [("DUPONT Jean", True, ("DUPONT", "Jean")),
     ("Jean DUPONT", True, ("DUPONT", "Jean")),
     ("Marie-Claire LE GOFF", False, ("LE GOFF", "Marie-Claire")),
     ("DE SOUSA William", False, ("DE SOUSA", "William")),
     ("Dupont Jean", True, ("Dupont", "Jean")),
     ("Jean Dupont", False, ("Dupont", "Jean")),
     ("DUPONT", True, ("DUPONT", ""))],
)
def test_a_full_name_is_split_on_capitals_then_on_the_column_order(
    text: str, last_first: bool, expected: tuple[str, str]
) -> None:
    assert split_full_name(text, last_first=last_first) == expected


def test_cell_text_is_what_the_person_sees() -> None:
    assert cell_text(31200.0) == "31200"
    assert cell_text(dt.date(2024, 3, 12)) == "12/03/2024"
    assert cell_text("  Jean \u00a0 Dupont\ufeff ") == "Jean Dupont"
    assert cell_text(None) == ""

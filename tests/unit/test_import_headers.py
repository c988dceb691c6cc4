"""Column titles: synonyms, folding, forbidden data, header row, explicit and saved mappings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.importing.headers import (
    _SYNONYMS,
    ColumnStatus,
    Field,
    chosen_columns,
    column_letter,
    find_header_row,
    guess_columns,
    recognise,
)
from conseil_desktop.services.importing.mappings import (
    delete_mapping,
    fitting_mapping,
    load_mappings,
    mappings_path,
    save_mapping,
)

SYNONYMS = [(synonym, field) for field, words in _SYNONYMS.items() for synonym in words]
UNACCENT = str.maketrans("éèêëàâäîïôöùûüçÉÈÊÀÇ", "eeeeaaaiioouuucEEEAC")


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, Field]:
    """A synonym as people type it: any case, accents or not, odd spacing, a colon."""
    synonym, field = draw(st.sampled_from(SYNONYMS))
    if draw(st.booleans()):
        synonym = synonym.translate(UNACCENT)
    synonym = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in synonym)
    synonym = synonym.replace(" ", draw(st.sampled_from([" ", "  ", "\u00a0", " \t"])))
    pad = draw(st.sampled_from(["", " ", "  "]))
    return pad + synonym + draw(st.sampled_from(["", " :", ":", " "])), field


@given(disguised())
def test_every_synonym_is_recognised_whatever_its_typing(case: tuple[str, Field]) -> None:
    header, field = case
    assert recognise(header) is field


@given(st.sampled_from(SYNONYMS), st.sampled_from([" (facultatif)", " perso", " *", " :"]))
def test_a_title_that_starts_with_a_synonym_is_recognised(
    synonym: tuple[str, Field], suffix: str
) -> None:
    header, field = synonym
    assert recognise(header + suffix) is field


def test_forbidden_words_after_a_known_title_make_the_column_forbidden() -> None:
    assert recognise("Nom (nationalité)") is None
    assert guess_columns(["Nom (nationalité)"])[0].status is ColumnStatus.FORBIDDEN


@pytest.mark.parametrize(
    ("header", "field"),
    [("NOM", Field.LAST_NAME), ("Nom de famille", Field.LAST_NAME),
     ("E-mail", Field.EMAIL), ("Adresse mail", Field.EMAIL),
     ("Adresse électronique", Field.EMAIL), ("Adresse e-mail perso", Field.EMAIL),
     ("Tél.", Field.PHONE), ("N° de téléphone", Field.PHONE), ("Nº tél.", Field.PHONE),
     ("Portable", Field.PHONE), ("Civilité", Field.SEX), ("Adresse 1", Field.ADDRESS_LINE1),
     ("Adresse", Field.ADDRESS_LINE1), ("Complément", Field.ADDRESS_LINE2),
     ("C.P.", Field.POSTCODE), ("Commune", Field.CITY), ("Adhésion", Field.JOINED_ON),
     ("Date d'entrée", Field.JOINED_ON), ("Né(e) le", Field.BIRTH_DATE),
     ("Nom Prénom", Field.NAME_LAST_FIRST), ("Prénom NOM", Field.NAME_FIRST_LAST),
     ("Nom de la structure", Field.ORGANISATION), ("Titulaire / Suppléant", Field.SEAT),
     ("Statut", Field.SEAT), ("Mode de désignation", Field.DESIGNATION),
     ("Origine de la candidature", Field.DESIGNATION)],
)
def test_usual_french_titles(header: str, field: Field) -> None:
    assert recognise(header) is field


@pytest.mark.parametrize("header", ["Nationalité", "NATIONALITE", "Religion", "Pays d'origine",
                                    "Origine ethnique", "Santé / handicap", "Allergies",
                                    "Syndicat", "Lieu de naissance", "Régime alimentaire"])
def test_forbidden_data_is_never_a_field(header: str) -> None:
    assert recognise(header) is None
    (column,) = guess_columns([header])
    assert column.status is ColumnStatus.FORBIDDEN
    assert "jamais enregistrées" in column.note


def test_an_explicit_mapping_cannot_read_a_forbidden_column() -> None:
    columns = chosen_columns(["Nom", "Nationalité", "Notes"],
                             {0: Field.LAST_NAME, 1: Field.CITY, 2: Field.FIRST_NAME})
    assert [c.field for c in columns] == [Field.LAST_NAME, None, Field.FIRST_NAME]
    assert columns[1].status is ColumnStatus.FORBIDDEN
    with pytest.raises(InvalidInputError, match="colonne absente"):
        chosen_columns(["Nom"], {3: Field.CITY})


def test_a_column_left_out_says_whether_the_user_chose_so() -> None:
    """The wizard passes every column: an unrecognised title was not the user's choice."""
    columns = chosen_columns(["Nom", "Remarques", "Courriel"], {0: Field.LAST_NAME})
    assert [c.status for c in columns] == [ColumnStatus.MAPPED, ColumnStatus.UNKNOWN,
                                           ColumnStatus.UNCHOSEN]
    assert columns[1].ignored_because == "titre non reconnu"
    assert columns[2].ignored_because == "écartée à votre demande"


def test_a_bare_number_column_before_the_street_is_the_street_number() -> None:
    columns = guess_columns(["N°", "Nom", "N°", "Rue"])
    assert [c.field for c in columns] == [None, Field.LAST_NAME, Field.ADDRESS_LINE1,
                                          Field.ADDRESS_LINE1]


def test_the_header_row_is_the_one_naming_most_fields() -> None:
    rows = [["Conseil citoyen — liste des membres"], [], ["Mise à jour le 3 mars"],
            ["Nom", "Prénom", "Mail", "Remarques"], ["DUPONT", "Jean", "", ""]]
    assert find_header_row(rows) == 3
    assert find_header_row([["Référence", "Montant"], ["A1", 3]]) is None
    assert find_header_row([["Nom"], ["DUPONT"]]) == 0


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_named_mappings_are_saved_in_the_data_folder_and_found_by_title(data_dir: Path) -> None:
    columns = chosen_columns(["NOM", "Prénom", "", "Nationalité"],
                             {0: Field.LAST_NAME, 1: Field.FIRST_NAME, 2: Field.PHONE})
    save_mapping("Export du bailleur", columns)
    assert mappings_path() == data_dir / "import_mappings.json"
    stored = json.loads(mappings_path().read_text(encoding="utf-8"))
    assert "Export du bailleur" in stored["mappings"]

    saved = load_mappings()["Export du bailleur"]
    moved = saved.for_headers(["Prénom", "nom", "", "Ville"])  # columns moved, title case
    assert moved == {0: Field.FIRST_NAME, 1: Field.LAST_NAME, 2: Field.PHONE}
    delete_mapping("Export du bailleur")
    assert load_mappings() == {}


def test_a_saved_mapping_fits_a_file_with_the_same_titles_only(data_dir: Path) -> None:
    headers = ["NOM", "Prénom", "", "Téléphone"]
    save_mapping("Liste de la mairie", chosen_columns(headers, {0: Field.LAST_NAME}))
    save_mapping("Export du bailleur", chosen_columns(["Nom", "Mail"], {0: Field.LAST_NAME}))
    mappings = load_mappings()
    # Same titles in another order, case and accents aside: this mapping is for this file.
    found = fitting_mapping(mappings, ["telephone", "Nom", "prenom"])
    assert found is not None and found.name == "Liste de la mairie"
    assert mappings["Liste de la mairie"].fits(headers)
    # One title more or less: another kind of file, nothing applies by itself.
    assert fitting_mapping(mappings, ["NOM", "Prénom", "Téléphone", "Ville"]) is None
    assert fitting_mapping(mappings, ["NOM", "Prénom"]) is None
    assert fitting_mapping({}, headers) is None
    assert not mappings["Liste de la mairie"].fits(["", ""])


def test_a_damaged_mappings_file_is_reported(data_dir: Path) -> None:
    (data_dir / "import_mappings.json").write_text("{pas du json", encoding="utf-8")
    with pytest.raises(Exception, match="illisible"):
        load_mappings()
    with pytest.raises(InvalidInputError):
        save_mapping("  ", [])

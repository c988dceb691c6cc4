"""The dry run on real-looking files: mapping, values, reasons, duplicates; nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import College, Designation, Person, Seat, Sex
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.importing import Field, RowAction, plan_import
from conseil_desktop.services.importing.plan import ImportPlan, RowPlan
from conseil_desktop.services.members import MemberData, add_members, create_member

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
TODAY = dt.date(2026, 11, 25)


def plan(
    storage: Storage, name: str, mapping: dict[int, Field | None] | None = None,
    header_line: int | None = None,
) -> ImportPlan:
    with storage.session_scope() as session:
        return plan_import(session, DATA / name, mapping=mapping, header_line=header_line,
                           today=TODAY)


def people(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0


def row(result: ImportPlan, line: int) -> RowPlan:
    return next(r for r in result.rows if r.line == line)


def test_the_excel_csv_sample_plans_forty_members(storage: Storage) -> None:
    result = plan(storage, "membres_export_excel.csv")
    assert result.summary() == "40 à créer, 0 à mettre à jour, 0 inchangé, 0 en erreur"
    first = result.rows[0]
    assert (first.line, first.action, first.reason) == (2, RowAction.CREATE, "nouveau membre")
    assert first.values == {
        "last_name": "COLAS", "first_name": "Christiane", "sex": Sex.FEMALE,
        "email": "christiane.0@exemple.fr", "phone": "+33514177763",
        "college": College.RESIDENTS, "joined_on": dt.date(2021, 2, 19),
    }
    # Numbers of ranges not yet allocated are left out, the member is still imported.
    warned = [r for r in result.rows if r.warnings]
    assert [r.line for r in warned] == [23, 27, 29]
    assert warned[0].warning_message == (
        "ligne 23 : téléphone invalide (07 02 35 92 56), non repris")
    assert "phone" not in warned[0].values
    with storage.session_scope() as session:
        assert people(session) == 0


def test_the_handmade_workbook_sample(storage: Storage) -> None:
    result = plan(storage, "liste_adherents.xlsx")
    assert (result.sheet, result.header_line) == ("Adhérents", 3)
    assert [c.field for c in result.columns] == [
        Field.LAST_NAME, Field.FIRST_NAME, Field.SEX, Field.EMAIL, Field.PHONE, Field.COLLEGE,
        Field.JOINED_ON, Field.ADDRESS_LINE1, Field.POSTCODE, Field.CITY]
    assert result.count(RowAction.CREATE) == 60
    first = row(result, 4)
    assert first.values["joined_on"] == dt.date(2022, 3, 8)
    assert first.values["sex"] is Sex.FEMALE
    assert first.values["postcode"] == "31200"


def test_title_rows_split_address_serial_dates_and_a_forbidden_column(storage: Storage) -> None:
    result = plan(storage, "adresse_decoupee.xlsx")
    assert result.header_line == 4
    assert [r.line for r in result.rows] == [6, 7, 9]  # empty rows skipped
    by_letter = {c.letter: c for c in result.columns}
    assert by_letter["L"].header == "Nationalité" and by_letter["L"].field is None
    assert "jamais enregistrées" in by_letter["L"].note
    assert [c.header for c in result.ignored_columns] == ["Nationalité", "Remarques"]
    dupont = row(result, 6).values
    assert dupont == {
        "last_name": "DUPONT", "first_name": "Élodie", "sex": Sex.FEMALE,
        "email": "elodie.dupont@exemple.fr", "phone": "+33612345678",
        "address_line1": "12 rue des Lilas", "address_line2": "Bât. B, apt 12",
        "postcode": "31200", "city": "Toulouse", "joined_on": dt.date(2021, 3, 12),
    }
    assert row(result, 7).values["last_name"] == "N'DIAYE"
    assert row(result, 9).values["postcode"] == "01000"
    assert not any("française" in str(v) for r in result.rows for v in r.values.values())


def test_local_actors_from_an_ods_file(storage: Storage) -> None:
    result = plan(storage, "acteurs_locaux.ods")
    lefevre, benali, garcia = (r.values for r in result.rows)
    assert lefevre["organisation"] == "Amicale des locataires des Izards"
    assert lefevre["college"] is College.LOCAL_ACTORS
    assert lefevre["designation"] is Designation.DESIGNATED_BY_STRUCTURE
    assert benali["seat"] is Seat.SUPPLEANT
    assert garcia["designation"] is Designation.DRAWN_BY_LOT
    assert garcia["joined_on"] == dt.date(2022, 9, 1)


@pytest.mark.parametrize("name", ["classeur_97.xls", "texte_unicode.txt", "utf8_bom_virgule.csv",
                                  "iso_dates.csv"])
def test_the_same_list_reads_the_same_in_every_format(storage: Storage, name: str) -> None:
    result = plan(storage, name)
    assert result.count(RowAction.CREATE) == 8
    values = [r.values for r in result.rows]
    assert values[0]["birth_date"] == dt.date(1978, 5, 2)
    assert values[4]["last_name"] == "NGUYỄN" and values[4]["first_name"] == "Thị Hương"
    assert values[7]["birth_date"] == dt.date(2008, 9, 1)


def test_rows_in_error_say_why_in_french(storage: Storage) -> None:
    """A row without a name is refused, with all its problems; an unreadable optional
    value (a date, the sex) is left out with a note, as a bad phone is, and the member
    imported."""
    result = plan(storage, "erreurs_de_lignes.csv")
    assert result.summary() == "4 à créer, 0 à mettre à jour, 0 inchangé, 1 en erreur"
    assert result.problem_messages() == [
        "ligne 3 : nom manquant ; courriel invalide (anonyme@)",
        "ligne 4 : date d'adhésion illisible (31/02/2024), non reprise",
        ("ligne 5 : date de naissance dans le futur (12/12/2099), non reprise ; "
         "courriel invalide (chloe.roux@), non repris"),
        "ligne 6 : sexe non reconnu (?), non repris",
    ]
    assert row(result, 4).action is RowAction.CREATE and "joined_on" not in row(result, 4).values
    roux = row(result, 5).values
    assert roux["last_name"] == "ROUX" and "birth_date" not in roux and "email" not in roux
    assert "sex" not in row(result, 6).values
    assert not result.all_in_error
    refused = plan(storage, "toutes_erreurs.csv")  # no name, or a college not recognised
    assert refused.all_in_error
    assert refused.problem_messages()[1] == (
        "ligne 3 : collège non reconnu (Bureau) ; date d'adhésion illisible (31/02/2024)")


def test_an_unreadable_date_of_an_existing_member_keeps_theirs(storage: Storage,
                                                               tmp_path: Path) -> None:
    with storage.session_scope() as session:
        create_member(session, MemberData(last_name="PETIT", first_name="Louis",
                                          email="louis.petit@exemple.fr",
                                          birth_date=dt.date(1980, 4, 2)))
    source = tmp_path / "petit.csv"
    source.write_text("Nom;Prénom;Courriel;Date de naissance\n"
                      "PETIT;Louis;louis.petit@exemple.fr;29/02/2001\n", encoding="utf-8")
    with storage.session_scope() as session:
        result = plan_import(session, source, today=TODAY)
    assert result.summary() == "0 à créer, 0 à mettre à jour, 1 inchangé, 0 en erreur"
    assert result.problem_messages() == [
        "ligne 2 : date de naissance illisible (29/02/2001), non reprise"]


def test_a_refused_row_gives_every_problem_at_once(storage: Storage, tmp_path: Path) -> None:
    """Not only the reason it is refused: the bad values it also has, so that the file
    is corrected once, not once per problem."""
    source = tmp_path / "plusieurs.csv"
    source.write_text("Nom;Prénom;Collège;Date de naissance;Courriel;Téléphone\n"
                      "DUPONT;Jean;Martiens;29/02/2001;jean.dupont@;12 34\n"
                      ";Anne;;;anne@;\n", encoding="utf-8")
    with storage.session_scope() as session:
        result = plan_import(session, source, today=TODAY)
    assert result.summary() == "0 à créer, 0 à mettre à jour, 0 inchangé, 2 en erreur"
    assert result.problem_messages() == [
        ("ligne 2 : collège non reconnu (Martiens) ; date de naissance illisible (29/02/2001) ; "
         "courriel invalide (jean.dupont@) ; téléphone invalide (12 34)"),
        "ligne 3 : nom manquant ; courriel invalide (anne@)",
    ]


def test_the_problem_list_is_cut_after_twenty(storage: Storage, tmp_path: Path) -> None:
    source = tmp_path / "dates.csv"
    source.write_text("Nom;Adhésion\n" + "".join(f"N{i};99/99/2020\n" for i in range(30)),
                      encoding="utf-8")
    with storage.session_scope() as session:
        result = plan_import(session, source)
    messages = result.problem_messages()
    assert len(messages) == 21
    assert messages[-1] == "… et 10 autres remarques sur d'autres lignes"


def test_duplicates_within_the_file_are_merged(storage: Storage) -> None:
    result = plan(storage, "doublons.csv")
    assert result.summary() == "4 à créer, 0 à mettre à jour, 2 inchangés, 0 en erreur"
    merged = row(result, 3)
    assert merged.action is RowAction.UNCHANGED
    assert merged.merged_into == 2
    assert merged.reason == (
        "même personne que la ligne 2 (même nom), lignes fusionnées ; "
        "complète : téléphone, date de naissance")
    assert row(result, 2).values["phone"] == "+33612345678"


def test_people_of_the_base_are_found_by_email_phone_or_name(storage: Storage) -> None:
    with storage.session_scope() as session:
        add_members(session, [
            MemberData("DUPONT", "Élodie", email="elodie.dupont@exemple.fr",
                       birth_date=dt.date(1978, 5, 2)),
            MemberData("Martin", "Paul", phone="06 01 02 03 04", city="Blagnac"),
            MemberData("Benali", "Karim", birth_date=dt.date(1980, 5, 4)),
            MemberData("GARCIA", "Inès", email="ines.garcia@exemple.fr"),
        ])
    result = plan(storage, "doublons.csv")
    assert result.summary() == "0 à créer, 2 à mettre à jour, 4 inchangés, 0 en erreur"
    dupont = row(result, 2)
    assert dupont.action is RowAction.UPDATE
    assert "même courriel" in dupont.reason
    assert [c.describe() for c in dupont.changes] == [
        "ville : Toulouse", "téléphone : 06 12 34 56 78"]
    martin = row(result, 4)
    assert [c.describe() for c in martin.changes] == [
        "courriel : paul.martin@exemple.fr"]
    assert "même nom" in martin.reason
    assert row(result, 5).merged_into == 4
    benali = row(result, 6)
    assert benali.action is RowAction.UNCHANGED
    assert "même nom et même date de naissance" in benali.reason


def test_homonyms_and_households_stay_apart(storage: Storage, tmp_path: Path) -> None:
    with storage.session_scope() as session:
        create_member(session, MemberData("Dupont", "Jean", email="famille.dupont@exemple.fr",
                                          birth_date=dt.date(1950, 1, 1)))
        create_member(session, MemberData("Martin", "Paul", birth_date=dt.date(1960, 1, 1)))
    source = tmp_path / "foyer.csv"
    source.write_text(
        "Nom;Prénom;Courriel;Date de naissance\n"
        "Dupont;Marie;famille.dupont@exemple.fr;\n"  # same e-mail, another first name
        "Martin;Paul;;02/02/1990\n",  # same name, another birth date
        encoding="utf-8")
    with storage.session_scope() as session:
        result = plan_import(session, source)
    assert [r.action for r in result.rows] == [RowAction.CREATE, RowAction.CREATE]


def test_an_explicit_mapping_and_header_line(storage: Storage) -> None:
    result = plan(storage, "sans_colonne.xlsx", mapping={0: Field.LAST_NAME, 2: Field.CITY},
                  header_line=1)
    assert [r.values for r in result.rows] == [
        {"last_name": "A12", "city": "reçu"}, {"last_name": "B7"}]
    assert [c.field for c in result.columns] == [Field.LAST_NAME, None, Field.CITY]


@pytest.mark.parametrize(
    ("name", "words"),
    [("sans_colonne.xlsx", "Aucune colonne reconnue dans la feuille « Feuil1 »")],
)
def test_a_sheet_without_recognisable_columns_is_refused(
    storage: Storage, name: str, words: str
) -> None:
    with pytest.raises(InvalidInputError, match=words):
        plan(storage, name)


def test_a_file_without_a_name_column_or_without_rows_is_refused(
    storage: Storage, tmp_path: Path
) -> None:
    no_name = tmp_path / "contacts.csv"
    no_name.write_text("Mail;Téléphone\na@exemple.fr;0612345678\n", encoding="utf-8")
    with storage.session_scope() as session, pytest.raises(
        InvalidInputError, match="Aucune colonne de nom"
    ):
        plan_import(session, no_name)
    empty = tmp_path / "titres.csv"
    empty.write_text("Nom;Prénom\n;\n", encoding="utf-8")
    with storage.session_scope() as session, pytest.raises(
        InvalidInputError, match="aucune ligne de membre"
    ):
        plan_import(session, empty)

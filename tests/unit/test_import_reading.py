"""Reading import files: formats, encodings, separators, sheets, and every bad file."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.importing import reading
from conseil_desktop.services.importing.encodings import decode_text
from conseil_desktop.services.importing.reading import (
    FileKind,
    detect_delimiter,
    read_table,
)
from conseil_desktop.services.importing.values import Cell

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def header_and_first(name: str, sheet: str | None = None) -> tuple[list[Cell], list[Cell]]:
    table = read_table(DATA / name, sheet)
    filled = [row for row in table.rows if any(str(c).strip() for c in row)]
    return filled[0], filled[1]


@pytest.mark.parametrize(
    ("name", "kind", "encoding", "delimiter"),
    [
        ("membres_export_excel.csv", FileKind.TEXT, "Windows-1252", ";"),
        ("windows1252_pointvirgule.csv", FileKind.TEXT, "Windows-1252", ";"),
        ("utf8_bom_virgule.csv", FileKind.TEXT, "UTF-8 avec BOM", ","),
        ("texte_unicode.txt", FileKind.TEXT, "UTF-16", "\t"),
        ("iso_dates.csv", FileKind.TEXT, "UTF-8", ";"),
        ("liste_adherents.xlsx", FileKind.XLSX, None, None),
        ("classeur_97.xls", FileKind.XLS, None, None),
        ("acteurs_locaux.ods", FileKind.ODS, None, None),
    ],
)
def test_each_format_is_recognised_by_its_content(
    name: str, kind: FileKind, encoding: str | None, delimiter: str | None
) -> None:
    table = read_table(DATA / name)
    assert (table.kind, table.encoding, table.delimiter) == (kind, encoding, delimiter)
    assert any("Nom" in str(cell) or "NOM" in str(cell) for cell in table.rows[0] + table.rows[2])


def test_accents_survive_every_encoding() -> None:
    for name in ("windows1252_pointvirgule.csv", "utf8_bom_virgule.csv", "texte_unicode.txt"):
        header, first = header_and_first(name)
        assert str(header[1]).lower() == "prénom", name
        assert first[:2] == ["DUPONT", "Élodie"], name
    header, first = header_and_first("membres_export_excel.csv")
    assert header[:3] == ["NOM", "Prénom", "Civilité"]
    assert header[6] == "Date d'adhésion"


def test_real_date_cells_come_as_dates_in_every_workbook_format() -> None:
    for name in ("liste_adherents.xlsx", "classeur_97.xls", "acteurs_locaux.ods"):
        table = read_table(DATA / name)
        assert any(isinstance(cell, dt.date) for row in table.rows for cell in row), name


def test_line_numbers_match_the_spreadsheet_rows() -> None:
    table = read_table(DATA / "adresse_decoupee.xlsx")
    assert table.rows[3][1] == "Nom Prénom"  # row 4, column B: the empty column A is kept
    assert table.rows[5][1] == "DUPONT Élodie"


def test_the_first_sheet_with_a_header_is_chosen_and_another_can_be_asked() -> None:
    assert read_table(DATA / "feuilles_multiples.xlsx").sheet == "Membres"
    table = read_table(DATA / "feuilles_multiples.xlsx", "anciens")  # case does not matter
    assert table.sheet == "Anciens"
    assert table.sheet_names == ("Mode d'emploi", "Membres", "Anciens")


def test_an_unknown_sheet_is_refused_with_the_list_of_sheets() -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_table(DATA / "feuilles_multiples.xlsx", "Bureau")
    assert "« Bureau »" in caught.value.message
    assert "« Mode d'emploi », « Membres », « Anciens »" in caught.value.message


def test_a_sheet_option_on_a_text_file_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="sans feuilles"):
        read_table(DATA / "doublons.csv", "Feuil1")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("vide.csv", "est vide"),
        ("blancs.csv", "est vide"),
        ("image.xlsx", "c'est une image PNG"),
        ("rapport.pdf", "c'est un document PDF"),
        ("tronque.xlsx", "endommagé ou incomplet"),
        ("encodage_illisible.csv", "encodage du fichier"),
        ("binaire.csv", "n'est pas du texte"),
        ("page_web.xls", "page web"),
        ("bombe.xlsx", "se décompresse en 20 Mo"),
    ],
)
def test_bad_files_are_refused_in_plain_french(name: str, words: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_table(DATA / name)
    assert words in caught.value.message
    assert name in caught.value.message
    assert caught.value.exit_code == 2


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="n'existe pas"):
        read_table(tmp_path / "absent.xlsx")
    with pytest.raises(InvalidInputError, match="est un dossier"):
        read_table(tmp_path)


def test_an_archive_too_big_once_expanded_is_refused_before_calamine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_UNCOMPRESSED", 10_000)
    opened: list[str] = []
    monkeypatch.setattr("python_calamine.CalamineWorkbook.from_path", opened.append)
    with pytest.raises(InvalidInputError, match="se décompresse"):
        read_table(DATA / "liste_adherents.xlsx")
    assert opened == []


def test_a_zip_that_is_neither_xlsx_nor_ods_is_named(tmp_path: Path) -> None:
    target = tmp_path / "lettre.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(InvalidInputError, match="traitement de texte"):
        read_table(target)


def test_a_damaged_xls_is_refused_plainly(tmp_path: Path) -> None:
    target = tmp_path / "vieux.xls"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InvalidInputError, match="endommagé ou n'est pas un vrai classeur"):
        read_table(target)


def test_an_xlsx_renamed_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    target = tmp_path / "liste.csv"
    shutil.copyfile(DATA / "liste_adherents.xlsx", target)
    assert read_table(target).kind is FileKind.XLSX


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_the_separator_is_the_one_that_cuts_lines_regularly(separator: str) -> None:
    lines = ["Nom{0}Prénom{0}Adresse", 'DUPONT{0}Élodie{0}"12, rue des Lilas; bât. B"',
             "MARTIN{0}Paul{0}"]
    assert detect_delimiter("\n".join(line.format(separator) for line in lines)) == separator


def test_utf16_without_a_byte_order_mark_is_recognised() -> None:
    text = "Nom;Prénom\r\nDUPONT;Élodie\r\n"
    assert decode_text("f.csv", text.encode("utf-16-le")) == (text, "UTF-16")


def test_dos_and_mac_code_pages_are_recognised_when_windows_1252_reads_wrong() -> None:
    text = "NOM;Prénom;Ville\r\nLEFÈVRE;Hélène;Besançon\r\nGARÇON;Zoé;Évry\r\n"
    for codec in ("cp850", "mac_roman"):
        decoded, label = decode_text("f.csv", text.encode(codec))
        assert decoded == text
        assert label == codec

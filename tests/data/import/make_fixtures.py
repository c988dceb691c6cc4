"""Make the import test files of this folder (run again after changing them).

    .venv/bin/python tests/data/import/make_fixtures.py [--samples DIR]

Real-looking lists as councils keep them, and broken files. The .xls and
.ods files are converted from .xlsx by LibreOffice (``soffice --headless``),
as a user's own LibreOffice or Excel would save them. The two samples of
``shared/samples`` are copied when that folder is found. All names are made
up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
DEFAULT_SAMPLES = HERE.parents[3] / "shared" / "samples"
SAMPLES = ("membres_export_excel.csv", "liste_adherents.xlsx")

# last, first, civility, e-mail, phone, college, joined, birth
PEOPLE = [
    ("DUPONT", "Élodie", "Mme", "elodie.dupont@exemple.fr", "06 12 34 56 78", "Habitants",
     dt.date(2021, 3, 12), dt.date(1978, 5, 2)),
    ("N'DIAYE", "Moussa", "M.", "moussa.ndiaye@exemple.org", "07 81 22 33 44", "Habitants",
     dt.date(2022, 9, 1), dt.date(1990, 11, 23)),
    ("LEFÈVRE", "Hélène", "Mme", "", "05 61 22 33 44", "Acteurs locaux",
     dt.date(2020, 1, 15), None),
    ("ŒUVRAY", "Gaël", "M.", "gael.oeuvray@exemple.net", "", "Habitants",
     dt.date(2023, 6, 30), dt.date(2001, 2, 28)),
    ("NGUYỄN", "Thị Hương", "Mme", "huong.nguyen@exemple.fr", "06 98 76 54 32", "Habitants",
     dt.date(2019, 10, 3), dt.date(1985, 7, 14)),
    ("YILMAZ", "Şükrü", "M.", "sukru.yilmaz@exemple.com", "07 55 44 33 22", "Habitants",
     dt.date(2024, 2, 29), None),
    ("LE GOFF", "Marie-Claire", "Mme", "mc.legoff@exemple.fr", "06 44 55 66 77",
     "Acteurs locaux", dt.date(2018, 12, 31), dt.date(1962, 4, 9)),
    ("DIALLO", "Aïcha", "Mlle", "aicha.diallo@exemple.fr", "07 66 55 44 33", "Habitants",
     dt.date(2022, 1, 10), dt.date(2008, 9, 1)),
]
HEADERS = ["Nom", "Prénom", "Civilité", "Courriel", "Téléphone", "Collège",
           "Date d'adhésion", "Date de naissance"]


def fr(day: dt.date | None, style: str = "dd/mm/yyyy") -> str:
    if day is None:
        return ""
    if style == "d/m/yy":
        return f"{day.day}/{day.month}/{day:%y}"
    if style == "iso":
        return day.isoformat()
    if style == "words":
        months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre"]
        return f"{day.day} {months[day.month - 1]} {day.year}"
    return f"{day:%d/%m/%Y}"


def text_rows(date_style: str = "dd/mm/yyyy") -> list[list[str]]:
    return [[last, first, civ, mail, phone, college, fr(joined, date_style), fr(born, date_style)]
            for last, first, civ, mail, phone, college, joined, born in PEOPLE]


def write_text(name: str, rows: list[list[str]], sep: str, encoding: str) -> None:
    lines = [sep.join(_quoted(cell, sep) for cell in row) for row in rows]
    (HERE / name).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _quoted(cell: str, sep: str) -> str:
    return f'"{cell}"' if sep in cell or '"' in cell else cell


def save_book(name: str, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row_number, row in enumerate(rows, 1):
            for column, value in enumerate(row, 1):
                if value is None:
                    continue
                cell = sheet.cell(row_number, column, value)
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
    path = HERE / name
    book.save(path)
    return path


def convert(source: Path, target_format: str, target_name: str) -> None:
    """Through LibreOffice, as a user's spreadsheet program would save the file."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", target_format, "--outdir", folder,
             str(source)], check=True, capture_output=True, timeout=180,
        )
        shutil.move(Path(folder) / f"{source.stem}.{target_format}", HERE / target_name)


def good_files() -> None:
    write_text("utf8_bom_virgule.csv", [HEADERS, *text_rows("d/m/yy")], ",", "utf-8-sig")
    write_text("texte_unicode.txt", [HEADERS, *text_rows()], "\t", "utf-16")
    rows = text_rows("words")
    rows[0][4] = "06.12.34.56.78"
    rows[1][4] = "+33 7 81 22 33 44"
    rows[6][4] = "0033 6 44 55 66 77"
    western = [row for row in rows if all(_fits(cell, "cp1252") for cell in row)]
    write_text("windows1252_pointvirgule.csv",
               [[h.upper() for h in HEADERS], *western], ";", "cp1252")
    write_text("iso_dates.csv", [HEADERS, *text_rows("iso")], ";", "utf-8")
    save_book("adresse_decoupee.xlsx", {"Adhérents": [
        ["Conseil citoyen des Izards — liste des membres"],
        ["Mise à jour : mars 2026"],
        [],
        [None, "Nom Prénom", "Sexe", "Mail", "Portable", "N°", "Rue", "Complément", "CP",
         "Commune", "Adhésion", "Nationalité", "Remarques"],
        [],
        [None, "DUPONT Élodie", "F", "elodie.dupont@exemple.fr", 612345678, 12, "rue des Lilas",
         "Bât. B, apt 12", 31200, "Toulouse", 44267, "française", "présidente"],
        [None, "Moussa N'DIAYE", "H", "moussa.ndiaye@exemple.org", "07 81 22 33 44", "3 bis",
         "allée des Peupliers", "", "31200", "Toulouse", 44805, "sénégalaise", ""],
        [],
        [None, "LE GOFF Marie-Claire", "F", "", "06 44 55 66 77", 8, "place du Marché",
         "Résidence Les Tilleuls", 1000, "Bourg-en-Bresse", "12/03/2019", "", ""],
        [None, "", "", "", "", "", "", "", "", "", "", "", ""],
    ]})
    save_book("feuilles_multiples.xlsx", {
        "Mode d'emploi": [["Remplir une ligne par membre."], ["Ne pas modifier les titres."]],
        "Membres": [HEADERS, *[list(p) for p in PEOPLE[:5]]],
        "Anciens": [["Nom", "Prénom", "Mail"], ["MARTIN", "Paul", "paul.martin@exemple.fr"]],
    })
    acteurs = save_book("acteurs_locaux.xlsx", {"Feuille1": [
        ["Nom", "Prénom", "Structure", "Collège", "Titulaire / Suppléant",
         "Mode de désignation", "Date d'entrée"],
        ["LEFÈVRE", "Hélène", "Amicale des locataires des Izards",
         "Associations et acteurs locaux", "Titulaire", "Désignée par l'association",
         dt.date(2020, 1, 15)],
        ["BENALI", "Karim", "Régie de quartier", "Acteurs locaux", "Suppléant", "",
         dt.date(2021, 5, 4)],
        ["GARCÍA", "Inès", "", "Habitants", "T", "Tirée au sort", dt.date(2022, 9, 1)],
    ]})
    convert(acteurs, "ods", "acteurs_locaux.ods")
    acteurs.unlink()
    classeur = save_book("classeur_97.xlsx", {"Liste": [
        ["Liste des membres du conseil citoyen"], [], HEADERS, *[list(p) for p in PEOPLE]],
    })
    convert(classeur, "xls", "classeur_97.xls")
    classeur.unlink()
    write_text("doublons.csv", [
        ["Nom", "Prénom", "E-mail", "Tél.", "Date de naissance", "Ville"],
        ["Dupont", "Élodie", "Elodie.Dupont@exemple.fr", "", "", "Toulouse"],
        ["DUPONT", "Elodie", "", "06 12 34 56 78", "02/05/1978", ""],
        ["Martin", "Paul", "paul.martin@exemple.fr", "", "", ""],
        ["MARTIN", "Paul", "", "06 01 02 03 04", "", "Blagnac"],
        ["Benali", "Karim", "", "", "04/05/1980", ""],
        ["Garcia", "Ines", "ines.garcia@exemple.fr", "07 11 22 33 44", "", ""],
    ], ";", "utf-8")


def bad_files() -> None:
    (HERE / "vide.csv").write_bytes(b"")
    (HERE / "blancs.csv").write_bytes(b"\r\n  \r\n\t\r\n")
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
           b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
           b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    (HERE / "image.xlsx").write_bytes(png)
    (HERE / "rapport.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
        b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    whole = (HERE / "liste_adherents.xlsx").read_bytes()
    (HERE / "tronque.xlsx").write_bytes(whole[: len(whole) // 2])
    save_book("sans_colonne.xlsx", {"Feuil1": [
        ["Référence", "Montant", "Commentaire"], ["A12", 120, "reçu"], ["B7", 45, ""]]})
    (HERE / "encodage_illisible.csv").write_bytes(
        b"Nom;Pr\x81nom;Ville\r\n\x8d\x8f\x90\x9d;\x81\x81;\x8d\x90\r\n" * 3)
    (HERE / "binaire.csv").write_bytes(bytes(range(256)) * 8)
    (HERE / "page_web.xls").write_bytes(
        "<html><body><table><tr><td>Nom</td><td>Prénom</td></tr>"
        "<tr><td>DUPONT</td><td>Élodie</td></tr></table></body></html>".encode())
    write_text("toutes_erreurs.csv", [  # a bad date alone would not refuse a row
        ["Nom", "Prénom", "Collège", "Date d'adhésion"], ["", "Paul", "Habitants", "01/01/2020"],
        ["DURAND", "Léa", "Bureau", "31/02/2024"], ["MOREAU", "Jean", "?", "le mois dernier"],
    ], ";", "utf-8")
    write_text("erreurs_de_lignes.csv", [
        ["Nom", "Prénom", "Sexe", "Date d'adhésion", "Date de naissance", "Courriel"],
        ["BERNARD", "Lucie", "F", "12/03/2024", "01/02/1990", "lucie.bernard@exemple.fr"],
        ["", "Anonyme", "F", "12/03/2024", "", "anonyme@"],
        ["PETIT", "Louis", "M", "31/02/2024", "", ""],
        ["ROUX", "Chloé", "Madame", "01/01/2023", "12/12/2099", "chloe.roux@"],
        ["FAURE", "Noé", "?", "1er mars 2023", "", ""],
    ], ";", "utf-8")
    _zip_bomb()


def _zip_bomb() -> None:
    """An "xlsx" whose sheet expands 1000 times: 20 MB of zeros in 20 kB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    (HERE / "bombe.xlsx").write_bytes(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    args = parser.parse_args()
    for name in SAMPLES:
        if (args.samples / name).exists():
            shutil.copyfile(args.samples / name, HERE / name)
    good_files()
    bad_files()


if __name__ == "__main__":
    main()

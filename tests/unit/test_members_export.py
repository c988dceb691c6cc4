"""The members export (xlsx, CSV, PDF) read back the way a person's tools would:
openpyxl and LibreOffice for the spreadsheet, the csv module, pypdf."""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from conseil_desktop.app import FrenchArgumentParser
from conseil_desktop.cli import run, run_command
from conseil_desktop.cli_members import add_member_export_command, cmd_export_members
from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import MemberRole, Person
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.export.members_export import export_members
from conseil_desktop.export.safety import neutralise
from conseil_desktop.services import members
from conseil_desktop.services.demo import generate_demo
from conseil_desktop.services.member_rows import (
    ALL_COLUMNS,
    COLUMN_KEYS,
    MemberTable,
    choose_columns,
    member_rows,
)

TODAY = date(2026, 11, 25)
INJECTED = '=HYPERLINK("http://x","y")'
ME = ("Œuvray", "Héloïse-Marguerite")  # roles, phone and e-mail are checked on her
HARD = [("Yılmaz", "Şükrü"), ("Nguyễn", "Thị Hương"), ME]
PHONE, EMAIL = "06 12 34 56 78", "elodie@perso.example"
DEFAULT_HEADERS = ["Nom", "Prénom", "Collège", "Titulaire / suppléant", "Statut", "Rôles",
                   "Structure", "Entrée", "Fin de mandat"]


@pytest.fixture
def filled(storage: Storage, db_path: Path) -> Path:
    """A demo council of 60 members, plus the hard names and an injected formula."""
    generate_demo(storage, members=60, meetings=2, seed=3, today=TODAY)
    with storage.session_scope() as s:
        ids = {}
        for last, first in [*HARD, (INJECTED, "Ève")]:
            phone, email = (PHONE, EMAIL) if (last, first) == ME else ("", "")
            ids[last, first] = members.create_member(s, members.MemberData(
                last, first, phone=phone, email=email, joined_on=date(2025, 9, 1)))
        membership = s.get_one(Person, ids[ME]).membership
        assert membership is not None
        membership.mandate_end_on = date(2028, 6, 30)
        s.add_all([
            MemberRole(membership=membership, role_code="president", started_on=date(2026, 1, 5)),
            MemberRole(membership=membership, role_code="tresorier", started_on=date(2025, 1, 5),
                       ended_on=date(2025, 12, 31)),  # no longer held
        ])
    return db_path


def export(db: Path, output: Path, *, columns: str | None = None, phone: bool = False,
           email: bool = False) -> int:
    args = argparse.Namespace(db=db, output=output, columns=columns, with_phone=phone,
                              with_email=email)
    return cmd_export_members(args)


# --- choosing columns ------------------------------------------------------------------


def test_default_columns_leave_phone_and_email_out() -> None:
    assert [c.key for c in choose_columns(None)] == list(COLUMN_KEYS[:-2])
    assert [c.key for c in choose_columns(None, with_phone=True)][-1] == "phone"
    assert [c.key for c in choose_columns(None, with_phone=True, with_email=True)] == list(
        COLUMN_KEYS)
    assert [c.key for c in choose_columns([" Seat", "last_name", "seat"], with_email=True)] == [
        "seat", "last_name", "email"]


def test_columns_may_be_named_in_french() -> None:
    """As the export's own headers, or the words a volunteer types."""
    names = ["Nom", "prénom", "COLLÈGE", "Titulaire / suppléant", "rôles", "date d'entrée",
             "fin de mandat", "Téléphone", "e-mail"]
    assert [c.key for c in choose_columns(names, with_phone=True, with_email=True)] == [
        "last_name", "first_name", "college", "seat", "roles", "joined_on",
        "mandate_end_on", "phone", "email"]
    with pytest.raises(InvalidInputError, match="--with-phone"):
        choose_columns(["nom", "téléphone"])  # a French name is still personal data


def test_unknown_column_lists_the_valid_ones() -> None:
    with pytest.raises(InvalidInputError) as raised:
        choose_columns(["last_name", "nationalite"])
    assert raised.value.message == (
        "Colonne inconnue : « nationalite ». Colonnes possibles : " + ", ".join(COLUMN_KEYS)
        + " (ou leurs titres : Nom, Prénom, Collège, Titulaire / suppléant, Statut, Rôles, "
        "Structure, Entrée, Fin de mandat, Téléphone, Courriel).")
    with pytest.raises(InvalidInputError, match="^Aucune colonne choisie. Colonnes possibles"):
        choose_columns([" ", ""], with_phone=True)


def test_phone_column_needs_to_be_asked_for() -> None:
    with pytest.raises(InvalidInputError, match="--with-phone"):
        choose_columns(["last_name", "phone"])
    assert [c.key for c in choose_columns(["phone"], with_phone=True)] == ["phone"]


def test_rows_follow_the_columns(filled: Path, storage: Storage) -> None:
    with storage.session_scope() as s:
        table = member_rows(s, choose_columns(["first_name", "roles", "mandate_end_on",
                                               "phone"], with_phone=True), today=TODAY)
        everyone = member_rows(s, list(ALL_COLUMNS), today=TODAY)
    assert len(table.rows) == len(everyone.rows) == 64
    assert (ME[1], "Président·e", date(2028, 6, 30), PHONE) in table.rows
    assert all(len(row) == 4 for row in table.rows)
    names = [row[0] for row in everyone.rows]
    assert names.index("Œuvray") > names.index("Nguyễn")  # sorted on folded names


# --- spreadsheet -------------------------------------------------------------------------


def test_xlsx(filled: Path, storage: Storage, tmp_path: Path,
              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "membres.xlsx"
    assert export(filled, out) == 0
    assert capsys.readouterr().out == f"Fichier écrit : {out} (64 membres)\n"
    sheet = load_workbook(out)["Membres"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I65"
    assert sheet.column_dimensions["A"].width == 22
    assert sheet.column_dimensions["G"].width == 34
    assert [c.value for c in sheet[1]] == DEFAULT_HEADERS
    rows = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=2)}
    for name in HARD:
        assert name in rows
    elodie = rows[ME]
    assert [c.value for c in elodie[2:6]] == ["Habitants", "Titulaire", "Actif", "Président·e"]
    assert elodie[7].value.date() == date(2025, 9, 1) and elodie[7].number_format == "DD/MM/YYYY"
    assert elodie[8].value.date() == date(2028, 6, 30) and elodie[8].is_date
    injected = rows[("'" + INJECTED, "Ève")][0]
    assert injected.data_type == "s"  # text, not a formula
    values = {str(c.value) for r in rows.values() for c in r}
    assert not any(PHONE in v or EMAIL in v for v in values)
    with storage.session_scope() as s:  # every row, every date as read (cells are reused)
        expected = member_rows(s, choose_columns(None)).rows
    written = [tuple(c.value.date() if hasattr(c.value, "date") else c.value or "" for c in r)
               for r in sheet.iter_rows(min_row=2)]
    assert written == [tuple(neutralise(v) if v is not None else "" for v in row)
                       for row in expected]


def test_xlsx_with_phone_and_email(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.xlsx"
    assert export(filled, out, columns="last_name,seat", phone=True, email=True) == 0
    sheet = load_workbook(out)["Membres"]
    assert [c.value for c in sheet[1]] == ["Nom", "Titulaire / suppléant", "Téléphone",
                                            "Courriel"]
    assert sheet.auto_filter.ref == "A1:D65"
    rows = [r for r in sheet.iter_rows(min_row=2) if r[3].value == EMAIL]
    assert [c.value for c in rows[0]] == [ME[0], "Titulaire", PHONE, EMAIL]
    phone = rows[0][2]
    assert (phone.data_type, phone.quotePrefix) == ("s", True)  # text, no apostrophe


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_injected_name_as_text(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.xlsx"
    export(filled, out)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
         str(tmp_path / "csv"), str(out)],
        check=True, capture_output=True, timeout=120,
    )
    with (tmp_path / "csv" / "membres.csv").open(encoding="utf-8", newline="") as handle:
        names = [row[0] for row in csv.reader(handle)]
    assert "'" + INJECTED in names
    assert "y" not in names and "http://x" not in names  # the formula was not evaluated
    assert "Yılmaz" in names and "Nguyễn" in names


# --- CSV ------------------------------------------------------------------------------------


def test_csv(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.csv"
    assert export(filled, out) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, for Excel
    assert raw.count(b"\r\n") == 65 and raw.count(b"\n") == 65
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == DEFAULT_HEADERS
    by_name = {(r[0], r[1]): r for r in rows[1:]}
    assert by_name[ME][5:] == ["Président·e", "", "01/09/2025", "30/06/2028"]
    assert ("'" + INJECTED, "Ève") in by_name
    assert all(name in by_name for name in HARD)
    assert PHONE not in raw.decode("utf-8") and EMAIL not in raw.decode("utf-8")


def test_csv_with_phone(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.csv"
    assert export(filled, out, columns="last_name", phone=True) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["Nom", "Téléphone"] and [ME[0], PHONE] in rows
    assert EMAIL not in out.read_text(encoding="utf-8-sig")


# --- PDF ----------------------------------------------------------------------------------


def pdf_pages(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


def test_pdf(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.pdf"
    assert export(filled, out) == 0
    reader, texts = pdf_pages(out)
    total = len(texts)
    assert total >= 2  # 64 members do not fit on one page
    text = "\n".join(texts)
    assert "Liste des membres" in texts[0] and "64 membres" in texts[0]
    for last, first in HARD:
        assert last in text and first in text
    assert INJECTED in text
    assert PHONE not in text and EMAIL not in text
    for number, (page, page_text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        assert sorted((round(float(page.mediabox.width), 2),
                       round(float(page.mediabox.height), 2))) == [595.28, 841.89]  # A4
        assert f"Page {number} / {total}" in page_text
        assert " ".join(DEFAULT_HEADERS) in " ".join(page_text.split())  # the header row
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        assert fonts and all("DejaVu" in str(f["/BaseFont"]) for f in fonts)
        assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts)


def test_pdf_with_email_wraps_long_values(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.pdf"
    assert export(filled, out, columns="last_name,first_name,email", email=True) == 0
    text = "\n".join(pdf_pages(out)[1])
    assert "Courriel" in text and EMAIL in text and PHONE not in text


def test_pdf_never_cuts_a_date_a_phone_or_a_header_word(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "membres.pdf"
    assert export(filled, out, columns=",".join(COLUMN_KEYS), phone=True, email=True) == 0
    text = "\n".join(pdf_pages(out)[1])
    assert re.findall(r"\d\d/\d\d/\d{3}\n", text) == []  # "05/05/202" then "5"
    assert PHONE in text  # on one line
    assert re.findall(r"^\d\d$", text, re.MULTILINE) == []  # the end of a cut phone
    assert "suppléan\n" not in text and "Titulaire / suppléant" in " ".join(text.split())


def test_pdf_is_paginated_in_fixed_pages(tmp_path: Path) -> None:
    """2,000 rows: every page but the last is full, each is its own table."""
    column = choose_columns(["last_name", "first_name", "joined_on"])
    rows = [(f"Nom {n}", "Prénom", date(2026, 1, 1)) for n in range(2000)]
    out = tmp_path / "long.pdf"
    export_members(MemberTable(column, rows), out, council_name="Conseil", today=TODAY)
    _, texts = pdf_pages(out)
    counts = [len(re.findall(r"Nom \d+", t)) for t in texts]
    assert sum(counts) == 2000
    assert len(set(counts[1:-1])) == 1 and counts[-1] <= counts[1]
    assert all(f"Page {n} / {len(texts)}" in t for n, t in enumerate(texts, start=1))


def test_pdf_page_writes_its_rows_as_one_text_object(tmp_path: Path) -> None:
    """A page's rows are one text object, not one per line of every cell (what made
    100,000 members take 25 s): the second page holds the grid's and the footer's two
    (footer, "Page X / Y"); its rows are still read apart, cell by cell."""
    column = choose_columns(["last_name", "first_name", "joined_on"])
    rows = [(f"Nom {n}", f"Prénom {n}", date(2026, 1, 1)) for n in range(200)]
    out = tmp_path / "long.pdf"
    export_members(MemberTable(column, rows), out, council_name="Conseil", today=TODAY)
    reader, texts = pdf_pages(out)
    content = reader.pages[1].get_contents()
    assert content is not None
    assert content.get_data().count(b"BT") == 3
    lines = texts[1].splitlines()
    first = next(n for n in range(200) if f"Nom {n}" in lines)
    assert lines[lines.index(f"Nom {first}") + 1] == f"Prénom {first}"
    assert "Nom" in lines and "Prénom" in lines  # the header row on every page


# --- command line ---------------------------------------------------------------------------


def test_export_members_verb_parses_and_runs(filled: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    common = FrenchArgumentParser(add_help=False)
    common.add_argument("--db", type=Path)
    parser = FrenchArgumentParser(prog="conseil-desktop", parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=FrenchArgumentParser)
    targets = sub.add_parser("export").add_subparsers(dest="export_target", required=True,
                                                      parser_class=FrenchArgumentParser)
    add_member_export_command(targets, common)
    out = tmp_path / "m.csv"
    args = parser.parse_args(["export", "members", "--db", str(filled), "-o", str(out),
                              "--columns", "last_name,email", "--with-email"])
    assert args.func is cmd_export_members and run(args) == 0
    assert "Fichier écrit" in capsys.readouterr().out
    bad = parser.parse_args(["export", "members", "--db", str(filled), "-o", str(out),
                             "--columns", "last_name,age"])
    assert run(bad) == 2
    assert "Colonnes possibles : last_name" in capsys.readouterr().err


def test_bad_extension_is_refused_before_anything(filled: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(db=filled, output=tmp_path / "m.ods", columns=None,
                              with_phone=False, with_email=False)
    assert run_command(cmd_export_members, args) == 2
    assert "choisissez un fichier .xlsx, .csv ou .pdf" in capsys.readouterr().err
    assert not (tmp_path / "m.ods").exists()


def test_pdf_cuts_a_value_wider_than_its_column(tmp_path: Path) -> None:
    column = choose_columns(["last_name", "first_name"])
    long_name = "Abcdefghij" * 60  # no space to break at, far more than four lines
    out = tmp_path / "long.pdf"
    export_members(MemberTable(column, [(long_name, "Inès"), ("Sow", "Awa")]), out,
                   council_name="Conseil", today=TODAY)
    _, texts = pdf_pages(out)
    assert len(texts) == 1
    lines = texts[0].splitlines()
    cut = [line for line in lines if line.startswith("Abcdefghij")]
    assert len(cut) == 4 and cut[-1].endswith("…")
    assert "Sow" in lines and "Inès" in lines

"""The sign-in sheet (feuille d'émargement), PDF and xlsx, read back."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from conseil_desktop.app import FrenchArgumentParser
from conseil_desktop.cli import run
from conseil_desktop.cli_documents import add_document_commands
from conseil_desktop.db.engine import Storage
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.export import fonts
from conseil_desktop.export.pdf.layout import make_styles
from conseil_desktop.export.pdf.signin_sheet import (
    MIN_FONT_SIZE,
    signin_story,
    write_signin_sheet_pdf,
)
from conseil_desktop.export.signin_rows import SigninOptions
from conseil_desktop.export.xlsx.signin_sheet import write_signin_sheet_xlsx
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot, meeting_snapshot
from tests.unit.documents_fixture import EMAIL_DOMAIN, LONG_LAST, build_meeting

HARD = ["Şükrü", "Yılmaz", "Nguyễn", "Thị Hương", "Łukasz", "Kowalski", "Œuvray",
        "Marie-Ève", "de La Fontaine-d'Argent"]
COUNCIL = "Conseil citoyen des Hauts-de-Belleville"
PHONES = ("+33612345678", "06 12 34 56 78", "0612345678")


def png_logo() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (120, 60), (36, 82, 122)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture()
def snapshot(storage: Storage) -> MeetingSnapshot:
    meeting_id = build_meeting(storage, extra=40, logo=png_logo())
    with storage.session_scope() as s:
        return meeting_snapshot(s, meeting_id)


def read_pdf(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


def assert_a4_dejavu(reader: PdfReader, *, landscape: bool = False) -> None:
    for page in reader.pages:
        size = (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        assert size == ((841.89, 595.28) if landscape else (595.28, 841.89))
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        assert fonts and all("DejaVu" in str(f["/BaseFont"]) for f in fonts)
        assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts)


def numbered_names(texts: list[str]) -> dict[str, int]:
    """Last name -> the number printed on the line just before it."""
    lines = [line.strip() for t in texts for line in t.splitlines()]
    return {lines[i + 1]: int(lines[i]) for i in range(len(lines) - 1)
            if lines[i].isdigit() and lines[i + 1] and not lines[i + 1].isdigit()}


def test_pdf_portrait(snapshot: MeetingSnapshot, tmp_path: Path) -> None:
    out = tmp_path / "emargement.pdf"
    write_signin_sheet_pdf(out, snapshot, SigninOptions())
    reader, texts = read_pdf(out)
    total = len(texts)
    assert total >= 2  # 47 invitees and 10 blank rows
    assert_a4_dejavu(reader)
    everything = "\n".join(texts)
    for name in HARD:
        assert name in everything
    assert "=HYPERLINK(\"http://x\")" in everything
    assert "mardi 24 novembre 2026 · 18 h 30 – 20 h 30" in texts[0]
    assert "Maison de quartier, 3 rue Ramponeau" in texts[0]
    assert "1. Approbation du compte rendu précédent" in texts[0]
    for number, page_text in enumerate(texts, start=1):
        assert f"Page {number} / {total}" in page_text
        assert f"{COUNCIL} — Feuille d'émargement" in page_text  # the running header
        assert "N°\nNom\nPrénom\nCollège / Structure\nPouvoir donné à\nSignature" in page_text
    assert EMAIL_DOMAIN not in everything and "@" not in everything
    assert not any(phone in everything for phone in PHONES)
    numbers = numbered_names(texts)
    for row in snapshot.invitees:
        if row.last_name != LONG_LAST:  # wrapped over three lines
            assert numbers[row.last_name] == row.number
    last_blank = len(snapshot.invitees) + 10
    assert re.search(rf"^{last_blank}$", texts[-1], re.MULTILINE)
    assert not re.search(rf"^{last_blank + 1}$", everything, re.MULTILINE)
    assert "président·e de séance" in texts[-1] and "secrétaire de séance" in texts[-1]
    assert "Élodie Œuvray" in texts[-1]  # the facilitator, in the chair's box
    assert snapshot.gdpr_notice[:60] in " ".join(texts[-1].split())
    assert "Présent(e)" not in everything  # a blank sheet


def test_rows_are_tall_enough_and_paginated_one_table_per_page(
        snapshot: MeetingSnapshot) -> None:
    story = signin_story(snapshot, SigninOptions(blank_rows=200), make_styles())
    tables = [f for f in story if isinstance(f, Table) and f._cellvalues[0][0] == "N°"]
    assert len(tables) >= 8
    for table in tables:
        heights = table._argH[1:]
        assert all(h >= 9 * mm for h in heights)
        assert sum(table._argH) < 841.89 - 30 * mm  # fits on one A4 page
    long_cells = [c for t in tables for row in t._cellvalues for c in row
                  if isinstance(c, str) and "\n" in c]
    # the very long names wrap, at hyphens, instead of overflowing
    assert long_cells[:2] == [
        "de La Fontaine-d'Argent-\nMontmorency-Saint-\nExupéry-Villeneuve-sur-Lot",
        "Anne-Charlotte-\nMarguerite"]
    assert "Régie de quartier\nBelleville" in long_cells
    width = tables[0]._colWidths[1]
    assert all(stringWidth(line, fonts.CONDENSED, MIN_FONT_SIZE) <= width - 6
               for cell in long_cells for line in cell.splitlines())


def test_pdf_landscape_grouped_with_arrival(snapshot: MeetingSnapshot, tmp_path: Path) -> None:
    out = tmp_path / "emargement.pdf"
    write_signin_sheet_pdf(out, snapshot, SigninOptions(landscape=True, group_by_college=True,
                                                        arrival_column=True, blank_rows=3))
    reader, texts = read_pdf(out)
    assert_a4_dejavu(reader, landscape=True)
    everything = "\n".join(texts)
    assert "Arrivée\nSignature" in everything
    residents = everything.index("Collège des habitants (46)")
    actors = everything.index("Collège des acteurs locaux (1)")
    assert residents < everything.index("Yılmaz") < actors < everything.index("Kowalski")
    assert "Régie de quartier" in everything
    numbers = numbered_names(texts)
    kowalski = next(r for r in snapshot.invitees if r.last_name == "Kowalski")
    assert numbers["Kowalski"] == kowalski.number  # grouped, but the same number
    assert everything.index("Personnes non inscrites") < everything.rindex(
        str(len(snapshot.invitees) + 3))


def test_a_page_starting_inside_a_group_repeats_its_heading(snapshot: MeetingSnapshot,
                                                             tmp_path: Path) -> None:
    """Grouped by college, a page that goes on with the residents says so at its top:
    page 3 of a plenary's sheet would otherwise not tell which college it lists."""
    out = tmp_path / "emargement.pdf"
    write_signin_sheet_pdf(out, snapshot, SigninOptions(landscape=True, group_by_college=True))
    _, texts = read_pdf(out)
    assert len(texts) >= 3
    assert "— suite" not in texts[0]
    firsts = [page.split("Signature\n", 1)[1].splitlines()[0] for page in texts[1:]]
    assert firsts[:2] == ["Collège des habitants (46) — suite"] * 2
    assert firsts[-1] == "Personnes non inscrites — suite"  # the blank rows' heading too


def test_archive_copy_ticks_attendance_and_fills_proxies(snapshot: MeetingSnapshot,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "archive.pdf"
    write_signin_sheet_pdf(out, snapshot, SigninOptions(with_attendance=True))
    _, texts = read_pdf(out)
    lines = [line.strip() for t in texts for line in t.splitlines()]
    nguyen = lines.index("Nguyễn")
    assert lines[nguyen:nguyen + 5] == ["Nguyễn", "Thị Hương", "Habitants", "Şükrü Yılmaz",
                                        "✔ Représenté(e)"]
    oeuvray = lines.index("Œuvray")
    assert lines[oeuvray + 3] == "✔ Présent(e)"
    assert "Excusé(e)" in lines and "Absent(e)" in lines
    assert any(line.startswith("Invités : 47 — présents : 44") for line in lines)
    assert "Quorum atteint" in "\n".join(texts)


def test_bad_options_are_refused(snapshot: MeetingSnapshot, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="Colonnes inconnues"):
        write_signin_sheet_pdf(tmp_path / "x.pdf", snapshot, SigninOptions(columns=("phone",)))
    with pytest.raises(InvalidInputError, match="lignes vierges"):
        write_signin_sheet_xlsx(tmp_path / "x.xlsx", snapshot, SigninOptions(blank_rows=-1))
    assert not list(tmp_path.glob("x.*")) and not list(tmp_path.glob(".x.*"))


def test_chosen_columns(snapshot: MeetingSnapshot, tmp_path: Path) -> None:
    out = tmp_path / "court.pdf"
    write_signin_sheet_pdf(out, snapshot, SigninOptions(
        columns=("number", "last_name", "first_name", "signature")))
    _, texts = read_pdf(out)
    assert "N°\nNom\nPrénom\nSignature" in texts[0]
    assert "Collège / Structure" not in texts[0] and "Habitants" not in texts[0]


# --- xlsx ------------------------------------------------------------------------------------


def test_xlsx(snapshot: MeetingSnapshot, tmp_path: Path) -> None:
    out = tmp_path / "emargement.xlsx"
    write_signin_sheet_xlsx(out, snapshot, SigninOptions(with_attendance=True))
    sheet = load_workbook(out).active
    assert sheet["A1"].value == COUNCIL
    assert "Feuille d'émargement" in sheet["A2"].value
    assert "mardi 24 novembre 2026 · 18 h 30 – 20 h 30" in sheet["A3"].value
    assert [c.value for c in sheet[6]] == ["N°", "Nom", "Prénom", "Collège / Structure",
                                           "Pouvoir donné à", "Signature"]
    assert sheet.freeze_panes == "A7"
    assert sheet.print_title_rows == "$6:$6"
    assert str(sheet.page_setup.paperSize) == "9" and sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.oddFooter.right.text == "Page &P / &N"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["A"].width >= 6
    rows = {r[1]: r for r in sheet.iter_rows(min_row=7, values_only=True) if r[0]}
    for row in snapshot.invitees:
        shown = rows["'" + row.last_name if row.last_name.startswith("=") else row.last_name]
        assert shown[0] == row.number
    assert rows["Nguyễn"][4:6] == ("Şükrü Yılmaz", "✔ Représenté(e)")
    assert "'=HYPERLINK(\"http://x\")" in rows  # neutralised
    for number in range(7, 7 + len(snapshot.invitees) + 10):
        assert sheet.row_dimensions[number].height >= 25.5  # 9 mm
    values = " ".join(str(c) for r in sheet.iter_rows(values_only=True) for c in r if c)
    assert "@" not in values and not any(phone in values for phone in PHONES)
    assert "président·e de séance" in values and snapshot.gdpr_notice[:40] in values


def test_xlsx_landscape_grouped_blank_rows(snapshot: MeetingSnapshot, tmp_path: Path) -> None:
    out = tmp_path / "emargement.xlsx"
    write_signin_sheet_xlsx(out, snapshot, SigninOptions(landscape=True, group_by_college=True,
                                                         blank_rows=4))
    sheet = load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape"
    column_a = [r[0] for r in sheet.iter_rows(min_row=7, values_only=True)]
    assert "Collège des acteurs locaux (1)" in column_a
    numbers = [v for v in column_a if isinstance(v, int)]
    assert sorted(numbers) == list(range(1, len(snapshot.invitees) + 5))
    assert "A8:F8" not in {str(r) for r in sheet.merged_cells.ranges}
    assert "A7:F7" in {str(r) for r in sheet.merged_cells.ranges}  # the group heading


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_injected_name_as_text(snapshot: MeetingSnapshot,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "emargement.xlsx"
    write_signin_sheet_xlsx(out, snapshot)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
         str(tmp_path / "csv"), str(out)],
        check=True, capture_output=True, timeout=120,
    )
    with (tmp_path / "csv" / "emargement.csv").open(encoding="utf-8", newline="") as handle:
        names = [row[1] for row in csv.reader(handle) if len(row) > 1]
    assert "'=HYPERLINK(\"http://x\")" in names
    assert "http://x" not in names  # the formula was not evaluated
    assert "Yılmaz" in names and "Nguyễn" in names and "Œuvray" in names


# --- command line ----------------------------------------------------------------------------


def parser() -> FrenchArgumentParser:
    common = FrenchArgumentParser(add_help=False)
    common.add_argument("--db", type=Path)
    main = FrenchArgumentParser(prog="conseil-desktop", parents=[common])
    sub = main.add_subparsers(dest="command", parser_class=FrenchArgumentParser)
    targets = sub.add_parser("export").add_subparsers(dest="export_target", required=True,
                                                      parser_class=FrenchArgumentParser)
    add_document_commands(targets, common)
    return main


def test_cli(storage: Storage, db_path: Path, tmp_path: Path,
             capsys: pytest.CaptureFixture[str]) -> None:
    meeting_id = build_meeting(storage)
    base = ["export", "signin-sheet", "--db", str(db_path), "--meeting", str(meeting_id)]
    pdf, xlsx = tmp_path / "e.pdf", tmp_path / "e.xlsx"
    assert run(parser().parse_args([*base, "-o", str(pdf), "--landscape", "--blank-rows",
                                    "2", "--group-by-college", "--with-attendance"])) == 0
    assert "7 personnes invitées" in capsys.readouterr().out
    assert PdfReader(pdf).pages[0].mediabox.width > PdfReader(pdf).pages[0].mediabox.height
    assert run(parser().parse_args([*base, "-o", str(xlsx), "--arrival-column"])) == 0
    sheet = load_workbook(xlsx).active
    assert (sheet["F6"].value, sheet["G6"].value) == ("Arrivée", "Signature")
    assert run(parser().parse_args([*base, "-o", str(tmp_path / "e.docx")])) == 2
    assert "choisissez un fichier .pdf ou .xlsx" in capsys.readouterr().err
    bad = ["export", "signin-sheet", "--db", str(db_path), "--meeting", "999", "-o", str(pdf)]
    assert run(parser().parse_args(bad)) == 2
    assert "La réunion n° 999 n'existe pas" in capsys.readouterr().err
    assert run(parser().parse_args([*base, "-o", str(pdf), "--blank-rows", "-1"])) == 2
    assert run(parser().parse_args([*base, "-o", str(pdf), "--columns", "number,phone"])) == 2
    assert "Colonnes possibles : number, last_name" in capsys.readouterr().err
    assert run(parser().parse_args([*base, "-o", str(pdf), "--columns",
                                    "number,last_name,signature"])) == 0
    assert "N°\nNom\nSignature" in PdfReader(pdf).pages[0].extract_text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("e.", ".e."))) == [
        "e.pdf", "e.xlsx"]  # nothing left behind by the refused exports

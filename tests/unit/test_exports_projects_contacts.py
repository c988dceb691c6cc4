"""Project and contact exports, read back the way a person's tools would:
openpyxl and LibreOffice for spreadsheets, vobject for vCards, pypdf for PDFs."""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import vobject
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from conseil_desktop import cli_export
from conseil_desktop.app import FrenchArgumentParser
from conseil_desktop.cli import run, run_command
from conseil_desktop.db.engine import Storage
from conseil_desktop.db.models import Consent, ConsentKind, Organisation, ProjectStatus
from conseil_desktop.errors import InvalidInputError, UserError
from conseil_desktop.export import projects_export, vcard
from conseil_desktop.export.files import atomic_output
from conseil_desktop.export.safety import neutralise
from conseil_desktop.services import contacts, members, projects
from conseil_desktop.services.contacts import AffiliationData, ContactData, OrganisationData
from conseil_desktop.services.projects import FundingLine, HolderKind, ProjectData

INJECTED = '=HYPERLINK("http://x")'
TODAY = date(2026, 11, 25)
NOTE = "Référente; jardins, fête\nrappeler \\ lundi"


@pytest.fixture
def filled(storage: Storage, db_path: Path) -> Path:
    """A council with funders, a holder, three projects and two contact people."""
    with storage.session_scope() as s:
        def org(name: str, kind: str, **fields: object) -> int:
            data = OrganisationData(name=name, kind_code=kind, **fields)  # type: ignore[arg-type]
            return contacts.create_organisation(s, data).id

        city = org("Ville de Toulouse", "mairie", address_line1="1 place du Capitole",
                   postcode="31000", city="Toulouse", phone="05 61 22 29 22",
                   email="accueil@mairie.example.fr")
        caf = org("CAF de la Haute-Garonne", "service_public", address_line1="24 rue Riquet",
                  postcode="31000", city="Toulouse", phone="3230")
        regie = org("Régie de quartier Œuvray", "association", rna="W313012345",
                    address_line1="12 allée de Bellefontaine", postcode="31100", city="Toulouse")
        evil = org(INJECTED, "association", phone="05 61 00 00 09", address_line1="1 rue X")
        contacts.create_contact(s, ContactData(
            "Nguyễn", "Thị Hương", email="huong@example.org", phone="06 11 22 33 44",
            affiliations=[AffiliationData(city, "Cheffe de projet", phone="05 61 22 22 22",
                                          email="huong.nguyen@mairie.example.fr")]))
        contacts.create_contact(s, ContactData("Œuvray", "Élodie", affiliations=[
            AffiliationData(regie, "Coordinatrice", notes=NOTE), AffiliationData(evil, "Membre")]))
        for title, year, funds in [
            ("Fête de quartier", 2026, [FundingLine(city, 500_000, 450_000, date(2026, 3, 20)),
                                        FundingLine(caf, 120_050)]),
            ("Jardins partagés", 2026, [FundingLine(city, 99_999, 99_999)]),
            (INJECTED, 2025, []),
        ]:
            pid = projects.create_project(s, ProjectData(
                title=title, year=year, holder_kind=HolderKind.ORGANISATION, holder_id=regie,
                theme_code="cohesion_sociale", funding_line_code="appel_projets",
                start_on=date(2026, 4, 1), end_on=date(2026, 9, 30), fundings=funds,
                description="Un projet des habitants."), status_on=date(2026, 1, 2)).id
            projects.change_status(s, pid, ProjectStatus.SUBMITTED, date(2026, 2, 1), "dossier")
    return db_path


def export(filled: Path, what: str, output: Path, year: int | None = None) -> int:
    args = argparse.Namespace(db=filled, output=output, year=year)
    handler = cli_export.cmd_export_projects if what == "projects" else (
        cli_export.cmd_export_contacts)
    return handler(args)


# --- projects ------------------------------------------------------------------------


def test_projects_xlsx(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "projets.xlsx"
    assert export(filled, "projects", out) == 0
    assert capsys.readouterr().out == f"Fichier écrit : {out} (3 projets)\n"
    book = load_workbook(out)
    assert book.sheetnames == ["Projets", "Financements", "Totaux"]
    sheet = book["Projets"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J4"
    assert sheet.column_dimensions["A"].width == 40
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["Titre", "Porteur", "Thème", "Ligne de financement", "Année",
                          "Statut", "Demandé", "Accordé"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    fete = rows["Fête de quartier"]
    assert [c.value for c in fete[1:7]] == [
        "Régie de quartier Œuvray", "Cohésion sociale", "Appel à projets du contrat de ville",
        2026, "Déposé", 6200.5]
    assert fete[6].number_format == fete[7].number_format == "#,##0.00 €"
    assert fete[7].value == 4500 and fete[6].data_type == "n"
    assert fete[8].value.date() == date(2026, 4, 1) and fete[9].value == "Début du projet"
    injected = rows[neutralise(INJECTED)]
    assert injected[0].value == "'" + INJECTED and injected[0].data_type == "s"
    assert injected[7].value is None  # nothing requested, nothing granted
    funding = [[c.value for c in r] for r in book["Financements"].iter_rows(min_row=2)]
    assert ["Fête de quartier", 2026, "Déposé", "CAF de la Haute-Garonne", 1200.5, None, None] in (
        funding)
    totals = {(r[0].value, r[1].value): [c.value for c in r[2:]]
              for r in book["Totaux"].iter_rows(min_row=2)}
    assert totals[("Ensemble", "Total")] == [3, 7200.49, 5499.99]
    assert totals[("Statut", "Déposé")] == [3, 7200.49, 5499.99]
    assert totals[("Financeur", "Ville de Toulouse")] == [2, 5999.99, 5499.99]


def test_year_filter(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "projets-2025.xlsx"
    assert export(filled, "projects", out, year=2025) == 0
    assert capsys.readouterr().out.endswith("(1 projet)\n")
    assert load_workbook(out)["Projets"].max_row == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_injected_formula_as_text(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "projets.xlsx"
    export(filled, "projects", out)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
         str(tmp_path / "csv"), str(out)],
        check=True, capture_output=True, timeout=120,
    )
    with (tmp_path / "csv" / "projets.csv").open(encoding="utf-8", newline="") as handle:
        cells = [row[0] for row in csv.reader(handle)]
    assert "'" + INJECTED in cells
    assert "http://x" not in cells  # the formula was not evaluated
    assert "Fête de quartier" in cells


def test_portfolio_pdf(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "projets.pdf"
    assert export(filled, "projects", out) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1 + 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (
            595.28, 841.89)
    summary = reader.pages[0].extract_text()
    assert "Portefeuille des projets" in summary and "Ville de Toulouse" in summary
    assert "7 200,49" in summary.replace("\u202f", " ")
    text = "\n".join(page.extract_text() for page in reader.pages[1:])
    for expected in ("Fête de quartier", "Jardins partagés", INJECTED, "Régie de quartier Œuvray",
                     "Historique des statuts", "30/06/2027 (calculé)", "dossier"):
        assert expected in text
    assert "1 / 4" in summary and "4 / 4" in reader.pages[3].extract_text()
    fonts = [font.get_object() for font in reader.pages[1]["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVu" in str(font["/BaseFont"]) for font in fonts)
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in fonts)  # embedded


def test_bad_extension_is_refused_before_anything(filled: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(InvalidInputError) as raised:
        export(filled, "projects", folder / "projets.csv")
    assert raised.value.message == (
        "Impossible d'exporter les projets vers « .csv » : choisissez un fichier .xlsx ou .pdf.")
    args = argparse.Namespace(db=filled, output=folder / "contacts", year=None)
    assert run_command(cli_export.cmd_export_contacts, args) == 2
    assert "choisissez un fichier .xlsx, .vcf ou .pdf" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_failed_export_leaves_no_file(filled: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "projets.xlsx"
    out.write_bytes(b"previous export")

    def broken(book: object, path: Path, progress: object = None) -> None:
        path.write_bytes(b"half a spreadsheet")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(projects_export, "write_projects_xlsx", broken)
    with pytest.raises(UserError, match="Impossible d'écrire"):
        export(filled, "projects", out)
    assert out.read_bytes() == b"previous export"
    assert list(folder.iterdir()) == [out]


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="n'existe pas"), atomic_output(tmp_path / "no" / "f.pdf"):
        pass


def export_parser() -> argparse.ArgumentParser:
    """The parser as app.build_parser makes it, with the export verbs added."""
    common = FrenchArgumentParser(add_help=False)
    common.add_argument("--db", type=Path)
    common.add_argument("--data-dir", type=Path)
    parser = FrenchArgumentParser(prog="conseil-desktop", parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=FrenchArgumentParser)
    cli_export.add_export_commands(sub, common)
    return parser


def test_export_verbs_parse_and_run(filled: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    parser = export_parser()
    out = tmp_path / "p.pdf"
    args = parser.parse_args(["export", "projects", "--db", str(filled), "-o", str(out),
                              "--year", "2026"])
    assert args.func is cli_export.cmd_export_projects and args.year == 2026
    assert run(args) == 0
    assert capsys.readouterr().out == f"Fichier écrit : {out} (2 projets)\n"
    assert len(PdfReader(out).pages) == 1 + 2
    args = parser.parse_args(["export", "contacts", "--db", str(filled), "--output",
                              str(tmp_path / "c.vcf")])
    assert args.func is cli_export.cmd_export_contacts and run(args) == 0
    for argv in (["export"], ["export", "projects", "--db", str(filled)],
                 ["export", "contacts", "-o", "x.vcf", "--year", "2026"]):
        with pytest.raises(SystemExit) as exited:
            parser.parse_args(argv)
        assert exited.value.code == 2
    assert "Erreur : argument invalide" in capsys.readouterr().err


# --- contacts ------------------------------------------------------------------------


def test_contacts_xlsx(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "contacts.xlsx"
    assert export(filled, "contacts", out) == 0
    assert capsys.readouterr().out == f"Fichier écrit : {out} (4 organisations, 2 personnes)\n"
    book = load_workbook(out)
    assert book.sheetnames == ["Organisations", "Personnes"]
    orgs = {r[0].value: [c.value for c in r] for r in book["Organisations"].iter_rows(min_row=2)}
    assert orgs["Ville de Toulouse"][7:10] == ["Toulouse", "05 61 22 29 22",
                                              "accueil@mairie.example.fr"]
    assert orgs["Régie de quartier Œuvray"][3] == "W313012345"
    assert "'" + INJECTED in orgs
    people = [[c.value for c in r] for r in book["Personnes"].iter_rows(min_row=2)]
    assert [p[:4] for p in people] == [
        ["Nguyễn", "Thị Hương", "Ville de Toulouse", "Cheffe de projet"],
        ["Œuvray", "Élodie", "Régie de quartier Œuvray", "Coordinatrice"],
        ["Œuvray", "Élodie", "'" + INJECTED, "Membre"],
    ]
    assert people[0][4:6] == ["05 61 22 22 22", "huong.nguyen@mairie.example.fr"]
    assert book["Personnes"].freeze_panes == "A2" and book["Personnes"].auto_filter.ref == "A1:J4"


def test_vcards_read_back(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "contacts.vcf"
    assert export(filled, "contacts", out) == 0
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF everywhere
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert len(cards) == 4 + 2
    assert all(card.version.value == "4.0" for card in cards)
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", card.uid.value) for card in cards)
    people = {card.fn.value: card for card in cards if card.kind.value == "individual"}
    huong = people["Thị Hương Nguyễn"]
    assert (huong.n.value.family, huong.n.value.given) == ("Nguyễn", "Thị Hương")
    assert huong.org.value == ["Ville de Toulouse"] and huong.title.value == "Cheffe de projet"
    phones = {tel.value: tel.params["TYPE"] for tel in huong.contents["tel"]}
    assert phones == {"+33561222222": ["work"], "+33611223344": ["cell"]}
    assert {e.value for e in huong.contents["email"]} == {
        "huong.nguyen@mairie.example.fr", "huong@example.org"}
    elodie = people["Élodie Œuvray"]
    assert [org.value for org in elodie.contents["org"]] == [
        ["Régie de quartier Œuvray"], [INJECTED]]
    assert elodie.note.value == NOTE
    city = next(card for card in cards if card.fn.value == "Ville de Toulouse")
    assert city.tel.value == "+33561222922" and city.tel.params["TYPE"] == ["work"]
    assert city.adr.value.street == "1 place du Capitole" and city.adr.value.code == "31000"


def test_vcard_folding_keeps_characters_whole() -> None:
    line = "NOTE:" + "Œuvray " * 20
    folded = vcard.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    assert vcard.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_useful_addresses_pdf(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "adresses.pdf"
    assert export(filled, "contacts", out) == 0
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Adresses utiles" in text
    for expected in ("Mairie / mairie de quartier", "Ville de Toulouse",
                     "1 place du Capitole, 31000 Toulouse", "05 61 22 29 22",
                     "Régie de quartier Œuvray", "3230", INJECTED):
        assert expected in text
    assert "@" not in text  # no e-mail address at all
    for private in ("Nguyễn", "Élodie", "06 11 22 33 44", "05 61 22 22 22"):
        assert private not in text
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        pytest.approx(595.27, abs=0.01), pytest.approx(841.89, abs=0.01))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+33612345678", "'+33612345678"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("Fête", "Fête"), ("a=b", "a=b"), (12, 12), (None, None)],
)
def test_neutralise(value: object, expected: object) -> None:
    assert neutralise(value) == expected


# --- members who are also contacts, foreign phones -----------------------------------

HOME = "7 impasse des Lilas"


@pytest.fixture
def with_members(filled: Path, storage: Storage) -> Path:
    """Three members who are contacts too (one consents to sharing their details, one
    refused) and a contact, not a member, with a German phone number."""
    with storage.session_scope() as s:
        regie = s.scalars(select(Organisation.id)
                          .where(Organisation.name == "Régie de quartier Œuvray")).one()

        def member(last: str, first: str, phone: str, email: str, role: AffiliationData,
                   consent: bool | None) -> None:
            person_id = members.create_member(s, members.MemberData(
                last, first, phone=phone, email=email, address_line1=HOME,
                postcode="31200", city="Toulouse"))
            contacts.add_affiliation(s, person_id, role)
            if consent is not None:
                s.add(Consent(person_id=person_id, kind=ConsentKind.SHARE_CONTACT,
                              granted=consent, recorded_on=TODAY, source="formulaire"))

        member("Koné", "Moussa", "06 99 88 77 66", "moussa@perso.example", AffiliationData(
            regie, "Trésorier", phone="05 61 99 88 77", email="tresorier@regie.example.org"),
            None)
        member("Sy", "Awa", "07 81 22 33 44", "awa@perso.example",
               AffiliationData(regie, "Bénévole"), False)
        member("Diop", "Fatou", "+49 30 1234567", "fatou@perso.example",
               AffiliationData(regie, "Animatrice"), True)
        contacts.create_contact(s, ContactData(
            "Müller", "Jonas", phone="+49 30 7654321", email="jonas@example.de",
            address_line1="Hauptstraße 1", postcode="31000", city="Toulouse",
            affiliations=[AffiliationData(regie, "Partenaire")]))
    return filled


PRIVATE = ("moussa@perso.example", "awa@perso.example", "+33699887766", "06 99 88 77 66",
           "+33781223344", "07 81 22 33 44", HOME, "31200")


def test_contacts_xlsx_keeps_members_private_details_out(
    with_members: Path, tmp_path: Path
) -> None:
    out = tmp_path / "contacts.xlsx"
    assert export(with_members, "contacts", out) == 0
    sheet = load_workbook(out)["Personnes"]
    rows = {(r[0].value, r[3].value): r for r in sheet.iter_rows(min_row=2)}
    values = {str(c.value) for r in rows.values() for c in r if c.value is not None}
    for private in PRIVATE:
        assert not any(private in value for value in values), private
    regie = ["12 allée de Bellefontaine", "31100", "Toulouse"]
    kone = [c.value for c in rows[("Koné", "Trésorier")]]
    assert kone[4:9] == ["05 61 99 88 77", "tresorier@regie.example.org", *regie]
    sy = [c.value for c in rows[("Sy", "Bénévole")]]
    assert sy[4:9] == [None, None, *regie]  # refused to share: nothing personal
    diop = [c.value for c in rows[("Diop", "Animatrice")]]
    assert diop[4:9] == ["+49301234567", "fatou@perso.example", *regie]  # consented
    muller = [c.value for c in rows[("Müller", "Partenaire")]]  # not a member: as before
    assert muller[4:9] == ["+49307654321", "jonas@example.de", "Hauptstraße 1", "31000",
                           "Toulouse"]


def test_phones_in_xlsx_are_text_with_a_quote_prefix_not_an_apostrophe(
    with_members: Path, tmp_path: Path
) -> None:
    out = tmp_path / "contacts.xlsx"
    assert export(with_members, "contacts", out) == 0
    book = load_workbook(out)
    people = {r[0].value: r for r in book["Personnes"].iter_rows(min_row=2)}
    for name, shown in (("Müller", "+49307654321"), ("Diop", "+49301234567"),
                        ("Nguyễn", "05 61 22 22 22")):
        phone = people[name][4]
        assert (phone.value, phone.data_type, phone.quotePrefix) == (shown, "s", True), name
    orgs = {r[0].value: r for r in book["Organisations"].iter_rows(min_row=2)}
    caf = orgs["CAF de la Haute-Garonne"][8]
    assert (caf.value, caf.quotePrefix) == ("3230", True)
    evil = orgs["'" + INJECTED]  # other text cells are still neutralised
    assert evil[0].value == "'" + INJECTED and not evil[0].quotePrefix
    assert evil[8].value == "05 61 00 00 09"


def test_vcards_keep_members_private_details_out(with_members: Path, tmp_path: Path) -> None:
    out = tmp_path / "contacts.vcf"
    assert export(with_members, "contacts", out) == 0
    text = out.read_text(encoding="utf-8")
    for private in PRIVATE:
        assert private not in text, private
    cards = {card.fn.value: card for card in vobject.readComponents(text)
             if card.kind.value == "individual"}

    def values(card: Any, name: str) -> list[Any]:
        return [item.value for item in card.contents.get(name, [])]

    kone = cards["Moussa Koné"]
    assert values(kone, "tel") == ["+33561998877"]
    assert values(kone, "email") == ["tresorier@regie.example.org"]
    assert values(kone, "adr") == []
    sy = cards["Awa Sy"]
    assert (values(sy, "tel"), values(sy, "email"), values(sy, "adr")) == ([], [], [])
    diop = cards["Fatou Diop"]
    assert values(diop, "tel") == ["+49301234567"]  # no apostrophe: not a spreadsheet
    assert values(diop, "email") == ["fatou@perso.example"]
    assert values(diop, "adr") == []
    muller = cards["Jonas Müller"]
    assert values(muller, "tel") == ["+49307654321"]
    assert [a.street for a in values(muller, "adr")] == ["Hauptstraße 1"]


def test_a_phone_column_value_that_is_not_a_number_is_neutralised() -> None:
    from openpyxl import Workbook

    from conseil_desktop.export.xlsx.cells import phone_filler
    from conseil_desktop.services.formatting import fmt_phone

    workbook = Workbook(write_only=True)
    fill = phone_filler(workbook, reuse=False)
    assert fill(fmt_phone("=1+1")) == "'=1+1"
    assert fill(fmt_phone("+1-1")) == "'+1-1"
    assert fill(fmt_phone("")) is None
    cell = fill(fmt_phone("+33561222922"))
    assert fill(fmt_phone("+4930123456")) is not cell  # each number its own cell
    assert (cell.value, cell.quotePrefix) == ("05 61 22 29 22", True)

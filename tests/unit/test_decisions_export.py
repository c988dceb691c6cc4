"""The relevé de décisions, PDF and xlsx, read back; its lines built from a meeting snapshot
and from the open actions; the ``export decisions`` command."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from conseil_desktop.app import main
from conseil_desktop.db.engine import Storage
from conseil_desktop.export.pdf.decisions import write_decisions_pdf
from conseil_desktop.export.xlsx.decisions import write_decisions_xlsx
from conseil_desktop.services.decision_register import (
    meeting_rows,
    open_action_rows,
    register_title,
    status_of,
)
from conseil_desktop.services.demo import generate_demo
from tests.unit.doc_b_samples import INJECTED, fonts_of, snapshot

TODAY = date(2026, 12, 10)


@dataclass
class Action:  # what services.decisions.OpenAction provides
    meeting_date: date
    meeting_title: str
    text: str
    owner_name: str
    deadline: date | None
    overdue: bool


def test_status_of_a_decision() -> None:
    assert status_of("", None, date(2026, 11, 20), TODAY) == ("Fait le 20/11/2026", False)
    assert status_of("Léa", date(2026, 12, 1), None, TODAY) == ("En retard", True)
    assert status_of("Léa", date(2026, 12, 31), None, TODAY) == ("À faire", False)
    assert status_of("Léa", None, None, TODAY) == ("À faire", False)
    assert status_of("", None, None, TODAY) == ("", False)


def test_meeting_rows_follow_the_agenda_then_other_decisions() -> None:
    rows = meeting_rows(snapshot(items=3), TODAY)
    assert [r.text.split(" :")[0] for r in rows] == ["Décision 1", "Décision 2", "Décision 3",
                                                     "Décision 99"]
    assert rows[0].status == "En retard" and rows[0].overdue  # deadline 02/12/2026
    assert rows[1].status == "" and rows[3].status == "Fait le 20/11/2026"
    assert rows[0].vote == "Vote : pour 12, contre 2, abstention 1"
    assert register_title(snapshot()) == "Relevé de décisions — Assemblée plénière du 24/11/2026"


def sample_actions() -> list[Action]:
    return [Action(date(2026, 1, 5), "Plénière de janvier", INJECTED, "Şükrü Yılmaz",
                   date(2026, 2, 1), True)] + [
        Action(date(2026, 10, 5), f"Bureau {n}", f"Action {n}", "Régie de quartier",
               date(2027, 1, n % 28 + 1), False) for n in range(120)]


def test_pdf_lists_every_action_with_header_and_footer(tmp_path: Path) -> None:
    path = tmp_path / "releve.pdf"
    rows = open_action_rows(sample_actions())
    write_decisions_pdf(path, rows, "Relevé des actions en cours", council_name="Conseil citoyen",
                        today=TODAY)
    reader = PdfReader(path)
    texts = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
    assert len(texts) > 2
    whole = " ".join(texts)
    assert "121 décisions, dont 1 en retard" in whole and INJECTED in whole
    assert all(f"Action {n} " in whole for n in range(120))
    for number, text in enumerate(texts, start=1):
        assert "Décision Réunion Responsable Échéance État" in text  # header on each page
        assert f"Page {number} / {len(texts)}" in text
    assert "En retard" in texts[0] and "À faire" in whole
    fonts = fonts_of(path)
    assert fonts and all(embedded and name.startswith("DejaVu") for name, embedded in fonts)
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842)
               for p in reader.pages)


def test_xlsx_cells_widths_filter_and_neutralised_text(tmp_path: Path) -> None:
    path = tmp_path / "releve.xlsx"
    write_decisions_xlsx(path, meeting_rows(snapshot(items=3), TODAY)
                         + open_action_rows(sample_actions()[:1]), "Relevé")
    sheet = load_workbook(path)["Décisions"]
    assert [c.value for c in sheet[1]] == ["N°", "Décision", "Vote", "Date de la réunion",
                                           "Réunion", "Responsable", "Échéance", "État"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H6"
    assert sheet.column_dimensions["B"].width == 60
    first = [c.value for c in sheet[2]]
    assert first[0] == 1 and first[3].date() == date(2026, 11, 24)
    assert first[5] == "Łukasz Kowalski" and first[6].date() == date(2026, 12, 2)
    assert first[7] == "En retard"
    assert sheet["B6"].value == "'" + INJECTED and sheet["B6"].data_type == "s"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_an_injected_formula_as_text(tmp_path: Path) -> None:
    path = tmp_path / "releve.xlsx"
    write_decisions_xlsx(path, open_action_rows(sample_actions()[:3]), "Relevé")
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=180)
    with (tmp_path / "releve.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == "'" + INJECTED  # shown as typed, never run


def test_cli_one_meeting_or_every_open_action(storage: Storage, db_path: Path,
                                              tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    generate_demo(storage, members=40, meetings=8, seed=5, today=date(2026, 11, 25))
    storage.close(backup=False)
    one = tmp_path / "une.xlsx"
    assert main(["export", "decisions", "--db", str(db_path), "--meeting", "1",
                 "-o", str(one)]) == 0
    assert load_workbook(one)["Décisions"]["A1"].value == "N°"
    every = tmp_path / "actions.pdf"
    assert main(["export", "decisions", "--db", str(db_path), "-o", str(every)]) == 0
    assert "Relevé des actions en cours" in PdfReader(every).pages[0].extract_text()
    capsys.readouterr()
    assert main(["export", "decisions", "--db", str(db_path), "--meeting", "999",
                 "-o", str(one)]) == 2
    assert main(["export", "decisions", "--db", str(db_path), "-o",
                 str(tmp_path / "x.csv")]) == 2
    assert "choisissez un fichier .pdf ou .xlsx" in capsys.readouterr().err


def test_pdf_number_column_fits_three_digits_and_its_header(tmp_path: Path) -> None:
    path = tmp_path / "releve.pdf"
    write_decisions_pdf(path, open_action_rows(sample_actions()), "Relevé des actions en cours",
                        today=TODAY)
    lines = [line.strip() for page in PdfReader(path).pages
             for line in page.extract_text().splitlines()]
    assert "N°" in lines and "°" not in lines  # the header is not split over two lines
    assert {"10", "100", "121"} <= set(lines)  # nor the numbers: not "1" above "0"

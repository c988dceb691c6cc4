"""The portfolio PDF of many projects, read back with pypdf: one fiche per page made
as its page comes, the same paragraphs as reportlab's parser gives, and a cancel
heard at the next page that leaves no file."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from conseil_desktop.db.engine import Storage
from conseil_desktop.export.pdf.layout import make_styles, text
from conseil_desktop.export.pdf.plain_text import plain_paragraph
from conseil_desktop.export.projects_export import export_projects
from conseil_desktop.progress import Cancelled, Stage
from conseil_desktop.services.demo import generate_demo
from conseil_desktop.services.project_details import Portfolio, portfolio

TODAY = date(2026, 11, 25)
COUNT = 240


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Portfolio:
    """The demo council's projects, copied under numbered titles to make 240 fiches."""
    import shutil

    from conseil_desktop.db.engine import open_storage

    path = tmp_path_factory.mktemp("portfolio") / "conseil.db"
    shutil.copyfile(migrated_template, path)
    storage: Storage = open_storage(path, backup=False)
    try:
        generate_demo(storage, members=60, meetings=6, seed=4, today=TODAY)
        with storage.session_scope() as s:
            real = portfolio(s)
    finally:
        storage.close(backup=False)
    assert real.projects
    projects = [
        dataclasses.replace(p, data=dataclasses.replace(p.data, title=f"Projet n° {n:03d}"))
        for n, p in enumerate(
            (real.projects * (COUNT // len(real.projects) + 1))[:COUNT], start=1)]
    return dataclasses.replace(real, projects=projects)


def test_every_fiche_on_its_page_with_its_headings(book: Portfolio, tmp_path: Path) -> None:
    out = tmp_path / "projets.pdf"
    export_projects(book, out, council_name="Conseil citoyen", today=TODAY)
    pages = [page.extract_text() for page in PdfReader(out).pages]
    assert len(pages) == COUNT + 1  # the summary, then one page per project
    assert "Portefeuille des projets" in pages[0] and "Par financeur" in pages[0]
    assert "Projet n° 001" in pages[1] and "Projet n° 002" not in pages[1]
    assert "Projet n° 240" in pages[-1] and "Projet n° 239" not in pages[-1]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} / {COUNT + 1}" in page
        assert "Conseil citoyen — Portefeuille des projets — édité le 25/11/2026" in page
        if number > 1:
            assert f"Projet n° {number - 1:03d}" in page
            assert "Porteur" in page and "Financements" in page
            assert "Historique des statuts" in page


def test_progress_counts_pages_then_footers(book: Portfolio, tmp_path: Path) -> None:
    heard: list[tuple[Stage, int, int]] = []
    export_projects(book, tmp_path / "p.pdf", council_name="C", today=TODAY,
                    progress=lambda *args: heard.append(args))
    pages = [done for stage, done, total in heard if stage is Stage.PAGES]
    assert pages == list(range(COUNT + 1))  # each page as it is laid out, in order
    assert {total for _, _, total in heard} == {COUNT + 1}
    saving = [done for stage, done, _ in heard if stage is Stage.SAVING]
    assert saving == list(range(COUNT + 1)) and heard[-1][0] is Stage.SAVING


@pytest.mark.parametrize(("stage", "at"), [(Stage.PAGES, 120), (Stage.SAVING, 5)])
def test_a_cancel_stops_the_pdf_and_leaves_no_file(
        book: Portfolio, tmp_path: Path, stage: Stage, at: int) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "projets.pdf"
    calls: list[tuple[Stage, int]] = []

    def cancel(seen: Stage, done: int, _total: int) -> None:
        calls.append((seen, done))
        if seen is stage and done == at:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_projects(book, out, council_name="C", today=TODAY, progress=cancel)
    assert calls[-1] == (stage, at)
    assert list(folder.iterdir()) == []


def test_a_cancel_stops_the_workbook_and_leaves_no_file(book: Portfolio, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "projets.xlsx"
    heard: list[tuple[Stage, int, int]] = []

    def cancel(stage: Stage, done: int, total: int) -> None:
        heard.append((stage, done, total))
        if stage is Stage.SHEETS and done == 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_projects(book, out, council_name="C", progress=cancel)
    assert heard[0] == (Stage.SHEETS, 0, 3) and heard[-1] == (Stage.SHEETS, 1, 3)
    assert list(folder.iterdir()) == []


SAMPLES = ["Fête de quartier", "  Jardins   partagés\t", "Œuvray — Nguyễn Thị Hương",
           "05 61 22 29 22", "1 234,50 €", "x", "A\u00a0B", "Ligne un\nLigne deux",
           "Jeux & sports <b>", "", "   ", "Abcdefghij" * 30, "50 % accordé ; dossier n° 3"]


@pytest.mark.parametrize("value", SAMPLES)
def test_plain_paragraph_is_what_the_parser_makes(value: str) -> None:
    from xml.sax.saxutils import escape

    styles = make_styles()
    for style in (styles.cell, styles.cell_right, styles.label, styles.title, styles.note):
        ours = plain_paragraph(value, style)
        theirs = Paragraph(escape(value).replace("\n", "<br/>"), style)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
        for width in (40.0, 120.0, 400.0):
            assert ours.wrap(width, 800) == theirs.wrap(width, 800)
            assert ours.wrap(width, 800) == theirs.wrap(width, 800)  # remembered
            assert _lines(ours) == _lines(theirs)
    assert isinstance(text(value, styles.cell), Paragraph)


def _lines(paragraph: Paragraph) -> list[str]:
    return [repr(line) for line in paragraph.blPara.lines]

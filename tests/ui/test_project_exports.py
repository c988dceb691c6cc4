"""*Exporter › Portefeuille des projets*: the file written by a worker, read back;
failed and cancelled exports leave no file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from conseil_desktop.ui.database import Database
from conseil_desktop.ui.projects.exports import ExportThread
from conseil_desktop.ui.projects.tab import ProjectsTab
from tests.ui.helpers import Dialogs
from tests.ui.project_helpers import add_organisation, add_project, shown_tab


@pytest.fixture
def tab(qtbot, database: Database) -> Iterator[ProjectsTab]:
    with shown_tab(qtbot, database) as shown:
        yield shown


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "exports"
    made.mkdir()
    return made


def test_export_writes_a_readable_workbook(qtbot, tab: ProjectsTab, database: Database,
                                          dialogs: Dialogs, folder: Path) -> None:
    city = add_organisation(database, "Ville de Toulouse")
    add_project(database, "Fête de quartier", fundings=((city, 123_450),))
    target = folder / "portefeuille.xlsx"
    dialogs.answer("ask_save_path", target)
    [xlsx, pdf] = tab.export_actions()
    xlsx.trigger()
    assert tab.exports.running
    qtbot.waitUntil(lambda: not tab.exports.running, timeout=20_000)
    assert dialogs.named("show_error") == []
    [(_parent, _title, message)] = dialogs.named("show_info")
    assert str(target) in message
    book = openpyxl.load_workbook(target, read_only=True)
    try:
        rows = list(book["Projets"].iter_rows(values_only=True))
    finally:
        book.close()
    assert {r[0] for r in rows[1:]} == {"Fête de quartier", "Jardins partagés"}
    requested = {r[0]: r[6] for r in rows[1:]}
    assert requested["Fête de quartier"] == pytest.approx(1234.50)
    assert list(folder.iterdir()) == [target]  # no temporary file left beside it
    assert "PDF" in pdf.text()


def test_failed_export_says_why_and_leaves_no_file(qtbot, tab: ProjectsTab,
                                                   dialogs: Dialogs, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "projets.pdf"
    dialogs.answer("ask_save_path", target)
    tab.exports.pdf_action.trigger()
    qtbot.waitUntil(lambda: not tab.exports.running, timeout=20_000)
    [(_parent, _title, message)] = dialogs.named("show_error")
    assert "n'existe pas" in message
    assert not target.parent.exists()


def test_cancelled_export_leaves_no_file(qtbot, database: Database, folder: Path) -> None:
    target = folder / "projets.xlsx"
    thread = ExportThread(database.session_scope, target, None)
    written: list[Path] = []
    thread.succeeded.connect(lambda path, _count: written.append(path))
    thread.isInterruptionRequested = lambda: True  # cancelled as soon as it starts
    with qtbot.waitSignal(thread.finished, timeout=20_000):
        thread.start()
    thread.wait()
    thread.deleteLater()  # as ProjectExports does: PySide 6.12 aborts collecting it at exit
    assert written == [] and list(folder.iterdir()) == []


def test_cancelled_export_keeps_an_older_file(qtbot, database: Database, folder: Path) -> None:
    target = folder / "projets.xlsx"
    target.write_bytes(b"the portfolio of last month")
    thread = ExportThread(database.session_scope, target, None)
    thread.isInterruptionRequested = lambda: True
    with qtbot.waitSignal(thread.finished, timeout=20_000):
        thread.start()
    thread.wait()
    thread.deleteLater()
    assert target.read_bytes() == b"the portfolio of last month"
    assert list(folder.iterdir()) == [target]


def test_pdf_of_the_year_filtered_in_the_list(qtbot, tab: ProjectsTab, database: Database,
                                              dialogs: Dialogs, folder: Path) -> None:
    from pypdf import PdfReader

    add_project(database, "Cinéma en plein air", year=2025)
    tab.reload()
    tab.filter_bar.year.setCurrentIndex(tab.filter_bar.year.findData(2025))
    assert "2025" in tab.exports.pdf_action.text()
    dialogs.answer("ask_save_path", folder / "projets")  # the extension is added
    tab.exports.pdf_action.trigger()
    qtbot.waitUntil(lambda: not tab.exports.running, timeout=20_000)
    [(_parent, _title, _filter, suggested)] = dialogs.named("ask_save_path")
    assert suggested.name.endswith("2025.pdf")
    written = folder / "projets.pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(written).pages)
    assert "Projets 2025" in text and "Cinéma en plein air" in text
    assert "Jardins partagés" not in text  # a 2026 project
    assert "1 projet " in text  # the summary counts the year's projects only


def test_a_read_only_folder_is_a_message_not_a_crash(
        qtbot, database: Database, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def refuse(path: Path, *args: object, **kwargs: object) -> None:
        if path.parent == folder:  # a locked USB key: even removing a missing file fails
            raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(Path, "unlink", refuse)
    monkeypatch.setattr(Path, "touch", refuse)
    monkeypatch.setattr(Path, "replace", refuse)
    thread = ExportThread(database.session_scope, folder / "projets.xlsx", None)
    heard: list[str] = []
    thread.failed.connect(heard.append)
    thread.crashed.connect(lambda: heard.append("crash"))
    with qtbot.waitSignal(thread.finished, timeout=20_000):
        thread.start()
    thread.wait()
    thread.deleteLater()
    qtbot.waitUntil(lambda: bool(heard))
    assert heard != ["crash"] and len(heard) == 1


def test_cancel_while_the_pdf_is_written_stops_it_and_leaves_no_file(
        qtbot, database: Database, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Annuler pressed while the pages are laid out: the writer's hook hears it at the
    next page, nothing is written, no success is announced."""
    from conseil_desktop.export import projects_export

    target = folder / "projets.pdf"
    thread = ExportThread(database.session_scope, target, None)
    pages_seen: list[tuple[str, int]] = []
    laid_out = projects_export.report

    def spy(progress: object, stage: object, done: int, total: int) -> None:
        pages_seen.append((str(stage), done))
        if len(pages_seen) == 2:  # the first fiche's page is being laid out
            thread.requestInterruption()
        laid_out(progress, stage, done, total)  # type: ignore[arg-type]

    heard: list[object] = []
    thread.succeeded.connect(lambda *args: heard.append(args))
    thread.failed.connect(heard.append)
    thread.crashed.connect(lambda: heard.append("crash"))
    labels: list[str] = []
    thread.progressed.connect(lambda _value, text: labels.append(text))
    monkeypatch.setattr(projects_export, "report", spy)
    with qtbot.waitSignal(thread.finished, timeout=20_000):
        thread.start()
    thread.wait()
    thread.deleteLater()
    assert pages_seen == [("Stage.PAGES", 0), ("Stage.PAGES", 1)]  # stopped at the first fiche
    assert heard == [] and list(folder.iterdir()) == []
    qtbot.waitUntil(lambda: any(text.startswith("Page ") for text in labels))

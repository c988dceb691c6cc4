"""Documents offered from the app: built off the UI thread, previewed, printed, saved."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from conseil_desktop.errors import UserError
from conseil_desktop.ui.documents import actions, preview, printing, scratch
from conseil_desktop.ui.documents.actions import (
    DocumentRequest,
    offer_document,
    save_document,
)
from conseil_desktop.ui.documents.preview import DocumentPreview
from conseil_desktop.ui.preferences import Preferences
from conseil_desktop.ui.workers import Progress
from tests.ui.helpers import Dialogs


def write_pages(path: Path, pages: int) -> None:
    canvas = Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"Page {number} — Œuvray")
        canvas.showPage()
    canvas.save()


class Builder:
    """A document builder that records the formats it was asked for."""

    def __init__(self, pages: int = 3, fail: bool = False,
                 wait: threading.Event | None = None) -> None:
        self.pages, self.fail, self.wait = pages, fail, wait
        self.formats: list[str] = []

    def __call__(self, path: Path, fmt: str, progress: Progress) -> None:
        self.formats.append(fmt)
        progress.step(1, "Mise en page…")
        if self.fail:
            raise UserError("La réunion a été supprimée entre-temps.")
        if self.wait is not None:
            self.wait.wait(5)
            progress.check()
        if fmt == "pdf":
            write_pages(path, self.pages)
        else:
            path.write_bytes(b"xlsx stand-in")


def request(builder: Builder, formats: tuple[str, ...] = ("pdf", "xlsx")) -> DocumentRequest:
    return DocumentRequest("Feuille d'émargement", "Émargement 25/11/2026", formats, builder)


def open_preview(qtbot: Any, parent: Any, builder: Builder,
                 track: bool = True) -> DocumentPreview:
    shown: list[DocumentPreview] = []
    real = preview.show_preview

    def capture(*args: Any, **kwargs: Any) -> DocumentPreview:
        shown.append(real(*args, **kwargs))
        return shown[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preview, "show_preview", capture)
        worker = offer_document(parent, request(builder))
        assert worker is not None
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    if track:  # closed by qtbot at the end of the test
        qtbot.addWidget(shown[0])
    return shown[0]


@pytest.fixture
def parent(qtbot: Any) -> Any:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def test_the_pdf_is_built_in_a_worker_then_previewed(qtbot: Any, parent: Any) -> None:
    builder = Builder(pages=3)
    shown = open_preview(qtbot, parent, builder)
    assert builder.formats == ["pdf"]
    assert shown.document.pageCount() == 3
    assert shown.pdf.exists() and shown.pdf.name == "Émargement 25-11-2026.pdf"
    folder = shown.pdf.parent
    shown.close()
    assert not folder.exists(), "the temporary copy (personal data) is removed on close"


def test_save_as_copies_the_previewed_pdf_and_remembers_the_folder(
        qtbot: Any, parent: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    shown = open_preview(qtbot, parent, Builder(pages=2))
    out = tmp_path / "archive" / "sheet"
    out.parent.mkdir()
    dialogs.answer("ask_save_path", out)  # typed without its extension
    shown.save_as()
    saved = out.with_name("sheet.pdf")
    assert saved.read_bytes() == shown.pdf.read_bytes()
    assert Preferences().last_document_folder == out.parent
    suggested = dialogs.named("ask_save_path")[0][3]
    assert suggested.suffix == ".pdf"
    # The next document proposes the folder used last.
    dialogs.answer("ask_save_path", None)
    shown.save_as()
    assert dialogs.named("ask_save_path")[1][3].parent == out.parent


def test_another_format_is_built_straight_to_the_chosen_file(
        qtbot: Any, parent: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    builder = Builder()
    target = tmp_path / "out" / "sheet.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    worker = save_document(parent, request(builder), ("pdf", "xlsx"))
    assert worker is not None
    qtbot.waitUntil(lambda: target.exists(), timeout=5000)
    assert builder.formats == ["xlsx"]
    assert target.read_bytes() == b"xlsx stand-in"
    assert [p.name for p in target.parent.iterdir()] == ["sheet.xlsx"], "no temporary file left"


def test_printing_prints_every_page_of_the_same_pdf(
        qtbot: Any, parent: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    shown = open_preview(qtbot, parent, Builder(pages=3))
    printed_to = tmp_path / "printed.pdf"

    def choose_pdf_printer(_parent: Any, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_to))
        return True

    from conseil_desktop.ui.dialogs import ask

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ask, "ask_print", choose_pdf_printer)
        assert shown.print_() == 3
    assert len(PdfReader(printed_to).pages) == 3
    dialogs.answer("ask_print", False)  # the user closes the print dialog
    assert shown.print_() == 0


def test_printing_keeps_the_actual_size_for_the_label_sheet(
        qtbot: Any, parent: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    """A sheet of 3 x 8 labels has no margin: printed shrunk into the printer's
    printable area, the last row of addresses would miss its labels."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from conseil_desktop.ui.documents.printing import print_pages

    width, height = A4
    marked = tmp_path / "marks.pdf"
    canvas = Canvas(str(marked), pagesize=A4)
    for x, y in ((20, 20), (width - 26, height - 26)):  # 6 pt squares, from the top left
        canvas.rect(x, height - y - 6, 6, 6, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    source = QPdfDocument(parent)
    source.load(str(marked))
    printed_to = tmp_path / "printed.pdf"
    printer = printing.new_printer(source, "Étiquettes")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed_to))
    assert printer.pageLayout().margins().left() > 0  # the PDF printer has margins too
    assert print_pages(None, source, printer) == 1
    result = QPdfDocument(parent)
    result.load(str(printed_to))
    size = result.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4
    image = result.render(0, QSize(595, 842))
    def inked(x: float, y: float) -> bool:
        colour = image.pixelColor(round(x), round(y))
        return colour.alpha() > 128 and colour.lightness() < 100

    for x, y in ((23, 23), (width - 23, height - 23)):  # the centre of each square
        assert inked(x, y), (x, y)
        assert not inked(x - 9, y - 9) and not inked(x + 9, y + 9), (x, y)


def test_open_hands_a_lasting_copy_to_the_system_viewer(
        qtbot: Any, parent: Any, dialogs: Dialogs, data_dir: Path) -> None:
    shown = open_preview(qtbot, parent, Builder(pages=1), track=False)
    dialogs.answer("open_file", True)
    opened = shown.open_externally()
    assert opened is not None and opened.read_bytes() == shown.pdf.read_bytes()
    assert dialogs.named("open_file") == [(opened,)]
    dialogs.answer("open_file", False)
    shown.open_externally()
    assert str(opened) in dialogs.named("show_error")[-1][2]
    assert "Enregistrer sous" in dialogs.named("show_error")[-1][2]
    shown.close()
    assert opened.read_bytes().startswith(b"%PDF"), "the viewer keeps its copy after the preview"
    scratch.end_session()  # the application quits
    assert not opened.exists()


def test_the_copy_for_the_viewer_is_private_to_the_user(
        qtbot: Any, parent: Any, dialogs: Dialogs, data_dir: Path) -> None:
    """Its name and contents carry people's names: not in the shared /tmp, and
    readable by its owner alone, even if the folder was made earlier with looser rights."""
    (data_dir / scratch.ROOT_NAME).mkdir(parents=True, mode=0o755)
    (data_dir / scratch.ROOT_NAME).chmod(0o755)
    scratch.end_session()
    shown = open_preview(qtbot, parent, Builder(pages=1))
    dialogs.answer("open_file", True)
    opened = shown.open_externally()
    assert opened is not None
    assert opened.is_relative_to(data_dir / scratch.ROOT_NAME)
    assert shown.pdf.is_relative_to(data_dir / scratch.ROOT_NAME), "the preview's PDF too"
    if os.name == "posix":
        for folder in (data_dir / scratch.ROOT_NAME, opened.parent, shown.pdf.parent):
            assert folder.stat().st_mode & 0o077 == 0, (folder, oct(folder.stat().st_mode))
    scratch.end_session()


def test_start_up_clears_what_ended_sessions_left_but_not_a_running_one(data_dir: Path) -> None:
    from conseil_desktop.db.lock import FileLock

    root = scratch.root()
    ended = root / "session-crashed"  # the application was killed with a document open
    ended.mkdir()
    (ended / "Émargement.pdf").write_bytes(b"%PDF names")
    ended.with_name("session-crashed.lock").touch()
    running = root / "session-other"  # another database open in a second window
    running.mkdir()
    (running / "Convocations.pdf").write_bytes(b"%PDF names")
    held = FileLock(running)
    held.acquire()
    orphan_lock = root / "session-gone.lock"
    orphan_lock.touch()
    try:
        scratch.clear_ended_sessions()
        assert not ended.exists() and not ended.with_name("session-crashed.lock").exists()
        assert not orphan_lock.exists()
        assert (running / "Convocations.pdf").exists(), "a viewer of the other window keeps it"
    finally:
        held.release()
    scratch.clear_ended_sessions()  # that window has closed, leaving its files behind
    assert not running.exists()


def test_run_gui_clears_ended_sessions_at_start_up_and_its_own_at_quit(
        db_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conseil_desktop.ui.main import run_gui
    from conseil_desktop.ui.smoke import run_smoke_test

    left = scratch.root() / "session-crashed"
    left.mkdir()
    (left / "PV.pdf").write_bytes(b"%PDF names")
    made: list[Path] = []

    def smoke_with_a_document(*args: Any) -> int:
        made.append(scratch.session_folder() / "Émargement.pdf")
        made[0].write_bytes(b"%PDF names")
        return run_smoke_test(*args)

    monkeypatch.setattr("conseil_desktop.ui.smoke.run_smoke_test", smoke_with_a_document)
    assert run_gui(db_path, smoke_test=True) == 0
    assert not left.exists()
    assert made and not made[0].exists() and not made[0].parent.exists()
    assert list(scratch.root().iterdir()) == []


def test_a_failed_build_shows_the_message_and_leaves_nothing(
        qtbot: Any, parent: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = tracked_folders(monkeypatch)
    worker = offer_document(parent, request(Builder(fail=True)))
    assert worker is not None
    qtbot.waitUntil(lambda: bool(dialogs.named("show_error")), timeout=5000)
    assert "supprimée" in dialogs.named("show_error")[0][2]
    qtbot.waitUntil(lambda: not folders[0].exists(), timeout=5000)


def tracked_folders(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The temporary folders ``offer_document`` makes, as they are made."""
    folders: list[Path] = []
    real = actions.tempfile.mkdtemp

    def mkdtemp(**kw: Any) -> str:
        made = real(**kw)
        if kw.get("prefix") == "conseil-document-":
            folders.append(Path(made))
        return made

    monkeypatch.setattr(actions.tempfile, "mkdtemp", mkdtemp)
    return folders


def test_a_window_closed_during_the_build_leaves_no_temporary_pdf(
        qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder holds a PDF with people's names: with no window left to preview
    it, it must not stay behind in the temporary folder."""
    from PySide6.QtWidgets import QMainWindow

    folders = tracked_folders(monkeypatch)
    release = threading.Event()
    window = QMainWindow()
    shown: list[object] = []
    monkeypatch.setattr(preview, "show_preview", lambda *a, **k: shown.append(a))
    worker = offer_document(window, request(Builder(pages=1, wait=release)))
    assert worker is not None
    qtbot.waitUntil(lambda: bool(folders), timeout=5000)
    window.deleteLater()  # the meeting window is closed while the sheet is laid out
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: not folders[0].exists(), timeout=5000)
    assert shown == [] and dialogs.named("show_error") == []


def test_a_crashed_build_leaves_no_temporary_pdf(
        qtbot: Any, parent: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = tracked_folders(monkeypatch)

    def crash(path: Path, fmt: str, progress: Progress) -> None:
        write_pages(path, 1)
        raise RuntimeError("a bug while laying out")

    worker = offer_document(parent, DocumentRequest("PV", "PV", ("pdf",), crash))
    assert worker is not None
    qtbot.waitUntil(lambda: bool(dialogs.named("show_crash_dialog")), timeout=5000)
    qtbot.waitUntil(lambda: not folders[0].exists(), timeout=5000)


def test_a_cancelled_build_leaves_no_file(qtbot: Any, parent: Any, dialogs: Dialogs,
                                          tmp_path: Path) -> None:
    release = threading.Event()
    target = tmp_path / "out" / "sheet.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    worker = save_document(parent, request(Builder(wait=release)), ("xlsx",))
    assert worker is not None
    with qtbot.waitSignal(worker.cancelled, timeout=5000):
        worker.cancel()
        release.set()
    worker.wait()
    assert list(target.parent.iterdir()) == []


def test_closing_the_preview_while_it_saves_loses_nothing(
        qtbot: Any, parent: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    release = threading.Event()
    builder = Builder(pages=1)
    shown = open_preview(qtbot, parent, builder, track=False)
    builder.wait = release  # the Excel version takes its time
    target = tmp_path / "out" / "sheet.xlsx"
    target.parent.mkdir()
    dialogs.answer("ask_save_path", target)
    worker = save_document(shown, shown.request, ("pdf", "xlsx"))
    assert worker is not None
    shown.close()  # deletes the preview, parent of the progress dialog
    qtbot.wait(50)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        release.set()
    qtbot.wait(50)
    assert target.read_bytes() == b"xlsx stand-in"
    assert dialogs.named("show_error") == []

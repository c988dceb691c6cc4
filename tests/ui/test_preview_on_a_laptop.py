"""The document preview on the president's 1366 x 768 laptop: it opens no taller than
the screen's free area (it opened 900 pixels tall, its bottom under the screen's edge)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from conseil_desktop.ui.documents.actions import DocumentRequest
from conseil_desktop.ui.documents.preview import PREFERRED_SIZE, DocumentPreview
from conseil_desktop.ui.meetings.widgets import FRAME_ALLOWANCE


def test_the_preview_opens_at_the_size_its_screen_allows(qtbot: Any, tmp_path: Path) -> None:
    pdf = tmp_path / "feuille.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    canvas.drawString(100, 700, "Feuille d'émargement")
    canvas.save()
    parent = QWidget()
    qtbot.addWidget(parent)
    request = DocumentRequest("Feuille d'émargement", "Émargement", ("pdf",),
                              lambda *_a: None)
    window = DocumentPreview(parent, request, pdf, cleanup=lambda: None)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry().size()
    assert available.height() - FRAME_ALLOWANCE < PREFERRED_SIZE.height()  # a small screen
    assert window.size().height() <= available.height() - FRAME_ALLOWANCE
    assert window.size().width() <= available.width()
    assert window.pages_label.text() == "1 page"

"""Qt's own dialogs read in French: the labels its French catalogue misses are ours."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QLabel


def test_the_file_dialog_labels_are_french(qtbot: Any) -> None:
    dialog = QFileDialog(None, "Enregistrer sous")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = [label.text().replace("\u00a0", " ") for label in dialog.findChildren(QLabel)]
    assert "Voir &dans :" in labels or "&Voir dans :" in labels, labels
    assert "Fichiers de &type :" in labels, labels
    assert not [text for text in labels if "Look in" in text or "Files of" in text]


def test_the_print_dialog_labels_are_french(qtbot: Any) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    labels = [label.text().replace("\u00a0", " ") for label in dialog.findChildren(QLabel)]
    assert "Pages à &imprimer :" in labels, labels
    assert not [text for text in labels if "Page &Set" in text]


def test_the_print_properties_labels_are_french() -> None:
    """The print dialog's Properties window (opened by Qt's own exec, so read through the
    catalogue here): its job and page-layout labels."""
    from PySide6.QtCore import QCoreApplication

    for context, source, french in (
            ("QCupsJobWidget", "Scheduled &printing:", "Impression &planifiée :"),
            ("QCupsJobWidget", "&Billing information:", "Informations de &facturation :"),
            ("QCupsJobWidget", "Job &priority:", "P&riorité de la tâche :"),
            ("QCupsJobWidget", "&Start:", "Pre&mières :"),
            ("QCupsJobWidget", "&End:", "Fi&nales :"),
            ("QPageSetupWidget", "Page &order:", "&Ordre des pages :"),
            ("QPageSetupWidget", "Pages &per sheet:", "Pages par feui&lle :")):
        assert QCoreApplication.translate(context, source).replace("\u00a0", " ") == french

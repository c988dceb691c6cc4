"""*Restaurer une sauvegarde…*: choose one of the database's automatic backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db import backup as backups
from conseil_desktop.db.backup import BackupInfo
from conseil_desktop.ui.database import BEFORE_RESTORE
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.i18n import fill

KIB = 1024
REASON_COLUMN, SIZE_COLUMN = 1, 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MIB = 1024 * 1024


def size_text(size_bytes: int) -> str:
    """``820 Ko``, ``12,4 Mo``."""
    locale = QLocale()
    if size_bytes < MIB:
        kilobytes = locale.toString(max(1, round(size_bytes / KIB)))
        return fill(QCoreApplication.translate("RestoreDialog", "%1 KB"), kilobytes)
    megabytes = locale.toString(size_bytes / MIB, "f", 1)
    return fill(QCoreApplication.translate("RestoreDialog", "%1 MB"), megabytes)


def reason_text(reason: str) -> str:
    """Why a backup was taken, in words (backup names carry a short code)."""
    if reason == "ouverture":
        return QCoreApplication.translate("RestoreDialog", "On opening")
    if reason == "fermeture":
        return QCoreApplication.translate("RestoreDialog", "On closing")
    if reason == BEFORE_RESTORE:
        return QCoreApplication.translate("RestoreDialog", "Before a restore")
    if reason == "avant-mise-a-jour":
        return QCoreApplication.translate("RestoreDialog", "Before an update of the application")
    return reason.replace("-", " ")


class RestoreDialog(QDialog):
    """Lists the backups, newest first; the first is selected."""

    def __init__(self, found: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self._backups = found
        intro = QLabel(self.tr(
            "Choose the backup to restore. The database as it is now will be backed up first, "
            "so this can be undone."
        ), self)
        intro.setWordWrap(True)
        self.list = self._build_list(found)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._enable_restore)
        self.list.itemDoubleClicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._enable_restore()

    def _build_list(self, found: list[BackupInfo]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setHeaderLabels([self.tr("Taken on"), self.tr("Occasion"), self.tr("Size")])
        for info in found:
            item = QTreeWidgetItem([info.label, reason_text(info.reason),
                                    size_text(info.size_bytes)])
            item.setTextAlignment(SIZE_COLUMN, _RIGHT)
            item.setToolTip(0, str(info.path))
            tree.addTopLevelItem(item)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        header_item = tree.headerItem()
        if header_item is not None:
            header_item.setTextAlignment(SIZE_COLUMN, _RIGHT)
        return tree

    def selected(self) -> BackupInfo | None:
        items = self.list.selectedItems()
        return self._backups[self.list.indexOfTopLevelItem(items[0])] if items else None

    def _enable_restore(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)


def choose_backup(parent: QWidget | None, db_path: Path) -> BackupInfo | None:
    """Show the backups of ``db_path``; the one chosen, or None."""
    found = backups.list_backups(db_path)
    if not found:
        title = QCoreApplication.translate("RestoreDialog", "Restore a backup")
        text = QCoreApplication.translate("RestoreDialog", "This database has no backup yet.")
        ask.show_info(parent, title, text)
        return None
    dialog = RestoreDialog(found, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.selected() if accepted else None
    finally:
        dialog.deleteLater()

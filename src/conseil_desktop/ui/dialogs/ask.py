"""Every standard file dialog and message box of the application.

Each is a plain function so that tests can replace it with ``monkeypatch``
and never block on a modal ``exec()``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class NameOnlyIconProvider(QFileIconProvider):
    """File types and icons told from the name alone, never from the content.

    Qt's own provider opens every file the dialog lists to read its first bytes,
    the open base and its ``-wal``/``-shm`` included. Closing such a handle drops
    every POSIX lock this process holds on that file, SQLite's too: another
    program opening the base afterwards (``conseil-desktop export …``, a backup
    tool) then takes itself for its only user, folds the ``-wal`` journal in and
    deletes it, and each later change goes to the deleted journal — lost when the
    application closes.
    """

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()

    def _mime_type(self, info: QFileInfo) -> object:
        return self._mime.mimeTypeForFile(info.fileName(),
                                          QMimeDatabase.MatchMode.MatchExtension)

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            return super().type(info)
        return self._mime_type(info).comment()  # type: ignore[attr-defined]

    def icon(self, which: object) -> QIcon:  # type: ignore[override]
        if not isinstance(which, QFileInfo):
            return super().icon(which)  # type: ignore[call-overload]
        if not which.isFile():
            return super().icon(QAbstractFileIconProvider.IconType.Folder
                                if which.isDir() else QAbstractFileIconProvider.IconType.File)
        mime = self._mime_type(which)
        for name in (mime.iconName(), mime.genericIconName()):  # type: ignore[attr-defined]
            icon = QIcon.fromTheme(name)
            if not icon.isNull():
                return icon
        return super().icon(QAbstractFileIconProvider.IconType.File)


_icon_provider: NameOnlyIconProvider | None = None  # the dialog does not own it


def file_dialog(parent: QWidget | None, title: str, file_filter: str,
                start: str) -> QFileDialog:
    """A file dialog that reads no file's content (see :class:`NameOnlyIconProvider`)."""
    global _icon_provider
    if _icon_provider is None:
        _icon_provider = NameOnlyIconProvider()
    dialog = QFileDialog(parent, title, start, file_filter)
    dialog.setIconProvider(_icon_provider)
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        files = dialog.selectedFiles()
        return Path(files[0]) if files and files[0] else None
    finally:
        dialog.deleteLater()


def ask_open_path(parent: QWidget | None, title: str, file_filter: str,
                  directory: Path | None = None) -> Path | None:
    """An existing file, chosen from ``directory`` or else from the folder used last
    (the user's Documents at first), not from wherever the program was started."""
    if directory is None:
        from conseil_desktop.ui.documents.folders import last_folder

        directory = last_folder()
    dialog = file_dialog(parent, title, file_filter, str(directory))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def ask_save_path(parent: QWidget | None, title: str, file_filter: str, suggested: Path,
                  *, confirm_overwrite: bool = True) -> Path | None:
    dialog = file_dialog(parent, title, file_filter, str(suggested))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    return _chosen(dialog)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_discard(parent: QWidget | None, title: str) -> bool:
    """A form closed (*Annuler*, Échap, its cross) with changes typed and not saved:
    True to lose them, False (the default answer) to go back to the form."""
    return confirm(parent, title, QCoreApplication.translate(
        "Forms", "Close the form without saving your changes?"))


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def open_file(path: Path) -> bool:
    """Open ``path`` in the system's viewer for its type; False when none answered."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

"""The council's logo: a preview, *Choisir…* and *Retirer*; kept as PNG bytes."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.i18n import fill

PREVIEW_SIZE = 64
MAX_SIDE = 800  # enough for a printed header; keeps the database small


class LogoPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._png: bytes | None = None
        self.changed = False
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        self._show()

    def png(self) -> bytes | None:
        return self._png

    def set_png(self, png: bytes | None) -> None:
        self._png = png
        self.changed = False
        self._show()

    def choose(self) -> None:
        path = ask.ask_open_path(self, self.tr("Choose a logo"),
                                 self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"))
        if path is None:
            return
        image = QImage(str(path))
        if image.isNull():
            unreadable = self.tr("“%1” is not an image that can be read.")
            ask.show_error(self, self.tr("Logo"), fill(unreadable, path.name))
            return
        self._set(_to_png(image))

    def remove(self) -> None:
        self._set(None)

    def _set(self, png: bytes | None) -> None:
        self._png = png
        self.changed = True
        self._show()

    def _show(self) -> None:
        self.remove_button.setEnabled(self._png is not None)
        if self._png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self._png, "PNG")
        self.preview.setPixmap(pixmap.scaled(
            PREVIEW_SIZE, PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        ))


def _to_png(image: QImage) -> bytes:
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs ask for bytes, but only a str format name is accepted at run time.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())

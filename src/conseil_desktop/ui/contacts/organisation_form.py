"""The fields of an organisation: identity, address, how to reach it, notes.

The form hands plain strings to :class:`OrganisationData`; the service checks
the SIRET, RNA, phone, e-mail and website and explains what is wrong.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from conseil_desktop.services.contacts import OrganisationData
from conseil_desktop.services.council import Term

DEFAULT_KIND = "autre"
NOTES_LINES = 4


class OrganisationForm(QWidget):
    def __init__(self, kinds: list[Term], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self._line(200)
        self.kind = QComboBox(self)
        for term in kinds:
            self.kind.addItem(term.label, term.code)
        self.siret = self._line(20, "732 829 320 00017")
        self.rna = self._line(12, "W123456789")
        self.address_line1 = self._line(200)
        self.address_line2 = self._line(200, self.tr("building, floor…"))
        self.postcode = self._line(10)
        self.postcode.setMaximumWidth(self.fontMetrics().horizontalAdvance("000000") + 24)
        self.city = self._line(100)
        self.phone = self._line(30, "05 61 12 34 56")
        self.email = self._line(254)
        self.website = self._line(300, "www.example.org")
        self.in_neighbourhood = QCheckBox(self.tr("In the neighbourhood"), self)
        self.is_funder = QCheckBox(self.tr("Funder"), self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * NOTES_LINES + 12)
        self.set_kind(DEFAULT_KIND)
        self._build()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name (required):"), self.name)
        form.addRow(self.tr("Type:"), self.kind)
        form.addRow(self.tr("SIRET:"), _side_by_side(
            self.siret, QLabel(self.tr("RNA:"), self), self.rna))
        form.addRow(self.tr("Address:"), self.address_line1)
        form.addRow(self.tr("Address (continued):"), self.address_line2)
        form.addRow(self.tr("Postcode and city:"), _side_by_side(self.postcode, self.city))
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Website:"), self.website)
        form.addRow("", _side_by_side(self.in_neighbourhood, self.is_funder, stretch=True))
        form.addRow(self.tr("Notes:"), self.notes)

    def _line(self, max_length: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        return edit

    def set_kind(self, code: str, label: str = "") -> None:
        """Select a type; one no longer offered (an old, inactive term) is added."""
        position = self.kind.findData(code)
        if position < 0 and label:
            self.kind.addItem(label, code)
            position = self.kind.count() - 1
        self.kind.setCurrentIndex(max(position, 0))

    def load(self, data: OrganisationData, kind_label: str) -> None:
        for name in _TEXT_FIELDS:
            edit: QLineEdit = getattr(self, name)
            edit.setText(getattr(data, name))
            edit.setCursorPosition(0)
        self.set_kind(data.kind_code, kind_label)
        self.in_neighbourhood.setChecked(data.in_neighbourhood)
        self.is_funder.setChecked(data.is_funder)
        self.notes.setPlainText(data.notes)

    def values(self) -> OrganisationData:
        texts = {name: getattr(self, name).text() for name in _TEXT_FIELDS}
        return OrganisationData(
            **texts, kind_code=str(self.kind.currentData() or DEFAULT_KIND),
            in_neighbourhood=self.in_neighbourhood.isChecked(),
            is_funder=self.is_funder.isChecked(), notes=self.notes.toPlainText(),
        )


_TEXT_FIELDS = ("name", "siret", "rna", "address_line1", "address_line2", "postcode", "city",
                "phone", "email", "website")


def _side_by_side(*widgets: QWidget, stretch: bool = False) -> QHBoxLayout:
    """Widgets on one line; the last one takes the space left unless ``stretch``."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget, 0 if stretch or widget is not widgets[-1] else 1)
    if stretch:
        layout.addStretch(1)
    return layout

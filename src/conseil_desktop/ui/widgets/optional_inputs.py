"""Inputs for values that may be left blank: a year and a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from conseil_desktop.services.formatting import fmt_date

DATE_FORMAT = "%d/%m/%Y"
_DAY_SEPARATORS = str.maketrans(".- ", "///")


class OptionalYearSpinBox(QSpinBox):
    """A year, or nothing: the lowest value stands for "not set"."""

    UNSET = 1999

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.UNSET, 2100)
        self.setSpecialValueText(self.tr("not set"))
        self.setValue(self.UNSET)

    def year(self) -> int | None:
        return None if self.value() == self.UNSET else self.value()

    def set_year(self, year: int | None) -> None:
        self.setValue(self.UNSET if year is None else year)

    def stepBy(self, steps: int) -> None:
        if self.value() == self.UNSET and steps > 0:  # start from this year, not 2000
            self.setValue(dt.date.today().year)
        else:
            super().stepBy(steps)


def _add_slashes(text: str, pos: int) -> tuple[str, int]:
    """Digits typed without separators (25112026) get their slashes as they come: a
    third digit of the day or of the month starts the next part."""
    for part in range(2):
        pieces = text.split("/")
        if len(pieces) != part + 1 or len(pieces[part]) <= 2 or not pieces[part].isdigit():
            continue
        cut = sum(len(piece) + 1 for piece in pieces[:part]) + 2
        text = f"{text[:cut]}/{text[cut:]}"
        pos += 1 if pos > cut else 0
    return text, pos


class DayValidator(QRegularExpressionValidator):
    """dd/mm/yyyy; a dot, dash or space typed between the numbers (25.11.2026) becomes
    the slash instead of being refused without a word, and 25112026 becomes 25/11/2026."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QRegularExpression(r"(\d{1,2}/\d{1,2}/\d{4})?"), parent)

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        text, pos = _add_slashes(text.translate(_DAY_SEPARATORS), pos)
        state = super().validate(text, pos)
        state = state[0] if isinstance(state, tuple) else state
        return state, text, pos


class OptionalDateEdit(QLineEdit):
    """A date typed as 25/11/2026 (or 25.11.2026, 25-11-2026), or left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setValidator(DayValidator(self))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 40)

    def date(self) -> dt.date | None:
        """The date typed; raises ``ValueError`` when the text is not one."""
        text = self.text().strip()
        return dt.datetime.strptime(text, DATE_FORMAT).date() if text else None

    def set_date(self, value: dt.date | None) -> None:
        self.setText(fmt_date(value))

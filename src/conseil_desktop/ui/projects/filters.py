"""The search field and the four filters above the projects list."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from conseil_desktop.db.models import ProjectStatus
from conseil_desktop.services.council import Term
from conseil_desktop.services.labels import PROJECT_STATUS

COMBO_MINIMUM_CHARACTERS = 9  # long labels are elided; the tooltip names the filter


@dataclass(frozen=True)
class ProjectFilters:
    status: ProjectStatus | None = None
    theme: str | None = None
    funding_line: str | None = None
    year: int | None = None


class FilterBar(QWidget):
    search_changed = Signal(str)
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("project_search")
        self.search.setPlaceholderText(self.tr("Search a title, a holder, a theme…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.status = self._combo("status_filter", self.tr("Status"))
        self.theme = self._combo("theme_filter", self.tr("Theme"))
        self.funding_line = self._combo("funding_line_filter", self.tr("Funding line"))
        self.year = self._combo("year_filter", self.tr("Year"))
        self.status.addItem(self.tr("All statuses"), None)
        for status, label in PROJECT_STATUS.items():
            self.status.addItem(label, status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        for combo in (self.status, self.theme, self.funding_line, self.year):
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self.filters_changed)
        self.search.textChanged.connect(self.search_changed)
        self.set_choices([], [], [])

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
        return combo

    def set_choices(self, themes: list[Term], funding_lines: list[Term],
                    years: list[int]) -> None:
        """Refill the lists, keeping what is selected when it is still offered."""
        _refill(self.theme, self.tr("All themes"), [(t.label, t.code) for t in themes])
        _refill(self.funding_line, self.tr("All funding lines"),
                [(t.label, t.code) for t in funding_lines])
        _refill(self.year, self.tr("All years"), [(str(y), y) for y in years])

    def filters(self) -> ProjectFilters:
        status = self.status.currentData()  # a combo gives back the enum's plain str
        return ProjectFilters(ProjectStatus(status) if status else None, self.theme.currentData(),
                              self.funding_line.currentData(), self.year.currentData())

    def is_filtered(self) -> bool:
        return self.filters() != ProjectFilters() or bool(self.search.text().strip())

    def clear(self) -> None:
        """Show every project again (one reload, not one per list)."""
        combos = (self.status, self.theme, self.funding_line, self.year)
        for combo in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.filters_changed.emit()


def _refill(combo: QComboBox, all_label: str, items: list[tuple[str, object]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(all_label, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
    finally:
        combo.blockSignals(False)

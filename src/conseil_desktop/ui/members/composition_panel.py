"""*Composition du conseil*: the figures of the active members against the
council's rules, broken rules first and in red (warnings only, never a block)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from conseil_desktop.db.models import College
from conseil_desktop.services import composition as service
from conseil_desktop.services.composition import Composition, fmt_count, fmt_pct
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.labels import COLLEGE_LONG
from conseil_desktop.ui.i18n import fill

SessionScope = Callable[[], AbstractContextManager[Session]]
WARNING_COLOUR = "#b00020"
OK_COLOUR = "#1b5e20"


class CompositionPanel(QWidget):
    """Reads the composition on :meth:`reload`; ``today`` is injectable for tests."""

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.session_scope = session_scope
        self._today = today
        self.composition: Composition | None = None
        self.warnings_box = QGroupBox(self.tr("Rules to check"), self)
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.figures_box = QGroupBox(self.tr("Active members"), self)
        self.figures = QFormLayout(self.figures_box)
        self.mandates_box = QGroupBox(self)
        self.mandates = self._list("mandates_list", self.mandates_box)
        self.absences_box = QGroupBox(self)
        self.absences = self._list("absences_list", self.absences_box)
        layout = QVBoxLayout(self)
        for box in (self.warnings_box, self.figures_box, self.mandates_box, self.absences_box):
            layout.addWidget(box)
        layout.addStretch(1)

    def _list(self, name: str, box: QGroupBox) -> QListWidget:
        view = QListWidget(box)
        view.setObjectName(name)
        view.setMaximumHeight(view.fontMetrics().height() * 7)
        QVBoxLayout(box).addWidget(view)
        return view

    def reload(self) -> None:
        with self.session_scope() as session:
            self.composition = service.composition(session, self._today())
        self._show_warnings(self.composition)
        self._show_figures(self.composition)
        self._show_lists(self.composition)

    def _show_warnings(self, c: Composition) -> None:
        _clear(self.warnings_layout)
        for warning in c.warnings:
            label = self._label(f"warning_{warning.rule.value}", f"⚠ {warning.message_fr}")
            label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
            label.setToolTip(fill(self.tr("Figure: %1"), warning.figure))
            self.warnings_layout.addWidget(label)
        if not c.warnings:
            label = self._label("no_warning", self.tr("Every rule of the council is met."))
            label.setStyleSheet(f"color: {OK_COLOUR};")
            self.warnings_layout.addWidget(label)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show_figures(self, c: Composition) -> None:
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for college in College:
            self._figure(f"college_{college.value}", COLLEGE_LONG[college] + " :",
                         fmt_count(c.by_college[college]))
        self._figure("seats", self.tr("Full members / substitutes:"),
                     fill(self.tr("%1 / %2"), fmt_count(c.titulaires), fmt_count(c.suppleants)),
                     service.Rule.SUBSTITUTES)
        settings = c.settings
        self._figure("total", self.tr("Total:"), fill(
            self.tr("%1 (recommended: %2 to %3)"), fmt_count(c.total),
            settings.recommended_min_members, settings.recommended_max_members),
            service.Rule.SIZE)
        share = "—" if c.resident_share_pct is None else fmt_pct(c.resident_share_pct)
        self._figure("resident_share", self.tr("Share of residents:"), fill(
            self.tr("%1 (rule: at least %2)"), share, fmt_pct(settings.min_resident_share_pct)),
            service.Rule.RESIDENT_SHARE)
        self._figure("parity", self.tr("Residents, women / men:"), self._parity_text(c),
                     service.Rule.PARITY)

    def _parity_text(self, c: Composition) -> str:
        text = fill(self.tr("%1 / %2"), c.women, c.men)
        if c.women_share_pct is not None:
            tolerance = c.settings.parity_tolerance_pct
            text = fill(self.tr("%1 — %2 women (rule: %3 to %4)"), text,
                        fmt_pct(c.women_share_pct), fmt_pct(max(0, 50 - tolerance)),
                        fmt_pct(min(100, 50 + tolerance)))
        if c.sex_unknown:
            text = fill(self.tr("%1, sex not given: %2"), text, c.sex_unknown)
        return text

    def _figure(self, name: str, title: str, value: str,
                rule: service.Rule | None = None) -> None:
        label = self._label(f"figure_{name}", value)
        if rule is not None and self.composition and self.composition.warning(rule):
            label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.figures.addRow(title, label)

    def _show_lists(self, c: Composition) -> None:
        self.mandates_box.setTitle(fill(self.tr("Mandates ending within %1 days (%2)"),
                                        c.horizon_days, len(c.mandates_ending)))
        self.mandates.clear()
        self.mandates.addItems([
            fill(self.tr("%1 — %2, ends on %3"), m.name, COLLEGE_LONG[m.college],
                 fmt_date(m.ends_on)) for m in c.mandates_ending])
        self.absences_box.setTitle(fill(
            self.tr("At least %1 unexcused absences in a row (%2)"),
            c.settings.absence_run_threshold, len(c.repeated_absences)))
        self.absences.clear()
        self.absences.addItems([
            fill(self.tr("%1 — %2 absences in a row, last on %3"), r.name, r.run,
                 fmt_date(r.last_absent_on)) for r in c.repeated_absences])
        for view in (self.mandates, self.absences):
            if not view.count():
                view.addItem(self.tr("Nobody"))


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)  # gone from findChild at once, not at the next event loop
            widget.deleteLater()


class CompositionDialog(QDialog):
    """Non-modal window around the panel, with a button to read the figures again."""

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Composition of the council"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.panel = CompositionPanel(session_scope, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        refresh = QPushButton(self.tr("&Refresh"), self)
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(self.panel.reload)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(620, 640)


def show_composition(parent: QWidget | None, session_scope: SessionScope) -> CompositionDialog:
    """Open the composition in a non-modal window and return it."""
    dialog = CompositionDialog(session_scope, parent)
    dialog.panel.reload()
    dialog.show()
    return dialog

"""The funders of a project: one line per funder, amounts typed the French way.

Amounts are read by :mod:`conseil_desktop.services.money` (``1234,5``,
``1 234,50 €`` and ``1234.50`` are accepted); a line that cannot be read is
said at once under the table, and again when saving, which it prevents.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.formatting import fmt_money
from conseil_desktop.services.money import parse_optional_money
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.services.project_details import FundingRow
from conseil_desktop.services.projects import Choice, FundingLine
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects.detail_panel import identifier_text
from conseil_desktop.ui.projects.lookup import LookupEdit, Search
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit

INVALID_STYLE = "QLineEdit { border: 1px solid #b00020; }"
ERROR_STYLE = "color: #b00020;"
W = TypeVar("W", bound=QWidget)


class FundCol(enum.IntEnum):
    FUNDER = 0
    REQUESTED = 1
    GRANTED = 2
    DECISION = 3


class FundersEditor(QWidget):
    changed = Signal()

    def __init__(self, search_funders: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search_funders
        self._line_ids: list[int | None] = []  # the stored line of each row, if any
        self.table = QTableWidget(0, len(FundCol), self)
        self.table.setObjectName("funders_table")
        self.add_button = QPushButton(self.tr("&Add a funder"), self)
        self.remove_button = QPushButton(self.tr("&Remove this funder"), self)
        self.totals_label = QLabel(self)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("funders_problem")
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.setWordWrap(True)
        self._build()
        self.add_button.clicked.connect(self._add_and_focus)
        self.remove_button.clicked.connect(self.remove_current)
        self._refresh()

    def _build(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels([self.tr("Funder"), self.tr("Requested"),
                                         self.tr("Granted"), self.tr("Decision date")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(QLineEdit().sizeHint().height() + 4)
        header = table.horizontalHeader()
        header.setSectionResizeMode(FundCol.FUNDER, QHeaderView.ResizeMode.Stretch)
        amount_width = self.fontMetrics().horizontalAdvance("999 999,99 €") + 40
        for column in (FundCol.REQUESTED, FundCol.GRANTED):
            header.resizeSection(column, amount_width)
        header.resizeSection(FundCol.DECISION, self.fontMetrics().horizontalAdvance(
            "00/00/00000") + 60)
        self.remove_button.setToolTip(self.tr("Remove the line of the funder being edited"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.totals_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.problem_label)

    # -- rows ----------------------------------------------------------------------------

    def set_lines(self, rows: list[FundingRow]) -> None:
        self.table.setRowCount(0)
        self._line_ids = []
        for row in rows:
            self.add_line(row)
        self._refresh()

    def add_line(self, funding: FundingRow | None = None) -> int:
        """Append a line (empty, or showing ``funding``); return its row number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._line_ids.append(funding.id if funding else None)
        funder = LookupEdit(self._search, self.table, describe=identifier_text)
        funder.setPlaceholderText(self.tr("type a few letters of the organisation"))
        requested, granted = QLineEdit(self.table), QLineEdit(self.table)
        decision = OptionalDateEdit(self.table)
        decision.setMaximumWidth(16777215)
        for column, widget in zip(FundCol, (funder, requested, granted, decision), strict=True):
            self.table.setCellWidget(row, column, widget)
        if funding is not None:
            funder.set_pick(Pick(funding.funder_id, funding.funder_name))
            requested.setText(fmt_money(funding.requested_cents))
            granted.setText(fmt_money(funding.granted_cents))
            decision.set_date(funding.decision_on)
        requested.setPlaceholderText(self.tr("1 234,50 €"))
        granted.setPlaceholderText(self.tr("not decided yet"))
        for edit in (requested, granted):
            edit.textChanged.connect(self._refresh)
        self._refresh()
        return row

    def remove_current(self) -> None:
        row = self._focused_row()
        if row is None:
            return
        self.table.removeRow(row)
        del self._line_ids[row]
        self._refresh()

    def row_count(self) -> int:
        return self.table.rowCount()

    def funder_edit(self, row: int) -> LookupEdit:
        return self._cell(row, FundCol.FUNDER, LookupEdit)

    def requested_edit(self, row: int) -> QLineEdit:
        return self._cell(row, FundCol.REQUESTED, QLineEdit)

    def granted_edit(self, row: int) -> QLineEdit:
        return self._cell(row, FundCol.GRANTED, QLineEdit)

    def decision_edit(self, row: int) -> OptionalDateEdit:
        return self._cell(row, FundCol.DECISION, OptionalDateEdit)

    def _cell(self, row: int, column: FundCol, kind: type[W]) -> W:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, kind)
        return widget

    def _focused_row(self) -> int | None:
        """The row being edited, else the selected one, else the last one."""
        focus = QApplication.focusWidget()
        for row in range(self.table.rowCount()):
            for column in FundCol:
                widget = self.table.cellWidget(row, column)
                if focus is not None and widget is not None and (
                        widget is focus or widget.isAncestorOf(focus)):
                    return row
        current = self.table.currentRow()
        if current >= 0:
            return current
        return self.table.rowCount() - 1 if self.table.rowCount() else None

    def _add_and_focus(self) -> None:
        row = self.add_line()
        self.funder_edit(row).setFocus()

    # -- reading the lines -----------------------------------------------------------------

    def lines(self, find_funder: Callable[[str], Choice]) -> list[FundingLine]:
        """The lines as typed; a funder typed but not picked is looked up by name
        (``find_funder`` raises the service's *Financeur inconnu*)."""
        found = []
        for row in range(self.table.rowCount()):
            funder = self._funder_id(row, find_funder)
            requested = self._amount(row, self.requested_edit(row), self.tr("amount requested"))
            granted = self._amount(row, self.granted_edit(row), self.tr("amount granted"))
            decision = self._decision(row)
            found.append(FundingLine(funder, requested or 0, granted, decision,
                                     self._line_ids[row]))
        return found

    def _funder_id(self, row: int, find_funder: Callable[[str], Choice]) -> int:
        edit = self.funder_edit(row)
        pick = edit.pick()
        if pick is not None:
            return pick.id
        if not edit.text().strip():
            edit.setFocus()
            raise InvalidInputError(fill(self.tr(
                "Funding line %1: choose the funder, or remove the line."), row + 1))
        try:
            return find_funder(edit.text()).id
        except InvalidInputError:
            edit.setFocus()
            raise

    def _amount(self, row: int, edit: QLineEdit, what: str) -> int | None:
        try:
            return parse_optional_money(edit.text())
        except InvalidInputError as exc:
            edit.setFocus()
            raise InvalidInputError(fill(self.tr("Funding line %1, %2: %3"), row + 1, what,
                                         exc.message)) from None

    def _decision(self, row: int) -> date | None:
        edit = self.decision_edit(row)
        try:
            return edit.date()
        except ValueError:
            edit.setFocus()
            raise InvalidInputError(fill(self.tr(
                "Funding line %1: the decision date is not a valid date (dd/mm/yyyy)."),
                row + 1)) from None

    # -- live feedback ---------------------------------------------------------------------

    def _refresh(self) -> None:
        """Totals of the amounts that can be read, and the first one that cannot."""
        requested = granted = 0
        problem = ""
        for row in range(self.table.rowCount()):
            for edit, what in ((self.requested_edit(row), self.tr("amount requested")),
                               (self.granted_edit(row), self.tr("amount granted"))):
                try:
                    cents = parse_optional_money(edit.text()) or 0
                except InvalidInputError as exc:
                    edit.setStyleSheet(INVALID_STYLE)
                    edit.setToolTip(exc.message)
                    problem = problem or fill(self.tr("Funding line %1, %2: %3"), row + 1,
                                              what, exc.message)
                    continue
                edit.setStyleSheet("")
                edit.setToolTip("")
                if edit is self.requested_edit(row):
                    requested += cents
                else:
                    granted += cents
        self.totals_label.setText(fill(self.tr("Total requested: %1 — granted: %2"),
                                       fmt_money(requested), fmt_money(granted)))
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.remove_button.setEnabled(self.table.rowCount() > 0)
        self.changed.emit()

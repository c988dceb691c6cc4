"""Small read-only tables of a project: its status history, funders and links.

They hold a handful of rows, so a ``QTableWidget`` sized to its content is
enough (no scroll bar inside the scrolling detail panel).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_date, fmt_money
from conseil_desktop.services.project_details import FundingRow, LinkRow, StatusEventRow

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_VISIBLE_ROWS = 8
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReadOnlyTable(QTableWidget):
    """Rows of text; the last column (or ``stretch``) takes the space left."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *,
                 stretch: int | None = None, right: frozenset[int] = frozenset()) -> None:
        super().__init__(0, len(headers), parent)
        self._right = right
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1 if stretch is None else stretch,
                                    QHeaderView.ResizeMode.Stretch)

    def set_rows(self, rows: Sequence[Sequence[str]], ids: Sequence[int] | None = None) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in self._right:
                    item.setTextAlignment(_RIGHT)
                if ids is not None:
                    item.setData(ID_ROLE, ids[r])
                self.setItem(r, c, item)
        self._fit_height()

    def selected_id(self) -> int | None:
        row = self.currentRow()
        item = self.item(row, 0) if row >= 0 and self.selectionModel().hasSelection() else None
        return item.data(ID_ROLE) if item is not None else None

    def _fit_height(self) -> None:
        rows = max(1, min(self.rowCount(), MAX_VISIBLE_ROWS))
        height = (self.horizontalHeader().sizeHint().height()
                  + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())
        self.setFixedHeight(height)


class HistoryTable(ReadOnlyTable):
    """The dated statuses of a project, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["", "", ""], parent)
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Status"), self.tr("Note")])
        self.setObjectName("status_history")

    def set_events(self, events: list[StatusEventRow]) -> None:
        self.set_rows([(fmt_date(e.effective_on), e.label, e.note) for e in events],
                      [e.id for e in events])


class FundingTable(ReadOnlyTable):
    """The funders of a project and their amounts, with a total line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["", "", "", ""], parent, stretch=0, right=frozenset({1, 2}))
        self.setHorizontalHeaderLabels([self.tr("Funder"), self.tr("Requested"),
                                        self.tr("Granted"), self.tr("Decision")])
        self.setObjectName("fundings")

    def set_fundings(self, fundings: list[FundingRow], requested: int, granted: int) -> None:
        rows = [(f.funder_name, fmt_money(f.requested_cents), fmt_money(f.granted_cents),
                 fmt_date(f.decision_on)) for f in fundings]
        if len(fundings) > 1:
            rows.append((self.tr("Total"), fmt_money(requested), fmt_money(granted), ""))
        self.set_rows(rows)


class LinksTable(ReadOnlyTable):
    """The meetings (and decisions) that discussed a project; ids are the links'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["", "", ""], parent)
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Meeting"),
                                        self.tr("Decision")])
        self.setObjectName("links")

    def set_links(self, links: list[LinkRow]) -> None:
        self.set_rows([(fmt_date(k.meeting_date), k.meeting_title, k.decision_text)
                       for k in links], [k.id for k in links])

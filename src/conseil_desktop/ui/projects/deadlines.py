"""*Échéances*: the dates to meet in the coming weeks across projects, the
overdue ones first, in red and said to be late."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.project_queries import UpcomingDeadline
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.models.table_model import ID_ROLE
from conseil_desktop.ui.projects.project_model import OVERDUE_COLOUR

AnyIndex = QModelIndex | QPersistentModelIndex
HORIZON_DAYS = 60
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, not exported by PySide6


class DeadlineCol(enum.IntEnum):
    DATE = 0
    WHEN = 1
    PROJECT = 2
    WHAT = 3


class DeadlineModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UpcomingDeadline] = []
        self._headers = [self.tr("Date"), self.tr("Delay"), self.tr("Project"),
                         self.tr("Deadline")]
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[UpcomingDeadline]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> UpcomingDeadline:
        return self._rows[row]

    def overdue_count(self) -> int:
        return sum(1 for row in self._rows if row.overdue)

    def when(self, deadline: UpcomingDeadline) -> str:
        days = deadline.days_left
        if days < 0:
            return self.tr("overdue by %n day(s)", "", -days)
        if days == 0:
            return self.tr("today")
        return self.tr("in %n day(s)", "", days)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DeadlineCol)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        deadline, column = self._rows[index.row()], DeadlineCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return (fmt_date(deadline.due_on), self.when(deadline), deadline.project_title,
                    deadline.label)[column]
        if role == Qt.ItemDataRole.ForegroundRole and deadline.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and deadline.overdue and column is DeadlineCol.WHEN:
            return self._bold
        if role == ID_ROLE:
            return deadline.project_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(DeadlineCol)):
            return self._headers[section]
        return None


class DeadlinesPanel(QWidget):
    """A collapsible box listing the deadlines; activating one asks to open its project."""

    project_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DeadlineModel(self)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("deadlines_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.summary = QLabel(self)
        self.view = QTableView(self)
        self.view.setObjectName("deadlines_view")
        self._build()
        self.toggle.toggled.connect(self._expand)
        self.view.doubleClicked.connect(self._open)
        open_action = QAction(self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self._open(self.view.currentIndex()))
        self.view.addAction(open_action)
        self._expand(True)

    def _build(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        metrics = view.fontMetrics()
        header.resizeSection(DeadlineCol.DATE, metrics.horizontalAdvance("00/00/00000") + 16)
        header.resizeSection(DeadlineCol.WHEN, metrics.horizontalAdvance("x" * 26))
        header.setSectionResizeMode(DeadlineCol.PROJECT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DeadlineCol.WHAT, metrics.horizontalAdvance("x" * 26))
        view.setAccessibleName(self.tr("Deadlines"))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toggle)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(view, 1)

    def set_deadlines(self, rows: list[UpcomingDeadline]) -> None:
        self.model.set_rows(rows)
        self.toggle.setText(fill(self.tr("Deadlines of the next %1 days"), HORIZON_DAYS))
        overdue = self.model.overdue_count()
        text = self.tr("%n deadline(s)", "", len(rows))
        if overdue:
            text = fill(self.tr("%1, of which %2 overdue"), text, overdue)
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {OVERDUE_COLOUR.name()};" if overdue else "")

    def _expand(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.view.setVisible(expanded)
        # Collapsed, the box keeps only its title row, even inside a splitter.
        self.setMaximumHeight(QWIDGETSIZE_MAX if expanded else self.toggle.sizeHint().height())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.project_activated.emit(self.model.row_at(index.row()).project_id)

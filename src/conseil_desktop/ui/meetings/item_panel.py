"""One agenda item during or after the meeting: who presents it, its
documents, the debate summary (plain text with simple marks for bold, italics
and lists) and its decisions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.meeting_snapshot import AgendaEntry, DecisionEntry
from conseil_desktop.ui.i18n import fill

ID_ROLE = Qt.ItemDataRole.UserRole


class SummaryEdit(QPlainTextEdit):
    """The debate summary: plain text, stored exactly as typed, with the simple
    Markdown marks that read well as they are (**bold**, *italics*, "- " lists);
    the buttons put the marks around the selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debate_summary")
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("What was said: the main points of the debate…"))

    def set_summary(self, text: str) -> None:
        self.setPlainText(text)
        self.document().setModified(False)

    def summary(self) -> str:
        return self.toPlainText().strip()

    def toggle_bold(self) -> None:
        self._surround("**")

    def toggle_italic(self) -> None:
        self._surround("*")

    def _surround(self, mark: str) -> None:
        """Put ``mark`` around the selection (or take it away); with no selection,
        put two marks and the cursor between them."""
        cursor = self.textCursor()
        text = cursor.selectedText()
        wrapped = len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark)
        cursor.insertText(text[len(mark):-len(mark)] if wrapped else f"{mark}{text}{mark}")
        if not text:
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(mark))
            self.setTextCursor(cursor)

    def toggle_list(self) -> None:
        """Start the selected lines with "- " (or take it away when they all have it)."""
        cursor = self.textCursor()
        start, end = sorted((cursor.anchor(), cursor.position()))
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor)
        lines = cursor.selectedText().split("\u2029")  # Qt's paragraph separator
        listed = all(line.startswith("- ") for line in lines)
        cursor.insertText("\n".join(line[2:] if listed else f"- {line}" for line in lines))


class ItemPanel(QWidget):
    save_summary_requested = Signal()
    add_decision_requested = Signal()
    edit_decision_requested = Signal(int)
    delete_decision_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: AgendaEntry | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("item_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = SummaryEdit(self)
        self.save_button = QPushButton(self.tr("&Save the summary"), self)
        self.decisions = QTableWidget(0, 4, self)
        self.decisions.setObjectName("decisions_table")
        self.add_button = QPushButton(self.tr("Add a deci&sion…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self._build()
        self.show_entry(None)

    def _build(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Debate summary:"), self))
        tools.addStretch(1)
        for text, keys, slot, tip in (
                ("B", "Ctrl+B", self.summary.toggle_bold, self.tr("Bold (Ctrl+B)")),
                ("I", "Ctrl+I", self.summary.toggle_italic, self.tr("Italics (Ctrl+I)")),
                ("•", "Ctrl+L", self.summary.toggle_list, self.tr("Bulleted list (Ctrl+L)"))):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            self.summary.addAction(action)
            tool = QToolButton(self)
            tool.setDefaultAction(action)
            tool.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tools.addWidget(tool)
        tools.addWidget(self.save_button)
        table = self.decisions
        table.setHorizontalHeaderLabels([self.tr("Decision"), self.tr("Vote"),
                                         self.tr("Owner"), self.tr("Deadline")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("x") * 28)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Decisions:"), self))
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addLayout(tools)
        layout.addWidget(self.summary, 3)
        layout.addLayout(buttons)
        layout.addWidget(table, 2)
        self.save_button.clicked.connect(self.save_summary_requested)
        self.summary.document().modificationChanged.connect(self.save_button.setEnabled)
        self.add_button.clicked.connect(self.add_decision_requested)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        table.cellDoubleClicked.connect(lambda _r, _c: self._edit())
        table.itemSelectionChanged.connect(self._enable)

    def show_entry(self, entry: AgendaEntry | None, *, keep_summary: bool = False) -> None:
        """Show an item (None: no item selected). ``keep_summary`` leaves the summary
        being typed as it is (the decisions changed, not the item)."""
        same = entry is not None and self.entry is not None and entry.id == self.entry.id
        self.entry = entry
        for widget in (self.summary, self.add_button):
            widget.setEnabled(entry is not None)
        if entry is None:
            self.heading.setText(self.tr("Select an agenda item, or add one."))
            self.details.setText("")
            self.summary.set_summary("")
            self._show_decisions([])
            return
        self.heading.setText(entry.title)
        lines = []
        if entry.presenter:
            lines.append(fill(self.tr("Presented by %1"), entry.presenter))
        if entry.documents:
            lines.append(fill(self.tr("Documents: %1"), "; ".join(entry.documents)))
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        if not (keep_summary and same):
            self.summary.set_summary(entry.summary)
        self._show_decisions(entry.decisions)

    def summary_changed(self) -> bool:
        return self.entry is not None and self.summary.document().isModified()

    def summary_saved(self) -> None:
        self.summary.document().setModified(False)

    def _show_decisions(self, decisions: list[DecisionEntry]) -> None:
        table = self.decisions
        table.setRowCount(len(decisions))
        for row, decision in enumerate(decisions):
            values = (decision.text, decision.vote_label(), decision.owner_name,
                      fmt_date(decision.deadline))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, decision.id)
                item.setToolTip(value)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        self._enable()

    def _decision_at(self, row: int) -> int:
        item = self.decisions.item(row, 0)
        assert item is not None
        return int(item.data(ID_ROLE))

    def decision_ids(self) -> list[int]:
        return [self._decision_at(row) for row in range(self.decisions.rowCount())]

    def selected_decision(self) -> int | None:
        rows = self.decisions.selectionModel().selectedRows()
        return self._decision_at(rows[0].row()) if rows else None

    def _edit(self) -> None:
        decision_id = self.selected_decision()
        if decision_id is not None:
            self.edit_decision_requested.emit(decision_id)

    def _delete(self) -> None:
        decision_id = self.selected_decision()
        if decision_id is not None:
            self.delete_decision_requested.emit(decision_id)

    def _enable(self) -> None:
        selected = self.selected_decision() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.save_button.setEnabled(self.summary_changed())

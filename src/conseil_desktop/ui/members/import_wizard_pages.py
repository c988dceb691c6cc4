"""The pages of the import wizard: the sheet, the column mapping, the dry run's
preview and the result. They show what the services say; the wizard
(:mod:`.import_wizard`) moves between them and runs the work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.importing import (
    FIELD_LABELS,
    Column,
    ColumnStatus,
    Field,
    ImportPlan,
    RowAction,
    RowPlan,
    Table,
)
from conseil_desktop.services.importing.reading import FILE_KIND_LABELS
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.tools_support import RowsModel

SAMPLE_CHARS = 40
SAMPLE_ROWS = 200  # looked at for a column's first value


def cell_text(cell: object) -> str:
    """A cell as the user typed it: dates the French way, 12.0 as 12."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return fmt_date(cell.date())
    if isinstance(cell, date):
        return fmt_date(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = " ".join(str(cell).split())
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"


def first_value(rows: Sequence[Sequence[object]], start: int, index: int) -> str:
    for row in rows[start:start + SAMPLE_ROWS]:
        if index < len(row) and cell_text(row[index]):
            return cell_text(row[index])
    return ""


class SheetPage(QWidget):
    """The sheet to read, for a workbook with several."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("sheet_combo")
        form = QFormLayout()
        form.addRow(self.tr("Sheet to import:"), self.sheet)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self, table: Table) -> None:
        self.file_label.setText(fill(
            self.tr("“%1” (%2) has several sheets. Which one lists the members?"),
            table.path.name, FILE_KIND_LABELS[table.kind]))
        self.sheet.clear()
        self.sheet.addItems(list(table.sheet_names))
        self.sheet.setCurrentText(table.sheet)

    def chosen(self) -> str:
        return self.sheet.currentText()


class MappingPage(QWidget):
    """Each column of the file, an example value, and the field it feeds."""

    apply_saved = Signal(str)
    save_requested = Signal(str)
    delete_requested = Signal(str)

    COLUMN, TITLE, SAMPLE, FIELD = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.saved = QComboBox(self)
        self.saved.setObjectName("saved_mappings")
        self.saved.setPlaceholderText(self.tr("Choose a saved mapping…"))
        self.applied = QLabel(self)  # which saved mapping the columns below come from
        self.applied.setObjectName("applied_mapping")
        self.applied.setWordWrap(True)
        self.applied.hide()
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("Title in the file"), self.tr("Example"),
            self.tr("Imported as")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("mapping_name")
        self.name_edit.setPlaceholderText(self.tr("e.g. Town hall list"))
        self.save_button = QPushButton(self.tr("Save this mapping"), self)
        self.combos: list[QComboBox] = []
        self.headers: list[str] = []
        self._build_layout()
        self.saved.currentIndexChanged.connect(self._enable_saved_buttons)
        self.apply_button.clicked.connect(lambda: self.apply_saved.emit(self.saved.currentText()))
        self.delete_button.clicked.connect(
            lambda: self.delete_requested.emit(self.saved.currentText()))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.name_edit.text()))
        self.name_edit.returnPressed.connect(self.save_button.click)

    def _build_layout(self) -> None:
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("Saved mapping:"), self))
        saved_row.addWidget(self.saved, 1)
        saved_row.addWidget(self.apply_button)
        saved_row.addWidget(self.delete_button)
        save_row = QHBoxLayout()
        save_row.addWidget(QLabel(self.tr("Save under the name:"), self))
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(saved_row)
        layout.addWidget(self.applied)
        layout.addWidget(self.table, 1)
        layout.addLayout(save_row)

    def set_saved_names(self, names: Sequence[str]) -> None:
        """The saved mappings to choose from; none is shown as chosen unless it was already
        (the columns below are what was recognised, not a saved mapping)."""
        current = self.saved.currentText() if self.saved.currentIndex() >= 0 else ""
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItems(list(names))
        self.saved.setCurrentIndex(self.saved.findText(current) if current else -1)
        self.saved.blockSignals(False)
        self.saved.setEnabled(bool(names))
        self._enable_saved_buttons()

    def _enable_saved_buttons(self) -> None:
        chosen = self.saved.currentIndex() >= 0
        self.apply_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def show_applied(self, name: str | None) -> None:
        """Say which saved mapping the columns come from (``None``: the recognised titles)."""
        if name is None:
            self.applied.hide()
            return
        self.saved.setCurrentIndex(self.saved.findText(name))
        self.applied.setText(fill(
            self.tr("Saved mapping “%1” applied. Check the columns below before the preview."),
            name))
        self.applied.show()

    def load(self, table: Table, header_line: int, columns: Sequence[Column]) -> None:
        """Show the columns of the header row ``header_line`` (1-based)."""
        self.intro.setText(fill(
            self.tr("Sheet “%1” of “%2”: the titles are on line %3. Check what each column "
                    "holds and correct it if needed; columns left out are not imported."),
            table.sheet, table.path.name, header_line))
        self.headers = [c.header for c in columns]
        self.table.setRowCount(len(columns))
        self.combos = []
        for row, column in enumerate(columns):
            self._set_item(row, self.COLUMN, column.letter)
            self._set_item(row, self.TITLE, column.header or self.tr("(untitled)"))
            sample = first_value(table.rows, header_line, column.index)
            self._set_item(row, self.SAMPLE, sample)
            combo = self._field_combo(column)
            self.table.setCellWidget(row, self.FIELD, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(self.COLUMN)

    def _set_item(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        self.table.setItem(row, column, item)

    def _field_combo(self, column: Column) -> QComboBox:
        combo = QComboBox(self.table)
        if column.status is ColumnStatus.FORBIDDEN:
            combo.addItem(self.tr("forbidden data, never imported"), None)
            combo.setEnabled(False)
            combo.setToolTip(column.ignored_because)
            return combo
        combo.addItem(self.tr("— not imported —"), None)
        for field, label in FIELD_LABELS.items():
            combo.addItem(label[:1].upper() + label[1:], field.value)
        combo.setCurrentIndex(max(combo.findData(column.field.value if column.field else None),
                                  0))
        return combo

    def mapping(self) -> dict[int, Field | None]:
        """Column index -> field, as the combos say now."""
        return {index: Field(combo.currentData()) if combo.currentData() else None
                for index, combo in enumerate(self.combos)}

    def set_mapping(self, mapping: dict[int, Field | None]) -> None:
        """Apply a mapping; columns it does not name are left out."""
        for index, combo in enumerate(self.combos):
            if combo.isEnabled():
                field = mapping.get(index)
                combo.setCurrentIndex(max(combo.findData(field.value if field else None), 0))

    def set_field(self, index: int, field: Field | None) -> None:
        combo = self.combos[index]
        combo.setCurrentIndex(max(combo.findData(field.value if field else None), 0))


_ACTION_TEXT = {
    RowAction.CREATE: "create", RowAction.UPDATE: "update",
    RowAction.UNCHANGED: "unchanged", RowAction.ERROR: "error",
}


class PreviewPage(QWidget):
    """The dry run: the four counts, and the rows with their reason."""

    PROBLEMS, CREATE, UPDATE, UNCHANGED, ALL = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.count_labels: dict[RowAction, QLabel] = {}
        counts = QGridLayout()
        titles = {
            RowAction.CREATE: self.tr("to create"), RowAction.UPDATE: self.tr("to update"),
            RowAction.UNCHANGED: self.tr("unchanged"), RowAction.ERROR: self.tr("in error"),
        }
        for column, (action, title) in enumerate(titles.items()):
            number = QLabel("0", self)
            number.setObjectName(f"count_{_ACTION_TEXT[action]}")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setStyleSheet("font-size: 20pt; font-weight: bold;")
            caption = QLabel(title, self)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counts.addWidget(number, 0, column)
            counts.addWidget(caption, 1, column)
            self.count_labels[action] = number
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.filter = QComboBox(self)
        self.filter.setObjectName("rows_filter")
        self.filter.addItems([
            self.tr("Rows in error, and values left out"), self.tr("Rows to create"),
            self.tr("Rows to update"), self.tr("Unchanged rows"), self.tr("Every row")])
        self.model = RowsModel([self.tr("Line"), self.tr("Result"), self.tr("Detail")], self)
        self.view = QTableView(self)
        self.view.setObjectName("preview_rows")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:"), self))
        filter_row.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addWidget(self.notes)
        layout.addLayout(filter_row)
        layout.addWidget(self.view, 1)
        self.filter.currentIndexChanged.connect(self._refill)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        for action, label in self.count_labels.items():
            label.setText(str(plan.count(action)))
        self.notes.setText(self._notes(plan))
        problems = any(row.action is RowAction.ERROR or row.warnings for row in plan.rows)
        if self.filter.currentIndex() != (self.PROBLEMS if problems else self.ALL):
            self.filter.setCurrentIndex(self.PROBLEMS if problems else self.ALL)  # refills
        else:
            self._refill()

    def _notes(self, plan: ImportPlan) -> str:
        lines = [fill(self.tr("Dry run of “%1”, sheet “%2”: nothing has been written yet."),
                      plan.source.name, plan.sheet)]
        ignored = [f"« {c.header} » ({c.ignored_because})" for c in plan.ignored_columns]
        if ignored:
            lines.append(fill(self.tr("Columns not imported: %1."), ", ".join(ignored)))
        if plan.all_in_error:
            lines.append(self.tr("No row can be imported: correct the file, then try again."))
        elif plan.count(RowAction.ERROR):
            lines.append(self.tr("Rows in error will be skipped; the others will be imported."))
        return "\n".join(lines)

    def _refill(self) -> None:
        rows = self.plan.rows if self.plan is not None else ()
        choice = self.filter.currentIndex()
        wanted = {self.CREATE: RowAction.CREATE, self.UPDATE: RowAction.UPDATE,
                  self.UNCHANGED: RowAction.UNCHANGED}.get(choice)
        shown: list[tuple[Any, ...]] = []
        for row in rows:
            if choice == self.PROBLEMS:
                if row.action is RowAction.ERROR:
                    shown.append((row.line, str(row.action), row.reason))
                elif row.warnings:
                    shown.append((row.line, self.tr("value left out"), " ; ".join(row.warnings)))
            elif choice == self.ALL or row.action is wanted:
                shown.append((row.line, str(row.action), self._detail(row)))
        self.model.set_rows(shown)
        self.view.resizeColumnToContents(0)
        self.view.resizeColumnToContents(1)

    def _detail(self, row: RowPlan) -> str:
        """The row's reason, and the values it leaves out (a new member's too)."""
        if row.action is RowAction.CREATE:
            name = " ".join(str(row.values.get(k) or "") for k in ("last_name", "first_name"))
            detail = fill(self.tr("new member: %1"), name.strip())
        else:
            detail = row.reason
        if row.warnings:
            detail += " — " + " ; ".join(row.warnings)
        return detail


class ResultPage(QWidget):
    """What the import did, and the way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("result_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("Undo this import…"), self)
        self.undo_button.setObjectName("undo_import")
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_text(self, text: str, undoable: bool) -> None:
        self.summary.setText(text)
        self.undo_button.setVisible(undoable)

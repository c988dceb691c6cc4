"""*Exporter les membres…*: the format, the columns, and which members.

Phone numbers and e-mail addresses are personal data: their boxes start
unticked. The file is written by :mod:`conseil_desktop.export.members_export`
(atomically: a cancelled or failed export leaves no file) in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.progress import Stage
from conseil_desktop.services.member_rows import (
    ALL_COLUMNS,
    choose_columns,
    member_rows,
)
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.documents.folders import last_folder, remember_folder
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.tools_support import (
    SessionScope,
    run_and_wait,
    run_dialog,
    show_problem,
    tell,
)
from conseil_desktop.ui.workers import Progress

FORMATS = ("xlsx", "pdf", "csv")
ON_REQUEST = ("phone", "email")  # personal data: unticked until the user asks


@dataclass(frozen=True)
class ExportChoice:
    kind: str  # "xlsx", "pdf" or "csv"
    columns: tuple[str, ...]  # column keys, in the list's order
    only_shown: bool


class ExportDialog(QDialog):
    def __init__(self, shown_count: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the members"))
        self.choice: ExportChoice | None = None
        self.formats = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        self.column_boxes: dict[str, QCheckBox] = {}
        format_box, columns_box = self._format_box(), self._columns_box()
        self.only_shown = QRadioButton(self)
        self.every_member = QRadioButton(self.tr("Every member"), self)
        scope = QButtonGroup(self)
        scope.addButton(self.only_shown)
        scope.addButton(self.every_member)
        if shown_count is None:
            self.only_shown.hide()
            self.every_member.setChecked(True)
        else:
            self.only_shown.setText(fill(self.tr("Only the %1 members shown in the list"),
                                         shown_count))
            self.only_shown.setChecked(True)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept_choice)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(format_box)
        layout.addWidget(columns_box)
        layout.addWidget(self.only_shown)
        layout.addWidget(self.every_member)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _format_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Format"), self)
        row = QHBoxLayout(box)
        labels = {"xlsx": self.tr("Excel workbook (.xlsx)"), "pdf": self.tr("PDF list (.pdf)"),
                  "csv": self.tr("CSV text (.csv)")}
        for kind in FORMATS:
            button = QRadioButton(labels[kind], box)
            button.setObjectName(f"format_{kind}")
            self.formats.addButton(button)
            row.addWidget(button)
            self.format_buttons[kind] = button
        self.format_buttons["xlsx"].setChecked(True)
        return box

    def _columns_box(self) -> QGroupBox:
        """Every column, ticked but for the phone and e-mail (personal data)."""
        box = QGroupBox(self.tr("Columns"), self)
        grid = QGridLayout(box)
        for n, column in enumerate(ALL_COLUMNS):
            check = QCheckBox(column.header, box)
            check.setObjectName(f"column_{column.key}")
            check.setChecked(column.key not in ON_REQUEST)
            if column.key in ON_REQUEST:
                check.setToolTip(self.tr("Personal data: export it only when needed."))
            grid.addWidget(check, n // 3, n % 3)
            self.column_boxes[column.key] = check
        return box

    def accept_choice(self) -> None:
        keys = tuple(key for key, box in self.column_boxes.items() if box.isChecked())
        if not keys:
            self.message.setText(self.tr("Tick at least one column."))
            return
        kind = next(k for k, button in self.format_buttons.items() if button.isChecked())
        self.choice = ExportChoice(kind, keys, self.only_shown.isChecked())
        self.accept()


def ask_export_options(parent: QWidget, shown_count: int | None) -> ExportChoice | None:
    """The export dialog (tests replace this function)."""
    dialog = ExportDialog(shown_count, parent)
    try:
        return dialog.choice if run_dialog(dialog) == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def write_members(session_scope: SessionScope, choice: ExportChoice, path: Path,
                  person_ids: list[int] | None, progress: Progress) -> int:
    """The export task (worker thread: no widget here); returns the number of members."""
    from conseil_desktop.export.members_export import export_members as write_file
    from conseil_desktop.services.council import get_settings

    progress.step(0, QCoreApplication.translate("ExportDialog", "Reading the members…"))
    columns = choose_columns(choice.columns, with_phone="phone" in choice.columns,
                             with_email="email" in choice.columns)
    today = date.today()
    with session_scope() as session:
        table = member_rows(session, columns, today=today,
                            person_ids=person_ids if choice.only_shown else None)
        council_name = get_settings(session).council_name
    progress.step(1, QCoreApplication.translate("ExportDialog", "Writing the file…"))
    # The bar follows the rows (and a PDF's pages); a cancel stops the writer where it
    # is and leaves no file (it is written atomically).
    write_file(table, path, council_name=council_name, today=today,
               progress=progress.hook(WRITING_BANDS[choice.kind]))
    return len(table.rows)


# Where each stage of the writing moves the bar (step 1 of 2), by format.
WRITING_BANDS = {
    "xlsx": {Stage.MEMBERS: (1.0, 1.85), Stage.SAVING: (1.85, 1.98)},
    "csv": {Stage.MEMBERS: (1.0, 1.98)},
    "pdf": {Stage.MEMBERS: (1.0, 1.3), Stage.PAGES: (1.3, 1.88), Stage.SAVING: (1.88, 1.98)},
}


def export_members(parent: QWidget, session_scope: SessionScope,
                   person_ids: list[int] | None = None) -> None:
    """Choose format and columns, then the file; written in the background."""
    title = QCoreApplication.translate("ExportDialog", "Export the members")
    choice = ask_export_options(parent, None if person_ids is None else len(person_ids))
    if choice is None:
        return
    filters = {"xlsx": QCoreApplication.translate("ExportDialog", "Excel workbook (*.xlsx)"),
               "pdf": QCoreApplication.translate("ExportDialog", "PDF document (*.pdf)"),
               "csv": QCoreApplication.translate("ExportDialog", "CSV text (*.csv)")}
    name = QCoreApplication.translate("ExportDialog", "Members")
    path = ask.ask_save_path(parent, title, filters[choice.kind],
                             last_folder() / f"{name}.{choice.kind}")
    if path is None:
        return
    if path.suffix.lower() != f".{choice.kind}":
        path = path.with_name(f"{path.name}.{choice.kind}")  # typed without its extension
    remember_folder(path)
    outcome = run_and_wait(parent, title, 2,
                           lambda p: write_members(session_scope, choice, path, person_ids, p))
    if outcome.error is not None:
        show_problem(parent, title, outcome.error)
    elif outcome.done:
        tell(parent, title, fill(QCoreApplication.translate(
            "ExportDialog", "File written: %1 (%2 members)."), path, outcome.value))

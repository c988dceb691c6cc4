"""*Importer des membres…*: file, sheet, column mapping, dry run, import, result.

The services do the work (:mod:`conseil_desktop.services.importing`); this
wizard shows it. The file is read and checked before anything else: a bad
file (empty, not a table, damaged, zip bomb, no recognisable column) gets the
service's French message and the wizard does not open. The preview is the
service's dry run; the import runs in a worker, in one transaction (a
cancelled import writes nothing), and the last import can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import UserError
from conseil_desktop.services.importing import (
    ImportPlan,
    ImportResult,
    PreparedRows,
    RowAction,
    Table,
    apply_import,
    delete_mapping,
    fitting_mapping,
    load_mappings,
    plan_rows,
    prepare_rows,
    read_table,
    save_mapping,
)
from conseil_desktop.services.importing.headers import chosen_columns
from conseil_desktop.services.importing.undo import (
    DONE,
    NOTHING_TO_UNDO,
    load_record,
    undo_available,
)
from conseil_desktop.services.importing.undo import undo_last_import as undo_service
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.documents.folders import remember_folder
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.import_wizard_pages import (
    MappingPage,
    PreviewPage,
    ResultPage,
    SheetPage,
)
from conseil_desktop.ui.members.tools_support import (
    SessionScope,
    database_path,
    run_and_wait,
    run_dialog,
    show_problem,
)
from conseil_desktop.ui.workers import Progress

FILE_FILTER = "*.xlsx *.xls *.ods *.csv *.txt"


def read_file(path: Path, sheet: str | None, progress: Progress) -> tuple[Table, PreparedRows]:
    """Read the sheet and find its columns (worker thread: no widget here)."""
    progress.step(0, QCoreApplication.translate("ImportWizard", "Reading the file…"))
    table = read_table(path, sheet)
    return table, prepare_rows(table)


class ImportWizard(QDialog):
    """The steps after the file is chosen; ``changed`` says whether the base changed."""

    SHEET, MAPPING, PREVIEW, RESULT = range(4)

    def __init__(self, session_scope: SessionScope, table: Table, prepared: PreparedRows,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import members"))
        self.resize(820, 560)
        self.session_scope = session_scope
        self.table, self.prepared = table, prepared
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.changed = False
        self.sheet_page, self.mapping_page = SheetPage(self), MappingPage(self)
        self.preview_page, self.result_page = PreviewPage(self), ResultPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.sheet_page, self.mapping_page, self.preview_page, self.result_page):
            self.stack.addWidget(page)
        buttons = QHBoxLayout()  # in the order of the steps, whatever the platform
        buttons.addStretch(1)
        self.back_button = self._button(buttons, self.tr("< &Back"), self.go_back)
        self.next_button = self._button(buttons, self.tr("&Next >"), self.go_next)
        self.import_button = self._button(buttons, self.tr("&Import"), self.run_import)
        self.close_button = self._button(buttons, self.tr("Cancel"), self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.mapping_page.apply_saved.connect(self.apply_saved_mapping)
        self.mapping_page.save_requested.connect(self.save_current_mapping)
        self.mapping_page.delete_requested.connect(self.delete_saved_mapping)
        self.result_page.undo_button.clicked.connect(self.undo)
        self._refresh_saved()
        if len(table.sheet_names) > 1:
            self.sheet_page.load(table)
            self._show(self.SHEET)
        else:
            self._load_mapping()

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def page(self) -> int:
        return self.stack.currentIndex()

    def _show(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        first = self.SHEET if len(self.table.sheet_names) > 1 else self.MAPPING
        self.back_button.setVisible(first < page < self.RESULT)
        self.next_button.setVisible(page in (self.SHEET, self.MAPPING))
        self.next_button.setText(self.tr("&Preview >") if page == self.MAPPING
                                 else self.tr("&Next >"))
        can_import = self.plan is not None and (
            self.plan.count(RowAction.CREATE) + self.plan.count(RowAction.UPDATE) > 0)
        self.import_button.setVisible(page == self.PREVIEW)
        self.import_button.setEnabled(can_import)
        if page == self.PREVIEW and self.plan is not None:
            writes = self.plan.count(RowAction.CREATE) + self.plan.count(RowAction.UPDATE)
            self.import_button.setText(self.tr("&Import (%Ln row(s))", "", writes))
        self.close_button.setText(self.tr("Close") if page == self.RESULT else self.tr("Cancel"))

    # --- moving through the steps ---------------------------------------------------

    def go_back(self) -> None:
        if self.page() == self.PREVIEW:
            self._show(self.MAPPING)
        elif self.page() == self.MAPPING and len(self.table.sheet_names) > 1:
            self._show(self.SHEET)

    def go_next(self) -> None:
        if self.page() == self.SHEET:
            self.choose_sheet(self.sheet_page.chosen())
        elif self.page() == self.MAPPING:
            self.preview()

    def choose_sheet(self, name: str) -> bool:
        if name != self.table.sheet:
            outcome = run_and_wait(self, self.windowTitle(), 1,
                                   lambda p: read_file(self.table.path, name, p))
            if outcome.error is not None:
                show_problem(self, self.windowTitle(), outcome.error)
            if not outcome.done:
                return False
            self.table, self.prepared = outcome.value
        self._load_mapping()
        return True

    def _load_mapping(self) -> None:
        self.mapping_page.load(self.table, self.prepared.header_line, self.prepared.columns)
        self.mapping_page.show_applied(None)
        try:  # a mapping saved for a file with the same titles is used again by itself
            saved = fitting_mapping(load_mappings(), self.mapping_page.headers)
        except UserError:
            saved = None  # an unreadable file was reported when the list was filled
        if saved is not None:
            self.mapping_page.set_mapping(saved.for_headers(self.mapping_page.headers))
            self.mapping_page.show_applied(saved.name)
        self._show(self.MAPPING)

    def preview(self) -> bool:
        """The dry run with the mapping shown; nothing is written."""
        try:
            prepared = prepare_rows(self.table, self.mapping_page.mapping(),
                                    header_line=self.prepared.header_line)
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
            return False

        def task(progress: Progress) -> ImportPlan:
            progress.step(0, QCoreApplication.translate(
                "ImportWizard", "Comparing with the members already recorded…"))
            with self.session_scope() as session:
                return plan_rows(session, prepared)

        outcome = run_and_wait(self, self.windowTitle(), 1, task)
        if outcome.error is not None:
            show_problem(self, self.windowTitle(), outcome.error)
        if not outcome.done:
            return False
        self.plan = outcome.value
        self.preview_page.show_plan(outcome.value)
        self._show(self.PREVIEW)
        return True

    def run_import(self) -> bool:
        plan = self.plan
        if plan is None:
            return False

        def task(progress: Progress) -> tuple[ImportResult, bool]:
            progress.step(0, QCoreApplication.translate("ImportWizard", "Importing…"))
            with self.session_scope() as session:
                db = database_path(session)
                result = apply_import(session, plan, db)
                progress.check()  # cancelled: the transaction is rolled back
            progress.step(1, QCoreApplication.translate("ImportWizard", "Import saved."))
            undoable = result.import_id is not None and undo_available(db, result.import_id)
            return result, undoable

        outcome = run_and_wait(self, self.windowTitle(), 2, task)
        if outcome.error is not None:
            show_problem(self, self.windowTitle(), outcome.error)
        if not outcome.done:
            return False
        self.import_result, undoable = outcome.value
        self.changed = self.changed or self.import_result.changed_anything
        self.result_page.show_text(self._result_text(self.import_result, undoable), undoable)
        self._show(self.RESULT)
        return True

    def _result_text(self, result: ImportResult, undoable: bool) -> str:
        lines = [fill(self.tr("Import saved: %1."), result.done_summary())]
        if result.organisations_created:
            lines.append(fill(self.tr("Organisations created: %1."),
                              result.organisations_created))
        if not result.changed_anything:
            lines.append(self.tr("Nothing needed to change: every member was already up to date."))
        elif not undoable:
            lines.append(self.tr("Warning: the undo record could not be saved, this import "
                                 "cannot be undone."))
        else:
            lines.append(self.tr("You can undo this import here, or later with “Undo the last "
                                 "import” (until the next import)."))
        return "\n".join(lines)

    def undo(self) -> bool:
        if not undo_last_import(self, self.session_scope):
            return False
        self.result_page.show_text(self.tr("The import has been undone."), False)
        return True

    # --- saved mappings -------------------------------------------------------------

    def _refresh_saved(self) -> None:
        try:
            names = sorted(load_mappings())
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
            names = []
        self.mapping_page.set_saved_names(names)

    def apply_saved_mapping(self, name: str) -> None:
        try:
            saved = load_mappings().get(name)
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
            return
        if saved is not None:
            self.mapping_page.set_mapping(saved.for_headers(self.mapping_page.headers))
            self.mapping_page.show_applied(saved.name)

    def save_current_mapping(self, name: str) -> None:
        try:
            columns = chosen_columns(self.mapping_page.headers, self.mapping_page.mapping())
            saved = save_mapping(name, columns)
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
            return
        self._refresh_saved()
        self.mapping_page.saved.setCurrentText(saved.name)

    def delete_saved_mapping(self, name: str) -> None:
        if not name or not ask.confirm(self, self.windowTitle(), fill(
                self.tr("Delete the saved mapping “%1”?"), name)):
            return
        try:
            delete_mapping(name)
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
        self._refresh_saved()


def import_members(parent: QWidget, session_scope: SessionScope) -> bool:
    """Choose a file and run the wizard; True when the base changed."""
    title = QCoreApplication.translate("ImportWizard", "Import members")
    path = ask.ask_open_path(parent, title, fill(QCoreApplication.translate(
        "ImportWizard", "Spreadsheets and text tables (%1)"), FILE_FILTER))
    if path is None:
        return False
    remember_folder(path)  # the next file dialog opens there
    outcome = run_and_wait(parent, title, 1, lambda p: read_file(path, None, p))
    if outcome.error is not None:
        show_problem(parent, title, outcome.error)
    if not outcome.done:
        return False
    table, prepared = outcome.value
    wizard = ImportWizard(session_scope, table, prepared, parent)
    try:
        run_dialog(wizard)
        return wizard.changed
    finally:
        wizard.deleteLater()


def undo_last_import(parent: QWidget, session_scope: SessionScope) -> bool:
    """*Annuler le dernier import*, after confirmation; True when undone."""
    title = QCoreApplication.translate("ImportWizard", "Undo the last import")
    try:
        with session_scope() as session:
            db = database_path(session)
        record = load_record(db)
    except UserError as exc:
        show_problem(parent, title, exc)
        return False
    if record is None:
        ask.show_info(parent, title, NOTHING_TO_UNDO)
        return False
    if record.state == DONE and not _confirm_undo(parent, title, record.source,
                                                  record.imported_at):
        return False

    def task(progress: Progress) -> str:
        progress.step(0, QCoreApplication.translate("ImportWizard", "Undoing the last import…"))
        with session_scope() as session:
            result = undo_service(session, db)  # refuses a record it cannot undo
            progress.check()
        return result.describe()

    outcome = run_and_wait(parent, title, 1, task)
    if outcome.error is not None:
        show_problem(parent, title, outcome.error)
    if not outcome.done:
        return False
    ask.show_info(parent, title, outcome.value)
    return True


def _confirm_undo(parent: QWidget, title: str, source: str, imported_at: str) -> bool:
    when = _local_time(imported_at)
    question = fill(QCoreApplication.translate("ImportWizard",
        "Undo the import of “%1” of %2?\n\nThe people it created are deleted (unless they "
        "have been edited or used since) and the fields it changed get their former value "
        "back."), Path(source).name, when)
    return ask.confirm(parent, title, question)


def _local_time(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")

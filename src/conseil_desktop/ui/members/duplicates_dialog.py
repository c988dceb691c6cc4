"""*Rechercher les doublons*: the probable pairs with their reason, and
*Fusionner…* after showing what will be kept.

The search (:func:`~conseil_desktop.services.member_duplicates.find_duplicates`,
about a second on 100,000 members) runs in a worker. Choosing a pair shows
the service's merge preview: each field's kept value, the other record's,
and what moves over; the merge itself asks for confirmation and runs in one
transaction (:func:`~conseil_desktop.services.member_merge.merge_people`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import UserError
from conseil_desktop.services.member_duplicates import DuplicatePair
from conseil_desktop.services.member_duplicates import find_duplicates as search_pairs
from conseil_desktop.services.member_merge import (
    MergePreview,
    merge_people,
    merge_preview,
)
from conseil_desktop.ui.dialogs import ask
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.tools_support import (
    RowsModel,
    SessionScope,
    run_and_wait,
    run_dialog,
    show_problem,
)
from conseil_desktop.ui.workers import Progress

MAX_PAIRS = 500  # more is a sign of a bigger problem: merge these, then search again
CONFLICT_COLOUR = QColor("#fff3cd")
TAKEN_COLOUR = QColor("#e8f5e9")


class DuplicatesDialog(QDialog):
    """``merged`` counts the merges done while the dialog was open."""

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(860, 620)
        self.session_scope = session_scope
        self.pairs: list[DuplicatePair] = []
        self.preview: MergePreview | None = None
        self.merged = 0
        self.searched = False
        self.count_label = QLabel(self)
        self.pairs_model = RowsModel(
            [self.tr("Record"), self.tr("Other record"), self.tr("Why")], self)
        self.pairs_view = QTableView(self)
        self.pairs_view.setObjectName("duplicate_pairs")
        self.pairs_view.setModel(self.pairs_model)
        self.pairs_view.verticalHeader().hide()
        self.pairs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pairs_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.pairs_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.keep_first = QRadioButton(self)
        self.keep_second = QRadioButton(self)
        self.fields = QTableWidget(0, 3, self)
        self.fields.setObjectName("merge_fields")
        self.fields.setHorizontalHeaderLabels(
            [self.tr("Data"), self.tr("Kept after the merge"), self.tr("Other record")])
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.legend = QLabel(self.tr(
            "Green: taken from the other record, empty on the one kept. Yellow: the two "
            "records differ; the value of the record kept stays."), self)
        self.legend.setWordWrap(True)
        self.moves = QLabel(self)
        self.moves.setWordWrap(True)
        self.search_button = QPushButton(self.tr("&Search again"), self)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("merge_button")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.search_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.search_button.clicked.connect(lambda: self.search())
        self.merge_button.clicked.connect(self.merge)
        self.pairs_view.selectionModel().selectionChanged.connect(self.show_preview)
        self.keep_first.toggled.connect(self.show_preview)
        self._show_pairs()

    def _build_layout(self) -> None:
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.count_label)
        top_layout.addWidget(self.pairs_view)
        bottom = self.merge_pane = QWidget(self)  # hidden while no pair is chosen
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Record to keep:"), bottom))
        keep_row.addWidget(self.keep_first)
        keep_row.addWidget(self.keep_second)
        keep_row.addStretch(1)
        bottom_layout.addLayout(keep_row)
        bottom_layout.addWidget(self.fields, 1)
        bottom_layout.addWidget(self.legend)
        bottom_layout.addWidget(self.moves)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    # --- the search -------------------------------------------------------------------

    def search(self, progress_parent: QWidget | None = None) -> bool:
        """Search again (the progress shows over ``progress_parent``, by default here)."""
        def task(progress: Progress) -> list[DuplicatePair]:
            progress.step(0, QCoreApplication.translate(
                "DuplicatesDialog", "Looking for duplicates…"))
            with self.session_scope() as session:
                return search_pairs(session, MAX_PAIRS)

        shown_over = progress_parent or self
        outcome = run_and_wait(shown_over, self.windowTitle(), 1, task)
        if outcome.error is not None:
            show_problem(shown_over, self.windowTitle(), outcome.error)
        if not outcome.done:
            return False
        self.searched = True
        self.pairs = outcome.value
        self._show_pairs()
        return True

    def _show_pairs(self) -> None:
        self.pairs_model.set_rows([
            (f"{p.first_label} (n° {p.first_id})", f"{p.second_label} (n° {p.second_id})",
             p.reason) for p in self.pairs])
        if not self.searched:
            self.count_label.setText("")
        elif len(self.pairs) >= MAX_PAIRS:
            self.count_label.setText(fill(self.tr(
                "The first %1 probable duplicates (merge them, then search again):"),
                len(self.pairs)))
        elif self.pairs:
            self.count_label.setText(self.tr("%n probable duplicate(s):", "", len(self.pairs)))
        else:
            self.count_label.setText(self.tr("No probable duplicate found."))
        if self.pairs:
            self.pairs_view.selectRow(0)
        self.show_preview()

    def select_pair(self, row: int) -> None:
        self.pairs_view.selectRow(row)

    def current_pair(self) -> DuplicatePair | None:
        rows = self.pairs_view.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows and rows[0].row() < len(self.pairs) else None

    # --- the merge --------------------------------------------------------------------

    def keep_and_drop(self) -> tuple[int, int] | None:
        pair = self.current_pair()
        if pair is None:
            return None
        if self.keep_second.isChecked():
            return pair.second_id, pair.first_id
        return pair.first_id, pair.second_id

    def show_preview(self) -> None:
        pair = self.current_pair()
        self.preview = None
        self.merge_pane.setVisible(pair is not None)
        self.fields.setRowCount(0)
        self.moves.setText("")
        for button, label, person_id in ((self.keep_first, "first_label", "first_id"),
                                          (self.keep_second, "second_label", "second_id")):
            button.setEnabled(pair is not None)
            button.setText("" if pair is None else
                           f"{getattr(pair, label)} (n° {getattr(pair, person_id)})")
        if pair is not None and not (self.keep_first.isChecked() or self.keep_second.isChecked()):
            self.keep_first.setChecked(True)
            return  # toggled: called again
        chosen = self.keep_and_drop()
        self.merge_button.setEnabled(chosen is not None)
        if chosen is None:
            return
        try:
            with self.session_scope() as session:
                self.preview = merge_preview(session, *chosen)
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
            self.merge_button.setEnabled(False)
            return
        self._fill_preview(self.preview)

    def _fill_preview(self, preview: MergePreview) -> None:
        self.fields.setRowCount(len(preview.fields))
        for row, choice in enumerate(preview.fields):
            colour = TAKEN_COLOUR if choice.from_dropped else (
                CONFLICT_COLOUR if choice.conflict else None)
            for column, text in enumerate((choice.label, choice.kept, choice.other)):
                item = QTableWidgetItem(text)
                if colour is not None:
                    item.setBackground(colour)
                if choice.from_dropped:
                    item.setToolTip(self.tr("Taken from the other record (empty here)."))
                elif choice.conflict:
                    item.setToolTip(self.tr("The two records differ: this value is kept."))
                self.fields.setItem(row, column, item)
        lines = [fill(self.tr("The record of %1 (n° %2) is deleted; everything it holds moves "
                              "to %3 (n° %4)."), preview.drop_label, preview.drop_id,
                      preview.keep_label, preview.keep_id)]
        if preview.moves:
            lines.append(fill(self.tr("Moved: %1."), ", ".join(
                f"{label} : {count}" for label, count in preview.moves)))
        if preview.shared_meetings:
            lines.append(fill(self.tr("Meetings both were invited to (their two lines become "
                                      "one): %1."), preview.shared_meetings))
        self.moves.setText("\n".join(lines))

    def merge(self) -> bool:
        chosen, preview = self.keep_and_drop(), self.preview
        if chosen is None or preview is None:
            return False
        question = fill(self.tr(
            "Merge %1 (n° %2) into %3 (n° %4)?\n\nThe record n° %2 is deleted; its meetings, "
            "roles, consents and history go to n° %4. This cannot be undone."),
            preview.drop_label, preview.drop_id, preview.keep_label, preview.keep_id)
        if not ask.confirm(self, self.tr("Merge"), question):
            return False
        keep_id, drop_id = chosen
        try:
            with self.session_scope() as session:
                merge_people(session, keep_id, drop_id)
        except UserError as exc:
            show_problem(self, self.windowTitle(), exc)
            return False
        self.merged += 1
        self.pairs = [p for p in self.pairs if drop_id not in (p.first_id, p.second_id)]
        self._show_pairs()
        return True


def find_duplicates(parent: QWidget, session_scope: SessionScope) -> bool:
    """Search, show the pairs, merge; True when at least one merge was done."""
    dialog = DuplicatesDialog(session_scope, parent)
    try:
        if not dialog.search(parent):
            return False
        if not dialog.pairs:  # said plainly, rather than an empty list to close
            ask.show_info(parent, dialog.windowTitle(), QCoreApplication.translate(
                "DuplicatesDialog", "No probable duplicate found."))
            return False
        run_dialog(dialog)
        return dialog.merged > 0
    finally:
        dialog.deleteLater()

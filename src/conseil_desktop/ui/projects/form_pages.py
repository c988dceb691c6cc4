"""The pages of the project form that edit plain fields: *Général*, *Dates et
bilan* and *Personnes impliquées* (the funders have their own editor)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services.council import Term
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.project_choices import Pick
from conseil_desktop.services.projects import (
    TITLE_MAX,
    Choice,
    HolderKind,
    default_report_due,
)
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects.detail_panel import identifier_text
from conseil_desktop.ui.projects.lookup import LookupEdit, Search
from conseil_desktop.ui.widgets.optional_inputs import (
    OptionalDateEdit,
    OptionalYearSpinBox,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(parent.fontMetrics().lineSpacing() * lines + 12)
    return box


def fill_terms(combo: QComboBox, none_label: str, terms: list[Term]) -> None:
    combo.addItem(none_label, None)
    for term in terms:
        combo.addItem(term.label, term.code)


def select_code(combo: QComboBox, code: str | None, label: str) -> None:
    """Select ``code``, adding it (a term since retired from the list) if missing."""
    index = combo.findData(code)
    if index < 0 and code:
        combo.addItem(label or code, code)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def read_date(edit: OptionalDateEdit, message: str) -> date | None:
    try:
        return edit.date()
    except ValueError:
        edit.setFocus()
        raise InvalidInputError(message) from None


class GeneralPage(QWidget):
    """Title, description, holder, neighbourhood, themes, funding line and year."""

    def __init__(self, find_people: Search, find_organisations: Search,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._finders = {HolderKind.PERSON: find_people,
                         HolderKind.ORGANISATION: find_organisations}
        self.title = QLineEdit(self)
        self.title.setMaxLength(TITLE_MAX)
        self.description = text_box(self, 4)
        self.description.setMaximumHeight(self.description.minimumHeight())
        self.holder_kind = QComboBox(self)
        self.holder_kind.addItem(self.tr("A member or contact"), HolderKind.PERSON)
        self.holder_kind.addItem(self.tr("An organisation"), HolderKind.ORGANISATION)
        self.holder = LookupEdit(self._find_holder, self, describe=self._describe_holder)
        self.holder.setObjectName("holder")
        self.holder_detail = QLabel(self)
        self.holder_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.neighbourhood = QLineEdit(self)
        self.neighbourhood.setMaxLength(200)
        self.theme = QComboBox(self)
        self.cross_themes = QListWidget(self)
        self.cross_themes.setObjectName("cross_themes")
        self.funding_line = QComboBox(self)
        self.year = OptionalYearSpinBox(self)
        self._build()
        self.holder_kind.currentIndexChanged.connect(self._holder_kind_changed)
        self.holder.picked.connect(self._show_holder_detail)
        self._show_holder_detail(None)

    def _build(self) -> None:
        self.title.setPlaceholderText(self.tr("e.g. Shared gardens of the Lac district"))
        self.holder.setPlaceholderText(self.tr("type a few letters of the name"))
        holder_row = QHBoxLayout()
        holder_row.addWidget(self.holder_kind)
        holder_row.addWidget(self.holder, 1)
        self.form = form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        title_label = QLabel(self.tr("<b>Title</b> (required):"), self)
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Holder:"), holder_row)
        form.addRow("", self.holder_detail)
        form.addRow(self.tr("Neighbourhood:"), self.neighbourhood)
        form.addRow(self.tr("Main theme:"), self.theme)
        form.addRow(self.tr("Cross-cutting themes:"), self.cross_themes)
        form.addRow(self.tr("Funding line:"), self.funding_line)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        form.addRow(self.tr("Year:"), year_row)

    def set_choices(self, themes: list[Term], funding_lines: list[Term],
                    neighbourhoods: list[str]) -> None:
        fill_terms(self.theme, self.tr("(none)"), themes)
        fill_terms(self.funding_line, self.tr("(none)"), funding_lines)
        for term in themes:
            self.add_cross_theme(term.code, term.label)
        self._fit_cross_themes()
        completer = QCompleter(neighbourhoods, self.neighbourhood)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.neighbourhood.setCompleter(completer)

    def add_cross_theme(self, code: str, label: str) -> QListWidgetItem:
        item = QListWidgetItem(label, self.cross_themes)
        item.setData(ID_ROLE, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def set_cross_themes(self, codes: list[str], labels: list[str]) -> None:
        known = {self.cross_themes.item(i).data(ID_ROLE): self.cross_themes.item(i)
                 for i in range(self.cross_themes.count())}
        for code, label in zip(codes, labels, strict=True):
            item = known.get(code) or self.add_cross_theme(code, label)
            item.setCheckState(Qt.CheckState.Checked)
        self._fit_cross_themes()

    def _fit_cross_themes(self) -> None:
        """Every theme visible without scrolling, up to a dozen."""
        rows = min(max(self.cross_themes.count(), 3), 12)
        row_height = self.cross_themes.sizeHintForRow(0) if self.cross_themes.count() else (
            self.fontMetrics().height() + 4)
        self.cross_themes.setFixedHeight(rows * row_height + 2 * self.cross_themes.frameWidth()
                                         + 4)

    def cross_theme_codes(self) -> list[str]:
        items = (self.cross_themes.item(i) for i in range(self.cross_themes.count()))
        return [item.data(ID_ROLE) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def holder_kind_value(self) -> HolderKind:
        return HolderKind(self.holder_kind.currentData())

    def set_holder(self, kind: HolderKind | None, pick: Pick | None) -> None:
        self.holder_kind.setCurrentIndex(max(self.holder_kind.findData(kind), 0))
        self.holder.set_pick(pick)

    def holder_value(self) -> tuple[HolderKind | None, int | None]:
        if not self.holder.text().strip():
            return None, None
        pick = self.holder.resolved()
        if pick is None:
            self.holder.setFocus()
            raise InvalidInputError(fill(self.tr(
                "Holder: choose “%1” in the list of names offered while typing (an "
                "organisation is first created in the Contacts tab)."), self.holder.text()))
        return self.holder_kind_value(), pick.id

    def _find_holder(self, text: str) -> list[Pick]:
        return self._finders[self.holder_kind_value()](text)

    def _describe_holder(self, detail: str) -> str:
        if self.holder_kind_value() is HolderKind.ORGANISATION:
            return identifier_text(detail)
        return detail

    def _holder_kind_changed(self) -> None:
        self.holder.set_pick(None)

    def _show_holder_detail(self, pick: Pick | None) -> None:
        organisation = self.holder_kind_value() is HolderKind.ORGANISATION
        if pick is None:
            text = ""
        elif not organisation:
            text = pick.detail
        elif pick.detail:
            text = identifier_text(pick.detail)
        else:
            text = self.tr("No SIRET or RNA number recorded (it is entered in the Contacts tab).")
        self.holder_detail.setText(text)
        self.holder_detail.setVisible(bool(text))


class DatesPage(QWidget):
    """Key dates, the financial report due date (computed while untouched), outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submission_deadline = OptionalDateEdit(self)
        self.start_on = OptionalDateEdit(self)
        self.end_on = OptionalDateEdit(self)
        self.report_due = OptionalDateEdit(self)
        self.report_due.setObjectName("report_due")
        self.report_hint = QLabel(self)
        self.recompute_button = QPushButton(self.tr("Re&calculate"), self)
        self.recompute_button.setToolTip(self.tr(
            "Six months after the end of the financial year in which the project ends"))
        self.outcome_notes = text_box(self, 5)
        self.report_automatic = True
        form = QFormLayout(self)
        form.addRow(self.tr("Submission deadline:"), self.submission_deadline)
        form.addRow(self.tr("Start:"), self.start_on)
        form.addRow(self.tr("End:"), self.end_on)
        report_row = QHBoxLayout()
        for widget in (self.report_due, self.recompute_button, self.report_hint):
            report_row.addWidget(widget)
        report_row.addStretch(1)
        form.addRow(self.tr("Financial report due:"), report_row)
        form.addRow(self.tr("Outcome notes:"), self.outcome_notes)
        self.end_on.textChanged.connect(self._end_changed)
        self.report_due.textEdited.connect(self._report_edited)
        self.recompute_button.clicked.connect(self.recompute_report_due)
        self._show_report_hint()

    def load(self, submission: date | None, start: date | None, end: date | None,
             report_due: date | None, computed: bool, outcome: str) -> None:
        self.report_automatic = computed or report_due is None
        self.submission_deadline.set_date(submission)
        self.start_on.set_date(start)
        self.end_on.set_date(end)
        self.report_due.set_date(report_due)
        self.outcome_notes.setPlainText(outcome)
        self._show_report_hint()

    def recompute_report_due(self) -> None:
        self.report_automatic = True
        self._end_changed()
        self._show_report_hint()

    def report_due_value(self) -> date | None:
        """None while computed: the service then follows the end date."""
        if self.report_automatic:
            return None
        return read_date(self.report_due, self.tr(
            "The financial report due date is not a valid date (dd/mm/yyyy)."))

    def dates(self) -> tuple[date | None, date | None, date | None]:
        """Submission deadline, start and end; raises ``InvalidInputError`` for one
        that is not a date."""
        return (
            read_date(self.submission_deadline, self.tr(
                "The submission deadline is not a valid date (dd/mm/yyyy).")),
            read_date(self.start_on, self.tr("The start date is not a valid date (dd/mm/yyyy).")),
            read_date(self.end_on, self.tr("The end date is not a valid date (dd/mm/yyyy).")),
        )

    def _end_changed(self) -> None:
        if not self.report_automatic:
            return
        try:
            end = self.end_on.date()
        except ValueError:  # still being typed
            return
        self.report_due.setText(fmt_date(default_report_due(end)) if end else "")

    def _report_edited(self) -> None:
        self.report_automatic = False
        self._show_report_hint()

    def _show_report_hint(self) -> None:
        self.report_hint.setText(self.tr("computed from the end date") if self.report_automatic
                                 else self.tr("entered by hand"))
        self.recompute_button.setEnabled(not self.report_automatic)


class PeoplePage(QWidget):
    """The members (or contacts) involved in the project."""

    def __init__(self, find_people: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = QListWidget(self)
        self.people.setObjectName("members_involved")
        self.lookup = LookupEdit(find_people, self)
        self.lookup.setPlaceholderText(self.tr("type a few letters of the name, then Enter"))
        self.add_button = QPushButton(self.tr("A&dd"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        row = QHBoxLayout()
        row.addWidget(self.lookup, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Members and contacts involved in the project:"), self))
        layout.addWidget(self.people, 1)
        layout.addLayout(row)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        self.add_button.clicked.connect(self.add_typed)
        self.lookup.returnPressed.connect(self.add_typed)
        self.lookup.picked.connect(self._picked)
        self.remove_button.clicked.connect(self.remove_current)
        self.people.currentRowChanged.connect(self._enable)
        self._enable()

    def set_people(self, people: list[Choice]) -> None:
        for person in people:
            self.add_person(person.id, person.label)

    def add_person(self, person_id: int, label: str) -> None:
        if person_id in self.person_ids():
            return
        item = QListWidgetItem(label, self.people)
        item.setData(ID_ROLE, person_id)
        self._enable()

    def add_typed(self) -> None:
        pick = self.lookup.resolved()
        if pick is None:
            self.lookup.show_suggestions()
            return
        self.add_person(pick.id, pick.label)
        self.lookup.set_pick(None)

    def _picked(self, pick: Pick | None) -> None:
        if pick is not None:  # chosen in the list: added at once
            self.add_typed()

    def remove_current(self) -> None:
        row = self.people.currentRow()
        if row >= 0:
            self.people.takeItem(row)
        self._enable()

    def person_ids(self) -> list[int]:
        return [self.people.item(i).data(ID_ROLE) for i in range(self.people.count())]

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.people.currentRow() >= 0)

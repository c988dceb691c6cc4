"""The selected project in full, beside the list: its fields, funders, status
history and linked meetings, with the buttons acting on it."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.project_details import ProjectDetail
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.projects.detail_tables import (
    FundingTable,
    HistoryTable,
    LinksTable,
)

MINIMUM_WIDTH = 300


def identifier_text(identifier: str) -> str:
    """``SIRET 356 000 000 00048`` or ``RNA W751234567``."""
    if len(identifier) == 14 and identifier.isdigit():
        spaced = " ".join((identifier[:3], identifier[3:6], identifier[6:9], identifier[9:]))
        return fill(QCoreApplication.translate("ProjectDetailPanel", "SIRET %1"), spaced)
    if identifier.startswith("W"):
        return fill(QCoreApplication.translate("ProjectDetailPanel", "RNA %1"), identifier)
    return identifier


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes are never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ProjectDetailPanel(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.detail: ProjectDetail | None = None
        self.empty = QLabel(self.tr("Select a project to see it in full here."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        body = QWidget(self)
        self.title = _value_label(body)
        self.title.setObjectName("detail_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = _value_label(body)
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(self.tr("&Edit…"), body)
        self.status_button = QPushButton(self.tr("Change the &status…"), body)
        self.delete_button = QPushButton(self.tr("Delete…"), body)
        self.link_button = QPushButton(self.tr("&Link to a meeting…"), body)
        self.unlink_button = QPushButton(self.tr("Remove the lin&k"), body)
        self.values: dict[str, QLabel] = {}
        self.fundings = FundingTable(body)
        self.history = HistoryTable(body)
        self.links = LinksTable(body)
        self.description = _value_label(body)
        self.outcome = _value_label(body)
        self._build(body)
        self.links.itemSelectionChanged.connect(self._enable_unlink)
        self.show_detail(None)

    def _build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(_row(self.edit_button, self.status_button, self.delete_button))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (
            ("holder", self.tr("Holder:")), ("neighbourhood", self.tr("Neighbourhood:")),
            ("themes", self.tr("Themes:")), ("submission", self.tr("Submission deadline:")),
            ("period", self.tr("Carried out:")), ("report", self.tr("Financial report due:")),
            ("next", self.tr("Next deadline:")), ("members", self.tr("People involved:")),
        ):
            self.values[key] = _value_label(body)
            form.addRow(label, self.values[key])
        layout.addLayout(form)
        tables: list[tuple[str, QWidget]] = [(self.tr("Funders"), self.fundings),
                                             (self.tr("Status history"), self.history),
                                             (self.tr("Meetings and decisions"), self.links)]
        for heading, table in tables:
            layout.addWidget(_heading(heading, body))
            layout.addWidget(table)
        layout.addLayout(_row(self.link_button, self.unlink_button))
        self.description_heading = _heading(self.tr("Description"), body)
        self.outcome_heading = _heading(self.tr("Outcome"), body)
        for widget in (self.description_heading, self.description, self.outcome_heading,
                       self.outcome):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.addWidget(self.empty)
        self.addWidget(scroll)

    def show_detail(self, detail: ProjectDetail | None) -> None:
        self.detail = detail
        self.setCurrentIndex(0 if detail is None else 1)
        if detail is None:
            return
        data = detail.data
        self.title.setText(data.title)
        parts = [f"<b>{html.escape(detail.status_label)}</b>", str(data.year or ""),
                 html.escape(detail.funding_line_label)]
        self.subtitle.setText(" · ".join(p for p in parts if p))
        self._show_values(detail)
        self.fundings.set_fundings(detail.fundings, detail.requested_cents,
                                   detail.granted_cents)
        self.history.set_events(detail.history)
        self.links.set_links(detail.links)
        for heading, label, text in ((self.description_heading, self.description,
                                      data.description),
                                     (self.outcome_heading, self.outcome, data.outcome_notes)):
            label.setText(text)
            heading.setVisible(bool(text))
            label.setVisible(bool(text))
        self._enable_unlink()

    def _show_values(self, detail: ProjectDetail) -> None:
        data = detail.data
        holder = detail.holder_name
        if detail.holder_identifier:
            holder = f"{holder}\n{identifier_text(detail.holder_identifier)}"
        themes = ", ".join(t for t in (detail.theme_label, *detail.cross_theme_labels) if t)
        period = ""
        if data.start_on or data.end_on:
            period = fill(self.tr("from %1 to %2"), fmt_date(data.start_on) or "…",
                          fmt_date(data.end_on) or "…")
        report = fmt_date(detail.report_due_on)
        if report and detail.report_due_computed:
            report = fill(self.tr("%1 (computed)"), report)
        deadline = detail.next_deadline
        texts = {
            "holder": holder, "neighbourhood": data.neighbourhood, "themes": themes,
            "submission": fmt_date(data.submission_deadline), "period": period,
            "report": report,
            "next": f"{fmt_date(deadline.due_on)} — {deadline.label}" if deadline else "",
            "members": ", ".join(m.label for m in detail.members),
        }
        for key, text in texts.items():
            self.values[key].setText(text or "—")

    def selected_link_id(self) -> int | None:
        return self.links.selected_id()

    def _enable_unlink(self) -> None:
        self.unlink_button.setEnabled(self.selected_link_id() is not None)


def _row(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{html.escape(text)}</b>", parent)
    label.setContentsMargins(0, 8, 0, 0)
    return label

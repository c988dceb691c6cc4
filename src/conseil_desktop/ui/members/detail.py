"""The selected member beside the list: main fields, roles, and attendance history
(12-month rate, current run of unexcused absences, every meeting)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.services.attendance_history import MemberAttendanceHistory
from conseil_desktop.services.formatting import fmt_date
from conseil_desktop.services.member_summary import MemberSummary
from conseil_desktop.ui.i18n import fill

HISTORY_ROWS = 30  # the newest meetings; the rest are counted


class MemberDetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: MemberSummary | None = None
        self.page = QTextBrowser(self)
        self.page.setObjectName("member_page")
        self.page.setOpenLinks(False)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.archive_button = QPushButton(self.tr("&Archive…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page, 1)
        layout.addLayout(buttons)
        self.show_summary(None)

    def show_summary(self, summary: MemberSummary | None, problem: str = "") -> None:
        self.summary = summary
        self.edit_button.setEnabled(summary is not None)
        self.archive_button.setEnabled(summary is not None and summary.archived_on is None)
        if summary is None:
            hint = problem or self.tr("Select a member to see their details.")
            self.page.setHtml(f"<p><i>{escape(hint)}</i></p>")
        else:
            self.page.setHtml(self._html(summary))

    def _html(self, summary: MemberSummary) -> str:
        parts = [f"<h3>{escape(summary.name)}</h3>"]
        if summary.archived_on is not None:
            archived = fill(self.tr("Archived on %1"), fmt_date(summary.archived_on))
            parts.append(f"<p><b>{escape(archived)}</b></p>")
        rows = "".join(f"<tr><td><i>{escape(label)}</i>&nbsp;</td><td>{escape(value)}</td></tr>"
                       for label, value in summary.fields)
        parts.append(f"<table cellspacing='2'>{rows}</table>")
        if summary.roles:
            title = escape(self.tr("Roles"))  # lupdate reads no tr() inside an f-string
            parts.append(f"<p><b>{title}</b><br>"
                         + "<br>".join(escape(role) for role in summary.roles) + "</p>")
        parts.append(self._history_html(summary.history))
        return "".join(parts)

    def _history_html(self, history: MemberAttendanceHistory) -> str:
        title = escape(self.tr("Attendance"))
        rate = history.rate_label()  # a sentence of its own when nothing is recorded
        lines = [fill(self.tr("Over 12 months: %1"), rate)
                 if history.rate_12_months is not None else rate]
        if history.absence_run:
            lines.append(fill(self.tr("Unexcused absences in a row: %1"), history.absence_run))
        parts = [f"<p><b>{title}</b><br>" + "<br>".join(escape(x) for x in lines) + "</p>"]
        if not history.rows:
            never = escape(self.tr("Not invited to any meeting yet."))
            parts.append(f"<p><i>{never}</i></p>")
            return "".join(parts)
        cells = []
        for row in history.rows[:HISTORY_ROWS]:
            status = row.status_label
            if row.cancelled:
                status = fill(self.tr("%1 (cancelled)"), status)
            what = row.title or row.type_label
            cells.append(f"<tr><td>{fmt_date(row.date)}&nbsp;</td><td>{escape(what)}&nbsp;</td>"
                         f"<td>{escape(status)}</td></tr>")
        parts.append(f"<table cellspacing='2'>{''.join(cells)}</table>")
        more = len(history.rows) - HISTORY_ROWS
        if more > 0:
            older = fill(self.tr("Older meetings not shown: %1"), more)
            parts.append(f"<p><i>{escape(older)}</i></p>")
        return "".join(parts)

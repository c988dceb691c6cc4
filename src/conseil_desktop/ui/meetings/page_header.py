"""The top of a meeting's window: what, when, where, who leads it, and the
attendance with the quorum, large enough to be read from a distance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from conseil_desktop.services.formatting import fmt_date, fmt_date_words, fmt_time
from conseil_desktop.services.meeting_snapshot import MeetingSnapshot
from conseil_desktop.ui.i18n import fill

REACHED_STYLE = "color: #1b5e20; font-weight: bold;"
MISSED_STYLE = "color: #b00020; font-weight: bold;"


def _label(parent: QWidget, name: str, scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


class PageHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label(self, "meeting_heading", 1.5, True)
        self.when = _label(self, "meeting_when")
        self.people = _label(self, "meeting_officers")
        self.counts = _label(self, "meeting_counts", 1.15)
        self.quorum = _label(self, "meeting_quorum", 1.15)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.title, self.when, self.people, self.counts, self.quorum):
            layout.addWidget(label)

    def show_snapshot(self, snapshot: MeetingSnapshot) -> None:
        title = snapshot.title
        if snapshot.cancelled:
            title = fill(self.tr("%1 (cancelled)"), title)
        self.title.setText(title)
        when = f"{snapshot.type_label} — {fmt_date_words(snapshot.date)}"
        if snapshot.start_time is not None:
            hours = fmt_time(snapshot.start_time)
            if snapshot.end_time is not None:
                hours = fill(self.tr("%1 to %2"), hours, fmt_time(snapshot.end_time))
            when += f", {hours}"
        if snapshot.place:
            when += f" — {snapshot.place}"
        if snapshot.convened_on is not None:
            convened = fill(self.tr("convened on %1"), fmt_date(snapshot.convened_on))
            if snapshot.convocation_method:
                convened += f" ({snapshot.convocation_method})"
            when += f" — {convened}"
        self.when.setText(when)
        people = []
        if snapshot.facilitators:
            people.append(fill(self.tr("Facilitation: %1"), ", ".join(snapshot.facilitators)))
        if snapshot.secretaries:
            people.append(fill(self.tr("Secretary: %1"), ", ".join(snapshot.secretaries)))
        self.people.setText(" — ".join(people))
        self.people.setVisible(bool(people))
        counts = snapshot.counts
        text = fill(self.tr("Invited %1 · present %2 · represented %3 · excused %4 · "
                            "absent %5 · not recorded %6"), counts.invited, counts.present,
                    counts.represented, counts.excused, counts.absent, counts.not_recorded)
        if counts.guests:
            text += " · " + fill(self.tr("guests %1"), counts.guests)
        self.counts.setText(text)
        quorum = snapshot.quorum
        self.quorum.setText(quorum.label())
        style = "" if quorum.reached is None else (REACHED_STYLE if quorum.reached
                                                   else MISSED_STYLE)
        self.quorum.setStyleSheet(style)

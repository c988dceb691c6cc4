"""The four pages of *Paramètres du conseil…*, each loading and giving back its fields.

Every page maps its widgets to fields of :class:`council.SettingsData`:
``load(data)`` fills them and ``values()`` returns ``{field: value}``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from conseil_desktop.db.models import QuorumRule
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import labels
from conseil_desktop.services.council import SettingsData
from conseil_desktop.ui.widgets.logo_picker import LogoPicker
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit, OptionalYearSpinBox


def _spin(parent: QWidget, maximum: int, suffix: str = "", minimum: int = 0) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    return spin


def _line(parent: QWidget, max_length: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    return edit


def _row(*widgets: QWidget, stretch: QWidget | None = None) -> QHBoxLayout:
    """Widgets side by side at their natural width; ``stretch`` takes the space left."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is stretch else 0)
    if stretch is None:
        layout.addStretch(1)
    return layout


class IdentityPage(QWidget):
    """*Le conseil*: who the council is (domain.md section 1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.council_name = _line(self, 200)
        self.qpv_names = _line(self, 400, self.tr("several names separated by commas"))
        self.contract_start_year = OptionalYearSpinBox(self)
        self.contract_end_year = OptionalYearSpinBox(self)
        self.legal_form = _line(self, 100, self.tr("association, collective…"))
        self.host_structure = _line(self, 200)
        self.prefectoral_decree_ref = _line(self, 100)
        self.prefectoral_decree_date = OptionalDateEdit(self)
        self.rules_version = _line(self, 100)
        self.postal_address = QPlainTextEdit(self)
        self.postal_address.setTabChangesFocus(True)
        self.postal_address.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.logo = LogoPicker(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Council name (required):"), self.council_name)
        form.addRow(self.tr("Priority neighbourhood(s):"), self.qpv_names)
        form.addRow(self.tr("Contrat de ville:"), _row(
            QLabel(self.tr("from"), self), self.contract_start_year,
            QLabel(self.tr("to"), self), self.contract_end_year,
        ))
        form.addRow(self.tr("Legal form:"), self.legal_form)
        form.addRow(self.tr("Host structure:"), self.host_structure)
        form.addRow(self.tr("Prefectoral decree:"), _row(
            self.prefectoral_decree_ref, QLabel(self.tr("dated"), self),
            self.prefectoral_decree_date, stretch=self.prefectoral_decree_ref,
        ))
        form.addRow(self.tr("Version of the rules:"), self.rules_version)
        form.addRow(self.tr("Postal address:"), self.postal_address)
        form.addRow(self.tr("Logo:"), self.logo)

    def load(self, data: SettingsData) -> None:
        for name in ("council_name", "qpv_names", "legal_form", "host_structure",
                     "prefectoral_decree_ref", "rules_version"):
            edit: QLineEdit = getattr(self, name)
            edit.setText(getattr(data, name))
            edit.setCursorPosition(0)  # show the start of a long text
        self.contract_start_year.set_year(data.contract_start_year)
        self.contract_end_year.set_year(data.contract_end_year)
        self.prefectoral_decree_date.set_date(data.prefectoral_decree_date)
        self.postal_address.setPlainText(data.postal_address)

    def values(self) -> dict[str, Any]:
        try:
            decree_date = self.prefectoral_decree_date.date()
        except ValueError:
            raise InvalidInputError(self.tr(
                "The date of the prefectoral decree is not a valid date (dd/mm/yyyy)."
            )) from None
        texts = {name: getattr(self, name).text() for name in (
            "council_name", "qpv_names", "legal_form", "host_structure",
            "prefectoral_decree_ref", "rules_version",
        )}
        return {
            **texts,
            "contract_start_year": self.contract_start_year.year(),
            "contract_end_year": self.contract_end_year.year(),
            "prefectoral_decree_date": decree_date,
            "postal_address": self.postal_address.toPlainText(),
        }


class _SpinPage(QWidget):
    """A page whose fields are all whole numbers, one spin box per field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        self.form = QFormLayout(self)

    def add_spin(self, name: str, label: str, maximum: int, suffix: str = "",
                 minimum: int = 0) -> QSpinBox:
        spin = _spin(self, maximum, suffix, minimum)
        self.spins[name] = spin
        self.form.addRow(label, _row(spin))
        return spin

    def load(self, data: SettingsData) -> None:
        for name, spin in self.spins.items():
            spin.setValue(getattr(data, name))

    def values(self) -> dict[str, Any]:
        return {name: spin.value() for name, spin in self.spins.items()}


class CompositionPage(_SpinPage):
    """*Composition*: the recommended make-up of the council (section 2)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        percent, months = self.tr(" %"), self.tr(" months")
        self.add_spin("min_resident_share_pct", self.tr("Minimum share of residents:"), 100,
                      percent)
        self.add_spin("parity_tolerance_pct", self.tr("Women/men parity tolerance:"), 100,
                      percent)
        self.add_spin("recommended_min_members", self.tr("Recommended minimum of members:"), 999)
        self.add_spin("recommended_max_members", self.tr("Recommended maximum of members:"), 999)
        self.add_spin("mandate_months", self.tr("Length of a mandate:"), 240, months)


class MeetingsPage(_SpinPage):
    """*Réunions*: notice, proxies, quorum and absences (sections 3 and 4)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_spin("notice_days", self.tr("Notice before a meeting:"), 365, self.tr(" days"))
        self.add_spin("max_proxies_per_holder", self.tr("Proxies one member may hold:"), 20)
        self.quorum_rule = QComboBox(self)
        for rule, label in labels.QUORUM_RULE.items():
            self.quorum_rule.addItem(label, rule)
        self.form.addRow(self.tr("Quorum:"), _row(self.quorum_rule))
        numerator = _spin(self, 100)
        denominator = _spin(self, 100, minimum=1)
        self.spins.update(quorum_numerator=numerator, quorum_denominator=denominator)
        self.quorum_fraction = QWidget(self)
        fraction = _row(numerator, QLabel("/", self), denominator,
                        QLabel(self.tr("of the active full members"), self))
        fraction.setContentsMargins(0, 0, 0, 0)
        self.quorum_fraction.setLayout(fraction)
        self.form.addRow(self.tr("Fraction:"), self.quorum_fraction)
        self.quorum_fixed_count = self.add_spin(
            "quorum_fixed_count", self.tr("Fixed number of members:"), 999
        )
        self.add_spin("absence_run_threshold", self.tr("Flag unexcused absences in a row from:"),
                      50, self.tr(" absences"))
        self.quorum_rule.currentIndexChanged.connect(self._enable_quorum_fields)
        self._enable_quorum_fields()

    def rule(self) -> QuorumRule:
        return QuorumRule(self.quorum_rule.currentData())

    def set_rule(self, rule: QuorumRule) -> None:
        self.quorum_rule.setCurrentIndex(self.quorum_rule.findData(rule))

    def load(self, data: SettingsData) -> None:
        super().load(data)
        self.set_rule(data.quorum_rule)

    def values(self) -> dict[str, Any]:
        return {**super().values(), "quorum_rule": self.rule()}

    def _enable_quorum_fields(self) -> None:
        rule = self.rule()
        self.quorum_fraction.setEnabled(rule is QuorumRule.FRACTION_OF_TITULAIRES)
        self.quorum_fixed_count.setEnabled(rule is QuorumRule.FIXED_COUNT)


class PrivacyPage(_SpinPage):
    """*Données personnelles*: the notice printed on forms, retention, backups (section 9)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gdpr_notice = QPlainTextEdit(self)
        self.gdpr_notice.setTabChangesFocus(True)
        notice_label = QLabel(self.tr("Personal data notice, printed on forms and sheets:"), self)
        notice_label.setBuddy(self.gdpr_notice)
        self.form.addRow(notice_label)
        self.form.addRow(self.gdpr_notice)
        self.add_spin("anonymise_after_months",
                      self.tr("Offer to anonymise departed members after:"), 240,
                      self.tr(" months"))
        self.add_spin("backups_kept", self.tr("Automatic backups kept:"), 200, minimum=1)

    def load(self, data: SettingsData) -> None:
        super().load(data)
        self.gdpr_notice.setPlainText(data.gdpr_notice)

    def values(self) -> dict[str, Any]:
        return {**super().values(), "gdpr_notice": self.gdpr_notice.toPlainText()}

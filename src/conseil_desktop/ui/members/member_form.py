"""The plain fields of the member form: *Identité et coordonnées* and *Adhésion*.

Each page reads its widgets into :class:`MemberData` fields and collects the
dates that cannot be read, by field name, so that the dialog can show every
problem at once. The phone is shown as dialled (06 12 34 56 78) and stored
in E.164 by the service.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from conseil_desktop.db.models import College, ContactChannel, Designation, Seat, Sex
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import identifiers, labels
from conseil_desktop.services.formatting import fmt_phone
from conseil_desktop.services.member_checks import FIELD_LABELS, read_day
from conseil_desktop.services.members import MemberData
from conseil_desktop.services.projects import Choice
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.widgets.optional_inputs import OptionalDateEdit

Values = dict[str, object]
Problems = dict[str, str]


class SeatEditing(Enum):
    FREE = "free"  # a new member
    CORRECTION = "correction"  # a saved member whose history holds only the joining
    LOCKED = "locked"  # the history has moved on: a dated promotion only


def required_label(text: str, buddy: QWidget) -> QLabel:
    """A required field's label: bold, with a star."""
    label = QLabel(f"<b>{text} *</b>", buddy.parentWidget())
    label.setBuddy(buddy)
    return label


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def line(parent: QWidget, max_length: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    return edit


def combo(parent: QWidget, items: dict[object, str]) -> QComboBox:
    box = QComboBox(parent)
    for value, text in items.items():
        box.addItem(text, value)
    return box


def select(box: QComboBox, value: object) -> None:
    box.setCurrentIndex(max(box.findData(value), 0))


def read_dates(edits: dict[str, OptionalDateEdit], values: Values, problems: Problems) -> None:
    for name, edit in edits.items():
        try:
            values[name] = read_day(edit.text(), FIELD_LABELS[name])
        except InvalidInputError as exc:
            values[name] = None
            problems[name] = exc.message


class MemberIdentityPage(QWidget):
    """Name, sex (for the parity statistics only), birth date and how to reach the person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_name = line(self, 120)
        self.first_name = line(self, 120)
        self.sex = combo(self, {None: self.tr("Not given"), Sex.FEMALE: labels.SEX[Sex.FEMALE],
                                Sex.MALE: labels.SEX[Sex.MALE]})
        self.birth_date = OptionalDateEdit(self)
        self.email = line(self, 254, "prenom.nom@exemple.fr")
        self.phone = line(self, 30, "06 12 34 56 78")
        self.address_line1 = line(self, 200, self.tr("number and street"))
        self.address_line2 = line(self, 200, self.tr("building, staircase, flat…"))
        self.postcode = line(self, 10, "31100")
        self.postcode.setMaximumWidth(self.fontMetrics().horizontalAdvance("000000") + 30)
        self.city = line(self, 100)
        self.preferred_channel = combo(self, dict(labels.CHANNEL))
        self._stored_phone = ""  # E.164, as saved
        self.widgets: dict[str, QWidget] = {
            "last_name": self.last_name, "first_name": self.first_name, "sex": self.sex,
            "birth_date": self.birth_date, "email": self.email, "phone": self.phone,
            "address_line1": self.address_line1, "address_line2": self.address_line2,
            "postcode": self.postcode, "city": self.city,
            "preferred_channel": self.preferred_channel,
        }
        self._build()
        self.phone.editingFinished.connect(self._show_phone_as_dialled)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(required_label(self.tr("Last name"), self.last_name), self.last_name)
        form.addRow(self.tr("First name:"), self.first_name)
        sex_row = QHBoxLayout()
        sex_row.addWidget(self.sex)
        sex_row.addWidget(hint(self.tr("used only for the women/men parity statistics"), self),
                          1)
        form.addRow(self.tr("Sex:"), sex_row)
        form.addRow(self.tr("Date of birth:"), self.birth_date)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Address:"), self.address_line1)
        form.addRow("", self.address_line2)
        town = QHBoxLayout()
        town.addWidget(self.postcode)
        town.addWidget(self.city, 1)
        form.addRow(self.tr("Postcode and town:"), town)
        form.addRow(self.tr("Convocations by:"), self.preferred_channel)

    def set_data(self, data: MemberData) -> None:
        for name in ("last_name", "first_name", "email", "address_line1", "address_line2",
                     "postcode", "city"):
            self.widgets[name].setText(getattr(data, name))  # type: ignore[attr-defined]
        self._stored_phone = data.phone
        self.phone.setText(fmt_phone(data.phone))
        select(self.sex, data.sex)
        self.birth_date.set_date(data.birth_date)
        select(self.preferred_channel, data.preferred_channel)

    def read(self, values: Values, problems: Problems) -> None:
        for name in ("last_name", "first_name", "email", "address_line1",
                     "address_line2", "postcode", "city"):
            values[name] = self.widgets[name].text()  # type: ignore[attr-defined]
        phone = self.phone.text()
        if self._stored_phone and phone.strip() == fmt_phone(self._stored_phone):
            phone = self._stored_phone  # left as shown: the number saved, checked then
        values["phone"] = phone
        values["sex"] = self.sex.currentData()
        values["preferred_channel"] = self.preferred_channel.currentData()
        read_dates({"birth_date": self.birth_date}, values, problems)

    def _show_phone_as_dialled(self) -> None:
        text = self.phone.text().strip()
        try:
            shown = fmt_phone(identifiers.normalise_phone(text)) if text else ""
        except InvalidInputError:
            return  # left as typed: the error is shown when saving
        if shown != text:
            self.phone.setText(shown)


class MembershipPage(QWidget):
    """College, structure represented, designation, seat and the membership dates."""

    def __init__(self, organisations: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.college = combo(self, dict(labels.COLLEGE_LONG))
        self.organisation = QComboBox(self)
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.addItem("", None)
        for choice in organisations:
            self.organisation.addItem(choice.label, choice.id)
        completer = self.organisation.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.organisation.lineEdit().setPlaceholderText(
            self.tr("type a few letters, then pick it in the list"))
        self.designation = combo(self, dict(labels.DESIGNATION))
        self.designation_source = line(
            self, 120, self.tr("e.g. landlord's list, electoral roll, volunteers' list"))
        self.seat = combo(self, dict(labels.SEAT))
        self.seat_note = hint("", self)
        self.joined_on = OptionalDateEdit(self)
        self.mandate_end_on = OptionalDateEdit(self)
        self.parental_authorisation_on = OptionalDateEdit(self)
        self.minor_note = QLabel(self.tr(
            "This member is under 16: note the date of the parental authorisation."), self)
        self.minor_note.setStyleSheet("color: #8a5300;")
        self.minor_note.hide()
        self.widgets: dict[str, QWidget] = {
            "college": self.college, "organisation_id": self.organisation,
            "designation": self.designation, "designation_source": self.designation_source,
            "seat": self.seat, "joined_on": self.joined_on,
            "mandate_end_on": self.mandate_end_on,
            "parental_authorisation_on": self.parental_authorisation_on,
        }
        self._build()
        self.college.currentIndexChanged.connect(self._college_changed)
        self._college_changed()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("College:"), self.college)
        self.organisation_label = QLabel(self.tr("Structure represented:"), self)
        form.addRow(self.organisation_label, self.organisation)
        form.addRow(self.tr("Designation:"), self.designation)
        form.addRow(self.tr("Source of the designation:"), self.designation_source)
        form.addRow(self.tr("Seat:"), self.seat)
        form.addRow("", self.seat_note)
        form.addRow(self.tr("Joined on:"), self.joined_on)
        form.addRow(self.tr("End of mandate:"), self.mandate_end_on)
        authorisation = QHBoxLayout()
        authorisation.addWidget(self.parental_authorisation_on)
        authorisation.addWidget(hint(self.tr("for members under 16 (association rule)"), self), 1)
        form.addRow(self.tr("Parental authorisation on:"), authorisation)
        form.addRow("", self.minor_note)

    def remind_parental_authorisation(self, shown: bool) -> None:
        self.minor_note.setVisible(shown)

    def set_data(self, data: MemberData, organisation_name: str, *,
                 seat: SeatEditing) -> None:
        select(self.college, data.college)
        index = self.organisation.findData(data.organisation_id)
        if index < 0 and data.organisation_id is not None:  # archived since: keep it
            self.organisation.addItem(organisation_name, data.organisation_id)
            index = self.organisation.count() - 1
        self.organisation.setCurrentIndex(max(index, 0))
        select(self.designation, data.designation)
        self.designation_source.setText(data.designation_source)
        self.set_seat(data.seat, seat)
        self.joined_on.set_date(data.joined_on)
        self.mandate_end_on.set_date(data.mandate_end_on)
        self.parental_authorisation_on.set_date(data.parental_authorisation_on)
        self._college_changed()

    def set_seat(self, seat: Seat, editing: SeatEditing) -> None:
        """A saved member's seat changes through a dated promotion; while the history
        holds only the joining, a seat entered wrongly can still be corrected here."""
        self.seat.setEnabled(editing is not SeatEditing.LOCKED)
        select(self.seat, seat)
        if editing is SeatEditing.CORRECTION:
            self.seat_note.setText(self.tr(
                "Change it here only to correct a mistake. A suppléant who becomes titulaire: "
                "use “Become titulaire” on the Status page, which keeps the date."))
        elif editing is SeatEditing.LOCKED and seat == Seat.SUPPLEANT:
            self.seat_note.setText(self.tr(
                "To make a suppléant titulaire, use “Become titulaire” on the Status page: "
                "the change is kept with its date."))
        self.seat_note.setVisible(editing is SeatEditing.CORRECTION
                                  or (editing is SeatEditing.LOCKED and seat == Seat.SUPPLEANT))

    def read(self, values: Values, problems: Problems) -> None:
        values["college"] = self.college.currentData()
        values["designation"] = self.designation.currentData()
        values["designation_source"] = self.designation_source.text()
        values["seat"] = self.seat.currentData()
        values["organisation_id"] = self._organisation_id(problems)
        read_dates({"joined_on": self.joined_on, "mandate_end_on": self.mandate_end_on,
                    "parental_authorisation_on": self.parental_authorisation_on},
                   values, problems)

    def _organisation_id(self, problems: Problems) -> int | None:
        if self.college.currentData() != College.LOCAL_ACTORS:
            return None
        text = self.organisation.currentText().strip()
        if not text:
            return None
        index = self.organisation.findText(text, Qt.MatchFlag.MatchFixedString)
        if index <= 0:
            problems["organisation_id"] = fill(self.tr(
                "“%1” is not in the list of structures: pick an existing one (or add it "
                "first in the Contacts tab)."), text)
            return None
        return int(self.organisation.itemData(index))

    def _college_changed(self) -> None:
        local = self.college.currentData() == College.LOCAL_ACTORS
        self.organisation.setEnabled(local)
        self.organisation_label.setEnabled(local)


def member_data(values: Values) -> MemberData:
    return MemberData(
        last_name=str(values["last_name"]), first_name=str(values["first_name"]),
        sex=values["sex"], birth_date=values["birth_date"],  # type: ignore[arg-type]
        email=str(values["email"]), phone=str(values["phone"]),
        address_line1=str(values["address_line1"]),
        address_line2=str(values["address_line2"]),
        postcode=str(values["postcode"]), city=str(values["city"]),
        preferred_channel=ContactChannel(values["preferred_channel"]),
        college=College(values["college"]), seat=Seat(values["seat"]),
        designation=Designation(values["designation"]),
        designation_source=str(values["designation_source"]),
        organisation_id=values["organisation_id"],  # type: ignore[arg-type]
        joined_on=values["joined_on"],  # type: ignore[arg-type]
        mandate_end_on=values["mandate_end_on"],  # type: ignore[arg-type]
        parental_authorisation_on=values["parental_authorisation_on"],  # type: ignore[arg-type]
    )


"""The member form: a new member, or a member's card, in five pages.

*Identité et coordonnées* and *Adhésion* hold the plain fields; *Statut*
adds dated status changes and the promotion of a suppléant; *Rôles* and
*Consentements* keep their dates. Nothing is written until *Enregistrer*:
then every problem of the form is listed at once (the fields in red, their
pages marked), or the whole form is saved in one transaction
(:func:`member_changes.save_member_form`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.db.models import ConsentKind, MemberStatus, Seat, VocabularyKind
from conseil_desktop.errors import UserError
from conseil_desktop.services import contact_links, member_changes, member_homonyms
from conseil_desktop.services.council import Term, terms
from conseil_desktop.services.member_changes import MemberDetail, MemberForm
from conseil_desktop.services.member_checks import (
    labelled,
    member_problems,
    needs_parental_authorisation,
    read_day,
)
from conseil_desktop.services.members import MemberData
from conseil_desktop.ui.dialogs import ask, errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.members.member_form import (
    MemberIdentityPage,
    MembershipPage,
    Problems,
    SeatEditing,
    Values,
    hint,
    member_data,
)
from conseil_desktop.ui.members.member_form_consents import (
    MemberConsentsPage,
    consent_field,
)
from conseil_desktop.ui.members.member_form_history import (
    MemberRolesPage,
    MemberStatusPage,
)
from conseil_desktop.ui.tabs.protocol import SessionScope

MINIMUM_SIZE = (780, 600)
ERROR_COLOUR = "#b3261e"
HOMONYMS_LISTED = 4  # members of the same name named in the question; then « et N autres »
STYLE = f"""
*[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}
QLabel#member_form_problems {{
    color: {ERROR_COLOUR}; background: #fdecea; border: 1px solid {ERROR_COLOUR};
    border-radius: 4px; padding: 6px;
}}
"""


class MemberDialog(QDialog):
    def __init__(self, session_scope: SessionScope, person_id: int | None = None,
                 parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._session_scope = session_scope
        self.person_id = person_id
        self.saved_id: int | None = None
        self._existing = False
        self._seat_editing = SeatEditing.FREE
        self.today = today or date.today()
        self.setMinimumSize(*MINIMUM_SIZE)
        self.setStyleSheet(STYLE)
        with session_scope() as session:
            organisations = contact_links.organisation_choices(session)
            active_roles = terms(session, VocabularyKind.ROLE)
            detail = (member_changes.member_detail(session, person_id)
                      if person_id is not None else None)
            role_labels = (detail.role_labels if detail is not None else
                           {t.code: t.label for t in active_roles})
        self._stored = detail.data if detail is not None else None  # as saved
        self.problems = QLabel(self)
        self.problems.setObjectName("member_form_problems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        self.identity = MemberIdentityPage(self)
        self.membership = MembershipPage(organisations, self)
        self.status = MemberStatusPage(self.today, self)
        self.roles = MemberRolesPage(self.today, self)
        self.consents = MemberConsentsPage(self.today, self)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.identity, self.tr("&Identity and contact"))
        self.pages.addTab(self.membership, self.tr("&Membership"))
        self.pages.addTab(self.status, self.tr("&Status and history"))
        self.pages.addTab(self.roles, self.tr("&Roles"))
        self.pages.addTab(self.consents, self.tr("C&onsents"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status.seat_changed.connect(self._seat_changed)
        self.membership.seat.currentIndexChanged.connect(self._seat_corrected)
        self.status.seat_changed.connect(self._remind_roles)  # after every status change
        self.roles.edited.connect(self._remind_roles)
        self.identity.birth_date.textChanged.connect(self._check_minor)
        self.membership.parental_authorisation_on.textChanged.connect(self._check_minor)
        self._build()
        self._load(detail, role_labels, active_roles)
        self._as_opened = self.collected()
        self.identity.last_name.setFocus()

    def _build(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(hint(self.tr("* required field"), self), 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

    def _load(self, detail: MemberDetail | None, role_labels: dict[str, str],
              active_roles: list[Term]) -> None:
        existing = self._existing = detail is not None and detail.is_member
        if detail is None:
            self.setWindowTitle(self.tr("New member"))
            self.membership.set_seat(Seat.TITULAIRE, SeatEditing.FREE)
            self.status.load([], MemberStatus.ACTIVE, None, Seat.TITULAIRE, existing=False)
            self.roles.load([], role_labels, active_roles)
            self.consents.load({})
            return
        data = detail.data
        self.setWindowTitle(fill(self.tr("Member: %1"),
                                 f"{data.first_name} {data.last_name}".strip()))
        self.identity.set_data(data)
        self._seat_editing = (SeatEditing.FREE if not existing else SeatEditing.CORRECTION
                              if len(detail.history) <= 1 else SeatEditing.LOCKED)
        self.membership.set_data(data, detail.organisation_name, seat=self._seat_editing)
        self.status.load(detail.history, detail.status, detail.status_since, data.seat,
                         existing=existing)
        self.roles.load(detail.roles, role_labels, active_roles)
        self.consents.load(detail.consents)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field of the status or roles pages (or in the structure picker)
        belongs to that field: it must not save and close the whole form."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if focus in (self.roles.started_on, self.roles.ended_on, self.roles.role):
                self.roles.add_role()
                event.accept()
                return
            if focus is self.roles.end_on:
                self.roles.end_selected()
                event.accept()
                return
            if focus in (self.status.effective_on, self.status.new_status,
                         self.membership.organisation,
                         self.membership.organisation.lineEdit()):
                event.accept()
                return
        super().keyPressEvent(event)

    def _check_minor(self) -> None:
        """A reminder, never a block: an under-16 with no parental authorisation."""
        try:
            born = read_day(self.identity.birth_date.text(), "")
            authorised = read_day(self.membership.parental_authorisation_on.text(), "")
        except UserError:
            return  # a date being typed; its error is shown when saving
        self.membership.remind_parental_authorisation(
            needs_parental_authorisation(born, authorised, self.today))

    def _seat_changed(self, seat: Seat) -> None:
        """The seat once the status page's changes apply (locked while any is pending)."""
        if self._existing:
            locked = self.status.pending or self._seat_editing is SeatEditing.LOCKED
            self.membership.set_seat(seat, SeatEditing.LOCKED if locked else self._seat_editing)

    def _remind_roles(self) -> None:
        self.status.remind_roles(self.roles.held())

    def _seat_corrected(self) -> None:
        if self._existing and self.membership.seat.isEnabled():
            self.status.correct_seat(Seat(self.membership.seat.currentData()))

    # -- reading and checking -----------------------------------------------------------------

    def collected(self) -> tuple[MemberForm, Problems]:
        """The form, and every problem found in it (field name -> French message)."""
        values: Values = {}
        problems: Problems = {}
        self.identity.read(values, problems)
        self.membership.read(values, problems)
        data = member_data(values)
        if self._existing:
            data.seat = self.status.base_seat()  # a promotion comes as a dated change
        for name, message in member_problems(data, today=self.today,
                                             stored=self._stored).items():
            problems.setdefault(name, message)
        consents = self.consents.read(problems)
        roles = self.roles.rows if self.roles.changed() else None
        return MemberForm(data, list(self.status.pending), roles, consents), problems

    def show_problems(self, problems: Problems) -> None:
        """Every problem listed above the pages; the fields in red, their pages marked."""
        pages_with_problems: set[int] = set()
        for name, widget, page in self._fields():
            message = problems.get(name)
            widget.setProperty("invalid", message is not None)
            widget.setToolTip(message or "")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            if message is not None:
                pages_with_problems.add(page)
        bar = self.pages.tabBar()
        for index in range(self.pages.count()):
            colour = QColor(ERROR_COLOUR) if index in pages_with_problems else QColor()
            bar.setTabTextColor(index, colour)
        if not problems:
            self.problems.hide()
            return
        order = {name: position for position, (name, _, _) in enumerate(self._fields())}
        names = sorted(problems, key=lambda name: order.get(name, len(order)))
        lines = [f"– {labelled(name, problems[name])}" for name in names]
        self.problems.setText(
            self.tr("Nothing was saved. Please correct:") + "\n" + "\n".join(lines))
        self.problems.show()
        if pages_with_problems and self.pages.currentIndex() not in pages_with_problems:
            self.pages.setCurrentIndex(min(pages_with_problems))

    def _fields(self) -> list[tuple[str, QWidget, int]]:
        fields = [(name, widget, 0) for name, widget in self.identity.widgets.items()]
        fields += [(name, widget, 1) for name, widget in self.membership.widgets.items()]
        fields += [(consent_field(kind), self.consents.widget_for(kind), 4)
                   for kind in ConsentKind]
        return fields

    def has_changes(self) -> bool:
        """Something was typed or chosen since the form opened."""
        return self.collected() != self._as_opened

    def reject(self) -> None:
        """*Annuler*, Échap or the window's cross: ask before losing what was typed."""
        if self.saved_id is None and self.has_changes() and not ask.confirm_discard(
                self, self.windowTitle()):
            return
        super().reject()

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save and close when the form is right; otherwise show why and stay open."""
        form, problems = self.collected()
        self.show_problems(problems)
        if problems:
            return False
        if self.person_id is None and not self._not_a_second_record(form.data):
            return False
        try:
            with self._session_scope() as session:
                saved = member_changes.save_member_form(session, self.person_id, form,
                                                        today=self.today)
        except UserError as exc:
            self.problems.setText(self.tr("Nothing was saved:") + "\n" + exc.message)
            self.problems.show()
            return False
        self.saved_id = self.person_id = saved
        self.accept()
        return True


    def _not_a_second_record(self, data: MemberData) -> bool:
        """A new member whose name (accents and case aside) members already have: saved
        only when the user says it is someone else. Every such member is named, with what
        tells them apart; the one with the same phone, e-mail or birth date first."""
        with self._session_scope() as session:
            found = member_homonyms.homonyms(session, data)
        if not found:
            return True
        if len(found) == 1:
            intro = self.tr("A member of the council already has this name:")
        else:
            intro = fill(self.tr("%1 members of the council already have this name:"),
                         str(len(found)))
        listed = [f"• {homonym.describe()}" for homonym in found[:HOMONYMS_LISTED]]
        if len(found) > HOMONYMS_LISTED:
            listed.append(fill(self.tr("… and %1 others"), str(len(found) - HOMONYMS_LISTED)))
        question = "\n".join([intro, *listed, "", self.tr(
            "Save a second record anyway? Answer Yes only if this is someone else with the "
            "same name (Find duplicates merges two records of one person).")])
        return ask.confirm(self, self.tr("Already a member"), question)


def edit_member(parent: QWidget | None, session_scope: SessionScope,
                person_id: int | None) -> int | None:
    """Show the member form (a new member when ``person_id`` is None); the id saved, or
    None when cancelled."""
    try:
        dialog = MemberDialog(session_scope, person_id, parent)
    except UserError as exc:  # e.g. the member was anonymised or merged meanwhile
        errors.show_user_error(parent, QCoreApplication.translate("MemberDialog", "Member"),
                               exc)
        return None
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.saved_id
        return None
    finally:
        dialog.deleteLater()

"""The *Contacts* tab: organisations and people together, their pages, their forms.

The list is read once (``search_contacts``) and filtered in memory as the
user types; the type filter and "show archived" read it again. The page of
the selected contact is shown beside the list.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QTableView, QWidget

from conseil_desktop.db.models import VocabularyKind
from conseil_desktop.errors import UserError
from conseil_desktop.services import contact_queries, council
from conseil_desktop.services.contact_queries import ContactKind, ContactRow
from conseil_desktop.services.council import Term
from conseil_desktop.ui.contacts import contact_page
from conseil_desktop.ui.contacts.exports import ContactExports
from conseil_desktop.ui.contacts.layout import TabWidgets, build_tab
from conseil_desktop.ui.contacts.model import UNSORTED, Column, ContactsModel, Shown
from conseil_desktop.ui.contacts.organisation_dialog import OrganisationDialog
from conseil_desktop.ui.contacts.person_dialog import PersonDialog
from conseil_desktop.ui.contacts.removal import ContactRemoval
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.tabs.protocol import SessionScope
from conseil_desktop.ui.tabs.shortcuts import add_tab_shortcut

log = logging.getLogger(__name__)

MAX_INITIAL_COLUMN_WIDTH = 200
FIT_SAMPLE_ROWS = 200
COLUMN_PADDING = 24  # the cell's margins and the header's sort arrow
Form = TypeVar("Form", OrganisationDialog, PersonDialog)


class ContactsTab(QWidget):
    contacts_changed = Signal()  # an organisation or a person was saved, deleted or archived
    message_posted = Signal(str)  # what was just done, for the status bar

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session_scope = session_scope
        self._stale = True
        self._columns_fitted = False
        self._load_seconds = 0.0
        self._page_of: tuple[ContactKind, int] | None = None  # whose page is shown
        self.model = ContactsModel(self)
        self.exports = ContactExports(session_scope, self)
        self.removal = ContactRemoval(session_scope, self)
        self.dialog: QDialog | None = None  # the form opened from the tab, while open
        self.ui: TabWidgets = build_tab(self, self.model, self.exports.actions())
        self.view: QTableView = self.ui.view
        self.search = self.ui.search
        self.count_label = self.ui.count_label
        self._add_actions()
        self._connect()
        self._on_current_changed()

    # -- the interface the main window uses -----------------------------------------

    @property
    def load_seconds(self) -> float:
        """How long the last load took."""
        return self._load_seconds

    @property
    def is_loaded(self) -> bool:
        return not self._stale

    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def invalidate(self) -> None:
        """The database changed: read again now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def export_actions(self) -> list[QAction]:
        return self.exports.actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    # -- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        started = time.perf_counter()
        self._page_of = None  # the page may have changed too
        current = self.current_row()
        kind_code = self.ui.type_filter.currentData()
        with self._session_scope() as session:
            kinds = council.terms(session, VocabularyKind.ORGANISATION_KIND)
            rows = contact_queries.search_contacts(
                session, kind_code=kind_code or None,
                include_archived=self.ui.archived_check.isChecked())
        self._fill_types(kinds, kind_code)
        self.model.set_rows(rows)
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() != UNSORTED:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if not self._columns_fitted and rows:
            self._fit_columns()
        self._stale = False
        if current is not None:
            self.select(current.kind, current.id)
        self._update_count()
        self._on_current_changed()
        self._load_seconds = time.perf_counter() - started
        log.info("contacts: %d rows loaded in %.3f s", len(rows), self._load_seconds)

    def _fill_types(self, kinds: list[Term], current: str | None) -> None:
        combo = self.ui.type_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All types"), "")
        for term in kinds:
            combo.addItem(term.label, term.code)
        combo.setCurrentIndex(max(combo.findData(current or ""), 0))
        combo.blockSignals(False)

    def _fit_columns(self) -> None:
        """Size the columns to their content once (measured on the first rows, which is
        ten times faster than asking the view); after that the user's widths stay."""
        self._columns_fitted = True
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        sample = range(min(FIT_SAMPLE_ROWS, self.model.rowCount()))
        for column in range(self.model.columnCount()):
            texts = [self.model.data(self.model.index(row, column)) for row in sample]
            texts.append(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(str(text)) for text in texts)
            header.resizeSection(column, min(widest + COLUMN_PADDING, MAX_INITIAL_COLUMN_WIDTH))

    def _apply_filter(self) -> None:
        current = self.current_row()
        self.model.set_filter(self.search.text(), Shown(self.ui.shown_filter.currentData()))
        if current is not None:
            self.select(current.kind, current.id)  # still shown: stays selected
        self._update_count()
        self._on_current_changed()

    def _update_count(self) -> None:
        total, shown = self.model.total_count(), self.model.rowCount()
        if shown == total:
            text = self.tr("%Ln contact(s)", "", total)
        else:
            text = fill(self.tr("%1 of %Ln contact(s)", "", total), QLocale().toString(shown))
        self.count_label.setText(text)

    # -- selection and the contact's page ----------------------------------------------

    def current_row(self) -> ContactRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.row_at(index.row())

    def select(self, kind: ContactKind, record_id: int) -> bool:
        row = self.model.find(kind, record_id)
        if row < 0:
            return False
        index = self.model.index(row, Column.NAME)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def _on_current_changed(self) -> None:
        row = self.current_row()
        self.ui.edit_button.setEnabled(row is not None)
        self.ui.delete_button.setEnabled(row is not None)
        archived_org = row is not None and row.archived and row.kind is ContactKind.ORGANISATION
        self.ui.restore_button.setEnabled(archived_org)
        self.ui.restore_button.setVisible(self.ui.archived_check.isChecked())
        if row is None:
            hint = self.tr("Select a contact to see its page.")
            self.ui.page.setHtml(f"<p><i>{escape(hint)}</i></p>")
            self._page_of = None
        elif self._page_of != (row.kind, row.id):  # not when the filter kept it selected
            self.show_page(row.kind, row.id)

    def show_page(self, kind: ContactKind, record_id: int) -> None:
        self._page_of = (kind, record_id)
        try:
            with self._session_scope() as session:
                if kind is ContactKind.ORGANISATION:
                    html = contact_page.organisation_page(
                        contact_queries.get_organisation(session, record_id))
                else:
                    html = contact_page.person_page(contact_queries.get_contact(session,
                                                                                record_id))
        except UserError as exc:  # deleted meanwhile
            html = f"<p><i>{escape(exc.message)}</i></p>"
        self.ui.page.setHtml(html)

    def _on_link(self, url: QUrl) -> None:
        target = contact_page.parse_link(url.toString())
        if target is not None and not self.select(*target):
            self.show_page(*target)  # not in the list as filtered: show its page anyway

    # -- actions ---------------------------------------------------------------------------

    def new_organisation(self) -> OrganisationDialog:
        return self._open(OrganisationDialog(self._session_scope, parent=self),
                          ContactKind.ORGANISATION)

    def new_contact(self) -> PersonDialog:
        return self._open(PersonDialog(self._session_scope, parent=self), ContactKind.PERSON)

    def edit_current(self) -> QDialog | None:
        row = self.current_row()
        if row is None:
            return None
        try:
            if row.kind is ContactKind.ORGANISATION:
                return self._open(OrganisationDialog(self._session_scope, row.id, self),
                                  row.kind)
            return self._open(PersonDialog(self._session_scope, row.id, parent=self), row.kind)
        except UserError as exc:  # deleted meanwhile
            errors.show_user_error(self, self.tr("Contacts"), exc)
            self.reload()
            return None

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        done = self.removal.delete(row)
        if done is not None:
            self._changed(done)

    def restore_current(self) -> None:
        row = self.current_row()
        if row is not None and row.archived and row.kind is ContactKind.ORGANISATION:
            done = self.removal.restore(row)
            if done is not None:
                self._changed(done)
                self.select(row.kind, row.id)

    def _open(self, dialog: Form, kind: ContactKind) -> Form:
        dialog.saved.connect(lambda record_id: self._saved(kind, record_id))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.view.setFocus()

    def _saved(self, kind: ContactKind, record_id: int) -> None:
        self.reload()
        self.select(kind, record_id)
        self.contacts_changed.emit()

    def _changed(self, message: str) -> None:
        self.reload()
        self.contacts_changed.emit()
        self.message_posted.emit(message)

    def _exported(self, path: Path) -> None:
        self.message_posted.emit(fill(self.tr("File written: %1"), path))

    # -- wiring ----------------------------------------------------------------------------

    def _add_actions(self) -> None:
        add_tab_shortcut(self, self._action(QKeySequence.StandardKey.New, self.new_contact))
        add_tab_shortcut(self, self._action(QKeySequence.StandardKey.Find, self._focus_search))
        for keys, slot in ((QKeySequence(Qt.Key.Key_Return), self.edit_current),
                           (QKeySequence(Qt.Key.Key_Enter), self.edit_current),
                           (QKeySequence.StandardKey.Delete, self.delete_current)):
            action = self._action(keys, slot)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        return action

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _connect(self) -> None:
        ui = self.ui
        self.search.textChanged.connect(self._apply_filter)
        ui.shown_filter.currentIndexChanged.connect(self._apply_filter)
        ui.type_filter.currentIndexChanged.connect(self.reload)
        ui.archived_check.toggled.connect(self.reload)
        ui.new_organisation_button.clicked.connect(self.new_organisation)
        ui.new_contact_button.clicked.connect(self.new_contact)
        ui.edit_button.clicked.connect(self.edit_current)
        ui.delete_button.clicked.connect(self.delete_current)
        ui.restore_button.clicked.connect(self.restore_current)
        ui.page.anchorClicked.connect(self._on_link)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        # selectionChanged, not currentRowChanged: a mouse click moves the current row
        # before it selects it, and the page would read "nothing selected".
        self.view.selectionModel().selectionChanged.connect(self._on_current_changed)
        self.exports.exported.connect(self._exported)
        self.exports.cancelled.connect(
            lambda: self.message_posted.emit(self.tr("Export cancelled: no file written.")))


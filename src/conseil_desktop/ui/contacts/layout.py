"""The widgets of the *Contacts* tab and how they are laid out."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from conseil_desktop.ui.contacts.model import UNSORTED, ContactsModel, Shown

LIST_SHARE, PAGE_SHARE = 5, 2  # how the splitter divides the width
translate = QCoreApplication.translate  # the tab's own context, for lupdate and at run time


@dataclass
class TabWidgets:
    search: QLineEdit
    type_filter: QComboBox
    shown_filter: QComboBox
    archived_check: QCheckBox
    count_label: QLabel
    new_organisation_button: QPushButton
    new_contact_button: QPushButton
    edit_button: QPushButton
    delete_button: QPushButton
    restore_button: QPushButton
    export_button: QToolButton
    view: QTableView
    page: QTextBrowser
    splitter: QSplitter


def build_tab(tab: QWidget, model: ContactsModel, export_actions: list[QAction]) -> TabWidgets:
    ui = TabWidgets(
        search=QLineEdit(tab), type_filter=QComboBox(tab), shown_filter=QComboBox(tab),
        archived_check=QCheckBox(translate("ContactsTab", "Show archived organisations"), tab),
        count_label=QLabel(tab),
        new_organisation_button=QPushButton(translate("ContactsTab", "New &organisation…"), tab),
        new_contact_button=QPushButton(translate("ContactsTab", "&New contact…"), tab),
        edit_button=QPushButton(translate("ContactsTab", "&Edit…"), tab),
        delete_button=QPushButton(translate("ContactsTab", "&Delete…"), tab),
        restore_button=QPushButton(translate("ContactsTab", "&Restore"), tab),
        export_button=QToolButton(tab), view=QTableView(tab), page=QTextBrowser(tab),
        splitter=QSplitter(tab),
    )
    _set_up_inputs(tab, ui, export_actions)
    _set_up_view(ui.view, model)
    ui.page.setOpenLinks(False)
    ui.page.setAccessibleName(translate("ContactsTab", "Contact's page"))
    ui.splitter.addWidget(ui.view)
    ui.splitter.addWidget(ui.page)
    ui.splitter.setStretchFactor(0, LIST_SHARE)
    ui.splitter.setStretchFactor(1, PAGE_SHARE)
    ui.splitter.setChildrenCollapsible(False)
    ui.splitter.setSizes([LIST_SHARE * 1000, PAGE_SHARE * 1000])  # in proportion
    filters = QHBoxLayout()
    for widget in (ui.search, ui.type_filter, ui.shown_filter, ui.archived_check):
        filters.addWidget(widget, 1 if widget is ui.search else 0)
    filters.addWidget(ui.count_label)
    buttons = QHBoxLayout()
    for button in (ui.new_organisation_button, ui.new_contact_button, ui.edit_button,
                   ui.delete_button, ui.restore_button):
        buttons.addWidget(button)
    buttons.addStretch(1)
    buttons.addWidget(ui.export_button)
    layout = QVBoxLayout(tab)
    layout.addLayout(filters)
    layout.addLayout(buttons)
    layout.addWidget(ui.splitter, 1)
    return ui


def _set_up_inputs(tab: QWidget, ui: TabWidgets, export_actions: list[QAction]) -> None:
    ui.search.setPlaceholderText(
        translate("ContactsTab", "Search a name, an organisation, a role, a phone…"))
    ui.search.setClearButtonEnabled(True)
    ui.search.setAccessibleName(translate("ContactsTab", "Search"))
    ui.type_filter.setAccessibleName(translate("ContactsTab", "Type of organisation"))
    ui.type_filter.addItem(translate("ContactsTab", "All types"), "")
    ui.shown_filter.setAccessibleName(translate("ContactsTab", "Organisations or people"))
    for label, shown in ((translate("ContactsTab", "Organisations and people"), Shown.ALL),
                         (translate("ContactsTab", "Organisations"), Shown.ORGANISATIONS),
                         (translate("ContactsTab", "People"), Shown.PEOPLE)):
        ui.shown_filter.addItem(label, shown.value)
    ui.new_contact_button.setToolTip(
        translate("ContactsTab", "A person with a role in an organisation (Ctrl+N)"))
    ui.restore_button.setToolTip(
        translate("ContactsTab", "Bring the archived organisation back into the lists"))
    ui.restore_button.hide()
    menu = QMenu(ui.export_button)
    menu.addActions(export_actions)
    ui.export_button.setText(translate("ContactsTab", "E&xport"))
    ui.export_button.setMenu(menu)
    ui.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)


def _set_up_view(view: QTableView, model: ContactsModel) -> None:
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    rows.hide()
    columns = view.horizontalHeader()
    columns.setSortIndicatorClearable(True)
    columns.setSortIndicator(UNSORTED, columns.sortIndicatorOrder())
    columns.setHighlightSections(False)
    columns.setStretchLastSection(True)
    view.setSortingEnabled(True)

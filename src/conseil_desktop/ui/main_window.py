"""The main window: four tabs, the menus, and the open database's path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from conseil_desktop import APP_NAME, __version__, paths
from conseil_desktop.errors import UserError
from conseil_desktop.ui import workers
from conseil_desktop.ui.contacts import ContactsTab
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.dialogs import ask, errors, settings_dialog
from conseil_desktop.ui.documents import global_exports
from conseil_desktop.ui.file_actions import FileActions
from conseil_desktop.ui.i18n import fill
from conseil_desktop.ui.meetings.tab import MeetingsTab
from conseil_desktop.ui.members.composition_panel import show_composition
from conseil_desktop.ui.members.tab import MembersTab
from conseil_desktop.ui.preferences import Preferences
from conseil_desktop.ui.projects import ProjectsTab
from conseil_desktop.ui.tabs.protocol import DataTab

DEFAULT_SIZE = (1100, 700)


class MainWindow(QMainWindow):
    def __init__(self, database: Database, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._preferences = preferences
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.list_tabs = self._add_tabs()
        self.setCentralWidget(self.tabs)
        self.path_label = QLabel(self)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.path_label)  # no stretch: messages show too
        self.file_actions = FileActions(self, database, preferences)
        self.settings_action = QAction(self.tr("Council &settings…"), self)
        self.composition_action = QAction(self.tr("Council &composition…"), self)
        self.about_action = QAction(self.tr("&About Conseil Desktop"), self)
        self._build_menus()
        self._connect_tabs()
        database.switched.connect(self._on_database_switched)
        self._show_database(database.path)
        self._restore_geometry()

    def _add_tabs(self) -> list[DataTab]:
        self.members_tab = MembersTab(self.database.session_scope, self.tabs)
        self.meetings_tab = MeetingsTab(self.database.session_scope, self.tabs)
        self.projects_tab = ProjectsTab(self.database.session_scope, self.tabs)
        self.contacts_tab = ContactsTab(self.database.session_scope, self.tabs)
        tabs: list[tuple[DataTab, str]] = [
            (self.members_tab, self.tr("Members")),
            (self.meetings_tab, self.tr("Meetings")),
            (self.projects_tab, self.tr("Projects")),
            (self.contacts_tab, self.tr("Contacts")),
        ]
        for tab, title in tabs:
            self.tabs.addTab(tab, title)
        return [tab for tab, _ in tabs]

    def _connect_tabs(self) -> None:
        """Tabs do not know each other: the window passes their news along."""
        self.projects_tab.project_saved.connect(lambda _id: self.contacts_tab.invalidate())
        self.projects_tab.project_deleted.connect(lambda _id: self.contacts_tab.invalidate())
        self.contacts_tab.contacts_changed.connect(self.projects_tab.invalidate)
        self.contacts_tab.contacts_changed.connect(self.members_tab.invalidate)
        self.members_tab.members_changed.connect(self.contacts_tab.invalidate)
        self.members_tab.members_changed.connect(self.projects_tab.invalidate)
        self.members_tab.message_posted.connect(
            lambda text: self.statusBar().showMessage(text, 8000))
        self.contacts_tab.message_posted.connect(
            lambda text: self.statusBar().showMessage(text, 8000))
        self.meetings_tab.project_requested.connect(self._open_project)
        self.meetings_tab.meetings_changed.connect(self.projects_tab.invalidate)
        self.meetings_tab.meetings_changed.connect(self.members_tab.invalidate)
        self.database.about_to_change.connect(self._finish_background_work)
        self.database.about_to_change.connect(self.meetings_tab.close_windows)

    def _finish_background_work(self) -> None:
        """Exports read the open file: let them finish before it is closed or replaced."""
        self.projects_tab.wait_for_exports()
        workers.wait_for_tasks()

    def _open_project(self, project_id: int) -> None:
        self.tabs.setCurrentWidget(self.projects_tab)
        self.projects_tab.open_project(project_id)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.file_actions.fill(file_menu)
        export_menu = bar.addMenu(self.tr("E&xport"))
        export_menu.addActions(self.projects_tab.export_actions())
        export_menu.addSeparator()
        export_menu.addActions(self.contacts_tab.export_actions())
        export_menu.addSeparator()
        export_menu.addActions(global_exports.export_actions(self, self.database.session_scope))
        council_menu = bar.addMenu(self.tr("&Council"))
        self.composition_action.triggered.connect(
            lambda: show_composition(self, self.database.session_scope))
        council_menu.addAction(self.composition_action)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.edit_settings)
        council_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def edit_settings(self) -> None:
        if settings_dialog.edit_settings(self, self.database.session_scope):
            self.statusBar().showMessage(self.tr("Council settings saved."), 5000)

    def show_about(self) -> None:
        text = self.tr(
            "Conseil Desktop %1\nOffline management of a conseil citoyen.\n\n"
            "Open database: %2\nData folder (backups, preferences): %3\nLog file: %4"
        )
        text = fill(text, __version__, self.database.path, paths.data_dir(), paths.log_file())
        ask.show_info(self, self.tr("About Conseil Desktop"), text)

    def _on_database_switched(self, path: Path) -> None:
        self._show_database(path)
        self.members_tab.member_actions.forget_undo()  # its member may not be there any more
        for tab in self.list_tabs:
            tab.invalidate()

    def _show_database(self, path: Path) -> None:
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.path_label.setText(fill(self.tr("Database: %1"), path))
        self.path_label.setToolTip(str(path))

    def _restore_geometry(self) -> None:
        geometry = self._preferences.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        state = self._preferences.window_state
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._preferences.window_geometry = self.saveGeometry()
        self._preferences.window_state = self.saveState()
        self._preferences.sync()
        try:
            self.database.close()
        except UserError as exc:  # the closing backup failed; the file itself is saved
            errors.show_user_error(self, self.tr("Closing"), exc)
        super().closeEvent(event)

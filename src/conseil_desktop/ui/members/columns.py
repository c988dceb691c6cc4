"""Which columns of the members list are shown: a menu of check boxes, opened from
the *Colonnes* button or by right-clicking the header, remembered between sessions
in the preferences file."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from conseil_desktop import paths
from conseil_desktop.ui.members.model import MembersModel

SETTINGS_KEY = "members/columns"
ALWAYS_SHOWN = "last_name"


def preferences() -> QSettings:
    return QSettings(str(paths.preferences_file()), QSettings.Format.IniFormat)


class ColumnChooser(QObject):
    column_shown = Signal(str)  # a column key, when the user shows it

    def __init__(self, view: QTableView, model: MembersModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self.menu = QMenu(view)
        self.menu.setTitle(self.tr("Columns"))
        self.actions: dict[str, QAction] = {}
        for column in model.columns:
            action = QAction(column.header, self.menu)
            action.setCheckable(True)
            action.setEnabled(column.key != ALWAYS_SHOWN)
            action.toggled.connect(lambda on, key=column.key: self.set_shown(key, on))
            self.menu.addAction(action)
            self.actions[column.key] = action
        self.menu.addSeparator()
        reset = self.menu.addAction(self.tr("Default columns"))
        reset.triggered.connect(self.reset)
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.apply(self._saved(), remember=False)

    def _saved(self) -> list[str]:
        value = preferences().value(SETTINGS_KEY)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            return self.default_keys()
        known = {c.key for c in self._model.columns}
        return [key for key in value if key in known] or self.default_keys()

    def default_keys(self) -> list[str]:
        return [c.key for c in self._model.columns if c.shown]

    def shown_keys(self) -> list[str]:
        header = self._view.horizontalHeader()
        return [c.key for i, c in enumerate(self._model.columns) if not header.isSectionHidden(i)]

    def apply(self, keys: list[str], *, remember: bool = True) -> None:
        wanted = set(keys) | {ALWAYS_SHOWN}
        for column in self._model.columns:
            self.set_shown(column.key, column.key in wanted, remember=remember)

    def set_shown(self, key: str, shown: bool, *, remember: bool = True) -> None:
        action = self.actions[key]
        if action.isChecked() != shown:
            action.blockSignals(True)
            action.setChecked(shown)
            action.blockSignals(False)
        column = self._model.column_of(key)
        header = self._view.horizontalHeader()
        if header.isSectionHidden(column) != shown:
            return  # already so
        header.setSectionHidden(column, not shown)
        if shown:
            self.column_shown.emit(key)
        if remember:
            settings = preferences()
            settings.setValue(SETTINGS_KEY, self.shown_keys())
            settings.sync()

    def reset(self) -> None:
        self.apply(self.default_keys())

    def _header_menu(self, point: QPoint) -> None:
        header: QHeaderView = self._view.horizontalHeader()
        self.menu.popup(header.mapToGlobal(point))

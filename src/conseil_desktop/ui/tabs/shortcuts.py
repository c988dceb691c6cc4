"""Shortcuts that belong to a whole tab of the main window (Ctrl+N, Ctrl+F…)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def add_tab_shortcut(tab: QWidget, action: QAction) -> QAction:
    """Make ``action``'s shortcut work anywhere in the window while ``tab`` shows.

    The tab's own context (its widgets and their children) missed the moment right
    after a click on the tab's title, the focus still on the row of tabs: Ctrl+N did
    nothing there. A hidden tab's shortcuts are off, so the tabs' Ctrl+N never clash.
    """
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    tab.addAction(action)
    return action

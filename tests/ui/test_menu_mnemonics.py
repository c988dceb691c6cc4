"""The main window's menus in French: each Alt+letter leads to one entry of its menu.

Two entries sharing a letter make the letter only move between them: in *Exporter*,
« Portefeuille des projets (&Excel) » and « Contacts (&Excel) » both took E, and the
president who pressed E then Entrée got the projects when she wanted the contacts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from conseil_desktop.ui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def shared_letters(actions: list[QAction]) -> dict[str, list[str]]:
    """Letters that more than one visible entry of one menu claims."""
    claims: dict[str, list[str]] = defaultdict(list)
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        found = _MNEMONIC.search(action.text().replace("&&", ""))
        if found:
            claims[found[1].lower()].append(action.text())
    return {letter: texts for letter, texts in claims.items() if len(texts) > 1}


def every_menu(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[QAction]]:
    """The menu bar, its menus and submenus, the buttons' menus, the lists' context menus
    (those made of their actions, and the members list's own), by a name for the report."""
    menus: dict[str, list[QAction]] = {"menu bar": window.menuBar().actions()}

    def walk(menu: QMenu, name: str) -> None:
        menus[name] = menu.actions()
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{name} > {action.text()}")

    for action in window.menuBar().actions():
        walk(action.menu(), action.text())
    for number, menu in enumerate(window.findChildren(QMenu)):
        if menu.parent() is not window.menuBar():
            walk(menu, f"{type(menu.parent()).__name__} menu {number} {menu.title()}")
    for widget in window.findChildren(QWidget):
        if widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
            menus[f"context menu of {widget.objectName() or type(widget).__name__}"] = (
                widget.actions())
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *_args: shown.append(menu))
    window.members_tab.view.customContextMenuRequested.emit(QPoint(1, 1))
    assert shown, "the members list shows no context menu any more"
    menus["context menu of the members"] = shown[0].actions()
    return menus


def test_no_two_entries_of_a_menu_share_a_letter(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(window.tabs.count()):  # every tab built and loaded
        window.tabs.setCurrentIndex(index)
    window.members_tab.view.selectRow(0)  # the actions on a member shown
    menus = every_menu(window, monkeypatch)
    assert "E&xporter" in menus
    assert len(menus) > 8
    clashes = {name: shared for name, actions in menus.items()
               if (shared := shared_letters(actions))}
    assert clashes == {}

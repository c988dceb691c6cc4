"""A tab's shortcuts work as soon as the tab shows, and only while it shows.

Clicking a tab's title (« Membres », « Projets »…) leaves the focus on the row of
tabs, outside the tab's widgets: Ctrl+N and Ctrl+F did nothing there, and the
president had to click into the list first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabBar

from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.meetings import meeting_dialog
from conseil_desktop.ui.members import member_dialog
from conseil_desktop.ui.projects import project_dialog


def press(qtbot: Any, bar: QTabBar, key: Qt.Key) -> None:
    bar.setFocus()
    assert bar.hasFocus()
    qtbot.keyClick(bar, key, Qt.KeyboardModifier.ControlModifier)


def new_forms_asked(window: MainWindow, index: int,
                    monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """How many "new" forms the tab at ``index`` has opened so far."""
    asked: list[object] = []
    if index == 0:
        monkeypatch.setattr(member_dialog, "edit_member",
                            lambda _parent, _scope, person_id: asked.append(person_id))
    elif index == 1:
        monkeypatch.setattr(meeting_dialog, "edit_meeting",
                            lambda _parent, _scope, meeting_id=None: asked.append(meeting_id))
    elif index == 2:
        monkeypatch.setattr(project_dialog, "edit_project",
                            lambda _parent, _scope, project_id=None: asked.append(project_id))
    else:
        contacts = window.contacts_tab

        def count() -> int:  # the contacts' form is not modal: it stays open, one at a time
            if contacts.dialog is not None:
                asked.append(contacts.dialog)
                contacts.dialog.reject()
            return len(asked)
        return count
    return lambda: len(asked)


def search_field(window: MainWindow, index: int) -> QLineEdit:
    tab = window.list_tabs[index]
    return window.projects_tab.filter_bar.search if index == 2 else tab.search  # type: ignore[attr-defined]


TABS = {"members": 0, "meetings": 1, "projects": 2, "contacts": 3}


def click_tab(qtbot: Any, window: MainWindow, index: int) -> QTabBar:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    return bar


@pytest.mark.parametrize("index", TABS.values(), ids=TABS.keys())
def test_ctrl_n_works_right_after_the_tab_was_clicked(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, index: int) -> None:
    asked = new_forms_asked(window, index, monkeypatch)
    bar = click_tab(qtbot, window, index)
    press(qtbot, bar, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: asked() == 1)
    window.tabs.setCurrentIndex((index + 1) % 4)  # another tab shown: its own Ctrl+N only
    other = new_forms_asked(window, (index + 1) % 4, monkeypatch)
    press(qtbot, bar, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: other() == 1)
    assert asked() == 1


@pytest.mark.parametrize("index", TABS.values(), ids=TABS.keys())
def test_ctrl_f_works_right_after_the_tab_was_clicked(
        qtbot: Any, window: MainWindow, index: int) -> None:
    bar = click_tab(qtbot, window, index)
    press(qtbot, bar, Qt.Key.Key_F)
    assert search_field(window, index).hasFocus()

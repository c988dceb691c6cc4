"""The main window: French tabs listing the database's rows, search, status bar, about."""

from __future__ import annotations

from conseil_desktop.ui.main_window import MainWindow
from conseil_desktop.ui.models.table_model import ID_ROLE
from tests.ui.helpers import Dialogs


def cell(window: MainWindow, tab: int, row: int, key: str) -> str:
    model = window.list_tabs[tab].model
    return model.data(model.index(row, model.column_of(key)))


def test_four_tabs_in_french(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Membres", "Réunions", "Projets", "Contacts"]


def test_menus_in_french(window: MainWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "E&xporter", "&Conseil", "&Aide"]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Nouvelle base…", "&Ouvrir une base…", "&Enregistrer une copie…",
                     "&Restaurer une sauvegarde…", "&Quitter"]


def test_each_tab_lists_its_rows(qtbot, window: MainWindow) -> None:
    for index in range(4):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda i=index: window.list_tabs[i].is_loaded)
    assert cell(window, 0, 0, "last_name") == "Œuvray"
    assert cell(window, 0, 0, "college") == "Habitants"
    assert cell(window, 0, 0, "phone") == "06 12 34 56 78"
    meetings = window.meetings_tab.model
    assert meetings.data(meetings.index(0, 2)) == "25/11/2026  18 h 30"
    project = window.projects_tab.model.row_at(0)
    assert (project.title, project.holder) == ("Jardins partagés", "Centre social Bellefontaine")
    assert window.contacts_tab.model.row_at(0).name == "Centre social Bellefontaine"
    assert [tab.model.rowCount() for tab in window.list_tabs] == [1, 1, 1, 1]
    assert window.members_tab.count_label.text() == "Affichés : 1 sur 1"


def test_tabs_load_when_first_shown(window: MainWindow) -> None:
    assert window.list_tabs[0].is_loaded
    assert not window.list_tabs[3].is_loaded
    window.tabs.setCurrentIndex(3)
    assert window.list_tabs[3].is_loaded


def test_search_ignores_accents_and_case(window: MainWindow) -> None:
    tab = window.list_tabs[0]
    tab.search.setText("OEUVRAY elo")
    assert tab.model.rowCount() == 1
    tab.search.setText("Dupont")
    assert tab.model.rowCount() == 0
    assert tab.count_label.text() == "Affichés : 0 sur 1"
    tab.search.clear()
    assert tab.model.rowCount() == 1


def test_row_id_role(window: MainWindow) -> None:
    model = window.list_tabs[0].model
    assert model.data(model.index(0, 3), ID_ROLE) == model.row_id(0)
    assert isinstance(model.row_id(0), int)


def test_status_bar_shows_the_database_path(window: MainWindow) -> None:
    assert str(window.database.path) in window.path_label.text()
    assert window.windowTitle().startswith("conseil.db")


def test_about_names_the_database_and_log(window: MainWindow, dialogs: Dialogs) -> None:
    window.about_action.trigger()
    [(_parent, title, text)] = dialogs.named("show_info")
    assert title == "À propos de Conseil Desktop"
    assert str(window.database.path) in text
    assert "conseil-desktop.log" in text


def test_status_bar_messages_are_visible_beside_the_path(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.statusBar().showMessage("Paramètres enregistrés", 5000)
    qtbot.wait(10)
    bar = window.statusBar()
    assert window.path_label.width() < bar.width() // 2  # room left for the message
    assert bar.currentMessage() == "Paramètres enregistrés"


def test_members_are_found_by_phone_typed_without_spaces(window: MainWindow) -> None:
    tab = window.members_tab
    tab.search.setText("0612345678")
    assert tab.model.rowCount() == 1
    tab.search.setText("06 12 34")
    assert tab.model.rowCount() == 1

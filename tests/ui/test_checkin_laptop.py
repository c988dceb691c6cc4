"""The meeting windows on the president's 1366 x 768 laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from sqlalchemy import select

from conseil_desktop.db.models import Meeting
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.meetings import meeting_page
from conseil_desktop.ui.meetings.checkin import open_checkin
from conseil_desktop.ui.meetings.checkin_view import PREFERRED_SIZE
from conseil_desktop.ui.meetings.widgets import FRAME_ALLOWANCE, fitted_size

LAPTOP = QSize(1366, 728)  # 768 less a 40-pixel task bar


def test_a_window_fits_under_a_laptop_task_bar() -> None:
    size = fitted_size(PREFERRED_SIZE, LAPTOP)
    assert size.height() + FRAME_ALLOWANCE <= LAPTOP.height()
    assert size.width() <= LAPTOP.width()
    assert fitted_size(PREFERRED_SIZE, QSize(1920, 1040)) == PREFERRED_SIZE  # room enough


def first_meeting(database: Database) -> int:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).first()
    assert meeting_id is not None
    return meeting_id


def test_the_check_in_window_opens_at_the_size_its_screen_allows(
        qtbot: Any, database: Database) -> None:
    window = open_checkin(None, database.session_scope, first_meeting(database))
    assert window is not None
    qtbot.addWidget(window)
    available = window.screen().availableGeometry().size()
    assert window.size().height() <= available.height() - FRAME_ALLOWANCE
    assert window.minimumSizeHint().height() <= LAPTOP.height() - FRAME_ALLOWANCE
    assert window.minimumSizeHint().width() <= LAPTOP.width()  # no button past the edge


def test_the_meeting_window_opens_at_the_size_its_screen_allows(
        qtbot: Any, database: Database) -> None:
    page = meeting_page.open_meeting(None, database.session_scope, first_meeting(database))
    try:
        available = page.screen().availableGeometry().size()
        assert page.size().height() <= available.height() - FRAME_ALLOWANCE
        assert page.minimumSizeHint().height() <= LAPTOP.height() - FRAME_ALLOWANCE
    finally:
        meeting_page.close_all_pages()

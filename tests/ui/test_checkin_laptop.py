"""The check-in screen on the president's 1366 x 768 laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from sqlalchemy import select

from conseil_desktop.db.models import Meeting
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.meetings.checkin import open_checkin
from conseil_desktop.ui.meetings.checkin_view import FRAME_ALLOWANCE, fitted_size


def test_the_window_fits_under_a_laptop_task_bar() -> None:
    laptop = QSize(1366, 728)  # 768 less a 40-pixel task bar
    size = fitted_size(laptop)
    assert size.height() + FRAME_ALLOWANCE <= laptop.height()
    assert size.width() <= laptop.width()
    assert fitted_size(QSize(1920, 1040)) == QSize(1280, 800)  # a large screen: the full size


def test_the_window_opens_at_the_size_its_screen_allows(qtbot: Any, database: Database) -> None:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).first()
    window = open_checkin(None, database.session_scope, meeting_id)
    assert window is not None
    qtbot.addWidget(window)
    available = window.screen().availableGeometry().size()
    assert window.size().height() <= fitted_size(available).height()
    assert window.minimumSizeHint().height() <= 728 - FRAME_ALLOWANCE

"""Background tasks: how they end always reaches the code that started them."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import QWidget

from conseil_desktop.errors import UserError
from conseil_desktop.ui.workers import Progress, start_task


def test_a_task_that_fails_at_once_still_reports_its_failure(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail(_progress: Progress) -> object:
        raise UserError("Le disque est plein.")

    worker = start_task(parent, "Export", 1, fail)
    time.sleep(0.2)  # the caller connects only after start_task returned
    heard: list[str] = []
    worker.failed.connect(lambda error: heard.append(str(error)))
    qtbot.waitUntil(lambda: heard == ["Le disque est plein."], timeout=5000)


def test_a_quick_task_reports_its_result(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    worker = start_task(parent, "Export", 1, lambda _progress: 42)
    time.sleep(0.2)
    results: list[object] = []
    worker.succeeded.connect(results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)

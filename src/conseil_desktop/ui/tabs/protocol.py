"""What the main window and the smoke test need from every tab."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from sqlalchemy.orm import Session

# What a tab or dialog is given to open one session per user action.
SessionScope = Callable[[], AbstractContextManager[Session]]


class CountingModel(Protocol):
    def total_count(self) -> int: ...


class DataTab(Protocol):
    load_seconds: float

    @property
    def model(self) -> CountingModel: ...

    def ensure_loaded(self) -> None: ...

    def invalidate(self) -> None: ...

"""What the main window and the smoke test need from every tab."""

from __future__ import annotations

from typing import Protocol


class CountingModel(Protocol):
    def total_count(self) -> int: ...


class DataTab(Protocol):
    load_seconds: float

    @property
    def model(self) -> CountingModel: ...

    def ensure_loaded(self) -> None: ...

    def invalidate(self) -> None: ...

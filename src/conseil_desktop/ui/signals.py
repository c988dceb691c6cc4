"""Emitting a Qt signal from Python without losing a reference to ``True``.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without owning a
reference to it: each emit from Python drops one of ``True``'s references, and
after some thousands (sorting a list, typing in a search that emits, a long
session) the interpreter aborts with "Fatal Python error: bool_dealloc".
:func:`emit` gives the reference back, only when the running PySide6 has the
bug (checked once, on the first call).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_leaks: bool | None = None


class _Probe(QObject):
    ping = Signal()


def _emit_leaks() -> bool:
    """Whether ``emit()`` drops a reference to ``True`` (measured once)."""
    global _leaks
    if _leaks is None:
        probe = _Probe()
        before = sys.getrefcount(True)
        probe.ping.emit()
        _leaks = sys.getrefcount(True) < before
        if _leaks:
            _give_back()
    return _leaks


def _give_back() -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, safe to call any number of times."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # True, in fact
    if result is True and _emit_leaks():
        _give_back()

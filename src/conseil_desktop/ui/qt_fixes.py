"""Work-around for a reference-counting bug of the Qt binding, installed at start-up.

PySide6 6.12.0 running on Python 3.11 returns ``None`` from every method
without a result (``setText``, ``processEvents``…) and ``True`` from
``Signal.emit()`` without taking a reference, as if they were immortal (they
are only from Python 3.12 on, PEP 683). Each such call takes one reference
away; after some tens of thousands of calls — a long meeting typed in — the
count of ``None`` or ``True`` reaches zero and the interpreter aborts with
*Fatal Python error: none_dealloc* (or *bool_dealloc*), at the latest when it
exits.

:func:`install` measures the leak on throw-away objects and, only if it is
there, gives ``None``, ``True`` and ``False`` a reserve of references so large
that no session can exhaust it: they become immortal in practice, which is
what Python 3.12 does. Nothing is done on Python 3.12 or later, or with a
sound binding.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

RESERVE = 1 << 40  # references added to each singleton: never used up
_PROBES = 3
_installed = False


class _Probe(QObject):
    fired = Signal()


def leaks() -> tuple[int, int]:
    """References to (``None``, ``True``) lost per call of a void method / an emit."""
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
        probe.fired.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    return (before[0] - after[0]) // _PROBES, (before[1] - after[1]) // _PROBES


def install() -> bool:
    """Reserve references for the singletons if the binding loses them; True if done."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12):
        return False  # None, True and False are immortal
    lost_none, lost_true = leaks()
    if lost_none <= 0 and lost_true <= 0:
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _installed = True
    log.info("PySide6 loses references to None (%d per call) and True (%d per emit): "
                "references reserved", lost_none, lost_true)
    return True

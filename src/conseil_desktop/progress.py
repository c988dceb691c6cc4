"""How long work tells where it is, and hears that it was cancelled, without Qt.

A reader or writer of a long document takes an optional ``progress`` callable
(:data:`OnProgress`) and calls it every few members, sheets or pages with what
it is doing: ``progress(Stage.SHEETS, 120, 2000)``. The callable may raise
:class:`Cancelled` (the user cancelled): the writer lets it through, leaves
nothing at its target and removes its own temporary files. The interface
turns the stage into a translated label ("Feuille 120 sur 2 000…") and a
position of its progress bar (``ui.workers.Progress.hook``); the command line
passes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum


class Cancelled(Exception):
    """The user cancelled the task."""


class Stage(Enum):
    """What a long document is doing; ``done`` and ``total`` count these units."""

    READING = "reading"  # the database: queries and meetings gathered
    MEMBERS = "members"  # rows of members (a register, the attendance matrix)
    SHEETS = "sheets"  # sheets of a workbook (one per meeting)
    PAGES = "pages"  # pages of a PDF laid out or drawn
    SAVING = "saving"  # the file itself: parts compressed into the workbook


OnProgress = Callable[[Stage, int, int], None]


def report(progress: OnProgress | None, stage: Stage, done: int, total: int) -> None:
    """Tell ``progress`` (if any) that ``done`` of ``total`` units of ``stage`` are done."""
    if progress is not None:
        progress(stage, done, total)

"""Spreadsheet formula injection (CSV/DDE injection) neutralised.

A name typed as ``=HYPERLINK("http://…")`` must stay text when the export is
opened in LibreOffice or Excel, and when it is later saved as CSV and opened
again. Following OWASP, a text starting with ``= + - @``, a tab or a carriage
return is prefixed with an apostrophe: it is then shown as typed, never run.
"""

from __future__ import annotations

from typing import TypeVar

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

T = TypeVar("T")


def neutralise(value: T) -> T | str:
    """Text that a spreadsheet could read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value

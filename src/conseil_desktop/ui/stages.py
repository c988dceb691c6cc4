"""The progress dialog's label for what a long reader or writer is doing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from conseil_desktop.progress import Stage
from conseil_desktop.ui.i18n import fill


def stage_text(stage: Stage, done: int, total: int) -> str:
    """"Feuille 120 sur 2 000…": the unit being done (never 0, never past the total)."""
    locale = QLocale()
    current = locale.toString(max(1, min(done + 1, total)))
    count = locale.toString(total)
    if stage is Stage.MEMBERS:
        return fill(QCoreApplication.translate("Stages", "Member %1 of %2…"), current, count)
    if stage is Stage.SHEETS:
        return fill(QCoreApplication.translate("Stages", "Sheet %1 of %2…"), current, count)
    if stage is Stage.PAGES:
        return fill(QCoreApplication.translate("Stages", "Page %1 of %2…"), current, count)
    if stage is Stage.SAVING:
        return QCoreApplication.translate("Stages", "Compressing the file…")
    return QCoreApplication.translate("Stages", "Reading the database…")

"""A line edit that finds a person or an organisation as one types.

Each edit asks a service for a few candidates (accents and case ignored) and
shows them in a completer popup: a picker fit for 100,000 members, where a
combo box of every name would not be.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from conseil_desktop.services.project_choices import Pick
from conseil_desktop.services.text import fold

LABEL_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Search = Callable[[str], list[Pick]]


class LookupEdit(QLineEdit):
    """``pick()`` is the person or organisation chosen, while the text still names it."""

    picked = Signal(object)  # the Pick chosen, or None when the text no longer names it

    def __init__(self, search: Search, parent: QWidget | None = None, *,
                 describe: Callable[[str], str] = str) -> None:
        """``describe`` turns a candidate's detail into what the list shows."""
        super().__init__(parent)
        self._search = search
        self._describe = describe
        self._pick: Pick | None = None
        self._results: list[Pick] = []
        self._items = QStandardItemModel(self)
        self.suggestions = QCompleter(self._items, self)
        self.suggestions.setWidget(self)
        self.suggestions.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.suggestions.setCompletionRole(LABEL_ROLE)
        self.suggestions.setMaxVisibleItems(12)
        self.suggestions.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_activated)
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._forget_stale_pick)

    def pick(self) -> Pick | None:
        return self._pick

    def set_pick(self, pick: Pick | None) -> None:
        self._pick = pick
        self.setText(pick.label if pick else "")
        self.setCursorPosition(0)
        self.picked.emit(pick)

    def resolved(self) -> Pick | None:
        """The pick, or the one candidate whose name is exactly the text typed."""
        if self._pick is not None or not self.text().strip():
            return self._pick
        wanted = fold(self.text())
        found = self._search(self.text())
        exact = [p for p in found if fold(p.label) == wanted]
        if not exact:  # "Jeanne Martin", as the documents print it, for "Martin Jeanne"
            exact = [p for p in found if _reordered(fold(p.label).split(), wanted.split())]
        return exact[0] if len(exact) == 1 else None

    def show_suggestions(self) -> None:
        """Search again for the text typed and offer the candidates."""
        self._on_edited(self.text())

    def candidates(self) -> list[Pick]:
        """What the popup offers for the text typed last."""
        return list(self._results)

    def _on_edited(self, text: str) -> None:
        self._results = self._search(text) if text.strip() else []
        self._items.clear()
        for row, pick in enumerate(self._results):
            detail = self._describe(pick.detail) if pick.detail else ""
            shown = f"{pick.label} — {detail}" if detail else pick.label
            item = QStandardItem(shown)
            item.setData(pick.label, LABEL_ROLE)
            item.setData(row, ROW_ROLE)
            item.setToolTip(shown)
            self._items.appendRow(item)
        if self._results:
            self.suggestions.complete()
        elif (popup := self.suggestions.popup()) is not None:
            popup.hide()

    def _on_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, int) and 0 <= row < len(self._results):
            self.set_pick(self._results[row])

    def _forget_stale_pick(self, text: str) -> None:
        if self._pick is not None and text != self._pick.label:
            self._pick = None
            self.picked.emit(None)


def _reordered(words: list[str], typed: list[str]) -> bool:
    """The same words with the first name(s) moved to the front (a rotation)."""
    return len(words) == len(typed) and any(words[i:] + words[:i] == typed
                                            for i in range(1, len(words)))

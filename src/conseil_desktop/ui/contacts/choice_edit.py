"""A line edit that suggests records as you type and remembers the one picked.

The suggestions come from a ``lookup(text)`` function: a bounded service
query for the council's members (up to 100,000 of them), an in-memory search
for the organisations. Both ignore accents and case, so the completer shows
what ``lookup`` returns as it is (``UnfilteredPopupCompletion``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from conseil_desktop.services.projects import Choice
from conseil_desktop.services.text import fold

Lookup = Callable[[str], list[Choice]]
_POSITION_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SUGGESTIONS = 30


class ChoiceLineEdit(QLineEdit):
    """Type a few letters, pick a suggestion; :meth:`choice` is the record picked."""

    chosen = Signal(object)  # the Choice picked, or None once the text no longer matches it

    def __init__(self, lookup: Lookup, parent: QWidget | None = None, *,
                 delay_ms: int = 0) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._suggestions: list[Choice] = []
        self._chosen: Choice | None = None
        self._items = QStandardItemModel(self)
        self._completer = QCompleter(self._items, self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.suggest)
        self.textEdited.connect(self._on_edited)
        self.setClearButtonEnabled(True)

    def choice(self) -> Choice | None:
        return self._chosen

    def set_choice(self, choice: Choice | None) -> None:
        self._chosen = choice
        self.setText(choice.label if choice else "")
        self.setCursorPosition(0)

    def suggestions(self) -> list[Choice]:
        return list(self._suggestions)

    def popup(self) -> QAbstractItemView:
        """The list of suggestions (a click or Enter on one picks it)."""
        popup = self._completer.popup()
        assert popup is not None  # QCompleter creates its popup on demand
        return popup

    def suggest(self) -> None:
        """Look the text up now and show the suggestions under the field."""
        self._timer.stop()
        self._suggestions = self._lookup(self.text())[:MAX_SUGGESTIONS]
        self._items.clear()
        for position, choice in enumerate(self._suggestions):
            item = QStandardItem(choice.label)
            item.setData(position, _POSITION_ROLE)
            self._items.appendRow(item)
        if self._suggestions and self.hasFocus():
            self._completer.complete()
        else:
            self.popup().hide()

    def _on_edited(self, text: str) -> None:
        if self._chosen is not None and text != self._chosen.label:
            self._chosen = None
            self.chosen.emit(None)
        self._timer.start()

    def _on_activated(self, index: QModelIndex) -> None:
        position = index.data(_POSITION_ROLE)
        if position is None:
            return
        choice = self._suggestions[int(position)]
        self.set_choice(choice)
        self.chosen.emit(choice)


class ChoiceIndex:
    """Choices searched in memory by folded words (a few thousand organisations)."""

    def __init__(self, choices: list[Choice]) -> None:
        self._choices = [(fold(choice.label), choice) for choice in choices]

    def lookup(self, text: str) -> list[Choice]:
        words = fold(text).split()
        found = (choice for key, choice in self._choices if all(w in key for w in words))
        return [choice for _, choice in zip(range(MAX_SUGGESTIONS), found, strict=False)]

    def resolve(self, text: str) -> Choice | None:
        """The choice named exactly ``text`` (accents and case ignored), if only one is."""
        wanted = fold(text)
        matches = [choice for key, choice in self._choices if key == wanted]
        return matches[0] if len(matches) == 1 else None

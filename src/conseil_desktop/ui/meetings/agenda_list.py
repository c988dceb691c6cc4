"""The agenda of a meeting as an ordered list: items are moved by drag and
drop or with Ctrl+Up / Ctrl+Down, and the new order is handed on at once."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from conseil_desktop.services.meeting_snapshot import AgendaEntry
from conseil_desktop.ui.i18n import fill

ID_ROLE = Qt.ItemDataRole.UserRole


class AgendaList(QListWidget):
    reordered = Signal(list)  # the item ids in their new order
    current_item_changed = Signal(object)  # the AgendaEntry selected, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_list")
        self._entries: dict[int, AgendaEntry] = {}
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(self.tr("Agenda"))
        self.setToolTip(self.tr("Drag an item, or press Ctrl+Up / Ctrl+Down, to reorder"))
        self.currentRowChanged.connect(lambda _row: self.current_item_changed.emit(
            self.current_entry()))

    def set_entries(self, entries: list[AgendaEntry], keep: int | None = None) -> None:
        """Show the agenda; select the item ``keep`` (or the first)."""
        keep = keep if keep is not None else self.current_id()
        self.blockSignals(True)
        try:
            self.clear()
            self._entries = {entry.id: entry for entry in entries}
            for entry in entries:
                item = QListWidgetItem(self)
                item.setData(ID_ROLE, entry.id)
            self._number()
        finally:
            self.blockSignals(False)
        ids = self.item_ids()
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.setCurrentRow(row)
        self.current_item_changed.emit(self.current_entry())

    def _number(self) -> None:
        """Number the items in the order shown."""
        for row in range(self.count()):
            item = self.item(row)
            entry = self._entries[item.data(ID_ROLE)]
            text = f"{row + 1}. {entry.title}"
            details = []
            if entry.presenter:
                details.append(fill(self.tr("presented by %1"), entry.presenter))
            if entry.decisions:
                details.append(self.tr("%n decision(s)", "", len(entry.decisions)))
            if details:
                text += "\n    " + " — ".join(details)
            item.setText(text)

    def set_summary(self, item_id: int, summary: str) -> None:
        """Keep an item's saved summary without reading the whole meeting again. Only the
        summary changes: the entry held (its decisions included) may be newer than the one
        the summary was typed for."""
        entry = self._entries.get(item_id)
        if entry is not None:
            self._entries[item_id] = replace(entry, summary=summary)

    def item_ids(self) -> list[int]:
        return [self.item(row).data(ID_ROLE) for row in range(self.count())]

    def current_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def current_entry(self) -> AgendaEntry | None:
        item_id = self.current_id()
        return None if item_id is None else self._entries.get(item_id)

    def move_current(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1)."""
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        self.blockSignals(True)
        try:
            item = self.takeItem(row)
            self.insertItem(target, item)
            self.setCurrentRow(target)
        finally:
            self.blockSignals(False)
        self._number()
        self.reordered.emit(self.item_ids())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        before = self.item_ids()
        super().dropEvent(event)
        after = self.item_ids()
        if after != before:
            self._number()
            self.reordered.emit(after)

"""A form that asks before losing what was typed.

:class:`FormDialog` is a ``QDialog`` whose fields are read back, all of them,
by :func:`field_values`: every line edit, text box, spin box, combo box,
check box or radio button and list of items inside it (table cells holding
widgets included, other windows such as a form opened from this one left
out). ``remember_state()`` notes them once the form is filled; *Annuler*,
Échap or the window's cross then close at once while nothing differs, and
otherwise ask ``ask.confirm_discard`` (answer *Non*, the default, to go back
to the form). A form that writes part of itself before closing (the
organisation's form saves itself to add a person) calls ``remember_state()``
again after that write.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from conseil_desktop.ui.dialogs import ask


def field_values(root: QWidget) -> tuple[object, ...]:
    """What the fields inside ``root`` show, in the order they were made (a date or
    an amount half typed included)."""
    values: list[object] = []
    _collect(root, values)
    return tuple(values)


def _collect(parent: QObject, values: list[object]) -> None:
    for child in parent.children():
        if isinstance(child, QWidget) and not child.isWindow():  # not a popup, not another
            _collect_widget(child, values)                       # form opened from this one


def _collect_widget(widget: QWidget, values: list[object]) -> None:
    if isinstance(widget, QLineEdit):
        values.append(widget.text())
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        values.append(widget.toPlainText())
    elif isinstance(widget, QAbstractSpinBox):
        values.append(widget.text())
    elif isinstance(widget, QComboBox):
        values.append((widget.currentIndex(), widget.currentText()))
    elif isinstance(widget, QAbstractButton):
        if widget.isCheckable():
            values.append(widget.isChecked())
    elif isinstance(widget, QListWidget):
        items = (widget.item(row) for row in range(widget.count()))
        values.append(tuple((item.text(), item.data(Qt.ItemDataRole.UserRole),
                             item.checkState()) for item in items))
    elif isinstance(widget, QTableWidget):
        # The widgets in its cells, row by row: a row removed leaves its widgets among the
        # children until the event loop deletes them. Its items are not typed in.
        for row in range(widget.rowCount()):
            for column in range(widget.columnCount()):
                cell = widget.cellWidget(row, column)
                if cell is not None:
                    _collect_widget(cell, values)
    else:
        if isinstance(widget, QGroupBox) and widget.isCheckable():
            values.append(widget.isChecked())
        _collect(widget, values)


class FormDialog(QDialog):
    """A form: closing it with changes typed and not saved asks first."""

    _as_opened: tuple[object, ...] | None = None

    def form_state(self) -> tuple[object, ...]:
        """What the form shows; a form with a value no field shows (a logo) adds it."""
        return field_values(self)

    def remember_state(self) -> None:
        """The form as filled (on opening, or once saved): closing it as it is now
        asks nothing."""
        self._as_opened = self.form_state()

    def has_changes(self) -> bool:
        """Something was typed or chosen since :meth:`remember_state`."""
        return self._as_opened is not None and self.form_state() != self._as_opened

    def save_on_ctrl_enter(self, save: Callable[[], object]) -> None:
        """Ctrl+Entrée saves, also from a text box where Entrée starts a new line."""
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, save)

    def reject(self) -> None:
        """*Annuler*, Échap or the window's cross: ask before losing what was typed."""
        if self.has_changes() and not ask.confirm_discard(self, self.windowTitle()):
            return
        super().reject()

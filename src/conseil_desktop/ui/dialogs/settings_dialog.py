"""*Paramètres du conseil…*: every field of the council's settings, in four pages."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from conseil_desktop.errors import UserError
from conseil_desktop.services import council
from conseil_desktop.services.council import SettingsData
from conseil_desktop.ui.dialogs import errors
from conseil_desktop.ui.dialogs.form_dialog import FormDialog
from conseil_desktop.ui.dialogs.settings_pages import (
    CompositionPage,
    IdentityPage,
    MeetingsPage,
    PrivacyPage,
)

MINIMUM_WIDTH = 700
SessionScope = Callable[[], AbstractContextManager[Session]]


class SettingsDialog(FormDialog):
    saved = Signal()

    def __init__(self, session_scope: SessionScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Council settings"))
        self.setMinimumWidth(MINIMUM_WIDTH)
        self._session_scope = session_scope
        self.identity = IdentityPage(self)
        self.composition = CompositionPage(self)
        self.meetings = MeetingsPage(self)
        self.privacy = PrivacyPage(self)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.identity, self.tr("The council"))
        self.pages.addTab(self.composition, self.tr("Composition"))
        self.pages.addTab(self.meetings, self.tr("Meetings"))
        self.pages.addTab(self.privacy, self.tr("Personal data"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self._original = self._load()
        self.save_on_ctrl_enter(self.save)
        self.remember_state()

    def _load(self) -> SettingsData:
        with self._session_scope() as session:
            data = council.get_settings(session)
            logo = council.get_logo(session)
        for page in (self.identity, self.composition, self.meetings, self.privacy):
            page.load(data)
        self.identity.logo.set_png(logo)
        return data

    def form_state(self) -> tuple[object, ...]:
        """The fields, and the logo (shown as a picture only)."""
        return (*super().form_state(), self.identity.logo.png())

    def collected(self) -> SettingsData:
        """The settings as shown; raises ``InvalidInputError`` for an unreadable field."""
        values = {}
        for page in (self.identity, self.composition, self.meetings, self.privacy):
            values.update(page.values())
        return dataclasses.replace(self._original, **values)

    def save(self) -> None:
        """Save and close; on a problem, say what is wrong and stay open."""
        try:
            data = self.collected()
            with self._session_scope() as session:
                council.update_settings(session, data)
                if self.identity.logo.changed:
                    council.set_logo(session, self.identity.logo.png())
        except UserError as exc:
            errors.show_user_error(self, self.tr("Council settings"), exc)
            return
        self.saved.emit()
        self.accept()


def edit_settings(parent: QWidget | None, session_scope: SessionScope) -> bool:
    """Show the dialog; True when the user saved."""
    dialog = SettingsDialog(session_scope, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()

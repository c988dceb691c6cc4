"""The meeting forms in French: each Alt+letter leads to one field or button only.

Two labels sharing a letter make Alt+letter only move the focus between them
(a radio button is then never chosen from the keyboard): in the invitations,
Alt+T cycled between « Tous les membres actifs » and « Titulaires seulement »,
and the president who pressed Alt+T then Enter invited everyone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget
from sqlalchemy import select

from conseil_desktop.db.models import Meeting
from conseil_desktop.ui.database import Database
from conseil_desktop.ui.meetings.agenda_item_dialog import AgendaItemDialog
from conseil_desktop.ui.meetings.decision_dialog import DecisionDialog
from conseil_desktop.ui.meetings.invite_dialog import InviteDialog
from conseil_desktop.ui.meetings.meeting_dialog import MeetingDialog

_MNEMONIC = re.compile(r"&([^&\s])")


def shared_mnemonics(dialog: QWidget) -> dict[str, list[str]]:
    """Letters that more than one visible label or button of ``dialog`` claims."""
    claims: dict[str, list[str]] = defaultdict(list)
    widgets: list[QWidget] = [*dialog.findChildren(QAbstractButton),
                              *dialog.findChildren(QLabel), *dialog.findChildren(QGroupBox)]
    for widget in widgets:
        if not widget.isVisibleTo(dialog):
            continue
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        found = _MNEMONIC.search(text.replace("&&", ""))
        if found:
            claims[found[1].lower()].append(text)
    return {letter: texts for letter, texts in claims.items() if len(texts) > 1}


def test_invitation_choices_each_have_their_own_letter(qtbot: Any) -> None:
    dialog = InviteDialog([(1, "Œuvray Élodie — Habitants")], set())
    qtbot.addWidget(dialog)
    dialog.show()
    assert shared_mnemonics(dialog) == {}


def test_meeting_form_letters_are_unique(qtbot: Any, database: Database) -> None:
    with database.session_scope() as session:
        meeting_id = session.scalars(select(Meeting.id)).first()
    dialog = MeetingDialog(database.session_scope, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert shared_mnemonics(dialog) == {}


def test_agenda_item_and_decision_forms_letters_are_unique(qtbot: Any) -> None:
    item = AgendaItemDialog(lambda _text: [], None)
    decision = DecisionDialog(lambda _text: [], lambda _text: [], lambda _data: None)
    for dialog in (item, decision):
        qtbot.addWidget(dialog)
        dialog.show()
        assert shared_mnemonics(dialog) == {}

"""The members' tools, as the Membres tab calls them: import (and undo), duplicates,
export, and personal data. Each opens its own dialogs and sessions and answers
whether the base changed, so that the tab knows when to reload its list.

The work is in the services; the dialogs are in ``import_wizard``,
``duplicates_dialog``, ``export_dialog`` and ``privacy_dialogs``.
"""

from __future__ import annotations

from conseil_desktop.ui.members.duplicates_dialog import find_duplicates
from conseil_desktop.ui.members.export_dialog import export_members
from conseil_desktop.ui.members.import_wizard import import_members, undo_last_import
from conseil_desktop.ui.members.privacy_dialogs import (
    anonymise_member,
    personal_data_sheet,
    purge_departed,
)

__all__ = [
    "anonymise_member", "export_members", "find_duplicates", "import_members",
    "personal_data_sheet", "purge_departed", "undo_last_import",
]

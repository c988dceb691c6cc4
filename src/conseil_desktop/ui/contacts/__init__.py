"""The *Contacts* tab: organisations, people with roles in them, their pages and exports."""

from conseil_desktop.ui.contacts.contacts_tab import ContactsTab

__all__ = ["ContactsTab"]

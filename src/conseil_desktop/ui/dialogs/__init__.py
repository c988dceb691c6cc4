"""Dialogs, and the small entry points that show them (patched in tests)."""

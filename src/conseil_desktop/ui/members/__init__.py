"""The members tab's widgets and dialogs."""

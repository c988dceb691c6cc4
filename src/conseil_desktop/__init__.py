"""Conseil Desktop: offline management of a French conseil citoyen."""

__version__ = "0.1.0"
APP_NAME = "Conseil Desktop"
APP_ID = "conseil-desktop"

"""Spreadsheet building blocks (openpyxl, write-only mode)."""

"""Documents written from plain data: spreadsheets (openpyxl), PDFs (reportlab),
vCards. Nothing here knows Qt or the database: services build the data, and
every file is written under a temporary name, then renamed, so that a failure
never leaves a half-written document behind.
"""

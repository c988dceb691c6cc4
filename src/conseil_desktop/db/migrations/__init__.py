"""Alembic migrations.

``HEAD_REVISION`` lets start-up know whether a migration is due without
importing Alembic (a test keeps it equal to the scripts' head).
"""

HEAD_REVISION = "0001"

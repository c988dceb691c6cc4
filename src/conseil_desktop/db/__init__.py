"""Storage: the SQLAlchemy models, the SQLite engine, backups and migrations."""

"""The station store: SQLAlchemy tables, the encrypted engine, migrations and backups. No Qt."""

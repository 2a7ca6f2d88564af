"""Persistence: SQLAlchemy 2 models, engine factory, migrations. No Qt."""

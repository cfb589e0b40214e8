"""Alembic environment: always given an open connection by db.migrations (never a URL)."""

from alembic import context
from sqlmodel import SQLModel

import db.schema.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from db.store.migrations import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    include_name=include_name,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

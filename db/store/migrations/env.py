"""Alembic environment: always given an open connection by db.store.migrations (never a URL).

Upgrading needs no model: each migration says what it does. A developer drafting a new migration
with autogenerate hands the tables in, so that this layer never imports db.schema:
``config(connection, metadata=SQLModel.metadata)`` after ``import db.schema.models``."""

from alembic import context

from db.store.migrations import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("metadata"),
    render_as_batch=True,
    include_name=include_name,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment: always given an open connection by db.migrations (never a URL)."""

from alembic import context
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables on SQLModel.metadata)

# The full-text index is a virtual table written by hand in the migrations; autogenerate must not
# try to drop it or its shadow tables.
FTS_TABLES = {"search_index", "search_index_data", "search_index_idx", "search_index_content",
              "search_index_docsize", "search_index_config"}


def include_name(name, type_, parent_names):
    return not (type_ == "table" and name in FTS_TABLES)


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

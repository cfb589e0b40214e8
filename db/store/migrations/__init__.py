"""Alembic migrations, run in batch mode (SQLite cannot ALTER most things in place).

``upgrade`` is called by ``Store.open``: it refuses a store whose revision this version does not
know (made by a newer PartnerDesk) and applies pending revisions in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from db.errors import StoreTooNewError

HERE = Path(__file__).resolve().parent

# The full-text index is a virtual table written by hand in the migrations; autogenerate must not
# try to drop it or its shadow tables.
FTS_TABLES = {
    "search_index",
    "search_index_data",
    "search_index_idx",
    "search_index_content",
    "search_index_docsize",
    "search_index_config",
}


def include_name(name, type_, parent_names) -> bool:
    return not (type_ == "table" and name in FTS_TABLES)


def config(connection=None, metadata=None):
    """Alembic's configuration; ``metadata`` (the tables) only to draft a migration."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    cfg.attributes["metadata"] = metadata
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(config()).walk_revisions()}


def current_revision(connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        current = current_revision(connection)
        if current is not None and current not in known_revisions():
            raise StoreTooNewError(
                "This store was written by a newer version of PartnerDesk "
                f"(schema {current}); install that version or newer to open it. The file was not changed."
            )
        if current != head_revision() or revision != "head":
            command.upgrade(config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(config(connection), revision)

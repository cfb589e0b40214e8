"""Stored sort keys: names and titles sorted with case and accents folded ("École…", "agence…"
and "Ärzte…" among the E and A, not after Z), each list's index on the key instead of the text.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 12:30:00

"""

import unicodedata
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out rather than imported from db.models and db.schema.naming: a migration must keep
# meaning what it meant when it was written, whatever the models become.
SORTED_BY_KEY = {
    "organization": "name",
    "contact": "name",
    "agreement": "title",
    "consultation": "title",
    "activity": "title",
    "follow_up": "owner",
}
_SPELLED = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})
CHUNK = 5000  # rows read and written at a time


def sort_key(text: str | None) -> str | None:
    if text is None:
        return None
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c)).translate(_SPELLED)


def _index(table: str, column: str) -> None:
    op.create_index(
        f"ix_list_{table}_{column}",
        table,
        [column, "id"],
        sqlite_where=sa.text("archived_at IS NULL"),
        postgresql_where=sa.text("archived_at IS NULL"),
    )


def _walked_by() -> tuple[str, int | str]:
    """The column a table is walked in order of, and a value below all of its: SQLite's rowid;
    PostgreSQL (a team server) has no rowid, and there the record's id, its primary key."""
    if op.get_bind().dialect.name == "sqlite":
        return "rowid", 0
    return "id", ""


def upgrade() -> None:
    connection = op.get_bind()
    walked_by, first = _walked_by()
    for table, column in SORTED_BY_KEY.items():
        key = f"{column}_key"
        op.add_column(table, sa.Column(key, sa.String(), nullable=True))
        # Filled a chunk at a time in rowid (or id) order: a store of 450,000 records is never
        # held whole.
        last = first
        while True:
            rows = connection.execute(
                sa.text(
                    f"SELECT {walked_by}, {column} FROM {table} WHERE {walked_by} > :last "
                    f"ORDER BY {walked_by} LIMIT {CHUNK}"
                ),
                {"last": last},
            ).all()
            if not rows:
                break
            connection.execute(
                sa.text(f"UPDATE {table} SET {key} = :key WHERE {walked_by} = :rowid"),
                [{"key": sort_key(value), "rowid": rowid} for rowid, value in rows],
            )
            last = rows[-1][0]
        op.drop_index(f"ix_list_{table}_{column}", table_name=table)
        _index(table, key)


def downgrade() -> None:
    for table, column in SORTED_BY_KEY.items():
        op.drop_index(f"ix_list_{table}_{column}_key", table_name=table)
        _index(table, column)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(f"{column}_key")

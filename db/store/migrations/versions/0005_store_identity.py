"""Every store gets an id of its own, and every row of the change history the name it keeps on
every store: the id of the store that made the change and that store's number for it, 1, 2, 3…
without gaps (docs/sync.md). The rows a store already holds were all made by it: they get its new
id and are numbered in the order they were written. And the conflicts a merge finds are kept,
each field with every side (the ``conflict`` table).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 07:00:00

"""

import uuid
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    store_id = str(uuid.uuid4())
    op.execute(
        sa.text("INSERT INTO setting (key, value) VALUES ('store_id', :id)").bindparams(id=store_id)
    )
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
    # Numbered through a keyed temporary table: one pass, where a correlated count per row
    # would take minutes on a store with millions of history rows.
    op.execute("CREATE TEMP TABLE change_seq (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    op.execute(
        "INSERT INTO change_seq (id, n) SELECT id, row_number() OVER (ORDER BY id) FROM change"
    )
    op.execute(
        sa.text(
            "UPDATE change SET store_id = :id, "
            "seq = (SELECT n FROM change_seq WHERE change_seq.id = change.id)"
        ).bindparams(id=store_id)
    )
    op.execute("DROP TABLE change_seq")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.alter_column("store_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index("ux_change_origin", ["store_id", "seq"], unique=True)
    op.create_table(
        "conflict",
        sa.Column("record_kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("sides", sa.JSON(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_kind", "record_id", "field"),
    )


def downgrade() -> None:
    op.drop_table("conflict")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_index("ux_change_origin")
        batch_op.drop_column("seq")
        batch_op.drop_column("store_id")
    op.execute("DELETE FROM setting WHERE key IN ('store_id', 'store_home', 'store_ids_before')")

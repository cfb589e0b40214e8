"""The batches of changes laptops pushed to a team server, each once: a push cut short and sent
again (the same batch id) is recognised, and the server keeps who pushed it (its database role,
``current_user``) and when. On a laptop's store the table stays empty.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 23:20:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "pushed_batch",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("pushed_by", sa.String(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_pushed_batch_store_id", "pushed_batch", ["store_id"])


def downgrade() -> None:
    op.drop_index("ix_pushed_batch_store_id", table_name="pushed_batch")
    op.drop_table("pushed_batch")

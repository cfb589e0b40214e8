"""A thematic area's name in French, so that an officer searching in French finds it
("contre-terrorisme"). The default tree's French names are filled in by a data step when a store
is opened (db.records.upkeep), through the one batch write.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 10:00:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("thematic_area", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_fr", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("thematic_area", schema=None) as batch_op:
        batch_op.drop_column("name_fr")

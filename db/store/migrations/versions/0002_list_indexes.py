"""Indexes of the current records in the order each list shows them (db.models.LISTED_BY).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:50:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out rather than imported from db.models: a migration must keep meaning what it meant
# when it was written, whatever the models become.
LISTED_BY = {
    "organization": ("name", "country"),
    "contact": ("name", "organization_id"),
    "agreement": ("entry_into_force", "title"),
    "consultation": ("starts_at", "title"),
    "activity": ("start_on", "title", "lead_organization_id"),
    "follow_up": ("due_on", "owner"),
}


def upgrade() -> None:
    for table, columns in LISTED_BY.items():
        for column in columns:
            op.create_index(
                f"ix_list_{table}_{column}",
                table,
                [column, "id"],
                sqlite_where=sa.text("archived_at IS NULL"),
                postgresql_where=sa.text("archived_at IS NULL"),
            )


def downgrade() -> None:
    for table, columns in LISTED_BY.items():
        for column in columns:
            op.drop_index(f"ix_list_{table}_{column}", table_name=table)

"""The portfolio review (docs/portfolio-review.md): the officers' dated assessments of each
agreement (``agreement_assessment``, a part of the agreement with a row id of its own), and
covering indexes for what the review counts under each agreement — held activities with their
participants, consultations by day, follow-ups by source — read from the indexes alone, never
from the records' long texts.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 02:40:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Written out: a migration keeps meaning what it meant when it was written.
CURRENT = {
    "ix_review_activity": (
        "activity",
        [
            "agreement_id",
            "status",
            "start_on",
            "participants_total",
            "participants_women",
            "participants_men",
            "id",
        ],
    ),
    "ix_review_consultation": ("consultation", ["id", "starts_at"]),
    "ix_review_follow_up": (
        "follow_up",
        ["source_kind", "source_id", "status", "due_on", "completed_on", "created_at", "id"],
    ),
}


def upgrade() -> None:
    op.create_table(
        "agreement_assessment",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("rating", sa.String(), nullable=True),
        sa.Column("recommendation", sa.String(), nullable=False),
        sa.Column("narrative", sa.String(), nullable=True),
        sa.Column("assessed_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("agreement_id", "id"),
    )
    for name, (table, columns) in CURRENT.items():
        op.create_index(
            name,
            table,
            columns,
            sqlite_where=sa.text("archived_at IS NULL"),
            postgresql_where=sa.text("archived_at IS NULL"),
        )
    # Every party's last signature, without reading the signatories' names.
    op.create_index(
        "ix_review_agreement_party",
        "agreement_party",
        ["agreement_id", "position", "organization_id", "signed_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_review_agreement_party", table_name="agreement_party")
    for name, (table, _columns) in CURRENT.items():
        op.drop_index(name, table_name=table)
    op.drop_table("agreement_assessment")

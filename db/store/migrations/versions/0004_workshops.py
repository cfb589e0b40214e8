"""Joint workshops as their organizers keep them: expected participants beside actual, the
original dates and the reason when postponed, an evaluation, a narrative report; and three lists
that belong to an activity — its participants, its sessions, its costs — whose rows each keep an
id of their own (a UUID), so that two stores can tell which row changed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 06:00:00

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _row_key() -> list:
    return [
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("participants_expected", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("original_start_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("original_end_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("postponement_reason", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("evaluation", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("report", sa.String(), nullable=True))

    op.create_table(
        "activity_participant",
        *_row_key(),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("organization_name", sa.String(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("sex", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"]),
        sa.PrimaryKeyConstraint("activity_id", "id"),
    )
    with op.batch_alter_table("activity_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_participant_organization_id"),
            ["organization_id"],
            unique=False,
        )

    op.create_table(
        "activity_session",
        *_row_key(),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("starts_at", sa.String(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("mode", sa.String(), nullable=True),
        sa.Column("participants_total", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "id"),
    )

    op.create_table(
        "activity_cost",
        *_row_key(),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("amount", sa.String(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("description", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"]),
        sa.PrimaryKeyConstraint("activity_id", "id"),
    )
    with op.batch_alter_table("activity_cost", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_cost_organization_id"), ["organization_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("activity_cost")
    op.drop_table("activity_session")
    op.drop_table("activity_participant")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        for column in (
            "report",
            "evaluation",
            "postponement_reason",
            "original_end_on",
            "original_start_on",
            "participants_expected",
        ):
            batch_op.drop_column(column)

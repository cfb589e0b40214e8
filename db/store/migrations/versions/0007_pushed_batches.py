"""The batches of changes laptops pushed to a team server, each once: a push cut short and sent
again (the same batch id) is recognised, and the server keeps who pushed it and when; and for
each change, who pushed it there. On a team server both are set by the server itself, from the
database role that inserts the row (``current_user``), whatever the laptop sends; on a laptop's
store the table stays empty and a change's ``pushed_by`` is empty.

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
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pushed_by", sa.String(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION pushed_by_current_user() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN NEW.pushed_by := current_user; RETURN NEW; END $$"
        )
        for table in ("change", "pushed_batch"):
            op.execute(
                f"CREATE TRIGGER {table}_pushed_by BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION pushed_by_current_user()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("change", "pushed_batch"):
            op.execute(f"DROP TRIGGER {table}_pushed_by ON {table}")
        op.execute("DROP FUNCTION pushed_by_current_user()")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_column("pushed_by")
    op.drop_index("ix_pushed_batch_store_id", table_name="pushed_batch")
    op.drop_table("pushed_batch")

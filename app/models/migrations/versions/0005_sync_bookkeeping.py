"""Sync with the bureau hub: UIDs for every part of a case, and the station's sync bookkeeping.

Revision ID: 0005
Revises: 0004
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The parts of a case that travel to the hub by their own ID.
PARTS = ("parties", "mediation_sessions", "clock_pauses", "follow_ups", "proposals")


def upgrade() -> None:
    connection = op.get_bind()
    for table in PARTS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
        ids = connection.execute(sa.text(f"SELECT id FROM {table}")).scalars().all()
        for row_id in ids:
            connection.execute(sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"), {"uid": str(uuid.uuid4()), "id": row_id})
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
            batch_op.create_unique_constraint(op.f(f"uq_{table}_uid"), ["uid"])

    op.create_table(
        "sync_cases",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("synced_version", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_sync_cases_case_id_cases")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_sync_cases")),
    )
    op.create_table(
        "sync_receipts",
        sa.Column("change_uid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_sync_receipts_case_id_cases")),
        sa.PrimaryKeyConstraint("change_uid", name=op.f("pk_sync_receipts")),
    )
    with op.batch_alter_table("sync_receipts") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_receipts_case_id"), ["case_id"], unique=False)
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("station_value", sa.Text(), nullable=False),
        sa.Column("hub_value", sa.Text(), nullable=False),
        sa.Column("hub_version", sa.Integer(), nullable=False),
        sa.Column("found_at", sa.String(length=32), nullable=False),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_sync_conflicts_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_case_id"), ["case_id"], unique=False)
    op.create_table(
        "bureau_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("case_uid", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("respond_by", sa.Date(), nullable=True),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("done_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bureau_notices")),
        sa.UniqueConstraint("feed_seq", name=op.f("uq_bureau_notices_feed_seq")),
    )
    with op.batch_alter_table("bureau_notices") as batch_op:
        batch_op.create_index(batch_op.f("ix_bureau_notices_case_uid"), ["case_uid"], unique=False)

"""Receipts looked up by status: the sync status line and the quarantine count the rejected ones.

A station that syncs every day holds about one receipt per history row, so without the index each
refresh of the status line would read them all.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_receipts") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_receipts_status"), ["status"], unique=False)

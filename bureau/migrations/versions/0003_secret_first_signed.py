"""When a station first signed a request with its secret: its enrolment code stops repeating the
answer from then on.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_signed_at', sa.DateTime(timezone=True), nullable=True))

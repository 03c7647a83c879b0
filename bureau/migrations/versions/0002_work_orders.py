"""Work orders dispatched to stations: the case UID is reserved for the station it went to.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('work_orders',
    sa.Column('case_uid', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('platform_ref', sa.String(length=40), nullable=False),
    sa.Column('dispatched_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoke_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_work_orders_station_id_stations')),
    sa.PrimaryKeyConstraint('case_uid', name=op.f('pk_work_orders'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_orders_platform_ref'), ['platform_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_station_id'), ['station_id'], unique=False)


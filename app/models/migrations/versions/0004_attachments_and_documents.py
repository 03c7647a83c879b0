"""Attached files and issued documents, both write-once.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_attachments_added_by_users")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_attachments_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("case_id", "sha256", name=op.f("uq_attachments_case_id_sha256")),
        sa.UniqueConstraint("uid", name=op.f("uq_attachments_uid")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "issued_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=30), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=True),
        sa.Column("template_version", sa.String(length=20), nullable=False),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_issued_documents_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["issued_documents.id"], name=op.f("fk_issued_documents_corrects_id_issued_documents")
        ),
        sa.ForeignKeyConstraint(["issued_by"], ["users.id"], name=op.f("fk_issued_documents_issued_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_issued_documents_number")),
        sa.UniqueConstraint("uid", name=op.f("uq_issued_documents_uid")),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index("ix_issued_documents_case_id_form", ["case_id", "form"], unique=False)

    # An issued document is a legal instrument: the database refuses to change or remove it.
    op.execute(
        "CREATE TRIGGER issued_documents_no_update BEFORE UPDATE ON issued_documents BEGIN "
        "SELECT RAISE(ABORT, 'issued documents are never changed'); END"
    )
    op.execute(
        "CREATE TRIGGER issued_documents_no_delete BEFORE DELETE ON issued_documents BEGIN "
        "SELECT RAISE(ABORT, 'issued documents are never removed'); END"
    )
    # An attachment's record stays as long as its case; the file it names is never replaced.
    op.execute(
        "CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments BEGIN "
        "SELECT RAISE(ABORT, 'attachments are never changed'); END"
    )

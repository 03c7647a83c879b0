"""Search for two-character queries through the trigram index's vocabulary.

Every occurrence of a two-character string is the start of some indexed trigram if the text
never ends right after it, so search_text now ends with a newline, and the fts5vocab table
``case_search_terms`` lists the trigrams to look them up.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE case_search_terms USING fts5vocab(case_search, 'row')")
    # The update trigger re-indexes each changed row in this same transaction.
    op.execute(
        "UPDATE cases SET search_text = search_text || char(10) "
        "WHERE substr(search_text, -1) IS NOT char(10)"
    )

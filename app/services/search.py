"""Full-text search in Chinese over case text, parties and businesses.

FTS5's trigram tokenizer indexes every run of three characters. A query of three or more
characters is one quoted phrase against that index. The tokenizer cannot match shorter
queries, so:

- two characters: every place a two-character string occurs starts some indexed trigram
  (``search_text`` always ends with a newline, so nothing occurs at the very end); the index's
  vocabulary lists those trigrams, and the query asks for any of them;
- one character: the base table is scanned, newest first, and the list stops once a page is
  full.

Results come newest first by case id, the order in which FTS5 can stop early.
"""

from sqlalchemy import column, table, text
from sqlalchemy.orm import Session

from app.domain.vocabulary import PartyRole
from app.models.case import Case

TRIGRAM = 3
search_index = table("case_search", column("rowid"))
NOTHING = '""'  # an FTS5 phrase that matches no row


def refresh_search_text(case: Case) -> None:
    """Rebuild the one column the index reads, from the case and its parties.

    A reporter's identity is left out: Art. 37 keeps it from staff not handling the report,
    and a search by name would tell them the report exists.
    """
    parts = [case.number, case.platform_ref or "", case.request, case.facts]
    for party in case.parties:
        if party.role == PartyRole.REPORTER.value:
            continue
        parts += [party.name, party.phone or "", party.address or "", party.credit_code or ""]
    case.search_text = "".join(part + "\n" for part in parts if part)


def _phrase(words: str) -> str:
    # A quoted FTS5 string is one phrase: nothing the user types can act as an FTS operator.
    return '"' + words.replace('"', '""') + '"'


def match_expression(session: Session, query: str) -> str | None:
    """The FTS5 MATCH expression for ``query`` (stripped, not empty), or None for a scan."""
    if len(query) >= TRIGRAM:
        return _phrase(query)
    if len(query) == 1:
        return None
    # The tokenizer folds case, so its vocabulary is lower case.
    start = query.lower()
    terms = session.scalars(
        text("SELECT term FROM case_search_terms WHERE term >= :start AND term < :end"),
        {"start": start, "end": start + "\U0010ffff"},
    ).all()
    return " OR ".join(_phrase(term) for term in terms) or NOTHING

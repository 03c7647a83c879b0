"""Full-text search in Chinese over case text, parties and businesses.

FTS5's trigram tokenizer indexes every run of three characters, so a query of three or more
characters is answered from the index. It cannot match one or two characters (and LIKE on the
trigram table misses short non-ASCII patterns), so such queries look in ``cases.search_text``
in the base table; the case list reads it newest first and stops once a page is full.
"""

from sqlalchemy import Select, column, func, select, table, text

from app.models.case import Case

TRIGRAM = 3
_index = table("case_search", column("rowid"))


def refresh_search_text(case: Case) -> None:
    """Rebuild the one column the index reads, from the case and its parties."""
    parts = [case.number, case.platform_ref or "", case.request, case.facts]
    for party in case.parties:
        parts += [party.name, party.phone or "", party.address or "", party.credit_code or ""]
    case.search_text = "\n".join(part for part in parts if part)


def _phrase(query: str) -> str:
    # A quoted FTS5 string is one phrase: nothing the user types can act as an FTS operator.
    return '"' + query.replace('"', '""') + '"'


def matching_ids(query: str) -> Select:
    """The ids of cases whose text contains ``query`` (stripped, not empty)."""
    if len(query) >= TRIGRAM:
        return select(_index.c.rowid).where(text("case_search MATCH :phrase").bindparams(phrase=_phrase(query)))
    return select(Case.id).where(func.instr(Case.search_text, query) > 0)

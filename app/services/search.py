"""Full-text search conditions: SQLite FTS5 tables or PostgreSQL tsvector GIN indexes.

The PostgreSQL expressions are literal SQL, identical to the indexed expressions of the
initial migration, so that the planner can use the GIN indexes.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from app.errors import InvalidInput
from app.models import Article, Claim, Source, SourceAlias

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_TERMS = 16


def search_terms(q: str) -> list[str]:
    """The words of a query; raises a 422 when there is none to search for."""
    terms = _WORD.findall(q)[:_MAX_TERMS]
    if not terms:
        raise InvalidInput(
            "q must contain at least one word", loc=("query", "q"), type_="value_error"
        )
    return terms


def _fts5_query(q: str, *, prefix: bool) -> str:
    """Every whitespace-separated chunk of ``q`` as an FTS5 phrase, all required.

    "U.S. envoy" becomes ``"U S" "envoy"``: the tokens of "U.S." must be adjacent, as
    PostgreSQL's parser keeps "u.s" whole (separate terms matched any "u" and any "s").
    Only word characters reach the query: no FTS5 operators from user input.
    """
    star = "*" if prefix else ""
    phrases: list[str] = []
    budget = _MAX_TERMS
    for chunk in q.split():
        words = _WORD.findall(chunk)[:budget]
        if words:
            phrases.append('"' + " ".join(words) + '"' + star)
            budget -= len(words)
        if budget <= 0:
            break
    return " ".join(phrases)


def _sqlite_rowids(fts: str, query: str | sa.BindParameter[str]) -> sa.Select[tuple[int]]:
    table = sa.table(fts, sa.column("rowid"))
    if isinstance(query, str):
        query = sa.bindparam(None, query, unique=True)
    match = sa.literal_column(fts).op("MATCH")(query)
    return sa.select(table.c.rowid).where(match)


def _pg_plain_tsquery(q: str | sa.BindParameter[str]) -> sa.ColumnElement[object]:
    # The query as typed, not our word split: PostgreSQL's parser must see "U.S.", "9/11"
    # or "3.5" whole, as it did when it indexed the text (split, "U.S." finds nothing).
    # plainto_tsquery ignores operators, so user input cannot inject tsquery syntax.
    return sa.func.plainto_tsquery(sa.literal_column("'english'::regconfig"), q)


def article_search_value(dialect: str, q: str) -> str:
    """The value of the parameter of ``article_matches(dialect, bindparam(...))``; a 422
    when ``q`` has no word."""
    search_terms(q)
    return _fts5_query(q, prefix=False) if dialect == "sqlite" else q


def article_matches(dialect: str, q: str | sa.BindParameter[str]) -> ColumnElement[bool]:
    """Articles whose title or text matches ``q``; a ``bindparam`` instead of ``q`` must be
    given ``article_search_value(dialect, q)``."""
    if isinstance(q, str):
        q = sa.bindparam(None, article_search_value(dialect, q), unique=True)
    if dialect == "sqlite":
        return Article.id.in_(_sqlite_rowids("article_fts", q))
    expr = sa.literal_column(
        "to_tsvector('english'::regconfig, coalesce(article.title, '') || ' ' || article.text)"
    )
    return expr.op("@@")(_pg_plain_tsquery(q))


def claim_matches(dialect: str, q: str | sa.BindParameter[str]) -> ColumnElement[bool]:
    """Claims whose text matches ``q``; a ``bindparam`` instead of ``q`` must be given
    ``claim_search_value(dialect, q)``."""
    if isinstance(q, str):
        search_terms(q)  # a 422 when q has no word
    if dialect == "sqlite":
        if isinstance(q, str):
            q = sa.bindparam(None, _fts5_query(q, prefix=False), unique=True)
        return Claim.id.in_(_sqlite_rowids("claim_fts", q))
    expr = sa.literal_column("to_tsvector('english'::regconfig, claim.text)")
    return expr.op("@@")(_pg_plain_tsquery(q))


def claim_matches_newest(query: sa.BindParameter[str], cap: int) -> ColumnElement[bool]:
    """SQLite: the claim is one of the ``cap`` most recently stored matches of the FTS5
    query (FTS5 reads a doclist backwards from the newest rowid and stops at ``cap``)."""
    table = sa.table("claim_fts", sa.column("rowid"))
    match = sa.literal_column("claim_fts").op("MATCH")(query)
    newest = sa.select(table.c.rowid).where(match).order_by(table.c.rowid.desc()).limit(cap)
    return Claim.id.in_(newest)


def claim_search_value(dialect: str, q: str) -> str:
    """The value of the parameter of ``claim_matches(dialect, bindparam(...))``; a 422 when
    ``q`` has no word."""
    search_terms(q)
    return _fts5_query(q, prefix=False) if dialect == "sqlite" else q


def source_search_value(dialect: str, q: str) -> str:
    """The value of the parameter of ``source_matches(dialect, bindparam(...))``: an FTS5
    prefix query on SQLite, a ``to_tsquery`` text on PostgreSQL; a 422 when ``q`` has no
    word."""
    terms = search_terms(q)
    if dialect == "sqlite":
        return _fts5_query(q, prefix=True)
    return " & ".join(f"{t}:*" for t in terms)


def source_matches(dialect: str, q: str | sa.BindParameter[str]) -> ColumnElement[bool]:
    """Sources whose name or one of whose aliases has words starting with the query's; a
    ``bindparam`` instead of ``q`` must be given ``source_search_value(dialect, q)``."""
    if isinstance(q, str):
        q = sa.bindparam(None, source_search_value(dialect, q), unique=True)
    if dialect == "sqlite":
        by_alias = sa.select(SourceAlias.source_id).where(
            SourceAlias.id.in_(_sqlite_rowids("source_alias_fts", q))
        )
        return sa.or_(Source.id.in_(_sqlite_rowids("source_fts", q)), Source.id.in_(by_alias))
    tsquery = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), q)
    # A UNION of two index scans (an OR across tables would scan every source).
    named = Source.__table__.alias("named")
    name_expr = sa.literal_column("to_tsvector('simple'::regconfig, named.name)")
    alias_expr = sa.literal_column("to_tsvector('simple'::regconfig, source_alias.alias)")
    ids = sa.union(
        sa.select(named.c.id).where(name_expr.op("@@")(tsquery)),
        sa.select(SourceAlias.source_id).where(alias_expr.op("@@")(tsquery)),
    )
    return Source.id.in_(ids)

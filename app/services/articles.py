"""Read queries on articles, and their deletion."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from app.db import MAX_ID, Database
from app.errors import InvalidInput, NotFound
from app.models import Article
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services import claims as claim_queries
from app.services.claims import JSONDict, article_t, claim_t, raw
from app.services.search import article_matches

# The fields of ArticlePublic, in its order.
_ARTICLE_COLUMNS = (
    article_t.c.id,
    article_t.c.url,
    article_t.c.final_url,
    article_t.c.canonical_url,
    article_t.c.fetched_at,
    article_t.c.title,
    article_t.c.publisher,
    article_t.c.author,
    raw(article_t.c.published_at),
    article_t.c.language,
    article_t.c.text,
    article_t.c.content_sha256,
    article_t.c.ingested_at,
    article_t.c.claim_count,
)
_ARTICLE_FIELDS = tuple(c.name for c in _ARTICLE_COLUMNS)


def _item(row: Any) -> JSONDict:
    return dict(zip(_ARTICLE_FIELDS, row, strict=True))


def get_article(db: Database, *, article_id: int) -> JSONDict:
    """One article, or NotFound."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    with db.read() as conn:
        row = conn.execute(sa.select(*_ARTICLE_COLUMNS).where(article_t.c.id == article_id)).first()
        if row is None:
            raise NotFound(f"article {article_id} does not exist")
        return _item(row)


def list_articles(
    db: Database,
    *,
    page: PageParams,
    publisher: str | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
    q: str | None = None,
) -> JSONDict:
    """Articles, newest publication first (undated last), then newest id first."""
    if published_from and published_to and published_from > published_to:
        raise InvalidInput(
            "published_from must not be after published_to", loc=("query", "published_from")
        )
    query = sa.select(*_ARTICLE_COLUMNS)
    if publisher is not None:
        query = query.where(Article.publisher == publisher)
    if published_from is not None:
        query = query.where(Article.published_at >= published_from)
    if published_to is not None:
        query = query.where(Article.published_at <= published_to)
    if q is not None:
        query = query.where(article_matches(db.dialect, q))
    # Dated articles first, then the undated: two keyset walks, each down an index. One
    # ORDER BY published_at DESC NULLS LAST matched no PostgreSQL index (a backward scan of
    # (published_at, id) puts NULLs first): it sorted every article for each page.
    dated: sa.Select[Any] | None = query.where(Article.published_at.is_not(None))
    undated = query.where(Article.published_at.is_(None))
    if page.cursor:
        c_date, c_id = decode_cursor(page.cursor, (date, int))
        if c_date is None:
            dated = None
            undated = undated.where(Article.id < c_id)
        else:
            assert dated is not None
            dated = dated.where(
                sa.tuple_(Article.published_at, Article.id)
                < sa.tuple_(sa.literal(c_date, sa.Date), sa.literal(c_id, sa.Integer))
            )
    want = page.limit + 1
    with db.read() as conn:
        rows = []
        if dated is not None:
            newest = dated.order_by(Article.published_at.desc(), Article.id.desc())
            rows = list(conn.execute(newest.limit(want)).all())
        if len(rows) < want:
            rest = undated.order_by(Article.id.desc()).limit(want - len(rows))
            rows += conn.execute(rest).all()
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    next_cursor = encode_cursor([rows[-1].published_at, rows[-1].id]) if has_more else None
    return {"items": [_item(r) for r in rows], "next_cursor": next_cursor}


def delete_article(db: Database, *, article_id: int) -> None:
    """Remove an article and (by cascade) its claims and quantities. Commits."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    with db.write_session() as session:
        deleted = session.execute(
            sa.delete(Article.__table__).where(Article.__table__.c.id == article_id)
        ).rowcount
        if not deleted:
            raise NotFound(f"article {article_id} does not exist")
        session.commit()


_EXISTS = sa.select(article_t.c.id).where(article_t.c.id == sa.bindparam("id"))


def _in_text_order(with_cursor: bool) -> sa.Select[Any]:
    c = claim_t.c
    query = claim_queries.claim_select().where(c.article_id == sa.bindparam("article_id"))
    if with_cursor:
        query = query.where(
            sa.tuple_(c.content_start, c.id)
            > sa.tuple_(sa.bindparam("c_start"), sa.bindparam("c_id"))
        )
    return query.order_by(c.content_start, c.id).limit(sa.bindparam("limit", type_=sa.Integer))


def list_article_claims(db: Database, *, article_id: int, page: PageParams) -> JSONDict:
    """The claims of one article in text order (by content start)."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    values: dict[str, Any] = {"article_id": article_id, "limit": page.limit + 1}
    if page.cursor:
        values["c_start"], values["c_id"] = decode_cursor(page.cursor, (int, int))
    with_cursor = bool(page.cursor)
    sql = db.sql(("article_claims", with_cursor), lambda: _in_text_order(with_cursor))
    exists = db.sql("article_exists", lambda: _EXISTS)
    with db.cursor() as cur:
        if not cur.execute(exists, {"id": article_id}):
            raise NotFound(f"article {article_id} does not exist")
        return claim_queries.page_of_claims(
            cur, sql, values, page.limit, key=claim_queries.text_order_key
        )

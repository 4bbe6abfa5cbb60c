"""Read queries on articles, and their deletion."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import orjson
import sqlalchemy as sa

from app.db import MAX_ID, Cursor, Database
from app.errors import InvalidInput, NotFound
from app.models import Article
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services import claims as claim_queries
from app.services.claims import JSONDict, article_t, claim_t, raw
from app.services.search import article_matches, article_search_value

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


# The article each of a page's articles republishes (app/services/appearances.py), one query
# for the page: a JSON array of ids on SQLite, an array on PostgreSQL.
_REPUBLICATIONS = (
    "SELECT r.article_id, o.id, o.title, o.publisher, o.published_at, o.url, "
    "r.matched_claims, r.claims FROM article_republication r "
    "JOIN article o ON o.id = r.original_id WHERE r.article_id {}"
)
_REPUBLICATIONS_SQLITE = _REPUBLICATIONS.format("IN (SELECT value FROM json_each(?))")
_REPUBLICATIONS_PG = _REPUBLICATIONS.format("= ANY(%s)")


def republications_of(cur: Cursor, article_ids: list[int]) -> dict[int, JSONDict]:
    """``ArticlePublic.republication_of`` of each article that republishes another."""
    if not article_ids:
        return {}
    if cur.is_sqlite:
        rows = cur.execute_text(_REPUBLICATIONS_SQLITE, (orjson.dumps(article_ids).decode(),))
    else:
        rows = cur.execute_text(_REPUBLICATIONS_PG, (article_ids,))
    out = {}
    for article_id, original_id, title, publisher, published_at, url, matched, claims in rows:
        if isinstance(published_at, date):
            published_at = published_at.isoformat()
        out[article_id] = {
            "id": original_id,
            "title": title,
            "publisher": publisher,
            "published_at": published_at,
            "url": url,
            "matched_claims": matched,
            "claims": claims,
        }
    return out


def _with_republications(cur: Cursor, items: list[JSONDict]) -> list[JSONDict]:
    found = republications_of(cur, [item["id"] for item in items])
    for item in items:
        item["republication_of"] = found.get(item["id"])
    return items


_FETCHED_AT = _ARTICLE_FIELDS.index("fetched_at")
_INGESTED_AT = _ARTICLE_FIELDS.index("ingested_at")
_PUBLISHED_AT = _ARTICLE_FIELDS.index("published_at")
_ARTICLE_ID = _ARTICLE_FIELDS.index("id")


def _utc(value: Any) -> datetime | None:
    """A timestamp as ``UTCDateTime`` gives it: SQLite's text (naive UTC) or PostgreSQL's
    aware datetime, as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _driver_item(row: Any) -> JSONDict:
    """A driver row of ``_ARTICLE_COLUMNS`` as the ``ArticlePublic`` object."""
    item = dict(zip(_ARTICLE_FIELDS, row, strict=True))
    item["fetched_at"] = _utc(row[_FETCHED_AT])
    item["ingested_at"] = _utc(row[_INGESTED_AT])
    return item


def get_article(db: Database, *, article_id: int) -> JSONDict:
    """One article, or NotFound."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    sql = db.sql(
        "article", lambda: sa.select(*_ARTICLE_COLUMNS).where(article_t.c.id == sa.bindparam("id"))
    )
    with db.cursor() as cur:
        rows = cur.execute(sql, {"id": article_id})
        if not rows:
            raise NotFound(f"article {article_id} does not exist")
        return _with_republications(cur, [_driver_item(rows[0])])[0]


def _articles_walk(dialect: str, names: tuple[str, ...], *, dated: bool) -> sa.Select[Any]:
    """One of the two keyset walks of ``list_articles`` (the dated articles newest first, or
    the undated ones), filtered by ``names``, each value a bound parameter."""
    query = sa.select(*_ARTICLE_COLUMNS)
    p = sa.bindparam
    if "publisher" in names:
        query = query.where(Article.publisher == p("publisher"))
    if "published_from" in names:
        query = query.where(Article.published_at >= p("published_from", type_=sa.Date))
    if "published_to" in names:
        query = query.where(Article.published_at <= p("published_to", type_=sa.Date))
    if "q" in names:
        query = query.where(article_matches(dialect, p("q", type_=sa.String)))
    if not dated:
        query = query.where(Article.published_at.is_(None))
        if "c_id" in names:
            query = query.where(Article.id < p("c_id"))
        return query.order_by(Article.id.desc()).limit(p("limit", type_=sa.Integer))
    query = query.where(Article.published_at.is_not(None))
    if "c_date" in names:
        query = query.where(
            sa.tuple_(Article.published_at, Article.id)
            < sa.tuple_(p("c_date", type_=sa.Date), p("c_id", type_=sa.Integer))
        )
    order = (Article.published_at.desc(), Article.id.desc())
    return query.order_by(*order).limit(p("limit", type_=sa.Integer))


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
    values: dict[str, Any] = {}
    if publisher is not None:
        values["publisher"] = publisher
    if published_from is not None:
        values["published_from"] = published_from
    if published_to is not None:
        values["published_to"] = published_to
    if q is not None:
        values["q"] = article_search_value(db.dialect, q)
    c_date, c_id = decode_cursor(page.cursor, (date, int)) if page.cursor else (None, None)
    want = page.limit + 1
    # Dated articles first, then the undated: two keyset walks, each down an index. One
    # ORDER BY published_at DESC NULLS LAST matched no PostgreSQL index (a backward scan of
    # (published_at, id) puts NULLs first): it sorted every article for each page.
    with db.cursor() as cur:
        rows: list[Any] = []
        if c_id is None or c_date is not None:  # not yet among the undated
            dated = {**values, "limit": want}
            if c_date is not None:
                dated["c_date"], dated["c_id"] = c_date, c_id
            names = tuple(sorted(dated))
            sql = db.sql(("articles", names), lambda: _articles_walk(db.dialect, names, dated=True))
            rows = cur.execute(sql, dated)
        if len(rows) < want:
            undated = {**values, "limit": want - len(rows)}
            if c_id is not None and c_date is None:
                undated["c_id"] = c_id
            names = tuple(sorted(undated))
            sql = db.sql(
                ("articles_undated", names),
                lambda: _articles_walk(db.dialect, names, dated=False),
            )
            rows += cur.execute(sql, undated)
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        items = _with_republications(cur, [_driver_item(r) for r in rows])
    next_cursor = (
        encode_cursor([rows[-1][_PUBLISHED_AT], rows[-1][_ARTICLE_ID]]) if has_more else None
    )
    return {"items": items, "next_cursor": next_cursor}


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

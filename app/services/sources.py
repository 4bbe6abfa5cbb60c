"""Read queries on the source directory (Core rows to JSON-ready dicts, as in claims.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db import MAX_ID, Database
from app.errors import NotFound
from app.models import Article, Claim, SourceAlias
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services import claims as claim_queries
from app.services.claims import (
    ClaimFilters,
    JSONDict,
    affiliation_t,
    claim_t,
    raw,
    source_t,
)
from app.services.search import source_matches

alias_t = SourceAlias.__table__


def _source_select() -> sa.Select[Any]:
    return sa.select(
        source_t.c.id,
        source_t.c.name,
        source_t.c.key,
        source_t.c.type,
        source_t.c.role,
        source_t.c.affiliation_id,
        affiliation_t.c.name.label("affiliation_name"),
    ).outerjoin(affiliation_t, affiliation_t.c.id == source_t.c.affiliation_id)


_ALIASES = (
    sa.select(alias_t.c.source_id, alias_t.c.alias)
    .where(alias_t.c.source_id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(alias_t.c.source_id, alias_t.c.id)
)
_STATS = (
    sa.select(
        claim_t.c.source_id,
        sa.func.count(),
        raw(sa.func.min(claim_t.c.said_on), "first"),
        raw(sa.func.max(claim_t.c.said_on), "last"),
    )
    .where(claim_t.c.source_id.in_(sa.bindparam("ids", expanding=True)))
    .group_by(claim_t.c.source_id)
)


def _items(conn: Connection, rows: list[Any]) -> list[JSONDict]:
    """Source rows as ``SourcePublic`` objects: aliases and statistics in one query each."""
    ids = [r.id for r in rows]
    aliases: dict[int, list[str]] = {}
    stats: dict[int, Any] = {}
    if ids:
        for source_id, alias in conn.execute(_ALIASES, {"ids": ids}):
            aliases.setdefault(source_id, []).append(alias)
        for row in conn.execute(_STATS, {"ids": ids}):
            stats[row[0]] = row
    out = []
    for r in rows:
        st = stats.get(r.id)
        out.append(
            {
                "id": r.id,
                "name": r.name,
                "type": r.type,
                "role": r.role,
                "affiliation": {"id": r.affiliation_id, "name": r.affiliation_name}
                if r.affiliation_id is not None
                else None,
                "aliases": aliases.get(r.id, []),
                "claim_count": st[1] if st else 0,
                "first_said_on": st[2] if st else None,
                "last_said_on": st[3] if st else None,
            }
        )
    return out


def get_source(db: Database, *, source_id: int) -> JSONDict:
    """One source with aliases, role, affiliation and claim statistics, or NotFound."""
    if not 1 <= source_id <= MAX_ID:
        raise NotFound(f"source {source_id} does not exist")
    with db.read() as conn:
        row = conn.execute(_source_select().where(source_t.c.id == source_id)).first()
        if row is None:
            raise NotFound(f"source {source_id} does not exist")
        return _items(conn, [row])[0]


def list_sources(
    db: Database, *, page: PageParams, q: str | None = None, type: str | None = None
) -> JSONDict:
    """Sources by name (case-insensitively), optionally searched by name or alias words."""
    query = _source_select()
    if q is not None:
        query = query.where(source_matches(db.dialect, q))
    if type is not None:
        query = query.where(source_t.c.type == type)
    if page.cursor:
        c_key, c_id = decode_cursor(page.cursor, (str, int))
        query = query.where(sa.tuple_(source_t.c.key, source_t.c.id) > sa.tuple_(c_key, c_id))
    query = query.order_by(source_t.c.key, source_t.c.id).limit(page.limit + 1)
    with db.read() as conn:
        rows = conn.execute(query).all()
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        last = rows[-1] if rows else None
        next_cursor = encode_cursor([last.key, last.id]) if has_more and last else None
        return {"items": _items(conn, rows), "next_cursor": next_cursor}


_EXISTS = sa.select(source_t.c.id).where(source_t.c.id == sa.bindparam("id"))


def list_source_claims(
    db: Database, *, source_id: int, page: PageParams, filters: ClaimFilters
) -> JSONDict:
    """What one source said, newest first, with the filters of ``list_claims``."""
    if not 1 <= source_id <= MAX_ID:
        raise NotFound(f"source {source_id} does not exist")
    exists = db.sql("source_exists", lambda: _EXISTS)
    with db.cursor() as cur:
        if not cur.execute(exists, {"id": source_id}):
            raise NotFound(f"source {source_id} does not exist")
        values = claim_queries.filter_values(db.dialect, replace(filters, source=None))
        if values is None:
            return claim_queries.empty_page()
        values["source_id"] = source_id
        return claim_queries.claims_page(cur, db, page=page, values=values)


def claims_per_day(db: Database, *, source_id: int) -> list[tuple[date, int]]:
    """How many claims a source made each day: the day it said them, else the day the
    article was published; claims with neither are left out."""
    day = sa.func.coalesce(Claim.said_on, Article.published_at)
    query = (
        sa.select(day.label("day"), sa.func.count().label("n"))
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.source_id == source_id, day.is_not(None))
        .group_by(day)
        .order_by(day)
    )
    with db.read() as conn:
        return [(_as_date(row.day), row.n) for row in conn.execute(query)]


def _as_date(value: Any) -> date:
    # SQLite hands back COALESCE of two DATE columns as text
    return value if isinstance(value, date) else date.fromisoformat(str(value))

"""Read queries on the source directory (Core rows to JSON-ready dicts, as in claims.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db import MAX_ID, Cursor, Database
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
from app.services.corrections import moved_source
from app.services.search import source_matches, source_search_value

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
        source_t.c.wikidata_id,
    ).outerjoin(affiliation_t, affiliation_t.c.id == source_t.c.affiliation_id)


_ALIASES = (
    sa.select(alias_t.c.source_id, alias_t.c.alias)
    .where(alias_t.c.source_id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(alias_t.c.source_id, alias_t.c.id)
)
# The count is stored (source.claim_count, kept by triggers); the first and last said_on are
# one index probe each on (source_id, said_on): neither walks a source's claims, so a page of
# sources costs the same at a million claims as at a thousand.
_FIRST = (
    sa.select(sa.func.min(claim_t.c.said_on))
    .where(claim_t.c.source_id == source_t.c.id)
    .scalar_subquery()
)
_LAST = (
    sa.select(sa.func.max(claim_t.c.said_on))
    .where(claim_t.c.source_id == source_t.c.id)
    .scalar_subquery()
)
_STATS = sa.select(
    source_t.c.id, source_t.c.claim_count, raw(_FIRST, "first"), raw(_LAST, "last")
).where(source_t.c.id.in_(sa.bindparam("ids", expanding=True)))
# The same two queries for the lean list path: one statement text for any page (a JSON array
# of ids on SQLite, an array on PostgreSQL), run on the driver cursor.
_ALIASES_SQL = {
    "sqlite": "SELECT source_id, alias FROM source_alias WHERE source_id IN "
    "(SELECT value FROM json_each(?)) ORDER BY source_id, id",
    "postgresql": "SELECT source_id, alias FROM source_alias WHERE source_id = ANY(%s) "
    "ORDER BY source_id, id",
}
_STATS_COLUMNS = (
    "SELECT id, claim_count, "
    "(SELECT min(said_on) FROM claim WHERE claim.source_id = source.id), "
    "(SELECT max(said_on) FROM claim WHERE claim.source_id = source.id) FROM source "
)
_STATS_SQL = {
    "sqlite": _STATS_COLUMNS + "WHERE id IN (SELECT value FROM json_each(?))",
    "postgresql": _STATS_COLUMNS + "WHERE id = ANY(%s)",
}
# The columns of _source_select(), by position (rows of Core and of the driver alike).
_ID, _NAME, _KEY, _TYPE, _ROLE, _AFFILIATION_ID, _AFFILIATION_NAME, _WIKIDATA_ID = range(8)


def _source_item(r: Any, aliases: dict[int, list[str]], stats: dict[int, Any]) -> JSONDict:
    """A ``_source_select()`` row as the ``SourcePublic`` object."""
    source_id = r[_ID]
    st = stats.get(source_id)
    return {
        "id": source_id,
        "name": r[_NAME],
        "type": r[_TYPE],
        "role": r[_ROLE],
        "affiliation": {"id": r[_AFFILIATION_ID], "name": r[_AFFILIATION_NAME]}
        if r[_AFFILIATION_ID] is not None
        else None,
        "aliases": aliases.get(source_id, []),
        "claim_count": st[1] if st else 0,
        "first_said_on": st[2] if st else None,
        "last_said_on": st[3] if st else None,
        "wikidata_id": r[_WIKIDATA_ID],
    }


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
    return [_source_item(r, aliases, stats) for r in rows]


def _cursor_items(cur: Cursor, dialect: str, rows: list[Any]) -> list[JSONDict]:
    """``_items`` on the driver cursor: the page's aliases and statistics, a query each."""
    aliases: dict[int, list[str]] = {}
    stats: dict[int, Any] = {}
    if rows:
        ids: Any = [r[_ID] for r in rows]
        if cur.is_sqlite:
            ids = orjson.dumps(ids).decode()
        for source_id, alias in cur.execute_text(_ALIASES_SQL[dialect], (ids,)):
            aliases.setdefault(source_id, []).append(alias)
        for row in cur.execute_text(_STATS_SQL[dialect], (ids,)):
            stats[row[0]] = row
    return [_source_item(r, aliases, stats) for r in rows]


_FORM = sa.func.coalesce(claim_t.c.source_alias, claim_t.c.source_mention_text)
_SEEN_AS = (
    sa.select(_FORM.label("alias"), sa.func.count().label("n"))
    .where(claim_t.c.source_id == sa.bindparam("id"), _FORM.is_not(None))
    .group_by(_FORM)
    .order_by(sa.func.count().desc(), _FORM)
)
_WHEN = sa.func.coalesce(claim_t.c.said_on, Article.__table__.c.published_at)
_ROLES = (
    sa.select(
        claim_t.c.source_role,
        sa.func.count(),
        raw(sa.func.min(_WHEN), "first"),
        raw(sa.func.max(_WHEN), "last"),
    )
    .join(Article.__table__, Article.__table__.c.id == claim_t.c.article_id)
    .where(claim_t.c.source_id == sa.bindparam("id"), claim_t.c.source_role.is_not(None))
    .group_by(claim_t.c.source_role)
)


def _history(conn: Connection, source_id: int) -> JSONDict:
    """The forms a source was seen under (most used first) and its roles over time (most
    recent first; undated last)."""
    seen_as = [{"alias": a, "count": n} for a, n in conn.execute(_SEEN_AS, {"id": source_id})]
    roles = sorted(
        conn.execute(_ROLES, {"id": source_id}).all(),
        key=lambda r: (str(r[3]) if r[3] is not None else "", r[1]),
        reverse=True,
    )
    return {
        "seen_as": seen_as,
        "roles": [
            {"role": r[0], "count": r[1], "first_said_on": r[2], "last_said_on": r[3]}
            for r in roles
        ],
    }


def get_source(db: Database, *, source_id: int) -> JSONDict:
    """One source with aliases, role, affiliation, claim statistics, the forms it was seen
    under and its roles over time (``SourceDetail``), or NotFound."""
    if not 1 <= source_id <= MAX_ID:
        raise NotFound(f"source {source_id} does not exist")
    with db.read() as conn:
        row = conn.execute(_source_select().where(source_t.c.id == source_id)).first()
        if row is None:
            raise NotFound(f"source {source_id} does not exist")
        return {**_items(conn, [row])[0], **_history(conn, source_id)}


def _sources_by_name(dialect: str, names: tuple[str, ...]) -> sa.Select[Any]:
    query = _source_select().where(source_t.c.merged_into_id.is_(None))
    if "q" in names:
        query = query.where(source_matches(dialect, sa.bindparam("q", type_=sa.String)))
    if "type" in names:
        query = query.where(source_t.c.type == sa.bindparam("type"))
    if "c_id" in names:
        query = query.where(
            sa.tuple_(source_t.c.key, source_t.c.id)
            > sa.tuple_(sa.bindparam("c_key", type_=sa.String), sa.bindparam("c_id"))
        )
    return query.order_by(source_t.c.key, source_t.c.id).limit(
        sa.bindparam("limit", type_=sa.Integer)
    )


def list_sources(
    db: Database, *, page: PageParams, q: str | None = None, type: str | None = None
) -> JSONDict:
    """Sources by name (case-insensitively), optionally searched by name or alias words."""
    values: dict[str, Any] = {"limit": page.limit + 1}
    if q is not None:
        values["q"] = source_search_value(db.dialect, q)
    if type is not None:
        values["type"] = type
    if page.cursor:
        values["c_key"], values["c_id"] = decode_cursor(page.cursor, (str, int))
    names = tuple(sorted(values))
    sql = db.sql(("sources", names), lambda: _sources_by_name(db.dialect, names))
    with db.cursor() as cur:
        rows = cur.execute(sql, values)
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        last = rows[-1] if rows else None
        next_cursor = encode_cursor([last[_KEY], last[_ID]]) if has_more and last else None
        return {"items": _cursor_items(cur, db.dialect, rows), "next_cursor": next_cursor}


_LIVE = sa.select(source_t.c.id, source_t.c.merged_into_id).where(
    source_t.c.id == sa.bindparam("id")
)


def list_source_claims(
    db: Database,
    *,
    source_id: int,
    page: PageParams,
    filters: ClaimFilters,
    path: str | None = None,
) -> JSONDict:
    """What one source said, newest first, with the filters of ``list_claims``; NotFound for
    a source that never was. Given the request's ``path`` (and query), a source merged into
    another raises ``Moved`` to the target, as ``corrections.check_source`` does."""
    if not 1 <= source_id <= MAX_ID:
        raise NotFound(f"source {source_id} does not exist")
    live = db.sql("source_live", lambda: _LIVE)
    with db.cursor() as cur:
        found = cur.execute(live, {"id": source_id})
        if not found:
            raise NotFound(f"source {source_id} does not exist")
        if path is not None and found[0][1] is not None:
            raise moved_source(source_id, found[0][1], path)
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

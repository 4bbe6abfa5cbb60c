"""Read queries on claims: who said what, when.

The read path is lean on purpose (issue 7): one Core query per page joins each claim with its
article, source and affiliation, one more fetches the page's quantities, and rows become
plain JSON-ready dicts (in the field order of ``ClaimPublic``) that the route encodes once.
No ORM objects, no pydantic models per row: the schema classes document the responses, the
dicts are what goes out (``tests/api`` checks them against the schemas).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa

from app.db import MAX_ID, SQL, Cursor, Database
from app.errors import InvalidInput, NotFound
from app.models import Article, Claim, ClaimFingerprint, Quantity, Source, SourceAlias
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services.identity import generic_head, generic_key, name_key
from app.services.search import claim_matches, claim_matches_newest, claim_search_value

JSONDict = dict[str, Any]

claim_t = Claim.__table__
article_t = Article.__table__
source_t = Source.__table__
affiliation_t = source_t.alias("affiliation")
quantity_t = Quantity.__table__
# A claim's place among the appearances of its statement (app/services/appearances.py).
_mine = ClaimFingerprint.__table__.alias("mine_fp")
_other = ClaimFingerprint.__table__.alias("other_fp")
_EARLIEST = ~sa.exists().where(
    _other.c.statement_id == _mine.c.statement_id,
    sa.or_(
        _other.c.appeared_on < _mine.c.appeared_on,
        sa.and_(_other.c.appeared_on == _mine.c.appeared_on, _other.c.claim_id < _mine.c.claim_id),
    ),
)
_APPEARANCES = (
    sa.select(sa.func.count())
    .select_from(_other)
    .where(_other.c.statement_id == _mine.c.statement_id, _other.c.claim_id != _mine.c.claim_id)
    .scalar_subquery()
)


def raw(column: Any, name: str | None = None) -> Any:
    """A column as the driver hands it over: SQLite dates stay ISO strings (what the JSON
    shows anyway) and JSON stays text, instead of being parsed per row by SQLAlchemy;
    PostgreSQL's driver gives ``date`` and parsed JSON, which the encoder takes as they are."""
    return sa.type_coerce(column, sa.String).label(name or column.name)


# What a claim item shows, in one row: the claim, its article, its source, the affiliation
# (claim_item unpacks a row in this order).
CLAIM_COLUMNS: tuple[Any, ...] = (
    claim_t.c.id,
    claim_t.c.article_id,
    claim_t.c.source_id,
    claim_t.c.kind,
    claim_t.c.text,
    claim_t.c.content_start,
    claim_t.c.content_end,
    claim_t.c.content_text,
    raw(claim_t.c.content_fragments),
    claim_t.c.cue_start,
    claim_t.c.cue_end,
    claim_t.c.cue_text,
    claim_t.c.source_mention_start,
    claim_t.c.source_mention_end,
    claim_t.c.source_mention_text,
    raw(claim_t.c.said_on),
    claim_t.c.said_on_precision,
    claim_t.c.said_on_text,
    claim_t.c.based_on_start,
    claim_t.c.based_on_end,
    claim_t.c.based_on_text,
    claim_t.c.confidence,
    raw(claim_t.c.sort_date),
    article_t.c.title.label("article_title"),
    article_t.c.publisher.label("article_publisher"),
    raw(article_t.c.published_at, "article_published_at"),
    article_t.c.url.label("article_url"),
    source_t.c.name.label("source_name"),
    source_t.c.type.label("source_type"),
    source_t.c.role.label("source_role"),
    affiliation_t.c.id.label("affiliation_id"),
    affiliation_t.c.name.label("affiliation_name"),
    claim_t.c.source_role.label("claim_source_role"),
    claim_t.c.generic_key,
    _EARLIEST.label("earliest_appearance"),
    _APPEARANCES.label("appearance_count"),
)


CLAIM_FIELDS: tuple[str, ...] = tuple(c.name for c in CLAIM_COLUMNS)


def claim_select() -> sa.Select[Any]:
    """Claims joined with what a claim item shows: article, source and its affiliation."""
    return (
        sa.select(*CLAIM_COLUMNS)
        .select_from(claim_t)
        .join(article_t, article_t.c.id == claim_t.c.article_id)
        .outerjoin(source_t, source_t.c.id == claim_t.c.source_id)
        .outerjoin(affiliation_t, affiliation_t.c.id == source_t.c.affiliation_id)
        .outerjoin(_mine, _mine.c.claim_id == claim_t.c.id)
    )


def _span(start: int | None, end: int | None, text: str | None) -> JSONDict | None:
    if start is None or end is None or text is None:
        return None
    return {"start": start, "end": end, "text": text}


def _fragments(value: Any, start: int, text: str) -> list[JSONDict]:
    pairs = orjson.loads(value) if isinstance(value, str | bytes) else value
    return [{"start": s, "end": e, "text": text[s - start : e - start]} for s, e in pairs]


def claim_item(row: Sequence[Any], quantities: list[JSONDict]) -> JSONDict:
    """One claim row of ``claim_select()`` as the JSON object of ``ClaimPublic``."""
    # Unpacked in one step (the order of CLAIM_COLUMNS): a Row's attribute access costs ~10x
    # a local, and this runs 30 times for each of up to 500 rows of a page.
    (
        claim_id,
        article_id,
        source_id,
        kind,
        text,
        content_start,
        content_end,
        content_text,
        content_fragments,
        cue_start,
        cue_end,
        cue_text,
        mention_start,
        mention_end,
        mention_text,
        said_on,
        said_on_precision,
        said_on_text,
        based_on_start,
        based_on_end,
        based_on_text,
        confidence,
        _sort_date,
        article_title,
        article_publisher,
        article_published_at,
        article_url,
        source_name,
        source_type,
        source_role,
        affiliation_id,
        affiliation_name,
        claim_source_role,
        generic_key,
        earliest_appearance,
        appearance_count,
    ) = row
    source = None
    if source_id is not None:
        source = {
            "id": source_id,
            "name": source_name,
            "type": source_type,
            "role": source_role,
            "affiliation": {"id": affiliation_id, "name": affiliation_name}
            if affiliation_id is not None
            else None,
        }
    return {
        "id": claim_id,
        "article_id": article_id,
        "kind": kind,
        "text": text,
        "content": {"start": content_start, "end": content_end, "text": content_text},
        "content_fragments": _fragments(content_fragments, content_start, content_text),
        "cue": _span(cue_start, cue_end, cue_text),
        "source_mention": _span(mention_start, mention_end, mention_text),
        "source": source,
        "source_role": claim_source_role,
        "source_generic": generic_key is not None,
        "said_on": said_on,
        "said_on_precision": said_on_precision,
        "said_on_text": said_on_text,
        "based_on": _span(based_on_start, based_on_end, based_on_text),
        "quantities": quantities,
        "confidence": confidence,
        "article": {
            "id": article_id,
            "title": article_title,
            "publisher": article_publisher,
            "published_at": article_published_at,
            "url": article_url,
        },
        "earliest_appearance": bool(earliest_appearance),
        "appearance_count": appearance_count,
    }


_QUANTITY_COLUMNS = (
    "claim_id, value, qualifier, unit, measure, value_to, part_of, span_start, span_end, span_text"
)
# One statement text for any number of ids: a JSON array on SQLite, an array on PostgreSQL.
_QUANTITIES_SQLITE = (
    f"SELECT {_QUANTITY_COLUMNS} FROM quantity WHERE claim_id IN "
    "(SELECT value FROM json_each(?)) ORDER BY claim_id, span_start, id"
)
_QUANTITIES_PG = (
    f"SELECT {_QUANTITY_COLUMNS} FROM quantity WHERE claim_id = ANY(%s) "
    "ORDER BY claim_id, span_start, id"
)


def quantities_of(cur: Cursor, claim_ids: Sequence[int]) -> dict[int, list[JSONDict]]:
    """The quantities of many claims in one query, by claim id, in text order."""
    out: dict[int, list[JSONDict]] = {}
    if not claim_ids:
        return out
    if cur.is_sqlite:
        rows = cur.execute_text(_QUANTITIES_SQLITE, (orjson.dumps(list(claim_ids)).decode(),))
    else:
        rows = cur.execute_text(_QUANTITIES_PG, (list(claim_ids),))
    for claim_id, value, qualifier, unit, measure, value_to, part_of, s, e, text in rows:
        out.setdefault(claim_id, []).append(
            {
                "value": float(value),
                "qualifier": qualifier,
                "unit": unit,
                "measure": measure,
                "value_to": None if value_to is None else float(value_to),
                "part_of": None if part_of is None else float(part_of),
                "span": {"start": s, "end": e, "text": text},
            }
        )
    return out


def claim_items(cur: Cursor, rows: Sequence[Sequence[Any]]) -> list[JSONDict]:
    """Rows of ``claim_select()`` as claim items, their quantities fetched in one query."""
    quantities = quantities_of(cur, [r[0] for r in rows])
    return [claim_item(r, quantities.get(r[0], [])) for r in rows]


_ID = CLAIM_FIELDS.index("id")
_SORT_DATE = CLAIM_FIELDS.index("sort_date")
_CONTENT_START = CLAIM_FIELDS.index("content_start")


def page_of_claims(
    cur: Cursor, sql: SQL, values: dict[str, Any], limit: int, *, key: Callable[[Any], list[Any]]
) -> JSONDict:
    """Run a ``claim_select()`` statement fetching ``limit + 1`` rows and build the page;
    ``key(row)`` gives the cursor values of the last row."""
    rows = cur.execute(sql, values)
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(key(rows[-1])) if has_more and rows else None
    return {"items": claim_items(cur, rows), "next_cursor": next_cursor}


def _one_claim() -> sa.Select[Any]:
    return claim_select().where(claim_t.c.id == sa.bindparam("id"))


def get_claim(db: Database, *, claim_id: int) -> JSONDict:
    """One claim with its article, spans, source and quantities, or NotFound."""
    if not 1 <= claim_id <= MAX_ID:
        raise NotFound(f"claim {claim_id} does not exist")
    sql = db.sql("claim", _one_claim)
    with db.cursor() as cur:
        rows = cur.execute(sql, {"id": claim_id})
        if not rows:
            raise NotFound(f"claim {claim_id} does not exist")
        return claim_items(cur, rows)[0]


def empty_page() -> JSONDict:
    return {"items": [], "next_cursor": None}


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    """The filters of the claim lists; every one given must hold (AND)."""

    source_id: int | None = None
    source: str | None = None  # name or alias
    said_from: date | None = None
    said_to: date | None = None
    q: str | None = None
    kind: str | None = None
    article_id: int | None = None
    publisher: str | None = None


def filter_values(dialect: str, filters: ClaimFilters) -> dict[str, Any] | None:
    """The bound values of ``filters`` (``filtered()`` names them); None when nothing can
    match. Raises InvalidInput for a bad combination or an unsearchable ``q``."""
    f = filters
    if f.said_from and f.said_to and f.said_from > f.said_to:
        raise InvalidInput("said_from must not be after said_to", loc=("query", "said_from"))
    # An id no row can have matches nothing (and must not reach the driver: int4/int8).
    for value in (f.source_id, f.article_id):
        if value is not None and not 1 <= value <= MAX_ID:
            return None
    values: dict[str, Any] = {}
    if f.q is not None:
        values["q"] = claim_search_value(dialect, f.q)
    for name in ("source_id", "said_from", "said_to", "kind", "article_id", "publisher"):
        value = getattr(f, name)
        if value is not None:
            values[name] = value
    if f.source is not None:
        values["source_key"] = name_key(f.source)
        generic = generic_key(f.source)
        values["source_generic"] = generic
        values["source_generic_like"] = "% " + _like_escape(generic)
    return values


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(dialect: str, query: sa.Select[Any], names: Iterable[str]) -> sa.Select[Any]:
    """``query`` (over claim and article) narrowed by the filters ``names`` of
    ``filter_values``, each a bound parameter of that name."""
    c = claim_t.c
    p = sa.bindparam
    for name in names:
        if name == "source_id":
            query = query.where(c.source_id == p("source_id"))
        elif name == "source_key":
            by_alias = sa.select(SourceAlias.source_id).where(SourceAlias.key == p("source_key"))
            by_name = sa.select(source_t.c.id).where(source_t.c.key == p("source_key"))
            # and generic claims by their mention: exactly, or as its last words
            # ("officials" finds "Israeli officials")
            query = query.where(
                sa.or_(
                    c.source_id.in_(by_name),
                    c.source_id.in_(by_alias),
                    c.generic_key == p("source_generic"),
                    c.generic_key.like(p("source_generic_like"), escape="\\"),
                )
            )
        # A claim with a said_on has it as its sort_date (ingest.py, the only writer of
        # said_on), so "said_on known and in range" is "said_on known and sort_date in range":
        # said so, the newest-first index is walked from said_to down and stops at the page's
        # end. (A range on said_on as well made PostgreSQL multiply two correlated estimates,
        # expect 47 rows of 6,000 and sort the whole month: 2.4x slower at 1M claims.)
        elif name == "said_from":
            query = query.where(
                c.said_on.is_not(None), c.sort_date >= p("said_from", type_=sa.Date)
            )
        elif name == "said_to":
            query = query.where(c.said_on.is_not(None), c.sort_date <= p("said_to", type_=sa.Date))
        elif name == "kind":
            query = query.where(c.kind == p("kind"))
        elif name == "article_id":
            query = query.where(c.article_id == p("article_id"))
        elif name == "publisher":
            query = query.where(article_t.c.publisher == p("publisher"))
        elif name == "q":
            query = query.where(claim_matches(dialect, p("q", type_=sa.String)))
        elif name == "q_newest":
            query = query.where(
                claim_matches_newest(p("q_newest", type_=sa.String), SEARCH_CANDIDATES)
            )
        elif name not in (
            "c_date",
            "c_id",
            "limit",
            "source_generic",
            "source_generic_like",
        ):  # pragma: no cover - programming error
            raise ValueError(name)
    return query


def _newest_first(dialect: str, names: tuple[str, ...]) -> sa.Select[Any]:
    # The page's ids first, from claim alone (and article only to filter by publisher), then
    # the joins for those rows only: joined before the LIMIT, PostgreSQL chose hash joins
    # that read every article and source (a sequential scan of 150 MB of article text for a
    # rare word at a million claims).
    c = claim_t.c
    ids = sa.select(c.id).select_from(claim_t)
    if "publisher" in names:
        ids = ids.join(article_t, article_t.c.id == c.article_id)
    ids = filtered(dialect, ids, names)
    if "c_id" in names:
        ids = ids.where(
            sa.tuple_(c.sort_date, c.id)
            < sa.tuple_(sa.bindparam("c_date", type_=sa.Date), sa.bindparam("c_id"))
        )
    order = (c.sort_date.desc(), c.id.desc())
    ids = ids.order_by(*order).limit(sa.bindparam("limit", type_=sa.Integer))
    return claim_select().where(c.id.in_(ids)).order_by(*order)


# ``source=`` names a few sources (by name or alias) and the generic mentions ending with its
# words. As one OR, no index serves it (the suffix is a LIKE '% words'): the page walked every
# claim newest first until it had enough, half a second for a rarely quoted name at a million
# claims. Instead each source, and the generic mentions by their last word, is a keyset walk
# down its own (..., sort_date, id) index, limited to the page, and the union of those short
# lists gives the page. More sources than this under one name: the single OR.
SOURCE_BRANCHES = 8
_SOURCE_NAMES = ("source_key", "source_generic", "source_generic_like", "source_head")
_SOURCE_IDS_SQLITE = (
    "SELECT id FROM source WHERE key = ? UNION SELECT source_id FROM source_alias WHERE key = ?"
)
_SOURCE_IDS_PG = (
    "SELECT id FROM source WHERE key = %s UNION SELECT source_id FROM source_alias WHERE key = %s"
)


def _by_source(dialect: str, names: tuple[str, ...]) -> sa.Select[Any]:
    """``_newest_first`` for ``source=``: a union of per-source and generic keyset walks;
    ``names`` has ``source_id_0``... for the sources the name resolved to."""
    c = claim_t.c
    p = sa.bindparam
    ids = [n for n in names if n.startswith("source_id_")]
    rest = tuple(n for n in names if n not in ids and n not in _SOURCE_NAMES)

    def walk(condition: Any) -> sa.Subquery:
        q = sa.select(c.id, c.sort_date).select_from(claim_t)
        if "publisher" in rest:
            q = q.join(article_t, article_t.c.id == c.article_id)
        q = filtered(dialect, q, rest).where(condition)
        if "c_id" in rest:
            q = q.where(
                sa.tuple_(c.sort_date, c.id) < sa.tuple_(p("c_date", type_=sa.Date), p("c_id"))
            )
        order = (c.sort_date.desc(), c.id.desc())
        return q.order_by(*order).limit(p("limit", type_=sa.Integer)).subquery()

    generic = sa.and_(
        c.generic_head == p("source_head"),
        sa.or_(
            c.generic_key == p("source_generic"),
            c.generic_key.like(p("source_generic_like"), escape="\\"),
        ),
    )
    walks = [walk(c.source_id == p(name)) for name in ids] + [walk(generic)]
    union = sa.union_all(*(sa.select(w.c.id, w.c.sort_date) for w in walks)).subquery()
    page = (
        sa.select(union.c.id)
        .order_by(union.c.sort_date.desc(), union.c.id.desc())
        .limit(p("limit", type_=sa.Integer))
    )
    return claim_select().where(c.id.in_(page)).order_by(c.sort_date.desc(), c.id.desc())


def _source_walks(cur: Cursor, values: dict[str, Any]) -> bool:
    """Turn ``source_key`` into the ids it names (``source_id_0``...) and the generic
    mentions' last word, for ``_by_source``; False (values unchanged) when it names more
    sources than SOURCE_BRANCHES."""
    key = values["source_key"]
    sql = _SOURCE_IDS_SQLITE if cur.is_sqlite else _SOURCE_IDS_PG
    found = sorted(r[0] for r in cur.execute_text(sql, (key, key)))
    if len(found) > SOURCE_BRANCHES:
        return False
    del values["source_key"]
    for i, source_id in enumerate(found):
        values[f"source_id_{i}"] = source_id
    values["source_head"] = generic_head(values["source_generic"])
    return True


def _sort_key(row: Sequence[Any]) -> list[Any]:
    return [row[_SORT_DATE], row[_ID]]


def text_order_key(row: Sequence[Any]) -> list[Any]:
    """The cursor values of a claim row in text order (an article's claims)."""
    return [row[_CONTENT_START], row[_ID]]


# Full-text search on SQLite ranks no more than a capped candidate set: "id IN (matches)"
# makes the list of every match before the first row comes out (840k rowids for a word in most
# claims of a million: half a second), and SQLite cannot walk the newest-first index asking
# FTS5 about each claim cheaply (each question decodes the word's whole doclist). A word with
# up to SEARCH_CANDIDATES matches is searched exactly; a more common one among its
# SEARCH_CANDIDATES most recently stored matches, newest first as always. PostgreSQL's
# planner knows a word's frequency (statistics of the GIN expression) and needs no cap.
SEARCH_CANDIDATES = 2000
_COUNT_MATCHES = "SELECT count(*) FROM (SELECT 1 FROM claim_fts WHERE claim_fts MATCH ? LIMIT ?)"


def _common_on_sqlite(cur: Cursor, fts_query: str) -> bool:
    rows = cur.execute_text(_COUNT_MATCHES, (fts_query, SEARCH_CANDIDATES + 1))
    return int(rows[0][0]) > SEARCH_CANDIDATES


def claims_page(cur: Cursor, db: Database, *, page: PageParams, values: dict[str, Any]) -> JSONDict:
    """A page of claims newest first (see ``list_claims``), for ``filter_values``."""
    values = dict(values)
    if page.cursor:
        c_date, c_id = decode_cursor(page.cursor, (date, int))
        if c_date is None:
            raise InvalidInput("cursor is not valid for this list", loc=("query", "cursor"))
        values["c_date"], values["c_id"] = c_date, c_id
    values["limit"] = page.limit + 1
    if "q" in values and cur.is_sqlite and _common_on_sqlite(cur, values["q"]):
        values["q_newest"] = values.pop("q")
    if "source_key" in values and _source_walks(cur, values):
        names = tuple(sorted(values))
        sql = db.sql(("claims by source", names), lambda: _by_source(db.dialect, names))
    else:
        names = tuple(sorted(values))
        sql = db.sql(("claims", names), lambda: _newest_first(db.dialect, names))
    return page_of_claims(cur, sql, values, page.limit, key=_sort_key)


def list_claims(db: Database, *, page: PageParams, filters: ClaimFilters) -> JSONDict:
    """Claims newest first: by said_on (else the article's date, else ingest day), then id.

    ``said_from``/``said_to`` keep only claims whose said_on is known and in range.
    """
    values = filter_values(db.dialect, filters)  # before connecting: a 422 needs none
    if values is None:
        return empty_page()
    if page.cursor:  # a bad cursor is a 422 before connecting too
        decode_cursor(page.cursor, (date, int))
    with db.cursor() as cur:
        return claims_page(cur, db, page=page, values=values)

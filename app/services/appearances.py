"""Appearances: link the claims that are one statement by one source in several articles.

Incremental, through an index (``claim_fingerprint``, ``claim_band``; see
``app.models.appearance``): a claim being stored computes its MinHash band keys
(``app.services.similarity``), asks the index for the stored claims sharing at least two of
them within its scope (its source), and confirms each candidate with the normalised text
(``same_text``) or rapidfuzz (``rewrite``). Never all pairs: the work per claim is one key
lookup and a handful of comparisons, whatever the number of claims stored.

A matched claim joins its match's *statement* (two statements it matches both become one);
an unmatched one starts its own, labelled with its claim id. A label in use is always the
claim id of one of its members or of a deleted claim (ids are never reused), so labels
never collide: when a claim leaves a statement it labelled, the rest is relabelled to its
smallest claim id.

Claims with no source, or in the article's own voice, are indexed under scope 0: they are
never appearances (the same words by another source, or by no one, are not the same
statement), but they count, with the rest, towards recognising an article republished
under another title: when most of an article's claims match claims of one earlier article,
it is recorded as that article's republication (``article_republication``).

Nothing here commits: the write path (ingest, corrections, re-extraction, the backfill) owns
its transaction.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa
from sqlmodel import Session

from app.db import MAX_ID, Database
from app.errors import NotFound
from app.models import (
    Article,
    ArticleRepublication,
    Claim,
    ClaimBand,
    ClaimFingerprint,
    Source,
)
from app.services import similarity
from app.services.claims import claim_items, claim_select, raw
from app.services.similarity import Fingerprint

fp_t = ClaimFingerprint.__table__
band_t = ClaimBand.__table__
republication_t = ArticleRepublication.__table__
claim_t = Claim.__table__
article_t = Article.__table__
source_t = Source.__table__

EDITORIAL = "editorial"
# An article is a republication of another when at least this share of its claims (and at
# least REPUBLICATION_MIN_CLAIMS of them) match claims of that one article.
REPUBLICATION_SHARE = 0.6
REPUBLICATION_MIN_CLAIMS = 2
# PostgreSQL advisory lock namespace (pg_advisory_xact_lock(namespace, scope)): linking one
# source's claims is serialised across transactions, so that two copies of a statement
# stored at the same moment still see each other.
_LOCK_NAMESPACE = 0x4C4B  # "LK"
_CHUNK = 900  # bound parameters per IN list (SQLite allows 32766; keep statements small)


@dataclass(slots=True)
class _Item:
    """A claim to link: what the index stores of it, and what linking found."""

    claim_id: int
    article_id: int
    scope: int
    appeared_on: date
    fp: Fingerprint
    keys: list[int]
    statement_id: int = 0
    matched_articles: set[int] = field(default_factory=set)


@dataclass(slots=True)
class _Stored:
    claim_id: int
    article_id: int
    scope: int
    statement_id: int
    fp: Fingerprint


_LOCAL_KEY = re.compile(r" #[0-9a-f]{16}$")


def scope_of(source_id: int | None, kind: str, source_key: str | None = None) -> int:
    """The claims a claim may match: its source's, or none (0) for a claim with no source
    or in the article's own voice. An article-local source ("the regional water
    authority", which identity never pools across articles: its key ends with its
    article's hash) has a scope of its name, negative so that it never meets an id: a
    wire copy's "the union" is the original's when it says the same thing."""
    if source_id is None or kind == EDITORIAL:
        return 0
    if source_key is not None and _LOCAL_KEY.search(source_key):
        name = _LOCAL_KEY.sub("", source_key).encode()
        return -1 - int.from_bytes(hashlib.blake2b(name, digest_size=4).digest()) % (2**31 - 1)
    return source_id


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _appeared_on() -> Any:
    """The date an article's claims appeared: its publication date, else its ingest day."""
    return sa.func.coalesce(article_t.c.published_at, sa.func.date(article_t.c.ingested_at))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _claims_to_link(session: Session, where: Any) -> list[_Item]:
    rows = session.execute(
        sa.select(
            claim_t.c.id,
            claim_t.c.article_id,
            claim_t.c.source_id,
            claim_t.c.kind,
            claim_t.c.text,
            source_t.c.key.label("source_key"),
            _appeared_on().label("appeared_on"),
        )
        .join(article_t, article_t.c.id == claim_t.c.article_id)
        .outerjoin(source_t, source_t.c.id == claim_t.c.source_id)
        .where(where)
    ).all()
    items = []
    for r in rows:
        scope = scope_of(r.source_id, r.kind, r.source_key)
        fp = similarity.fingerprint(r.text)
        items.append(
            _Item(
                claim_id=r.id,
                article_id=r.article_id,
                scope=scope,
                appeared_on=_as_date(r.appeared_on),
                fp=fp,
                keys=similarity.band_keys(fp, scope=scope),
            )
        )
    # appearance order: a statement's earliest claim is linked first
    items.sort(key=lambda i: (i.appeared_on, i.claim_id))
    return items


def _lock_scopes(session: Session, scopes: Iterable[int]) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite: the writer lock already serialises every write transaction
    for scope in sorted(s for s in set(scopes) if s):  # local scopes are negative: fine
        session.execute(
            sa.text("SELECT pg_advisory_xact_lock(:ns, :scope)"),
            {"ns": _LOCK_NAMESPACE, "scope": scope},
        )


# One statement text for any number of keys (on the driver: SQLAlchemy rendering an IN list
# of ~450 values cost more than the lookup): a JSON array on SQLite, an array on PostgreSQL.
_CANDIDATES_SQLITE = (
    "SELECT key, claim_id FROM claim_band WHERE key IN (SELECT value FROM json_each(?))"
)
_CANDIDATES_PG = "SELECT key, claim_id FROM claim_band WHERE key = ANY(%s)"


def _driver(session: Session) -> tuple[Any, bool]:
    """The session's driver connection (inside its transaction), and whether it is SQLite."""
    conn = session.connection()
    return conn.connection.driver_connection, conn.dialect.name == "sqlite"


def _stored_candidates(session: Session, items: list[_Item]) -> dict[int, list[int]]:
    """For each key of ``items``, the stored claims with it."""
    keys = sorted({k for item in items for k in item.keys})
    by_key: dict[int, list[int]] = defaultdict(list)
    driver, is_sqlite = _driver(session)
    cur = driver.cursor()
    if is_sqlite:
        cur.execute(_CANDIDATES_SQLITE, (orjson.dumps(keys).decode(),))
    else:
        cur.execute(_CANDIDATES_PG, (keys,))
    for key, claim_id in cur.fetchall():
        by_key[key].append(claim_id)
    cur.close()
    return by_key


def _load_stored(session: Session, claim_ids: Sequence[int]) -> dict[int, _Stored]:
    stored: dict[int, _Stored] = {}
    for chunk in _chunks(sorted(claim_ids)):
        for r in session.execute(
            sa.select(
                fp_t.c.claim_id,
                fp_t.c.article_id,
                fp_t.c.scope,
                fp_t.c.statement_id,
                claim_t.c.text,
            )
            .join(claim_t, claim_t.c.id == fp_t.c.claim_id)
            .where(fp_t.c.claim_id.in_(chunk))
        ):
            stored[r.claim_id] = _Stored(
                r.claim_id, r.article_id, r.scope, r.statement_id, similarity.fingerprint(r.text)
            )
    return stored


def link(session: Session, items: list[_Item]) -> None:
    """Find each item's matches among the stored claims and the items before it, give it a
    statement (merging the statements it bridges), and store its fingerprint and keys.
    The items must not be indexed yet. Does not commit."""
    if not items:
        return
    _lock_scopes(session, (i.scope for i in items))
    stored_by_key = _stored_candidates(session, items)
    wanted: set[int] = set()
    for item in items:
        shared = Counter(c for k in set(item.keys) for c in stored_by_key.get(k, ()))
        need = similarity.MIN_SHARED_BANDS if item.scope else 1
        wanted |= {c for c, n in shared.items() if n >= need}
    stored = _load_stored(session, sorted(wanted))
    relabel: dict[int, int] = {}  # absorbed statement -> the one it became

    def label(statement_id: int) -> int:
        while statement_id in relabel:
            statement_id = relabel[statement_id]
        return statement_id

    batch_by_key: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        shared: Counter[int] = Counter()
        earlier: dict[int, _Item | _Stored] = {}
        for k in set(item.keys):
            for c in stored_by_key.get(k, ()):
                if c in stored:
                    shared[c] += 1
                    earlier[c] = stored[c]
            for other in batch_by_key.get(k, ()):
                shared[other.claim_id] += 1
                earlier[other.claim_id] = other
        statements: set[int] = set()
        need = similarity.MIN_SHARED_BANDS if item.scope else 1  # scope 0: one exact key
        for c, n in shared.items():
            other = earlier[c]
            if n < need or other.article_id == item.article_id:
                continue
            if other.scope != item.scope or similarity.match(item.fp, other.fp) is None:
                continue
            item.matched_articles.add(other.article_id)
            if item.scope:
                statements.add(label(other.statement_id))
        if statements:
            survivor = min(statements)
            for s in statements - {survivor}:
                relabel[s] = survivor
            item.statement_id = survivor
        else:
            item.statement_id = item.claim_id
        for k in set(item.keys):
            batch_by_key[k].append(item)
    for item in items:
        item.statement_id = label(item.statement_id)
    absorbed = sorted(relabel)
    for chunk in _chunks(absorbed):
        # every stored member of an absorbed statement follows it (one UPDATE per target)
        targets: dict[int, list[int]] = defaultdict(list)
        for s in chunk:
            targets[label(s)].append(s)
        for target, sources in targets.items():
            session.execute(
                sa.update(fp_t).where(fp_t.c.statement_id.in_(sources)).values(statement_id=target)
            )
    # Plain executemany on the driver: SQLAlchemy's per-row parameter processing cost more
    # than SQLite's inserts (a dozen band rows a claim).
    driver, is_sqlite = _driver(session)
    mark = "?" if is_sqlite else "%s"
    cur = driver.cursor()
    cur.executemany(
        "INSERT INTO claim_fingerprint (claim_id, article_id, scope, text_hash, statement_id, "
        f"appeared_on) VALUES ({', '.join([mark] * 6)})",
        [
            (
                i.claim_id,
                i.article_id,
                i.scope,
                i.fp.text_hash,
                i.statement_id,
                i.appeared_on.isoformat() if is_sqlite else i.appeared_on,
            )
            for i in items
        ],
    )
    cur.executemany(
        f"INSERT INTO claim_band (key, claim_id) VALUES ({mark}, {mark})",
        sorted({(k, i.claim_id) for i in items for k in i.keys}),
    )
    cur.close()


def unlink(session: Session, claim_ids: Sequence[int]) -> None:
    """Take claims out of the index (before they change source, text or go). A statement
    they labelled keeps its other members under its smallest claim id. Does not commit."""
    ids = sorted(set(claim_ids))
    if not ids:
        return
    for chunk in _chunks(ids):
        session.execute(sa.delete(band_t).where(band_t.c.claim_id.in_(chunk)))
        session.execute(sa.delete(fp_t).where(fp_t.c.claim_id.in_(chunk)))
        for statement_id, first in session.execute(
            sa.select(fp_t.c.statement_id, sa.func.min(fp_t.c.claim_id))
            .where(fp_t.c.statement_id.in_(chunk))
            .group_by(fp_t.c.statement_id)
        ).all():
            session.execute(
                sa.update(fp_t)
                .where(fp_t.c.statement_id == statement_id)
                .values(statement_id=first)
            )


def link_article(session: Session, *, article_id: int) -> None:
    """Index an article's claims (not indexed yet) and record whether it republishes an
    earlier article. Does not commit."""
    items = _claims_to_link(
        session,
        sa.and_(
            claim_t.c.article_id == article_id,
            ~sa.exists().where(fp_t.c.claim_id == claim_t.c.id),
        ),
    )
    link(session, items)
    _record_republication(session, article_id=article_id, items=items)


def relink_article(session: Session, *, article_id: int) -> None:
    """Index an article's claims again (after re-extraction). Does not commit."""
    ids = session.execute(sa.select(claim_t.c.id).where(claim_t.c.article_id == article_id))
    unlink(session, list(ids.scalars()))
    session.execute(sa.delete(republication_t).where(republication_t.c.article_id == article_id))
    link_article(session, article_id=article_id)


def relink_claims(session: Session, *, claim_ids: Sequence[int]) -> None:
    """Index claims again after their source changed (a person moved a claim, or merged
    its source into another). Does not commit."""
    ids = sorted(set(claim_ids))
    unlink(session, ids)
    items: list[_Item] = []
    for chunk in _chunks(ids):
        items += _claims_to_link(session, claim_t.c.id.in_(chunk))
    items.sort(key=lambda i: (i.appeared_on, i.claim_id))
    link(session, items)


def relink_source(session: Session, *, source_id: int) -> None:
    """Index every claim of a source again, and the claims indexed under it that left it.
    Does not commit."""
    ids = set(
        session.execute(sa.select(claim_t.c.id).where(claim_t.c.source_id == source_id)).scalars()
    )
    ids |= set(
        session.execute(sa.select(fp_t.c.claim_id).where(fp_t.c.scope == source_id)).scalars()
    )
    relink_claims(session, claim_ids=sorted(ids))


# --- articles republished under another title ----------------------------------------


def _record_republication(session: Session, *, article_id: int, items: list[_Item]) -> None:
    """Of the articles the new one shares claims with, the earliest that it republishes, or
    that republishes it (a copy stored before its original): the later of the two is the
    republication when at least ``REPUBLICATION_SHARE`` of *its* claims match."""
    support: Counter[int] = Counter()
    for item in items:
        support.update(item.matched_articles)
    candidates = [a for a, n in support.items() if n >= REPUBLICATION_MIN_CLAIMS]
    if not candidates:
        return
    info = {
        r.id: ((_as_date(r.appeared_on), r.id), r.claims)
        for r in session.execute(
            sa.select(
                article_t.c.id,
                _appeared_on().label("appeared_on"),
                sa.select(sa.func.count())
                .select_from(fp_t)
                .where(fp_t.c.article_id == article_t.c.id)
                .scalar_subquery()
                .label("claims"),
            ).where(article_t.c.id.in_([*candidates, article_id]))
        )
    }
    me = info[article_id][0]

    def republishes(other: int) -> bool:
        later = article_id if info[other][0] < me else other
        need = max(REPUBLICATION_MIN_CLAIMS, math.ceil(REPUBLICATION_SHARE * info[later][1]))
        return support[other] >= need

    found = sorted((a for a in candidates if republishes(a)), key=lambda a: info[a][0])
    if not found:
        return
    original = found[0]
    if info[original][0] < me:
        # follow the original to its own original: one hop, always to the first
        root = session.execute(
            sa.select(republication_t.c.original_id).where(republication_t.c.article_id == original)
        ).scalar_one_or_none()
        _save(session, article_id, root or original, support[original], info[article_id][1])
        return
    # stored after its copy: the copy (and the copy's copies) republish this one
    session.execute(
        sa.update(republication_t)
        .where(republication_t.c.original_id == original)
        .values(original_id=article_id)
    )
    _save(session, original, article_id, support[original], info[original][1])


def republication_of(session: Session, *, article_id: int) -> dict[str, Any] | None:
    """The article ``article_id`` republishes (as ``ArticlePublic.republication_of``)."""
    original = article_t.alias("original")
    row = session.execute(
        sa.select(
            original.c.id,
            original.c.title,
            original.c.publisher,
            original.c.published_at,
            original.c.url,
            republication_t.c.matched_claims,
            republication_t.c.claims,
        )
        .join(original, original.c.id == republication_t.c.original_id)
        .where(republication_t.c.article_id == article_id)
    ).first()
    return None if row is None else dict(row._mapping)


def _save(session: Session, article_id: int, original_id: int, matched: int, claims: int) -> None:
    session.execute(sa.delete(republication_t).where(republication_t.c.article_id == article_id))
    session.execute(
        sa.insert(republication_t).values(
            article_id=article_id, original_id=original_id, matched_claims=matched, claims=claims
        )
    )


# --- the backfill --------------------------------------------------------------------


def backfill(
    db: Database, *, rebuild: bool = False, progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Index every stored claim not indexed yet (``rebuild``: drop the index first), article
    by article in appearance order, one transaction per article. Returns (articles,
    claims) indexed. Commits."""
    if rebuild:
        with db.write_session() as session:
            for table in (band_t, fp_t, republication_t):
                session.execute(sa.delete(table))
            session.commit()
    unindexed = sa.exists().where(
        claim_t.c.article_id == article_t.c.id,
        ~sa.exists().where(fp_t.c.claim_id == claim_t.c.id),
    )
    with db.session() as session:
        ids = list(
            session.execute(
                sa.select(article_t.c.id).where(unindexed).order_by(_appeared_on(), article_t.c.id)
            ).scalars()
        )
    claims = 0
    for article_id in ids:
        with db.write_session() as session:
            before = session.execute(
                sa.select(sa.func.count()).select_from(fp_t).where(fp_t.c.article_id == article_id)
            ).scalar_one()
            link_article(session, article_id=article_id)
            after = session.execute(
                sa.select(sa.func.count()).select_from(fp_t).where(fp_t.c.article_id == article_id)
            ).scalar_one()
            session.commit()
        claims += after - before
        if progress is not None:
            progress(1)
    return len(ids), claims


# --- reading -------------------------------------------------------------------------


def _statement_sql() -> tuple[Any, Any, Any]:
    me = (
        sa.select(claim_t.c.id, claim_t.c.text, fp_t.c.statement_id, raw(fp_t.c.appeared_on))
        .select_from(claim_t)
        .outerjoin(fp_t, fp_t.c.claim_id == claim_t.c.id)
        .where(claim_t.c.id == sa.bindparam("id"))
    )
    members = (
        sa.select(fp_t.c.claim_id)
        .where(fp_t.c.statement_id == sa.bindparam("statement_id"))
        .order_by(fp_t.c.appeared_on, fp_t.c.claim_id)
    )
    others = claim_select().where(
        claim_t.c.id.in_(
            sa.select(fp_t.c.claim_id).where(fp_t.c.statement_id == sa.bindparam("statement_id"))
        )
    )
    return me, members, others


def get_appearances(db: Database, *, claim_id: int) -> dict[str, Any]:
    """The other claims of a claim's statement, earliest first, each with how it matches the
    asked claim. NotFound for an unknown claim."""
    if not 1 <= claim_id <= MAX_ID:
        raise NotFound(f"claim {claim_id} does not exist")
    me_sql = db.sql("appearances-me", lambda: _statement_sql()[0])
    members_sql = db.sql("appearances-members", lambda: _statement_sql()[1])
    others_sql = db.sql("appearances-others", lambda: _statement_sql()[2])
    with db.cursor() as cur:
        rows = cur.execute(me_sql, {"id": claim_id})
        if not rows:
            raise NotFound(f"claim {claim_id} does not exist")
        _, text, statement_id, appeared_on = rows[0]
        if statement_id is None:
            return {
                "claim_id": claim_id,
                "statement_id": None,
                "earliest": True,
                "appeared_on": None,
                "items": [],
            }
        order = [r[0] for r in cur.execute(members_sql, {"statement_id": statement_id})]
        items = {
            item["id"]: item
            for item in claim_items(cur, cur.execute(others_sql, {"statement_id": statement_id}))
        }
    mine = similarity.fingerprint(text)
    out = []
    for other_id in order:
        item = items.get(other_id)
        if other_id == claim_id or item is None:
            continue
        other = similarity.fingerprint(item["text"])
        same = other.text_hash == mine.text_hash
        out.append(
            {
                "claim_id": other_id,
                "text": item["text"],
                "kind": item["kind"],
                "match": "same_text" if same else "rewrite",
                "score": 100.0 if same else round(similarity.similarity(mine, other), 1),
                "earliest": other_id == order[0],
                "said_on": item["said_on"],
                "source": item["source"],
                "article": item["article"],
            }
        )
    return {
        "claim_id": claim_id,
        "statement_id": statement_id,
        "earliest": order[0] == claim_id,
        "appeared_on": appeared_on,
        "items": out,
    }

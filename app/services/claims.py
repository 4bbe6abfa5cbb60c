"""Read queries on claims: who said what, when."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.db import MAX_ID, Database
from app.errors import InvalidInput, NotFound
from app.models import (
    AffiliationPublic,
    Article,
    ArticleSummary,
    Claim,
    ClaimPublic,
    Page,
    Quantity,
    QuantityPublic,
    Source,
    SourceAlias,
    SourceRef,
    SpanPublic,
)
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services.identity import name_key as source_key
from app.services.search import claim_matches

_Affiliation = aliased(Source, name="affiliation")


def claim_select() -> sa.Select[Any]:
    """Claims joined with what a ClaimPublic shows: article, source and its affiliation."""
    return (
        sa.select(
            Claim,
            Article.title,
            Article.publisher,
            Article.published_at,
            Article.url,
            Source.name.label("source_name"),
            Source.type.label("source_type"),
            Source.role.label("source_role"),
            _Affiliation.id.label("affiliation_id"),
            _Affiliation.name.label("affiliation_name"),
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
        .outerjoin(_Affiliation, _Affiliation.id == Source.affiliation_id)
    )


def _span(start: int | None, end: int | None, text: str | None) -> SpanPublic | None:
    if start is None or end is None or text is None:
        return None
    return SpanPublic(start=start, end=end, text=text)


def _to_public(row: Any, quantities: list[QuantityPublic]) -> ClaimPublic:
    claim: Claim = row.Claim
    content = SpanPublic(start=claim.content_start, end=claim.content_end, text=claim.content_text)
    fragments = [
        SpanPublic(
            start=s,
            end=e,
            text=claim.content_text[s - claim.content_start : e - claim.content_start],
        )
        for s, e in claim.content_fragments
    ]
    source = None
    if claim.source_id is not None:
        affiliation = (
            AffiliationPublic(id=row.affiliation_id, name=row.affiliation_name)
            if row.affiliation_id is not None
            else None
        )
        source = SourceRef(
            id=claim.source_id,
            name=row.source_name,
            type=row.source_type,
            role=row.source_role,
            affiliation=affiliation,
        )
    assert claim.id is not None
    return ClaimPublic(
        id=claim.id,
        article_id=claim.article_id,
        kind=claim.kind,
        text=claim.text,
        content=content,
        content_fragments=fragments,
        cue=_span(claim.cue_start, claim.cue_end, claim.cue_text),
        source_mention=_span(
            claim.source_mention_start, claim.source_mention_end, claim.source_mention_text
        ),
        source=source,
        said_on=claim.said_on,
        said_on_precision=claim.said_on_precision,
        said_on_text=claim.said_on_text,
        based_on=_span(claim.based_on_start, claim.based_on_end, claim.based_on_text),
        quantities=quantities,
        confidence=claim.confidence,
        article=ArticleSummary(
            id=claim.article_id,
            title=row.title,
            publisher=row.publisher,
            published_at=row.published_at,
            url=row.url,
        ),
    )


def _quantities(session: Session, claim_ids: list[int]) -> dict[int, list[QuantityPublic]]:
    out: dict[int, list[QuantityPublic]] = defaultdict(list)
    if not claim_ids:
        return out
    rows = session.scalars(
        sa.select(Quantity)
        .where(Quantity.claim_id.in_(claim_ids))
        .order_by(Quantity.claim_id, Quantity.span_start, Quantity.id)
    )
    for q in rows:
        out[q.claim_id].append(
            QuantityPublic(
                value=q.value,
                qualifier=q.qualifier,
                unit=q.unit,
                span=SpanPublic(start=q.span_start, end=q.span_end, text=q.span_text),
            )
        )
    return out


def page_of_claims(
    session: Session,
    query: sa.Select[Any],
    limit: int,
    *,
    key: Callable[[Claim], list[Any]],
) -> Page[ClaimPublic]:
    """Run a ``claim_select()`` query fetching ``limit + 1`` rows and build the page;
    ``key(claim)`` gives the cursor values of the last row."""
    rows = session.execute(query).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    quantities = _quantities(session, [r.Claim.id for r in rows])
    items = [_to_public(r, quantities.get(r.Claim.id, [])) for r in rows]
    next_cursor = encode_cursor(key(rows[-1].Claim)) if has_more and rows else None
    return Page[ClaimPublic](items=items, next_cursor=next_cursor)


def get_claim(db: Database, *, claim_id: int) -> ClaimPublic:
    """One claim with its article, spans, source and quantities, or NotFound."""
    if not 1 <= claim_id <= MAX_ID:
        raise NotFound(f"claim {claim_id} does not exist")
    with db.session() as session:
        row = session.execute(claim_select().where(Claim.id == claim_id)).first()
        if row is None:
            raise NotFound(f"claim {claim_id} does not exist")
        return _to_public(row, _quantities(session, [claim_id]).get(claim_id, []))


def _empty() -> Page[ClaimPublic]:
    return Page[ClaimPublic](items=[], next_cursor=None)


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


def list_claims(db: Database, *, page: PageParams, filters: ClaimFilters) -> Page[ClaimPublic]:
    """Claims newest first: by said_on (else the article's date, else ingest day), then id.

    ``said_from``/``said_to`` keep only claims whose said_on is known and in range.
    """
    f = filters
    if f.said_from and f.said_to and f.said_from > f.said_to:
        raise InvalidInput("said_from must not be after said_to", loc=("query", "said_from"))
    # An id no row can have matches nothing (and must not reach the driver: int4/int8).
    for value in (f.source_id, f.article_id):
        if value is not None and not 1 <= value <= MAX_ID:
            return _empty()
    query = claim_select()
    if f.source_id is not None:
        query = query.where(Claim.source_id == f.source_id)
    if f.source is not None:
        key = source_key(f.source)
        by_alias = sa.select(SourceAlias.source_id).where(SourceAlias.key == key)
        by_name = sa.select(Source.id).where(Source.key == key)
        query = query.where(sa.or_(Claim.source_id.in_(by_name), Claim.source_id.in_(by_alias)))
    if f.said_from is not None:
        query = query.where(Claim.said_on >= f.said_from)
    if f.said_to is not None:
        query = query.where(Claim.said_on <= f.said_to)
    if f.kind is not None:
        query = query.where(Claim.kind == f.kind)
    if f.article_id is not None:
        query = query.where(Claim.article_id == f.article_id)
    if f.publisher is not None:
        query = query.where(Article.publisher == f.publisher)
    if f.q is not None:
        query = query.where(claim_matches(db.dialect, f.q))
    if page.cursor:
        c_date, c_id = decode_cursor(page.cursor, (date, int))
        if c_date is None:
            raise InvalidInput("cursor is not valid for this list", loc=("query", "cursor"))
        query = query.where(sa.tuple_(Claim.sort_date, Claim.id) < sa.tuple_(c_date, c_id))
    query = query.order_by(Claim.sort_date.desc(), Claim.id.desc()).limit(page.limit + 1)
    with db.session() as session:
        return page_of_claims(session, query, page.limit, key=lambda c: [c.sort_date, c.id])

"""The figures ledger: every number a claim asserts, with its source, date and series.

A *figure* is one stored quantity seen through its claim: what it counts (``measure``), how
much (``value``, ``qualifier``, ``value_to``), who gave it (the claim's source, and
``based_on`` when the source gives it through another: "an AFP tally based on official
Israeli figures"), when (the claim's ``said_on``, else the article's publication date, which
is then flagged) and where (the article). A *series* is one source's figures of one measure
in date order; each figure carries the previous figure of its series and the change since.
Read-only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from app.db import MAX_ID, Database
from app.errors import InvalidInput
from app.models import (
    AffiliationPublic,
    Article,
    ArticleSummary,
    Claim,
    Page,
    Quantity,
    Source,
    SourceAlias,
    SourceRef,
    SpanPublic,
)
from app.models.figure import FigureClaim, FigurePrevious, FigurePublic
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services.identity import name_key

_Affiliation = aliased(Source, name="figure_affiliation")
# The date a figure is placed at: the statement's, else the article's publication date.
_FIGURE_DATE = sa.func.coalesce(Claim.said_on, Article.published_at)


@dataclass(frozen=True, slots=True)
class FigureFilters:
    """The filters of ``GET /figures``; every one given must hold (AND)."""

    measure: str | None = None
    source_id: int | None = None
    source: str | None = None  # name or alias
    said_from: date | None = None
    said_to: date | None = None
    publisher: str | None = None


def _figure_select() -> sa.Select[Any]:
    return (
        sa.select(
            Quantity,
            Claim.id.label("claim_id"),
            Claim.kind,
            Claim.text.label("claim_text"),
            Claim.source_id,
            Claim.source_mention_text,
            Claim.said_on,
            Claim.said_on_precision,
            Claim.sort_date,
            Claim.based_on_start,
            Claim.based_on_end,
            Claim.based_on_text,
            Claim.article_id,
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
        .join(Claim, Claim.id == Quantity.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
        .outerjoin(_Affiliation, _Affiliation.id == Source.affiliation_id)
    )


def _filtered(db: Database, f: FigureFilters) -> sa.Select[Any] | None:
    """The filtered query, or None when no figure can match (an id no row can have)."""
    if f.said_from and f.said_to and f.said_from > f.said_to:
        raise InvalidInput("said_from must not be after said_to", loc=("query", "said_from"))
    query = _figure_select()
    if f.source_id is not None:
        if not 1 <= f.source_id <= MAX_ID:
            return None
        # a source merged into another answers with that one
        live = sa.select(sa.func.coalesce(Source.merged_into_id, Source.id)).where(
            Source.id == f.source_id
        )
        query = query.where(Claim.source_id == live.scalar_subquery())
    if f.source is not None:
        key = name_key(f.source)
        by_alias = sa.select(SourceAlias.source_id).where(SourceAlias.key == key)
        by_name = sa.select(Source.id).where(Source.key == key)
        query = query.where(sa.or_(Claim.source_id.in_(by_name), Claim.source_id.in_(by_alias)))
    if f.measure is not None:
        query = query.where(Quantity.measure == f.measure)
    if f.said_from is not None:
        query = query.where(f.said_from <= _FIGURE_DATE)
    if f.said_to is not None:
        query = query.where(f.said_to >= _FIGURE_DATE)
    if f.publisher is not None:
        query = query.where(Article.publisher == f.publisher)
    return query


def list_figures(db: Database, *, page: PageParams, filters: FigureFilters) -> Page[FigurePublic]:
    """Figures oldest first (by said_on, else the article's date), then id; keyset pages."""
    query = _filtered(db, filters)
    if query is None:
        return Page[FigurePublic](items=[], next_cursor=None)
    if page.cursor:
        c_date, c_id = decode_cursor(page.cursor, (date, int))
        if c_date is None:
            raise InvalidInput("cursor is not valid for this list", loc=("query", "cursor"))
        query = query.where(sa.tuple_(Claim.sort_date, Quantity.id) > sa.tuple_(c_date, c_id))
    query = query.order_by(Claim.sort_date, Quantity.id).limit(page.limit + 1)
    with db.session() as session:
        rows = session.execute(query).all()
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        previous = _previous(session, rows)
    items = [_to_public(r, previous.get(r.Quantity.id)) for r in rows]
    last = rows[-1] if rows else None
    next_cursor = (
        encode_cursor([last.sort_date, last.Quantity.id]) if has_more and last is not None else None
    )
    return Page[FigurePublic](items=items, next_cursor=next_cursor)


def iter_figures(
    db: Database, *, filters: FigureFilters, chunk: int = 500
) -> Iterator[FigurePublic]:
    """Every matching figure in ledger order, read in keyset chunks (for CSV and NDJSON)."""
    query = _filtered(db, filters)
    if query is None:
        return
    after: tuple[date, int] | None = None
    while True:
        q = query
        if after is not None:
            q = q.where(sa.tuple_(Claim.sort_date, Quantity.id) > sa.tuple_(*after))
        with db.session() as session:
            rows = session.execute(q.order_by(Claim.sort_date, Quantity.id).limit(chunk)).all()
            previous = _previous(session, rows)
        yield from (_to_public(r, previous.get(r.Quantity.id)) for r in rows)
        if len(rows) < chunk:
            return
        after = (rows[-1].sort_date, rows[-1].Quantity.id)


def _previous(session: Any, rows: list[Any]) -> dict[int, Any]:
    """For each figure of a series (a source, a measure and a unit: "1 ferry" and "102
    ships" are no series), the figure before it.

    One window query over the series the rows belong to, so filters that cut the list
    (``said_from``, ``publisher``) do not cut the series. Parts ("97 of whom") are not
    totals and stay out of series.
    """
    pairs = {
        (r.source_id, r.Quantity.measure)
        for r in rows
        if r.source_id is not None and r.Quantity.part_of is None
    }
    if not pairs:
        return {}
    series = (
        sa.select(
            Quantity.id.label("id"),
            Quantity.value.label("value"),
            Claim.id.label("claim_id"),
            Claim.article_id.label("article_id"),
            Claim.sort_date.label("sort_date"),
            sa.func.lag(Quantity.id)
            .over(
                partition_by=(Claim.source_id, Quantity.measure, Quantity.figure_unit),
                order_by=(Claim.sort_date, Quantity.id),
            )
            .label("prev_id"),
        )
        .join(Claim, Claim.id == Quantity.claim_id)
        .where(
            Quantity.part_of.is_(None),
            sa.or_(*(sa.and_(Claim.source_id == s, Quantity.measure == m) for s, m in pairs)),
        )
        .subquery()
    )
    wanted = [r.Quantity.id for r in rows]
    result = session.execute(sa.select(series).where(series.c.id.in_(wanted))).all()
    prev_ids = {r.prev_id for r in result if r.prev_id is not None}
    if not prev_ids:
        return {}
    prev_rows = {
        p.id: p
        for p in session.execute(
            sa.select(
                Quantity.id,
                Quantity.value,
                Quantity.qualifier,
                Claim.id.label("claim_id"),
                Claim.article_id,
                sa.func.coalesce(Claim.said_on, Article.published_at).label("said_on"),
            )
            .join(Claim, Claim.id == Quantity.claim_id)
            .join(Article, Article.id == Claim.article_id)
            .where(Quantity.id.in_(prev_ids))
        ).all()
    }
    return {r.id: prev_rows[r.prev_id] for r in result if r.prev_id in prev_rows}


def _span(start: int | None, end: int | None, text: str | None) -> SpanPublic | None:
    if start is None or end is None or text is None:
        return None
    return SpanPublic(start=start, end=end, text=text)


def _to_public(row: Any, previous: Any) -> FigurePublic:
    q: Quantity = row.Quantity
    assert q.id is not None
    source = None
    if row.source_id is not None:
        affiliation = (
            AffiliationPublic(id=row.affiliation_id, name=row.affiliation_name)
            if row.affiliation_id is not None
            else None
        )
        source = SourceRef(
            id=row.source_id,
            name=row.source_name,
            type=row.source_type,
            role=row.source_role,
            affiliation=affiliation,
        )
    said_on = row.said_on if row.said_on is not None else row.published_at
    prev = None
    change = None
    if previous is not None:
        prev = FigurePrevious(
            id=previous.id,
            value=previous.value,
            qualifier=previous.qualifier,
            said_on=previous.said_on,
            claim_id=previous.claim_id,
            article_id=previous.article_id,
        )
        change = q.value - previous.value
    return FigurePublic(
        id=q.id,
        value=q.value,
        value_to=q.value_to,
        part_of=q.part_of,
        qualifier=q.qualifier,
        unit=q.figure_unit,
        noun=q.unit,
        measure=q.measure,
        span=SpanPublic(start=q.span_start, end=q.span_end, text=q.span_text),
        claim=FigureClaim(id=row.claim_id, kind=row.kind, text=row.claim_text),
        source=source,
        source_mention=row.source_mention_text,
        based_on=_span(row.based_on_start, row.based_on_end, row.based_on_text),
        said_on=said_on,
        said_on_precision=row.said_on_precision if row.said_on is not None else None,
        said_on_from_article=row.said_on is None and said_on is not None,
        article=ArticleSummary(
            id=row.article_id,
            title=row.title,
            publisher=row.publisher,
            published_at=row.published_at,
            url=row.url,
        ),
        previous=prev,
        change=change,
    )

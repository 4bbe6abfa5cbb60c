"""Re-extraction: run the current extraction and resolution over stored articles.

Each article's claims are replaced in one transaction: a new claim with the same content
span as an old one keeps the old claim's id (links to ``/claims/{id}`` stay good), the rest
are inserted, old claims without a counterpart are deleted. People's corrections survive: a
source field a person corrected is not overwritten (as on ingest), and a claim a person moved
to another source is moved again (``corrections.reapply_claim_corrections``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.db import MAX_ID, Database
from app.errors import InvalidInput, NotFound
from app.extraction.types import ExtractionError
from app.models import Article, Claim, Correction, Quantity, Source, SourceAlias
from app.services import appearances, corrections

# the write path's own steps, shared so that re-extraction stores exactly what ingest would
from app.services.ingest import (
    Extractor,
    _ClaimRow,
    _plan,
    _retryable,
    _upsert_sources,
)

log = logging.getLogger("claimtrail.reextract")

article_t = Article.__table__
claim_t = Claim.__table__
quantity_t = Quantity.__table__
source_t = Source.__table__


@dataclass(frozen=True, slots=True)
class Reextracted:
    article_id: int
    claims_before: int
    claims_after: int
    kept_ids: int  # claims whose id survived (same content span)
    reapplied: int  # people's claim corrections applied again
    unmatched: int  # people's claim corrections whose claim has no counterpart now


def article_ids(db: Database, *, ids: Sequence[int] | None = None) -> list[int]:
    """Every stored article's id (oldest first), or the given ones; NotFound names a
    missing one."""
    with db.session() as session:
        if ids is None:
            return list(
                session.execute(sa.select(article_t.c.id).order_by(article_t.c.id)).scalars()
            )
        wanted = sorted(set(ids))
        bad = [i for i in wanted if not 1 <= i <= MAX_ID]
        found = set(
            session.execute(
                sa.select(article_t.c.id).where(
                    article_t.c.id.in_([i for i in wanted if 1 <= i <= MAX_ID])
                )
            ).scalars()
        )
    missing = bad + [i for i in wanted if i not in found and i not in bad]
    if missing:
        raise NotFound(f"no article with id {', '.join(map(str, missing))}")
    return wanted


def _replace_claims(
    session: Session, article_id: int, rows: list[_ClaimRow], source_ids: dict[str, int]
) -> int:
    """Update the claims whose content span is unchanged, insert the new, delete the gone.
    Returns how many ids were kept."""
    old = session.execute(
        sa.select(claim_t.c.id, claim_t.c.content_start, claim_t.c.content_end)
        .where(claim_t.c.article_id == article_id)
        .order_by(claim_t.c.id)
    ).all()
    free: dict[tuple[int, int], list[int]] = {}
    for row in old:
        free.setdefault((row.content_start, row.content_end), []).append(row.id)
    if old:
        session.execute(sa.delete(quantity_t).where(quantity_t.c.claim_id.in_([r.id for r in old])))
    kept: set[int] = set()
    quantities: list[dict[str, Any]] = []
    for row in rows:
        values = {
            **row.values,
            "article_id": article_id,
            "source_id": source_ids.get(row.source_key) if row.source_key else None,
        }
        ids = free.get((values["content_start"], values["content_end"]))
        if ids:
            claim_id = ids.pop(0)
            session.execute(sa.update(claim_t).where(claim_t.c.id == claim_id).values(values))
            kept.add(claim_id)
        else:
            claim_id = session.execute(
                sa.insert(claim_t).values(values).returning(claim_t.c.id)
            ).scalar_one()
        quantities += [{**q, "claim_id": claim_id} for q in row.quantities]
    gone = [r.id for r in old if r.id not in kept]
    if gone:
        session.execute(sa.delete(claim_t).where(claim_t.c.id.in_(gone)))
    if quantities:
        session.execute(sa.insert(quantity_t), quantities)
    return len(kept)


def _store(
    db: Database, article: Any, rows: list[_ClaimRow], specs: dict[str, Any], link: bool
) -> Reextracted:
    with db.write_session() as session:
        before = session.execute(
            sa.select(sa.func.count()).where(claim_t.c.article_id == article.id)
        ).scalar_one()
        source_ids = _upsert_sources(session, db.dialect, specs, article.text)
        kept = _replace_claims(session, article.id, rows, source_ids)
        session.execute(
            sa.update(article_t).where(article_t.c.id == article.id).values(claim_count=len(rows))
        )
        reapplied, unmatched = corrections.reapply_claim_corrections(session, article_id=article.id)
        if link:
            appearances.relink_article(session, article_id=article.id)
        session.commit()
    return Reextracted(article.id, before, len(rows), kept, reapplied, unmatched)


def reextract_article(
    db: Database, *, article_id: int, extractor: Extractor, link: bool = True
) -> Reextracted:
    """Extract one stored article again and replace its claims, keeping corrections.
    Commits (one transaction). InvalidInput when the extraction fails on its text."""
    with db.session() as session:
        article = session.execute(
            sa.select(
                article_t.c.id,
                article_t.c.text,
                article_t.c.title,
                article_t.c.publisher,
                article_t.c.published_at,
            ).where(article_t.c.id == article_id)
        ).first()
    if article is None:
        raise NotFound(f"article {article_id} does not exist")
    try:
        attributions = extractor(
            article.text, published_at=article.published_at, title=article.title
        )
    except ExtractionError as exc:
        raise InvalidInput(f"the text could not be processed: {exc}") from exc
    rows, specs = _plan(
        article.text, attributions, publisher=article.publisher, published_at=article.published_at
    )
    for attempt in range(3):
        try:
            return _store(db, article, rows, specs, link)
        except OperationalError as exc:
            if attempt == 2 or not _retryable(exc):
                raise
            log.info("retrying re-extraction after %s", exc.orig.__class__.__name__)
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def prune_sources(db: Database) -> int:
    """Delete sources nothing refers to any more (no claim, no affiliate, no correction, not
    merged into another nor the target of a merge): what re-extraction left behind when
    resolution found better sources. Returns how many. Commits."""
    correction_t = Correction.__table__
    alias_t = SourceAlias.__table__
    affiliate = source_t.alias("affiliate")
    unused = sa.and_(
        source_t.c.merged_into_id.is_(None),
        ~sa.exists().where(claim_t.c.source_id == source_t.c.id),
        ~sa.exists().where(affiliate.c.affiliation_id == source_t.c.id),
        ~sa.exists().where(affiliate.c.merged_into_id == source_t.c.id),
        ~sa.exists().where(
            sa.or_(
                correction_t.c.source_id == source_t.c.id,
                correction_t.c.to_source_id == source_t.c.id,
            )
        ),
        ~sa.exists().where(
            alias_t.c.source_id == source_t.c.id,
            alias_t.c.kind != "seen",
        ),
    )
    with db.write_session() as session:
        ids = list(session.execute(sa.select(source_t.c.id).where(unused)).scalars())
        if ids and db.dialect == "postgresql":
            # lock them (an ingest that holds one waits for nothing from us, we wait for
            # it), then look again: by now it may have claims
            session.execute(
                sa.select(source_t.c.id)
                .where(source_t.c.id.in_(ids))
                .order_by(source_t.c.id)
                .with_for_update()
            ).all()
            ids = list(
                session.execute(
                    sa.select(source_t.c.id).where(source_t.c.id.in_(ids), unused)
                ).scalars()
            )
        if ids:
            session.execute(sa.delete(source_t).where(source_t.c.id.in_(ids)))
        session.commit()
    return len(ids)

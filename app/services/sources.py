"""Read queries on the source directory."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.db import MAX_ID, Database
from app.errors import NotFound
from app.models import (
    AffiliationPublic,
    Claim,
    ClaimPublic,
    Page,
    Source,
    SourceAlias,
    SourcePublic,
)
from app.pagination import PageParams, decode_cursor, encode_cursor
from app.services import claims as claim_queries
from app.services.claims import ClaimFilters
from app.services.search import source_matches

_Affiliation = aliased(Source, name="affiliation")


def _source_select() -> sa.Select[Any]:
    return sa.select(
        Source,
        _Affiliation.name.label("affiliation_name"),
    ).outerjoin(_Affiliation, _Affiliation.id == Source.affiliation_id)


def _publics(session: Session, rows: list[Any]) -> list[SourcePublic]:
    ids = [r.Source.id for r in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    stats: dict[int, Any] = {}
    if ids:
        for source_id, alias in session.execute(
            sa.select(SourceAlias.source_id, SourceAlias.alias)
            .where(SourceAlias.source_id.in_(ids))
            .order_by(SourceAlias.source_id, SourceAlias.id)
        ):
            aliases[source_id].append(alias)
        for row in session.execute(
            sa.select(
                Claim.source_id,
                sa.func.count().label("n"),
                sa.func.min(Claim.said_on).label("first"),
                sa.func.max(Claim.said_on).label("last"),
            )
            .where(Claim.source_id.in_(ids))
            .group_by(Claim.source_id)
        ):
            stats[row.source_id] = row
    out = []
    for r in rows:
        s: Source = r.Source
        assert s.id is not None
        st = stats.get(s.id)
        out.append(
            SourcePublic(
                id=s.id,
                name=s.name,
                type=s.type,
                role=s.role,
                affiliation=AffiliationPublic(id=s.affiliation_id, name=r.affiliation_name)
                if s.affiliation_id is not None
                else None,
                aliases=aliases.get(s.id, []),
                claim_count=st.n if st else 0,
                first_said_on=st.first if st else None,
                last_said_on=st.last if st else None,
            )
        )
    return out


def get_source(db: Database, *, source_id: int) -> SourcePublic:
    """One source with aliases, role, affiliation and claim statistics, or NotFound."""
    if not 1 <= source_id <= MAX_ID:
        raise NotFound(f"source {source_id} does not exist")
    with db.session() as session:
        row = session.execute(_source_select().where(Source.id == source_id)).first()
        if row is None:
            raise NotFound(f"source {source_id} does not exist")
        return _publics(session, [row])[0]


def list_sources(
    db: Database, *, page: PageParams, q: str | None = None, type: str | None = None
) -> Page[SourcePublic]:
    """Sources by name (case-insensitively), optionally searched by name or alias words."""
    query = _source_select()
    if q is not None:
        query = query.where(source_matches(db.dialect, q))
    if type is not None:
        query = query.where(Source.type == type)
    if page.cursor:
        c_key, c_id = decode_cursor(page.cursor, (str, int))
        query = query.where(sa.tuple_(Source.key, Source.id) > sa.tuple_(c_key, c_id))
    query = query.order_by(Source.key, Source.id).limit(page.limit + 1)
    with db.session() as session:
        rows = session.execute(query).all()
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        items = _publics(session, rows)
        last = rows[-1].Source if rows else None
        next_cursor = encode_cursor([last.key, last.id]) if has_more and last else None
        return Page[SourcePublic](items=items, next_cursor=next_cursor)


def list_source_claims(
    db: Database, *, source_id: int, page: PageParams, filters: ClaimFilters
) -> Page[ClaimPublic]:
    """What one source said, newest first, with the filters of ``list_claims``."""
    if not 1 <= source_id <= MAX_ID:
        raise NotFound(f"source {source_id} does not exist")
    with db.session() as session:
        if session.get(Source, source_id) is None:
            raise NotFound(f"source {source_id} does not exist")
    return claim_queries.list_claims(
        db, page=page, filters=replace(filters, source_id=source_id, source=None)
    )

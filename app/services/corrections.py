"""Corrections by people: edit a source, merge two sources, move a claim to another source.

Each applies at once and is recorded in the ``correction`` log with its time. What keeps them
through later work: ingest does not overwrite a source field a person corrected
(``not_corrected``); a merged source's key and aliases lead later ingests to the target
(``identity``); ``reapply_claim_corrections`` moves a re-extracted claim again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.db import MAX_ID, Database, utcnow
from app.errors import Conflict, InvalidInput, Moved, NotFound
from app.models import Claim, Correction, Source, SourceAlias
from app.models.correction import CorrectionKind
from app.services import appearances, identity
from app.services.identity import AliasKind, analyse

log = logging.getLogger("claimtrail.corrections")

source_t = Source.__table__
alias_t = SourceAlias.__table__
claim_t = Claim.__table__
correction_t = Correction.__table__

T = TypeVar("T")
_RETRYABLE_PG = {"40001", "40P01"}  # serialization failure, deadlock detected


def _write(db: Database, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one write transaction and commit; retried on a PostgreSQL deadlock."""
    for attempt in range(3):
        try:
            with db.write_session() as session:
                result = work(session)
                session.commit()
                return result
        except OperationalError as exc:
            if attempt == 2 or getattr(exc.orig, "sqlstate", None) not in _RETRYABLE_PG:
                raise
            log.info("retrying a correction after %s", exc.orig.__class__.__name__)
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def _in_range(value: int) -> bool:
    return 1 <= value <= MAX_ID


def _lock(session: Session, ids: list[int]) -> dict[int, Any]:
    """The rows of ``ids``, locked against concurrent merges (in id order: no deadlock
    between two correctors; SQLite's writer lock already serialises)."""
    rows = session.execute(
        sa.select(source_t.c.id, source_t.c.name, source_t.c.merged_into_id)
        .where(source_t.c.id.in_(sorted(set(ids))))
        .order_by(source_t.c.id)
        .with_for_update()
    ).all()
    return {r.id: r for r in rows}


def live_source_id(session: Session, source_id: int) -> int | None:
    """The id that answers for ``source_id`` (itself, or the source it was merged into);
    None when there is no such source."""
    if not _in_range(source_id):
        return None
    row = session.execute(
        sa.select(source_t.c.id, source_t.c.merged_into_id).where(source_t.c.id == source_id)
    ).first()
    if row is None:
        return None
    return row.merged_into_id or row.id


def check_source(db: Database, *, source_id: int, path: str) -> None:
    """NotFound for a source that never existed; 308 to the target's ``path`` for one that
    was merged into another (``path`` is the request path; its id is replaced)."""
    with db.session() as session:
        live = live_source_id(session, source_id)
    if live is None:
        raise NotFound(f"source {source_id} does not exist")
    if live != source_id:
        raise moved_source(source_id, live, path)


def moved_source(source_id: int, live: int, path: str) -> Moved:
    """The 308 of a merged source: ``path`` (the request's) with the target's id."""
    prefix = f"/sources/{source_id}"
    rest = path[len(prefix) :] if path.startswith(prefix) else ""
    return Moved(
        f"source {source_id} was merged into source {live}", location=f"/sources/{live}{rest}"
    )


def _record(session: Session, **values: Any) -> None:
    session.execute(sa.insert(correction_t).values(made_at=utcnow(), **values))


def _target_source(session: Session, source_id: int, *, loc: tuple[str, ...]) -> int:
    live = live_source_id(session, source_id)
    if live is None:
        raise InvalidInput(f"source {source_id} does not exist", loc=loc)
    return live


# --- PATCH /sources/{id} -----------------------------------------------------------------


def _rename(session: Session, dialect: str, row: Any, name: str) -> dict[str, Any]:
    """New name and key; the old name stays as a learned alias, so that later ingests that
    still see it find this source (and do not rename it back)."""
    parsed = analyse(name, type=row.type)
    if not parsed.key:
        raise InvalidInput("name must contain a letter or digit", loc=("body", "name"))
    if parsed.key != row.key:
        owner = session.execute(
            sa.select(source_t.c.id).where(source_t.c.key == parsed.key)
        ).scalar()
        if owner is not None:
            raise Conflict(
                f"source {owner} already has the name {name!r}: merge the two instead "
                f"(POST /sources/{row.id}/merge)"
            )
    identity.add_alias(session, dialect, source_id=row.id, alias=row.name, kind=AliasKind.RENAMED)
    return {"name": name, "key": parsed.key, "match_key": parsed.match_key}


def update_source(db: Database, *, source_id: int, changes: dict[str, Any]) -> None:
    """Apply a merge patch of a source and record each changed field. Commits."""

    def work(session: Session) -> None:
        if not _lock(session, [source_id]):
            raise NotFound(f"source {source_id} does not exist")
        row = session.execute(sa.select(source_t).where(source_t.c.id == source_id)).one()
        if row.merged_into_id is not None:  # merged meanwhile
            raise Conflict(f"source {source_id} was merged into source {row.merged_into_id}")
        values: dict[str, Any] = {}
        for field, value in changes.items():
            if field == "affiliation_id" and value is not None:
                value = _target_source(session, value, loc=("body", "affiliation_id"))
                if value == source_id:
                    raise InvalidInput(
                        "a source cannot speak for itself", loc=("body", "affiliation_id")
                    )
            old = getattr(row, field)
            if old == value:
                continue
            if field == "name":
                values.update(_rename(session, db.dialect, row, value))
            else:
                values[field] = value
            if field == "role":
                values["role_on"] = None
            _record(
                session,
                kind=str(CorrectionKind.SOURCE_FIELD),
                source_id=source_id,
                field=field,
                old_value=old,
                new_value=value,
            )
        if values:
            session.execute(sa.update(source_t).where(source_t.c.id == source_id).values(values))

    _write(db, work)


# --- POST /sources/{id}/merge ------------------------------------------------------------


def merge_sources(db: Database, *, source_id: int, into: int) -> int:
    """Merge ``source_id`` into ``into`` (both resolved through earlier merges): its claims,
    aliases and name go to the target, which answers for it from now on. Returns the
    target's id. Commits."""
    if not _in_range(into):
        raise InvalidInput(f"source {into} does not exist", loc=("body", "into"))

    def work(session: Session) -> int:
        rows = _lock(session, [source_id, into])
        if source_id not in rows:
            raise NotFound(f"source {source_id} does not exist")
        if into not in rows:
            raise InvalidInput(f"source {into} does not exist", loc=("body", "into"))
        old = rows[source_id]
        target = rows[into].merged_into_id or into
        if old.merged_into_id is not None:
            raise Conflict(f"source {source_id} was merged into source {old.merged_into_id}")
        if target == source_id:
            raise Conflict(
                f"source {into} is source {source_id}: a source cannot merge into itself"
            )
        _lock(session, [target])
        identity.absorb(session, db.dialect, old_id=source_id, target=target)
        # one source now: its claims and the merged one\'s are matched with each other
        appearances.relink_source(session, source_id=target)
        _record(
            session,
            kind=str(CorrectionKind.MERGE),
            source_id=source_id,
            to_source_id=target,
            old_value=old.name,
        )
        return target

    return _write(db, work)


# --- PATCH /claims/{id} ------------------------------------------------------------------


def reassign_claim(db: Database, *, claim_id: int, source_id: int | None) -> None:
    """Move a claim to another source (or to none) and record it. Commits."""
    if not _in_range(claim_id):
        raise NotFound(f"claim {claim_id} does not exist")
    if source_id is not None and not _in_range(source_id):
        raise InvalidInput(f"source {source_id} does not exist", loc=("body", "source_id"))

    def work(session: Session) -> None:
        claim = session.execute(
            sa.select(
                claim_t.c.id,
                claim_t.c.article_id,
                claim_t.c.source_id,
                claim_t.c.content_start,
                claim_t.c.content_end,
            )
            .where(claim_t.c.id == claim_id)
            .with_for_update()
        ).first()
        if claim is None:
            raise NotFound(f"claim {claim_id} does not exist")
        target = None
        if source_id is not None:
            target = _target_source(session, source_id, loc=("body", "source_id"))
            _lock(session, [target])
        session.execute(sa.update(claim_t).where(claim_t.c.id == claim_id).values(source_id=target))
        appearances.relink_claims(session, claim_ids=[claim_id])  # the new source's statements
        _record(
            session,
            kind=str(CorrectionKind.CLAIM_SOURCE),
            claim_id=claim_id,
            article_id=claim.article_id,
            content_start=claim.content_start,
            content_end=claim.content_end,
            to_source_id=target,
            old_value=claim.source_id,
            new_value=target,
        )

    _write(db, work)


# --- re-extraction -----------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the longer of the two spans (1.0: the same span)."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0], 1)
    return max(shared, 0) / longest


def _counterpart(span: tuple[int, int], claims: list[Any]) -> Any | None:
    best = max(claims, key=lambda c: _overlap(span, (c.content_start, c.content_end)), default=None)
    if best is None or _overlap(span, (best.content_start, best.content_end)) < 0.5:
        return None
    return best


def reapply_claim_corrections(session: Session, *, article_id: int) -> tuple[int, int]:
    """After an article's claims were replaced: move each claim a person had moved again,
    matched by content span (the same span, else the one overlapping most, at least half).
    Returns (re-applied, without counterpart). Does not commit."""
    latest: dict[tuple[int, int], Any] = {}
    for row in session.execute(
        sa.select(correction_t)
        .where(
            correction_t.c.article_id == article_id,
            correction_t.c.kind == str(CorrectionKind.CLAIM_SOURCE),
        )
        .order_by(correction_t.c.id)
    ):
        latest[(row.content_start, row.content_end)] = row
    if not latest:
        return 0, 0
    claims = session.execute(
        sa.select(claim_t.c.id, claim_t.c.content_start, claim_t.c.content_end).where(
            claim_t.c.article_id == article_id
        )
    ).all()
    applied = missing = 0
    for span, correction in latest.items():
        found = _counterpart(span, claims)
        if found is None:
            missing += 1
            continue
        target = correction.to_source_id
        target = live_source_id(session, target) if target is not None else None
        session.execute(sa.update(claim_t).where(claim_t.c.id == found.id).values(source_id=target))
        session.execute(
            sa.update(correction_t)
            .where(correction_t.c.id == correction.id)
            .values(
                claim_id=found.id,
                content_start=found.content_start,
                content_end=found.content_end,
            )
        )
        applied += 1
    return applied, missing


def corrections_of_source(db: Database, *, source_id: int) -> list[dict[str, Any]]:
    """The log of corrections made to one source, oldest first (for tests and tools)."""
    with db.session() as session:
        rows = session.execute(
            sa.select(correction_t)
            .where(correction_t.c.source_id == source_id)
            .order_by(correction_t.c.id)
        )
        return [dict(r._mapping) for r in rows]

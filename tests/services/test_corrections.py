"""Corrections under concurrency: opposite merges at once leave one entity, never a cycle."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from app.errors import AppError
from app.extraction.types import SourceType
from app.services import corrections, identity


def _source(db, name: str) -> int:
    with db.write_session() as session:
        source_id = identity.resolve_source(session, db.dialect, name=name, type=SourceType.PERSON)
        session.commit()
    return source_id


def test_corrections_opposite_merges_at_once_leave_no_cycle(db) -> None:
    for _ in range(5):
        a, b = _source(db, "Ann Lee"), _source(db, "Bo Chen")
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def merge(
            source_id: int,
            into: int,
            barrier: threading.Barrier = barrier,
            outcomes: list[str] = outcomes,
        ) -> None:
            barrier.wait()
            try:
                corrections.merge_sources(db, source_id=source_id, into=into)
                outcomes.append("merged")
            except AppError as exc:
                outcomes.append(str(exc.status))

        threads = [
            threading.Thread(target=merge, args=(a, b)),
            threading.Thread(target=merge, args=(b, a)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(outcomes) == ["409", "merged"]
        with db.engine.connect() as conn:
            rows = dict(conn.execute(sa.text("SELECT id, merged_into_id FROM source")).all())
        assert sorted(v is None for v in rows.values()) == [False, True]  # one target
        with db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM correction"))
            conn.execute(sa.text("DELETE FROM source_alias"))
            conn.execute(sa.text("UPDATE source SET merged_into_id = NULL"))
            conn.execute(sa.text("DELETE FROM source"))

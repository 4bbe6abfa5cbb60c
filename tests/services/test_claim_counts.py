"""source.claim_count, stored and kept by triggers, is exactly the number of the source's
claims after every kind of write: ingest, re-ingest, corrections (claim moved, merge, rename),
reextract and prune, deleted articles, and concurrent ingests (migration e1a7c3f95b42)."""

from __future__ import annotations

import threading
from datetime import date

import sqlalchemy as sa
from alembic import command

from app.db import Database, make_engine
from app.models import ArticleCreate
from app.services import corrections, reextract
from app.services.articles import delete_article
from app.services.ingest import ingest_article
from tests.conftest import alembic_config
from tests.factories import fake_extract
from tests.services.test_reextract import extractor


def counts(db: Database) -> dict[str, tuple[int, int]]:
    """source name -> (stored claim_count, claims counted now)"""
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT s.name, s.claim_count, "
                "(SELECT count(*) FROM claim c WHERE c.source_id = s.id) FROM source s"
            )
        ).all()
    return {name: (stored, real) for name, stored, real in rows}


def assert_exact(db: Database) -> dict[str, int]:
    """Every stored count equals the real one; returns name -> count."""
    seen = counts(db)
    assert seen, "no sources"
    wrong = {name: pair for name, pair in seen.items() if pair[0] != pair[1]}
    assert not wrong, f"stored != counted: {wrong}"
    return {name: stored for name, (stored, _real) in seen.items()}


def ingest(db: Database, text: str, **kw) -> int:
    article = ArticleCreate(text=text, published_at=date(2024, 9, 17), **kw)
    return ingest_article(db, article=article, extractor=fake_extract).article.id


def _source_id(db: Database, name: str) -> int:
    with db.engine.connect() as conn:
        query = sa.text("SELECT id FROM source WHERE name = :n")
        return conn.execute(query, {"n": name}).scalar_one()


def _claim_id(db: Database, content: str) -> int:
    with db.engine.connect() as conn:
        query = sa.text("SELECT id FROM claim WHERE content_text = :t")
        return conn.execute(query, {"t": content}).scalar_one()


def test_claim_counts_follow_ingest_reingest_and_article_deletion(db) -> None:
    first = ingest(db, "Ann Lee said that ships wait. Ann Lee said that fog lifts.")
    ingest(db, "Ann Lee said that rain falls. Bo Chen said that tides turn.")
    ingest(db, "Ann Lee said that rain falls. Bo Chen said that tides turn.")  # present
    assert assert_exact(db) == {"Ann Lee": 3, "Bo Chen": 1}
    delete_article(db, article_id=first)  # its claims go by ON DELETE CASCADE
    assert assert_exact(db) == {"Ann Lee": 1, "Bo Chen": 1}


def test_claim_counts_follow_corrections(db) -> None:
    ingest(db, "Ann Lee said that ships wait. Ann Lee said that fog lifts.")
    ingest(db, "Bo Chen said that tides turn. Cy Dunn said that rain falls.")
    ann, bo, cy = (_source_id(db, n) for n in ("Ann Lee", "Bo Chen", "Cy Dunn"))
    corrections.reassign_claim(db, claim_id=_claim_id(db, "ships wait"), source_id=bo)
    assert assert_exact(db) == {"Ann Lee": 1, "Bo Chen": 2, "Cy Dunn": 1}
    corrections.reassign_claim(db, claim_id=_claim_id(db, "fog lifts"), source_id=None)
    assert assert_exact(db) == {"Ann Lee": 0, "Bo Chen": 2, "Cy Dunn": 1}
    corrections.update_source(db, source_id=bo, changes={"name": "Bo Chen Jr"})
    corrections.merge_sources(db, source_id=bo, into=cy)
    assert assert_exact(db) == {"Ann Lee": 0, "Bo Chen Jr": 0, "Cy Dunn": 3}
    # a later ingest of the merged name counts for the target
    ingest(db, "Bo Chen said that the port closes.")
    assert assert_exact(db)["Cy Dunn"] == 4
    corrections.reassign_claim(db, claim_id=_claim_id(db, "fog lifts"), source_id=ann)
    assert assert_exact(db)["Ann Lee"] == 1


def test_claim_counts_follow_reextract_and_prune(db) -> None:
    text = "Lee said that ships wait. Bo Chen said that ships leave. Cy Dunn said that fog lifts."
    first = extractor({"Lee": "Lee", "Bo Chen": "Bo Chen", "Cy Dunn": "Cy Dunn"})
    article = ArticleCreate(text=text, published_at=date(2024, 9, 17))
    stored = ingest_article(db, article=article, extractor=first).article.id
    assert assert_exact(db) == {"Lee": 1, "Bo Chen": 1, "Cy Dunn": 1}
    moved = extractor(
        {"Lee": "Ann Lee", "Bo Chen": "Ann Lee", "Cy Dunn": "Cy Dunn"},
        with_that=frozenset({"Bo Chen"}),  # a shifted span: a new claim, the old one deleted
    )
    reextract.reextract_article(db, article_id=stored, extractor=moved)
    assert assert_exact(db) == {"Lee": 0, "Bo Chen": 0, "Cy Dunn": 1, "Ann Lee": 2}
    assert reextract.prune_sources(db) == 2
    assert assert_exact(db) == {"Cy Dunn": 1, "Ann Lee": 2}


def test_claim_counts_stay_exact_under_concurrent_ingests(db) -> None:
    """Eight writers at once, every article naming the same three sources in different
    orders (on PostgreSQL they update the same counter rows)."""
    names = ["Ann Lee", "Bo Chen", "Cy Dunn"]
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def work(n: int) -> None:
        order = names[n % 3 :] + names[: n % 3]
        text = " ".join(f"{name} said that item {n}-{i} holds." for i, name in enumerate(order))
        barrier.wait()
        try:
            for k in range(3):
                ingest(db, f"{text} Ann Lee said that round {k} ends.")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    # 8 writers x 3 articles: each names every source once, Ann Lee once more
    assert assert_exact(db) == {"Ann Lee": 48, "Bo Chen": 24, "Cy Dunn": 24}


def triggers(db: Database) -> set[str]:
    sql = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        if db.is_sqlite
        else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    )
    with db.engine.connect() as conn:
        return set(conn.execute(sa.text(sql)).scalars())


def test_claim_counts_backfilled_by_the_migration(fresh_database_url) -> None:
    for backend in ("sqlite", "postgresql"):
        if backend == "postgresql":
            from tests.conftest import PG_URL

            if not PG_URL:
                continue
        url = fresh_database_url(backend)
        config = alembic_config(url)
        command.upgrade(config, "head")
        db = Database(make_engine(url, pool_size=2, max_overflow=0))
        try:
            ingest(db, "Ann Lee said that ships wait. Bo Chen said that fog lifts.")
            ingest(db, "Ann Lee said that rain falls.")
            before = triggers(db)
            command.downgrade(config, "9e4a7c2b1f58")  # before e1a7c3f95b42: no column, no triggers
            # claims written while no trigger counted them: the upgrade counts them
            cols = (
                "article_id, source_id, kind, text, content_start, content_end, "
                "content_text, content_fragments, confidence, sort_date"
            )
            with db.engine.begin() as conn:
                conn.execute(sa.text(f"INSERT INTO claim ({cols}) SELECT {cols} FROM claim"))
            command.upgrade(config, "head")
            assert assert_exact(db) == {"Ann Lee": 4, "Bo Chen": 2}
            assert triggers(db) == before  # the full-text triggers too (no table rebuilt)
        finally:
            db.dispose()

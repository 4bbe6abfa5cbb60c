"""scripts/seed_scale.py drops indexes and triggers for its bulk load: afterwards the schema
is whole again (same triggers and indexes as a migrated database), the counts are exact and
the full-text tables find the seeded words, on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest
import sqlalchemy as sa
from alembic import command

from app.db import Database, make_engine
from app.models import ArticleCreate
from app.pagination import PageParams
from app.services.claims import ClaimFilters, list_claims
from app.services.ingest import ingest_article
from tests.conftest import ROOT, alembic_config
from tests.factories import fake_extract

_spec = importlib.util.spec_from_file_location("seed_scale", ROOT / "scripts" / "seed_scale.py")
assert _spec is not None and _spec.loader is not None
seed_scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seed_scale)


def schema(db: Database) -> set[tuple[str, str]]:
    if db.is_sqlite:
        sql = "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')"
    else:
        sql = (
            "SELECT 'index', indexname FROM pg_indexes WHERE schemaname = 'public' "
            "UNION SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal"
        )
    with db.engine.connect() as conn:
        return {(t, n) for t, n in conn.execute(sa.text(sql))}


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_seed_scale_leaves_the_schema_whole_and_the_counts_exact(fresh_database_url, backend):
    reference_url = fresh_database_url(backend)
    command.upgrade(alembic_config(reference_url), "head")
    reference = Database(make_engine(reference_url, pool_size=1, max_overflow=0))
    url = fresh_database_url(backend)
    info = seed_scale.seed(url, 3000, 7, 1000)
    db = Database(make_engine(url, pool_size=2, max_overflow=0))
    try:
        assert schema(db) == schema(reference)
        with db.engine.connect() as conn:
            wrong = conn.execute(
                sa.text(
                    "SELECT count(*) FROM source s WHERE s.claim_count <> "
                    "(SELECT count(*) FROM claim c WHERE c.source_id = s.id)"
                )
            ).scalar_one()
            assert wrong == 0
            assert conn.execute(sa.text("SELECT count(*) FROM claim")).scalar_one() == 3000
        page = PageParams(limit=5)
        found = list_claims(db, page=page, filters=ClaimFilters(q=str(info["common_word"])))
        assert found["items"]
        # the triggers are back: a claim ingested now is counted and searchable
        text = "Zelda Quux said that marmalade floods."
        ingest_article(
            db,
            article=ArticleCreate(text=text, published_at=date(2024, 1, 1)),
            extractor=fake_extract,
        )
        with db.engine.connect() as conn:
            n = conn.execute(
                sa.text("SELECT claim_count FROM source WHERE name = 'Zelda Quux'")
            ).scalar_one()
        assert n == 1
        hits = list_claims(db, page=page, filters=ClaimFilters(q="marmalade"))["items"]
        assert [c["text"] for c in hits] == ["marmalade floods"]
    finally:
        db.dispose()
        reference.dispose()

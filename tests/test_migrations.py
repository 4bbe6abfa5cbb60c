"""`alembic upgrade head` gives exactly the models' schema; downgrade to base works."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import is_model_object, make_engine
from tests.conftest import BACKENDS, alembic_config


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_upgrade_matches_models_and_downgrade_works(backend, fresh_database_url):
    url = fresh_database_url(backend)
    cfg = alembic_config(url)
    command.upgrade(cfg, "head")
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_name": is_model_object, "compare_type": True}
            )
            assert compare_metadata(context, SQLModel.metadata) == []
            tables = set(sa.inspect(conn).get_table_names())
            assert {"article", "claim", "quantity", "source", "source_alias"} <= tables
            if backend == "sqlite":
                assert {"article_fts", "claim_fts", "source_fts", "source_alias_fts"} <= tables
            else:
                indexes = {i["name"] for i in sa.inspect(conn).get_indexes("claim")}
                assert "ix_claim_fts" in indexes
        command.downgrade(cfg, "base")
        with engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) == {"alembic_version"}
        command.upgrade(cfg, "head")  # and back up again
    finally:
        engine.dispose()


def test_migrations_sqlite_autoincrement_rebuild_keeps_data_and_search(tmp_path) -> None:
    # The rebuild of article and claim must not cascade-delete claims or lose the
    # full-text triggers of a database that already holds data.
    url = f"sqlite:///{tmp_path}/old.db"
    cfg = alembic_config(url)
    command.upgrade(cfg, "3aef04a5822c")
    engine = make_engine(url, pool_size=1, max_overflow=0)
    insert_article = (
        "INSERT INTO article (id, text, content_sha256, ingested_at, claim_count) "
        "VALUES (:id, :text, :sha, '2024-09-17 00:00:00', 1)"
    )
    insert_claim = (
        "INSERT INTO claim (id, article_id, kind, text, content_start, content_end, "
        "content_text, content_fragments, confidence, sort_date) "
        "VALUES (:id, :id, 'editorial', :text, 0, 5, :text, '[]', 0.5, '2024-09-17')"
    )
    try:
        with engine.begin() as conn:
            for i, word in ((1, "harbour"), (2, "lighthouse")):
                conn.execute(sa.text(insert_article), {"id": i, "text": word, "sha": str(i)})
                conn.execute(sa.text(insert_claim), {"id": i, "text": word})
        command.upgrade(cfg, "head")
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM claim")).scalar_one() == 2
            match = "SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'lighthouse'"
            assert conn.execute(sa.text(match)).scalars().all() == [2]
            assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1
            conn.execute(sa.text("DELETE FROM article WHERE id = 2"))  # cascades, triggers
            assert conn.execute(sa.text("SELECT count(*) FROM claim")).scalar_one() == 1
            assert conn.execute(sa.text(match)).scalars().all() == []
            conn.execute(sa.text(insert_article), {"id": None, "text": "pier", "sha": "3"})
            new_id = conn.execute(sa.text("SELECT max(id) FROM article")).scalar_one()
        assert new_id == 3  # not 2 again
        command.downgrade(cfg, "3aef04a5822c")
    finally:
        engine.dispose()

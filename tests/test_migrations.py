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

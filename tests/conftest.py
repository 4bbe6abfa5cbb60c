"""Fixtures: every database test runs on SQLite and, when CLAIMTRAIL_TEST_POSTGRES_URL is
set, again on PostgreSQL (a throwaway database created for the session). The schema comes
from ``alembic upgrade head``; tables are emptied before each test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database, make_engine
from app.main import create_app
from tests.factories import fake_extract

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("CLAIMTRAIL_TEST_POSTGRES_URL")
PG_SKIP_REASON = (
    "PostgreSQL half skipped: set CLAIMTRAIL_TEST_POSTGRES_URL "
    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run it"
)
TABLES = [
    "article_republication",
    "claim_band",
    "claim_fingerprint",
    "correction",
    "quantity",
    "claim",
    "source_alias",
    "source",
    "article",
]
_PG_SKIPPED = pytest.StashKey[int]()
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_report_header(config: pytest.Config) -> str:
    return f"claimtrail databases: sqlite, {'postgresql' if PG_URL else PG_SKIP_REASON}"


def _on_postgres(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return False
    return "postgresql" in (callspec.params.get("database_url"), callspec.params.get("backend"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    skipped = [item for item in items if _on_postgres(item)]
    if skipped:
        items[:] = [item for item in items if not _on_postgres(item)]
        config.hook.pytest_deselected(items=skipped)
        config.stash[_PG_SKIPPED] = len(skipped)


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    skipped = config.stash.get(_PG_SKIPPED, 0)
    if skipped:
        terminalreporter.write_line(f"{skipped} tests not run on PostgreSQL. {PG_SKIP_REASON}.")


def alembic_config(url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.attributes["url"] = url
    cfg.attributes["configure_logger"] = False
    return cfg


def create_pg_database(prefix: str) -> str:
    """A fresh, empty database next to CLAIMTRAIL_TEST_POSTGRES_URL's; returns its URL."""
    assert PG_URL is not None
    base = sa.make_url(PG_URL)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    assert PG_URL is not None
    name = sa.make_url(url).database
    admin = sa.create_engine(sa.make_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def fresh_database_url(tmp_path_factory: pytest.TempPathFactory):
    """A factory of empty databases of a backend; PostgreSQL ones are dropped at the end."""
    created: list[str] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            path = tmp_path_factory.mktemp("db") / "claimtrail.db"
            return f"sqlite:///{path}"
        if not PG_URL:
            pytest.skip(PG_SKIP_REASON)
        url = create_pg_database("claimtrail_test")
        created.append(url)
        return url

    yield make
    for url in created:
        drop_pg_database(url)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, fresh_database_url) -> str:
    url = fresh_database_url(request.param)
    command.upgrade(alembic_config(url), "head")
    return url


@pytest.fixture(scope="session")
def session_db(database_url: str) -> Iterator[Database]:
    db = Database(make_engine(database_url, pool_size=5, max_overflow=10))
    yield db
    db.dispose()


def empty_tables(db: Database) -> None:
    with db.engine.begin() as conn:
        if db.is_sqlite:
            for table in TABLES:
                conn.execute(sa.text(f"DELETE FROM {table}"))
            conn.execute(sa.text("DELETE FROM sqlite_sequence"))  # ids from 1, as on PG
        else:
            conn.execute(sa.text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))


@pytest.fixture
def db(session_db: Database) -> Database:
    """The session's database, emptied for this test."""
    empty_tables(session_db)
    return session_db


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, preload_model=False, api_keys=[])


@pytest.fixture
def client(db: Database, settings: Settings) -> Iterator[TestClient]:
    """The app on the test database, with the fake extractor."""
    app = create_app(settings, db=db, extractor=fake_extract)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def real_extractor():
    """The real extraction library; the spaCy model is loaded once per test session."""
    from app.services.ingest import make_extractor, preload_extraction

    config = Settings(_env_file=None).extraction_config()
    preload_extraction(config)
    return make_extractor(config)


@pytest.fixture
def model_client(db: Database, settings: Settings, real_extractor) -> Iterator[TestClient]:
    app = create_app(settings, db=db, extractor=real_extractor)
    with TestClient(app) as c:
        yield c

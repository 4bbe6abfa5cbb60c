"""Settings from ``CLAIMTRAIL_*`` environment variables and an optional ``.env`` file."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.extraction.types import ExtractionConfig

if TYPE_CHECKING:
    from app.services.webpage import FetchPolicy


def _split_commas(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Everything the service reads from its environment (see ``.env.example``)."""

    model_config = SettingsConfigDict(
        env_prefix="CLAIMTRAIL_",
        env_file=".env",
        env_nested_delimiter="__",
        extra="ignore",
    )

    database_url: str = "sqlite:///./data/claimtrail.db"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # `claimtrail serve` processes; each has its own connection pool (db_pool_size + overflow).
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    # One log line per request (uvicorn's access log); off, it costs ~10 % of a small read.
    access_log: bool = False
    # Comma-separated; when non-empty, POST and DELETE need a matching X-API-Key header.
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list, repr=False)
    max_body_bytes: int = Field(default=1_000_000, ge=1)
    page_max_limit: int = Field(default=500, ge=1)
    default_page_limit: int = Field(default=50, ge=1)
    # SQLite: bytes of list pages each serve process keeps, answered again while the database
    # has not changed (app/api/fast.py); 0 turns it off.
    read_cache_bytes: int = Field(default=32_000_000, ge=0)
    # CSV/NDJSON exports read this many claims per keyset batch (memory ~ one batch).
    export_batch_size: int = Field(default=1000, ge=1, le=10_000)
    # Link each new claim to the same statement by the same source in other articles
    # (app/services/appearances.py). Off: ingest skips it (`claimtrail appearances` indexes
    # what was stored meanwhile).
    link_appearances: bool = True
    # Connection pool (PostgreSQL and file SQLite alike).
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=10, ge=0)
    db_pool_timeout: float = Field(default=30.0, gt=0)
    db_connect_timeout: int = Field(default=5, ge=1)
    sqlite_busy_timeout_ms: int = Field(default=30_000, ge=0)
    # spaCy pipelines to try, in order (comma-separated).
    extraction_models: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(ExtractionConfig().models)
    )
    extraction_include_editorial: bool = True
    # Preload the NLP model when the app starts (first POST is not slowed by the load).
    preload_model: bool = True
    log_level: str = "info"
    # Job queue (Redis, e.g. redis://127.0.0.1:6379/0). Unset: POST /articles is always
    # synchronous and nothing but the database is needed.
    queue_url: str | None = Field(default=None, repr=False)
    queue_name: str = "claimtrail"
    # Seconds one ingest job may run; a job whose worker died is retried this much (plus
    # a few seconds) after it started, at most queue_retries times.
    queue_job_timeout: int = Field(default=600, ge=1)
    queue_retries: int = Field(default=3, ge=0)
    # How long finished and failed jobs stay readable at /jobs/{id}.
    queue_result_ttl: int = Field(default=86_400, ge=1)
    # How often each worker looks for jobs of dead workers (one worker at a time does).
    queue_maintenance_interval: int = Field(default=30, ge=1)

    @field_validator("queue_url", mode="before")
    @classmethod
    def _blank_queue_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, str) and not value.startswith(("redis://", "rediss://", "unix://")):
            # caught at start-up, in one line, rather than on the first queued POST
            raise ValueError("must be a Redis URL: redis://host:6379/0, rediss://... or unix://...")
        return value

    # Fetching web pages for POST /articles {"url": ...}: hosts allowed although they resolve
    # to loopback, private or link-local addresses (comma-separated; empty: none), the
    # deadline of one fetch, the largest page, the redirect limit.
    fetch_allow_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    fetch_timeout: float = Field(default=15.0, gt=0)
    fetch_max_bytes: int = Field(default=5_000_000, ge=1)
    fetch_max_redirects: int = Field(default=5, ge=0)

    @field_validator("api_keys", "extraction_models", "fetch_allow_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        return _split_commas(value)

    @field_validator("database_url")
    @classmethod
    def _psycopg_driver(cls, value: str) -> str:
        # Hosting platforms hand out postgres://... URLs, which SQLAlchemy does not know
        # ("Can't load plugin: sqlalchemy.dialects:postgres"); psycopg is the driver we ship.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    def extraction_config(self) -> ExtractionConfig:
        return ExtractionConfig(
            models=tuple(self.extraction_models),
            include_editorial=self.extraction_include_editorial,
        )

    def fetch_policy(self) -> FetchPolicy:
        from app.services.webpage import FetchPolicy

        return FetchPolicy(
            allow_hosts=frozenset(self.fetch_allow_hosts),
            timeout=self.fetch_timeout,
            connect_timeout=min(5.0, self.fetch_timeout),
            max_bytes=self.fetch_max_bytes,
            max_redirects=self.fetch_max_redirects,
        )


@lru_cache
def get_settings() -> Settings:
    return Settings()

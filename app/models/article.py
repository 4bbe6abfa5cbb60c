"""Articles: the submitted text, exactly as given, plus its metadata."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.db import UTCDateTime, utcnow
from app.models.common import require_iso_date


def _date_or_datetime(value: Any) -> Any:
    """Accept ``2024-09-17`` and also a full timestamp (only its date is kept), nothing
    else: no Unix times (``0`` would silently be 1970-01-01)."""
    if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError("must be a date as YYYY-MM-DD or an ISO 8601 timestamp") from None
    if isinstance(value, datetime):
        return value.date()
    return require_iso_date(value)


class ArticleBase(SQLModel):
    url: str | None = SQLField(default=None, max_length=2048)
    title: str | None = SQLField(default=None, max_length=1000)
    publisher: str | None = SQLField(default=None, max_length=300, index=True)
    author: str | None = SQLField(default=None, max_length=500)
    published_at: date | None = None
    language: str | None = SQLField(default=None, max_length=35)


class Article(ArticleBase, table=True):
    __table_args__ = (
        sa.UniqueConstraint("url"),
        # Idempotency for articles without a url: the same text is the same article.
        sa.Index(
            "uq_article_content_sha256_no_url",
            "content_sha256",
            unique=True,
            sqlite_where=sa.text("url IS NULL"),
            postgresql_where=sa.text("url IS NULL"),
        ),
        sa.Index("ix_article_published_at_id", "published_at", "id"),
        # SQLite would reuse the id of a deleted newest article (PostgreSQL never does).
        {"sqlite_autoincrement": True},
    )

    id: int | None = SQLField(default=None, primary_key=True)
    text: str = SQLField(sa_column=sa.Column(sa.Text, nullable=False))
    content_sha256: str = SQLField(max_length=64)
    ingested_at: datetime = SQLField(
        default_factory=utcnow, sa_column=sa.Column(UTCDateTime, nullable=False)
    )
    claim_count: int = SQLField(default=0)


SEED_EXAMPLE_PATH = "shared/seed/gaza-truce-efforts.txt"


class ArticleCreate(BaseModel):
    """An article to ingest. Unknown fields are ignored (forward compatible clients)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    text: str = Field(
        min_length=1,
        description="The article body. Claims' offsets index into it exactly as sent.",
    )
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(
        default=None, max_length=2048, description="Identity of the article when given."
    )
    publisher: str | None = Field(default=None, max_length=300)
    author: str | None = Field(default=None, max_length=500)
    published_at: date | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD; a timestamp is accepted, its date kept). "
        "Relative dates in the text ('on Monday') are resolved against it.",
    )
    language: str | None = Field(default=None, max_length=35)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must contain something other than whitespace")
        return value

    @field_validator("text", "url", "title", "publisher", "author", "language", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL text cannot hold U+0000; refuse it on every database alike.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL (U+0000) characters")
        return value

    @field_validator("url", "title", "publisher", "author", "language")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        return value or None

    @field_validator("published_at", mode="before")
    @classmethod
    def _accept_timestamps(cls, value: Any) -> Any:
        return _date_or_datetime(value)


class ArticleSummary(BaseModel):
    """The provenance a claim carries: which article it comes from."""

    id: int
    title: str | None
    publisher: str | None
    published_at: date | None
    url: str | None


class ArticlePublic(BaseModel):
    id: int
    url: str | None
    title: str | None
    publisher: str | None
    author: str | None
    published_at: date | None
    language: str | None
    text: str
    content_sha256: str
    ingested_at: datetime
    claim_count: int

"""Articles: the submitted text, exactly as given, plus its metadata."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
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
        # A page's canonical URL names one article, whichever URL it was fetched from.
        sa.Index("uq_article_canonical_url", "canonical_url", unique=True),
        # SQLite would reuse the id of a deleted newest article (PostgreSQL never does).
        {"sqlite_autoincrement": True},
    )

    id: int | None = SQLField(default=None, primary_key=True)
    # Web pages: where the fetch ended after redirects, when, and the page's own
    # <link rel="canonical">, which identifies the article like its url does.
    final_url: str | None = SQLField(default=None, max_length=2048)
    canonical_url: str | None = SQLField(default=None, max_length=2048)
    fetched_at: datetime | None = SQLField(default=None, sa_column=sa.Column(UTCDateTime))
    text: str = SQLField(sa_column=sa.Column(sa.Text, nullable=False))
    content_sha256: str = SQLField(max_length=64)
    ingested_at: datetime = SQLField(
        default_factory=utcnow, sa_column=sa.Column(UTCDateTime, nullable=False)
    )
    claim_count: int = SQLField(default=0)


SEED_EXAMPLE_PATH = "shared/seed/gaza-truce-efforts.txt"


def require_http_url(value: str) -> str:
    """An absolute http(s) URL with a host, as given (not normalised: it is an identity)."""
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an invalid IPv6 literal or port
        ok = False
    if not ok or any(c.isspace() or ord(c) < 32 for c in value):
        raise ValueError("must be an absolute http or https URL, like https://example.org/a")
    return value


class ArticleCreate(BaseModel):
    """An article to ingest: its `text`, or a web page (`html`, or a `url` to fetch).
    Unknown fields are ignored (forward compatible clients)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    text: str | None = Field(
        default=None,
        min_length=1,
        description="The article body. Claims' offsets index into it exactly as sent. "
        "Give `text`, or `html`, or only a `url` to fetch.",
    )
    html: str | None = Field(
        default=None,
        min_length=1,
        description="A web page holding the article: its main text, title, publisher and "
        "date are extracted (nothing is fetched) and the extracted text is stored.",
    )
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(
        default=None,
        max_length=2048,
        description="Identity of the article when given (an absolute http(s) URL). "
        "Alone, without `text` or `html`, the page is fetched and its article extracted.",
    )
    publisher: str | None = Field(default=None, max_length=300)
    author: str | None = Field(default=None, max_length=500)
    published_at: date | None = Field(
        default=None,
        description="Publication date (YYYY-MM-DD; a timestamp is accepted, its date kept). "
        "Relative dates in the text ('on Monday') are resolved against it.",
    )
    language: str | None = Field(default=None, max_length=35)

    @field_validator("text", "html")
    @classmethod
    def _not_blank(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and not value.strip():
            raise ValueError(f"{info.field_name} must contain something other than whitespace")
        return value

    @field_validator(
        "text", "html", "url", "title", "publisher", "author", "language", mode="before"
    )
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

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        return None if value is None else require_http_url(value)

    @field_validator("published_at", mode="before")
    @classmethod
    def _accept_timestamps(cls, value: Any) -> Any:
        return _date_or_datetime(value)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleCreate:
        if self.text is not None and self.html is not None:
            raise ValueError("give either text or html, not both")
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("give the article's text, a web page as html, or a url to fetch")
        return self


class ArticleSummary(BaseModel):
    """The provenance a claim carries: which article it comes from."""

    id: int
    title: str | None
    publisher: str | None
    published_at: date | None
    url: str | None


class RepublicationOf(BaseModel):
    """The earlier article this one republishes: most of its claims match that article's."""

    id: int
    title: str | None
    publisher: str | None
    published_at: date | None
    url: str | None
    matched_claims: int = Field(description="This article's claims that match the original's.")
    claims: int = Field(description="This article's claims.")


class ArticlePublic(BaseModel):
    id: int
    url: str | None
    final_url: str | None = None
    canonical_url: str | None = None
    fetched_at: datetime | None = None
    title: str | None
    publisher: str | None
    author: str | None
    published_at: date | None
    language: str | None
    text: str
    content_sha256: str
    ingested_at: datetime
    claim_count: int
    republication_of: RepublicationOf | None = Field(
        default=None,
        description="The earlier article this one republishes (wire copy under another "
        "title, cut or lightly reworded): most of its claims match that article's.",
    )

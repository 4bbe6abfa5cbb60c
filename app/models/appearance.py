"""Appearances: one statement by one source in several articles (wire copy, rewrites).

``claim_fingerprint`` indexes every claim for matching: its normalised text's hash, the
*scope* it matches within (its source's id; 0 for a claim with no source or in the
article's own voice, which is never an appearance and only helps recognise a republished
article), and the *statement* it belongs to: claims of one source with the same or nearly
the same content in different articles share a ``statement_id`` (the id of a claim of the
statement). ``claim_band`` holds the claim's MinHash band keys (LSH): a new claim finds its
candidates by key, never by comparing every pair. ``article_republication`` says that an
article is another's republication (most of its claims match that one article).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.models.article import ArticleSummary
from app.models.source import SourceRef


class ClaimFingerprint(SQLModel, table=True):
    __tablename__ = "claim_fingerprint"
    __table_args__ = (
        # the statement's members in appearance order: earliest and count from the index
        sa.Index(
            "ix_claim_fingerprint_statement_id_appeared_on",
            "statement_id",
            "appeared_on",
            "claim_id",
        ),
    )

    claim_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("claim.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        )
    )
    article_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("article.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    scope: int = SQLField(sa_column=sa.Column(sa.Integer, nullable=False, index=True))
    text_hash: str = SQLField(max_length=16)
    statement_id: int
    # the article's publication date, else the day it was ingested
    appeared_on: date


class ClaimBand(SQLModel, table=True):
    __tablename__ = "claim_band"

    key: int = SQLField(sa_column=sa.Column(sa.BigInteger, primary_key=True, autoincrement=False))
    claim_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("claim.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
            index=True,
        )
    )


class ArticleRepublication(SQLModel, table=True):
    __tablename__ = "article_republication"

    article_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("article.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        )
    )
    original_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer,
            sa.ForeignKey("article.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        )
    )
    matched_claims: int
    claims: int


class AppearancePublic(BaseModel):
    """Another article's claim with the same statement by the same source."""

    claim_id: int
    text: str
    kind: str = Field(examples=["indirect"])
    match: str = Field(
        examples=["rewrite"],
        description="`same_text`: the same words (case, punctuation and quote marks aside); "
        "`rewrite`: a close rewrite (see `score`).",
    )
    score: float = Field(
        ge=0,
        le=100,
        examples=[91.4],
        description="Similarity of the two contents (rapidfuzz, 0..100; 100 for the same text).",
    )
    earliest: bool = Field(description="This is the earliest known appearance.")
    said_on: date | None
    source: SourceRef | None
    article: ArticleSummary


class AppearancesPublic(BaseModel):
    """A claim's appearances: the same statement by the same source in other articles."""

    claim_id: int
    statement_id: int | None = Field(
        description="What the claims of one statement share (null: the claim is not indexed)."
    )
    earliest: bool = Field(description="The asked claim is the earliest known appearance.")
    appeared_on: date | None = Field(
        description="The asked claim's article date (publication, else ingest)."
    )
    items: list[AppearancePublic] = Field(
        description="The other appearances, earliest first (by the article's date, then id)."
    )

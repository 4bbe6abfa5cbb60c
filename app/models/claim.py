"""Claims (who said what, when, grounded in spans of the article) and their quantities."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.models.article import ArticleSummary
from app.models.source import SourceRef


class Claim(SQLModel, table=True):
    __table_args__ = (
        sa.Index("ix_claim_article_id_content_start", "article_id", "content_start", "id"),
        sa.Index("ix_claim_sort_date_id", "sort_date", "id"),
        sa.Index("ix_claim_source_id_sort_date_id", "source_id", "sort_date", "id"),
        # a source's claim count and first/last said_on from the index alone
        sa.Index("ix_claim_source_id_said_on", "source_id", "said_on"),
        # a source's detail: the forms it was seen under and its roles, from the index alone
        sa.Index(
            "ix_claim_source_id_source_alias", "source_id", "source_alias", "source_mention_text"
        ),
        sa.Index(
            "ix_claim_source_id_source_role", "source_id", "source_role", "said_on", "article_id"
        ),
        sa.Index("ix_claim_generic_head_sort_date_id", "generic_head", "sort_date", "id"),
        # SQLite would reuse the ids of a deleted newest article's claims.
        {"sqlite_autoincrement": True},
    )

    id: int | None = SQLField(default=None, primary_key=True)
    article_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), nullable=False
        )
    )
    source_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(sa.Integer, sa.ForeignKey("source.id", ondelete="SET NULL")),
    )
    kind: str = SQLField(max_length=30, index=True)
    text: str = SQLField(sa_column=sa.Column(sa.Text, nullable=False))
    content_start: int
    content_end: int
    content_text: str = SQLField(sa_column=sa.Column(sa.Text, nullable=False))
    # [[start, end], ...]: the content without the cue/source that interrupts it
    content_fragments: list[list[int]] = SQLField(
        default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False)
    )
    cue_start: int | None = None
    cue_end: int | None = None
    cue_text: str | None = SQLField(default=None, sa_column=sa.Column(sa.Text))
    source_mention_start: int | None = None
    source_mention_end: int | None = None
    source_mention_text: str | None = SQLField(default=None, sa_column=sa.Column(sa.Text))
    # the role or title the source had in this article ("US State Department spokesperson")
    source_role: str | None = SQLField(default=None, max_length=300)
    # the form of the source's name behind the mention (for "he", the antecedent's)
    source_alias: str | None = SQLField(default=None, max_length=500)
    # set for a generic mention ("officials", "a spokesman"): no source, found by this key
    generic_key: str | None = SQLField(default=None, max_length=500, index=True)
    # the last word of generic_key ("officials" of "israeli officials"): GET /claims?source=
    # finds generic claims by their mention's last words down the index on it, newest first
    generic_head: str | None = SQLField(default=None, max_length=500)
    said_on: date | None = SQLField(default=None, index=True)
    said_on_precision: str | None = SQLField(default=None, max_length=10)
    said_on_text: str | None = SQLField(default=None, max_length=300)
    based_on_start: int | None = None
    based_on_end: int | None = None
    based_on_text: str | None = SQLField(default=None, sa_column=sa.Column(sa.Text))
    confidence: float = 0.5
    # Newest-first order of claim lists: said_on, else the article's published_at, else
    # the day it was ingested (never null, so keyset pagination stays simple).
    sort_date: date


class Quantity(SQLModel, table=True):
    __table_args__ = (sa.Index("ix_quantity_measure_claim_id", "measure", "claim_id"),)

    id: int | None = SQLField(default=None, primary_key=True)
    claim_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    value: float
    qualifier: str | None = SQLField(default=None, max_length=100)
    unit: str | None = SQLField(default=None, max_length=200)
    # What it counts (deaths, injured, ..., other) and its unit as the ledger shows it
    # ("people" for "251 hostages"); see app.extraction.measures.
    measure: str = SQLField(
        default="other",
        sa_column=sa.Column(sa.String(20), nullable=False, server_default="other"),
    )
    figure_unit: str | None = SQLField(default=None, max_length=200)
    value_to: float | None = None  # upper bound of a range
    part_of: float | None = None  # the whole of "X of whom Y"
    span_start: int
    span_end: int
    span_text: str = SQLField(sa_column=sa.Column(sa.Text, nullable=False))


class SpanPublic(BaseModel):
    """``[start, end)`` in code points of the article text; ``text == text[start:end]``."""

    start: int
    end: int
    text: str


class QuantityPublic(BaseModel):
    value: float = Field(examples=[41252])
    qualifier: str | None = Field(default=None, examples=["at least"])
    unit: str | None = Field(default=None, examples=["people"], description="The counted noun.")
    measure: str = Field(
        default="other",
        examples=["deaths"],
        description="What the figure counts: deaths, injured, missing, hostages, displaced, "
        "arrested, cases or other.",
    )
    value_to: float | None = Field(
        default=None, description="Upper bound of a range ('between 20 and 30 people')."
    )
    part_of: float | None = Field(
        default=None, description="The whole of 'X of whom Y' (X, on the quantity Y)."
    )
    span: SpanPublic


class ClaimPublic(BaseModel):
    """One claim with its full provenance: article, spans, source, date."""

    id: int
    article_id: int
    kind: str = Field(examples=["indirect"])
    text: str
    content: SpanPublic
    content_fragments: list[SpanPublic]
    cue: SpanPublic | None
    source_mention: SpanPublic | None
    source: SourceRef | None
    source_role: str | None = Field(
        description="The role or title the source had in this article; may differ from the "
        "source's current `role`.",
        examples=["US State Department spokesperson"],
    )
    source_generic: bool = Field(
        description='The mention names no one entity ("officials", "a spokesman", '
        '"critics"): `source` is null, `source_mention` says who; '
        "`GET /claims?source=officials` finds such claims by their mention.",
        examples=[False],
    )
    said_on: date | None
    said_on_precision: str | None = Field(examples=["day"])
    said_on_text: str | None = Field(examples=["on Monday"])
    based_on: SpanPublic | None
    quantities: list[QuantityPublic]
    confidence: float = Field(ge=0, le=1)
    article: ArticleSummary
    earliest_appearance: bool = Field(
        default=True,
        description="No other article carried this statement (same source, same or nearly "
        "the same content) earlier: this is its earliest known appearance. "
        "`GET /claims/{id}/appearances` lists the others.",
        examples=[True],
    )
    appearance_count: int = Field(
        default=0,
        ge=0,
        description="How many claims in other articles are the same statement by the same "
        "source (syndicated copies, rewrites).",
        examples=[2],
    )

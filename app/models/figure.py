"""The figures ledger's schemas: a figure is a stored quantity seen through its claim."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from app.models.article import ArticleSummary
from app.models.claim import SpanPublic
from app.models.source import SourceRef

MEASURES = ("deaths", "injured", "missing", "hostages", "displaced", "arrested", "cases", "other")


class FigureClaim(BaseModel):
    """The claim a figure comes from."""

    id: int
    kind: str = Field(examples=["according_to"])
    text: str


class FigurePrevious(BaseModel):
    """The figure before this one in its series (same source, same measure)."""

    id: int
    value: float = Field(examples=[40005])
    qualifier: str | None = None
    said_on: date | None
    claim_id: int
    article_id: int


class FigurePublic(BaseModel):
    """One figure of the ledger, with its source, date, article and place in its series."""

    id: int = Field(description="The quantity's id.")
    value: float = Field(examples=[41252])
    value_to: float | None = Field(default=None, description="Upper bound of a range.")
    part_of: float | None = Field(default=None, description="The whole of 'X of whom Y'.")
    qualifier: str | None = Field(default=None, examples=["at least"])
    unit: str | None = Field(
        default=None, examples=["people"], description="people, percent, a currency, else the noun."
    )
    noun: str | None = Field(default=None, examples=["people"], description="The counted noun.")
    measure: str = Field(examples=["deaths"])
    span: SpanPublic
    claim: FigureClaim
    source: SourceRef | None
    source_mention: str | None = Field(
        default=None, examples=["the Hamas-run territory's health ministry"]
    )
    based_on: SpanPublic | None = Field(
        default=None,
        description="A further source the attribution cites: 'official Israeli figures' in "
        "'an AFP tally based on official Israeli figures'.",
    )
    said_on: date | None = Field(
        description="When the figure was given; the article's publication date when the "
        "text does not say (then said_on_from_article is true)."
    )
    said_on_precision: str | None = Field(default=None, examples=["day"])
    said_on_from_article: bool = Field(
        description="said_on is the article's publication date, not a date the text gives."
    )
    article: ArticleSummary
    previous: FigurePrevious | None = Field(
        default=None, description="The source's previous figure of this measure."
    )
    change: float | None = Field(
        default=None, description="value minus the previous figure's value."
    )

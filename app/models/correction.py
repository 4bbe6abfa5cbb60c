"""Corrections by people: what was changed, on what, and when (an append-only log).

A correction is applied at once (the source or claim row changes) and recorded here, so that
later ingests and ``claimtrail reextract`` keep it: a corrected field of a source is not
overwritten by what a text says, and a claim moved to another source is moved again when
re-extraction replaces the article's claims (matched by its content span).
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.db import UTCDateTime, utcnow
from app.extraction.types import SourceType
from app.models.source import Source


class CorrectionKind(StrEnum):
    SOURCE_FIELD = "source_field"  # PATCH /sources/{id}: one row per changed field
    MERGE = "merge"  # POST /sources/{id}/merge: source_id was merged into to_source_id
    CLAIM_SOURCE = "claim_source"  # PATCH /claims/{id}: the claim's source is to_source_id


class Correction(SQLModel, table=True):
    __table_args__ = (sa.Index("ix_correction_source_id_field", "source_id", "field"),)

    id: int | None = SQLField(default=None, primary_key=True)
    made_at: datetime = SQLField(
        default_factory=utcnow, sa_column=sa.Column(UTCDateTime, nullable=False)
    )
    kind: str = SQLField(max_length=20)
    source_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(sa.Integer, sa.ForeignKey("source.id", ondelete="CASCADE")),
    )
    field: str | None = SQLField(default=None, max_length=30)
    old_value: Any = SQLField(default=None, sa_column=sa.Column(sa.JSON))
    new_value: Any = SQLField(default=None, sa_column=sa.Column(sa.JSON))
    to_source_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(sa.Integer, sa.ForeignKey("source.id", ondelete="SET NULL")),
    )
    # a claim correction: the claim now, and what finds its counterpart after re-extraction
    claim_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(sa.Integer, sa.ForeignKey("claim.id", ondelete="SET NULL"), index=True),
    )
    article_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("article.id", ondelete="CASCADE"), index=True
        ),
    )
    content_start: int | None = None
    content_end: int | None = None


def not_corrected(field: str) -> sa.ColumnElement[bool]:
    """For an UPDATE of ``source`` by ingest: true unless a person corrected ``field``."""
    table = Correction.__table__
    source_t = Source.__table__
    return ~sa.exists().where(
        table.c.source_id == source_t.c.id,
        table.c.kind == str(CorrectionKind.SOURCE_FIELD),
        table.c.field == field,
    )


_WIKIDATA = re.compile(r"Q[1-9][0-9]{0,11}")


class SourceUpdate(BaseModel):
    """A JSON merge patch (RFC 7396) of a source: only the fields given change; `null`
    clears `role`, `affiliation_id` or `wikidata_id`. Unknown fields are refused (a typo
    must not pass for a correction)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(
        default=None, min_length=1, max_length=500, examples=["Hillary Clinton"]
    )
    type: SourceType | None = Field(default=None, examples=["person"])
    role: str | None = Field(default=None, min_length=1, max_length=300, examples=["senator"])
    affiliation_id: int | None = Field(default=None, description="Id of the source it speaks for.")
    wikidata_id: str | None = Field(default=None, examples=["Q6294"], description="Q-id.")

    @field_validator("name", "type")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value

    @field_validator("name", "role")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if "\x00" in value:
            raise ValueError("must not contain NUL (U+0000) characters")
        value = " ".join(value.split())
        if not value:
            raise ValueError("must contain something other than whitespace")
        return value

    @field_validator("wikidata_id")
    @classmethod
    def _qid(cls, value: str | None) -> str | None:
        if value is not None and not _WIKIDATA.fullmatch(value):
            raise ValueError("must be a Wikidata item id such as Q6294")
        return value

    def changes(self) -> dict[str, Any]:
        """The fields the patch sets, with their values (enums as strings)."""
        return {
            k: (str(v) if isinstance(v, SourceType) else v)
            for k, v in self.model_dump(include=self.model_fields_set).items()
        }


class SourceMerge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: int = Field(description="Id of the source that stays.", examples=[3])


class ClaimUpdate(BaseModel):
    """Move a claim to another source (`null`: the claim has no source)."""

    model_config = ConfigDict(extra="forbid")

    source_id: int | None = Field(examples=[3])

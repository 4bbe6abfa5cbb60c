"""Sources: who speaks, normalised so that mentions across articles meet."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.db import UTCDateTime, utcnow

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u0060\u00b4]")
_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"\s+")


def source_key(name: str) -> str:
    """The identity of a name: case-, apostrophe-, dot- and spacing-insensitive.

    "Qatar’s Foreign Ministry" and "Qatar's foreign ministry" share one key, as do
    "U.S. State Department" and "US State Department".
    """
    text = unicodedata.normalize("NFKC", name)
    text = _APOSTROPHES.sub("", text)
    text = _DOTS.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return text.casefold()


class Source(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("key"),)

    id: int | None = SQLField(default=None, primary_key=True)
    name: str = SQLField(max_length=500)
    key: str = SQLField(max_length=500)
    type: str = SQLField(default="unknown", max_length=20, index=True)
    role: str | None = SQLField(default=None, max_length=300)
    affiliation_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("source.id", ondelete="SET NULL"), index=True
        ),
    )
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=sa.Column(UTCDateTime, nullable=False)
    )


class SourceAlias(SQLModel, table=True):
    __tablename__ = "source_alias"
    __table_args__ = (sa.UniqueConstraint("source_id", "alias"),)

    id: int | None = SQLField(default=None, primary_key=True)
    source_id: int = SQLField(
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("source.id", ondelete="CASCADE"), nullable=False
        )
    )
    alias: str = SQLField(max_length=500)
    key: str = SQLField(max_length=500, index=True)


class AffiliationPublic(BaseModel):
    id: int
    name: str


class SourceRef(BaseModel):
    """A source as a claim shows it."""

    id: int
    name: str
    type: str = Field(examples=["person"])
    role: str | None = Field(default=None, examples=["spokesperson"])
    affiliation: AffiliationPublic | None = None


class SourcePublic(SourceRef):
    """A source of the directory, with every surface form seen and when it spoke."""

    aliases: list[str]
    claim_count: int
    first_said_on: date | None
    last_said_on: date | None

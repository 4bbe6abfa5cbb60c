"""Sources: who speaks, normalised so that mentions across articles meet."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from app.db import UTCDateTime, utcnow


class Source(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("key"),)

    id: int | None = SQLField(default=None, primary_key=True)
    name: str = SQLField(max_length=500)
    # identity (app/services/identity.py): name_key(name); for people, first + last name
    # (+ suffix) as match_key, so that "Donald J. Trump" and "Donald Trump" meet
    key: str = SQLField(max_length=500)
    match_key: str | None = SQLField(default=None, max_length=500, index=True)
    type: str = SQLField(default="unknown", max_length=20, index=True)
    role: str | None = SQLField(default=None, max_length=300)
    # the date of the statement that gave ``role``: a more recent role replaces it
    role_on: date | None = None
    affiliation_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("source.id", ondelete="SET NULL"), index=True
        ),
    )
    wikidata_id: str | None = SQLField(default=None, max_length=20)
    # set when a person merged this source into another: the id answers with that one
    merged_into_id: int | None = SQLField(
        default=None,
        sa_column=sa.Column(
            sa.Integer, sa.ForeignKey("source.id", ondelete="SET NULL"), index=True
        ),
    )
    created_at: datetime = SQLField(
        default_factory=utcnow, sa_column=sa.Column(UTCDateTime, nullable=False)
    )
    # how many claims name this source: kept by triggers on claim (migration e1a7c3f95b42),
    # in the transaction that changes them; never written by the application
    claim_count: int = SQLField(
        default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0")
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
    # identity.AliasKind: "seen" in a text, or learned ("acronym", "merged", "renamed")
    kind: str = SQLField(default="seen", max_length=20, sa_column_kwargs={"server_default": "seen"})


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
    wikidata_id: str | None = Field(default=None, examples=["Q6294"])


class AliasCount(BaseModel):
    alias: str = Field(examples=["Matthew Miller"])
    count: int = Field(description="Claims whose mention used this form.", examples=[3])


class RoleSeen(BaseModel):
    role: str = Field(examples=["spokesperson"])
    count: int = Field(description="Claims made in this role.", examples=[3])
    first_said_on: date | None = Field(description="Earliest date (said_on, else published).")
    last_said_on: date | None = Field(description="Latest date (said_on, else published).")


class SourceDetail(SourcePublic):
    """One source with the forms it was seen under and the roles it had over time."""

    seen_as: list[AliasCount] = Field(
        description="Surface forms of its claims' mentions with counts, most used first."
    )
    roles: list[RoleSeen] = Field(
        description="Roles its claims gave it, most recent first; `role` is the latest."
    )

"""Schemas shared by every resource: pages of results and problem details."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list; pass ``next_cursor`` back as ``cursor`` for the next one."""

    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Opaque cursor of the next page; null on the last page."
    )


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (``application/problem+json``)."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["article 42 does not exist"])
    instance: str | None = Field(default=None, examples=["/articles/42"])


class ValidationProblem(Problem):
    """A 422 problem; ``errors`` lists every field at fault."""

    errors: list[dict[str, Any]] = Field(
        default_factory=list,
        examples=[[{"loc": ["body", "text"], "msg": "Field required", "type": "missing"}]],
    )

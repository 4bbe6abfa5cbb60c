"""Schemas shared by every resource: pages of results and problem details."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, Field

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def require_iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD``: pydantic would read ``0`` or ``"1726531200"`` as Unix time."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("must be a date as YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(require_iso_date)]


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

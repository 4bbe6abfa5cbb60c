"""Keyset pagination: ``limit`` and an opaque ``cursor`` in, ``Page[T]`` out."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from app.errors import InvalidInput
from app.models.common import Page

__all__ = ["Page", "PageDep", "PageParams", "decode_cursor", "encode_cursor"]


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    cursor: str | None = None


def encode_cursor(values: list[Any]) -> str:
    """The sort key of the last row of a page, as an opaque url-safe string."""
    plain = [v.isoformat() if isinstance(v, date) else v for v in values]
    raw = json.dumps(plain, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str, shape: tuple[type, ...]) -> list[Any]:
    """Decode a cursor whose values have the given types (``None`` allowed for dates)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(shape):
            raise ValueError("wrong shape")
        out: list[Any] = []
        for value, kind in zip(values, shape, strict=True):
            if kind is date:
                out.append(None if value is None else date.fromisoformat(value))
            elif kind is int:
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ValueError("not an int")
                if not -(2**31) <= value < 2**31:
                    raise ValueError("out of range")
                out.append(value)
            elif kind is str:
                if not isinstance(value, str):
                    raise ValueError("not a str")
                out.append(value)
            else:  # pragma: no cover - programming error
                raise TypeError(kind)
        return out
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidInput(
            "cursor is not valid for this list", loc=("query", "cursor"), type_="cursor_invalid"
        ) from exc


async def page_params(
    request: Request,
    limit: Annotated[
        int | None,
        Query(ge=1, description="Items per page (default 50, at most page_max_limit = 500)."),
    ] = None,
    cursor: Annotated[
        str | None,
        Query(max_length=1000, description="`next_cursor` of the previous page."),
    ] = None,
) -> PageParams:
    settings = request.app.state.settings
    if limit is None:
        limit = min(settings.default_page_limit, settings.page_max_limit)
    if limit > settings.page_max_limit:
        raise InvalidInput(
            f"limit must be at most {settings.page_max_limit}",
            loc=("query", "limit"),
            type_="less_than_equal",
        )
    return PageParams(limit=limit, cursor=cursor or None)


PageDep = Annotated[PageParams, Depends(page_params)]


def make_page(rows: list[Any], limit: int, key: Any, item: Any) -> Page[Any]:
    """Trim the ``limit + 1`` fetched rows to a page; ``key(row)`` gives the cursor values."""
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(key(rows[-1])) if has_more and rows else None
    return Page(items=[item(r) for r in rows], next_cursor=next_cursor)

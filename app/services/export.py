"""Every claim of a list, in keyset batches: what the CSV and NDJSON exports stream.

An export walks the same paged query as the JSON list (same filters, same order, same
cursor), ``batch_size`` rows at a time: no OFFSET, never more than one batch in memory,
and each batch opens and closes its own session, so a slow client never holds a pooled
connection while it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from app.pagination import PageParams

# A list service bound to its filters: a page as ``{"items": [...], "next_cursor": ...}``.
FetchPage = Callable[[PageParams], dict[str, Any]]


def claim_batches(
    fetch: FetchPage, *, batch_size: int, cursor: str | None = None
) -> Iterator[list[dict[str, Any]]]:
    """The items of ``fetch``'s pages one batch at a time, from ``cursor`` to the end.

    ``fetch`` is a list service bound to its filters (``list_claims``,
    ``list_source_claims``); its errors (a bad filter, an unknown source) surface on the
    first ``next()``, before anything has been sent."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    while True:
        page = fetch(PageParams(limit=batch_size, cursor=cursor))
        if page["items"]:
            yield page["items"]
        if page["next_cursor"] is None:
            return
        cursor = page["next_cursor"]

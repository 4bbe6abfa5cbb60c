"""OpenAPI examples built from the seed article (our own spec article, shipped with the app)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

_SEED = (Path(__file__).parent / "examples" / "gaza-truce-efforts.txt").read_text(encoding="utf-8")
SEED_TITLE, _, _rest = _SEED.partition("\n")
SEED_TEXT = _rest.lstrip("\n")

ARTICLE_CREATE_EXAMPLE: dict[str, Any] = {
    "title": SEED_TITLE.strip(),
    "published_at": "2024-09-17",
    "language": "en",
    "text": SEED_TEXT,
}
ARTICLE_URL_EXAMPLE: dict[str, Any] = {"url": "https://news.example/world/gaza-truce-efforts"}
ARTICLE_HTML_EXAMPLE: dict[str, Any] = {
    "url": "https://news.example/world/council-budget",
    "html": (
        "<!DOCTYPE html><html lang='en'><head><title>Council Passes Budget</title>"
        "<meta property='og:site_name' content='Riverton Gazette'>"
        "<meta property='article:published_time' content='2024-03-14T08:00:00Z'></head>"
        "<body><nav><a href='/'>Home</a></nav><article><h1>Council Passes Budget</h1>"
        "<p>The city council approved the new budget late on Wednesday after a long "
        "debate.</p><p>Council leader Maria Ortiz said on Tuesday that the plan would "
        "protect libraries.</p></article><footer>Scroll to Top</footer></body></html>"
    ),
}


def _span(needle: str) -> dict[str, Any]:
    start = SEED_TEXT.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


_CONTENT = "Washington is working “expeditiously” on a new proposal"

# The seed's US State Department spokesperson, as a claim shows its source.
MILLER_EXAMPLE: dict[str, Any] = {
    "id": 3,
    "name": "Matthew Miller",
    "type": "person",
    "role": "spokesperson",
    "affiliation": {"id": 2, "name": "US State Department"},
}

ARTICLE_EXAMPLE: dict[str, Any] = {
    "id": 1,
    "url": None,
    "title": SEED_TITLE.strip(),
    "publisher": None,
    "author": None,
    "published_at": "2024-09-17",
    "language": "en",
    "text": SEED_TEXT,
    "content_sha256": hashlib.sha256(SEED_TEXT.encode()).hexdigest(),
    "ingested_at": "2024-09-17T12:00:00Z",
    "claim_count": 14,
}

CLAIM_EXAMPLE: dict[str, Any] = {
    "id": 7,
    "article_id": 1,
    "kind": "indirect",
    "text": _CONTENT,
    "content": _span(_CONTENT),
    "content_fragments": [_span(_CONTENT)],
    "cue": _span("stated"),
    "source_mention": _span("US State Department spokesperson Matthew Miller"),
    "source": MILLER_EXAMPLE,
    "source_role": "spokesperson",
    "source_generic": False,
    "said_on": "2024-09-16",
    "said_on_precision": "day",
    "said_on_text": "on Monday",
    "based_on": None,
    "quantities": [],
    "confidence": 0.8,
    "article": {
        "id": 1,
        "title": SEED_TITLE.strip(),
        "publisher": None,
        "published_at": "2024-09-17",
        "url": None,
    },
    "earliest_appearance": True,
    "appearance_count": 1,
}

SOURCE_EXAMPLE: dict[str, Any] = {
    "id": 3,
    "name": "Matthew Miller",
    "type": "person",
    "role": "spokesperson",
    "affiliation": {"id": 2, "name": "US State Department"},
    "aliases": ["US State Department spokesperson Matthew Miller"],
    "claim_count": 1,
    "first_said_on": "2024-09-16",
    "last_said_on": "2024-09-16",
    "wikidata_id": None,
}

SOURCE_DETAIL_EXAMPLE: dict[str, Any] = {
    **SOURCE_EXAMPLE,
    "seen_as": [{"alias": "Matthew Miller", "count": 1}],
    "roles": [
        {
            "role": "spokesperson",
            "count": 1,
            "first_said_on": "2024-09-16",
            "last_said_on": "2024-09-16",
        }
    ],
}


def page_example(item: dict[str, Any]) -> dict[str, Any]:
    return {"items": [item], "next_cursor": "WyIyMDI0LTA5LTE2Iiw3XQ"}


def json_example(example: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"example": example}}}


JOB_EXAMPLE: dict[str, Any] = {
    "id": "4f0c6bde-2b9e-4d7a-9a51-3c1a2f8e7d10",
    "status": "done",
    "article_id": 1,
    "created": True,
    "error": None,
    "enqueued_at": "2024-09-17T08:00:00Z",
    "started_at": "2024-09-17T08:00:01Z",
    "ended_at": "2024-09-17T08:00:02Z",
}

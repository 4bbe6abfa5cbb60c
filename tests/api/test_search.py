"""Full-text search (`q`) finds the same things on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.extraction.types import Attribution, Span
from app.main import create_app


def whole_text_extract(
    text: str, *, published_at: date | None, title: str | None
) -> list[Attribution]:
    """One editorial claim per paragraph (the fake extractor splits sentences on dots)."""
    out = []
    start = 0
    for paragraph in text.split("\n"):
        span = Span(start, start + len(paragraph), paragraph)
        out.append(Attribution.editorial(span))
        start += len(paragraph) + 1
    return out


TEXT = (
    "The U.S. envoy arrived in Doha.\n"
    "Memorials for 9/11 were held downtown.\n"
    "Inflation rose to 3.5 percent.\n"
    "Aid from the U.N. reached S. Korea's ports."
)


@pytest.fixture
def search_client(db: Database, settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, db=db, extractor=whole_text_extract)
    with TestClient(app) as c:
        assert c.post("/articles", json={"text": TEXT, "title": "Briefs"}).status_code == 201
        yield c


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("u.s. envoy", "The U.S. envoy arrived in Doha."),
        ("9/11", "Memorials for 9/11 were held downtown."),
        ("3.5 percent", "Inflation rose to 3.5 percent."),
        # "u" and "s" are both in the U.N. sentence, but not as "U.S."
        ("U.S.", "The U.S. envoy arrived in Doha."),
        ("Korea's", "Aid from the U.N. reached S. Korea's ports."),
    ],
)
def test_search_claims_q_with_punctuated_words(search_client, q: str, expected: str) -> None:
    items = search_client.get("/claims", params={"q": q}).json()["items"]
    assert [c["text"] for c in items] == [expected]


@pytest.mark.parametrize("q", ["U.S.", "9/11", "3.5"])
def test_search_articles_q_with_punctuated_words(search_client, q: str) -> None:
    items = search_client.get("/articles", params={"q": q}).json()["items"]
    assert [a["title"] for a in items] == ["Briefs"]


def test_search_sources_q_prefix_of_a_phrase(search_client) -> None:
    r = search_client.get("/sources", params={"q": "U.S."})
    assert r.status_code == 200, r.text

"""Helpers of the /ui page tests: the elements of a page, and posting an article."""

from __future__ import annotations

from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.factories import article_body


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str, tag: str) -> list[dict[str, str | None]]:
    """The attributes of every ``tag`` element of ``html``, in document order."""
    parser = _Elements()
    parser.feed(html)
    return [attrs for t, attrs in parser.elements if t == tag]


def post_article(client: TestClient, **kw) -> dict:
    """POST an article (``tests.factories.article_body`` with ``kw``); it must be created."""
    r = client.post("/articles", json=article_body(**kw))
    assert r.status_code == 201, r.text
    return r.json()

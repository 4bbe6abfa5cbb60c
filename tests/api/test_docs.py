"""/docs and /redoc work offline: their HTML names no other host, the assets they load are
served by the app itself, and headless Chromium with no network renders every operation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests import browser
from tests.factories import fake_extract

PAGES = ["/docs", "/redoc"]
_ABSOLUTE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*:)?//[^\s\"'<>()]+", re.IGNORECASE)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in {"src", "href", "spec-url"} and v]


def _links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


@pytest.fixture(scope="module")
def app() -> FastAPI:
    settings = Settings(database_url="sqlite:///:memory:", preload_model=False)
    return create_app(settings, extractor=fake_extract)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("page", PAGES)
def test_docs_html_references_no_other_host(client: TestClient, page: str) -> None:
    r = client.get(page)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert _ABSOLUTE.findall(r.text) == []
    links = _links(r.text)
    assert links, "the page loads no script or style at all"
    assert all(link.startswith("/") and not link.startswith("//") for link in links), links


@pytest.mark.parametrize("page", PAGES)
def test_docs_assets_are_served_by_the_app(client: TestClient, page: str) -> None:
    for link in _links(client.get(page).text):
        r = client.get(link)
        assert r.status_code == 200, link
        assert len(r.content) > 0, link
    scripts = [link for link in _links(client.get(page).text) if link.endswith(".js")]
    assert scripts, "no script: the page would not render anything"


def test_swagger_ui_does_not_ask_the_public_validator(client: TestClient) -> None:
    assert '"validatorUrl": null' in client.get("/docs").text


@pytest.fixture(scope="module")
def operations(client: TestClient) -> list[tuple[str, str, str]]:
    spec = client.get("/openapi.json").json()
    return [
        (method, path, op["operationId"])
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    browser.chromium()
    with browser.live_server(app) as base:
        yield base


@pytest.mark.browser
def test_swagger_ui_renders_every_operation_offline(
    base_url: str, operations: list[tuple[str, str, str]]
) -> None:
    dom = browser.dump_dom(f"{base_url}/docs")
    blocks = re.findall(r'class="opblock opblock-(\w+)[^"]*".*?data-path="([^"]+)"', dom, re.S)
    rendered = set(blocks)
    assert rendered == {(method, path) for method, path, _ in operations}
    assert "Claimtrail" in dom


@pytest.mark.browser
def test_redoc_renders_every_operation_offline(
    base_url: str, operations: list[tuple[str, str, str]]
) -> None:
    dom = browser.dump_dom(f"{base_url}/redoc")
    rendered = set(re.findall(r'data-section-id="tag/[^/"]+/operation/([\w-]+)"', dom))
    assert rendered == {op_id for _, _, op_id in operations}
    assert "who said what, when" in dom

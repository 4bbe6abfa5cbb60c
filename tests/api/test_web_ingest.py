"""POST /articles with a web page: `url` alone (fetched from a local server), `html`, the
fetch refusals and failures (problem+json, nothing stored), canonical URLs, `url` checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.factories import fake_extract
from tests.newspage import CHROME_SAYINGS, news_page
from tests.webserver import Page, Site, serve

PARAGRAPHS = [
    "The harbour authority closed the north pier on Thursday after storm damage.",
    "Lena Fischer said on Wednesday that repairs would take two weeks.",
    "The closure could cost fishing crews most of the autumn season.",
]
CANONICAL = "https://coastal.example/news/north-pier-closed"
HTML = news_page(
    PARAGRAPHS,
    headline="North Pier Closed After Storm",
    published="2024-10-17",
    site="Coastal Times",
    author="Ida Brenner",
    canonical=CANONICAL,
)


@pytest.fixture
def site() -> Iterator[Site]:
    pages = {
        "/pier": Page(HTML.encode()),
        "/pier-copy": Page(HTML.encode()),
        "/old-pier": Page(status=301, headers={"Location": "/pier"}),
        "/photo.png": Page(b"\x89PNG\r\n\x1a\n" + bytes(2000), content_type="image/png"),
        "/huge": Page(b"<html><body>" + b"<p>storm</p>" * 50_000 + b"</body></html>"),
        "/broken": Page(b"<html>oops</html>", status=503),
        "/slow": Page(HTML.encode(), delay=3),
    }
    with serve(pages) as s:
        yield s


def _client(db: Database, settings: Settings, **changes: object) -> TestClient:
    app = create_app(settings.model_copy(update=changes), db=db, extractor=fake_extract)
    return TestClient(app)


@pytest.fixture
def allowing(db: Database, settings: Settings) -> Iterator[TestClient]:
    """The app with the local server's host allowed, a small size cap and a short timeout."""
    with _client(
        db,
        settings,
        fetch_allow_hosts=["127.0.0.1"],
        fetch_max_bytes=200_000,
        fetch_timeout=1.0,
    ) as c:
        yield c


def _nothing_stored(client: TestClient) -> None:
    assert client.get("/articles").json()["items"] == []
    assert client.get("/claims").json()["items"] == []


def test_web_ingest_url_fetches_and_extracts(allowing: TestClient, site: Site) -> None:
    r = allowing.post("/articles", json={"url": site.url("/old-pier")})
    assert r.status_code == 201, r.text
    article = r.json()
    assert r.headers["location"] == f"/articles/{article['id']}"
    assert article["url"] == site.url("/old-pier")
    assert article["final_url"] == site.url("/pier")
    assert article["canonical_url"] == CANONICAL
    assert article["fetched_at"] is not None
    assert article["text"] == "\n\n".join(PARAGRAPHS)
    assert article["title"] == "North Pier Closed After Storm"
    assert article["publisher"] == "Coastal Times"
    assert article["author"] == "Ida Brenner"
    assert article["published_at"] == "2024-10-17"
    assert article["language"] == "en"
    assert allowing.get(f"/articles/{article['id']}").json() == article

    claims = allowing.get(f"/articles/{article['id']}/claims").json()["items"]
    said = [c for c in claims if c["kind"] != "editorial"]
    assert [c["source"]["name"] for c in said] == ["Lena Fischer"]
    assert said[0]["said_on"] == "2024-10-16"  # Wednesday before the page's Thursday
    for claim in claims:
        for key in ("content", "cue", "source_mention"):
            span = claim[key]
            if span is not None:
                assert article["text"][span["start"] : span["end"]] == span["text"]
        assert all(saying not in claim["text"] for saying in CHROME_SAYINGS)


def test_web_ingest_same_page_again_is_200_without_fetching(
    allowing: TestClient, site: Site
) -> None:
    first = allowing.post("/articles", json={"url": site.url("/pier")}).json()
    asked = len(site.requests)
    for url in (site.url("/pier"), CANONICAL):  # its url, and its canonical URL
        again = allowing.post("/articles", json={"url": url})
        assert again.status_code == 200
        assert again.json()["id"] == first["id"]
    assert len(site.requests) == asked
    # another address of the same page: fetched, then known by its canonical URL
    copy = allowing.post("/articles", json={"url": site.url("/pier-copy")})
    assert copy.status_code == 200
    assert copy.json()["id"] == first["id"]
    assert len(allowing.get("/articles").json()["items"]) == 1


def test_web_ingest_html_without_fetching(allowing: TestClient, site: Site) -> None:
    r = allowing.post("/articles", json={"html": HTML, "url": site.url("/elsewhere")})
    assert r.status_code == 201, r.text
    article = r.json()
    assert site.requests == []
    assert article["url"] == site.url("/elsewhere")
    assert article["final_url"] is None and article["fetched_at"] is None
    assert article["text"] == "\n\n".join(PARAGRAPHS)
    assert article["published_at"] == "2024-10-17"
    # the same page again, without a url: its canonical URL names it
    again = allowing.post("/articles", json={"html": HTML})
    assert again.status_code == 200
    assert again.json()["id"] == article["id"]


def test_web_ingest_given_fields_win_over_the_page(allowing: TestClient) -> None:
    body = {"html": HTML, "publisher": "Wire Copy", "published_at": "2024-10-18", "title": "T"}
    article = allowing.post("/articles", json=body).json()
    assert (article["publisher"], article["published_at"], article["title"]) == (
        "Wire Copy",
        "2024-10-18",
        "T",
    )


def test_web_ingest_loopback_refused_by_default(db: Database, settings: Settings, site) -> None:
    with _client(db, settings) as client:
        for url in (site.url("/pier"), site.url("/pier", host="localhost")):
            r = client.post("/articles", json={"url": url})
            assert r.status_code == 422, r.text
            assert r.headers["content-type"] == "application/problem+json"
            assert "loopback" in r.json()["detail"]
            assert r.json()["errors"][0]["loc"] == ["body", "url"]
        _nothing_stored(client)
    assert site.requests == []


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/photo.png", 422, "not an HTML page"),
        ("/huge", 422, "limit of 200000"),
        ("/broken", 502, "503"),
        ("/missing", 502, "404"),
        ("/slow", 504, "timed out"),
    ],
)
def test_web_ingest_unusable_pages_store_nothing(
    allowing: TestClient, site: Site, path: str, status: int, words: str
) -> None:
    r = allowing.post("/articles", json={"url": site.url(path)})
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert words in r.json()["detail"]
    assert "Traceback" not in r.text
    _nothing_stored(allowing)


def test_web_ingest_redirect_to_a_host_not_allowed(allowing: TestClient, site: Site) -> None:
    site.pages["/away"] = Page(status=302, headers={"Location": site.url("/pier", "localhost")})
    site.pages["/meta"] = Page(status=307, headers={"Location": "http://169.254.169.254/"})
    r = allowing.post("/articles", json={"url": site.url("/away")})
    assert r.status_code == 422
    assert "localhost is a loopback address" in r.json()["detail"]
    r = allowing.post("/articles", json={"url": site.url("/meta")})
    assert r.status_code == 422
    assert "cloud metadata" in r.json()["detail"]
    assert site.paths == ["/away", "/meta"]
    _nothing_stored(allowing)


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "/articles/relative",
        "example.org/no-scheme",
        "ftp://example.org/a",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        "https://exa mple.org/",
        "http://[::1/",
    ],
)
def test_web_ingest_url_must_be_absolute_http(client: TestClient, url: str) -> None:
    for body in ({"url": url}, {"url": url, "text": "Ann Lee said that it rained."}):
        r = client.post("/articles", json=body)
        assert r.status_code == 422, (url, r.text)
        assert r.json()["errors"][0]["loc"] == ["body", "url"]
    _nothing_stored(client)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": "only a title"},
        {"text": "Ann Lee said so.", "html": "<p>Ann Lee said so.</p>"},
    ],
)
def test_web_ingest_needs_exactly_one_of_text_html(client: TestClient, body: dict) -> None:
    r = client.post("/articles", json=body)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    _nothing_stored(client)


def test_web_ingest_html_without_article_text_is_422(client: TestClient) -> None:
    r = client.post("/articles", json={"html": "<html><body><script>x()</script></body></html>"})
    assert r.status_code == 422
    assert "no article text" in r.json()["detail"]
    _nothing_stored(client)

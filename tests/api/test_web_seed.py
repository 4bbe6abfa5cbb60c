"""The seed article as a real news site would serve it, through {"url": ...} and {"html": ...},
with the real model: its attributions, their sources and dates, nothing from the chrome."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.extraction.test_seed import STATEMENTS
from tests.newspage import CHROME_SAYINGS, news_page
from tests.webserver import Page, Site, serve

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parents[2].parent / "shared/seed/gaza-truce-efforts.txt"
DATED = {(m, c): d for m, c, _, _, _, _, d in STATEMENTS if d is not None}


@pytest.fixture(scope="module")
def seed_page() -> tuple[list[str], str]:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (the shared directory is not checked out)")
    blocks = SEED.read_text(encoding="utf-8").split("\n\n")
    headline, body = blocks[0].strip(), blocks[1 : blocks.index("Leave a Comment")]
    html = news_page(
        body,
        headline=headline,
        published="2024-09-17",
        site="The Daily Meridian",
        canonical="https://meridian.example/world/gaza-truce-efforts",
    )
    return body, html


@pytest.fixture
def site(seed_page) -> Iterator[Site]:
    with serve({"/world/gaza-truce-efforts": Page(seed_page[1].encode())}) as s:
        yield s


@pytest.fixture
def client(db: Database, settings: Settings, real_extractor) -> Iterator[TestClient]:
    allowed = settings.model_copy(update={"fetch_allow_hosts": ["127.0.0.1"]})
    with TestClient(create_app(allowed, db=db, extractor=real_extractor)) as c:
        yield c


def _check(client: TestClient, article: dict, body: list[str]) -> None:
    assert article["published_at"] == "2024-09-17"  # from the page's markup only
    assert article["publisher"] == "The Daily Meridian"
    assert article["text"] == "\n\n".join(body)
    claims = client.get(f"/articles/{article['id']}/claims", params={"limit": 500}).json()
    claims = claims["items"]
    found = {}
    for mention, cue, name, *_ in STATEMENTS:
        for c in claims:
            if (
                c["source_mention"] is not None
                and c["source_mention"]["text"] == mention
                and c["cue"] is not None
                and c["cue"]["text"] == cue
                and c["source"] is not None
                and c["source"]["name"] == name
            ):
                found[(mention, cue)] = c
    assert len(DATED) == 4
    assert len(found) >= 10, sorted(found)
    for key, said_on in DATED.items():
        assert key in found, key
        assert found[key]["said_on"] == said_on.isoformat(), (key, found[key]["said_on"])
    text = article["text"]
    for c in claims:
        assert text[c["content"]["start"] : c["content"]["end"]] == c["content"]["text"]
        assert any(c["content"]["text"] in paragraph for paragraph in body), c["text"]
        for saying in CHROME_SAYINGS:
            assert saying.split(" said")[0] not in c["text"]


def test_web_seed_through_url(client: TestClient, site: Site, seed_page) -> None:
    r = client.post("/articles", json={"url": site.url("/world/gaza-truce-efforts")})
    assert r.status_code == 201, r.text
    _check(client, r.json(), seed_page[0])


def test_web_seed_through_html(client: TestClient, seed_page) -> None:
    r = client.post("/articles", json={"html": seed_page[1]})
    assert r.status_code == 201, r.text
    _check(client, r.json(), seed_page[0])


def test_web_seed_loopback_refused_by_default(db: Database, settings: Settings, site: Site) -> None:
    with TestClient(create_app(settings, db=db)) as client:
        r = client.post("/articles", json={"url": site.url("/world/gaza-truce-efforts")})
        assert r.status_code == 422
        assert client.get("/articles").json()["items"] == []
    assert site.requests == []

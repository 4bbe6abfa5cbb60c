"""The /ui pages as a browser renders them: headless Chromium, no network but loopback.

The seed article (the project's own spec article) and a follow-up written for this test go
through the real extraction; the tests read the DOM Chromium built and take screenshots
(kept in $CLAIMTRAIL_UI_SCREENSHOTS when set, for a person to look at)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient

from app.api.examples import SEED_TEXT, SEED_TITLE
from app.config import Settings
from app.db import Database, make_engine
from app.main import create_app
from tests import browser
from tests.conftest import alembic_config

pytestmark = pytest.mark.model

FOLLOW_UP = (
    "Matthew Miller, the US State Department spokesperson, said on Thursday that talks in "
    "Cairo had made progress.\n\n"
    "Egyptian officials said that a new round would open within days."
)
HOSTILE_TITLE = "Talks <img src=x onerror=alert(1)> resume"
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class _Dom(HTMLParser):
    """Every element of a serialised DOM with its attributes and all the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in _VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def find(self, tag: str, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and (cls is None or cls in e.attrs.get("class", "").split())
        ]


def _dom(url: str) -> _Dom:
    dom = _Dom()
    dom.feed(browser.dump_dom(url))
    return dom


@dataclass
class Site:
    base: str
    client: TestClient
    seed_id: int
    follow_id: int
    shots: Path


@pytest.fixture(scope="module")
def site(fresh_database_url, real_extractor, tmp_path_factory) -> Iterator[Site]:
    url = fresh_database_url("sqlite")
    command.upgrade(alembic_config(url), "head")
    db = Database(make_engine(url))
    settings = Settings(database_url=url, preload_model=False, api_keys=[])
    app = create_app(settings, db=db, extractor=real_extractor)
    shots = Path(os.environ.get("CLAIMTRAIL_UI_SCREENSHOTS") or tmp_path_factory.mktemp("ui"))
    try:
        with TestClient(app) as client, browser.live_server(app) as base:
            seed = client.post(
                "/articles",
                json={
                    "title": SEED_TITLE.strip(),
                    "text": SEED_TEXT,
                    "publisher": "AFP",
                    "published_at": "2024-09-17",
                },
            )
            follow = client.post(
                "/articles",
                json={
                    "title": HOSTILE_TITLE,
                    "text": FOLLOW_UP,
                    "publisher": "Harbour Herald",
                    "published_at": "2024-10-04",
                },
            )
            assert seed.status_code == follow.status_code == 201, (seed.text, follow.text)
            yield Site(base, client, seed.json()["id"], follow.json()["id"], shots)
    finally:
        db.dispose()


def _miller(client: TestClient) -> dict:
    found = client.get("/sources", params={"q": "Matthew Miller"}).json()["items"]
    (miller,) = [s for s in found if s["name"] == "Matthew Miller"]
    return miller


def test_ui_article_page_renders_every_claim_marked(site: Site) -> None:
    url = f"{site.base}/ui/articles/{site.seed_id}"
    dom = _dom(url)
    claims = site.client.get(f"/articles/{site.seed_id}/claims", params={"limit": 500})
    claims = claims.json()["items"]
    assert len(claims) >= 10
    marks = [m for m in dom.find("mark", "claim") if "data-claim-id" in m.attrs]
    assert {m.attrs["data-claim-id"] for m in marks} == {str(c["id"]) for c in claims}
    # each mark holds only words of its claim's content, and all of them
    for claim in claims:
        marked = "".join(m.text for m in marks if m.attrs["data-claim-id"] == str(claim["id"]))
        fragments = claim["content_fragments"] or [claim["content"]]
        assert all(f["text"] in marked for f in fragments), (claim["text"], marked)
    # cues and source mentions are set off, mentions link to their source's page
    cues = {c for e in dom.find("span", "cue") for c in e.attrs.get("data-claims", "").split()}
    whos = [w for w in dom.find("a", "who") if "data-claims" in w.attrs]
    for claim in claims:
        if claim["cue"]:
            assert str(claim["id"]) in cues
        if claim["source_mention"] and claim["source"]:
            (who,) = [w for w in whos if str(claim["id"]) in w.attrs["data-claims"].split()]
            assert who.attrs["href"] == f"/ui/sources/{claim['source']['id']}"
            assert who.attrs["title"] == claim["source"]["name"]
            assert who.text == claim["source_mention"]["text"]
    names = {w.attrs["title"] for w in whos}
    assert "Matthew Miller" in names
    aside = " ".join(e.text for e in dom.find("aside"))
    assert "Matthew Miller" in aside and "spokesperson" in aside
    browser.screenshot(url, site.shots / "article.png", size=(1280, 1500))


def test_ui_source_page_renders_its_weeks(site: Site) -> None:
    miller = _miller(site.client)
    url = f"{site.base}/ui/sources/{miller['id']}"
    dom = _dom(url)
    (h1,) = dom.find("h1")
    assert h1.text == "Matthew Miller"
    bars = [e for e in dom.find("rect") if "bar" in e.attrs.get("class", "")]
    titles = sorted(e.text for e in dom.find("title") if e.text.startswith("week of"))
    assert len(bars) == 2
    assert titles[0].startswith("week of 2024-09-16:")
    assert titles[1].startswith("week of 2024-09-30:")
    listed = [a.attrs["data-claim-id"] for a in dom.find("a") if "data-claim-id" in a.attrs]
    api = site.client.get(f"/sources/{miller['id']}/claims").json()["items"]
    assert listed == [str(c["id"]) for c in api]
    browser.screenshot(url, site.shots / "source.png", size=(1280, 1100))


def test_ui_search_page_renders_results_and_escapes_titles(site: Site) -> None:
    url = f"{site.base}/ui/?source=Matthew+Miller"
    dom = _dom(url)
    rows = dom.find("tr")[1:]  # after the header row
    miller = _miller(site.client)
    assert len(rows) == miller["claim_count"] >= 2
    assert any(HOSTILE_TITLE in row.text for row in rows)  # shown as text ...
    assert dom.find("img") == [] and dom.find("script") == []  # ... never as markup
    browser.screenshot(f"{site.base}/ui/", site.shots / "search.png", size=(1280, 1000))
    follow = _dom(f"{site.base}/ui/articles/{site.follow_id}")
    assert [h.text for h in follow.find("h1")] == [HOSTILE_TITLE]
    assert follow.find("img") == []


def test_ui_screenshots_show_something(site: Site) -> None:
    for name in ("article", "source", "search"):
        path = site.shots / f"{name}.png"
        if not path.exists():
            pytest.skip("the screenshot tests did not run")
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000, (name, len(data))

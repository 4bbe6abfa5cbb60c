"""What the issue says the service must show, on the seed article, with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "app" / "api" / "examples" / "gaza-truce-efforts.txt"

pytestmark = pytest.mark.model


@pytest.fixture
def seeded(model_client):
    text = SEED.read_text(encoding="utf-8")
    r = model_client.post("/articles", json={"text": text, "published_at": "2024-09-17"})
    assert r.status_code == 201, r.text
    return model_client, r.json()


def _miller(client) -> dict:
    found = client.get("/sources", params={"q": "Miller"}).json()["items"]
    matches = [s for s in found if s["name"] == "Matthew Miller"]
    assert matches, found
    return matches[0]


def test_seed_sources_q_miller_finds_matthew_miller(seeded) -> None:
    client, _ = seeded
    miller = _miller(client)
    assert miller["type"] == "person"
    assert miller["role"] == "spokesperson"
    assert miller["affiliation"] is not None
    assert "state department" in miller["affiliation"]["name"].casefold()
    assert miller["affiliation"]["name"].casefold().replace(".", "").startswith("us ")


def test_seed_miller_said_expeditiously_on_monday(seeded) -> None:
    client, _ = seeded
    miller = _miller(client)
    claims = client.get(f"/sources/{miller['id']}/claims").json()["items"]
    expeditiously = [c for c in claims if "expeditiously" in c["text"]]
    assert len(expeditiously) == 1
    assert expeditiously[0]["said_on"] == "2024-09-16"
    assert expeditiously[0]["said_on_precision"] == "day"


def test_seed_claims_said_on_that_monday(seeded) -> None:
    client, _ = seeded
    claims = client.get(
        "/claims", params={"said_from": "2024-09-16", "said_to": "2024-09-16"}
    ).json()["items"]
    assert claims
    assert all(c["said_on"] == "2024-09-16" for c in claims)
    texts = " ".join(c["text"] for c in claims)
    assert "expeditiously" in texts
    assert "Blinken" in texts


def test_seed_claims_q_ceasefire(seeded) -> None:
    client, article = seeded
    claims = client.get("/claims", params={"q": "ceasefire"}).json()["items"]
    assert len(claims) >= 2
    assert all("ceasefire" in c["text"].casefold() for c in claims)
    every = client.get(f"/articles/{article['id']}/claims", params={"limit": 500}).json()["items"]
    expected = {c["id"] for c in every if "ceasefire" in c["text"].casefold()}
    assert {c["id"] for c in claims} == expected


def test_seed_claim_carries_article_spans_and_source(seeded) -> None:
    client, article = seeded
    miller = _miller(client)
    listed = client.get(f"/sources/{miller['id']}/claims").json()["items"]
    claim = client.get(f"/claims/{listed[0]['id']}").json()
    assert claim["article"]["id"] == article["id"]
    assert claim["article"]["published_at"] == "2024-09-17"
    text = article["text"]
    for key in ("content", "cue", "source_mention"):
        span = claim[key]
        assert span is not None, key
        assert text[span["start"] : span["end"]] == span["text"]
    assert "Matthew Miller" in claim["source_mention"]["text"]
    assert claim["source"]["id"] == miller["id"]
    assert claim["source"]["affiliation"] == miller["affiliation"]


def test_seed_page_chrome_yields_no_claims(seeded) -> None:
    client, article = seeded
    claims = client.get(f"/articles/{article['id']}/claims", params={"limit": 500}).json()
    for c in claims["items"]:
        assert "Leave a Comment" not in c["text"]
        assert "Scroll to Top" not in c["text"]

"""The read routes build their JSON from plain dicts (app/services/claims.py), not from the
response models: every body must still be exactly what the documented schema says."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from app.models import ArticlePublic, ClaimPublic, Page, SourceDetail, SourcePublic
from tests.factories import article_body

TEXTS = [
    "Maria Lopez, spokesperson of the Port Authority, said on Monday that at least 1,205 "
    "ships were delayed. The port reopened on Tuesday.",
    "Omar Haddad said that about 40 trucks and 3 cranes were idle. Maria Lopez said that "
    "the strike was over.",
]


def _keys_match(model: type[BaseModel], value: Any) -> None:
    """Every field of ``model`` and nothing else, recursively through nested models."""
    assert isinstance(value, dict)
    assert list(value) == list(model.model_fields), model.__name__
    for name, field in model.model_fields.items():
        inner = value[name]
        annotation = field.annotation
        for candidate in getattr(annotation, "__args__", (annotation,)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel) and inner:
                items = inner if isinstance(inner, list) else [inner]
                for item in items:
                    _keys_match(candidate, item)


@pytest.fixture
def loaded(client) -> dict[str, int]:
    ids = []
    for i, text in enumerate(TEXTS):
        r = client.post("/articles", json=article_body(text=text, url=f"https://e.org/{i}"))
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    claim = client.get("/claims", params={"q": "ships"}).json()["items"][0]
    return {"article": ids[0], "claim": claim["id"], "source": claim["source"]["id"]}


def test_read_bodies_match_their_schemas(client, loaded) -> None:
    pages = {
        "/claims": ClaimPublic,
        "/claims?limit=1": ClaimPublic,
        "/claims?q=trucks": ClaimPublic,
        f"/sources/{loaded['source']}/claims": ClaimPublic,
        f"/articles/{loaded['article']}/claims": ClaimPublic,
        "/sources": SourcePublic,
        "/articles": ArticlePublic,
    }
    for path, model in pages.items():
        r = client.get(path)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "application/json"
        page = Page[model].model_validate_json(r.content)  # type: ignore[valid-type]
        assert page.items, path
        body = r.json()
        assert list(body) == ["items", "next_cursor"]
        for item in body["items"]:
            _keys_match(model, item)
    single = {
        f"/claims/{loaded['claim']}": ClaimPublic,
        f"/sources/{loaded['source']}": SourceDetail,
        f"/articles/{loaded['article']}": ArticlePublic,
    }
    for path, model in single.items():
        r = client.get(path)
        assert r.status_code == 200, r.text
        model.model_validate_json(r.content)
        _keys_match(model, r.json())


def test_read_bodies_quantities_and_dates_as_before(client, loaded) -> None:
    claims = client.get("/claims", params={"q": "trucks"}).json()["items"]
    assert [q["value"] for q in claims[0]["quantities"]] == [40.0, 3.0]
    assert [q["qualifier"] for q in claims[0]["quantities"]] == ["about", None]
    article = client.get(f"/articles/{loaded['article']}").json()
    # the timestamp as pydantic wrote it: UTC with a Z
    assert article["ingested_at"].endswith("Z")
    assert article["published_at"] == "2024-09-17"
    source = client.get(f"/sources/{loaded['source']}").json()
    assert source["first_said_on"] == source["last_said_on"] == "2024-09-16"
    assert source["claim_count"] == 2


def test_search_common_word_on_sqlite_ranks_a_capped_candidate_set(client, db, monkeypatch) -> None:
    if not db.is_sqlite:
        pytest.skip("the cap is SQLite's plan; PostgreSQL searches every match")
    from app.services import claims as claim_service

    monkeypatch.setattr(claim_service, "SEARCH_CANDIDATES", 3)
    dates = ["2024-09-20", "2024-09-10", "2024-09-25", "2024-09-01", "2024-09-15"]
    piers = ["north", "south", "east", "west", "inner"]
    for i, day in enumerate(dates):
        body = article_body(
            text=f"Ferry Ops said that the tide was late at the {piers[i]} pier.",
            url=f"https://e.org/tide/{i}",
            published_at=day,
        )
        assert client.post("/articles", json=body).status_code == 201
    # "tide" matches five claims, more than the cap: the three stored last are searched,
    # newest first; a rarer word is searched exactly
    r = client.get("/claims", params={"q": "tide"})
    assert [c["article"]["published_at"] for c in r.json()["items"]] == [
        "2024-09-25",
        "2024-09-15",
        "2024-09-01",
    ]
    older = client.get("/claims", params={"q": "south"}).json()["items"]
    assert [c["article"]["published_at"] for c in older] == ["2024-09-10"]

"""What the API shows of identity: a claim's source_role, a source's forms and roles over
time, and generic mentions (no source, found by their mention)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.extraction.types import ResolvedSource, SourceType
from app.main import create_app
from tests.factories import scripted

PERSON = SourceType.PERSON

SOURCES = {
    "Janet Yellen": ResolvedSource("Janet Yellen", PERSON, "Janet Yellen", role="Fed chair"),
    "Secretary Yellen": ResolvedSource(
        "Janet Yellen", PERSON, "Secretary Yellen", role="Treasury Secretary"
    ),
    "She": ResolvedSource("Janet Yellen", PERSON, "Janet Yellen", role="Treasury Secretary"),
    "Officials": ResolvedSource("officials", PERSON, "Officials", generic=True),
    "Israeli officials": ResolvedSource(
        "Israeli officials", PERSON, "Israeli officials", generic=True
    ),
    "A spokesman": ResolvedSource("a spokesman", PERSON, "A spokesman", generic=True),
}


@pytest.fixture
def api(db, settings) -> Iterator[TestClient]:
    app = create_app(settings, db=db, extractor=scripted(SOURCES))
    with TestClient(app) as c:
        yield c


def _post(api: TestClient, text: str, published_at: str) -> dict:
    r = api.post("/articles", json={"text": text, "published_at": published_at})
    assert r.status_code == 201, r.text
    return r.json()


def test_claims_carry_the_role_of_their_article_and_the_source_its_latest(api) -> None:
    _post(api, "Secretary Yellen said that rates hold. She said that jobs grow.", "2022-03-01")
    _post(api, "Janet Yellen said that inflation is transitory.", "2016-05-01")
    claims = api.get("/claims", params={"source": "Janet Yellen"}).json()["items"]
    assert {(c["text"], c["source_role"]) for c in claims} == {
        ("rates hold", "Treasury Secretary"),
        ("jobs grow", "Treasury Secretary"),
        ("inflation is transitory", "Fed chair"),
    }
    source_id = claims[0]["source"]["id"]
    assert all(c["source"]["role"] == "Treasury Secretary" for c in claims)
    detail = api.get(f"/sources/{source_id}").json()
    assert detail["role"] == "Treasury Secretary"
    assert detail["roles"] == [
        {
            "role": "Treasury Secretary",
            "count": 2,
            "first_said_on": "2022-03-01",
            "last_said_on": "2022-03-01",
        },
        {
            "role": "Fed chair",
            "count": 1,
            "first_said_on": "2016-05-01",
            "last_said_on": "2016-05-01",
        },
    ]
    assert detail["seen_as"] == [
        {"alias": "Janet Yellen", "count": 2},
        {"alias": "Secretary Yellen", "count": 1},
    ]
    assert sorted(detail["aliases"]) == ["Janet Yellen", "Secretary Yellen"]


def test_generic_mentions_have_no_source_and_are_found_by_their_mention(api) -> None:
    _post(api, "Officials said that the bridge is safe.", "2024-01-01")
    _post(api, "Israeli officials said that talks resume. A spokesman said that no.", "2024-02-01")
    _post(api, "Officials said that the dam is full.", "2024-03-01")
    assert api.get("/sources").json()["items"] == []  # never pooled into one source
    found = api.get("/claims", params={"source": "officials"}).json()["items"]
    assert [c["text"] for c in found] == ["the dam is full", "talks resume", "the bridge is safe"]
    for claim in found:
        assert claim["source"] is None and claim["source_generic"] is True
        assert claim["source_mention"]["text"].lower().endswith("officials")
    exact = api.get("/claims", params={"source": "Israeli officials"}).json()["items"]
    assert [c["text"] for c in exact] == ["talks resume"]
    spokesman = api.get("/claims", params={"source": "the spokesman"}).json()["items"]
    assert [c["text"] for c in spokesman] == ["no"]
    assert api.get("/claims", params={"source": "official%"}).json()["items"] == []


def test_source_filter_pages_named_and_generic_claims_newest_first(db, settings) -> None:
    """source= unites the named source's claims and the generic mentions ending with its
    words (each walked down its own index); pages of one keep that order with no repeat."""
    sources = {
        **SOURCES,
        "The Officials": ResolvedSource("Officials", SourceType.ORGANIZATION, "The Officials"),
    }
    app = create_app(settings, db=db, extractor=scripted(sources))
    with TestClient(app) as api:
        _post(api, "Officials said that a opens.", "2024-01-05")
        _post(api, "The Officials said that b closes.", "2024-01-03")
        _post(
            api,
            "Israeli officials said that c waits. The Officials said that d ends.",
            "2024-01-04",
        )
        _post(api, "A spokesman said that e is out.", "2024-01-06")  # not an official
        _post(api, "The Officials said that f starts.", "2024-01-07")
        whole = api.get("/claims", params={"source": "officials"}).json()
        assert [c["text"] for c in whole["items"]] == [
            "f starts",
            "a opens",
            "d ends",
            "c waits",
            "b closes",
        ]
        seen, cursor = [], None
        while True:
            params = {"source": "officials", "limit": 1} | ({"cursor": cursor} if cursor else {})
            page = api.get("/claims", params=params).json()
            seen += [c["text"] for c in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [c["text"] for c in whole["items"]]
        named = {c["source"]["name"] for c in whole["items"] if c["source"]}
        assert named == {"Officials"}

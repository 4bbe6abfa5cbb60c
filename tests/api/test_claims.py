"""GET /claims and /claims/{id}: filters, order, keyset pages, provenance."""

from __future__ import annotations

from tests.factories import article_body


def _post(client, text: str, **kw) -> dict:
    r = client.post("/articles", json=article_body(text=text, **kw))
    assert r.status_code == 201, r.text
    return r.json()


def _texts(r) -> list[str]:
    assert r.status_code == 200, r.text
    return [c["text"] for c in r.json()["items"]]


def test_claims_newest_first_by_said_on_then_article_date(client) -> None:
    # published Tuesday 2024-09-17: "on Monday" is 2024-09-16, "on Friday" 2024-09-13
    _post(client, "Ann Lee said on Friday that alpha rose.", published_at="2024-09-17")
    _post(client, "Bo Chan said that beta fell.", published_at="2024-09-18")
    _post(client, "Cy Dunn said on Monday that gamma held.", published_at="2024-09-17")
    _post(client, "Di Eng said that delta.", published_at=None)  # sorts by ingest day
    texts = _texts(client.get("/claims", params={"kind": "indirect"}))
    assert texts[1:] == ["beta fell", "gamma held", "alpha rose"]
    assert texts[0] == "delta"


def test_claims_filters(client) -> None:
    a = _post(
        client,
        "Maria Lopez, spokesperson of the Port Authority, said on Monday that 40 ships waited. "
        "The fog lifted.",
        publisher="Coastal Times",
    )
    _post(client, "John Smith said on Friday that the ferry was cancelled.", publisher="Bay News")
    get = lambda **p: _texts(client.get("/claims", params=p))  # noqa: E731
    assert get(said_from="2024-09-16", said_to="2024-09-16") == ["40 ships waited"]
    assert get(said_to="2024-09-13") == ["the ferry was cancelled"]
    assert get(q="ferries") == ["the ferry was cancelled"]  # stemmed full text
    assert get(q="fog") == ["The fog lifted."]
    assert get(kind="editorial") == ["The fog lifted."]
    assert get(publisher="Bay News") == ["the ferry was cancelled"]
    assert sorted(get(article_id=a["id"])) == ["40 ships waited", "The fog lifted."]
    # source by canonical name or alias, case-insensitively
    assert get(source="maria lopez") == ["40 ships waited"]
    assert get(source="Port Authority") == []  # the affiliation made no claim
    miller = client.get("/sources", params={"q": "Smith"}).json()["items"][0]
    assert get(source_id=miller["id"]) == ["the ferry was cancelled"]
    assert get(source_id=999_999) == []
    # the editorial claim's source is the publisher, a media source
    editorial = client.get("/claims", params={"kind": "editorial"}).json()["items"][0]
    assert editorial["source"]["name"] == "Coastal Times"
    assert editorial["source"]["type"] == "media"
    assert editorial["source_mention"] is None and editorial["cue"] is None


def test_claims_pages_are_stable_and_complete(client) -> None:
    for i in range(7):
        _post(client, f"Ann Lee said that item {i} shipped. Note {i} was filed.")
    before = {c["id"] for c in client.get("/claims", params={"limit": 500}).json()["items"]}
    assert len(before) == 14
    ids: list[int] = []
    cursor = None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = client.get("/claims", params=params).json()
        ids += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
        # a concurrent insert does not shift the pages already handed out
        _post(client, f"Late note {len(ids)} arrived.", published_at="2020-01-01")
    assert len(ids) == len(set(ids))
    assert before <= set(ids)


def test_read_claim_carries_its_provenance(client) -> None:
    body = article_body(
        text="Maria Lopez, spokesperson of the Port Authority, said on Monday that "
        "at least 1,205 ships were delayed.",
        url="https://example.org/port",
    )
    article = client.post("/articles", json=body).json()
    claim_id = client.get(f"/articles/{article['id']}/claims").json()["items"][0]["id"]
    claim = client.get(f"/claims/{claim_id}").json()
    assert claim["article"] == {
        "id": article["id"],
        "title": body["title"],
        "publisher": body["publisher"],
        "published_at": "2024-09-17",
        "url": body["url"],
    }
    text = body["text"]
    for key in ("content", "cue", "source_mention"):
        span = claim[key]
        assert text[span["start"] : span["end"]] == span["text"]
    assert claim["cue"]["text"] == "said"
    assert claim["source_mention"]["text"] == "Maria Lopez"
    assert claim["source"]["name"] == "Maria Lopez"
    assert claim["source"]["role"] == "spokesperson"
    assert claim["source"]["affiliation"]["name"] == "Port Authority"
    assert claim["said_on"] == "2024-09-16"
    assert claim["said_on_precision"] == "day"
    assert claim["said_on_text"] == "on Monday"
    assert claim["content_fragments"] == [claim["content"]]
    assert claim["quantities"] == [
        {
            "value": 1205.0,
            "qualifier": "at least",
            "unit": "ships",
            "measure": "other",
            "value_to": None,
            "part_of": None,
            "span": {
                "start": text.index("at least"),
                "end": text.index(" were"),
                "text": "at least 1,205 ships",
            },
        }
    ]
    assert 0 <= claim["confidence"] <= 1
    assert claim["based_on"] is None

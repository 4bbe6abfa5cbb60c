"""GET /sources, /sources/{id}, /sources/{id}/claims."""

from __future__ import annotations

from tests.factories import article_body


def _post(client, text: str, **kw) -> dict:
    r = client.post("/articles", json=article_body(text=text, **kw))
    assert r.status_code == 201, r.text
    return r.json()


def test_sources_resolved_across_articles(client) -> None:
    _post(client, "Qatar’s Foreign Ministry said on Monday that talks continue.")
    _post(client, "Qatar's foreign ministry said on Friday that a deal was near.")
    found = client.get("/sources", params={"q": "qatar"}).json()["items"]
    assert len(found) == 1
    source = found[0]
    assert source["name"] == "Qatar’s Foreign Ministry"
    assert sorted(source["aliases"]) == sorted(
        ["Qatar’s Foreign Ministry", "Qatar's foreign ministry"]
    )
    assert source["claim_count"] == 2
    assert (source["first_said_on"], source["last_said_on"]) == ("2024-09-13", "2024-09-16")
    detail = client.get(f"/sources/{source['id']}").json()
    assert {k: v for k, v in detail.items() if k not in ("seen_as", "roles")} == source
    assert sorted((s["alias"], s["count"]) for s in detail["seen_as"]) == [
        ("Qatar's foreign ministry", 1),
        ("Qatar’s Foreign Ministry", 1),
    ]
    # either surface form finds it as the `source` filter of /claims
    for form in ("qatars foreign ministry", "QATAR’S FOREIGN MINISTRY"):
        claims = client.get("/claims", params={"source": form}).json()["items"]
        assert len(claims) == 2


def test_sources_search_type_and_order(client) -> None:
    _post(
        client,
        "Matthew Miller, spokesperson of the State Department, said on Monday that work goes on.",
        publisher=None,
    )
    _post(client, "Reuters said that the vote was delayed.", publisher="Wire Daily")
    miller = client.get("/sources", params={"q": "Mill"}).json()["items"]
    assert [s["name"] for s in miller] == ["Matthew Miller"]
    assert miller[0]["type"] == "person"
    assert miller[0]["role"] == "spokesperson"
    assert miller[0]["affiliation"]["name"] == "State Department"
    assert client.get("/sources", params={"q": "miller matthew"}).json()["items"] == miller
    assert client.get("/sources", params={"q": "nobody"}).json()["items"] == []
    media = client.get("/sources", params={"type": "media"}).json()["items"]
    assert [s["name"] for s in media] == ["Wire Daily"]
    names = []
    cursor = None
    while True:
        page = client.get("/sources", params={"limit": 2} | ({"cursor": cursor} if cursor else {}))
        names += [s["name"] for s in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if not cursor:
            break
    assert names == sorted(names, key=str.casefold)
    assert set(names) == {"Matthew Miller", "Reuters", "State Department", "Wire Daily"}


def test_source_claims_newest_first_with_filters(client) -> None:
    _post(client, "Ann Lee said on Friday that prices rose.")
    _post(client, "Ann Lee said on Monday that prices fell. Ben Orr said that rain came.")
    ann = client.get("/sources", params={"q": "Ann Lee"}).json()["items"][0]
    texts = lambda **p: [  # noqa: E731
        c["text"] for c in client.get(f"/sources/{ann['id']}/claims", params=p).json()["items"]
    ]
    assert texts() == ["prices fell", "prices rose"]
    assert texts(said_from="2024-09-16") == ["prices fell"]
    assert texts(q="rose") == ["prices rose"]
    assert client.get("/sources/999999/claims").status_code == 404
    assert client.get("/sources/999999").status_code == 404

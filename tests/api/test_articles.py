"""POST/GET/DELETE /articles and /articles/{id}/claims, through HTTP."""

from __future__ import annotations

import pytest

from tests.factories import article_body


def test_create_article_returns_201_with_location_and_claims(client) -> None:
    body = article_body(url="https://example.org/a1", author="Ann Writer", language="en")
    r = client.post("/articles", json=body)
    assert r.status_code == 201
    article = r.json()
    assert r.headers["location"] == f"/articles/{article['id']}"
    assert article["text"] == body["text"]
    assert article["url"] == body["url"]
    assert article["published_at"] == "2024-09-17"
    assert article["claim_count"] == 2
    assert len(article["content_sha256"]) == 64
    assert article["ingested_at"].endswith(("Z", "+00:00"))
    assert client.get(r.headers["location"]).json() == article


def test_create_article_same_url_returns_200_with_existing(client) -> None:
    body = article_body(url="https://example.org/same")
    first = client.post("/articles", json=body)
    again = client.post("/articles", json={**body, "text": body["text"] + " Updated."})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert again.headers["location"] == first.headers["location"]
    assert len(client.get("/articles").json()["items"]) == 1


def test_create_article_same_text_without_url_returns_200(client) -> None:
    body = article_body()
    first = client.post("/articles", json=body)
    again = client.post("/articles", json={**body, "title": "Another title"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    claims = client.get(f"/articles/{first.json()['id']}/claims").json()["items"]
    assert len(claims) == 2  # one set of claims, not two


def test_create_article_same_text_different_urls_are_two_articles(client) -> None:
    body = article_body()
    a = client.post("/articles", json={**body, "url": "https://a.example/1"})
    b = client.post("/articles", json={**body, "url": "https://b.example/1"})
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["id"] != b.json()["id"]


def test_create_article_accepts_timestamp_and_ignores_unknown_fields(client) -> None:
    body = article_body(published_at="2024-09-17T08:30:00Z", tags=["x"], extra={"a": 1})
    r = client.post("/articles", json=body)
    assert r.status_code == 201
    assert r.json()["published_at"] == "2024-09-17"
    assert "tags" not in r.json()


def test_read_article_unknown_ids_are_404_problems(client) -> None:
    for article_id in (1, 2**31 - 1, 2**31, 2**63, 2**70, 0, -1):
        r = client.get(f"/articles/{article_id}")
        assert r.status_code == 404, article_id
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["status"] == 404
        assert client.get(f"/articles/{article_id}/claims").status_code == 404
        assert client.delete(f"/articles/{article_id}").status_code == 404


def test_list_articles_newest_first_undated_last_and_pages(client) -> None:
    dates = ["2024-01-05", None, "2024-03-01", "2024-03-01", "2023-12-31", None, "2024-02-10"]
    ids = [client.post("/articles", json=article_body(published_at=d)).json()["id"] for d in dates]
    seen: list[int] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/articles", params=params).json()
        assert len(page["items"]) <= 2
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    by_id = dict(zip(ids, dates, strict=True))
    expected = sorted(
        ids, key=lambda i: (by_id[i] is None, "" if by_id[i] is None else by_id[i], i)
    )
    # dated ones newest first (then id desc), undated ones last (id desc)
    dated = sorted((i for i in ids if by_id[i]), key=lambda i: (by_id[i], i), reverse=True)
    undated = sorted((i for i in ids if not by_id[i]), reverse=True)
    assert seen == dated + undated
    assert sorted(seen) == sorted(expected)


def test_list_articles_filters(client) -> None:
    a = client.post("/articles", json=article_body(publisher="Daily A", published_at="2024-01-01"))
    b = client.post("/articles", json=article_body(publisher="Daily B", published_at="2024-02-01"))
    c = client.post(
        "/articles",
        json=article_body(
            publisher="Daily B",
            published_at="2024-03-01",
            title="Negotiations stall",
            text="The negotiators went home without an agreement.",
        ),
    )
    ids = lambda r: [x["id"] for x in r.json()["items"]]  # noqa: E731
    assert ids(client.get("/articles", params={"publisher": "Daily B"})) == [
        c.json()["id"],
        b.json()["id"],
    ]
    assert ids(client.get("/articles", params={"published_from": "2024-02-01"})) == [
        c.json()["id"],
        b.json()["id"],
    ]
    assert ids(client.get("/articles", params={"published_to": "2024-01-31"})) == [a.json()["id"]]
    # full text: title and text, stemmed ("negotiation" finds "Negotiations")
    assert ids(client.get("/articles", params={"q": "negotiation"})) == [c.json()["id"]]
    assert ids(client.get("/articles", params={"q": "agreement"})) == [c.json()["id"]]
    assert ids(client.get("/articles", params={"q": "zeppelin"})) == []


def test_article_claims_in_text_order_with_spans_of_the_text(client) -> None:
    body = article_body(
        text=(
            "The storm closed the port. Maria Lopez said on Monday that 40 ships waited. "
            "John Smith said that the queue would clear by Friday. Crews worked overnight."
        )
    )
    article = client.post("/articles", json=body).json()
    page = client.get(f"/articles/{article['id']}/claims", params={"limit": 3}).json()
    rest = client.get(
        f"/articles/{article['id']}/claims", params={"cursor": page["next_cursor"]}
    ).json()
    claims = page["items"] + rest["items"]
    assert rest["next_cursor"] is None
    assert [c["content"]["start"] for c in claims] == sorted(c["content"]["start"] for c in claims)
    assert len(claims) == 4
    for c in claims:
        for key in ("content", "cue", "source_mention"):
            span = c[key]
            if span is not None:
                assert body["text"][span["start"] : span["end"]] == span["text"]
        assert c["article_id"] == article["id"]


def test_delete_article_removes_it_and_its_claims(client) -> None:
    article = client.post("/articles", json=article_body()).json()
    claim_ids = [c["id"] for c in client.get(f"/articles/{article['id']}/claims").json()["items"]]
    assert claim_ids
    r = client.delete(f"/articles/{article['id']}")
    assert r.status_code == 204
    assert r.content == b""
    assert client.get(f"/articles/{article['id']}").status_code == 404
    for claim_id in claim_ids:
        assert client.get(f"/claims/{claim_id}").status_code == 404
    assert client.get("/claims", params={"q": "fog"}).json()["items"] == []
    # sources stay in the directory, with no claims left
    maria = client.get("/sources", params={"q": "Maria Lopez"}).json()["items"][0]
    assert maria["claim_count"] == 0


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_create_article_rejects_empty_text(client, text) -> None:
    r = client.post("/articles", json=article_body(text=text))
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "text"]
    assert client.get("/articles").json()["items"] == []


def test_articles_ids_of_deleted_articles_and_claims_are_never_reused(client) -> None:
    client.post("/articles", json=article_body())
    newest = client.post("/articles", json=article_body()).json()
    old_claims = {c["id"] for c in client.get(f"/articles/{newest['id']}/claims").json()["items"]}
    assert old_claims
    assert client.delete(f"/articles/{newest['id']}").status_code == 204
    # SQLite without AUTOINCREMENT handed the deleted ids out again
    again = client.post("/articles", json=article_body()).json()
    assert again["id"] > newest["id"]
    new_claims = {c["id"] for c in client.get(f"/articles/{again['id']}/claims").json()["items"]}
    assert min(new_claims) > max(old_claims)
    assert client.get(f"/articles/{newest['id']}").status_code == 404
    for claim_id in old_claims:
        assert client.get(f"/claims/{claim_id}").status_code == 404

"""The list pages a serve process keeps (app/api/fast.py, SQLite): every write, by any route,
any process or any tool, shows in the very next list request."""

from __future__ import annotations

import itertools
import sqlite3
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from app.api.fast import FastReads, PageCache
from app.db import Database, make_engine

_n = itertools.count()

LISTS = ["/claims", "/sources", "/articles"]


def post(client: TestClient, text: str) -> dict[str, Any]:
    body = {"text": text, "published_at": "2024-09-17", "url": f"https://ex.org/{next(_n)}"}
    r = client.post("/articles", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def pages(client: TestClient, *paths: str) -> dict[str, Any]:
    out = {}
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200, r.text
        out[path] = r.json()
    return out


def fast_reads(client: TestClient) -> FastReads:
    app: Any = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(app, FastReads):
        app = app.app
    return app


def names(page: dict[str, Any]) -> set[str]:
    return {s["name"] for s in page["items"]}


def test_page_cache_keeps_pages_only_while_nothing_changed(client, db) -> None:
    post(client, "Maria Lopez said that ships wait.")
    first = pages(client, *LISTS)
    cache = fast_reads(client).cache
    if not db.is_sqlite:
        assert cache is None  # PostgreSQL: every page is read
        return
    assert cache is not None and len(cache.pages) == len(LISTS)
    assert pages(client, *LISTS) == first  # answered from the kept pages
    post(client, "Omar Haddad said that trucks idle.")
    assert len(cache.pages) == len(LISTS)  # still the old ones until the next read
    after = pages(client, "/sources")
    assert names(after["/sources"]) == {"Maria Lopez", "Omar Haddad"}
    assert list(cache.pages) == [next(k for k in cache.pages if k[0] == "/sources")]


def test_page_cache_every_write_through_the_api_shows_at_once(client) -> None:
    a = post(client, "Maria Lopez said that ships wait. Lee said that cranes stop.")
    maria = next(s for s in client.get("/sources").json()["items"] if s["name"] == "Maria Lopez")
    maria_claims = f"/sources/{maria['id']}/claims"
    watched = [*LISTS, maria_claims, f"/articles/{a['id']}/claims", "/claims?q=ships"]
    before = pages(client, *watched)
    b = post(client, "Ann Lee said that ships leave.")
    now = pages(client, *watched)
    assert len(now["/claims"]["items"]) == len(before["/claims"]["items"]) + 1
    assert len(now["/articles"]["items"]) == 2
    assert len(now["/claims?q=ships"]["items"]) == 2
    sources = {s["name"]: s["id"] for s in now["/sources"]["items"]}

    r = client.patch(f"/sources/{sources['Maria Lopez']}", json={"name": "María López"})
    assert r.status_code == 200, r.text
    now = pages(client, *watched)
    assert "María López" in names(now["/sources"])
    assert now[maria_claims]["items"][0]["source"]["name"] == "María López"

    r = client.post(f"/sources/{sources['Lee']}/merge", json={"into": sources["Ann Lee"]})
    assert r.status_code == 200, r.text
    now = pages(client, "/sources")
    assert "Lee" not in names(now["/sources"])
    assert (
        client.get(f"/sources/{sources['Lee']}/claims", follow_redirects=False).status_code == 308
    )

    claim = client.get(f"/articles/{b['id']}/claims").json()["items"][0]["id"]
    r = client.patch(f"/claims/{claim}", json={"source_id": sources["Maria Lopez"]})
    assert r.status_code == 200, r.text
    assert claim in {c["id"] for c in pages(client, maria_claims)[maria_claims]["items"]}

    assert client.delete(f"/articles/{b['id']}").status_code == 204
    now = pages(client, *LISTS)
    assert [x["id"] for x in now["/articles"]["items"]] == [a["id"]]
    assert claim not in {c["id"] for c in now["/claims"]["items"]}


def test_page_cache_writes_of_other_processes_and_tools_show_at_once(
    client, db, database_url
) -> None:
    post(client, "Maria Lopez said that ships wait.")
    assert names(pages(client, "/sources")["/sources"]) == {"Maria Lopez"}
    # another serve worker, `claimtrail ingest`, reextract: another engine and pool
    other = Database(make_engine(database_url))
    try:
        with other.engine.begin() as conn:
            conn.execute(sa.text("UPDATE source SET name = 'Maria L.' WHERE name = 'Maria Lopez'"))
    finally:
        other.dispose()
    assert names(pages(client, "/sources")["/sources"]) == {"Maria L."}
    assert pages(client, "/claims")["/claims"]["items"][0]["source"]["name"] == "Maria L."
    if db.is_sqlite:  # the sqlite3 shell or any tool on the file
        path = sa.make_url(database_url).database
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE article SET title = 'Edited by hand'")
        assert pages(client, "/articles")["/articles"]["items"][0]["title"] == "Edited by hand"


def test_page_cache_keeps_the_most_recently_used_pages_within_its_bytes() -> None:
    cache = PageCache(max_bytes=100)
    assert cache.get(1, "a") is None
    for key in "abcd":
        cache.put(1, key, (key.encode() * 20, None))
    assert cache.get(1, "a") == (b"a" * 20, None)  # "a" is now the most recent
    cache.put(1, "e", (b"e" * 20, None))
    cache.put(1, "f", (b"f" * 20, None))  # over 100 bytes: "b", least recently used, goes
    assert list(cache.pages) == ["c", "d", "a", "e", "f"] and cache.size == 100
    cache.put(1, "big", (b"g" * 26, None))  # over a quarter of the cache: not kept
    assert "big" not in cache.pages
    assert cache.get(2, "a") is None and not cache.pages  # another version: all gone
    cache.put(1, "a", (b"a", None))  # read under the old version: not kept
    assert not cache.pages

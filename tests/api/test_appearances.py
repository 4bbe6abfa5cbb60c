"""Appearances: one statement by one source in several articles (wire copy, rewrites)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app
from app.services import appearances
from app.services.reextract import reextract_article
from tests.factories import fake_extract

WIRE = {
    "title": "Harbour strike spreads to northern ports",
    "url": "https://wire.example/harbour-strike",
    "publisher": "Wire Agency",
    "published_at": "2024-09-16",
    "text": (
        "Dockworkers walked off the job at three more ports on Monday as the pay dispute "
        "entered its second week.\n\n"
        "Rosa Diaz said that the strike would continue until the port authority offered a "
        "fair contract.\n\n"
        "Alan Brooks said on Monday that the terminals would stay open with temporary staff.\n\n"
        "Freight companies warned of delays across the region.\n\n"
        "Helen Park said that the government would not intervene in the talks.\n\n"
        "Omar Reyes said that each day of the strike cost the region 12 million dollars.\n\n"
        "The talks are due to resume on Thursday."
    ),
}
# The same report as a second outlet ran it: new headline, the Reyes paragraph cut, the
# Brooks sentence reworded.
COPY = {
    "title": "Port walkout widens as talks stall",
    "url": "https://courier.example/port-walkout",
    "publisher": "Daily Courier",
    "published_at": "2024-09-17",
    "text": (
        "Dockworkers walked off the job at three more ports on Monday as the pay dispute "
        "entered its second week.\n\n"
        "Rosa Diaz said that the strike would continue until the port authority offered a "
        "fair contract.\n\n"
        "Alan Brooks said on Monday that the terminals would remain open using temporary "
        "staff.\n\n"
        "Freight companies warned of delays across the region.\n\n"
        "Helen Park said that the government would not intervene in the talks.\n\n"
        "The talks are due to resume on Thursday."
    ),
}
# The same day, another story: the same people, other statements sharing words, and the
# union's words from someone else.
UNRELATED = {
    "title": "Ferry fares to rise",
    "url": "https://bay.example/ferry-fares",
    "publisher": "Bay News",
    "published_at": "2024-09-16",
    "text": (
        "Ferry fares will rise in October.\n\n"
        "Rosa Diaz said that the union would hold a vote on the ferry contract next week.\n\n"
        "Alan Brooks said that the terminals would stay closed on Sunday for repairs.\n\n"
        "Helen Park said that the government would intervene in the talks.\n\n"
        "Ben Cole said that the strike would continue until the port authority offered a "
        "fair contract."
    ),
}


def _post(client: TestClient, body: dict) -> dict:
    r = client.post("/articles", json=body)
    assert r.status_code in (200, 201), r.text
    return r.json()


def _claims(client: TestClient, article_id: int) -> dict[str, dict]:
    """An article's attributed claims by their source's name."""
    items = client.get(f"/articles/{article_id}/claims", params={"limit": 500}).json()["items"]
    return {c["source"]["name"]: c for c in items if c["kind"] != "editorial"}


def _appearances(client: TestClient, claim_id: int) -> dict:
    r = client.get(f"/claims/{claim_id}/appearances")
    assert r.status_code == 200, r.text
    return r.json()


def _index_rows(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        fps = conn.execute(
            sa.text(
                "SELECT claim_id, article_id, scope, text_hash, statement_id, appeared_on "
                "FROM claim_fingerprint ORDER BY claim_id"
            )
        ).all()
        bands = conn.execute(sa.text("SELECT key, claim_id FROM claim_band ORDER BY 1, 2")).all()
        reps = conn.execute(sa.text("SELECT * FROM article_republication ORDER BY 1")).all()
    return [tuple(r) for r in [*fps, *bands, *reps]]


def test_republished_wire_report_is_linked_claim_by_claim(client: TestClient) -> None:
    wire = _post(client, WIRE)
    copy = _post(client, COPY)
    w, c = _claims(client, wire["id"]), _claims(client, copy["id"])
    assert set(c) == {"Rosa Diaz", "Alan Brooks", "Helen Park"}
    for name in c:
        found = _appearances(client, c[name]["id"])
        assert [a["claim_id"] for a in found["items"]] == [w[name]["id"]], name
        other = found["items"][0]
        assert other["article"]["id"] == wire["id"]
        assert other["article"]["publisher"] == "Wire Agency"
        assert other["source"]["name"] == name
        assert other["earliest"] is True
        assert found["earliest"] is False
        if name == "Alan Brooks":
            assert other["match"] == "rewrite"
            assert 85 <= other["score"] < 100
        else:
            assert (other["match"], other["score"]) == ("same_text", 100.0)
        # and the other way round: the wire's claim lists the copy's
        back = _appearances(client, w[name]["id"])
        assert [a["claim_id"] for a in back["items"]] == [c[name]["id"]]
        assert back["earliest"] is True and back["items"][0]["earliest"] is False
        # each claim says whether it is the earliest known appearance
        assert client.get(f"/claims/{w[name]['id']}").json()["earliest_appearance"] is True
        mine = client.get(f"/claims/{c[name]['id']}").json()
        assert (mine["earliest_appearance"], mine["appearance_count"]) == (False, 1)
    # the cut paragraph's claim appears once
    reyes = _appearances(client, w["Omar Reyes"]["id"])
    assert reyes["items"] == [] and reyes["earliest"] is True
    # the whole article is recognised as the wire report republished
    rep = client.get(f"/articles/{copy['id']}").json()["republication_of"]
    assert rep["id"] == wire["id"] and rep["title"] == WIRE["title"]
    assert rep["matched_claims"] == rep["claims"] == 6  # 3 attributed + 3 in its own voice
    assert copy["republication_of"]["id"] == wire["id"]  # the POST says so too
    assert client.get(f"/articles/{wire['id']}").json()["republication_of"] is None
    # the article's own voice is no source's statement: not an appearance
    editorial = client.get(f"/articles/{copy['id']}/claims", params={"limit": 500}).json()["items"]
    for claim in (e for e in editorial if e["kind"] == "editorial"):
        assert _appearances(client, claim["id"])["items"] == []


def test_unrelated_same_day_article_and_other_sources_are_not_linked(client: TestClient) -> None:
    wire = _post(client, WIRE)
    other = _post(client, UNRELATED)
    for claim in _claims(client, other["id"]).values():
        assert _appearances(client, claim["id"])["items"] == [], claim["text"]
        assert claim["appearance_count"] == 0 and claim["earliest_appearance"] is True
    for claim in _claims(client, wire["id"]).values():
        assert _appearances(client, claim["id"])["items"] == []
    assert client.get(f"/articles/{other['id']}").json()["republication_of"] is None


def test_reingesting_changes_nothing(client: TestClient, db: Database) -> None:
    _post(client, WIRE)
    _post(client, COPY)
    before = _index_rows(db)
    assert before
    again = client.post("/articles", json=COPY)
    assert again.status_code == 200
    assert again.json()["republication_of"]["title"] == WIRE["title"]
    assert client.post("/articles", json=WIRE).status_code == 200
    assert _index_rows(db) == before


def test_copy_stored_before_its_original(client: TestClient) -> None:
    copy = _post(client, COPY)
    wire = _post(client, WIRE)
    c = _claims(client, copy["id"])["Rosa Diaz"]
    w = _claims(client, wire["id"])["Rosa Diaz"]
    # the earliest appearance is the earliest published, whatever the order of ingest
    assert client.get(f"/claims/{w['id']}").json()["earliest_appearance"] is True
    assert client.get(f"/claims/{c['id']}").json()["earliest_appearance"] is False
    assert client.get(f"/articles/{copy['id']}").json()["republication_of"]["id"] == wire["id"]
    assert client.get(f"/articles/{wire['id']}").json()["republication_of"] is None


def test_a_claim_moved_to_another_source_follows_it(client: TestClient) -> None:
    wire = _post(client, WIRE)
    other = _post(client, UNRELATED)
    cole = _claims(client, other["id"])["Ben Cole"]
    diaz = _claims(client, wire["id"])["Rosa Diaz"]
    r = client.patch(f"/claims/{cole['id']}", json={"source_id": diaz["source"]["id"]})
    assert r.status_code == 200
    assert r.json()["appearance_count"] == 1
    assert [a["claim_id"] for a in _appearances(client, diaz["id"])["items"]] == [cole["id"]]
    # and back: no source, no appearance
    client.patch(f"/claims/{cole['id']}", json={"source_id": None})
    assert _appearances(client, diaz["id"])["items"] == []


def test_merged_sources_link_their_statements(client: TestClient) -> None:
    wire = _post(client, WIRE)
    other = _post(client, UNRELATED)
    cole = _claims(client, other["id"])["Ben Cole"]
    diaz = _claims(client, wire["id"])["Rosa Diaz"]
    union_vote = _claims(client, other["id"])["Rosa Diaz"]
    assert _appearances(client, diaz["id"])["items"] == []
    r = client.post(f"/sources/{cole['source']['id']}/merge", json={"into": diaz["source"]["id"]})
    assert r.status_code == 200, r.text
    assert [a["claim_id"] for a in _appearances(client, diaz["id"])["items"]] == [cole["id"]]
    # Diaz's other statement of that day is still another statement
    assert _appearances(client, union_vote["id"])["items"] == []


def test_deleting_the_original_leaves_the_copy_alone(client: TestClient) -> None:
    wire = _post(client, WIRE)
    copy = _post(client, COPY)
    assert client.delete(f"/articles/{wire['id']}").status_code == 204
    for claim in _claims(client, copy["id"]).values():
        assert _appearances(client, claim["id"])["items"] == []
        assert client.get(f"/claims/{claim['id']}").json()["earliest_appearance"] is True
    assert client.get(f"/articles/{copy['id']}").json()["republication_of"] is None


def test_appearances_of_a_missing_claim_is_a_problem(client: TestClient) -> None:
    for path in ("/claims/424242/appearances", "/claims/99999999999/appearances"):
        r = client.get(path)
        assert r.status_code in (404, 422)
        assert r.headers["content-type"] == "application/problem+json"


@pytest.fixture
def unlinked_client(db: Database, database_url: str) -> Iterator[TestClient]:
    """The app with linking at ingest turned off (CLAIMTRAIL_LINK_APPEARANCES=false)."""
    settings = Settings(
        database_url=database_url, preload_model=False, api_keys=[], link_appearances=False
    )
    with TestClient(create_app(settings, db=db, extractor=fake_extract)) as c:
        yield c


def test_backfill_indexes_what_was_stored_unlinked(
    unlinked_client: TestClient, client: TestClient, db: Database
) -> None:
    wire = _post(unlinked_client, WIRE)
    copy = _post(unlinked_client, COPY)
    _post(unlinked_client, UNRELATED)
    c = _claims(client, copy["id"])
    assert _appearances(client, c["Rosa Diaz"]["id"])["statement_id"] is None
    assert appearances.backfill(db) == (3, 7 + 6 + 5)
    assert appearances.backfill(db) == (0, 0)  # nothing left to do
    indexed = _index_rows(db)
    w = _claims(client, wire["id"])
    for name in c:
        assert [a["claim_id"] for a in _appearances(client, c[name]["id"])["items"]] == [
            w[name]["id"]
        ]
    assert client.get(f"/articles/{copy['id']}").json()["republication_of"]["id"] == wire["id"]
    # a rebuild gives the same index
    appearances.backfill(db, rebuild=True)
    assert _index_rows(db) == indexed


def test_reextract_keeps_the_appearances(client: TestClient, db: Database) -> None:
    wire = _post(client, WIRE)
    copy = _post(client, COPY)
    before = {
        c["id"]: [a["claim_id"] for a in _appearances(client, c["id"])["items"]]
        for c in _claims(client, copy["id"]).values()
    }
    reextract_article(db, article_id=copy["id"], extractor=fake_extract)
    reextract_article(db, article_id=wire["id"], extractor=fake_extract)
    after = {
        c["id"]: [a["claim_id"] for a in _appearances(client, c["id"])["items"]]
        for c in _claims(client, copy["id"]).values()
    }
    assert after == before
    assert client.get(f"/articles/{copy['id']}").json()["republication_of"]["id"] == wire["id"]


def test_copies_stored_at_the_same_moment_are_all_linked(db: Database) -> None:
    """Six outlets' copies ingested at once: each claim finds every other copy, none is
    missed nor linked twice (SQLite: the writer lock; PostgreSQL: the upserts of the shared
    sources and an advisory lock per source order the linking)."""
    from concurrent.futures import ThreadPoolExecutor

    from app.models import ArticleCreate
    from app.services.ingest import ingest_article

    copies = [
        ArticleCreate(**{**WIRE, "url": f"https://outlet{n}.example/strike", "publisher": f"O{n}"})
        for n in range(6)
    ]
    barrier = threading.Barrier(len(copies))

    def ingest(article: ArticleCreate) -> int:
        barrier.wait()
        return ingest_article(db, article=article, extractor=fake_extract).article.id

    with ThreadPoolExecutor(len(copies)) as pool:
        ids = list(pool.map(ingest, copies))
    assert len(set(ids)) == 6
    with db.engine.connect() as conn:
        statements = conn.execute(
            sa.text(
                "SELECT c.source_id, count(DISTINCT f.statement_id), count(*) FROM claim c "
                "JOIN claim_fingerprint f ON f.claim_id = c.id WHERE f.scope != 0 "
                "GROUP BY c.source_id"
            )
        ).all()
    # each source's statement: one statement, six appearances
    assert len(statements) == 4
    assert all((n_statements, n) == (1, 6) for _, n_statements, n in statements)


def test_kept_list_pages_show_the_index_once_it_changes(
    unlinked_client: TestClient, client: TestClient, db: Database
) -> None:
    """A serve process keeps list pages on SQLite while nothing changed: indexing claims
    (here the backfill, from another process in real life) is a change."""
    _post(unlinked_client, WIRE)
    _post(unlinked_client, COPY)
    before = client.get("/claims", params={"limit": 500}).json()["items"]
    assert {c["appearance_count"] for c in before} == {0}
    assert client.get("/claims", params={"limit": 500}).json()["items"] == before
    appearances.backfill(db)
    after = client.get("/claims", params={"limit": 500}).json()["items"]
    assert sum(c["appearance_count"] for c in after) == 2 * 3  # three statements, twice each
    articles = client.get("/articles").json()["items"]
    assert [a["republication_of"] is not None for a in articles] == [True, False]

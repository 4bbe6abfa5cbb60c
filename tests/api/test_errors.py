"""Every non-2xx answer is application/problem+json, with no traceback."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.factories import article_body, fake_extract

PROBLEM = "application/problem+json"


def assert_problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail", "instance"} <= body.keys()
    assert "Traceback" not in r.text
    return body


def test_errors_unknown_route_is_404_problem(client) -> None:
    body = assert_problem(client.get("/nowhere"), 404)
    assert body["instance"] == "/nowhere"


def test_errors_wrong_method_is_405_problem(client) -> None:
    assert_problem(client.put("/articles"), 405)
    assert_problem(client.post("/claims", json={}), 405)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/articles", {"GET", "HEAD", "POST"}),
        ("OPTIONS", "/articles", {"GET", "HEAD", "POST"}),
        ("PATCH", "/articles/1", {"GET", "HEAD", "DELETE"}),
        ("POST", "/claims/1", {"GET", "HEAD", "PATCH"}),
        ("DELETE", "/sources/7/claims", {"GET", "HEAD"}),
    ],
)
def test_errors_405_allow_lists_every_method_of_the_path(
    client, method: str, path: str, allowed: set[str]
) -> None:
    r = client.request(method, path)
    assert_problem(r, 405)
    assert {m.strip() for m in r.headers["allow"].split(",")} == allowed


def test_errors_body_over_limit_is_413_by_content_length(db: Database, settings: Settings) -> None:
    app = create_app(
        settings.model_copy(update={"max_body_bytes": 1000}), db=db, extractor=fake_extract
    )
    with TestClient(app) as c:
        assert_problem(c.post("/articles", json=article_body(text="x" * 2000)), 413)
        assert c.post("/articles", json=article_body(text="short.")).status_code == 201
        assert len(c.get("/articles").json()["items"]) == 1


def test_errors_streamed_body_over_limit_is_413(db: Database, settings: Settings) -> None:
    app = create_app(
        settings.model_copy(update={"max_body_bytes": 1000}), db=db, extractor=fake_extract
    )

    def chunks():
        yield b'{"text": "'
        for _ in range(50):
            yield b"y" * 100
        yield b'"}'

    with TestClient(app) as c:
        r = c.post("/articles", content=chunks(), headers={"content-type": "application/json"})
        assert_problem(r, 413)
        assert c.get("/articles").json()["items"] == []


@pytest.mark.parametrize(
    ("content_type", "content"),
    [("text/plain", b"hello"), ("application/x-www-form-urlencoded", b"text=hello"), (None, b"{}")],
)
def test_errors_wrong_content_type_is_415(client, content_type, content) -> None:
    headers = {"content-type": content_type} if content_type else {}
    assert_problem(client.post("/articles", content=content, headers=headers), 415)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"title": "no text"},
        {"text": 42},
        {"text": "Fine.", "published_at": "2024-13-45"},
        {"text": "Fine.", "published_at": "yesterday"},
    ],
)
def test_errors_invalid_article_is_422_with_errors(client, body) -> None:
    problem = assert_problem(client.post("/articles", json=body), 422)
    assert problem["errors"]
    assert {"loc", "msg", "type"} <= problem["errors"][0].keys()
    assert client.get("/articles").json()["items"] == []


def test_errors_malformed_json_is_422(client) -> None:
    r = client.post(
        "/articles", content=b'{"text": "x"', headers={"content-type": "application/json"}
    )
    assert_problem(r, 422)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/articles", {"limit": 0}),
        ("/articles", {"limit": 501}),
        ("/claims", {"limit": -1}),
        ("/claims", {"limit": "many"}),
        ("/sources", {"limit": 10_000}),
        ("/claims", {"cursor": "not-a-cursor"}),
        ("/articles", {"cursor": "WyJ4Il0"}),
        ("/sources", {"cursor": "WzEsMl0"}),
        ("/claims", {"said_from": "2024-02-30"}),
        ("/claims", {"said_from": "2024-03-02", "said_to": "2024-03-01"}),
        ("/claims", {"kind": "rumour"}),
        ("/sources", {"type": "alien"}),
        ("/claims", {"q": "!!!"}),
        ("/articles", {"published_from": "soon"}),
        ("/claims/abc", {}),
    ],
)
def test_errors_bad_query_is_422(client, path, params) -> None:
    problem = assert_problem(client.get(path, params=params), 422)
    assert problem["errors"]


def test_errors_huge_filter_ids_match_nothing(client) -> None:
    client.post("/articles", json=article_body())
    for value in (2**31, 2**63, 2**80):
        for key in ("source_id", "article_id"):
            r = client.get("/claims", params={key: value})
            assert r.status_code == 200
            assert r.json()["items"] == []
        assert client.get(f"/claims/{value}").status_code == 404
        assert client.get(f"/sources/{value}").status_code == 404
        assert client.get(f"/sources/{value}/claims").status_code == 404


def test_errors_api_key_needed_for_writes_only(db: Database, settings: Settings) -> None:
    app = create_app(
        settings.model_copy(update={"api_keys": ["k1", "k2"]}), db=db, extractor=fake_extract
    )
    with TestClient(app) as c:
        assert_problem(c.post("/articles", json=article_body()), 401)
        assert_problem(c.post("/articles", json=article_body(), headers={"X-API-Key": "no"}), 401)
        r = c.post("/articles", json=article_body(), headers={"X-API-Key": "k2"})
        assert r.status_code == 201
        assert c.get("/articles").status_code == 200  # reads stay open
        assert_problem(c.delete(f"/articles/{r.json()['id']}"), 401)
        assert (
            c.delete(f"/articles/{r.json()['id']}", headers={"X-API-Key": "k1"}).status_code == 204
        )


def test_errors_database_unreachable_is_503(tmp_path, database_url: str) -> None:
    if database_url.startswith("sqlite"):
        import sqlalchemy as sa

        engine = sa.create_engine(f"sqlite:///{tmp_path}/missing/dir/x.db")
        bad = Database(engine)
        url = str(engine.url)
    else:
        from app.db import make_engine

        url = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"
        bad = Database(make_engine(url, connect_timeout=2))
    app = create_app(
        Settings(database_url=url, preload_model=False), db=bad, extractor=fake_extract
    )
    with TestClient(app) as c:
        assert c.get("/health").status_code == 200
        assert_problem(c.get("/ready"), 503)
        assert_problem(c.get("/articles"), 503)
        assert_problem(c.get("/claims/1"), 503)
        assert_problem(c.post("/articles", json=article_body()), 503)


def test_errors_unexpected_failure_is_500_without_traceback(db, settings) -> None:
    def broken(text, *, published_at, title):
        raise RuntimeError("secret internals")

    app = create_app(settings, db=db, extractor=broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/articles", json=article_body())
        body = assert_problem(r, 500)
        assert "secret" not in r.text
        assert body["detail"] == "an unexpected error occurred"
        assert c.get("/articles").json()["items"] == []


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/claims", {"q": "a\x00b"}),
        ("/claims", {"publisher": "\x00"}),
        ("/claims", {"source": "x\x00"}),
        ("/sources", {"q": "\x00"}),
        ("/articles", {"publisher": "a\x00"}),
    ],
)
def test_errors_nul_in_query_is_422(client, path, params) -> None:
    assert_problem(client.get(path, params=params), 422)


@pytest.mark.parametrize("field", ["text", "url", "title", "publisher", "author", "language"])
def test_errors_nul_in_body_is_422(client, field) -> None:
    body = article_body()
    body[field] = "bad\x00value"
    problem = assert_problem(client.post("/articles", json=body), 422)
    assert problem["errors"][0]["loc"] == ["body", field]


def test_errors_lone_surrogate_is_422(client) -> None:
    r = client.post(
        "/articles", content=b'{"text": "a\\ud800b"}', headers={"content-type": "application/json"}
    )
    assert_problem(r, 422)


def test_errors_ready_needs_the_migrated_schema(tmp_path, client) -> None:
    assert client.get("/ready").json() == {"status": "ready"}
    from app.db import make_engine

    url = f"sqlite:///{tmp_path}/empty.db"
    empty = Database(make_engine(url))
    app = create_app(
        Settings(database_url=url, preload_model=False), db=empty, extractor=fake_extract
    )
    with TestClient(app) as c:
        assert "migrate" in assert_problem(c.get("/ready"), 503)["detail"]
    empty.dispose()


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/claims", "said_from"),
        ("/claims", "said_to"),
        ("/sources/1/claims", "said_to"),
        ("/articles", "published_from"),
        ("/articles", "published_to"),
    ],
)
@pytest.mark.parametrize("value", ["0", "1726531200", "2024-09-17T00:00:00", "17/09/2024"])
def test_errors_date_query_parameters_are_iso_dates_only(
    client, path: str, name: str, value: str
) -> None:
    # pydantic reads "0" as Unix time: said_to=0 silently meant 1970-01-01
    body = assert_problem(client.get(path, params={name: value}), 422)
    assert body["errors"][0]["loc"] == ["query", name]


@pytest.mark.parametrize("value", [0, 1726531200, "1726531200", "0"])
def test_errors_published_at_is_not_unix_time(client, value) -> None:
    body = assert_problem(client.post("/articles", json=article_body(published_at=value)), 422)
    assert body["errors"][0]["loc"] == ["body", "published_at"]
    assert client.get("/articles").json()["items"] == []


def test_errors_published_at_accepts_date_and_timestamp(client) -> None:
    r = client.post("/articles", json=article_body(published_at="2024-09-17T23:30:00Z"))
    assert r.status_code == 201, r.text
    assert r.json()["published_at"] == "2024-09-17"
    assert client.get("/claims", params={"said_from": "2024-09-16"}).status_code == 200


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"\xff", "the request body is not valid JSON: it is not UTF-8"),
        (b'{"text": "caf\xe9"}', "the request body is not valid JSON: it is not UTF-8"),
        (b"{bad json", "the request body is not valid JSON: "),
    ],
)
def test_errors_undecodable_body_is_422_json_invalid(client, body: bytes, detail: str) -> None:
    r = client.post("/articles", content=body, headers={"content-type": "application/json"})
    problem = assert_problem(r, 422)
    assert problem["detail"].startswith(detail)
    assert problem["errors"][0]["type"] == "json_invalid"


def test_errors_nlp_model_missing_is_503_not_422(db: Database, settings: Settings) -> None:
    from app.extraction.types import ExtractionConfig
    from app.services.ingest import make_extractor

    broken = make_extractor(ExtractionConfig(models=("no_such_spacy_pipeline",)))
    with TestClient(create_app(settings, db=db, extractor=broken)) as c:
        body = assert_problem(c.post("/articles", json=article_body()), 503)
        assert "NLP model could not be loaded" in body["detail"]
        assert "no_such_spacy_pipeline" in body["detail"]
        assert c.get("/articles").json()["items"] == []


def test_errors_413_has_one_title_streamed_or_not(db: Database, settings: Settings) -> None:
    app = create_app(
        settings.model_copy(update={"max_body_bytes": 1000}), db=db, extractor=fake_extract
    )
    with TestClient(app) as c:
        by_length = c.post("/articles", json=article_body(text="x" * 2000))
        streamed = c.post(
            "/articles",
            content=iter([b'{"text": "', b"y" * 2000, b'"}']),
            headers={"content-type": "application/json"},
        )
    titles = {assert_problem(r, 413)["title"] for r in (by_length, streamed)}
    assert titles == {"Content too large"}


@pytest.mark.parametrize("path", ["/health", "/ready", "/articles", "/claims?limit=1"])
def test_errors_head_is_answered_like_get_without_body(client, path: str) -> None:
    client.post("/articles", json=article_body())
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]


def test_errors_head_of_a_missing_article_is_404(client) -> None:
    r = client.head("/articles/999")
    assert r.status_code == 404
    assert r.headers["content-type"] == PROBLEM

"""The OpenAPI document: every route of API.md, described, with examples and problems."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.factories import article_body, fake_extract

SEED = Path(__file__).resolve().parents[2] / "app" / "api" / "examples" / "gaza-truce-efforts.txt"

EXPECTED = {
    ("post", "/articles"),
    ("get", "/articles"),
    ("get", "/articles/{article_id}"),
    ("delete", "/articles/{article_id}"),
    ("get", "/articles/{article_id}/claims"),
    ("get", "/claims"),
    ("get", "/claims/{claim_id}"),
    ("get", "/sources"),
    ("get", "/sources/{source_id}"),
    ("get", "/sources/{source_id}/claims"),
    ("get", "/figures"),
    ("patch", "/sources/{source_id}"),
    ("post", "/sources/{source_id}/merge"),
    ("patch", "/claims/{claim_id}"),
    ("get", "/claims/{claim_id}/appearances"),
    ("get", "/jobs/{job_id}"),
    ("get", "/health"),
    ("get", "/ready"),
}


def _spec() -> dict:
    app = create_app(
        Settings(database_url="sqlite:///:memory:", preload_model=False), extractor=fake_extract
    )
    with TestClient(app) as c:
        r = c.get("/openapi.json")
        assert c.get("/docs").status_code == 200
    assert r.status_code == 200
    return r.json()


def test_openapi_lists_exactly_the_contract_routes() -> None:
    spec = _spec()
    routes = {(m, p) for p, ops in spec["paths"].items() for m in ops}
    assert routes == EXPECTED


def test_openapi_operations_are_described_with_ids_and_problems() -> None:
    spec = _spec()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            tag = op["tags"][0]
            assert op["operationId"].startswith(f"{tag}-"), (method, path)
            assert op.get("summary") and op.get("description"), (method, path)
            if path not in ("/health",):
                problems = [s for s in op["responses"] if s[0] in "45"]
                assert problems, (method, path)
                for status in problems:
                    assert "application/problem+json" in op["responses"][status]["content"]
    assert spec["paths"]["/articles"]["post"]["operationId"] == "articles-create_article"


def test_openapi_post_articles_example_is_the_seed_article() -> None:
    spec = _spec()
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]["application/json"]
    example = body["examples"]["seed"]["value"]
    seed = SEED.read_text(encoding="utf-8")
    assert example["text"] in seed
    assert "expeditiously" in example["text"]
    assert example["published_at"] == "2024-09-17"
    claim_example = spec["paths"]["/claims/{claim_id}"]["get"]["responses"]["200"]["content"]
    span = claim_example["application/json"]["example"]["content"]
    assert example["text"][span["start"] : span["end"]] == span["text"]


def _query_schema(spec: dict, path: str, name: str) -> dict:
    (param,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name]
    return next(b for b in param["schema"]["anyOf"] if b.get("type") != "null")


def test_openapi_documents_what_queries_refuse(client) -> None:
    # Schemathesis called these valid and got a 422: limit over page_max_limit, NUL in a
    # string, a cursor of any characters.
    spec = create_app(
        Settings(database_url="sqlite:///:memory:", preload_model=False, page_max_limit=120),
        extractor=fake_extract,
    ).openapi()
    for path in ("/claims", "/articles", "/sources", "/sources/{source_id}/claims"):
        assert _query_schema(spec, path, "limit")["maximum"] == 120
        pattern = _query_schema(spec, path, "cursor")["pattern"]
        assert re.fullmatch(pattern, "WyIyMDI0LTA5LTE3IiwxXQ")
        assert not re.fullmatch(pattern, "a=b")
        nul = _query_schema(spec, path, "q")["pattern"]
        assert re.fullmatch(nul, "ceasefire talks")
        assert not re.fullmatch(nul, "cease\x00fire")
    for field in ("text", "html", "url"):
        prop = spec["components"]["schemas"]["ArticleCreate"]["properties"][field]
        (string,) = [b for b in prop.get("anyOf", [prop]) if b.get("type") == "string"]
        assert not re.fullmatch(string["pattern"], "a\x00b")
    # and the cursors the service hands out fit the pattern it documents
    for _ in range(3):
        client.post("/articles", json=article_body())
    cursor = client.get("/claims", params={"limit": 1}).json()["next_cursor"]
    assert re.fullmatch(pattern, cursor)


def test_openapi_documents_the_async_ingest() -> None:
    spec = _spec()
    post = spec["paths"]["/articles"]["post"]
    accepted = post["responses"]["202"]
    assert accepted["content"]["application/json"]["schema"]["$ref"].endswith("/JobPublic")
    assert set(accepted["headers"]) == {"Location", "Preference-Applied"}
    assert any(p["name"] == "prefer" and p["in"] == "header" for p in post["parameters"])
    created = post["responses"]["201"]["content"]["application/json"]["schema"]
    assert created["$ref"].endswith("/ArticlePublic")
    job = spec["paths"]["/jobs/{job_id}"]["get"]
    assert job["operationId"] == "jobs-read_job"
    assert {"200", "404", "503"} <= set(job["responses"])
    status = spec["components"]["schemas"]["JobPublic"]["properties"]["status"]
    assert status["enum"] == ["queued", "running", "done", "failed"]

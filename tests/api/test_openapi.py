"""The OpenAPI document: every route of API.md, described, with examples and problems."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.factories import fake_extract

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

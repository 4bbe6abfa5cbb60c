"""GET /figures as CSV and NDJSON: every match of the ledger, like the claim exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.api.export import FIGURE_CSV_COLUMNS
from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.factories import article_body, fake_extract

CSV_TYPE = "text/csv"
NDJSON_TYPE = "application/x-ndjson"


@pytest.fixture
def figures_client(db: Database, database_url: str) -> Iterator[TestClient]:
    """Tiny export batches, so that a handful of figures spans several batches."""
    settings = Settings(
        database_url=database_url, preload_model=False, api_keys=[], export_batch_size=2
    )
    with TestClient(create_app(settings, db=db, extractor=fake_extract)) as c:
        for n, (who, day) in enumerate(
            [("Maria Lopez", "10"), ("John Smith", "11"), ("Maria Lopez", "12"), ("Ann Lee", "13")]
        ):
            body = article_body(
                text=f"{who} said that at least {100 + n} ships waited.",
                publisher="Bay News" if n % 2 else "Coastal Times",
                published_at=f"2024-09-{day}",
            )
            assert c.post("/articles", json=body).status_code == 201
        yield c


def _paged(client: TestClient, params: dict) -> list[dict]:
    items: list[dict] = []
    cursor = None
    while True:
        page = client.get(
            "/figures", params={**params, "limit": 3, **({"cursor": cursor} if cursor else {})}
        ).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


@pytest.mark.parametrize(
    "params",
    [{}, {"publisher": "Bay News"}, {"said_from": "2024-09-11", "said_to": "2024-09-12"}, {}],
    ids=["all", "publisher", "dates", "again"],
)
def test_figures_export_equals_the_json_pages(figures_client: TestClient, params: dict) -> None:
    paged = _paged(figures_client, params)
    assert paged
    r = figures_client.get("/figures", params=params, headers={"Accept": NDJSON_TYPE})
    assert r.status_code == 200 and r.headers["content-type"] == NDJSON_TYPE
    assert [json.loads(line) for line in r.text.splitlines()] == paged
    r = figures_client.get("/figures", params={**params, "format": "csv"})
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.headers["content-disposition"].startswith('attachment; filename="figures-')
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [int(row["id"]) for row in rows] == [f["id"] for f in paged]


def test_figures_csv_row_is_one_flat_figure(figures_client: TestClient) -> None:
    lopez = figures_client.get("/sources", params={"q": "Lopez"}).json()["items"][0]["id"]
    r = figures_client.get(
        "/figures", params={"source_id": lopez, "format": "csv"}, headers={"Accept": CSV_TYPE}
    )
    header = next(csv.reader(io.StringIO(r.text)))
    assert header == FIGURE_CSV_COLUMNS
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["value"] for row in rows] == ["100", "102"]  # whole numbers without ".0"
    first, second = rows
    assert first["qualifier"] == "at least"
    assert first["source.name"] == "Maria Lopez"
    assert first["said_on"] == "2024-09-10" and first["said_on_from_article"] == "true"
    assert first["previous.value"] == "" and first["change"] == ""
    assert second["previous.value"] == "100" and second["change"] == "2"
    assert second["article.publisher"] == "Coastal Times"
    assert second["claim.text"] == "at least 102 ships waited"


def test_figures_export_errors_are_problems(figures_client: TestClient) -> None:
    r = figures_client.get(
        "/figures",
        params={"said_from": "2024-09-20", "said_to": "2024-09-01"},
        headers={"Accept": CSV_TYPE},
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert figures_client.get("/figures", params={"format": "xlsx"}).status_code == 422


def test_figures_json_stays_the_default(figures_client: TestClient) -> None:
    r = figures_client.get("/figures", headers={"Accept": "text/html, */*;q=0.8"})
    assert r.headers["content-type"] == "application/json"
    assert r.headers["vary"] == "Accept"
    assert len(r.json()["items"]) == 4


def test_figures_export_cursor_resumes(figures_client: TestClient) -> None:
    first = figures_client.get("/figures", params={"limit": 3}).json()
    rest = figures_client.get(
        "/figures", params={"cursor": first["next_cursor"], "format": "ndjson"}
    ).text.splitlines()
    everything = _paged(figures_client, {})
    assert [f["id"] for f in first["items"]] + [json.loads(x)["id"] for x in rest] == [
        f["id"] for f in everything
    ]

"""CSV and NDJSON exports of GET /claims and GET /sources/{id}/claims."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.api.export import CSV_COLUMNS, ExportFormat, wanted_format
from app.config import Settings
from app.db import SQL, Cursor, Database
from app.main import create_app
from tests.factories import article_body, fake_extract

CSV_TYPE = "text/csv"
NDJSON_TYPE = "application/x-ndjson"


@pytest.fixture
def export_client(db: Database, database_url: str) -> Iterator[TestClient]:
    """The app with tiny export batches, so that a handful of claims spans many batches."""
    settings = Settings(
        database_url=database_url, preload_model=False, api_keys=[], export_batch_size=3
    )
    with TestClient(create_app(settings, db=db, extractor=fake_extract)) as c:
        yield c


SPEAKERS = ["Maria Lopez", "John Smith", "Ana Ruiz"]
DAYS = ["Monday", "Friday", "Wednesday"]


def _ingest_corpus(client: TestClient) -> None:
    """Twelve articles: three speakers, three publishers, several dates, editorials."""
    for n in range(12):
        who = SPEAKERS[n % 3]
        day = DAYS[n % 3] if n % 4 else None
        when = f" on {day}" if day else ""
        text = (
            f"{who} said{when} that the harbour plan {n} would cost {n + 1} million. "
            f"The council met in room {n}. {SPEAKERS[(n + 1) % 3]} said that talks {n} stalled."
        )
        body = article_body(
            text=text,
            publisher=["Coastal Times", "Bay News", "Harbour Herald"][n % 3],
            published_at=f"2024-09-{10 + n:02d}",
        )
        assert client.post("/articles", json=body).status_code == 201


def _paged_ids(client: TestClient, path: str, params: dict) -> list[int]:
    ids: list[int] = []
    cursor = None
    while True:
        r = client.get(
            path, params={**params, "limit": 4, **({"cursor": cursor} if cursor else {})}
        )
        assert r.status_code == 200, r.text
        ids += [c["id"] for c in r.json()["items"]]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            return ids


def _csv_rows(r) -> list[dict[str, str]]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(r.text)))


def _ndjson(r) -> list[dict]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == NDJSON_TYPE
    return [json.loads(line) for line in r.text.splitlines()]


FILTERS = [
    {},
    {"kind": "indirect"},
    {"kind": "editorial"},
    {"publisher": "Bay News"},
    {"said_from": "2024-09-12", "said_to": "2024-09-20"},
    {"q": "harbour"},
    {"source": "john smith"},
    {"q": "talks", "publisher": "Coastal Times"},
    {"kind": "belief"},  # nothing matches
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "all")
def test_export_rows_equal_paged_json(export_client: TestClient, params: dict) -> None:
    _ingest_corpus(export_client)
    paged = _paged_ids(export_client, "/claims", params)
    rows = _csv_rows(export_client.get("/claims", params=params, headers={"Accept": CSV_TYPE}))
    lines = _ndjson(export_client.get("/claims", params=params, headers={"Accept": NDJSON_TYPE}))
    assert [int(row["id"]) for row in rows] == paged
    assert [line["id"] for line in lines] == paged
    if params == {}:
        assert len(paged) == 12 * 3  # every claim of the corpus, across 12 batches of 3


def test_export_source_claims_equal_paged_json(export_client: TestClient) -> None:
    _ingest_corpus(export_client)
    smith = export_client.get("/sources", params={"q": "Smith"}).json()["items"][0]
    path = f"/sources/{smith['id']}/claims"
    for params in ({}, {"said_from": "2024-09-14"}, {"publisher": "Bay News"}):
        paged = _paged_ids(export_client, path, params)
        assert paged
        rows = _csv_rows(export_client.get(path, params={**params, "format": "csv"}))
        assert [int(row["id"]) for row in rows] == paged
        assert {row["source.name"] for row in rows} == {"John Smith"}
        lines = _ndjson(export_client.get(path, params=params, headers={"Accept": NDJSON_TYPE}))
        assert [line["id"] for line in lines] == paged
    r = export_client.get(path, headers={"Accept": CSV_TYPE})
    assert r.headers["content-disposition"].startswith(
        f'attachment; filename="source-{smith["id"]}-claims-'
    )
    assert r.headers["content-disposition"].endswith('.csv"')


def test_export_ndjson_lines_are_the_json_items(export_client: TestClient) -> None:
    _ingest_corpus(export_client)
    items = export_client.get("/claims", params={"limit": 500}).json()["items"]
    lines = _ndjson(export_client.get("/claims", params={"format": "ndjson"}))
    assert lines == items
    r = export_client.get("/claims", headers={"Accept": NDJSON_TYPE})
    assert r.headers["content-disposition"].startswith('attachment; filename="claims-')
    assert r.headers["content-disposition"].endswith('.ndjson"')


def test_export_csv_row_is_one_flat_claim(export_client: TestClient) -> None:
    text = (
        "Maria Lopez, spokesperson of the Port Authority, said on Monday that "
        'at least 40 ships, "all cargo", waited.\n\nThe fog lifted.'
    )
    body = article_body(
        text=text,
        title='Fog, "again"',
        publisher="Coastal Times",
        url="https://example.org/fog",
        published_at="2024-09-17",
    )
    article = export_client.post("/articles", json=body).json()
    r = export_client.get("/claims", params={"kind": "indirect"}, headers={"Accept": CSV_TYPE})
    header = next(csv.reader(io.StringIO(r.text)))
    assert header == CSV_COLUMNS
    (row,) = _csv_rows(r)
    assert row["article_id"] == str(article["id"])
    assert row["kind"] == "indirect"
    assert row["source.name"] == "Maria Lopez"
    assert row["source.type"] == "person"
    assert row["source.role"] == "spokesperson"
    assert row["source.affiliation.name"] == "Port Authority"
    assert row["said_on"] == "2024-09-16"
    assert row["said_on_precision"] == "day"
    assert row["said_on_text"] == "on Monday"
    assert row["article.title"] == 'Fog, "again"'  # quoted and unquoted by the CSV rules
    assert row["article.publisher"] == "Coastal Times"
    assert row["article.url"] == "https://example.org/fog"
    assert row["article.published_at"] == "2024-09-17"
    content = 'at least 40 ships, "all cargo", waited'
    assert row["text"] == row["content.text"] == content
    start = int(row["content.start"])
    assert text[start : int(row["content.end"])] == content
    assert row["cue.text"] == "said"
    assert text[int(row["cue.start"]) : int(row["cue.end"])] == "said"
    assert row["source_mention.text"] == "Maria Lopez"
    assert text[int(row["source_mention.start"]) : int(row["source_mention.end"])] == "Maria Lopez"
    assert row["quantities"] == "at least 40 ships"
    assert row["based_on.text"] == ""  # null is an empty cell
    assert 0 <= float(row["confidence"]) <= 1


def test_export_csv_defuses_spreadsheet_formulas(export_client: TestClient) -> None:
    text = "Ann Lee said that @SUM(A1) was owed. =HYPERLINK(1) is the total."
    body = article_body(text=text, title="+1 day", publisher="-Harbour")
    export_client.post("/articles", json=body)
    rows = _csv_rows(export_client.get("/claims", params={"format": "csv"}))
    said, editorial = sorted(rows, key=lambda row: row["kind"] == "editorial")
    assert said["article.title"] == editorial["article.title"] == "'+1 day"
    assert said["text"] == "'@SUM(A1) was owed"
    assert editorial["text"] == "'=HYPERLINK(1) is the total."
    assert editorial["source.name"] == "'-Harbour"  # the publisher
    assert said["content.start"].isdigit()  # numbers are left alone


def test_export_empty_is_a_header_row(export_client: TestClient) -> None:
    r = export_client.get("/claims", headers={"Accept": CSV_TYPE})
    assert r.status_code == 200
    assert r.text == ",".join(CSV_COLUMNS) + "\r\n"
    r = export_client.get("/claims", headers={"Accept": NDJSON_TYPE})
    assert r.status_code == 200 and r.text == ""


def test_export_errors_are_problems_before_any_row(export_client: TestClient) -> None:
    headers = {"Accept": CSV_TYPE}
    r = export_client.get(
        "/claims", params={"said_from": "2024-09-20", "said_to": "2024-09-01"}, headers=headers
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    r = export_client.get("/sources/424242/claims", headers=headers)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    r = export_client.get("/claims", params={"format": "xlsx"})
    assert r.status_code == 422


def test_export_reads_keyset_batches_without_offset(
    export_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ingest_corpus(export_client)  # 36 claims; batches of 3
    statements: list[tuple[str, dict]] = []
    execute = Cursor.execute

    def record(self: Cursor, sql: SQL, values: dict) -> list:
        if "FROM claim" in sql.text and "LIMIT" in sql.text.upper():
            statements.append((sql.text, {**sql.fixed, **values}))
        return execute(self, sql, values)

    monkeypatch.setattr(Cursor, "execute", record)
    rows = _csv_rows(export_client.get("/claims", headers={"Accept": CSV_TYPE}))
    assert len(rows) == 36
    assert len(statements) == 12  # one bounded query per batch of 3, none loading all
    for n, (text, values) in enumerate(statements):
        assert values["limit"] == 4  # the batch and one more, to know whether more follow
        # each batch starts after the previous one's last key ...
        assert ("(claim.sort_date, claim.id) <" in text) == (n > 0)
        # ... and skips nothing (SQLite's dialect always writes "OFFSET ?", with 0)
        if "OFFSET" in text.upper():
            assert values["param_1"] == 0


def test_export_cursor_resumes(export_client: TestClient) -> None:
    _ingest_corpus(export_client)
    first = export_client.get("/claims", params={"limit": 5}).json()
    rest = _ndjson(
        export_client.get(
            "/claims", params={"cursor": first["next_cursor"]}, headers={"Accept": NDJSON_TYPE}
        )
    )
    everything = _ndjson(export_client.get("/claims", headers={"Accept": NDJSON_TYPE}))
    assert [c["id"] for c in first["items"] + rest] == [c["id"] for c in everything]


def test_json_stays_the_default(export_client: TestClient) -> None:
    export_client.post("/articles", json=article_body())
    for accept in (None, "*/*", "text/html", "application/json", "text/csv;q=0"):
        headers = {"Accept": accept} if accept else {}
        r = export_client.get("/claims", headers=headers)
        assert r.headers["content-type"] == "application/json", accept
        assert "items" in r.json()
        assert r.headers["vary"] == "Accept"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, ExportFormat.json),
        ("text/csv", ExportFormat.csv),
        ("TEXT/CSV; charset=utf-8", ExportFormat.csv),
        ("application/x-ndjson", ExportFormat.ndjson),
        ("application/json, text/csv;q=0.5", ExportFormat.json),
        ("text/csv;q=0.5, application/x-ndjson", ExportFormat.ndjson),
        ("text/csv, application/x-ndjson", ExportFormat.csv),  # a tie: the first listed
        ("text/html, */*;q=0.8", ExportFormat.json),
        ("text/csv;q=0", ExportFormat.json),
        ("text/csv;q=bogus", ExportFormat.json),
        ("image/png", ExportFormat.json),
    ],
)
def test_export_wanted_format(accept: str | None, expected: ExportFormat) -> None:
    assert wanted_format(accept, None) is expected


def test_export_format_query_overrides_accept() -> None:
    assert wanted_format("text/csv", ExportFormat.json) is ExportFormat.json
    assert wanted_format("application/json", ExportFormat.csv) is ExportFormat.csv

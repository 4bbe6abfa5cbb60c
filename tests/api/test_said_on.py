"""When a claim was said, through the API: precision, the words, reported statements."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

TEXT = (
    "Court Hears Appeal\n\n"
    "Prosecutors on Friday requested a 10-year sentence for the former minister, news "
    "agencies reported.\n\n"
    "The defence called the request absurd when it addressed the court earlier this month.\n\n"
    "The minister's lawyer said he would appeal."
)


@pytest.fixture
def claims(model_client) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    body = {"text": TEXT, "published_at": "2024-09-17", "url": "https://example.org/appeal"}
    r = model_client.post("/articles", json=body)
    assert r.status_code == 201, r.text
    items = model_client.get(f"/articles/{r.json()['id']}/claims").json()["items"]
    return {c["cue"]["text"]: c for c in items if c["cue"] is not None}


def test_reported_statement_is_a_claim_with_its_own_date(claims: dict[str, dict]) -> None:
    requested, reported = claims["requested"], claims["reported"]
    assert requested["source_mention"]["text"] == "Prosecutors"
    assert (requested["said_on"], requested["said_on_precision"]) == ("2024-09-13", "day")
    assert requested["said_on_text"] == "on Friday"
    assert reported["source_mention"]["text"] == "news agencies"
    assert reported["said_on"] is None  # the text does not say when the agencies reported


def test_when_clause_dates_with_month_precision(claims: dict[str, dict]) -> None:
    called = claims["called"]
    assert (called["said_on"], called["said_on_precision"]) == ("2024-09-01", "month")
    assert called["said_on_text"] == "earlier this month"


def test_undated_statement_stays_null(claims: dict[str, dict]) -> None:
    said = claims["said"]
    assert (said["said_on"], said["said_on_precision"], said["said_on_text"]) == (None, None, None)


def test_claims_said_from_finds_the_reported_statement(model_client, claims) -> None:  # type: ignore[no-untyped-def]
    page = model_client.get("/claims", params={"said_from": "2024-09-13", "said_to": "2024-09-13"})
    assert [c["cue"]["text"] for c in page.json()["items"]] == ["requested"]

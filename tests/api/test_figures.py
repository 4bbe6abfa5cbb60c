"""GET /figures: the ledger of tolls and counts by source and date (real model)."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "app" / "api" / "examples" / "gaza-truce-efforts.txt"

pytestmark = pytest.mark.model

# A report months before the seed article, from the ministry itself, with a lower toll.
MAY_REPORT = (
    "Gaza death toll passes 35,000\n\n"
    "The death toll in the Gaza Strip has risen to at least 35,034 people since the war "
    "began, the Gaza Health Ministry said on Monday.\n\n"
    "The ministry said 78,755 people had been wounded in the territory.\n"
)


@pytest.fixture
def ledger(model_client):
    r = model_client.post(
        "/articles",
        json={
            "text": MAY_REPORT,
            "title": "Gaza death toll passes 35,000",
            "publisher": "Example Wire",
            "published_at": "2024-05-14",
        },
    )
    assert r.status_code == 201, r.text
    seed = SEED.read_text(encoding="utf-8")
    r = model_client.post(
        "/articles", json={"text": seed, "publisher": "AFP", "published_at": "2024-09-17"}
    )
    assert r.status_code == 201, r.text
    return model_client


def test_figures_deaths_lists_both_tolls_with_sources_and_dates(ledger) -> None:
    items = ledger.get("/figures", params={"measure": "deaths"}).json()["items"]
    by_value = {f["value"]: f for f in items}
    may, september, afp = by_value[35034], by_value[41252], by_value[1205]
    assert may["source"]["name"] == september["source"]["name"] == "Gaza Health Ministry"
    assert may["said_on"] == "2024-05-13"  # "on Monday" before Tuesday 2024-05-14
    assert may["said_on_from_article"] is False
    assert september["said_on"] == "2024-09-17"  # no date in the text: the article's
    assert september["said_on_from_article"] is True
    assert (september["qualifier"], september["unit"]) == ("at least", "people")
    assert september["article"]["published_at"] == "2024-09-17"
    # the AFP tally is its own figure, given through official Israeli figures
    assert afp["source"]["name"] == "AFP"
    assert afp["based_on"]["text"] == "official Israeli figures"
    assert afp["previous"] is None
    # date order
    dates = [f["said_on"] for f in items]
    assert dates == sorted(dates)
    assert all(f["measure"] == "deaths" for f in items)


def test_figures_of_one_source_give_its_series_with_the_change(ledger) -> None:
    first = ledger.get("/figures", params={"measure": "deaths"}).json()["items"]
    ministry = next(f["source"]["id"] for f in first if f["value"] == 35034)
    items = ledger.get("/figures", params={"measure": "deaths", "source_id": ministry}).json()[
        "items"
    ]
    assert [f["value"] for f in items] == [35034, 41252]
    assert items[0]["previous"] is None
    assert items[1]["previous"]["value"] == 35034
    assert items[1]["previous"]["said_on"] == "2024-05-13"
    assert items[1]["change"] == 41252 - 35034
    # the same source's injured figures are another series
    injured = ledger.get("/figures", params={"measure": "injured", "source_id": ministry}).json()[
        "items"
    ]
    assert [f["value"] for f in injured] == [78755]


def test_figures_filters_and_pages(ledger) -> None:
    everything = ledger.get("/figures", params={"limit": 500}).json()["items"]
    seen = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = ledger.get("/figures", params=params).json()
        seen += [f["id"] for f in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f["id"] for f in everything]
    may = ledger.get("/figures", params={"said_to": "2024-06-01"}).json()["items"]
    assert {f["value"] for f in may} == {35034, 78755}
    afp = ledger.get("/figures", params={"publisher": "AFP", "measure": "deaths"}).json()
    assert 35034 not in {f["value"] for f in afp["items"]}
    by_name = ledger.get("/figures", params={"source": "Gaza Health Ministry"}).json()["items"]
    assert {f["value"] for f in by_name} == {35034, 78755, 41252}


def test_figures_rejects_an_unknown_measure(ledger) -> None:
    r = ledger.get("/figures", params={"measure": "sheep"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")


def test_figures_of_another_unit_are_another_series(model_client) -> None:
    texts = [
        ("The Greek Coast Guard said on Monday that 3 ferries had sunk.", "2024-03-04"),
        ("The Greek Coast Guard said on Monday that 102 ships were held.", "2024-03-11"),
    ]
    for text, day in texts:
        r = model_client.post("/articles", json={"text": text, "published_at": day})
        assert r.status_code == 201, r.text
    items = model_client.get("/figures").json()["items"]
    guard = [f for f in items if f["source"] and f["source"]["name"] == "Greek Coast Guard"]
    units = {f["noun"] for f in guard}
    assert len(guard) == 2 and len(units) == 2, guard
    assert all(f["previous"] is None and f["change"] is None for f in guard)

"""/ui pages show a source's figures as series and a claim's appearances."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.test_appearances import COPY, WIRE
from tests.ui.html import elements, post_article


def test_ui_source_page_shows_its_figures_as_a_series(client: TestClient) -> None:
    for day, ships in (("2024-09-20", 140), ("2024-09-03", 90), ("2024-09-12", 120)):
        post_article(
            client, text=f"Ann Lee said that at least {ships} ships waited.", published_at=day
        )
    post_article(client, text="Ann Lee said that 7 ferries sailed.", published_at="2024-09-05")
    post_article(client, text="Bo Chan said that 999 ships waited.", published_at="2024-09-04")
    (source,) = client.get("/sources", params={"q": "Ann Lee"}).json()["items"]
    r = client.get(f"/ui/sources/{source['id']}")
    assert r.status_code == 200
    page = r.text
    figures = client.get("/figures", params={"source_id": source["id"]}).json()["items"]
    # every figure of the source is a row, linked to its claim in its article
    rows = [int(tr["data-figure-id"]) for tr in elements(page, "tr") if tr.get("data-figure-id")]
    assert sorted(rows) == sorted(f["id"] for f in figures)
    ships = re.search(
        r'<section class="series" data-measure="other">\s*<h3>other '
        r'<span class="muted">\(ships\)</span></h3>(.*?)</section>',
        page,
        re.S,
    )
    assert ships is not None
    # oldest first, with the change since the previous figure of the series
    values = re.findall(r">at least (\d+)</a></td>\s*<td class=\"small\">([^<]*)</td>", ships[1])
    assert values == [("90", "—"), ("120", "+30"), ("140", "+20")]
    # the sparkline: one point per figure, each saying its date and value, no script
    points = re.findall(r"<title>(\d{4}-\d\d-\d\d): ([\d,]+)</title>", ships[1])
    assert points == [("2024-09-03", "90"), ("2024-09-12", "120"), ("2024-09-20", "140")]
    assert "<polyline" in ships[1]
    assert "999" not in page  # another source's figure
    assert re.search(r'data-measure="other">\s*<h3>other <span class="muted">\(ferries\)', page)
    assert "<script" not in page
    links = {a["href"] for a in elements(page, "a")}
    assert f"/figures?source_id={source['id']}&format=csv" in links


def test_ui_source_page_without_figures_has_no_series(client: TestClient) -> None:
    post_article(client, text="Ann Lee said that the ferry was late.")
    (source,) = client.get("/sources", params={"q": "Ann Lee"}).json()["items"]
    page = client.get(f"/ui/sources/{source['id']}").text
    assert "<h2>Figures</h2>" not in page


def test_ui_article_page_shows_appearances_and_republication(client: TestClient) -> None:
    wire = client.post("/articles", json=WIRE).json()
    copy = client.post("/articles", json=COPY).json()
    claims = client.get(f"/articles/{copy['id']}/claims").json()["items"]
    diaz = next(c for c in claims if c["source"] and c["source"]["name"] == "Rosa Diaz")
    original = client.get(f"/claims/{diaz['id']}/appearances").json()["items"][0]
    page = client.get(f"/ui/articles/{copy['id']}").text
    # the copy says what it republishes, linked
    assert "Republication of" in page
    assert {a["href"] for a in elements(page, "a") if a.get("data-article-id")} == {
        f"/ui/articles/{wire['id']}"
    }
    # each repeated claim links its other appearance, into the other article
    listed = [li for li in elements(page, "li") if li.get("data-appearance-of")]
    assert {int(li["data-appearance-of"]) for li in listed} == {
        c["id"] for c in claims if c["kind"] != "editorial"
    }
    hrefs = {a["href"] for a in elements(page, "a")}
    assert f"/ui/articles/{wire['id']}#c{original['claim_id']}" in hrefs
    assert "Repeated; also in" in page and "same text" in page and "rewrite " in page
    # the original says it came first
    page = client.get(f"/ui/articles/{wire['id']}").text
    assert "First known appearance; also in" in page
    assert "Republication of" not in page
    # search results mark repeated statements
    results = client.get("/ui/", params={"source": "Rosa Diaz"}).text
    assert "first of 2 appearances" in results and ">2 appearances<" in results

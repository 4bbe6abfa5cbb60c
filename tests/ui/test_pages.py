"""/ui pages through the test client: what they list, what they escape, how they fail."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from app.ui import routes
from tests.factories import article_body
from tests.ui.html import elements, post_article


def _claim_links(html: str) -> list[int]:
    """The claims a results table lists (each row links its claim into its article)."""
    return [int(a["data-claim-id"]) for a in elements(html, "a") if a.get("data-claim-id")]


def test_ui_search_filters_like_the_api(client: TestClient) -> None:
    post_article(
        client,
        text="Maria Lopez said on Monday that the ferry was late. The fog lifted.",
        publisher="Coastal Times",
    )
    post_article(
        client, text="John Smith said on Friday that the bridge was shut.", publisher="Bay News"
    )
    cases = [
        {"source": "maria lopez"},
        {"q": "bridge"},
        {"publisher": "Bay News"},
        {"said_from": "2024-09-16", "said_to": "2024-09-16"},
        {"kind": "editorial"},
        {"source": "", "q": "", "said_from": "", "publisher": ""},  # an empty form: everything
    ]
    for params in cases:
        page = client.get("/ui/", params=params)
        assert page.status_code == 200, page.text
        assert page.headers["content-type"].startswith("text/html")
        api = client.get("/claims", params={k: v for k, v in params.items() if v}).json()
        assert _claim_links(page.text) == [c["id"] for c in api["items"]], params
    page = client.get("/ui/", params={"source": "maria lopez"}).text
    assert 'value="maria lopez"' in page  # the form keeps what was asked
    assert re.search(r'<a href="/ui/sources/\d+">Maria Lopez</a>', page)


def test_ui_search_download_links_export_the_same_claims(client: TestClient) -> None:
    for day in ("Monday", "Friday"):
        post_article(client, text=f"Ann Lee said on {day} that the tide was high.")
    page = client.get("/ui/", params={"q": "tide", "source": "Ann Lee"}).text
    (csv_link,) = [a["href"] for a in elements(page, "a") if a.get("href", "").endswith("csv")]
    assert csv_link == "/claims?source=Ann+Lee&q=tide&format=csv"
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    assert [int(r["id"]) for r in rows] == _claim_links(page)


def test_ui_search_pages_with_a_cursor(client: TestClient, monkeypatch) -> None:
    monkeypatch.setattr(routes, "PAGE_SIZE", 2)
    for n in range(3):
        post_article(client, text=f"Ann Lee said that tide {n} was high.")
    seen: list[int] = []
    url = "/ui/?source=Ann+Lee"
    while url:
        page = client.get(url).text
        seen += _claim_links(page)
        nexts = [a["href"] for a in elements(page, "a") if a.get("rel") == "next"]
        url = nexts[0] if nexts else None
    api = client.get("/claims", params={"source": "Ann Lee"}).json()["items"]
    assert seen == [c["id"] for c in api] and len(seen) == 3


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"said_from": "yesterday"}, "said_from: not a date"),
        ({"said_from": "2024-09-20", "said_to": "2024-09-01"}, "said_from must not be after"),
        ({"kind": "rumour"}, "kind: one of"),
        ({"cursor": "garbage!"}, "cursor is not valid"),
    ],
)
def test_ui_search_shows_bad_input_on_the_page(client: TestClient, params, message) -> None:
    r = client.get("/ui/", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    assert message in r.text
    assert "<form" in r.text  # the person can correct it


def test_ui_article_marks_claims_and_escapes_untrusted_text(client: TestClient) -> None:
    text = (
        "Maria Lopez, spokesperson of the Port Authority, said on Monday that "
        "<script>alert(1)</script> ships waited. The <img src=x onerror=alert(2)> fog lifted."
    )
    # a url that is not http(s) is never stored (422); one with markup in it is escaped
    refused = client.post("/articles", json=article_body(text=text, url="javascript:alert(4)"))
    assert refused.status_code == 422
    article = post_article(
        client,
        text=text,
        title="Fog <script>alert(3)</script>",
        url='https://port.example/fog?q="><script>alert(4)</script>',
    )
    r = client.get(f"/ui/articles/{article['id']}")
    assert r.status_code == 200
    page = r.text
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page
    assert "default-src 'none'" in r.headers["content-security-policy"]
    claims = client.get(f"/articles/{article['id']}/claims").json()["items"]
    marks = elements(page, "mark")
    marked = {m["data-claim-id"] for m in marks if m.get("data-claim-id")}
    assert marked == {str(c["id"]) for c in claims}
    said = next(c for c in claims if c["kind"] == "indirect")
    (mark,) = [m for m in marks if m.get("data-claim-id") == str(said["id"])]
    assert mark["title"] == "Maria Lopez (spokesperson) · indirect · said 2024-09-16"
    who = [a for a in elements(page, "a") if a.get("class") == "who"]
    assert [a["href"] for a in who] == [f"/ui/sources/{said['source']['id']}"]


def test_ui_source_page_shows_names_and_claims_per_week(client: TestClient) -> None:
    post_article(client, text="Maria Lopez said on Monday that the ferry was late.")
    post_article(
        client,
        text="Maria Lopez, spokesperson of the Port Authority, said that the bridge shut.",
        published_at="2024-10-08",
    )
    (source,) = client.get("/sources", params={"q": "Lopez"}).json()["items"]
    page = client.get(f"/ui/sources/{source['id']}").text
    assert "<h1>Maria Lopez</h1>" in page
    assert "spokesperson" in page
    assert '<a href="/ui/sources/' in page  # the affiliation links to its own page
    assert "Port Authority" in page
    bars = re.findall(r"<title>week of (\S+): (\d+) claims?</title>", page)
    assert bars == [("2024-09-16", "1"), ("2024-10-07", "1")]
    claims = client.get(f"/sources/{source['id']}/claims").json()["items"]
    assert _claim_links(page) == [c["id"] for c in claims]
    assert f'href="/sources/{source["id"]}/claims?format=csv"' in page


@pytest.mark.parametrize(
    "path", ["/ui/articles/999", "/ui/sources/999", "/ui/articles/99999999999"]
)
def test_ui_unknown_ids_answer_an_html_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "does not exist" in r.text


def test_ui_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    article = post_article(client)
    for path in ("/ui/", f"/ui/articles/{article['id']}", "/ui/sources/1"):
        page = client.get(path).text
        assert "<script" not in page
        assert not elements(page, "link")  # the style is inline
        hrefs = [a.get("href") or "" for a in elements(page, "a")]
        assert all(h.startswith(("/", "#")) for h in hrefs), hrefs


def test_ui_source_page_shows_forms_and_roles_when_the_service_gives_them(
    client: TestClient, monkeypatch
) -> None:
    post_article(client, text="Maria Lopez said on Monday that the ferry was late.")
    (source,) = client.get("/sources", params={"q": "Lopez"}).json()["items"]
    plain = routes.source_service.get_source

    def detailed(db, *, source_id: int) -> dict:
        return {
            **plain(db, source_id=source_id),
            "seen_as": [{"alias": "Ms. <b>Lopez</b>", "count": 2}],
            "roles": [
                {
                    "role": "harbour spokesperson",
                    "count": 2,
                    "first_said_on": "2024-09-16",
                    "last_said_on": "2024-10-07",
                }
            ],
        }

    monkeypatch.setattr(routes.source_service, "get_source", detailed)
    page = client.get(f"/ui/sources/{source['id']}").text
    assert "Ms. &lt;b&gt;Lopez&lt;/b&gt; (2)" in page
    assert "<strong>harbour spokesperson</strong>" in page
    assert "2 claims · 2024-09-16 to 2024-10-07" in page

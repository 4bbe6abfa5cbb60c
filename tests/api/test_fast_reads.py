"""The list endpoints' fast path (app/api/fast.py) answers exactly what FastAPI's routes
answer: same status, headers and bytes, for good requests and bad ones alike."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.fast import FastReads
from app.main import create_app
from tests.factories import article_body, fake_extract

TEXTS = [
    (
        "Maria Lopez, spokesperson of the Port Authority, said on Monday that at least 1,205 "
        "ships were delayed. The port reopened on Tuesday.",
        "2024-09-17",
        "Coastal Times",
    ),
    (
        "Omar Haddad said that about 40 trucks and 3 cranes were idle. Maria Lopez said that "
        "the strike was over.",
        "2024-09-20",
        "Harbour News",
    ),
    ("Lee said on Friday that ships wait. Ann Lee said that ships leave.", None, None),
    (
        "Officials said that the port would reopen. Omar Haddad said that 12 ships left.",
        "2023-01-05",
        "Coastal Times",
    ),
]


@pytest.fixture
def slow(db, settings) -> Iterator[TestClient]:
    """The same app without the fast path: every request through FastAPI's routes."""
    app = create_app(settings, db=db, extractor=fake_extract, fast_reads=False)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def loaded(client) -> dict[str, Any]:
    ids = []
    for i, (text, published_at, publisher) in enumerate(TEXTS):
        body = article_body(text=text, url=f"https://e.org/{i}")
        body["published_at"], body["publisher"] = published_at, publisher
        r = client.post("/articles", json=body)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    sources = {s["name"]: s["id"] for s in client.get("/sources?limit=500").json()["items"]}
    r = client.post(f"/sources/{sources['Lee']}/merge", json={"into": sources["Ann Lee"]})
    assert r.status_code == 200, r.text
    return {"articles": ids, "sources": sources}


def _urls(loaded: dict[str, Any]) -> list[str]:
    article, last = loaded["articles"][0], loaded["articles"][-1]
    maria, merged = loaded["sources"]["Maria Lopez"], loaded["sources"]["Lee"]
    return [
        "/claims",
        "/claims?limit=2",
        "/claims?limit=02&x=1",
        "/claims?q=ships",
        "/claims?q=ships&limit=1",
        "/claims?q=%21%21",
        "/claims?q=",
        f"/claims?source_id={maria}",
        "/claims?source_id=-3",
        "/claims?source_id=99999999999",
        "/claims?source_id=1.0",
        "/claims?source=maria%20lopez",
        "/claims?source=officials",
        "/claims?said_from=2024-09-16&said_to=2024-09-16",
        "/claims?said_from=2024-09-17&said_to=2024-09-16",
        "/claims?said_from=2024-9-16",
        "/claims?kind=indirect",
        "/claims?kind=nope",
        f"/claims?article_id={article}",
        "/claims?publisher=Coastal%20Times",
        "/claims?publisher=",
        "/claims?limit=0",
        "/claims?limit=501",
        "/claims?limit=+5",
        "/claims?limit=abc",
        "/claims?limit=1&limit=2",
        "/claims?cursor=",
        "/claims?cursor=bad",
        "/claims?cursor=WyJ4Il0",
        "/claims?q=a%00b",
        "/claims?x=a%00b",
        "/claims?format=json",
        "/sources",
        "/sources?limit=1",
        "/sources?q=Lop",
        "/sources?q=%20",
        "/sources?type=person",
        "/sources?type=bogus",
        "/sources?cursor=zz",
        f"/sources/{maria}/claims",
        f"/sources/{maria}/claims?limit=1",
        f"/sources/{maria}/claims?q=ships&kind=indirect",
        f"/sources/{maria}/claims?source_id=1",
        f"/sources/{maria}/claims?said_from=x",
        f"/sources/{merged}/claims",
        f"/sources/{merged}/claims?limit=5",
        "/sources/0/claims",
        "/sources/99999999999/claims",
        "/sources/007/claims",
        "/sources/abc/claims",
        "/articles",
        "/articles?limit=1",
        "/articles?publisher=Coastal%20Times",
        "/articles?published_from=2024-01-01",
        "/articles?published_to=2024-01-01&limit=1",
        "/articles?published_from=2024-09-20&published_to=2024-09-17",
        "/articles?q=ships",
        "/articles?q=%20",
        "/articles?published_from=x",
        f"/articles/{last}/claims",
        f"/articles/{last}/claims?limit=1",
        "/articles/999999/claims",
        "/articles/0/claims",
        "/claims/",
    ]


def _answer(client: TestClient, url: str, **kwargs: Any) -> tuple[int, list[Any], bytes]:
    r = client.get(url, follow_redirects=False, **kwargs)
    headers = [(k, v) for k, v in r.headers.multi_items() if k != "date"]
    return r.status_code, headers, r.content


def _cursor_chain(client: TestClient, url: str) -> list[str]:
    """``url`` and the urls of its next two pages."""
    urls = [url]
    for _ in range(2):
        r = client.get(urls[-1], follow_redirects=False)
        if r.status_code != 200 or not r.headers["content-type"].startswith("application/json"):
            break
        cursor = r.json().get("next_cursor")
        if not cursor:
            break
        urls.append(f"{url}{'&' if '?' in url else '?'}cursor={cursor}")
    return urls


def test_fast_reads_answer_what_the_routes_answer(client, slow, loaded) -> None:
    urls = [u for url in _urls(loaded) for u in _cursor_chain(client, url)]
    assert len(urls) > 70
    statuses = set()
    for url in urls:
        fast = _answer(client, url)
        assert fast == _answer(slow, url), url
        statuses.add(fast[0])
    assert statuses == {200, 307, 308, 404, 422}


@pytest.mark.parametrize(
    "headers",
    [
        {"accept": "text/csv"},
        {"accept": "application/json"},
        {"accept": "*/*"},
        {"accept": "text/html"},
        {"accept": "application/x-ndjson;q=0.5, application/json"},
        {"content-length": "3"},
    ],
)
def test_fast_reads_negotiate_as_the_routes_do(client, slow, loaded, headers) -> None:
    for url in ["/claims?limit=2", "/sources?limit=2", "/articles?limit=1"]:
        assert _answer(client, url, headers=headers) == _answer(slow, url, headers=headers)
    assert client.head("/claims?limit=2").headers == slow.head("/claims?limit=2").headers


def _scope(path: str, query: str = "", method: str = "GET", **headers: str) -> dict[str, Any]:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query.encode(),
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }


def test_fast_reads_take_only_requests_they_answer_exactly(db, settings) -> None:
    fast = FastReads(lambda *a: None, db=db, settings=settings, inline=True)  # type: ignore[arg-type]
    taken = [
        _scope("/claims"),
        _scope("/claims", "q=ships&limit=5&source_id=3&said_from=2024-01-01&unknown=1"),
        _scope("/sources", "q=Lop&type=person"),
        _scope("/sources/3/claims", "kind=indirect"),
        _scope("/articles", "published_to=2024-01-01"),
        _scope("/articles/3/claims", "limit=500"),
        _scope("/claims", accept="application/json"),
    ]
    left = [
        _scope("/claims", method="HEAD"),
        _scope("/claims", method="POST"),
        _scope("/claims", "limit=1&limit=2"),
        _scope("/claims", "limit=0"),
        _scope("/claims", "limit=501"),
        _scope("/claims", "limit=+5"),
        _scope("/claims", "source_id=1.0"),
        _scope("/claims", "format=json"),
        _scope("/claims", "q="),
        _scope("/claims", "x=%00"),
        _scope("/claims", accept="text/csv"),
        _scope("/claims", **{"content-length": "0"}),
        _scope("/claims/"),
        _scope("/claims/3"),
        _scope("/sources/abc/claims"),
        _scope("/sources", "type=bogus"),
    ]
    assert all(fast._plan(s) is not None for s in taken)
    assert all(fast._plan(s) is None for s in left)

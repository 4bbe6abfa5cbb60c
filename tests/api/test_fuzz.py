"""Arbitrary query strings never make the service fail: 200 or a 422 problem, never 500."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import article_body

_text = st.text(min_size=0, max_size=40)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(["/claims", "/sources", "/articles", "/sources/1/claims"]),
    name=st.sampled_from(["q", "source", "publisher", "cursor", "kind", "type", "said_from"]),
    value=_text,
)
def test_fuzz_query_parameters_never_500(client, path, name, value) -> None:
    if not client.get("/articles").json()["items"]:
        client.post("/articles", json=article_body())
    r = client.get(path, params={name: value})
    assert r.status_code in (200, 404, 422), r.text
    if r.status_code != 200:
        assert r.headers["content-type"] == "application/problem+json"

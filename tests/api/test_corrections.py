"""Corrections by people: PATCH /sources/{id}, POST /sources/{id}/merge, PATCH /claims/{id}.

Every test runs on SQLite and on PostgreSQL (the ``client`` fixture). The fake extractor
reads "<Name>[, <role> of <Org>,] said [on <Weekday>] that <content>." sentences.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from app.main import create_app
from app.models import Correction
from tests.api.test_errors import assert_problem
from tests.factories import fake_extract

_n = iter(range(1, 10_000))


def post(client: TestClient, text: str, *, published_at: str = "2024-09-17", **kw) -> dict:
    body = {"text": text, "published_at": published_at, "url": f"https://ex.org/{next(_n)}", **kw}
    r = client.post("/articles", json=body, headers=kw.pop("headers", None))
    assert r.status_code == 201, r.text
    return r.json()


def source_named(client: TestClient, name: str) -> dict:
    items = client.get("/sources", params={"q": name, "limit": 500}).json()["items"]
    found = [s for s in items if s["name"] == name]
    assert len(found) == 1, items
    return found[0]


def claims_of(client: TestClient, source_id: int) -> list[dict]:
    return client.get(f"/sources/{source_id}/claims", params={"limit": 500}).json()["items"]


def corrections(db) -> list[dict]:
    with db.engine.connect() as conn:
        table = Correction.__table__
        rows = conn.execute(sa.select(table).order_by(table.c.id)).mappings()
        return [dict(r) for r in rows]


# --- PATCH /sources/{id} -----------------------------------------------------------------


def test_patch_source_changes_the_fields_given_and_records_them(client, db) -> None:
    post(client, "Ann Lee, spokesperson of the Port Authority, said that ships wait.")
    ann = source_named(client, "Ann Lee")
    authority = source_named(client, "Port Authority")
    r = client.patch(
        f"/sources/{ann['id']}",
        json={"role": "harbour master", "wikidata_id": "Q42", "type": "person"},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["name"], body["role"], body["type"]) == ("Ann Lee", "harbour master", "person")
    assert body["affiliation"] == {"id": authority["id"], "name": "Port Authority"}
    r = client.patch(
        f"/sources/{ann['id']}",
        json={"affiliation_id": None},
        headers={"Content-Type": "application/merge-patch+json"},
    )
    assert r.status_code == 200 and r.json()["affiliation"] is None
    log = corrections(db)
    assert [(c["field"], c["new_value"]) for c in log] == [
        ("role", "harbour master"),
        ("wikidata_id", "Q42"),
        ("affiliation_id", None),
    ]  # type was already "person": nothing changed, nothing recorded
    assert all(c["made_at"] is not None and c["source_id"] == ann["id"] for c in log)


@pytest.mark.parametrize(
    "patch",
    [
        {"type": "wizard"},
        {"name": None},
        {"name": "   "},
        {"type": None},
        {"wikidata_id": "42"},
        {"role": ""},
        {"nickname": "Annie"},  # unknown fields are refused: a typo is no correction
        {"affiliation_id": 999_999},
        {"affiliation_id": 2**40},
        {"name": "x" * 501},
    ],
)
def test_patch_source_bad_values_are_422_and_change_nothing(client, db, patch) -> None:
    post(client, "Ann Lee said that ships wait.")
    ann = source_named(client, "Ann Lee")
    before = client.get(f"/sources/{ann['id']}").json()
    body = assert_problem(client.patch(f"/sources/{ann['id']}", json=patch), 422)
    assert body["errors"]
    assert client.get(f"/sources/{ann['id']}").json() == before
    assert corrections(db) == []


def test_patch_source_refuses_speaking_for_itself_and_unknown_ids(client) -> None:
    post(client, "Ann Lee said that ships wait.")
    ann = source_named(client, "Ann Lee")
    assert_problem(client.patch(f"/sources/{ann['id']}", json={"affiliation_id": ann["id"]}), 422)
    assert_problem(client.patch("/sources/999999", json={"role": "x"}), 404)
    assert_problem(client.patch(f"/sources/{ann['id']}", content=b"role=x"), 415)
    assert_problem(
        client.patch(
            f"/sources/{ann['id']}", content=b"{", headers={"Content-Type": "application/json"}
        ),
        422,
    )


def test_patch_source_rename_to_a_name_another_source_has_is_409(client) -> None:
    post(client, "Ann Lee said that ships wait. Bo Chen said that ships leave.")
    ann = source_named(client, "Ann Lee")
    body = assert_problem(client.patch(f"/sources/{ann['id']}", json={"name": "bo chen"}), 409)
    assert "merge" in body["detail"]
    assert client.get(f"/sources/{ann['id']}").json()["name"] == "Ann Lee"


def test_patch_source_rename_survives_later_ingests_of_the_old_name(client) -> None:
    post(client, "Ann Lee said that ships wait.")
    ann = source_named(client, "Ann Lee")
    r = client.patch(f"/sources/{ann['id']}", json={"name": "Annabel Lee"})
    assert r.status_code == 200 and r.json()["name"] == "Annabel Lee"
    post(client, "Ann Lee said that ships left.", published_at="2024-10-01")
    post(client, "Annabel Lee said that ships returned.", published_at="2024-10-02")
    after = client.get(f"/sources/{ann['id']}").json()
    assert after["name"] == "Annabel Lee"
    assert after["claim_count"] == 3
    assert "Ann Lee" in after["aliases"]
    assert [c["source"]["id"] for c in client.get("/claims").json()["items"]].count(ann["id"]) == 3


def test_patch_source_corrected_role_and_type_survive_later_ingests(client) -> None:
    post(client, "Ann Lee, spokesperson of the Port Authority, said that ships wait.")
    ann = source_named(client, "Ann Lee")
    client.patch(f"/sources/{ann['id']}", json={"role": "harbour master", "affiliation_id": None})
    post(
        client,
        "Ann Lee, director of the Coast Guard, said that ships left.",
        published_at="2025-01-01",
    )
    after = client.get(f"/sources/{ann['id']}").json()
    assert after["role"] == "harbour master"
    assert after["affiliation"] is None
    # an uncorrected source still takes the most recent role
    post(client, "Bo Chen, clerk of the Port Authority, said that a.", published_at="2024-01-01")
    post(client, "Bo Chen, director of the Port Authority, said that b.", published_at="2025-01-01")
    assert source_named(client, "Bo Chen")["role"] == "director"


# --- POST /sources/{id}/merge ------------------------------------------------------------


def test_merge_moves_claims_and_aliases_and_the_old_id_redirects(client, db) -> None:
    post(client, "Lee said that ships wait. Ann Lee said that ships leave.")
    bare, ann = source_named(client, "Lee"), source_named(client, "Ann Lee")
    r = client.post(f"/sources/{bare['id']}/merge", json={"into": ann["id"]})
    assert r.status_code == 200, r.text
    target = r.json()
    assert target["id"] == ann["id"] and target["claim_count"] == 2
    assert {"Lee", "Ann Lee"} <= set(target["aliases"])
    r = client.get(f"/sources/{bare['id']}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/sources/{ann['id']}"
    r = client.get(f"/sources/{bare['id']}/claims?limit=5", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"/sources/{ann['id']}/claims?limit=5"
    assert client.get(f"/sources/{bare['id']}").json()["id"] == ann["id"]  # followed
    listed = {s["id"] for s in client.get("/sources").json()["items"]}
    assert bare["id"] not in listed and ann["id"] in listed
    [merge] = corrections(db)
    assert (merge["kind"], merge["source_id"], merge["to_source_id"]) == (
        "merge",
        bare["id"],
        ann["id"],
    )


def test_merge_later_ingests_follow_the_merged_name(client) -> None:
    post(client, "Lee said that ships wait. Ann Lee said that ships leave.")
    bare, ann = source_named(client, "Lee"), source_named(client, "Ann Lee")
    client.post(f"/sources/{bare['id']}/merge", json={"into": ann["id"]})
    post(client, "Lee said that the fog lifted.", published_at="2024-10-01")
    assert len(claims_of(client, ann["id"])) == 3
    assert (
        client.get("/claims", params={"source": "Lee"}).json()["items"][0]["source"]["id"]
        == (ann["id"])
    )


def test_merge_into_itself_is_refused(client) -> None:
    post(client, "Lee said that ships wait. Ann Lee said that ships leave.")
    bare, ann = source_named(client, "Lee"), source_named(client, "Ann Lee")
    assert_problem(client.post(f"/sources/{ann['id']}/merge", json={"into": ann["id"]}), 409)
    client.post(f"/sources/{bare['id']}/merge", json={"into": ann["id"]})
    # the merged id is the target now: merging the target into it is merging into itself
    assert_problem(client.post(f"/sources/{ann['id']}/merge", json={"into": bare["id"]}), 409)
    assert client.get(f"/sources/{ann['id']}").json()["claim_count"] == 2


@pytest.mark.parametrize("into", [999_999, 2**40, 0, -1])
def test_merge_into_a_missing_source_is_422(client, into) -> None:
    post(client, "Ann Lee said that ships wait.")
    ann = source_named(client, "Ann Lee")
    assert_problem(client.post(f"/sources/{ann['id']}/merge", json={"into": into}), 422)
    assert_problem(client.post(f"/sources/{ann['id']}/merge", json={}), 422)
    assert_problem(client.post("/sources/999999/merge", json={"into": ann["id"]}), 404)


def test_merge_chains_resolve_to_the_last_target(client) -> None:
    post(client, "Lee said that a. Ann Lee said that b. Annabel Lee said that c.")
    a, b, c = (source_named(client, n) for n in ("Lee", "Ann Lee", "Annabel Lee"))
    client.post(f"/sources/{a['id']}/merge", json={"into": b["id"]})
    r = client.post(f"/sources/{b['id']}/merge", json={"into": c["id"]})
    assert r.status_code == 200 and r.json()["claim_count"] == 3
    for old in (a, b):
        r = client.get(f"/sources/{old['id']}", follow_redirects=False)
        assert r.headers["location"] == f"/sources/{c['id']}"
    d = post(client, "Dee Roe said that d.")
    assert d
    dee = source_named(client, "Dee Roe")
    r = client.post(f"/sources/{dee['id']}/merge", json={"into": a["id"]})  # into a merged id
    assert r.status_code == 200 and r.json()["id"] == c["id"]
    post(client, "Lee said that e.", published_at="2024-11-01")
    assert client.get(f"/sources/{c['id']}").json()["claim_count"] == 5


# --- PATCH /claims/{id} ------------------------------------------------------------------


def test_patch_claim_moves_it_and_the_move_survives_reposting(client, db) -> None:
    text = "Ann Lee said that ships wait. Bo Chen said that ships leave."
    article = post(client, text)
    ann, bo = source_named(client, "Ann Lee"), source_named(client, "Bo Chen")
    [claim] = [c for c in claims_of(client, bo["id"]) if c["text"] == "ships leave"]
    r = client.patch(f"/claims/{claim['id']}", json={"source_id": ann["id"]})
    assert r.status_code == 200, r.text
    assert r.json()["source"]["id"] == ann["id"]
    again = client.post("/articles", json={"text": text, "url": article["url"]})
    assert again.status_code == 200
    assert client.get(f"/claims/{claim['id']}").json()["source"]["id"] == ann["id"]
    [log] = corrections(db)
    assert (log["kind"], log["claim_id"], log["old_value"], log["to_source_id"]) == (
        "claim_source",
        claim["id"],
        bo["id"],
        ann["id"],
    )
    assert log["made_at"] is not None


def test_patch_claim_to_no_source_and_to_a_merged_source(client) -> None:
    post(client, "Lee said that a. Ann Lee said that b. Bo Chen said that c.")
    lee, ann, bo = (source_named(client, n) for n in ("Lee", "Ann Lee", "Bo Chen"))
    [claim] = claims_of(client, bo["id"])
    r = client.patch(f"/claims/{claim['id']}", json={"source_id": None})
    assert r.status_code == 200 and r.json()["source"] is None
    client.post(f"/sources/{lee['id']}/merge", json={"into": ann["id"]})
    r = client.patch(f"/claims/{claim['id']}", json={"source_id": lee["id"]})
    assert r.status_code == 200 and r.json()["source"]["id"] == ann["id"]


@pytest.mark.parametrize("body", [{"source_id": 999_999}, {"source_id": "x"}, {}, {"a": 1}])
def test_patch_claim_bad_values_are_422(client, body) -> None:
    post(client, "Ann Lee said that ships wait.")
    [claim] = client.get("/claims").json()["items"]
    assert_problem(client.patch(f"/claims/{claim['id']}", json=body), 422)
    assert client.get(f"/claims/{claim['id']}").json() == claim


def test_patch_claim_missing_is_404(client) -> None:
    assert_problem(client.patch("/claims/999999", json={"source_id": None}), 404)
    assert_problem(client.patch(f"/claims/{2**40}", json={"source_id": None}), 404)


# --- keys --------------------------------------------------------------------------------


@pytest.fixture
def keyed(db, settings) -> Iterator[TestClient]:
    app = create_app(
        settings.model_copy(update={"api_keys": ["k1"]}), db=db, extractor=fake_extract
    )
    with TestClient(app) as c:
        yield c


def test_corrections_need_the_write_key_when_keys_are_set(keyed, db) -> None:
    key = {"X-API-Key": "k1"}
    r = keyed.post(
        "/articles",
        json={"text": "Lee said that a. Ann Lee said that b.", "published_at": "2024-09-17"},
        headers=key,
    )
    assert r.status_code == 201
    lee, ann = source_named(keyed, "Lee"), source_named(keyed, "Ann Lee")
    [claim] = claims_of(keyed, ann["id"])
    writes = [
        ("patch", f"/sources/{ann['id']}", {"role": "mayor"}),
        ("patch", f"/claims/{claim['id']}", {"source_id": lee["id"]}),
        ("post", f"/sources/{lee['id']}/merge", {"into": ann["id"]}),
    ]
    for method, path, body in writes:
        assert_problem(keyed.request(method, path, json=body), 401)
        assert_problem(keyed.request(method, path, json=body, headers={"X-API-Key": "no"}), 401)
    assert corrections(db) == []
    for method, path, body in writes:
        r = keyed.request(method, path, json=body, headers=key)
        assert r.status_code == 200, r.text
    assert len(corrections(db)) == 3
    assert keyed.get(f"/sources/{ann['id']}").status_code == 200  # reads stay open


def test_corrections_are_open_without_keys(client) -> None:
    post(client, "Ann Lee said that ships wait.")
    ann = source_named(client, "Ann Lee")
    assert client.patch(f"/sources/{ann['id']}", json={"role": "mayor"}).status_code == 200

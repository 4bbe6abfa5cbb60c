"""Asynchronous ingest through the job queue: POST /articles with Prefer: respond-async,
GET /jobs/{id}, and real `claimtrail worker` processes on the machine's Redis.

Redis is CLAIMTRAIL_TEST_REDIS_URL (default redis://127.0.0.1:6379), databases 1-6 in
turn. Each test works on a queue of its own (a unique name, its workers named after it)
and deletes exactly its own keys afterwards, so that concurrent runs of the suite (other
checkouts on the same machine) never see or remove each other's jobs.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient
from redis import Redis
from rq import Worker

from app import cli
from app.config import Settings, get_settings
from app.db import Database, make_engine
from app.main import create_app
from app.models import ArticleCreate
from app.services.ingest import ingest_article
from app.services.jobs import JobQueue, connect_queue
from tests.conftest import ROOT, alembic_config
from tests.factories import article_body, fake_extract

REDIS = os.environ.get("CLAIMTRAIL_TEST_REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
_REDIS_DBS = itertools.cycle(range(1, 7))
ASYNC = {"Prefer": "respond-async"}
CLAIMTRAIL = Path(sys.executable).with_name("claimtrail")


@pytest.fixture
def queue_name() -> str:
    """A queue (and worker-name) prefix of this test alone: other checkouts run this suite
    against the same Redis at the same time, so nothing here may touch keys not its own."""
    return f"test-{uuid.uuid4().hex[:12]}"


def _delete_own_keys(conn: Redis, name: str) -> None:
    for key in conn.scan_iter(match=f"*{name}*"):
        conn.delete(key)
    for key in conn.scan_iter(match="rq:job:*"):
        parts = key.decode().split(":")
        if (
            len(parts) == 3
            and conn.type(key) == b"hash"
            and conn.hget(key, "origin") == (name.encode())
        ):
            conn.delete(key, *conn.scan_iter(match=f"rq:*{parts[2]}*"))
    conn.srem("rq:queues", f"rq:queue:{name}")


@pytest.fixture
def redis_url(queue_name: str) -> Iterator[str]:
    url = f"{REDIS}/{next(_REDIS_DBS)}"
    yield url
    conn = Redis.from_url(url)
    _delete_own_keys(conn, queue_name)
    conn.close()


@pytest.fixture
def job_queue(redis_url: str, queue_name: str) -> Iterator[JobQueue]:
    jobs = connect_queue(redis_url, name=queue_name, job_timeout=5, retries=3, result_ttl=600)
    yield jobs
    jobs.close()


@pytest.fixture
def queue_client(db: Database, settings: Settings, job_queue: JobQueue) -> Iterator[TestClient]:
    app = create_app(settings, db=db, extractor=fake_extract, job_queue=job_queue)
    with TestClient(app) as c:
        yield c


class Workers:
    """Worker processes of the test; all stopped at the end, whatever happened."""

    def __init__(self, database_url: str, redis_url: str, queue_name: str) -> None:
        self.name = queue_name
        self.env = {
            **os.environ,
            "CLAIMTRAIL_DATABASE_URL": database_url,
            "CLAIMTRAIL_QUEUE_URL": redis_url,
            "CLAIMTRAIL_QUEUE_NAME": queue_name,
            "CLAIMTRAIL_QUEUE_MAINTENANCE_INTERVAL": "1",
            "CLAIMTRAIL_LOG_LEVEL": "warning",
            "CLAIMTRAIL_API_KEYS": "",
        }
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, *args: str, fake: bool = True, **env: str) -> subprocess.Popen[bytes]:
        if "--name" not in args:  # worker keys carry the test's name: cleaned up after
            args = (*args, "--name", f"{self.name}-{len(self.procs)}")
        cmd = (
            [sys.executable, "-m", "tests.queue_worker", *args]
            if fake
            else [str(CLAIMTRAIL), "worker", *args]
        )
        proc = subprocess.Popen(cmd, env={**self.env, **env}, cwd=ROOT)
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


@pytest.fixture
def workers(database_url: str, redis_url: str, queue_name: str) -> Iterator[Workers]:
    w = Workers(database_url, redis_url, queue_name)
    yield w
    w.stop()


def _post_async(client: TestClient, body: dict) -> str:
    r = client.post("/articles", json=body, headers=ASYNC)
    assert r.status_code == 202, r.text
    assert r.headers["Preference-Applied"] == "respond-async"
    job_id = r.json()["id"]
    assert r.headers["Location"] == f"/jobs/{job_id}"
    assert r.json()["status"] == "queued"
    return job_id


def _wait_all(client: TestClient, job_ids: list[str], *, seconds: float) -> list[dict]:
    deadline = time.monotonic() + seconds
    while True:
        jobs = [client.get(f"/jobs/{j}").json() for j in job_ids]
        if all(j["status"] in ("done", "failed") for j in jobs):
            return jobs
        assert time.monotonic() < deadline, [j["status"] for j in jobs]
        time.sleep(0.2)


CLAIMS_SQL = (
    "SELECT a.content_sha256, c.kind, c.text, c.content_start, c.content_end, c.cue_start,"
    " c.cue_end, c.source_mention_start, s.name, s.type, c.said_on FROM claim c"
    " JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id"
)


def _claims(db: Database) -> list[tuple[str, ...]]:
    with db.engine.connect() as conn:
        return sorted(tuple(map(str, row)) for row in conn.execute(sa.text(CLAIMS_SQL)))


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def _synchronous_claims(tmp_path: Path, bodies: list[dict], extractor) -> list[tuple[str, ...]]:
    """The same bodies ingested synchronously into a fresh database."""
    url = f"sqlite:///{tmp_path}/sync-{uuid.uuid4().hex[:6]}.db"
    command.upgrade(alembic_config(url), "head")
    db = Database(make_engine(url))
    try:
        for body in bodies:
            ingest_article(db, article=ArticleCreate(**body), extractor=extractor)
        return _claims(db)
    finally:
        db.dispose()


# ---- without a queue nothing changes ---------------------------------------------------


def test_jobs_without_a_queue_prefer_is_ignored_and_jobs_are_404(client) -> None:
    r = client.post("/articles", json=article_body(), headers=ASYNC)
    assert r.status_code == 201
    assert "Preference-Applied" not in r.headers
    assert r.headers["Location"] == f"/articles/{r.json()['id']}"
    r = client.get(f"/jobs/{uuid.uuid4()}")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


# ---- the API side ------------------------------------------------------------------------


def test_jobs_respond_async_queues_the_validated_body(queue_client, job_queue, db) -> None:
    job_id = _post_async(queue_client, article_body(url="https://example.org/a"))
    r = queue_client.get(f"/jobs/{job_id}")
    assert r.status_code == 200
    assert r.json()["status"] == "queued"
    assert r.json()["article_id"] is None
    assert job_queue.queue.count == 1
    assert _count(db, "article") == 0  # nothing extracted or stored by the API

    # other preferences beside it, any case (RFC 7240)
    r = queue_client.post(
        "/articles", json=article_body(), headers={"Prefer": "wait=5, RESPOND-ASYNC"}
    )
    assert r.status_code == 202
    # without the preference the same server answers synchronously
    r = queue_client.post("/articles", json=article_body())
    assert r.status_code == 201
    assert r.json()["claim_count"] == 2

    # invalid bodies are refused before anything is queued
    r = queue_client.post("/articles", json={"title": "no text"}, headers=ASYNC)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert job_queue.queue.count == 2


@pytest.mark.parametrize("job_id", [str(uuid.uuid4()), "not-a-job", "rq:workers", "x" * 65])
def test_jobs_unknown_ids_are_problem_404(queue_client, job_id) -> None:
    r = queue_client.get(f"/jobs/{job_id}")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["status"] == 404


def test_jobs_queue_down_is_a_503_problem(db, settings) -> None:
    down = connect_queue("redis://127.0.0.1:8399/1")  # nothing listens there
    app = create_app(settings, db=db, extractor=fake_extract, job_queue=down)
    with TestClient(app) as c:
        r = c.post("/articles", json=article_body(), headers=ASYNC)
        assert r.status_code == 503
        assert r.headers["content-type"] == "application/problem+json"
        assert "job queue" in r.json()["detail"]
        assert c.get(f"/jobs/{uuid.uuid4()}").status_code == 503
    assert _count(db, "article") == 0


def test_jobs_worker_command_needs_a_queue_url(monkeypatch, capsys) -> None:
    monkeypatch.delenv("CLAIMTRAIL_QUEUE_URL", raising=False)
    monkeypatch.setenv("CLAIMTRAIL_QUEUE_URL", "")
    get_settings.cache_clear()
    try:
        assert cli.main(["worker", "--burst"]) == 2
    finally:
        get_settings.cache_clear()
    assert "CLAIMTRAIL_QUEUE_URL" in capsys.readouterr().err


# ---- real worker processes ---------------------------------------------------------------


def test_jobs_worker_runs_them_done_duplicate_and_failed(queue_client, workers, db) -> None:
    body = article_body(url="https://example.org/queued")
    first = _post_async(queue_client, body)
    again = _post_async(queue_client, body)
    bad = _post_async(queue_client, article_body(text="UNPARSEABLE gibberish"))
    workers.start("--burst").wait(60)

    done, dup, failed = _wait_all(queue_client, [first, again, bad], seconds=10)
    assert (done["status"], done["created"]) == ("done", True)
    assert (dup["status"], dup["created"]) == ("done", False)
    assert dup["article_id"] == done["article_id"]
    assert done["started_at"] <= done["ended_at"]
    article = queue_client.get(f"/articles/{done['article_id']}").json()
    assert article["url"] == "https://example.org/queued"
    assert article["claim_count"] == 2
    assert failed["status"] == "failed"
    assert failed["error"] == "the text could not be processed: no sentence found (at offset 0)"
    assert "Traceback" not in failed["error"]
    assert _count(db, "article") == 1


def _kill_inside_a_job(queue_client, workers, job_queue, job_ids, name, env) -> str:  # type: ignore[no-untyped-def]
    """Start a worker called ``name``, wait until it is inside a job while some job is done,
    kill it (SIGKILL) and return the id of the job it was in."""
    victim = workers.start("--name", name, **env)
    deadline = time.monotonic() + 60
    while True:
        assert time.monotonic() < deadline, "the victim never took a job"
        any_done = any(queue_client.get(f"/jobs/{j}").json()["status"] == "done" for j in job_ids)
        found = Worker.find_by_key(f"rq:worker:{name}", connection=job_queue.connection)
        current = found.get_current_job_id() if found else None
        if any_done and current:
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait(5)
            return current
        time.sleep(0.05)


def test_jobs_worker_killed_mid_job_leaves_a_retried_job_and_no_duplicate(
    queue_client, workers, job_queue, db, tmp_path
) -> None:
    bodies = [
        article_body(text=f"Ann Lee said that pier {n} is closed. Boats wait {n} hours.")
        for n in range(10)
    ]
    bodies += [bodies[3], bodies[7]]  # the same texts again: no duplicates either
    job_ids = [_post_async(queue_client, b) for b in bodies]
    slow = {"CLAIMTRAIL_TEST_EXTRACT_SECONDS": "0.8"}
    workers.start("--name", f"{workers.name}-survivor", **slow)
    # kill a worker inside a job (after at least one job is done); on a loaded machine the
    # job may finish between the look and the kill: then another victim tries again
    for attempt in range(3):
        killed_job = _kill_inside_a_job(
            queue_client, workers, job_queue, job_ids, f"{workers.name}-victim{attempt}", slow
        )
        if queue_client.get(f"/jobs/{killed_job}").json()["status"] == "running":
            break
    else:
        pytest.fail("every victim finished its job before it was killed")

    workers.start("--name", f"{workers.name}-fresh", **slow)
    jobs = _wait_all(queue_client, job_ids, seconds=90)
    assert [j["status"] for j in jobs] == ["done"] * len(bodies)
    assert jobs[10]["article_id"] == jobs[3]["article_id"]
    assert jobs[11]["article_id"] == jobs[7]["article_id"]
    assert len({j["article_id"] for j in jobs}) == 10
    assert _count(db, "article") == 10
    assert _count(db, "claim") == 20
    assert _claims(db) == _synchronous_claims(tmp_path, bodies, fake_extract)


@pytest.mark.model
def test_jobs_claimtrail_worker_with_the_model_stores_what_a_synchronous_ingest_does(
    fresh_database_url, redis_url, queue_name, job_queue, tmp_path, real_extractor
) -> None:
    # SQLite only: what differs between the databases is covered above with the fake
    # extractor; this is about the model in a `claimtrail worker` process.
    url = fresh_database_url("sqlite")
    command.upgrade(alembic_config(url), "head")
    db = Database(make_engine(url))
    settings = Settings(database_url=url, preload_model=False, api_keys=[])
    app = create_app(settings, db=db, extractor=fake_extract, job_queue=job_queue)
    bodies = [
        article_body(
            text="Mayor Ann Lee said on Monday that the harbour bridge will reopen in May. "
            '"We are nearly done," she told reporters.\n\n'
            "According to the port authority, 41 ships were delayed."
        ),
        article_body(
            text="The union warned that drivers would strike on Friday. Officials said "
            "talks would resume next week, a spokesman for the transport ministry added."
        ),
    ]
    workers = Workers(url, redis_url, queue_name)
    try:
        with TestClient(app) as client:
            job_ids = [_post_async(client, b) for b in bodies]
            assert workers.start("--burst", fake=False).wait(180) == 0
            jobs = _wait_all(client, job_ids, seconds=5)
        assert [j["status"] for j in jobs] == ["done", "done"]
        stored = _claims(db)
        assert len(stored) >= 4
        assert stored == _synchronous_claims(tmp_path, bodies, real_extractor)
    finally:
        workers.stop()
        db.dispose()

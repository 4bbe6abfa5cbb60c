"""Against a real uvicorn server: concurrent identical writes, and many more readers than
pooled connections (the fastapi#3205 deadlock of the tutorial session pattern)."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import sqlalchemy as sa
import uvicorn

from app.config import Settings
from app.db import Database, make_engine
from app.main import create_app
from tests.conftest import ROOT, empty_tables
from tests.factories import article_body, fake_extract

pytestmark = pytest.mark.slow


@contextmanager
def serve(database_url: str, *, pool_size: int, max_overflow: int) -> Iterator[str]:
    """The app on a free port in a background thread; yields its base URL."""
    db = Database(make_engine(database_url, pool_size=pool_size, max_overflow=max_overflow))
    empty_tables(db)
    app = create_app(
        Settings(database_url=database_url, preload_model=False), db=db, extractor=fake_extract
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="on", timeout_keep_alive=30)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()
        db.dispose()


def test_concurrency_same_articles_from_8_clients_stored_once(database_url: str) -> None:
    articles = [
        article_body(url=f"https://example.org/{i}") if i % 2 else article_body() for i in range(50)
    ]
    statuses: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(seed: int, base: str) -> None:
        order = articles[:]
        random.Random(seed).shuffle(order)
        with httpx.Client(base_url=base, timeout=60) as http:
            for body in order:
                try:
                    r = http.post("/articles", json=body)
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(repr(exc))
                    continue
                with lock:
                    statuses.append(r.status_code)
                    if r.status_code not in (200, 201):
                        errors.append(r.text)

    with serve(database_url, pool_size=5, max_overflow=5) as base:
        threads = [threading.Thread(target=client, args=(i, base)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert errors == []
    assert len(statuses) == 400
    assert statuses.count(201) == 50
    engine = make_engine(database_url, pool_size=1, max_overflow=0)
    with engine.connect() as conn:
        count = lambda sql: conn.execute(sa.text(sql)).scalar_one()  # noqa: E731
        assert count("SELECT count(*) FROM article") == 50
        assert count("SELECT count(*) FROM claim") == 100  # one set of two claims each
        assert (
            count("SELECT max(n) FROM (SELECT count(*) AS n FROM claim GROUP BY article_id) t") == 2
        )
        assert count("SELECT count(*) FROM source WHERE name = 'Maria Lopez'") == 1
        assert count("SELECT count(*) FROM source WHERE name = 'Port Authority'") == 1
    engine.dispose()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_process(database_url: str, *, pool_size: int) -> Iterator[str]:
    """``uvicorn app.main:create_app`` in its own process (its own GIL, like production)."""
    port = _free_port()
    env = {
        **os.environ,
        "CLAIMTRAIL_DATABASE_URL": database_url,
        "CLAIMTRAIL_DB_POOL_SIZE": str(pool_size),
        "CLAIMTRAIL_DB_MAX_OVERFLOW": "0",
        "CLAIMTRAIL_PRELOAD_MODEL": "false",
        "CLAIMTRAIL_API_KEYS": "",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90  # a cold import on a busy 2-core machine takes 15 s+
        while True:
            assert proc.poll() is None, "server exited"
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def test_concurrency_64_readers_on_5_connections_never_stall(database_url: str) -> None:
    clients, duration = 64, 3.0
    stamps: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    with (  # seed some data
        serve(database_url, pool_size=5, max_overflow=0) as base,
        httpx.Client(base_url=base, timeout=30) as http,
    ):
        ids = [http.post("/articles", json=article_body()).json()["id"] for _ in range(10)]
    limits = httpx.Limits(max_connections=clients * 2, max_keepalive_connections=clients * 2)
    with (
        serve_process(database_url, pool_size=5) as base,
        httpx.Client(base_url=base, timeout=30, limits=limits) as http,
    ):
        ready = threading.Barrier(clients + 1)
        start = stop = 0.0

        def reader(n: int) -> None:
            paths = ["/claims", "/sources", "/articles", f"/articles/{ids[n % 10]}/claims"]
            ready.wait()
            i = n
            while time.monotonic() < stop:
                try:
                    r = http.get(paths[i % len(paths)], params={"limit": 20})
                    ok = r.status_code == 200
                except httpx.HTTPError as exc:
                    ok, r = False, exc
                with lock:
                    stamps.append(time.monotonic())
                    if not ok:
                        failures.append(repr(r))
                i += 1

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(clients)]
        for t in threads:
            t.start()
        start = time.monotonic()
        stop = start + duration
        ready.wait()  # all 64 threads go at once
        for t in threads:
            t.join(60)
        assert not any(t.is_alive() for t in threads), "readers still blocked after 60 s"
    assert failures == []
    assert len(stamps) > clients
    times = sorted(stamps)
    # Starting 64 client threads takes a moment; after the first answer, every second has one,
    # up to the end of the run.
    assert times[0] - start < 5.0, "no response within 5 s"
    times = [*times, max(stop, times[-1])]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    worst = max(range(len(gaps)), key=gaps.__getitem__)
    assert gaps[worst] < 1.0, (
        f"{gaps[worst]:.2f} s without any response, after response {worst} of {len(stamps)}"
    )


def test_concurrency_posts_waiting_for_extraction_leave_threads_to_reads(db, settings) -> None:
    """60 POSTs wait for one slow extraction (more than the 40 threadpool threads): they
    wait on the event loop, so a read still gets a thread and answers at once."""
    from concurrent.futures import ThreadPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout

    from fastapi.testclient import TestClient

    gate, inside = threading.Event(), threading.Event()

    def blocking_extract(text, *, published_at, title):
        inside.set()
        gate.wait(60)
        return fake_extract(text, published_at=published_at, title=title)

    app = create_app(settings, db=db, extractor=blocking_extract)
    with TestClient(app) as client, ThreadPoolExecutor(61) as pool:
        posts = [pool.submit(client.post, "/articles", json=article_body()) for _ in range(60)]
        assert inside.wait(30)
        time.sleep(1)  # every POST has arrived and waits
        read = pool.submit(client.get, "/articles")
        try:
            assert read.result(timeout=15).status_code == 200
        except FutureTimeout:
            pytest.fail("a read waited for the extractions")
        finally:
            gate.set()
        assert sorted(f.result().status_code for f in posts) == [201] * 60
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM article")).scalar_one() == 60

"""`claimtrail serve --workers 2` on one SQLite file: two processes, each with its own pool,
write and read concurrently. WAL, BEGIN IMMEDIATE and the busy timeout keep it correct; no
lock inside one process can (issue 7)."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import sqlalchemy as sa

from tests.conftest import ROOT
from tests.factories import article_body

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_workers_two_processes_share_one_sqlite_file(tmp_path) -> None:
    url = f"sqlite:///{tmp_path}/workers.db"
    port = _free_port()
    env = {
        **os.environ,
        "CLAIMTRAIL_DATABASE_URL": url,
        "CLAIMTRAIL_PRELOAD_MODEL": "false",
        "CLAIMTRAIL_API_KEYS": "",
        "CLAIMTRAIL_LOG_LEVEL": "warning",
        "CLAIMTRAIL_DB_POOL_SIZE": "3",
        "CLAIMTRAIL_DB_MAX_OVERFLOW": "0",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    articles = [article_body(url=f"https://example.org/w{i}") for i in range(8)]
    statuses: list[int] = []
    errors: list[str] = []
    lock = threading.Lock()
    try:
        deadline = time.monotonic() + 120  # two cold imports on a busy machine
        while True:
            assert proc.poll() is None, "server exited"
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)

        def client(seed: int) -> None:
            order = articles[:]
            random.Random(seed).shuffle(order)
            # a new connection per request: the kernel spreads them over both workers
            for body in order:
                try:
                    r = httpx.post(f"{base}/articles", json=body, timeout=120)
                    page = httpx.get(f"{base}/claims", params={"limit": 5}, timeout=60)
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(repr(exc))
                    continue
                with lock:
                    statuses.append(r.status_code)
                    if r.status_code not in (200, 201) or page.status_code != 200:
                        errors.append(f"{r.status_code} {page.status_code} {r.text[:200]}")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        children = subprocess.run(
            ["ps", "--ppid", str(proc.pid), "-o", "args="], capture_output=True, text=True
        ).stdout
        workers = children.count("multiprocessing.spawn")
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait(5)
    assert workers == 2, children
    assert errors == []
    assert len(statuses) == 32
    assert statuses.count(201) == 8  # each article stored once, by whichever worker won
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        count = lambda sql: conn.execute(sa.text(sql)).scalar_one()  # noqa: E731
        assert count("SELECT count(*) FROM article") == 8
        assert count("SELECT count(DISTINCT article_id) FROM claim") == 8
        assert count("SELECT count(*) FROM source WHERE name = 'Maria Lopez'") == 1
    engine.dispose()

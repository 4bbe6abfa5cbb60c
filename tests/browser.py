"""Headless Chromium for tests: serve an app on a real port and read what a browser renders.

Debian's ``chromium`` (``.ci/run`` installs it when it is missing). Every run gets a fresh
profile and no network beyond 127.0.0.1: the host resolver answers NOTFOUND for every other
name, so a page that needs a CDN renders as it would on an air-gapped machine.

    with live_server(app) as base:
        dom = dump_dom(f"{base}/docs")
        screenshot(f"{base}/ui/", tmp_path / "search.png")
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    # Offline: nothing but the loopback address resolves or is reachable.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=direct://",
)


def chromium() -> str:
    """The Chromium binary; outside CI a missing browser skips the test, in CI it fails."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    reason = "headless Chromium not installed (apt-get install -y chromium; .ci/run does it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _run(args: Sequence[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def dump_dom(url: str, *, budget_ms: int = 15_000, timeout: float = 90) -> str:
    """The page's DOM after its scripts ran (up to ``budget_ms`` of virtual time)."""
    done = _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout=timeout)
    if done.returncode != 0 or not done.stdout.strip():
        raise AssertionError(f"chromium could not render {url}: {done.stderr[-2000:]}")
    return done.stdout


def screenshot(
    url: str,
    path: Path,
    *,
    size: tuple[int, int] = (1280, 1000),
    budget_ms: int = 10_000,
    timeout: float = 90,
) -> Path:
    """A PNG of the page at ``path`` (window ``size``), after its scripts ran."""
    path.parent.mkdir(parents=True, exist_ok=True)
    done = _run(
        [
            f"--window-size={size[0]},{size[1]}",
            f"--virtual-time-budget={budget_ms}",
            f"--screenshot={path}",
            url,
        ],
        timeout=timeout,
    )
    if done.returncode != 0 or not path.exists():
        raise AssertionError(f"chromium could not screenshot {url}: {done.stderr[-2000:]}")
    return path


@contextmanager
def live_server(app: Any, *, timeout: float = 20) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields the base URL."""
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)

"""`make run` serves where the settings say (CLAIMTRAIL_HOST / CLAIMTRAIL_PORT), and
`make run PORT=...` wins over them: started for real, probed over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _make_run(tmp_path: Path, *make_args: str, **env: str) -> Iterator[None]:
    environ = {
        **os.environ,
        "CLAIMTRAIL_DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "CLAIMTRAIL_PRELOAD_MODEL": "false",
        **env,
    }
    log = (tmp_path / "make-run.log").open("w")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "run", *make_args],
        cwd=ROOT,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        log.close()


def _docs_on(port: int, log: Path, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            r = httpx.get(f"http://127.0.0.1:{port}/docs", timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        assert r.status_code == 200
        return r.text
    raise AssertionError(f"nothing served on {port}: {log.read_text()[-2000:]}")


def test_make_run_serves_on_claimtrail_port(tmp_path: Path) -> None:
    port = _free_port()
    with _make_run(tmp_path, CLAIMTRAIL_PORT=str(port)):
        assert "Swagger UI" in _docs_on(port, tmp_path / "make-run.log")


def test_make_run_flags_win_and_only_command_line_ones(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMTRAIL_PORT": "9100", "PORT": "1234", "HOST": "example"}

    def serve_line(*args: str) -> str:
        out = subprocess.run(
            ["make", "--no-print-directory", "-n", "run", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return next(line for line in out.splitlines() if "claimtrail serve" in line)

    assert serve_line().split("claimtrail serve")[1].split() == []
    flagged = serve_line("PORT=9200", "HOST=0.0.0.0").split("claimtrail serve")[1].split()
    assert flagged == ["--host", "0.0.0.0", "--port", "9200"]

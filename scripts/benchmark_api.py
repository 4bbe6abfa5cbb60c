"""Requests/s and p50/p99 latency of each list endpoint at 1 and 64 connections, next to a
hello-world FastAPI app served the same way (same uvicorn, same worker count) in the same run.

    python scripts/benchmark_api.py --database-url sqlite:///data/claimtrail.db --workers 2

Starts `claimtrail serve --workers N` on the database (it must hold articles: load some with
`claimtrail ingest`) and `uvicorn bench_hello:app --workers N`, loads both with wrk when it is
installed (`apt-get install wrk`), else with a Python keep-alive load generator, and prints a
Markdown table: req/s, p50, p99, errors (socket errors, timeouts, non-2xx) and the share of the
hello-world req/s measured in the same block; then the CPU time the server's processes and wrk
spent per request, and the share of hello world's req/s that this CPU cost predicts when the
machine is CPU-bound (hello's server + wrk CPU per request / the endpoint's): on a machine other
sessions load, req/s follow their load while CPU per request moves much less. Then the servers'
RSS. Only 127.0.0.1 is loaded;
every run is bounded by --duration.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    server_cpu_us: float = float("nan")  # CPU of the server's processes per request
    client_cpu_us: float = float("nan")  # CPU of the load generator (wrk) per request

    @property
    def cpu_us(self) -> float:
        return self.server_cpu_us + self.client_cpu_us


# --- load generators ---------------------------------------------------------------------

_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * _UNIT[m.group(2)]


def run_wrk(url: str, connections: int, duration: float) -> Result:
    threads = min(2, connections)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\n\s+50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\n\s+99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    errors = 0
    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(g) for g in socket.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    return Result(rps, p50, p99, errors, requests)


async def _python_load(host: str, port: int, path: str, connections: int, duration: float):
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + duration
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()

    async def one_connection() -> None:
        nonlocal errors
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            errors += 1
            return
        try:
            while time.perf_counter() < stop:
                start = time.perf_counter()
                writer.write(request)
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
                status = int(head.split(b" ", 2)[1])
                length = re.search(rb"(?i)content-length:\s*(\d+)", head)
                await reader.readexactly(int(length.group(1)) if length else 0)
                latencies.append((time.perf_counter() - start) * 1000)
                if not 200 <= status < 400:
                    errors += 1
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            errors += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(one_connection() for _ in range(connections)))
    return latencies, errors, time.perf_counter() - started


def run_python(url: str, connections: int, duration: float) -> Result:
    m = re.match(r"http://([^:/]+):(\d+)(/.*)", url)
    assert m, url
    latencies, errors, elapsed = asyncio.run(
        _python_load(m.group(1), int(m.group(2)), m.group(3), connections, duration)
    )
    latencies.sort()
    if not latencies:
        return Result(0.0, float("nan"), float("nan"), errors, 0)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    return Result(len(latencies) / elapsed, pct(0.50), pct(0.99), errors, len(latencies))


# --- servers -----------------------------------------------------------------------------


def start(cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cmd, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL
    )


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited ({proc.returncode}): {url}")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"server not ready after {timeout:.0f} s: {url}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def _tree(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True)
    rows = [tuple(int(x) for x in line.split()) for line in out.stdout.splitlines() if line]
    tree, grew = {pid}, True
    while grew:
        grew = False
        for p, pp in rows:
            if pp in tree and p not in tree:
                tree.add(p)
                grew = True
    return tree


_TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pids: set[int]) -> float:
    """User + system CPU seconds used so far by these processes (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / _TICK


def measured(load, url: str, connections: int, duration: float, server: set[int]) -> Result:
    """``load`` with the CPU time the server and the load generator spent per request: on a
    shared machine req/s follow the other sessions' load, CPU per request much less."""
    server_before = tree_cpu_seconds(server)
    children = os.times()
    client_before = children.children_user + children.children_system
    result = load(url, connections, duration)
    children = os.times()
    client = children.children_user + children.children_system - client_before
    n = max(1, result.requests)
    result.server_cpu_us = (tree_cpu_seconds(server) - server_before) / n * 1e6
    if load is run_wrk:
        result.client_cpu_us = client / n * 1e6
    return result


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children = {pid}
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True)
    rows = [tuple(int(x) for x in line.split()) for line in out.stdout.splitlines() if line]
    grew = True
    while grew:
        grew = False
        for p, pp, _ in rows:
            if pp in children and p not in children:
                children.add(p)
                grew = True
    return sum(rss for p, _, rss in rows if p in children) / 1024


# --- the run -----------------------------------------------------------------------------


def endpoints(url: str, q: str) -> dict[str, str]:
    """The list endpoints, on ids and words taken from the database."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        source_id, name = conn.execute(
            sa.text(
                "SELECT s.id, s.name FROM source s JOIN claim c ON c.source_id = s.id "
                "GROUP BY s.id, s.name ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
        article_id = conn.execute(
            sa.text(
                "SELECT article_id FROM claim GROUP BY article_id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar_one()
    engine.dispose()
    prefix = re.findall(r"\w+", name)[0][:3]
    return {
        "/claims": "/claims",
        f"/claims?q={q}": f"/claims?q={quote(q)}",
        "/claims?source_id=": f"/claims?source_id={source_id}",
        "/sources": "/sources",
        f"/sources?q={prefix}": f"/sources?q={quote(prefix)}",
        "/sources/{id}/claims": f"/sources/{source_id}/claims",
        "/articles": "/articles",
        "/articles/{id}/claims": f"/articles/{article_id}/claims",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CLAIMTRAIL_DATABASE_URL"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", default="1,64", help="comma-separated")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per endpoint and level")
    parser.add_argument("--port", type=int, default=8200, help="claimtrail; hello gets +1")
    parser.add_argument("--q", default="president", help="a common word for /claims?q=")
    parser.add_argument("--only", help="comma-separated endpoint labels to run")
    parser.add_argument("--python-client", action="store_true", help="never use wrk")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set CLAIMTRAIL_DATABASE_URL")
    use_wrk = shutil.which("wrk") is not None and not args.python_client
    load = run_wrk if use_wrk else run_python
    levels = [int(c) for c in args.connections.split(",")]
    paths = endpoints(args.database_url, args.q)
    if args.only:
        paths = {k: v for k, v in paths.items() if k in args.only.split(",")}

    env = {
        **os.environ,
        "CLAIMTRAIL_DATABASE_URL": args.database_url,
        "CLAIMTRAIL_LOG_LEVEL": "warning",
    }
    app_port, hello_port = args.port, args.port + 1
    workers = ["--workers", str(args.workers)]
    app = start([sys.executable, "-m", "app.cli", "serve", "--port", str(app_port), *workers], env)
    # The same uvicorn settings `claimtrail serve` uses (app/cli.py).
    hello = start(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench_hello:app",
            "--app-dir",
            str(SCRIPTS),
            "--port",
            str(hello_port),
            "--no-access-log",
            "--loop",
            "auto",
            "--http",
            "auto",
            "--timeout-worker-healthcheck",
            "60",
            "--log-level",
            "warning",
            *workers,
        ],
        env,
    )
    try:
        base, hello_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{hello_port}/hello"
        wait_ready(f"{base}/ready", app)
        wait_ready(hello_url, hello)
        for path in paths.values():  # warm every worker's caches and statement shapes
            load(base + path, 4, 1.0)
        print(
            f"# {args.workers} workers, {'wrk' if use_wrk else 'python client'}, "
            f"{args.duration:.0f} s a run, {args.database_url}\n"
        )
        app_tree, hello_tree = _tree(app.pid), _tree(hello.pid)
        print(
            "| endpoint | conns | req/s | p50 ms | p99 ms | errors | % of hello "
            "| server CPU µs/req | wrk CPU µs/req | % of hello by CPU |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for conns in levels:
            hello_runs = [measured(load, hello_url, conns, args.duration, hello_tree)]
            block: list[tuple[str, Result]] = []
            for label, path in paths.items():
                for _ in range(args.repeat):
                    r = measured(load, base + path, conns, args.duration, app_tree)
                    block.append((label, r))
            hello_runs.append(measured(load, hello_url, conns, args.duration, hello_tree))
            ceiling = statistics.mean(r.rps for r in hello_runs)
            hello_cpu = statistics.mean(r.cpu_us for r in hello_runs)
            rows = [("hello world", r) for r in hello_runs] + block
            for label, r in rows:
                name = label if label == "hello world" else f"`{label}`"
                print(
                    f"| {name} | {conns} | {r.rps:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} | "
                    f"{r.errors} | {100 * r.rps / ceiling:.1f} | {r.server_cpu_us:,.0f} | "
                    f"{r.client_cpu_us:,.0f} | {100 * hello_cpu / r.cpu_us:.1f} |",
                    flush=True,
                )
        print(
            f"\nRSS of `claimtrail serve --workers {args.workers}`: {tree_rss_mb(app.pid):,.0f} MB"
        )
        print(f"RSS of the hello-world server: {tree_rss_mb(hello.pid):,.0f} MB")
    finally:
        stop(app)
        stop(hello)
    return 0


if __name__ == "__main__":
    sys.exit(main())

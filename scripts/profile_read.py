"""CPU per request of the read endpoints, in process: many ASGI calls straight into the app
(no socket, no HTTP parsing: what one worker spends on a request beyond uvicorn), next to a
hello-world FastAPI app called the same way.

    python scripts/profile_read.py --database-url sqlite:////tmp/bench.db [-n 2000]
    python scripts/profile_read.py --database-url ... --only /claims --profile   # pyinstrument

The figure is process CPU time (time.process_time) per request, so other processes on a
shared machine move it little; the best of --repeat rounds is printed. On SQLite the same
page asked again is a kept page (app/api/fast.py): CLAIMTRAIL_READ_CACHE_BYTES=0 measures the
page read every time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


async def call(app, path: str) -> tuple[int, int]:
    """One GET through the ASGI app; (status, body bytes)."""
    parts = urlsplit(path)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    sent = False
    status = 0
    size = 0

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message):
        nonlocal status, size
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))

    await app(scope, receive, send)
    return status, size


async def measure(app, path: str, n: int, concurrency: int) -> float:
    """CPU seconds per request over n requests, `concurrency` at a time."""
    status, _ = await call(app, path)
    if status != 200:
        raise SystemExit(f"{path}: status {status}")
    for _ in range(20):
        await call(app, path)
    start = time.process_time()
    done = 0

    async def worker() -> None:
        nonlocal done
        while done < n:
            done += 1
            await call(app, path)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return (time.process_time() - start) / done


def endpoints(url: str) -> dict[str, str]:
    from benchmark_api import endpoints as bench_endpoints

    return bench_endpoints(url, "president")


async def main_async(args) -> None:
    from app.config import Settings
    from app.main import create_app

    settings = Settings(database_url=args.database_url, preload_model=False)
    app = create_app(settings)
    from bench_hello import app as hello

    paths = endpoints(args.database_url)
    if args.only:
        paths = {k: v for k, v in paths.items() if k in args.only.split(",")}
    async with app.router.lifespan_context(app):
        if args.profile:
            from pyinstrument import Profiler

            for label, path in paths.items():
                await measure(app, path, 200, args.concurrency)
                profiler = Profiler(interval=0.0002, async_mode="disabled")
                profiler.start()
                await measure(app, path, args.n, args.concurrency)
                profiler.stop()
                print(f"===== {label}")
                print(profiler.output_text(unicode=False, color=False, show_all=args.show_all))
            return
        print(f"| endpoint | CPU µs per request (best of {args.repeat}, n={args.n}) |")
        print("|---|---|")
        hello_us = min(
            [await measure(hello, "/hello", args.n, args.concurrency) for _ in range(args.repeat)]
        )
        print(f"| hello world | {hello_us * 1e6:,.0f} |", flush=True)
        for label, path in paths.items():
            best = min(
                [await measure(app, path, args.n, args.concurrency) for _ in range(args.repeat)]
            )
            print(f"| `{label}` | {best * 1e6:,.0f} |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CLAIMTRAIL_DATABASE_URL"))
    parser.add_argument("-n", type=int, default=2000, help="requests per round")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight")
    parser.add_argument("--only", help="comma-separated endpoint labels")
    parser.add_argument("--profile", action="store_true", help="pyinstrument, one round")
    parser.add_argument("--show-all", action="store_true", help="every frame in --profile")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set CLAIMTRAIL_DATABASE_URL")
    asyncio.run(main_async(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Latency of each query class over one keep-alive connection, on a seed_scale.py database.

    python scripts/seed_scale.py --claims 1000000 --database-url URL > seed.json
    python scripts/benchmark_queries.py --database-url URL --info seed.json

Serves the database with `claimtrail serve --workers 1` and asks, one request after another on
one connection, each query class --requests times: the first page of /claims, a page deep in
its cursor chain, the largest source's claims, a common and a rare full-text word, a month of
said_on, a source-name prefix, one claim, the first page of /sources (claim counts and dates
of each source), the largest source's detail, the first page of /articles and one article's
claims. Prints p50, p99 and the slowest, in milliseconds. The server keeps no list pages
(CLAIMTRAIL_READ_CACHE_BYTES=0): every request reads the database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_api import start, stop, wait_ready  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CLAIMTRAIL_DATABASE_URL"))
    parser.add_argument("--info", required=True, help="the JSON line seed_scale.py printed")
    parser.add_argument("--requests", type=int, default=200, help="per query class")
    parser.add_argument("--deep", type=int, default=200, help="pages down the cursor chain")
    parser.add_argument("--port", type=int, default=8230)
    args = parser.parse_args()
    lines = Path(args.info).read_text().strip().splitlines()
    info = json.loads(lines[-1])
    env = {
        **os.environ,
        "CLAIMTRAIL_DATABASE_URL": args.database_url,
        "CLAIMTRAIL_PRELOAD_MODEL": "false",
        "CLAIMTRAIL_LOG_LEVEL": "warning",
        # the queries, not the list pages a serve process keeps while nothing changes (SQLite)
        "CLAIMTRAIL_READ_CACHE_BYTES": "0",
    }
    server = start(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(args.port), "--workers", "1"],
        env,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_ready(f"{base}/ready", server)
        with httpx.Client(base_url=base, timeout=60) as http:
            cursor = None
            for _ in range(args.deep):
                page = http.get("/claims", params={"cursor": cursor} if cursor else {}).json()
                cursor = page["next_cursor"]
            rng = random.Random(1)
            n_claims = int(info["claims"])
            classes = {
                "first page": lambda: ("/claims", {}),
                f"page {args.deep + 1} of the cursor chain": lambda: (
                    "/claims",
                    {"cursor": cursor},
                ),
                "largest source": lambda: (f"/sources/{info['largest_source_id']}/claims", {}),
                f"common word ({info['common_word']})": lambda: (
                    "/claims",
                    {"q": info["common_word"]},
                ),
                f"rare word ({info['rare_word']})": lambda: ("/claims", {"q": info["rare_word"]}),
                "a month (said_from/said_to)": lambda: (
                    "/claims",
                    {"said_from": "2019-03-01", "said_to": "2019-03-31"},
                ),
                f"source-name prefix ({info['source_prefix']})": lambda: (
                    "/sources",
                    {"q": info["source_prefix"]},
                ),
                "one claim": lambda: (f"/claims/{rng.randint(1, n_claims)}", {}),
                "sources, first page (with claim counts)": lambda: ("/sources", {}),
                "largest source, its detail": lambda: (
                    f"/sources/{info['largest_source_id']}",
                    {},
                ),
                "articles, first page": lambda: ("/articles", {}),
                "one article's claims": lambda: (
                    f"/articles/{rng.randint(1, int(info['articles']))}/claims",
                    {},
                ),
            }
            print(f"# {n_claims:,} claims, {args.database_url.split(':')[0]}, one connection\n")
            print("| query class | p50 ms | p99 ms | max ms |")
            print("|---|---|---|---|")
            for label, make in classes.items():
                path, params = make()
                http.get(path, params=params)  # warm
                times = []
                for _ in range(args.requests):
                    path, params = make()
                    t0 = time.perf_counter()
                    r = http.get(path, params=params)
                    times.append((time.perf_counter() - t0) * 1000)
                    if r.status_code != 200:
                        raise SystemExit(f"{path} {params}: {r.status_code} {r.text[:200]}")
                times.sort()
                p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
                print(
                    f"| {label} | {statistics.median(times):.1f} | {p99:.1f} | {times[-1]:.1f} |",
                    flush=True,
                )
    finally:
        stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())

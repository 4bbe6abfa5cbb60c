"""Memory and speed of the CSV/NDJSON exports of GET /claims: flat memory at any size.

Usage: python scripts/benchmark_export.py [--sizes 10000,100000] [--port 8590]
                                          [--database-url postgresql+psycopg://.../db]

For each size N it fills a fresh database (a SQLite file in a temporary directory, or the
given PostgreSQL database, emptied first) with N claims over N/20 articles and 200
sources, starts ``claimtrail serve`` on it as a separate process (model preload off), then
streams ``GET /claims`` once as CSV and once as NDJSON and counts the rows. While it
streams, it samples the server's resident memory (VmRSS in /proc) every 20 ms.

Prints one line per size and format: rows, seconds, rows/s, MB/s, the server's RSS before
the export and its peak during it (VmHWM, the kernel's high-water mark). Constant memory
means the peak does not grow with N: compare the 10k and 100k lines.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from app.cli import upgrade_database  # noqa: E402
from app.db import make_engine  # noqa: E402
from app.models import Article, Claim, Quantity, Source  # noqa: E402
from app.services.identity import name_key as source_key  # noqa: E402

CLAIMS_PER_ARTICLE = 20
SOURCES = 200
SENTENCE = (
    "{who}, a spokesperson of the port authority, said on Monday that at least {n} ships "
    "were delayed by fog near the harbour entrance, and that crews would work overnight. "
)


def _fill(url: str, n_claims: int) -> None:
    """N claims with sources, spans, dates and a quantity each; written with the ORM in
    large batches (fast, and model defaults of columns added later still apply)."""
    upgrade_database(url)
    engine = make_engine(url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    with Session(engine) as session:
        for table in ("quantity", "claim", "source_alias", "source", "article"):
            session.execute(sa.text(f"DELETE FROM {table}"))
        sources = [
            Source(name=f"Speaker {i:03d}", key=source_key(f"Speaker {i:03d}"), type="person")
            for i in range(SOURCES)
        ]
        session.add_all(sources)
        session.flush()
        n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
        for a in range(n_articles):
            published = date(2024, 1, 1) + timedelta(days=a % 300)
            speakers = [rng.choice(sources) for _ in range(CLAIMS_PER_ARTICLE)]
            parts = [SENTENCE.format(who=s.name, n=a + i) for i, s in enumerate(speakers)]
            text = "".join(parts)
            article = Article(
                url=f"https://example.org/bench/{a}",
                title=f"Harbour report {a}",
                publisher=f"Publisher {a % 7}",
                published_at=published,
                text=text,
                content_sha256=f"{a:064x}",
                ingested_at=now,
                claim_count=CLAIMS_PER_ARTICLE,
            )
            session.add(article)
            session.flush()
            offset = 0
            claims = []
            for s, part in zip(speakers, parts, strict=True):
                cue = offset + part.index(" said")
                content = offset + part.index("at least")
                end = offset + len(part) - 2
                claims.append(
                    Claim(
                        article_id=article.id,
                        source_id=s.id,
                        kind="indirect",
                        text=text[content:end],
                        content_start=content,
                        content_end=end,
                        content_text=text[content:end],
                        content_fragments=[[content, end]],
                        cue_start=cue + 1,
                        cue_end=cue + 5,
                        cue_text="said",
                        source_mention_start=offset,
                        source_mention_end=offset + len(s.name),
                        source_mention_text=s.name,
                        said_on=published - timedelta(days=1),
                        said_on_precision="day",
                        said_on_text="on Monday",
                        confidence=0.8,
                        sort_date=published - timedelta(days=1),
                    )
                )
                offset += len(part)
            session.add_all(claims)
            session.flush()
            for i, claim in enumerate(claims):
                q = f"at least {a + i}"
                session.add(
                    Quantity(
                        claim_id=claim.id,
                        value=float(a + i),
                        qualifier="at least",
                        unit="ships",
                        span_start=claim.content_start,
                        span_end=claim.content_start + len(q),
                        span_text=q,
                    )
                )
            if a % 200 == 199:
                session.commit()
        session.commit()
    engine.dispose()


def _rss_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _serve(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CLAIMTRAIL_DATABASE_URL": url,
        "CLAIMTRAIL_PRELOAD_MODEL": "false",
        "CLAIMTRAIL_LOG_LEVEL": "warning",
    }
    cmd = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def _export(port: int, pid: int, accept: str) -> tuple[int, float, int]:
    """Rows, seconds, bytes of one streamed export (the client reads and drops it)."""
    lines = 0
    size = 0
    start = time.perf_counter()
    with httpx.stream(
        "GET", f"http://127.0.0.1:{port}/claims", headers={"Accept": accept}, timeout=600
    ) as r:
        r.raise_for_status()
        for chunk in r.iter_bytes():
            lines += chunk.count(b"\n")
            size += len(chunk)
    seconds = time.perf_counter() - start
    rows = lines - 1 if accept == "text/csv" else lines  # the CSV header row
    return rows, seconds, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--port", type=int, default=8590)
    parser.add_argument("--database-url", help="PostgreSQL database to fill (emptied first)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'claims':>8} {'format':>7} {'rows':>8} {'s':>6} {'rows/s':>8} {'MB/s':>6} "
        f"{'rss_before_MB':>13} {'peak_rss_MB':>11}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            url = args.database_url or f"sqlite:///{tmp}/export-{n}.db"
            t0 = time.perf_counter()
            _fill(url, n)
            print(f"# filled {n} claims in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            server = _serve(url, args.port)
            try:
                # warm up the code paths (imports, first queries) before measuring
                httpx.get(f"http://127.0.0.1:{args.port}/claims?limit=50", timeout=60)
                httpx.get(f"http://127.0.0.1:{args.port}/claims?format=csv&kind=belief")
                for accept, label in (("text/csv", "csv"), ("application/x-ndjson", "ndjson")):
                    before = _rss_kb(server.pid, "VmRSS")
                    peak = [before]
                    done = threading.Event()

                    def sample(
                        pid: int = server.pid, peak: list[int] = peak, done: threading.Event = done
                    ) -> None:
                        while not done.wait(0.02):
                            peak[0] = max(peak[0], _rss_kb(pid, "VmRSS"))

                    sampler = threading.Thread(target=sample, daemon=True)
                    sampler.start()
                    rows, seconds, size = _export(args.port, server.pid, accept)
                    done.set()
                    sampler.join()
                    peak_kb = max(peak[0], _rss_kb(server.pid, "VmHWM"))
                    assert rows == n, f"{label}: {rows} rows for {n} claims"
                    print(
                        f"{n:>8} {label:>7} {rows:>8} {seconds:>6.2f} {rows / seconds:>8.0f} "
                        f"{size / seconds / 1e6:>6.1f} {before / 1024:>13.1f} "
                        f"{peak_kb / 1024:>11.1f}",
                        flush=True,
                    )
            finally:
                server.send_signal(signal.SIGINT)
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``claimtrail ingest --workers N`` against ``--workers 1``: time, peak memory, same claims.

Usage: python scripts/benchmark_ingest.py TEXT_DIR [--workers 1 2] [--repeat N]

For each worker count, runs ``claimtrail ingest TEXT_DIR -q --workers N`` as a child process
into a fresh SQLite database in a temporary directory (migrations included in the time,
as a user sees it), and prints per run:

* wall seconds, CPU seconds of the command and its pool (user + system), articles/s;
* peak RSS of the whole process tree (the command and its pool processes, summed), sampled
  from /proc every 50 ms;
* the number of articles and claims stored, and a SHA-256 over every claim's content
  (article text hash, kind, content/cue/source-mention spans, source name and type, date,
  confidence, quantities) that ignores row ids, so runs that store the same claims in a
  different order still compare equal.

The last lines give the speed-up of each worker count over the first one and whether every
run stored the same claims. Nothing of TEXT_DIR is copied.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
CLAIMTRAIL = Path(sys.executable).with_name("claimtrail")


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids += [int(k) for k in f.read().split()]
    except OSError:
        pass
    return kids


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kib(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, in KiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kib(p)
        todo += _children(p)
    return total


CLAIMS_SQL = """
SELECT a.content_sha256, c.kind, c.content_start, c.content_end, c.cue_start, c.cue_end,
       c.source_mention_start, c.source_mention_end, s.name, s.type, c.said_on,
       c.said_on_precision, c.confidence,
       (SELECT group_concat(q.value || ' ' || coalesce(q.unit, '') || ' ' || q.span_start, ';')
          FROM quantity q WHERE q.claim_id = c.id)
FROM claim c JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id
"""


def content_hash(url: str) -> tuple[int, int, str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        articles = conn.execute(sa.text("SELECT count(*) FROM article")).scalar_one()
        rows = sorted(repr(tuple(r)) for r in conn.execute(sa.text(CLAIMS_SQL)))
    engine.dispose()
    return articles, len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()


def run(text_dir: str, workers: int) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp(prefix="claimtrail-bench-"))
    url = f"sqlite:///{tmp}/bench.db"
    env = {**os.environ, "CLAIMTRAIL_DATABASE_URL": url}
    # absolute: the command runs in the temporary directory
    cmd = [
        str(CLAIMTRAIL),
        "ingest",
        str(Path(text_dir).resolve()),
        "-q",
        "--workers",
        str(workers),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=tmp, stdout=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its pool
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out = proc.stdout.read().strip() if proc.stdout else ""
    articles, claims, digest = content_hash(url)
    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "workers": workers,
        "seconds": seconds,
        "cpu": cpu,
        "articles": articles,
        "claims": claims,
        "hash": digest,
        "peak_mib": peak / 1024,
        "exit": proc.returncode,
        "summary": out.splitlines()[0] if out else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("text_dir")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not CLAIMTRAIL.exists():
        print(f"no {CLAIMTRAIL}: run inside the project venv", file=sys.stderr)
        return 2
    runs = []
    print(
        f"{'workers':>7} {'seconds':>8} {'CPU s':>6} {'art/s':>6} {'peak MiB':>8} {'articles':>8} "
        f"{'claims':>6}  hash  (summary)"
    )
    for _ in range(args.repeat):
        for workers in args.workers:
            r = run(args.text_dir, workers)
            runs.append(r)
            print(
                f"{r['workers']:>7} {r['seconds']:>8.2f} {r['cpu']:>6.1f} "
                f"{r['articles'] / r['seconds']:>6.2f} "
                f"{r['peak_mib']:>8.0f} {r['articles']:>8} {r['claims']:>6}  "
                f"{str(r['hash'])[:16]}  ({r['summary']}, exit {r['exit']})",
                flush=True,
            )
    best = {w: min(float(r["seconds"]) for r in runs if r["workers"] == w) for w in args.workers}
    base = args.workers[0]
    for w in args.workers[1:]:
        print(
            f"speed-up --workers {w} over --workers {base} (best runs): {best[base] / best[w]:.2f}x"
        )
    same = len({(r["articles"], r["claims"], r["hash"]) for r in runs}) == 1
    print(f"same articles, claims and content hash in every run: {'yes' if same else 'NO'}")
    return 0 if same and all(r["exit"] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())

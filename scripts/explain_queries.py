"""The query plans of each query class of benchmark_queries.py, on a seed_scale.py database.

    python scripts/explain_queries.py --database-url URL --info seed.json [--analyze]

Calls the read services as the routes do, records every SQL statement they run (with its
values) and prints the database's plan for each: ``EXPLAIN QUERY PLAN`` on SQLite,
``EXPLAIN`` (``EXPLAIN (ANALYZE, BUFFERS)`` with --analyze) on PostgreSQL. A plan that scans
a whole table, sorts every match or counts every claim of a source is what to look for.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import db as app_db  # noqa: E402
from app.db import Database, make_engine  # noqa: E402
from app.pagination import PageParams  # noqa: E402
from app.services import articles, claims, sources  # noqa: E402
from app.services.claims import ClaimFilters  # noqa: E402

Statement = tuple[str, Any]


def recording(db: Database) -> list[Statement]:
    """Record every statement ``db`` runs, through the driver-level cursor or SQLAlchemy."""
    seen: list[Statement] = []
    execute, execute_text = app_db.Cursor.execute, app_db.Cursor.execute_text

    def on_execute(self: Any, sql: Any, values: dict[str, Any]) -> Any:
        merged = {**sql.fixed, **values}
        if sql.names is None:
            seen.append((sql.text, merged))
        else:
            params = [merged[n] for n in sql.names]
            if self.is_sqlite:
                params = [v.isoformat() if isinstance(v, date) else v for v in params]
            seen.append((sql.text, params))
        return execute(self, sql, values)

    def on_execute_text(self: Any, text: str, params: Any) -> Any:
        seen.append((text, params))
        return execute_text(self, text, params)

    app_db.Cursor.execute = on_execute  # type: ignore[method-assign]
    app_db.Cursor.execute_text = on_execute_text  # type: ignore[method-assign]

    @sa.event.listens_for(db.engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "SAVEPOINT", "RELEASE")):
            seen.append((statement, parameters))

    return seen


def plan(db: Database, statement: Statement, analyze: bool) -> str:
    text, params = statement
    raw = db.engine.raw_connection()
    try:
        cur = raw.driver_connection.cursor()  # type: ignore[union-attr]
        if db.is_sqlite:
            cur.execute(f"EXPLAIN QUERY PLAN {text}", params)
            return "\n".join(f"  {'  ' * 0}{row[3]}" for row in cur.fetchall())
        prefix = "EXPLAIN (ANALYZE, BUFFERS)" if analyze else "EXPLAIN"
        cur.execute(f"{prefix} {text}", params)
        return "\n".join(f"  {row[0]}" for row in cur.fetchall())
    finally:
        raw.rollback()
        raw.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("CLAIMTRAIL_DATABASE_URL"))
    parser.add_argument("--info", required=True, help="the JSON line seed_scale.py printed")
    parser.add_argument("--analyze", action="store_true", help="PostgreSQL: run them too")
    args = parser.parse_args()
    info = json.loads(Path(args.info).read_text().strip().splitlines()[-1])
    db = Database(make_engine(args.database_url, pool_size=1, max_overflow=0))
    page = PageParams(limit=50, cursor=None)
    deep = page
    for _ in range(20):  # a page down the cursor chain
        cursor = claims.list_claims(db, page=deep, filters=ClaimFilters())["next_cursor"]
        deep = PageParams(limit=50, cursor=cursor)
    largest = int(info["largest_source_id"])
    classes: dict[str, Callable[[], Any]] = {
        "first page": lambda: claims.list_claims(db, page=page, filters=ClaimFilters()),
        "a page deep in the cursor chain": lambda: claims.list_claims(
            db, page=deep, filters=ClaimFilters()
        ),
        "largest source": lambda: sources.list_source_claims(
            db, source_id=largest, page=page, filters=ClaimFilters()
        ),
        "common word": lambda: claims.list_claims(
            db, page=page, filters=ClaimFilters(q=info["common_word"])
        ),
        "rare word": lambda: claims.list_claims(
            db, page=page, filters=ClaimFilters(q=info["rare_word"])
        ),
        "a month": lambda: claims.list_claims(
            db,
            page=page,
            filters=ClaimFilters(said_from=date(2019, 3, 1), said_to=date(2019, 3, 31)),
        ),
        "source-name prefix": lambda: sources.list_sources(db, page=page, q=info["source_prefix"]),
        "one claim": lambda: claims.get_claim(db, claim_id=int(info["claims"]) // 2),
        "sources, first page": lambda: sources.list_sources(db, page=page),
        "largest source, its detail": lambda: sources.get_source(db, source_id=largest),
        "articles, first page": lambda: articles.list_articles(db, page=page),
        "one article's claims": lambda: articles.list_article_claims(
            db, article_id=int(info["articles"]) // 2, page=page
        ),
    }
    seen = recording(db)
    for label, run in classes.items():
        seen.clear()
        run()
        statements = list(seen)
        print(f"## {label}")
        for statement in statements:
            one_line = " ".join(statement[0].split())
            print(f"\n{one_line[:300]}{' ...' if len(one_line) > 300 else ''}")
            print(plan(db, statement, args.analyze))
        print()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

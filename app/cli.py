"""The ``claimtrail`` command: ``serve`` (migrate, then serve), ``ingest``, ``reextract``,
``migrate`` and ``worker`` (run queued ingest jobs)."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.config import Settings, get_settings

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
SUFFIXES = {".txt", ".json", ".ndjson", ".jsonl", ".html", ".htm"}


def upgrade_database(url: str) -> None:
    """Apply every migration to ``url`` (alembic upgrade head)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["url"] = url
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


@dataclass(slots=True)
class Record:
    label: str  # "path" or "path:line"
    data: dict[str, Any] | None = None
    error: str | None = None


def _records(path: Path, defaults: dict[str, Any]) -> Iterator[Record]:
    label = str(path)
    suffix = path.suffix.lower()  # NOTES.TXT and feed.JSON are common on shared drives
    if not path.exists():
        yield Record(label, error="no such file or directory")
        return
    if suffix not in SUFFIXES:
        yield Record(label, error=f"unsupported file type {path.suffix or '(none)'}")
        return
    if suffix in (".html", ".htm"):
        # A saved web page: its article is extracted as from a fetched one. Saved pages come
        # in many encodings; the page's own <meta charset> decides, as in a browser.
        from app.services.webpage import decode_html

        try:
            yield Record(label, {**defaults, "html": decode_html(path.read_bytes(), None)})
        except OSError as exc:
            yield Record(label, error=f"cannot read: {exc}")
        return
    try:
        # utf-8-sig: a byte order mark (Windows editors) is not part of the article, and
        # json.loads refuses it ("Unexpected UTF-8 BOM").
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield Record(label, error=f"cannot read: {exc}")
        return
    if suffix == ".txt":
        yield Record(label, {**defaults, "text": raw})
        return
    if suffix == ".json":
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Record(label, error=f"invalid JSON: {exc}")
            return
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items, 1):
            where = f"{label}[{i}]" if isinstance(value, list) else label
            if isinstance(item, dict):
                yield Record(where, {**defaults, **item})
            else:
                yield Record(where, error="not a JSON object")
        return
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(f"{label}:{n}", error=f"invalid JSON: {exc.msg}")
            continue
        if isinstance(item, dict):
            yield Record(f"{label}:{n}", {**defaults, **item})
        else:
            yield Record(f"{label}:{n}", error="not a JSON object")


def _url_records(path: Path, defaults: dict[str, Any]) -> Iterator[Record]:
    """One record a line of a file of URLs (blank lines and # comments skipped)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Record(str(path), error=f"cannot read: {exc}")
        return
    for n, line in enumerate(lines, 1):
        url = line.strip()
        if url and not url.startswith("#"):
            yield Record(f"{path}:{n}", {**defaults, "url": url})


def _expand(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


@dataclass(slots=True)
class Summary:
    ingested: int = 0
    present: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def _validation_message(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()
    )


def default_workers() -> int:
    """The CPUs this process may run on (cgroup/affinity aware where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# Extraction results are written in batches: one transaction for up to BATCH_SIZE articles,
# or whatever is ready after BATCH_SECONDS, so a slow stream still lands steadily.
BATCH_SIZE = 32
BATCH_SECONDS = 2.0

_pool_extractor: Any = None


def _init_pool_worker(config: Any) -> None:
    """Runs once in each pool process: load the model there (never in the parent)."""
    global _pool_extractor
    from app.services.ingest import make_extractor, preload_extraction

    preload_extraction(config)
    _pool_extractor = make_extractor(config)


def _ready_in_pool() -> None:
    """A task that only makes the pool start its processes (and load their model) now."""


def _prepare_in_pool(article: Any) -> tuple[Any, str | None]:
    """(PreparedArticle, None) or (None, why): errors cross back as text, not pickled
    exception objects (AppError subclasses carry keyword-only state)."""
    return _prepare(article, _pool_extractor)


def _prepare(article: Any, extractor: Any) -> tuple[Any, str | None]:
    from app.errors import AppError
    from app.services.ingest import prepare_article

    try:
        return prepare_article(article, extractor=extractor), None
    except AppError as exc:
        return None, exc.detail
    except Exception as exc:  # one bad record must not stop a batch load
        return None, f"{exc.__class__.__name__}: {exc}"


class _InlineExecutor:
    """``--workers 1``: the same pipeline, extraction in this process."""

    def __init__(self, extractor: Any) -> None:
        self.extractor = extractor

    def submit(self, fn: Any, article: Any) -> Future[tuple[Any, str | None]]:
        future: Future[tuple[Any, str | None]] = Future()
        future.set_result(_prepare(article, self.extractor))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def _executor(settings: Settings, workers: int) -> Any:
    if workers == 1:
        from app.services.ingest import make_extractor

        return _InlineExecutor(make_extractor(settings.extraction_config()))
    methods = multiprocessing.get_all_start_methods()
    # fork: the children start with the parent's imports (≈ 1 s per child less than spawn);
    # the parent has loaded no model and the children never touch its database handles.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_pool_worker,
        initargs=(settings.extraction_config(),),
    )


def start_extraction(settings: Settings, workers: int) -> Any:
    """The extraction pool (or, for one worker, this process's extractor), started now: its
    processes import spaCy and load the model while this one migrates and reads the input
    (≈ 2 s each, which would otherwise come before any article is extracted)."""
    executor = _executor(settings, workers)
    if workers > 1:
        executor.submit(_ready_in_pool)  # a fork pool starts every process on the first task
    return executor


def ingest_files(
    settings: Settings,
    paths: Sequence[str],
    defaults: dict[str, Any],
    *,
    url_files: Sequence[str] = (),
    progress: bool = True,
    workers: int = 1,
    executor: Any = None,
) -> Summary:
    """Ingest every record of ``paths`` and every page listed in ``url_files`` into the
    configured database, extracting in ``workers`` processes and writing from this one, in
    input order, in batches. Pages are fetched here, one at a time, under the configured
    fetch policy. ``executor`` (from ``start_extraction``) is used and shut down if given."""
    from tqdm import tqdm

    from app.db import database_from_settings
    from app.errors import AppError
    from app.models import ArticleCreate
    from app.services.ingest import (
        PreparedArticle,
        article_fields,
        find_article,
        store_article,
        store_articles,
    )

    records = [r for path in _expand(paths) for r in _records(path, defaults)]
    records += [r for name in url_files for r in _url_records(Path(name), defaults)]
    fetch = settings.fetch_policy()
    link = settings.link_appearances
    summary = Summary()
    db = database_from_settings(settings)
    if executor is None:
        executor = start_extraction(settings, workers)
    # In flight: (label, future) in input order; a window of a few per worker keeps every
    # process busy without holding the whole corpus in memory.
    in_flight: deque[tuple[str, Future[tuple[Any, str | None]]]] = deque()
    window = 4 * workers
    batch: list[tuple[str, PreparedArticle]] = []
    batch_started = time.monotonic()

    def flush() -> None:
        nonlocal batch_started
        if not batch:
            return
        try:
            results = store_articles(db, prepared=[p for _, p in batch], link=link)
        except Exception:
            # One article the database refuses must not cost the others: one by one.
            results = []
            for label, prepared in batch:
                try:
                    results.append(store_article(db, prepared=prepared, link=link))
                except Exception as exc:
                    summary.failed.append((label, f"{exc.__class__.__name__}: {exc}"))
        for result in results:
            if result.created:
                summary.ingested += 1
            else:
                summary.present += 1
        batch.clear()
        batch_started = time.monotonic()

    def collect_one(bar: Any) -> None:
        label, future = in_flight.popleft()
        prepared, why = future.result()
        if prepared is None:
            summary.failed.append((label, why or "failed"))
        else:
            if not batch:
                nonlocal batch_started
                batch_started = time.monotonic()
            batch.append((label, prepared))
            if len(batch) >= BATCH_SIZE or time.monotonic() - batch_started >= BATCH_SECONDS:
                flush()
        bar.update()

    try:
        with tqdm(total=len(records), desc="ingest", unit="article", disable=not progress) as bar:
            for record in records:
                if record.error is not None or record.data is None:
                    summary.failed.append((record.label, record.error or "empty"))
                    bar.update()
                    continue
                try:
                    article = ArticleCreate.model_validate(record.data)
                except ValidationError as exc:
                    summary.failed.append((record.label, _validation_message(exc)))
                    bar.update()
                    continue
                if find_article(db, article=article) is not None:
                    summary.present += 1
                    bar.update()
                    continue
                try:
                    fields = article_fields(article, fetch=fetch)
                except AppError as exc:
                    summary.failed.append((record.label, exc.detail))
                    bar.update()
                    continue
                in_flight.append((record.label, executor.submit(_prepare_in_pool, fields)))
                while len(in_flight) >= window:
                    collect_one(bar)
            while in_flight:
                collect_one(bar)
            flush()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        db.dispose()
    return summary


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    upgrade_database(settings.database_url)  # once, before any worker starts
    workers = args.workers or settings.workers
    # Each worker process builds its own app (and its own connection pool) from the same
    # settings; uvloop and httptools come with uvicorn[standard] and "auto" picks them.
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        workers=workers,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=settings.log_level,
        access_log=settings.access_log,
        loop="auto",
        http="auto",
        # uvicorn pings each worker and kills one that does not answer within this time; its
        # default (5 s) killed workers still importing on a busy 2-core machine, forever.
        timeout_worker_healthcheck=60,
    )
    return 0


def _cmd_migrate(args: argparse.Namespace) -> int:
    upgrade_database(get_settings().database_url)
    print("database is at the latest migration")
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    settings = get_settings()
    defaults = {
        k: v
        for k, v in {"publisher": args.publisher, "published_at": args.published_at}.items()
        if v is not None
    }
    workers = args.workers if args.workers is not None else default_workers()
    if not args.paths and not args.urls:
        print("claimtrail ingest: give files or directories, or --urls FILE", file=sys.stderr)
        return 2
    # The pool first: its processes load the model while this one migrates the database.
    executor = start_extraction(settings, workers) if workers > 1 else None
    try:
        upgrade_database(settings.database_url)
    except BaseException:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        raise
    summary = ingest_files(
        settings,
        args.paths,
        defaults,
        url_files=args.urls or (),
        progress=not args.quiet,
        workers=workers,
        executor=executor,
    )
    print(
        f"ingested: {summary.ingested}, already present: {summary.present}, "
        f"failed: {len(summary.failed)}"
    )
    for label, why in summary.failed:
        print(f"  failed {label}: {why}")
    return 1 if summary.failed else 0


def _cmd_worker(args: argparse.Namespace) -> int:
    from app.services.jobs import run_worker

    settings = get_settings()
    if not settings.queue_url:
        print(
            "claimtrail: set CLAIMTRAIL_QUEUE_URL (e.g. redis://127.0.0.1:6379/0) to the "
            "queue the API enqueues to",
            file=sys.stderr,
        )
        return 2
    return run_worker(settings, burst=args.burst, name=args.name)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


@dataclass(slots=True)
class ReextractSummary:
    articles: int = 0
    claims_before: int = 0
    claims_after: int = 0
    kept_ids: int = 0
    reapplied: int = 0
    unmatched: int = 0
    pruned: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def reextract_articles(
    settings: Settings, ids: Sequence[int] | None, *, progress: bool = True
) -> ReextractSummary:
    """Re-run extraction and resolution over stored articles (all when ``ids`` is None),
    one transaction per article, keeping people's corrections; after ``--all``, drop the
    sources nothing refers to any more."""
    from tqdm import tqdm

    from app.db import database_from_settings
    from app.errors import AppError
    from app.services.ingest import make_extractor
    from app.services.reextract import article_ids, prune_sources, reextract_article

    summary = ReextractSummary()
    db = database_from_settings(settings)
    extractor = make_extractor(settings.extraction_config())
    try:
        todo = article_ids(db, ids=ids)
        for article_id in tqdm(todo, desc="reextract", unit="article", disable=not progress):
            try:
                done = reextract_article(
                    db,
                    article_id=article_id,
                    extractor=extractor,
                    link=settings.link_appearances,
                )
            except AppError as exc:
                summary.failed.append((f"article {article_id}", exc.detail))
                continue
            except Exception as exc:  # one bad article must not stop the run
                summary.failed.append((f"article {article_id}", f"{exc.__class__.__name__}: {exc}"))
                continue
            summary.articles += 1
            summary.claims_before += done.claims_before
            summary.claims_after += done.claims_after
            summary.kept_ids += done.kept_ids
            summary.reapplied += done.reapplied
            summary.unmatched += done.unmatched
        if ids is None:
            summary.pruned = prune_sources(db)
    finally:
        db.dispose()
    return summary


def _cmd_reextract(args: argparse.Namespace) -> int:
    from app.errors import AppError

    settings = get_settings()
    upgrade_database(settings.database_url)
    try:
        s = reextract_articles(
            settings, None if args.all else args.article, progress=not args.quiet
        )
    except AppError as exc:
        print(f"claimtrail: {exc.detail}", file=sys.stderr)
        return 2
    print(
        f"reextracted: {s.articles} articles, claims {s.claims_before} -> {s.claims_after} "
        f"({s.kept_ids} kept their id), corrections re-applied: {s.reapplied}, "
        f"without counterpart: {s.unmatched}, unused sources removed: {s.pruned}, "
        f"failed: {len(s.failed)}"
    )
    for label, why in s.failed:
        print(f"  failed {label}: {why}")
    return 1 if s.failed else 0


def _cmd_appearances(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from app.db import database_from_settings
    from app.services import appearances

    settings = get_settings()
    upgrade_database(settings.database_url)
    db = database_from_settings(settings)
    try:
        with tqdm(desc="appearances", unit="article", disable=args.quiet) as bar:
            articles, claims = appearances.backfill(db, rebuild=args.rebuild, progress=bar.update)
    finally:
        db.dispose()
    print(f"appearances: indexed {claims} claims of {articles} articles")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrail", description="Claim provenance for news: who said what, when."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="apply the migrations, then serve the HTTP API")
    serve.add_argument("--host", help="interface to bind (default CLAIMTRAIL_HOST, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default CLAIMTRAIL_PORT, 8000)")
    serve.add_argument(
        "--workers",
        type=int,
        help="server processes (default CLAIMTRAIL_WORKERS, the number of CPUs)",
    )
    serve.set_defaults(func=_cmd_serve)
    migrate = sub.add_parser("migrate", help="apply the migrations to the configured database")
    migrate.set_defaults(func=_cmd_migrate)
    ingest = sub.add_parser(
        "ingest",
        help="ingest .txt (one article), .json (an object or a list), .ndjson and .html "
        "(a saved web page) files, and web pages listed in a file of URLs",
    )
    ingest.add_argument("paths", nargs="*", help="files or directories")
    ingest.add_argument(
        "--urls",
        action="append",
        metavar="FILE",
        help="a file with one URL a line (# comments): each page is fetched and ingested",
    )
    ingest.add_argument("--publisher", help="default publisher for records without one")
    ingest.add_argument("--published-at", help="default publication date (YYYY-MM-DD)")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ingest.add_argument(
        "-w",
        "--workers",
        type=_positive_int,
        help="extraction processes (default: the number of CPUs)",
    )
    ingest.set_defaults(func=_cmd_ingest)
    worker = sub.add_parser(
        "worker",
        help="run queued ingest jobs (POST /articles with Prefer: respond-async) until stopped",
    )
    worker.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    worker.add_argument("--name", help="worker name (default: host and pid)")
    worker.set_defaults(func=_cmd_worker)
    reextract = sub.add_parser(
        "reextract",
        help="re-run extraction and source resolution over stored articles, keeping "
        "people's corrections",
    )
    which = reextract.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every stored article")
    which.add_argument("--article", type=int, nargs="+", metavar="ID", help="these articles (ids)")
    reextract.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    reextract.set_defaults(func=_cmd_reextract)
    appearances = sub.add_parser(
        "appearances",
        help="index the stored claims not indexed yet for appearances (claims stored before "
        "the appearances migration, or with CLAIMTRAIL_LINK_APPEARANCES=false)",
    )
    appearances.add_argument(
        "--rebuild", action="store_true", help="drop the whole index first and rebuild it"
    )
    appearances.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    appearances.set_defaults(func=_cmd_appearances)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from sqlalchemy.exc import OperationalError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except OperationalError as exc:
        # The usual first-run mistake (database down, wrong URL): one line, not a traceback.
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"claimtrail: cannot use the database: {reason}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

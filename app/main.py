"""The FastAPI application: routers, problem+json errors, body limit, operation ids."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api import articles, claims, figures, health, jobs, sources
from app.api.deps import reject_nul_query
from app.api.fast import FastReads, reads_inline
from app.config import Settings, get_settings
from app.db import Database, database_from_settings
from app.errors import BodyLimitMiddleware, install_error_handlers
from app.services.ingest import Extractor, make_extractor, preload_extraction
from app.services.jobs import JobQueue, queue_from_settings
from app.ui import routes as ui

log = logging.getLogger("claimtrail")

DESCRIPTION = """\
Claimtrail ingests news articles and answers **who said what, when**.

Every claim is grounded in the article: `content`, `cue` and `source_mention` are
`{start, end, text}` spans of the article text exactly as it was submitted
(`text == article.text[start:end]`, Python str offsets). Sources are resolved across
articles; `said_on` is resolved against the article's `published_at`.

Lists answer `{"items": [...], "next_cursor": ...}` (keyset pagination: pass
`next_cursor` back as `cursor`; `limit` defaults to 50, at most 500). Errors answer
`application/problem+json` (RFC 9457). Unknown JSON fields and query parameters are
ignored. When API keys are configured, `POST`, `PATCH` and `DELETE` need `X-API-Key`.

People correct the source directory: `PATCH /sources/{id}` (a JSON merge patch of `name`,
`type`, `role`, `affiliation_id`, `wikidata_id`), `POST /sources/{id}/merge` (`{"into": id}`;
the merged id then answers `308 Permanent Redirect` to the target on every `/sources/{id}`
path) and `PATCH /claims/{id}` (`{"source_id": id}`). Corrections are recorded with their
time and kept by later ingests and by `claimtrail reextract`.
"""

TAGS = [
    {"name": "articles", "description": "Ingest articles and read them back."},
    {"name": "claims", "description": "Who said what, when, grounded in spans."},
    {"name": "sources", "description": "The directory of sources, resolved across articles."},
    {"name": "figures", "description": "The ledger of figures (tolls, counts) by source and date."},
    {
        "name": "jobs",
        "description": "Asynchronous ingest (`Prefer: respond-async`, when a job queue is "
        "configured): the state of a queued article.",
    },
    {"name": "health", "description": "Liveness and readiness."},
]


class HeadAsGetMiddleware:
    """Answer HEAD like GET, without the body (RFC 9110 §9.3.2: general-purpose servers
    must support HEAD). FastAPI's routes are GET-only, so HEAD /health answered 405 and
    monitors that probe with HEAD (UptimeRobot's default) saw the service as down."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


# What the schema cannot say through the route signatures: NUL is refused in every query
# string (PostgreSQL cannot hold it), cursors are base64url, and the largest `limit` is a
# setting (page_max_limit), not a constant.
_NO_NUL = "^[^\\u0000]*$"
_BASE64URL = "^[A-Za-z0-9_-]*$"


def _branches(schema: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    branches = schema.get("anyOf", [schema])
    return [b for b in branches if b.get("type") == kind]


def _document_query_rules(app: FastAPI, settings: Settings) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        schema = generate()
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for param in operation.get("parameters", []):
                    if param.get("in") != "query":
                        continue
                    if param["name"] == "limit":
                        for branch in _branches(param["schema"], "integer"):
                            branch["maximum"] = settings.page_max_limit
                    for branch in _branches(param["schema"], "string"):
                        if param["name"] == "cursor":
                            branch["pattern"] = _BASE64URL
                        elif "format" not in branch:
                            branch.setdefault("pattern", _NO_NUL)
        body = schema.get("components", {}).get("schemas", {}).get("ArticleCreate", {})
        for prop in body.get("properties", {}).values():
            for branch in _branches(prop, "string"):
                if "format" not in branch:
                    branch.setdefault("pattern", _NO_NUL)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def database_threads(database: Database, settings: Settings) -> int:
    """Threads for sync routes: the connections the pool can hand out (at least 4)."""
    pool = database.engine.pool
    size = getattr(pool, "size", None)
    if not callable(size):  # SQLite in memory: one shared connection (StaticPool)
        return max(4, settings.db_pool_size)
    return max(4, int(size()) + max(0, int(getattr(pool, "_max_overflow", 0))))


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    extractor: Extractor | None = None,
    job_queue: JobQueue | None = None,
    fast_reads: bool = True,
) -> FastAPI:
    """Build the app. Tests pass their own settings, database, (fake) extractor, queue;
    ``fast_reads=False`` leaves every list request to FastAPI's routes (app.api.fast)."""
    settings = settings or get_settings()
    owns_db = db is None
    database = db or database_from_settings(settings)
    owns_queue = job_queue is None
    queue = job_queue or queue_from_settings(settings)
    extraction_config = settings.extraction_config()
    preload = extractor is None and settings.preload_model

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Sync routes run in anyio's thread pool (40 threads by default). Each holds at most
        # one pooled connection, so as many threads as connections means no thread ever
        # waits for the pool, and no more threads fight over the GIL than can do work.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = database_threads(database, settings)
        if preload:
            try:
                await run_in_threadpool(preload_extraction, extraction_config)
            except Exception:  # the first POST will report it; reads still work
                log.exception("could not preload the extraction model")
        yield
        if owns_db:
            database.dispose()
        if owns_queue and queue is not None:
            queue.close()

    # Swagger UI and ReDoc from the static files fastapi-offline ships (FastAPI's defaults load
    # them from a public CDN: blank pages on a machine without internet). No validator badge:
    # Swagger UI would ask validator.swagger.io about every schema.
    app = FastAPIOffline(
        title="Claimtrail",
        version="1.0.0",
        summary="Claim provenance for news: who said what, when.",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
        dependencies=[Depends(reject_nul_query)],
        static_url="/docs/assets",
        swagger_ui_parameters={"validatorUrl": None},
    )
    app.state.settings = settings
    app.state.db = database
    app.state.extractor = extractor or make_extractor(extraction_config)
    app.state.jobs = queue
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(HeadAsGetMiddleware)
    if fast_reads:  # outermost of ours: a list GET it answers touches nothing else
        app.add_middleware(FastReads, db=database, settings=settings, inline=reads_inline(database))
    for module in (articles, claims, sources, figures, jobs, health):
        app.include_router(module.router)
    app.include_router(ui.router)
    _document_query_rules(app, settings)
    return app

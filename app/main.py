"""The FastAPI application: routers, problem+json errors, body limit, operation ids."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from app.api import articles, claims, health, sources
from app.api.deps import reject_nul_query
from app.config import Settings, get_settings
from app.db import Database, database_from_settings
from app.errors import BodyLimitMiddleware, install_error_handlers
from app.services.ingest import Extractor, make_extractor, preload_extraction

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
ignored. When API keys are configured, `POST` and `DELETE` need `X-API-Key`.
"""

TAGS = [
    {"name": "articles", "description": "Ingest articles and read them back."},
    {"name": "claims", "description": "Who said what, when, grounded in spans."},
    {"name": "sources", "description": "The directory of sources, resolved across articles."},
    {"name": "health", "description": "Liveness and readiness."},
]


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    extractor: Extractor | None = None,
) -> FastAPI:
    """Build the app. Tests pass their own settings, database and (fake) extractor."""
    settings = settings or get_settings()
    owns_db = db is None
    database = db or database_from_settings(settings)
    extraction_config = settings.extraction_config()
    preload = extractor is None and settings.preload_model

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if preload:
            try:
                await run_in_threadpool(preload_extraction, extraction_config)
            except Exception:  # the first POST will report it; reads still work
                log.exception("could not preload the extraction model")
        yield
        if owns_db:
            database.dispose()

    app = FastAPI(
        title="Claimtrail",
        version="1.0.0",
        summary="Claim provenance for news: who said what, when.",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
        dependencies=[Depends(reject_nul_query)],
    )
    app.state.settings = settings
    app.state.db = database
    app.state.extractor = extractor or make_extractor(extraction_config)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    for module in (articles, claims, sources, health):
        app.include_router(module.router)
    return app

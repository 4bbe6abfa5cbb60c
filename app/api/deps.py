"""Dependencies shared by the routers. None of them yields: sessions are opened and
closed inside the services (see app/db.py for why)."""

from __future__ import annotations

import secrets
from typing import Annotated

from anyio import CapacityLimiter
from fastapi import Depends, Header, Path, Request

from app.config import Settings
from app.db import Database
from app.errors import InvalidInput, Unauthorized, UnsupportedMediaType
from app.services.ingest import Extractor
from app.services.jobs import JobQueue


async def get_db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


async def get_request_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_extractor(request: Request) -> Extractor:
    return request.app.state.extractor  # type: ignore[no-any-return]


async def get_jobs(request: Request) -> JobQueue | None:
    return request.app.state.jobs  # type: ignore[no-any-return]


async def get_extraction_limiter(request: Request) -> CapacityLimiter:
    """One extraction at a time per process (under the GIL two would interleave, not run
    side by side). Requests waiting for it wait on the event loop, not in a threadpool
    thread that reads need; processes (serve workers) extract in parallel."""
    state = request.app.state
    limiter: CapacityLimiter | None = getattr(state, "extraction_limiter", None)
    if limiter is None:  # made on the event loop, on first use (no await in between)
        limiter = state.extraction_limiter = CapacityLimiter(1)
    return limiter


DbDep = Annotated[Database, Depends(get_db)]
JobsDep = Annotated[JobQueue | None, Depends(get_jobs)]
ExtractionLimiterDep = Annotated[CapacityLimiter, Depends(get_extraction_limiter)]
SettingsDep = Annotated[Settings, Depends(get_request_settings)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]


async def reject_nul_query(request: Request) -> None:
    """NUL cannot reach a query on PostgreSQL: refuse it in every query parameter (422)."""
    for name, value in request.query_params.multi_items():
        if "\x00" in value:
            raise InvalidInput(
                "query parameters must not contain NUL (U+0000) characters",
                loc=("query", name),
                type_="string_pattern_mismatch",
            )


async def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[
        str | None,
        Header(description="Required for writes when CLAIMTRAIL_API_KEYS is set."),
    ] = None,
) -> None:
    if not settings.api_keys:
        return
    if x_api_key is None:
        raise Unauthorized("this operation needs an X-API-Key header")
    given = x_api_key.encode()
    if not any(secrets.compare_digest(given, key.encode()) for key in settings.api_keys):
        raise Unauthorized("the X-API-Key is not valid")


async def require_json(request: Request) -> None:
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media != "application/json" and not (
        media.startswith("application/") and media.endswith("+json")
    ):
        raise UnsupportedMediaType(
            f"send the article as application/json (got {media or 'no content type'})"
        )


# Ids are not bounded in the signature: an id no row can have is a 404, not a 422.
ArticleId = Annotated[int, Path(description="Article id.", examples=[1])]
ClaimId = Annotated[int, Path(description="Claim id.", examples=[7])]
SourceId = Annotated[int, Path(description="Source id.", examples=[3])]

"""/sources: the directory of who speaks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.api.claims import ClaimFiltersDep
from app.api.deps import DbDep, SettingsDep, SourceId
from app.api.examples import CLAIM_EXAMPLE, SOURCE_EXAMPLE, json_example, page_example
from app.api.export import (
    VARY,
    AcceptH,
    ExportFormat,
    FormatQ,
    stream_claims,
    wanted_format,
    with_exports,
)
from app.api.responses import JSONBody
from app.errors import problem_responses
from app.extraction.types import SourceType
from app.models import ClaimPublic, Page, SourcePublic
from app.pagination import PageDep
from app.services import sources as source_service

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get(
    "",
    summary="List sources",
    response_model=Page[SourcePublic],
    responses={200: json_example(page_example(SOURCE_EXAMPLE)), **problem_responses(422, 503)},
)
def list_sources(
    db: DbDep,
    page: PageDep,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=500,
            description="Words of the name or of an alias (prefixes match: `Mill`).",
        ),
    ] = None,
    type: Annotated[SourceType | None, Query(description="Kind of source.")] = None,
) -> Response:
    """Sources ordered by name (case-insensitively)."""
    return JSONBody(
        source_service.list_sources(db, page=page, q=q, type=type.value if type else None)
    )


@router.get(
    "/{source_id}",
    summary="Read a source",
    response_model=SourcePublic,
    responses={200: json_example(SOURCE_EXAMPLE), **problem_responses(404, 422, 503)},
)
def read_source(db: DbDep, source_id: SourceId) -> Response:
    """One source with its aliases, role, affiliation and claim statistics."""
    return JSONBody(source_service.get_source(db, source_id=source_id))


@router.get(
    "/{source_id}/claims",
    summary="Claims of a source",
    response_model=Page[ClaimPublic],
    responses={
        200: with_exports(json_example(page_example(CLAIM_EXAMPLE))),
        **problem_responses(404, 422, 503),
    },
)
def list_source_claims(
    db: DbDep,
    settings: SettingsDep,
    source_id: SourceId,
    filters: ClaimFiltersDep,
    page: PageDep,
    format: FormatQ = None,
    accept: AcceptH = None,
) -> Response:
    """What one source said, newest first, with the filters of `GET /claims`; CSV or
    NDJSON of every match like `GET /claims`."""
    fmt = wanted_format(accept, format)
    if fmt is not ExportFormat.json:
        return stream_claims(
            lambda p: source_service.list_source_claims(
                db, source_id=source_id, page=p, filters=filters
            ),
            fmt=fmt,
            name=f"source-{source_id}-claims",
            batch_size=settings.export_batch_size,
            cursor=page.cursor,
        )
    return JSONBody(
        source_service.list_source_claims(db, source_id=source_id, page=page, filters=filters),
        headers=VARY,
    )

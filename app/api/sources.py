"""/sources: the directory of who speaks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request, Response

from app.api.claims import ClaimFiltersDep
from app.api.deps import DbDep, SettingsDep, SourceId, require_api_key, require_json
from app.api.examples import (
    CLAIM_EXAMPLE,
    SOURCE_DETAIL_EXAMPLE,
    SOURCE_EXAMPLE,
    json_example,
    page_example,
)
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
from app.db import Database
from app.errors import problem_responses
from app.extraction.types import SourceType
from app.models import (
    ClaimPublic,
    Page,
    SourceDetail,
    SourceMerge,
    SourcePublic,
    SourceUpdate,
)
from app.pagination import PageDep
from app.services import corrections
from app.services import sources as source_service

router = APIRouter(prefix="/sources", tags=["sources"])


def request_path(request: Request) -> str:
    """The request's path and query, as a 308's Location keeps them."""
    path = request.url.path
    if request.url.query:
        path = f"{path}?{request.url.query}"
    return path


def _follow(request: Request, db: Database, source_id: int) -> None:
    """404 for a source that never was; 308 to the target for one merged into another.
    Called inside the route, so that bad query parameters still answer 422 first."""
    corrections.check_source(db, source_id=source_id, path=request_path(request))


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
    response_model=SourceDetail,
    responses={
        200: json_example(SOURCE_DETAIL_EXAMPLE),
        **problem_responses(308, 404, 422, 503),
    },
)
def read_source(request: Request, db: DbDep, source_id: SourceId) -> Response:
    """One source with its aliases, role, affiliation and claim statistics, the forms it was
    seen under with counts (`seen_as`) and its roles over time (`roles`). A source merged
    into another answers `308 Permanent Redirect` to the target (`Location`), on every
    `/sources/{id}` path."""
    _follow(request, db, source_id)
    return JSONBody(source_service.get_source(db, source_id=source_id))


@router.get(
    "/{source_id}/claims",
    summary="Claims of a source",
    response_model=Page[ClaimPublic],
    responses={
        200: with_exports(json_example(page_example(CLAIM_EXAMPLE))),
        **problem_responses(308, 404, 422, 503),
    },
)
def list_source_claims(
    request: Request,
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
    path = request_path(request)
    fmt = wanted_format(accept, format)
    if fmt is not ExportFormat.json:
        corrections.check_source(db, source_id=source_id, path=path)
        return stream_claims(
            lambda p: source_service.list_source_claims(
                db, source_id=source_id, page=p, filters=filters, path=path
            ),
            fmt=fmt,
            name=f"source-{source_id}-claims",
            batch_size=settings.export_batch_size,
            cursor=page.cursor,
        )
    return JSONBody(
        source_service.list_source_claims(
            db, source_id=source_id, page=page, filters=filters, path=path
        ),
        headers=VARY,
    )


_WRITE = [Depends(require_api_key), Depends(require_json)]


@router.patch(
    "/{source_id}",
    summary="Correct a source",
    response_model=SourceDetail,
    dependencies=_WRITE,
    responses={
        200: json_example(SOURCE_DETAIL_EXAMPLE),
        **problem_responses(308, 401, 404, 409, 413, 415, 422, 503),
    },
)
def update_source(
    request: Request,
    db: DbDep,
    source_id: SourceId,
    patch: Annotated[
        SourceUpdate,
        Body(
            openapi_examples={
                "rename": {"summary": "Rename", "value": {"name": "Hillary Clinton"}},
                "role": {"summary": "Set the role", "value": {"role": "secretary of state"}},
                "clear": {"summary": "Clear the affiliation", "value": {"affiliation_id": None}},
            }
        ),
    ],
) -> Response:
    """Correct a source with a JSON merge patch (RFC 7396; `application/json` or
    `application/merge-patch+json`): `name`, `type`, `role`, `affiliation_id`,
    `wikidata_id`; `null` clears the last three. Each change is recorded with its time and
    kept by later ingests and `claimtrail reextract` (a renamed source keeps its name, and
    its old name leads later mentions to it). A name another source has answers 409 (merge
    them instead); unknown fields answer 422. A merged source's id answers 308 to the
    target."""
    _follow(request, db, source_id)
    corrections.update_source(db, source_id=source_id, changes=patch.changes())
    return JSONBody(source_service.get_source(db, source_id=source_id))


@router.post(
    "/{source_id}/merge",
    summary="Merge a source into another",
    response_model=SourceDetail,
    dependencies=_WRITE,
    responses={
        200: json_example(SOURCE_DETAIL_EXAMPLE, "The target, with the merged source's claims."),
        **problem_responses(308, 401, 404, 409, 413, 415, 422, 503),
    },
)
def merge_source(request: Request, db: DbDep, source_id: SourceId, merge: SourceMerge) -> Response:
    """The two are one entity: the claims and aliases of this source move to `into`, its
    name becomes an alias there (later ingests of it land on `into`), and its id answers
    from now on with `308 Permanent Redirect` to the target. `into` may itself be a merged
    source (chains resolve to the last target). Merging a source into itself answers 409;
    an `into` that does not exist, 422. Answers the target."""
    _follow(request, db, source_id)
    target = corrections.merge_sources(db, source_id=source_id, into=merge.into)
    return JSONBody(source_service.get_source(db, source_id=target))

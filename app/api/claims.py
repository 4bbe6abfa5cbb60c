"""/claims: who said what, when."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Response

from app.api.deps import ClaimId, DbDep, SettingsDep, require_api_key, require_json
from app.api.examples import CLAIM_EXAMPLE, MILLER_EXAMPLE, json_example, page_example
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
from app.extraction.types import AttributionKind
from app.models import AppearancesPublic, ClaimPublic, ClaimUpdate, Page
from app.models.common import IsoDate
from app.pagination import PageDep
from app.services import appearances as appearance_service
from app.services import claims as claim_service
from app.services import corrections
from app.services.claims import ClaimFilters

router = APIRouter(prefix="/claims", tags=["claims"])

SourceIdQ = Annotated[int | None, Query(description="Only this source's claims.")]
SourceQ = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=500,
        description="Source name or alias (case- and apostrophe-insensitive).",
    ),
]
SaidFromQ = Annotated[
    IsoDate | None,
    Query(description="said_on on or after (YYYY-MM-DD); undated claims drop out."),
]
SaidToQ = Annotated[IsoDate | None, Query(description="said_on on or before (YYYY-MM-DD).")]
TextQ = Annotated[
    str | None,
    Query(min_length=1, max_length=500, description="Full-text search in the claim's content."),
]
KindQ = Annotated[AttributionKind | None, Query(description="Kind of claim.")]
ArticleIdQ = Annotated[int | None, Query(description="Only this article's claims.")]
PublisherQ = Annotated[
    str | None, Query(max_length=300, description="Exact publisher of the article.")
]


async def claim_filters(
    said_from: SaidFromQ = None,
    said_to: SaidToQ = None,
    q: TextQ = None,
    kind: KindQ = None,
    article_id: ArticleIdQ = None,
    publisher: PublisherQ = None,
) -> ClaimFilters:
    """The filters shared by `GET /claims` and `GET /sources/{id}/claims`."""
    return ClaimFilters(
        said_from=said_from,
        said_to=said_to,
        q=q,
        kind=kind.value if kind else None,
        article_id=article_id,
        publisher=publisher,
    )


ClaimFiltersDep = Annotated[ClaimFilters, Depends(claim_filters)]


@router.get(
    "",
    summary="Search claims",
    response_model=Page[ClaimPublic],
    responses={
        200: with_exports(json_example(page_example(CLAIM_EXAMPLE))),
        **problem_responses(422, 503),
    },
)
def list_claims(
    db: DbDep,
    settings: SettingsDep,
    filters: ClaimFiltersDep,
    page: PageDep,
    source_id: SourceIdQ = None,
    source: SourceQ = None,
    format: FormatQ = None,
    accept: AcceptH = None,
) -> Response:
    """Claims newest first: by said_on, else the article's publication date (else the day
    it was ingested), then newest id. All filters combine (AND). With `Accept: text/csv`
    or `application/x-ndjson` (or `format=`), every match streamed, unpaged."""
    filters = replace(filters, source_id=source_id, source=source)
    fmt = wanted_format(accept, format)
    if fmt is not ExportFormat.json:
        return stream_claims(
            lambda p: claim_service.list_claims(db, page=p, filters=filters),
            fmt=fmt,
            name="claims",
            batch_size=settings.export_batch_size,
            cursor=page.cursor,
        )
    return JSONBody(claim_service.list_claims(db, page=page, filters=filters), headers=VARY)


@router.get(
    "/{claim_id}",
    summary="Read a claim",
    response_model=ClaimPublic,
    responses={200: json_example(CLAIM_EXAMPLE), **problem_responses(404, 422, 503)},
)
def read_claim(db: DbDep, claim_id: ClaimId) -> Response:
    """One claim with its full provenance: article, spans, source, date, quantities."""
    return JSONBody(claim_service.get_claim(db, claim_id=claim_id))


APPEARANCES_EXAMPLE = {
    "claim_id": 7,
    "statement_id": 3,
    "earliest": False,
    "appeared_on": "2024-09-17",
    "items": [
        {
            "claim_id": 3,
            "text": "Washington is working “expeditiously” on a new proposal",
            "kind": "indirect",
            "match": "same_text",
            "score": 100.0,
            "earliest": True,
            "said_on": "2024-09-16",
            "source": MILLER_EXAMPLE,
            "article": {
                "id": 1,
                "title": "Gaza Truce Efforts Continue Despite Setbacks",
                "publisher": "AFP",
                "published_at": "2024-09-16",
                "url": "https://wire.example/gaza-truce",
            },
        },
        {
            "claim_id": 12,
            "text": "Washington was working quickly on a new proposal",
            "kind": "indirect",
            "match": "rewrite",
            "score": 88.4,
            "earliest": False,
            "said_on": "2024-09-16",
            "source": MILLER_EXAMPLE,
            "article": {
                "id": 4,
                "title": "US presses on with truce plan",
                "publisher": "Daily Example",
                "published_at": "2024-09-18",
                "url": None,
            },
        },
    ],
}


@router.get(
    "/{claim_id}/appearances",
    summary="Where else this statement appeared",
    response_model=AppearancesPublic,
    responses={200: json_example(APPEARANCES_EXAMPLE), **problem_responses(404, 422, 503)},
)
def list_claim_appearances(db: DbDep, claim_id: ClaimId) -> Response:
    """The same statement by the same source in other articles (wire copy republished by
    other outlets, rewrites, follow-ups repeating it), earliest first: each with its
    article, and how it matches this claim: `same_text` (the same words, case and
    punctuation aside) or `rewrite` with a rapidfuzz similarity `score` (0..100). Numbers
    and negations must agree; the same words from another source, or with no source, are
    not an appearance."""
    return JSONBody(appearance_service.get_appearances(db, claim_id=claim_id))


@router.patch(
    "/{claim_id}",
    summary="Move a claim to another source",
    response_model=ClaimPublic,
    dependencies=[Depends(require_api_key), Depends(require_json)],
    responses={
        200: json_example(CLAIM_EXAMPLE),
        **problem_responses(401, 404, 413, 415, 422, 503),
    },
)
def update_claim(
    db: DbDep,
    claim_id: ClaimId,
    update: Annotated[
        ClaimUpdate,
        Body(openapi_examples={"move": {"summary": "Move", "value": {"source_id": 3}}}),
    ],
) -> Response:
    """Correct who made a claim: `{"source_id": id}` (a merged source's id means its
    target), or `{"source_id": null}` for a claim with no real source. Recorded with its
    time; `claimtrail reextract` moves the re-extracted claim (same or most overlapping
    content span) again, and re-posting the article changes nothing."""
    corrections.reassign_claim(db, claim_id=claim_id, source_id=update.source_id)
    return JSONBody(claim_service.get_claim(db, claim_id=claim_id))

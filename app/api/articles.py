"""/articles: ingest, list, read, delete, and the claims of one article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Query, Response, status
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from app.api.deps import (
    ArticleId,
    DbDep,
    ExtractionLimiterDep,
    ExtractorDep,
    JobsDep,
    SettingsDep,
    require_api_key,
    require_json,
)
from app.api.examples import (
    ARTICLE_CREATE_EXAMPLE,
    ARTICLE_EXAMPLE,
    ARTICLE_HTML_EXAMPLE,
    ARTICLE_URL_EXAMPLE,
    CLAIM_EXAMPLE,
    JOB_EXAMPLE,
    json_example,
    page_example,
)
from app.api.responses import JSONBody
from app.errors import problem_responses
from app.models import ArticleCreate, ArticlePublic, ClaimPublic, JobPublic, Page
from app.models.common import IsoDate
from app.pagination import PageDep
from app.services import articles as article_service
from app.services.ingest import ingest_article_async
from app.services.jobs import enqueue_article

router = APIRouter(prefix="/articles", tags=["articles"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticlePublic,
    summary="Ingest an article",
    dependencies=[Depends(require_api_key), Depends(require_json)],
    responses={
        201: json_example(ARTICLE_EXAMPLE, "Stored, with its claims; `Location` names it."),
        200: {
            "model": ArticlePublic,
            "description": "Already stored (same url, or same text without a url).",
        },
        202: {
            "model": JobPublic,
            "description": "Queued (`Prefer: respond-async` and a job queue configured): "
            "`Location: /jobs/{id}` tells when it is done and which article it became.",
            "headers": {
                "Location": {"description": "/jobs/{id}", "schema": {"type": "string"}},
                "Preference-Applied": {
                    "description": "respond-async",
                    "schema": {"type": "string"},
                },
            },
            "content": {"application/json": {"example": {**JOB_EXAMPLE, "status": "queued"}}},
        },
        **problem_responses(401, 413, 415, 422, 502, 503, 504),
    },
)
async def create_article(
    db: DbDep,
    extractor: ExtractorDep,
    limiter: ExtractionLimiterDep,
    jobs: JobsDep,
    settings: SettingsDep,
    response: Response,
    article: Annotated[
        ArticleCreate,
        Body(
            openapi_examples={
                "seed": {
                    "summary": "The seed article (Gaza truce efforts)",
                    "value": ARTICLE_CREATE_EXAMPLE,
                },
                "url": {
                    "summary": "A web page to fetch",
                    "description": "The page is fetched (public addresses only, unless "
                    "CLAIMTRAIL_FETCH_ALLOW_HOSTS names the host); its main text, title, "
                    "publisher and date are extracted.",
                    "value": ARTICLE_URL_EXAMPLE,
                },
                "html": {
                    "summary": "A saved web page",
                    "description": "Extracted like a fetched page; nothing is fetched.",
                    "value": ARTICLE_HTML_EXAMPLE,
                },
            }
        ),
    ],
    prefer: Annotated[
        str | None,
        Header(
            description="`respond-async`: queue the article and answer 202 at once (only "
            "when the server has a job queue; otherwise ignored, RFC 7240)."
        ),
    ] = None,
) -> Any:
    """Extract the article's claims and store it with them, in one transaction.

    Send its `text`; or a web page as `html` (with an optional `url`); or only a `url`,
    and the page is fetched. From a page, the main text (without menus, teasers, comments
    and footer), title, publisher, author and publication date are extracted; fields you
    send win. Fetching refuses loopback, private, link-local and metadata addresses, also
    after a redirect (422), unless `CLAIMTRAIL_FETCH_ALLOW_HOSTS` names the host; a body
    that is not HTML or over the size limit is 422, an unreachable page 502, a slow one
    504; nothing is stored then.

    Idempotent: the same `url` (also as a page's final or `<link rel="canonical">` URL), or
    the same text when there is no url, answers 200 with the article already stored, never
    a duplicate. Unknown fields are ignored. Spans of its claims index into the stored
    `text` (Python str / code point offsets).
    With `Prefer: respond-async` and a job queue configured, answers 202 with
    `Location: /jobs/{id}` and a worker does the rest.
    """
    if jobs is not None and wants_async(prefer):
        job = await run_in_threadpool(enqueue_article, jobs, article=article)
        return JSONResponse(
            job.model_dump(mode="json"),
            status_code=status.HTTP_202_ACCEPTED,
            headers={"Location": f"/jobs/{job.id}", "Preference-Applied": "respond-async"},
        )
    result = await ingest_article_async(
        db,
        article=article,
        extractor=extractor,
        limiter=limiter,
        fetch=settings.fetch_policy(),
        link=settings.link_appearances,
    )
    response.headers["Location"] = f"/articles/{result.article.id}"
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result.article


def wants_async(prefer: str | None) -> bool:
    """Whether a Prefer header (RFC 7240) asks for respond-async."""
    if not prefer:
        return False
    for preference in prefer.split(","):
        token = preference.split(";", 1)[0].split("=", 1)[0].strip().lower()
        if token == "respond-async":
            return True
    return False


@router.get(
    "",
    summary="List articles",
    response_model=Page[ArticlePublic],
    responses={200: json_example(page_example(ARTICLE_EXAMPLE)), **problem_responses(422, 503)},
)
def list_articles(
    db: DbDep,
    page: PageDep,
    publisher: Annotated[str | None, Query(max_length=300, description="Exact publisher.")] = None,
    published_from: Annotated[
        IsoDate | None, Query(description="On or after (YYYY-MM-DD).")
    ] = None,
    published_to: Annotated[IsoDate | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=500, description="Full-text search.")
    ] = None,
) -> Response:
    """Articles, newest publication date first (undated ones last), then newest first."""
    return JSONBody(
        article_service.list_articles(
            db,
            page=page,
            publisher=publisher,
            published_from=published_from,
            published_to=published_to,
            q=q,
        )
    )


@router.get(
    "/{article_id}",
    summary="Read an article",
    response_model=ArticlePublic,
    responses={200: json_example(ARTICLE_EXAMPLE), **problem_responses(404, 422, 503)},
)
def read_article(db: DbDep, article_id: ArticleId) -> Response:
    """One article, with its text exactly as submitted."""
    return JSONBody(article_service.get_article(db, article_id=article_id))


@router.delete(
    "/{article_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an article",
    dependencies=[Depends(require_api_key)],
    responses=problem_responses(401, 404, 422, 503),
)
def delete_article(db: DbDep, article_id: ArticleId) -> Response:
    """Remove an article and all its claims (sources stay in the directory)."""
    article_service.delete_article(db, article_id=article_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{article_id}/claims",
    summary="Claims of an article",
    response_model=Page[ClaimPublic],
    responses={200: json_example(page_example(CLAIM_EXAMPLE)), **problem_responses(404, 422, 503)},
)
def list_article_claims(db: DbDep, article_id: ArticleId, page: PageDep) -> Response:
    """The article's claims in text order (by the start of their content)."""
    return JSONBody(article_service.list_article_claims(db, article_id=article_id, page=page))

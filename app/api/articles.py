"""/articles: ingest, list, read, delete, and the claims of one article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Response, status

from app.api.deps import ArticleId, DbDep, ExtractorDep, require_api_key, require_json
from app.api.examples import (
    ARTICLE_CREATE_EXAMPLE,
    ARTICLE_EXAMPLE,
    CLAIM_EXAMPLE,
    json_example,
    page_example,
)
from app.api.responses import JSONBody
from app.errors import problem_responses
from app.models import ArticleCreate, ArticlePublic, ClaimPublic, Page
from app.models.common import IsoDate
from app.pagination import PageDep
from app.services import articles as article_service
from app.services.ingest import ingest_article

router = APIRouter(prefix="/articles", tags=["articles"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Ingest an article",
    dependencies=[Depends(require_api_key), Depends(require_json)],
    responses={
        201: json_example(ARTICLE_EXAMPLE, "Stored, with its claims; `Location` names it."),
        200: {
            "model": ArticlePublic,
            "description": "Already stored (same url, or same text without a url).",
        },
        **problem_responses(401, 413, 415, 422, 503),
    },
)
def create_article(
    db: DbDep,
    extractor: ExtractorDep,
    response: Response,
    article: Annotated[
        ArticleCreate,
        Body(
            openapi_examples={
                "seed": {
                    "summary": "The seed article (Gaza truce efforts)",
                    "value": ARTICLE_CREATE_EXAMPLE,
                }
            }
        ),
    ],
) -> ArticlePublic:
    """Extract the article's claims and store it with them, in one transaction.

    Idempotent: the same `url`, or the same `text` when there is no url, answers 200 with
    the article already stored, never a duplicate. Unknown fields are ignored. Spans of
    its claims index into `text` exactly as sent (Python str / code point offsets).
    """
    result = ingest_article(db, article=article, extractor=extractor)
    response.headers["Location"] = f"/articles/{result.article.id}"
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result.article


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

"""/figures: the ledger of numbers claims assert, by source and date."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from app.api.claims import PublisherQ, SaidFromQ, SaidToQ, SourceIdQ, SourceQ
from app.api.deps import DbDep, SettingsDep
from app.api.export import (
    FIGURE_CSV,
    VARY,
    AcceptH,
    ExportFormat,
    FormatQ,
    stream_claims,
    wanted_format,
    with_exports,
)
from app.api.responses import JSONBody, dump_json
from app.errors import problem_responses
from app.models import Page
from app.models.figure import MEASURES, FigurePublic
from app.pagination import PageDep, PageParams
from app.services import figures as figure_service
from app.services.figures import FigureFilters

router = APIRouter(prefix="/figures", tags=["figures"])

Measure = StrEnum("Measure", {m: m for m in MEASURES})  # type: ignore[misc]
MeasureQ = Annotated[Measure | None, Query(description="What the figures count.")]

FIGURE_EXAMPLE: dict[str, Any] = {
    "id": 12,
    "value": 41252.0,
    "value_to": None,
    "part_of": None,
    "qualifier": "at least",
    "unit": "people",
    "noun": "people",
    "measure": "deaths",
    "span": {"start": 2113, "end": 2136, "text": "at least 41,252 people"},
    "claim": {"id": 31, "kind": "according_to", "text": "the deaths of at least 41,252 people"},
    "source": {
        "id": 5,
        "name": "Gaza Health Ministry",
        "type": "government",
        "role": None,
        "affiliation": None,
    },
    "source_mention": "the Hamas-run territory's health ministry",
    "based_on": None,
    "said_on": "2024-09-17",
    "said_on_precision": None,
    "said_on_from_article": True,
    "article": {
        "id": 2,
        "title": "Gaza Truce Efforts Continue Despite Setbacks",
        "publisher": "AFP",
        "published_at": "2024-09-17",
        "url": None,
    },
    "previous": {
        "id": 3,
        "value": 35034.0,
        "qualifier": "at least",
        "said_on": "2024-05-13",
        "claim_id": 4,
        "article_id": 1,
    },
    "change": 6218.0,
}
_FIGURES_200 = with_exports(
    {
        "description": "A page of figures (JSON), or every match as CSV or NDJSON.",
        "content": {
            "application/json": {"example": {"items": [FIGURE_EXAMPLE], "next_cursor": None}}
        },
    },
    csv_example="id,said_on,said_on_precision,said_on_from_article,measure,qualifier,value,"
    "...\r\n12,2024-09-17,,true,deaths,at least,41252,...\r\n",
    ndjson_example=dump_json(FIGURE_EXAMPLE).decode() + "\n",
)


def _page_dict(page: Page[FigurePublic]) -> dict[str, Any]:
    return {
        "items": [item.model_dump(mode="json") for item in page.items],
        "next_cursor": page.next_cursor,
    }


@router.get(
    "",
    summary="The figures ledger",
    response_model=Page[FigurePublic],
    responses={200: _FIGURES_200, **problem_responses(422, 503)},
)
def list_figures(
    db: DbDep,
    settings: SettingsDep,
    page: PageDep,
    measure: MeasureQ = None,
    source_id: SourceIdQ = None,
    source: SourceQ = None,
    said_from: SaidFromQ = None,
    said_to: SaidToQ = None,
    publisher: PublisherQ = None,
    format: FormatQ = None,
    accept: AcceptH = None,
) -> Response:
    """Figures oldest first (said_on, else the article's date), each with its source, its
    article and the previous figure of the same source and measure. With
    `Accept: text/csv` or `application/x-ndjson` (or `format=`), every match streamed,
    unpaged, in the same order (a `cursor` from a JSON page resumes after it)."""
    filters = FigureFilters(
        measure=measure.value if measure else None,
        source_id=source_id,
        source=source,
        said_from=said_from,
        said_to=said_to,
        publisher=publisher,
    )
    fmt = wanted_format(accept, format)
    if fmt is not ExportFormat.json:

        def fetch(p: PageParams) -> dict[str, Any]:
            return _page_dict(figure_service.list_figures(db, page=p, filters=filters))

        return stream_claims(
            fetch,
            fmt=fmt,
            name="figures",
            batch_size=settings.export_batch_size,
            cursor=page.cursor,
            layout=FIGURE_CSV,
        )
    return JSONBody(
        _page_dict(figure_service.list_figures(db, page=page, filters=filters)), headers=VARY
    )

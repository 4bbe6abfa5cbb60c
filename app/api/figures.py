"""/figures: the ledger of numbers claims assert, by source and date."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from app.api.claims import PublisherQ, SaidFromQ, SaidToQ, SourceIdQ, SourceQ
from app.api.deps import DbDep
from app.errors import problem_responses
from app.models import Page
from app.models.figure import MEASURES, FigurePublic
from app.pagination import PageDep
from app.services import figures as figure_service
from app.services.figures import FigureFilters

router = APIRouter(prefix="/figures", tags=["figures"])

Measure = StrEnum("Measure", {m: m for m in MEASURES})  # type: ignore[misc]
MeasureQ = Annotated[Measure | None, Query(description="What the figures count.")]


@router.get("", summary="The figures ledger", responses={**problem_responses(422, 503)})
def list_figures(
    db: DbDep,
    page: PageDep,
    measure: MeasureQ = None,
    source_id: SourceIdQ = None,
    source: SourceQ = None,
    said_from: SaidFromQ = None,
    said_to: SaidToQ = None,
    publisher: PublisherQ = None,
) -> Page[FigurePublic]:
    """Figures oldest first (said_on, else the article's date), each with its source, its
    article and the previous figure of the same source and measure."""
    filters = FigureFilters(
        measure=measure.value if measure else None,
        source_id=source_id,
        source=source,
        said_from=said_from,
        said_to=said_to,
        publisher=publisher,
    )
    return figure_service.list_figures(db, page=page, filters=filters)

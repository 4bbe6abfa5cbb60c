"""The acceptance case: the seed article's attributed statements, end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.extraction import extract
from app.extraction.types import Attribution, AttributionKind, SourceType

pytestmark = pytest.mark.model

SEED = Path(__file__).parents[2].parent / "shared/seed/gaza-truce-efforts.txt"
PUBLISHED = date(2024, 9, 17)
TUESDAY, MONDAY = date(2024, 9, 17), date(2024, 9, 16)
G, P, GR, M = SourceType.GOVERNMENT, SourceType.PERSON, SourceType.GROUP, SourceType.MEDIA

# (source mention, cue, canonical name, type, role, affiliation, said_on); said_on None
# means "not asserted here" (see test_seed_dates_only_where_the_text_gives_them)
STATEMENTS = [
    (
        "Qatar\u2019s foreign ministry",
        "announced",
        "Qatar's Foreign Ministry",
        G,
        None,
        None,
        TUESDAY,
    ),
    ("The US State Department", "announced", "US State Department", G, None, None, MONDAY),
    ("Washington", "indicated", "Washington", G, None, None, None),
    (
        "US State Department spokesperson Matthew Miller",
        "stated",
        "Matthew Miller",
        P,
        "spokesperson",
        "US State Department",
        MONDAY,
    ),
    (
        "Qatar\u2019s Foreign Ministry spokesperson, Majed al-Ansari",
        "declined",
        "Majed al-Ansari",
        P,
        "spokesperson",
        "Qatar's Foreign Ministry",
        None,
    ),
    ("he", "expressed", "Majed al-Ansari", P, "spokesperson", "Qatar's Foreign Ministry", None),
    ("Hamas", "reported", "Hamas", GR, None, None, None),
    ("authorities", "announced", "authorities", G, None, None, None),
    ("Israel", "announced", "Israel", G, None, None, TUESDAY),
    ("an AFP tally based on official Israeli figures", "according to", "AFP", M, None, None, None),
    (
        "the Hamas-run territory\u2019s health ministry",
        "according to",
        "Health Ministry",
        G,
        None,
        "Hamas",
        None,
    ),
]


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Attribution]]:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (the shared directory is not checked out)")
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, published_at=PUBLISHED)


def _find(attributions: list[Attribution], mention: str, cue: str) -> Attribution:
    found = [
        a
        for a in attributions
        if a.source_mention is not None
        and a.source_mention.text == mention
        and a.cue is not None
        and a.cue.text == cue
    ]
    assert found, f"no attribution with source {mention!r} and cue {cue!r}"
    return found[0]


@pytest.mark.parametrize(
    ("mention", "cue", "name", "type_", "role", "affiliation", "said_on"),
    STATEMENTS,
    ids=[f"{s[0][:30]}|{s[1]}" for s in STATEMENTS],
)
def test_seed_statement_has_source_and_date(
    seed: tuple[str, list[Attribution]],
    mention: str,
    cue: str,
    name: str,
    type_: SourceType,
    role: str | None,
    affiliation: str | None,
    said_on: date | None,
) -> None:
    text, attributions = seed
    a = _find(attributions, mention, cue)
    assert a.kind is not AttributionKind.EDITORIAL
    for span in (a.content, a.cue, a.source_mention, *a.content_fragments):
        assert span is not None and text[span.start : span.end] == span.text
    assert a.source is not None
    assert (a.source.name, a.source.type, a.source.role, a.source.affiliation) == (
        name,
        type_,
        role,
        affiliation,
    )
    if mention == "he":
        assert a.source.alias == "Majed al-Ansari"  # the pronoun is not an alias
    if said_on is not None:  # the four statements the text dates ("on Tuesday", "on Monday")
        assert a.said_on is not None and a.said_on.date == said_on
        assert a.said_on.span is not None
        assert text[a.said_on.span.start : a.said_on.span.end] == a.said_on.span.text


def test_seed_dates_only_where_the_text_gives_them(seed: tuple[str, list[Attribution]]) -> None:
    _, attributions = seed
    undated = [("Washington", "indicated"), ("he", "expressed"), ("Hamas", "reported")]
    for mention, cue in undated:
        assert _find(attributions, mention, cue).said_on is None, (mention, cue)


def test_seed_based_on_chain(seed: tuple[str, list[Attribution]]) -> None:
    text, attributions = seed
    a = _find(attributions, "an AFP tally based on official Israeli figures", "according to")
    assert a.based_on is not None
    assert a.based_on.text == "official Israeli figures"
    assert text[a.based_on.start : a.based_on.end] == a.based_on.text


@pytest.mark.parametrize(
    ("mention", "value", "qualifier", "unit", "words"),
    [
        ("an AFP tally based on official Israeli figures", 1205, None, "people", "1,205 people"),
        (
            "the Hamas-run territory\u2019s health ministry",
            41252,
            "at least",
            "people",
            "at least 41,252 people",
        ),
    ],
)
def test_seed_death_tolls_are_quantities(
    seed: tuple[str, list[Attribution]],
    mention: str,
    value: int,
    qualifier: str | None,
    unit: str,
    words: str,
) -> None:
    text, attributions = seed
    a = _find(attributions, mention, "according to")
    got = [(q.value, q.qualifier, q.unit, q.span.text) for q in a.quantities]
    assert (float(value), qualifier, unit, words) in got
    for q in a.quantities:
        assert text[q.span.start : q.span.end] == q.span.text


def test_seed_nothing_from_chrome_or_headline(seed: tuple[str, list[Attribution]]) -> None:
    text, attributions = seed
    chrome_start = text.index("Leave a Comment")
    headline_end = text.index("\n")
    for a in attributions:
        spans: list[Any] = [a.content, a.cue, a.source_mention, *a.content_fragments]
        for span in spans:
            if span is None:
                continue
            assert span.end <= chrome_start, a
            assert span.start >= headline_end, a

"""Cues the parse misleads the plain rules on: speech verbs tagged as nouns, fronted
participles, "seemed to think" (sentences written for these tests)."""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig, extract

pytestmark = pytest.mark.model

CONFIG = ExtractionConfig(include_editorial=False)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a speech verb the tagger reads as a plural noun after a name
        (
            "Hartley claims that the mine will reopen next spring.",
            "claims",
            "Hartley",
            "the mine will reopen next spring",
        ),
        (
            "Brooks charges that nations that stand to benefit from the treaty donated "
            "millions of dollars to the museum.",
            "charges",
            "Brooks",
            "nations that stand to benefit from the treaty donated millions of dollars to the "
            "museum",
        ),
        # a participle opening the sentence is the main clause subject's act
        (
            "Insisting the audit is a distraction, Mendes told reporters that the budget was "
            "sound.",
            "Insisting",
            "Mendes",
            "the audit is a distraction",
        ),
        # "seemed to think": the subject's belief, not an unsourced impression
        (
            "Vance largely agreed with Ortiz and seemed to think the plan for rural voters "
            "was somewhat naive.",
            "seemed to think",
            "Vance",
            "the plan for rural voters was somewhat naive",
        ),
        (
            "On Monday Keller appeared to blame the drivers for the delays.",
            "appeared to blame",
            "Keller",
            "the drivers for the delays",
        ),
    ],
)
def test_extract_misparsed_cues(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, content: str
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert a.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        # the noun reading: a determiner, a possessive, or "that" as a relative pronoun
        "The Hartley claims that were filed last year are still open.",
        "Hartley's claims that the mine will reopen are doubtful.",
        # an impression of something, not someone
        "It seemed to show that the plan had failed.",
        # an impression of someone, but no speech act or belief with its clause
        "Ortega seems to understand trade better than most senators.",
        "Investors seem to agree.",
        "Ortega appears to be fully embracing her new duties.",
    ],
)
def test_extract_no_misread_cue(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    atts = extract(text, config=CONFIG, parser=parser)
    assert not any(
        a.source_mention is not None
        and a.source_mention.text in ("Hartley", "It", "Ortega", "Investors")
        for a in atts
    )

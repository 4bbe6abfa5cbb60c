"""Light-verb idioms as cues: a light verb and a noun of judging, crediting or blaming.

Sentences written for these tests; each accepted idiom is paired with a use of the same noun
or verb that reports no stance.
"""

from __future__ import annotations

import pytest

from app.extraction import extract

pytestmark = pytest.mark.model


def _atts(parser, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    out = []
    for a in extract(text, parser=parser):
        if a.cue is None:
            continue
        src = text[a.source_mention.start : a.source_mention.end] if a.source_mention else ""
        content = " | ".join(text[f.start : f.end] for f in a.content_fragments)
        out.append((text[a.cue.start : a.cue.end], src, content))
    return out


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The governor took credit for the drop in crime.",
            "took credit",
            "The governor",
            "the drop in crime",
        ),
        (
            "The senator took a swing at her rival's tax plan.",
            "took a swing",
            "The senator",
            "her rival's tax plan",
        ),
        (
            "The banker sounded a cautious note about the housing market.",
            "sounded a cautious note",
            "The banker",
            "the housing market",
        ),
        (
            "The mayor has made no secret of her plans for the harbor.",
            "made no secret",
            "The mayor",
            "her plans for the harbor",
        ),
        (
            "The coach cast the blame on the referees.",
            "cast the blame",
            "The coach",
            "the referees",
        ),
        (
            "The senator held her fire on the new chairman.",
            "held her fire",
            "The senator",
            "the new chairman",
        ),
        (
            "The comedian landed a sharp dig at the governor.",
            "landed a sharp dig",
            "The comedian",
            "the governor",
        ),
        (
            "The union leader gave a preview of the new contract.",
            "gave a preview",
            "The union leader",
            "the new contract",
        ),
    ],
)
def test_light_verb_idiom_is_cue(parser, text, cue, source, content):  # type: ignore[no-untyped-def]
    assert (cue, source, content) in _atts(parser, text)


@pytest.mark.parametrize(
    "text",
    [
        # the same nouns with another verb, or the idiom without a target, report nothing
        "The student got credit for the course.",
        "The bank gave the firm credit for two years.",
        "The singer sounded a high note.",
        "The tourists took a look around the old town.",
        "The voters cast their ballots for the mayor.",
        "The soldiers held their fire for an hour.",
    ],
)
def test_no_idiom_no_cue(parser, text):  # type: ignore[no-untyped-def]
    assert _atts(parser, text) == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "Senator Lee Slams Mayor Over Budget Cuts.\n\nThe senator spoke on Monday.",
            "Slams",
            "Senator Lee",
            "Mayor Over Budget Cuts",
        ),
        (
            "Mayor Jones Sides With Teachers On Pensions.\n\nThe vote was close.",
            "Sides",
            "Mayor Jones",
            "With Teachers On Pensions",
        ),
        (
            "Ohio’s Largest Union Endorses Smith.\n\nThe vote was close.",
            "Endorses",
            "Ohio’s Largest Union",
            "Smith",
        ),
    ],
)
def test_title_case_headline_verb(parser, text, cue, source, content):  # type: ignore[no-untyped-def]
    assert (cue, source, content) in _atts(parser, text)


@pytest.mark.parametrize(
    "text",
    [
        # no name right before, a clause before, or no Title Case: no headline verb
        "Senator Lee To Release Tax Records Next Week.\n\nThe senator spoke on Monday.",
        "Budget Cuts In Border States Worry Farmers.\n\nThe vote was close.",
    ],
)
def test_no_headline_verb(parser, text):  # type: ignore[no-untyped-def]
    assert not any(c in ("Records", "States") for c, _, _ in _atts(parser, text))

"""Contents the parse misplaces: a that-clause hung on the addressee as a relative clause,
an unquoted clause hung on the verb after its quotation (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig, extract

pytestmark = pytest.mark.model

CONFIG = ExtractionConfig(include_editorial=False)


@pytest.mark.parametrize(
    ("text", "cue", "source", "fragments"),
    [
        # the that-clause is the complement of "told", not a relative clause on its object
        (
            "In Lisbon last week, she told a meeting of Atlantic fishing leaders that few "
            "people understood the risks of overfishing better than the crews.",
            "told",
            "she",
            ["few people understood the risks of overfishing better than the crews"],
        ),
        # a relative clause with its gap stays on its noun
        (
            "She praised the plan that the council adopted last week.",
            "praised",
            "She",
            ["the plan that the council adopted last week"],
        ),
        # the quotation before the speaker is what was told; the "after" clause is not
        (
            "“You should resign,” Ortiz told Brandt, after he admitted under Ortiz’s "
            "questioning he had not yet been held accountable for the losses.",
            "told",
            "Ortiz",
            ["“You should resign,”"],
        ),
        (
            "“We will win,” he said, “and we will celebrate.”",
            "said",
            "he",
            ["“We will win,”", "“and we will celebrate.”"],
        ),
    ],
)
def test_extract_misplaced_contents(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, fragments: list[str]
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert [f.text for f in a.content_fragments] == fragments
    # the speech act reported inside the content is left to the reporting one
    assert not any(a.source_mention and a.source_mention.text == "few people" for a in atts)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the infinitive belongs to the object before it; bare verbs share its "to"
        (
            "The Tax Policy Center advocates a series of rules to end the deferral of foreign "
            "income, stop tax inversions and remove loopholes.",
            "advocates",
            "a series of rules to end the deferral of foreign income, stop tax inversions "
            "and remove loopholes",
        ),
        (
            "The mayor wants to fix the roads, hire teachers and cut taxes.",
            "wants",
            "to fix the roads, hire teachers and cut taxes",
        ),
        # an addressee before the infinitive stays out
        ("The mayor urged the council to act quickly.", "urged", "to act quickly"),
    ],
)
def test_extract_infinitive_contents(by_cue, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    atts, a = by_cue(text, cue)
    assert a.content.text == content


def test_a_that_clause_on_the_object_of_a_preposition_is_the_verbs_content(parser) -> None:  # type: ignore[no-untyped-def]
    text = "Kelly Ortberg told staff in a memo that the company had to cut jobs."
    found = [
        (a.source_mention.text, a.content.text)
        for a in extract(text, parser=parser)
        if a.cue is not None and a.source_mention is not None
    ]
    assert found == [("Kelly Ortberg", "the company had to cut jobs")]


def test_extract_participle_after_object_describes_it(by_cue) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Lee campaign released an ad this week showing Smith making remarks viewed by "
        "some as disparaging toward veterans."
    )
    atts, a = by_cue(text, "released")
    assert a.content.text == (
        "an ad this week showing Smith making remarks viewed by some as disparaging toward veterans"
    )
    assert [x.cue.text for x in atts if x.cue is not None] == ["released"]

"""Sources the parse hides: a light-verb cue under "tried to", a date after an inverted
verb, a bracket closing a party label, a speaker before a quotation, the author of
"In a statement, ..." (sentences written for these tests)."""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig, extract

pytestmark = pytest.mark.model

CONFIG = ExtractionConfig(include_editorial=False)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # the light verb shares the subject of the verb it hangs on
        (
            "The ministry has promised a review and attempted to make the case to lawmakers "
            "that the plan is a bad idea.",
            "make the case",
            "The ministry",
            "the plan is a bad idea",
        ),
        # a bracketed party label closes inside the source
        (
            "“The audit is overdue,” committee chair Sen. Ana Ruiz (D-Ore.) said on Monday.",
            "said",
            "committee chair Sen. Ana Ruiz (D-Ore.)",
            "“The audit is overdue,”",
        ),
        # the statement is the subject's
        (
            "In a statement issued on Friday, Governor Lena Park was more cautious than her "
            "party's leaders.",
            "In",
            "Governor Lena Park",
            "was more cautious than her party's leaders",
        ),
    ],
)
def test_extract_hidden_sources(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, content: str
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert a.content.text == content


def test_extract_in_a_poll_stays_the_poll(parser) -> None:  # type: ignore[no-untyped-def]
    atts = extract(
        "In a new poll, most voters were unhappy with the mayor.", config=CONFIG, parser=parser
    )
    assert [a.source_mention.text for a in atts if a.source_mention] == ["a new poll"]


def test_extract_date_after_inverted_verb_is_no_source(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“He is absolutely right. There is a severe gap between this council and frankly the "
        "mayor and our police,” Okoro, a top city engineer, said Thursday morning on Channel "
        "4’s “Good Morning.”"
    )
    atts = extract(text, config=CONFIG, parser=parser)
    said = [a for a in atts if a.cue is not None and a.cue.text == "said"]
    assert said and said[0].source_mention is not None
    assert "Thursday" not in said[0].source_mention.text
    assert said[0].source_mention.text.startswith("Okoro")


def test_extract_speaker_before_quotation_goes_on(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mr. Ortiz barely explained the payment, treating the question as a joke -- ''That "
        "is business'' -- and, when pressed after the hearing, insisting, ''Of course I "
        "paid.''"
    )
    atts = extract(text, config=CONFIG, parser=parser)
    by_cue = {a.cue.text: a for a in atts if a.cue is not None}
    assert "pressed" not in by_cue  # a passive without its agent speaks no quotation
    assert by_cue["insisting"].source_mention is not None
    assert by_cue["insisting"].source_mention.text == "Mr. Ortiz"


def test_extract_person_shown_speaking(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The campaign released a new ad on Monday. The ad uses footage of Senator Ann Lee "
        "asking, “Why are we still waiting for the bridge?” It ends with a slogan."
    )
    atts = extract(text, config=CONFIG, parser=parser)
    asking = [a for a in atts if a.cue is not None and a.cue.text == "asking"]
    assert asking and asking[0].source_mention is not None
    assert asking[0].source_mention.text == "Senator Ann Lee"


def test_extract_addressee_is_not_shown_speaking(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The union wrote a letter to Mayor Ann Lee asking that the depot stay open. "
        "The mayor has not answered."
    )
    atts = extract(text, config=CONFIG, parser=parser)
    asking = [a for a in atts if a.cue is not None and "asking" in a.cue.text]
    assert asking
    assert asking[0].source_mention is None or "Lee" not in asking[0].source_mention.text

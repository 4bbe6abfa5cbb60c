"""Recall of cues and of reporting frames, on sentences written for these tests (real model).

Each row: a sentence, and the (source mention, cue, content) the library should give it,
checked through ``app.extraction.extract``.
"""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig, extract

pytestmark = pytest.mark.model


def _triples(parser, text: str) -> list[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    return [
        (
            a.source_mention.text if a.source_mention else None,
            a.cue.text if a.cue else None,
            a.content.text,
        )
        for a in extract(text, config=config, parser=parser)
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # the lemmatiser strips "hopes" to "hop": the cue word is still "hope"
        (
            "The mayor hopes that the new bridge will open in May.",
            "The mayor",
            "hopes",
            "the new bridge will open in May",
        ),
        # a poll reports its respondents' answers: it frames their speech verb
        (
            "In a new poll, 40 percent of voters said they would stay home.",
            "a new poll",
            "In",
            "40 percent of voters said they would stay home",
        ),
        # after the verb of a main clause that is no cue itself
        (
            "The mayor still leads her rival in the latest survey.",
            "the latest survey",
            "in",
            "The mayor still leads her rival",
        ),
        # an interview is only where the speaker said it: the speech verb is the cue
        (
            "In an interview, the mayor said the bridge would open in May.",
            "the mayor",
            "said",
            "the bridge would open in May",
        ),
        # "see X as Y": the verb is the cue, the object with its predicate the content
        (
            "Many voters see the senator as the candidate most likely to win.",
            "Many voters",
            "see",
            "the senator as the candidate most likely to win",
        ),
        (
            "Developers see golf courses as wasted space.",
            "Developers",
            "see",
            "golf courses as wasted space",
        ),
        # "continued" after a quotation the parser made its complement
        (
            "“The harbour will stay closed until spring,” the mayor continued.",
            "the mayor",
            "continued",
            "“The harbour will stay closed until spring,”",
        ),
        # "answered" and "read" beside a quotation
        ("“We will never stop,” she answered.", "she", "answered", "“We will never stop,”"),
        (
            "The sign read: “No new taxes for working families.”",
            "The sign",
            "read",
            "“No new taxes for working families.”",
        ),
        # a list of voices: "LABEL - Name: “...”", the name after the dash speaks
        (
            "Polls were wrong again - Jane Smith: “The turnout models missed the young voters.”",
            "Jane Smith",
            ":",
            "“The turnout models missed the young voters.”",
        ),
        # verbs of knowing with a clause
        ("Reporters know they are being spun.", "Reporters", "know", "they are being spun"),
        (
            "She remembered that the bridge had flooded twice.",
            "She",
            "remembered",
            "the bridge had flooded twice",
        ),
        # an indirect question the parser hangs as an adverbial clause
        (
            "The mayor asked residents if they planned to attend the meeting.",
            "The mayor",
            "asked",
            "if they planned to attend the meeting",
        ),
        # a retort: "shot back" before a quotation
        (
            "The governor shot back: “That is simply not true.”",
            "The governor",
            "shot back",
            "“That is simply not true.”",
        ),
        # a stance in the passive: the "by" agent holds it, the subject is its object
        (
            "The plan was backed by most voters in both states.",
            "most voters in both states",
            "backed",
            "The plan",
        ),
        # "put it" as a way of saying
        ("As the senator put it, the plan is dead.", "the senator", "put it", "the plan is dead"),
        (
            "The professor put it bluntly: “The plan is dead.”",
            "The professor",
            "put it",
            "“The plan is dead.”",
        ),
        # an advertisement or an editorial takes a stance like its authors
        (
            "The new ad criticizes the senator for his votes on trade.",
            "The new ad",
            "criticizes",
            "the senator for his votes on trade",
        ),
        # "see" in the present with an object is a view held
        (
            "Many investors see a small chance of a rate cut this year.",
            "Many investors",
            "see",
            "a small chance of a rate cut this year",
        ),
    ],
)
def test_cue_found(parser, text: str, source: str | None, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert (source, cue, content) in _triples(parser, text), _triples(parser, text)


def test_passive_as_predicate(parser) -> None:  # type: ignore[no-untyped-def]
    """ "X is viewed as Y": nobody named holds the view; the content is X and "as Y"."""
    text = "The kingdom is viewed as a bulwark against its rivals."
    atts = extract(text, config=ExtractionConfig(include_editorial=False), parser=parser)
    assert len(atts) == 1
    a = atts[0]
    assert a.source_mention is None
    assert a.cue.text == "viewed as"
    assert [f.text for f in a.content_fragments] == ["The kingdom", "a bulwark against its rivals"]


@pytest.mark.parametrize(
    ("text", "outer", "aside"),
    [
        (
            "Critics say the mayor, who has promised new housing, failed to deliver.",
            ("Critics", "say", ["the mayor", "failed to deliver"]),
            ("who", "promised", ["new housing"]),
        ),
        (
            "The senator criticised the governor, who said the plan would fail, for his silence.",
            ("The senator", "criticised", ["the governor", "for his silence"]),
            ("who", "said", ["the plan would fail"]),
        ),
        # also with an adjective of stance or belief as the cue of the aside
        (
            "The mayor praised the judge, who has been critical of the tax, for her courage.",
            ("The mayor", "praised", ["the judge", "for her courage"]),
            ("who", "critical of", ["the tax"]),
        ),
        (
            "Voters said the mayor, who is confident that the tax will pass, was wrong.",
            ("Voters", "said", ["the mayor", "was wrong"]),
            ("who", "confident", ["the tax will pass"]),
        ),
    ],
)
def test_relative_clause_aside_is_its_own_attribution(parser, text, outer, aside) -> None:  # type: ignore[no-untyped-def]
    """A non-restrictive relative clause inside a content is the writer's aside: its
    attribution is kept and the outer content skips it."""
    atts = extract(text, config=ExtractionConfig(include_editorial=False), parser=parser)
    got = [
        (
            a.source_mention.text if a.source_mention else None,
            a.cue.text,
            [f.text for f in a.content_fragments],
        )
        for a in atts
    ]
    assert outer in got, got
    assert aside in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The workers continued the strike for a third week.",
        "She answered every letter by hand.",
        "He read the report on the train.",
        "He is, you know, a good man.",
        "She knows the city well.",
        "She put it on the table.",
        "She saw him at the station.",
    ],
)
def test_quote_verb_with_an_object_is_no_cue(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "continued the strike" takes an object of its own: nobody says anything."""
    assert _triples(parser, text) == []


@pytest.mark.parametrize(
    ("text", "cue", "fragments"),
    [
        (
            "The senator is known for his short temper.",
            "known",
            ["The senator", "his short temper"],
        ),
        (
            "Voters went to the polls in the contests known as Super Tuesday.",
            "known",
            ["the contests", "Super Tuesday"],
        ),
        ("The old bridge was considered unsafe.", "considered", ["The old bridge", "unsafe"]),
    ],
)
def test_passive_regard(parser, text: str, cue: str, fragments: list[str]) -> None:  # type: ignore[no-untyped-def]
    """ "X is known for Y", "X was considered Y": how X is regarded, by nobody named."""
    atts = extract(text, config=ExtractionConfig(include_editorial=False), parser=parser)
    got = [(a.cue.text, [f.text for f in a.content_fragments]) for a in atts]
    assert (cue, fragments) in got, got


def test_coordinated_speech_act_of_the_same_speaker(parser) -> None:  # type: ignore[no-untyped-def]
    """ "X called on A to B and proposed C": the second act is X's own attribution, and
    the first content stops before it."""
    text = "The senator called on the agency to cut the fees and proposed a new fund for the towns."
    atts = extract(text, config=ExtractionConfig(include_editorial=False), parser=parser)
    got = [
        (a.source_mention.text if a.source_mention else None, a.cue.text, a.content.text)
        for a in atts
    ]
    assert ("The senator", "called on", "to cut the fees") in got, got
    assert ("The senator", "proposed", "a new fund for the towns") in got, got


def test_participle_after_a_report_is_the_speakers_act(parser) -> None:  # type: ignore[no-untyped-def]
    """ "X said Y, pointing to Z": pointing is X's act with its own content."""
    text = "The governor said the fees were too high, pointing to the rising cost of housing."
    atts = extract(text, config=ExtractionConfig(include_editorial=False), parser=parser)
    got = [
        (a.source_mention.text if a.source_mention else None, a.cue.text, a.content.text)
        for a in atts
    ]
    assert ("The governor", "said", "the fees were too high") in got, got
    assert ("The governor", "pointing to", "the rising cost of housing") in got, got

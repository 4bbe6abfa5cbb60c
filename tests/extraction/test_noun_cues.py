"""Nominal and adjectival cues ("her claim that ...", "took aim at ...", "a critic of ...")
on sentences written for these tests (real model)."""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig
from app.extraction.cues import find_cues

pytestmark = pytest.mark.model


def _noun_cues(parser, sentence: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = parser.nlp(sentence)
    return [
        doc[c.start : c.end].text
        for c in find_cues(doc, para=0)
        if c.pattern in ("noun", "agent", "adj")
    ]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # a possessor and a complement that states the content or the target
        ("Her criticism of the new tax surprised the council.", "criticism"),
        ("His support for the bridge project never wavered.", "support"),
        ("The mayor's opposition to the stadium deal is well known.", "opposition"),
        ("Her claim that the vote was rigged was rejected by the court.", "claim"),
        ("The mayor is a fierce critic of the new stadium.", "critic of"),
        ("The senator's rebuke of the agency was sharp.", "rebuke"),
        ("His contention that the law is void was rejected.", "contention"),
        ("His view that the tariff helps farmers is widely shared.", "view"),
        ("Most voters have a poor opinion of the council.", "have a poor opinion"),
        # an existential sentence reports a view held by someone unnamed
        ("There are questions about the mayor's spending.", "questions"),
        # the copula carries the content clause of an unowned cue noun
        ("The question is whether voters will follow him.", "question is"),
        ("Her argument was that the tax is unfair.", "argument was"),
        ("Her goal is to win the seat.", "goal is"),
        ("The question of whether the mayor lied remains open.", "question"),
        # an adjective of belief or feeling with a clause, said of its subject
        ("She is sure that the bridge will hold.", "sure"),
        ("He is eager to start the new job.", "eager"),
        ("She is certain that the mayor will run.", "is certain"),
        # adjectives of knowledge and feeling with a prepositional object
        ("Aides are well aware of these problems.", "aware of"),
        ("He was not hopeful about the looming vote.", "hopeful about"),
        # a light verb with a noun of the subject's own mind or message
        ("The farmers have doubts about the new subsidy scheme.", "have doubts"),
        ("The mayor took aim at the council over the budget.", "took aim"),
        ("The senator took a swipe at her rival during the debate.", "took a swipe"),
        ("The senator cast doubt on the mayor's figures.", "cast doubt"),
        ("Critics heaped praise on the new library.", "heaped praise"),
    ],
)
def test_noun_cue_found(parser, sentence: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    assert cue in _noun_cues(parser, sentence)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # what the subject has is someone else's stance, or no stance at all
        ("The young mayor has the support of the largest unions.", "support"),
        ("The bill has the backing of most farmers in the valley.", "backing"),
        ("The underdog still has a shot at the title this year.", "shot"),
        ("The win gave the team a shot of confidence before the final.", "shot"),
        # "to", "at": the audience or the occasion of a message, not its content
        ("His remarks at the dinner lasted an hour.", "remarks"),
        ("Her letter to the donors arrived on Monday.", "letter"),
        ("The minister's response to the flood was slow.", "response"),
        # a participle that only describes the document
        ("Her letter, sent to the donors on Monday, was short.", "letter"),
        # a possessor that holds no view: a time, or "its" for a thing
        ("Last week's warnings about the storm were ignored.", "warnings"),
        ("Yesterday's criticism of the budget was mild.", "criticism"),
        ("The film owes its appeal for young viewers to the music.", "appeal"),
        # a held opinion with only its topic
        ("Her views on the tariff have shifted twice.", "views"),
        ("The mayor's stance on parking angered shop owners.", "stance"),
        ("His rhetoric on crime has softened.", "rhetoric"),
        # "make sure" is an action; "sure to" a likelihood; an attribute has no subject
        ("She made sure that the doors were locked.", "sure"),
        ("The new bridge is sure to draw crowds.", "sure"),
        ("It was a prospect certain to upset the neighbours.", "certain"),
        # the topic of another word ("asked about", "split over") is not its own claim
        ("Reporters asked the mayor about her plan to close the school.", "plan"),
        ("The council split over his call for new taxes.", "call"),
        # a clause after the copula of another noun
        ("The problem is that the bridge is old.", "problem"),
        # an occasion, not a speech act
        ("His speech at the dock lasted an hour.", "speech"),
        # a capacity, not a mind's content
        ("Her inability to answer the question hurt her campaign.", "inability"),
        # a relation between two parties, not a stance
        ("The mayor is an old ally of the governor.", "ally"),
        # the heading of an editor's aside is no attribution by its own
        ("Editor's note: this story has been updated with new figures.", "note"),
    ],
)
def test_noun_cue_not_found(parser, sentence: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(word in c for c in _noun_cues(parser, sentence))


def test_existential_noun_cue_has_no_source(parser) -> None:  # type: ignore[no-untyped-def]
    from app.extraction import extract

    atts = extract(
        "There are questions about the mayor's spending.",
        config=ExtractionConfig(include_editorial=False),
        parser=parser,
    )
    assert [(a.cue.text if a.cue else None, a.source_mention, a.text) for a in atts] == [
        ("questions", None, "the mayor's spending")
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (
            "It is not clear whether the bridge will reopen.",
            "is not clear",
            "whether the bridge will reopen",
        ),
        ("Nor is it certain that the mayor will run.", "is it certain", "that the mayor will run"),
    ],
)
def test_impersonal_adjective_has_no_source(parser, sentence: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    from app.extraction import extract

    atts = extract(sentence, config=ExtractionConfig(include_editorial=False), parser=parser)
    assert [(a.cue.text if a.cue else None, a.source_mention, a.text) for a in atts] == [
        (cue, None, content)
    ]


def test_agent_phrase_names_the_holder(parser) -> None:  # type: ignore[no-untyped-def]
    from app.extraction import extract

    atts = extract(
        "The news led to calls by some senators for a recount.",
        config=ExtractionConfig(include_editorial=False),
        parser=parser,
    )
    assert [
        (a.cue.text if a.cue else None, a.source_mention.text if a.source_mention else None, a.text)
        for a in atts
    ] == [("calls", "some senators", "a recount")]


def test_in_her_view_frames_the_clause(parser) -> None:  # type: ignore[no-untyped-def]
    from app.extraction import extract

    atts = extract(
        "In her view, the new tax is unfair.",
        config=ExtractionConfig(include_editorial=False),
        parser=parser,
    )
    assert [
        (a.cue.text if a.cue else None, a.source_mention.text if a.source_mention else None, a.text)
        for a in atts
    ] == [("In her view", "her view", "the new tax is unfair")]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a possessed claim noun with a that-clause stands inside the claim reporting it
        (
            "The fact-checkers seized on Smith's claim that there have been \"hundreds of "
            'break-ins" in the city this year.',
            "claim",
            "Smith's",
            'that there have been "hundreds of break-ins" in the city this year',
        ),
        (
            "Smith’s repeated emphasis that only 2 percent of the firm’s staff had been "
            "involved led Sen. Ann Lee to demand his resignation.",
            "emphasis",
            "Smith’s",
            "that only 2 percent of the firm’s staff had been involved",
        ),
        # the owner of a plan intends what it is intended to do
        (
            "Although Mr. Smith's plan is intended to make sure that the richest families pay "
            "more than they now do, it leaves intact loopholes for landlords.",
            "intended",
            "Mr. Smith's",
            "to make sure that the richest families pay more than they now do",
        ),
        # "Under X's plan, ..." frames the clause as the plan's
        (
            "Under Mrs. Lee's plan, taxpayers reporting capital gains held for one to two "
            "years would pay their ordinary income tax rate.",
            "Under Mrs. Lee's plan",
            "Mrs. Lee's",
            "taxpayers reporting capital gains held for one to two years would pay their "
            "ordinary income tax rate",
        ),
    ],
)
def test_extract_owned_claims(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, content: str
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert a.content.text == content


def test_extract_possessor_misparsed_as_subject(by_cue) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Footage shows that Brown had his hands in the air, contradicting Denver police’s "
        "earlier claim that Brown had refused to show his hands."
    )
    atts, a = by_cue(text, "claim")
    assert a.source_mention is not None and a.source_mention.text == "Denver police’s"


def test_extract_possessive_misparsed_as_a_verb(by_cue) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Video shows that Brown had his hands in the air, contradicting Tulsa police’s "
        "earlier claim that Brown had refused to keep his hands up."
    )
    atts, a = by_cue(text, "claim")
    assert a.source_mention is not None and a.source_mention.text == "Tulsa police’s"

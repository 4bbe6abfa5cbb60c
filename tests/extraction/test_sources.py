"""Source mentions and contents chosen by sources.py and contents.py, through extract()."""

from __future__ import annotations

import pytest

from app.extraction import extract


def _source_of(parser, sentence: str, cue: str) -> str | None:  # type: ignore[no-untyped-def]
    atts = [a for a in extract(sentence, parser=parser) if a.cue and a.cue.text == cue]
    assert atts, f"no attribution with cue {cue!r} in {sentence!r}"
    mention = atts[0].source_mention
    return mention.text if mention else None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        # who issued the document speaks through it
        (
            "The union released a statement saying the strike would go on.",
            "saying",
            "The union",
        ),
        (
            "The mayor's office sent out a press release saying the bridge will reopen.",
            "saying",
            "The mayor's office",
        ),
        # no one issues it in the sentence: the document itself is the source
        ("A statement saying the strike would go on was read out.", "saying", "A statement"),
        # a possessive pronoun on a cue noun refers back to the subject
        ("The senator stepped up his attacks on the budget plan.", "attacks", "The senator"),
        # the word after the verb opening its content is not an inverted speaker
        (
            "Among the town's registered voters, about half, 52 percent, say they will stay home.",
            "say",
            None,
        ),
        # the "it" of an extraposed clause is nobody
        ("It is hard to imagine that the council will agree.", "imagine", None),
        ("It is worth remembering that the port was closed for years.", "remembering", None),
        # a causative verb's object does what its complement says
        ("The ruling prompted many lawyers to question the verdict.", "question", "many lawyers"),
        # "'s" with a clause is "has", not a passive
        ("While he's said he will fight on, the senator must decide soon.", "said", "he"),
        # an unfamiliar name opening the sentence, read as an adverb by the parser
        ("Skelly called Braynard “a real smart guy.”", "called", "Skelly"),
        # the passive of a feeling or an attention names who holds it
        ("The chairman was convinced that the bill would pass.", "convinced", "The chairman"),
        ("Maher was still focused on the budget.", "focused on", "Maher"),
        # the parser lost the copula's subject: the nearest name before it
        (
            "In towns hit by cheap imports, Rhonda Hughes, 43, is a fervent supporter of Trump.",
            "supporter of",
            "Rhonda Hughes, 43",
        ),
        # an inverted speaker after a quotation still is
        ("“We will vote no,” said Anna Berg.", "said", "Anna Berg"),
        (
            '"Stay home on Tuesday," opined Dayton\'s Evening Herald.',
            "opined",
            "Dayton's Evening Herald",
        ),
        (
            "“Stay home on Tuesday,” opined the Dayton Herald's editors.",
            "opined",
            "the Dayton Herald's editors",
        ),
        # a verb not after a quotation or comma does not invert its speaker
        ("The members have vouched for Ortiz's record.", "vouched for", "The members"),
    ],
)
def test_source_mention(parser, sentence: str, cue: str, source: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _source_of(parser, sentence, cue) == source


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "participle"),
    [
        # a participle describing a noun reports nothing, with or without a quotation near
        ("The talks rest on a “peace plan” presented to both parties in June.", "presented"),
        ("Work began on a “growth package” proposed by the mayor in May.", "proposed"),
        # nor does a "that" relative clause with only an object
        ("The council passed a bill that laid out new rules for landlords.", "laid out"),
    ],
)
def test_participle_describing_a_noun_is_no_cue(parser, sentence: str, participle: str) -> None:  # type: ignore[no-untyped-def]
    assert participle not in [a.cue.text for a in extract(sentence, parser=parser) if a.cue]


@pytest.mark.model
def test_interview_turn_marks_are_no_sources(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Q: Will the bridge reopen this year?\n\n"
        "A: I think the repairs will take until spring. The engineers believe it is safe."
    )
    atts = extract(text, parser=parser)
    assert [a.source_mention.text for a in atts if a.source_mention] == ["I", "The engineers"]


@pytest.mark.model
def test_that_relative_with_a_clause_still_reports(parser) -> None:  # type: ignore[no-untyped-def]
    atts = extract("A report that said the economy grew came out on Monday.", parser=parser)
    assert [(a.cue.text, a.content.text) for a in atts if a.cue] == [("said", "the economy grew")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # a quotation verb after the quotation it closes ('"...," he continued.')
        ("“We will win this,” he continued.", "continued", "“We will win this,”"),
        # wire copy writes a double quote as two apostrophes
        ("''We will win this,'' he continued.", "continued", "''We will win this,''"),
        # before its cue, a coordinated clause is part of what was said
        (
            "The pay is good, but it was not just the money that kept her, Ms. Hale said.",
            "said",
            "The pay is good, but it was not just the money that kept her",
        ),
        # a relative clause the writer appends to the reported clause is not reported
        (
            "The senator said she backs the bill, which includes new rules for landlords.",
            "said",
            "she backs the bill",
        ),
        # where something was said is no part of what was said
        ("“We will rebuild,” the mayor said at a news conference.", "said", "“We will rebuild,”"),
        # what a criticism is over belongs to its content
        (
            "The governor criticized the mayor over his plan to close the port.",
            "criticized",
            "the mayor over his plan to close the port",
        ),
    ],
)
def test_cue_and_content(parser, sentence: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    atts = [a for a in extract(sentence, parser=parser) if a.cue and a.cue.text == cue]
    assert [a.content.text for a in atts] == [content]


@pytest.mark.model
def test_content_is_the_clause_after_the_verb(parser) -> None:  # type: ignore[no-untyped-def]
    # the parser may hang the first clause on the second verb as well
    text = "Six in ten said they were tired; 46 percent said they were unenthusiastic."
    atts = extract(text, parser=parser)
    assert [(a.source_mention.text, a.content.text) for a in atts if a.source_mention] == [
        ("Six in ten", "they were tired"),
        ("46 percent", "they were unenthusiastic"),
    ]

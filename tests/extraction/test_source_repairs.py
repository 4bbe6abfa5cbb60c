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


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # the parser loses the subject of "cited": the name before the participle aside
        (
            "Trump, appearing after Sanders at the NBC/MSNBC town hall, cited problems with "
            "the trade deals.",
            "cited",
            "Trump",
            "problems with the trade deals",
        ),
        # the name hangs on the place before it; its appositive aside belongs to it
        (
            "In a debate on Tuesday in Ohio, Tom R. Hale, the director of the Ohio Policy "
            "Center, bluntly told a voter who said that taxes would rise because of the plan "
            'that "the numbers do not add up."',
            "told",
            "Tom R. Hale, the director of the Ohio Policy Center",
            '"the numbers do not add up."',
        ),
        # "his response was to say": the possessor says it, not the response
        (
            "Pressed by the host about how he would pay for the wall, his only response was "
            "to say he would make Mexico pay.",
            "say",
            "his",
            "he would make Mexico pay",
        ),
        # a name opening the sentence misread as an imperative verb
        (
            "Trump openly admires Chinese President Xi Jinping as a “great leader,” comparing "
            "him favorably to President Bush.",
            "comparing",
            "Trump",
            "him favorably to President Bush",
        ),
        # a light-verb idiom whose target is a for-to clause
        (
            "The governor sounded a call for the legislature to approve more funding for schools.",
            "sounded a call",
            "The governor",
            "the legislature to approve more funding for schools",
        ),
        # "recite" is a verb of saying
        (
            "“I warned you,” the candidate told the crowd, reciting the fox's boast to the hen.",
            "reciting",
            "the candidate",
            "the fox's boast to the hen",
        ),
    ],
)
def test_extract_lost_and_misread_sources(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, content: str
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert " … ".join(f.text for f in a.content_fragments) == content


def test_extract_for_to_subject_takes_no_stance(parser) -> None:  # type: ignore[no-untyped-def]
    text = "The governor sounded a call for the legislature to approve more funding for schools."
    atts = extract(text, config=CONFIG, parser=parser)
    assert [a.cue.text for a in atts if a.cue is not None] == ["sounded a call"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a quoted show title after "told" is no quotation; the that-clause is no aside
        (
            'Ahead of the vote next week, Warren told ABC\'s "This Week" that nobody would '
            "doubt her resolve on the issue.",
            "told",
            "Warren",
            "nobody would doubt her resolve on the issue",
        ),
        (
            'Ahead of the vote next week, Warren told CNN\'s "State of the Union" that nobody '
            "would doubt her resolve on the issue.",
            "told",
            "Warren",
            "nobody would doubt her resolve on the issue",
        ),
        # a garbled clause with two subjects: the one before the cue's adjunct
        (
            "Mayor Ann Lee, D-Ohio, despite admitting that she did have her doubts about the "
            "contract, the workers “do need to have a raise” and she does believe the council "
            "will agree.",
            "admitting",
            "Mayor Ann Lee, D-Ohio",
            "she did have her doubts about the contract",
        ),
        # a court judging another decision; the decision's clause is no participle
        (
            "A three-judge panel of the state Court of Appeals overruled a county judge's "
            "decision that the mayor was not violating any laws.",
            "overruled",
            "A three-judge panel of the state Court of Appeals",
            "a county judge's decision that the mayor was not violating any laws",
        ),
    ],
)
def test_extract_titles_garbles_and_rulings(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, content: str
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert " … ".join(f.text for f in a.content_fragments) == content


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a reduced "when forced to" clause: the main subject does what it was forced to
        (
            "The mayor was similarly defensive when forced to defend not paying a contractor "
            "who said he was cheated, saying, “Maybe he didn’t do a good job.”",
            "defend",
            "The mayor",
            None,
        ),
        # "stopped short of calling": the climb passes the adverb "short"
        (
            "The senator further described the vote as a “terrible mistake,” but stopped "
            "short of calling Brown’s actions corrupt.",
            "calling",
            "The senator",
            "Brown’s actions corrupt",
        ),
    ],
)
def test_extract_sources_through_adjuncts(  # type: ignore[no-untyped-def]
    by_cue, text: str, cue: str, source: str, content: str | None
) -> None:
    atts, a = by_cue(text, cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert content is None or a.content.text == content


def test_extract_subject_of_a_misread_coordination(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Smith has been attacking Jones since Brown, at Tuesday’s hearing, cited harsh "
        "remarks Smith had made about Jones after she lost the vote."
    )
    atts = extract(text, config=CONFIG, parser=parser)
    cited = [a for a in atts if a.cue is not None and a.cue.text == "cited"]
    assert cited and cited[0].source_mention is not None
    assert cited[0].source_mention.text == "Brown"


def test_extract_object_after_participle_is_no_speaker(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The voters do not agree with Smith," Jones said, suggesting a few questions, '
        'including, "Mr. Smith, do you really think that bankers need a tax break?"'
    )
    atts = extract(text, config=CONFIG, parser=parser)
    suggesting = [a for a in atts if a.cue is not None and a.cue.text == "suggesting"]
    assert suggesting and suggesting[0].source_mention is not None
    assert suggesting[0].source_mention.text == "Jones"


def test_extract_idea_in_a_range_of_topics_is_no_claim(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "She talked about the rumors — from the mayor being a thief, to Ann Lee being his "
        "partner, to the idea that the audit may have been rigged."
    )
    atts = extract(text, config=CONFIG, parser=parser)
    assert [a.cue.text for a in atts if a.cue is not None] == ["talked about"]


def test_extract_noun_object_misread_as_coordinated_verb(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "But his remarks on Saturday carried a more personal tone, and a tacit "
        "acknowledgment that he may be the only one who can rally the base."
    )
    atts = extract(text, config=CONFIG, parser=parser)
    ack = [a for a in atts if a.cue is not None and a.cue.text == "acknowledgment"]
    assert ack and ack[0].source_mention is not None
    assert ack[0].source_mention.text == "his"


def test_extract_main_verb_misread_as_participle(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aaron Roe, the director of debate at the University of Ohio, compared Smith to a "
        'coach at a football game who is "working the referees."'
    )
    atts = extract(text, config=CONFIG, parser=parser)
    compared = [a for a in atts if a.cue is not None and a.cue.text == "compared"]
    assert compared and compared[0].source_mention is not None
    assert compared[0].source_mention.text.startswith("Aaron Roe, the director of debate")


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a place after "in" is where, not who
        (
            "Smith’s “excesses” are sickening, Dupont said Tuesday in Paris, noting the "
            "Republican nominee “makes you want to retch.”",
            "noting",
            "Dupont",
        ),
        # "his friends" make the jokes, not "his"
        ("Even his friends make jokes about the plan.", "make jokes", "Even his friends"),
        # a long climb through an adverb still finds the subject
        (
            'Instead, he was back to boasting about "winning" and pledging to make America '
            "great again.",
            "pledging",
            "he",
        ),
    ],
)
def test_extract_fallback_speakers(parser, text: str, cue: str, source: str | None) -> None:  # type: ignore[no-untyped-def]
    atts = extract(text, config=CONFIG, parser=parser)
    found = [a for a in atts if a.cue is not None and a.cue.text == cue]
    assert found
    if source is not None:
        assert found[0].source_mention is not None
        assert found[0].source_mention.text == source


def test_a_cue_noun_the_parser_joins_to_the_verb_has_the_verbs_subject(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mayor Tom Baxter spoke at the rally. His remarks on Saturday carried a personal "
        "tone, and a tacit acknowledgment that he may be the only one who can win."
    )
    found = [
        (a.source_mention.text, a.source.name)
        for a in extract(text, parser=parser)
        if a.cue is not None and a.cue.text == "acknowledgment" and a.source_mention
    ]
    assert found and found[0][1] == "Tom Baxter"


def test_a_colon_headline_names_the_speaker_before_the_topic(parser) -> None:  # type: ignore[no-untyped-def]
    text = "Tom Baxter on Climate Change: The trends are terrifying."
    found = [a.source_mention.text for a in extract(text, parser=parser) if a.source_mention]
    assert found[:1] == ["Tom Baxter"]

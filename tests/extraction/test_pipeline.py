"""extract() end to end: order, offsets, kinds, editorial claims, headline and chrome."""

from __future__ import annotations

import pytest

from app.extraction import (
    AttributionKind,
    ExtractionConfig,
    ExtractionError,
    extract,
    get_parser,
    load_parser,
)
from app.extraction.parse import paragraph_ranges

K = AttributionKind


ARTICLE = (
    "Storm Closes Harbour Road\n\n"
    "The harbour road was closed on Monday after the storm. “We will reopen it as soon as "
    "it is safe,” the mayor said.\r\n\r\n"
    "Two boats sank, according to the coast guard. Engineers believe the sea wall held.\n\n"
    "Leave a Comment"
)


def _spans(a):  # type: ignore[no-untyped-def]
    yield a.content
    yield from a.content_fragments
    for s in (a.cue, a.source_mention, a.based_on):
        if s is not None:
            yield s


@pytest.mark.model
def test_extract_spans_match_text_and_come_in_text_order(parser) -> None:  # type: ignore[no-untyped-def]
    atts = extract(ARTICLE, parser=parser)
    for a in atts:
        for s in _spans(a):
            assert ARTICLE[s.start : s.end] == s.text
    starts = [a.content.start for a in atts]
    assert starts == sorted(starts)


@pytest.mark.model
@pytest.mark.parametrize(
    ("cue", "source", "kind"),
    [
        ("said", "the mayor", K.DIRECT_QUOTE),
        ("according to", "the coast guard", K.ACCORDING_TO),
        ("believe", "Engineers", K.BELIEF),
    ],
)
def test_extract_attributions_of_the_article(parser, cue: str, source: str, kind: K) -> None:  # type: ignore[no-untyped-def]
    atts = [a for a in extract(ARTICLE, parser=parser) if a.cue is not None]
    found = [
        (a.cue.text, a.source_mention.text if a.source_mention else None, a.kind) for a in atts
    ]
    assert (cue, source, kind) in found


@pytest.mark.model
def test_extract_editorial_sentences_but_not_headline_or_chrome(parser) -> None:  # type: ignore[no-untyped-def]
    atts = extract(ARTICLE, parser=parser)
    editorial = [a for a in atts if a.kind is K.EDITORIAL]
    texts = [a.text for a in editorial]
    assert "The harbour road was closed on Monday after the storm." in texts
    assert all(a.cue is None and a.source_mention is None for a in editorial)
    joined = " ".join(a.text for a in atts)
    assert "Storm Closes Harbour Road" not in joined
    assert "Leave a Comment" not in joined
    # no editorial claim repeats an attributed sentence
    assert not any("according to" in t for t in texts)


@pytest.mark.model
def test_extract_without_editorial(parser) -> None:  # type: ignore[no-untyped-def]
    atts = extract(ARTICLE, parser=parser, config=ExtractionConfig(include_editorial=False))
    assert atts and all(a.kind is not K.EDITORIAL for a in atts)


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "\u200b"])
def test_extract_blank_text(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(a.kind is K.EDITORIAL for a in extract(text, parser=parser))


@pytest.mark.model
def test_extract_crlf_offsets(parser) -> None:  # type: ignore[no-untyped-def]
    text = "Intro line here.\r\n\r\nThe minister said the talks would resume.\r\n"
    a = next(a for a in extract(text, parser=parser) if a.cue is not None)
    assert a.cue.text == "said"
    assert text[a.cue.start : a.cue.end] == "said"
    assert a.content.text == "the talks would resume"


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("a\n\nb", ["a", "b"]),
        ("a\nb\n\n\n  c  \n", ["a\nb", "c"]),
        ("a\r\nb\r\n\r\nc", ["a\r\nb", "c"]),
        ("", []),
        (" \n \n ", []),
    ],
)
def test_paragraph_ranges(text: str, paragraphs: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_ranges(text)] == paragraphs


def test_paragraph_ranges_cuts_overlong_paragraphs() -> None:
    text = "One sentence here. " * 100
    chunks = list(paragraph_ranges(text, max_chars=200))
    assert all(e - s <= 200 for s, e in chunks)
    assert "".join(text[s:e] for s, e in chunks).replace(" ", "") == text.replace(" ", "")


def test_load_parser_without_any_model_raises() -> None:
    with pytest.raises(ExtractionError):
        load_parser(ExtractionConfig(models=("no_such_model_xyz",)))


@pytest.mark.model
def test_get_parser_is_cached() -> None:
    assert get_parser(ExtractionConfig()) is get_parser(ExtractionConfig())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the participle hangs on a noun that neither speaks nor thinks: climb to its verb
        (
            "The mayor made a bid to persuade the council that the plan works.",
            "persuade",
            "The mayor",
        ),
        ("The mayor spent the morning praising the firefighters.", "praising", "The mayor"),
        ("The senator had a hard time defending the bill.", "defending", "The senator"),
        # a noun that carries a message speaks for whoever issued it
        ("The group released an ad attacking the senator.", "attacking", "The group"),
        ("The paper ran a string of editorials attacking the plan.", "attacking", "The paper"),
        # ... and for itself when nobody in the sentence issued it
        ("An ad attacking the senator ran on Sunday.", "attacking", "An ad"),
        (
            "The ministry issued a statement saying the border was closed.",
            "issued a statement",
            "The ministry",
        ),
    ],
)
def test_extract_source_of_participles_and_infinitives(
    parser, text: str, cue: str, source: str
) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    found = [
        (a.cue.text, a.source_mention.text if a.source_mention else None)
        for a in extract(text, config=config, parser=parser)
        if a.cue is not None
    ]
    assert (cue, source) in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # stance adjectives with a prepositional object
        (
            "The senator is critical of the new budget.",
            "critical of",
            "The senator",
            "the new budget",
        ),
        (
            "The mayor is opposed to the harbour plan.",
            "opposed to",
            "The mayor",
            "the harbour plan",
        ),
        # people named by their stance
        ("She is a campaigner for clean air.", "campaigner for", "She", "clean air"),
        (
            "Adelson, a fierce supporter of the party, gave money.",
            "supporter of",
            "Adelson",
            "the party",
        ),
        # "made it clear"
        ("He made it clear that he would run again.", "made", "He", None),
    ],
)
def test_extract_stance_adjectives_agent_nouns_made_clear(
    parser, text: str, cue: str, source: str, content: str | None
) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    found = [
        (a.cue.text, a.source_mention.text if a.source_mention else None, a.content.text)
        for a in extract(text, config=config, parser=parser)
        if a.cue is not None
    ]
    assert any(
        c == cue and s == source and (content is None or t == content) for c, s, t in found
    ), found


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["The room was full of people.", "The storm was critical of nothing at all."]
)
def test_extract_stance_adjectives_need_a_person(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    assert extract(text, config=config, parser=parser) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a participle on a passive verb: the passive subject speaks
        (
            "The mayor was seen at the rally, praising the nurses.",
            "praising",
            "The mayor",
            "the nurses",
        ),
        # "In a poll, ...": the document says so; a cue verb of its own keeps the claim
        (
            "In a new county poll, the mayor leads the race by five points.",
            "In",
            "a new county poll",
            "the mayor leads the race by five points",
        ),
        (
            "In a statement, the ministry said the border was closed.",
            "said",
            "the ministry",
            "the border was closed",
        ),
    ],
)
def test_extract_passive_hosts_and_in_documents(
    parser, text: str, cue: str, source: str, content: str
) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    found = [
        (a.cue.text, a.source_mention.text if a.source_mention else None, a.content.text)
        for a in extract(text, config=config, parser=parser)
        if a.cue is not None
    ]
    assert (cue, source, content) in found, found


@pytest.mark.model
def test_extract_in_a_time_is_not_a_document(parser) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    assert (
        extract("In the morning, the mayor opened the bridge.", config=config, parser=parser) == []
    )


@pytest.mark.model
def test_extract_splits_a_second_speaker_off_the_content(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "After the meeting, several farmers said the minister had made a fair offer, "
        "while other farmers said they had heard nothing new."
    )
    config = ExtractionConfig(include_editorial=False)
    found = [
        (a.source_mention.text if a.source_mention else None, a.content.text)
        for a in extract(text, config=config, parser=parser)
    ]
    assert found == [
        ("several farmers", "the minister had made a fair offer"),
        ("other farmers", "they had heard nothing new"),
    ], found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "cue", "source"),
    [
        # a word of the quotation is no speaker: the name between quotation and cue is
        (
            "“We were wrong to wait,” Garcia told reporters.",
            "“We were wrong to wait,”",
            "told",
            "Garcia",
        ),
        # the inverted speaker after the verb
        (
            "“Some people get angry,” said the mayor.",
            "“Some people get angry,”",
            "said",
            "the mayor",
        ),
    ],
)
def test_speaker_outside_the_quotation(
    parser, text: str, quote: str, cue: str, source: str
) -> None:  # type: ignore[no-untyped-def]
    from app.extraction.cues import Cue
    from app.extraction.sources import speaker_outside

    doc = parser.parse(text).paragraphs[0].doc
    q0 = text.index(quote)
    toks = [t.i for t in doc if q0 <= t.idx < q0 + len(quote)]
    head = next(t.i for t in doc if t.text == cue)
    found = speaker_outside(
        doc, Cue(0, head, head, head + 1, K.INDIRECT, "verb"), toks[0], toks[-1] + 1
    )
    assert found is not None and doc[found[0] : found[1]].text == source, found


@pytest.mark.model
def test_extract_document_frame_yields_to_its_speaker(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In an interview with The Daily Record, Hale doubled down on his comments and said "
        "the judge had a conflict of interest."
    )
    config = ExtractionConfig(include_editorial=False)
    found = [
        (a.cue.text if a.cue else None, a.source_mention.text if a.source_mention else None)
        for a in extract(text, config=config, parser=parser)
    ]
    assert found == [("said", "Hale")], found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a passive participle on a noun with no "by" agent names it; nobody speaks
        "A new group called Brokers held its first meeting on Monday.",
        "They formed a group called “The Local” last year.",
    ],
)
def test_extract_naming_participle_is_no_cue(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    assert extract(text, config=config, parser=parser) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # "compared with" without an object compares figures; nobody compares anything
        ("Turnout rose to 61 percent, compared with 54 percent four years ago.", []),
        (
            "Voters under 30 backed the plan, compared with 40 percent of older voters.",
            ["backed"],
        ),
        ("The senator compared the plan to a tax on the poor.", ["compared"]),
    ],
)
def test_extract_compared_with_figures_is_no_cue(parser, text: str, cues: list[str]) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    found = [a.cue.text for a in extract(text, config=config, parser=parser) if a.cue]
    assert found == cues, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # a stance verb with only an object in a relative clause says who someone is
        ("The money came from a donor who backed Walker in the primary.", []),
        ("The candidate the donor backed lost in the primary.", []),
        # a saying verb there still reports
        ("She met voters who criticized the plan as too costly.", ["criticized"]),
        ("The senator, who backed the bill, said it would pass.", ["said"]),
    ],
)
def test_extract_identifying_relative_is_no_cue(parser, text: str, cues: list[str]) -> None:  # type: ignore[no-untyped-def]
    config = ExtractionConfig(include_editorial=False)
    found = [a.cue.text for a in extract(text, config=config, parser=parser) if a.cue]
    assert found == cues, found

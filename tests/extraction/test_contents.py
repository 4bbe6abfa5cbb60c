"""Content and source spans of whole attributions, on sentences written for these tests."""

from __future__ import annotations

import pytest

from app.extraction import Attribution, ExtractionConfig, extract, get_parser
from app.extraction.contents import find_quotes
from app.extraction.types import AttributionKind as K

pytestmark = pytest.mark.model

CONFIG = ExtractionConfig(include_editorial=False)


@pytest.fixture(scope="module")
def parser():  # type: ignore[no-untyped-def]
    return get_parser(CONFIG)


def _by_cue(atts: list[Attribution], cue: str) -> Attribution:
    for a in atts:
        if a.cue is not None and a.cue.text == cue:
            return a
    raise AssertionError(f"no attribution with cue {cue!r}: {[a.cue for a in atts]}")


# (text, cue, source mention, content fragments, kind)
CASES = [
    # direct quotes: speaker after, before, inside
    (
        "“We will rebuild the bridge,” the mayor said.",
        "said",
        "the mayor",
        ["“We will rebuild the bridge,”"],
        K.DIRECT_QUOTE,
    ),
    (
        "The mayor said: “We will rebuild the bridge.”",
        "said",
        "The mayor",
        ["“We will rebuild the bridge.”"],
        K.DIRECT_QUOTE,
    ),
    (
        "“We will rebuild,” the mayor said, “and we will do it quickly.”",
        "said",
        "the mayor",
        ["“We will rebuild,”", "“and we will do it quickly.”"],
        K.DIRECT_QUOTE,
    ),
    (
        "“We will rebuild the bridge. It will take two years,” the mayor said.",
        "said",
        "the mayor",
        ["“We will rebuild the bridge. It will take two years,”"],
        K.DIRECT_QUOTE,
    ),
    # a partial quote inside reported speech
    (
        "The senator said the plan was “dead on arrival” in its current form.",
        "said",
        "The senator",
        ["the plan was “dead on arrival” in its current form"],
        K.INDIRECT,
    ),
    # reported speech without and with "that"
    (
        "The minister said the talks would resume next week.",
        "said",
        "The minister",
        ["the talks would resume next week"],
        K.INDIRECT,
    ),
    (
        "The minister said that the talks would resume next week.",
        "said",
        "The minister",
        ["the talks would resume next week"],
        K.INDIRECT,
    ),
    (
        "The ministry said in a statement that the border would reopen on Friday.",
        "said",
        "The ministry",
        ["the border would reopen on Friday"],
        K.INDIRECT,
    ),
    (
        "Three people were injured in the blast, according to the police.",
        "according to",
        "the police",
        ["Three people were injured in the blast"],
        K.ACCORDING_TO,
    ),
    (
        "Hamas announced the deaths of six hostages.",
        "announced",
        "Hamas",
        ["the deaths of six hostages"],
        K.INDIRECT,
    ),
    (
        "The governor signaled that he would veto the bill.",
        "signaled",
        "The governor",
        ["he would veto the bill"],
        K.INDIRECT,
    ),
    (
        "It was announced by the ministry that the border would reopen.",
        "announced",
        "the ministry",
        ["the border would reopen"],
        K.INDIRECT,
    ),
    (
        "He said the economy was strong.",
        "said",
        "He",
        ["the economy was strong"],
        K.INDIRECT,
    ),
    (
        "Qatar's Foreign Ministry spokesperson, Majed al-Ansari, said the talks were ongoing.",
        "said",
        "Qatar's Foreign Ministry spokesperson, Majed al-Ansari",
        ["the talks were ongoing"],
        K.INDIRECT,
    ),
    # beliefs, intentions, findings
    (
        "Analysts believe the deal will hold.",
        "believe",
        "Analysts",
        ["the deal will hold"],
        K.BELIEF,
    ),
    (
        "The mayor wants to rebuild the old bridge.",
        "wants",
        "The mayor",
        ["to rebuild the old bridge"],
        K.INTENTION,
    ),
    (
        "The survey found that most residents back the plan.",
        "found",
        "The survey",
        ["most residents back the plan"],
        K.FINDING,
    ),
]


@pytest.mark.parametrize(("text", "cue", "source", "fragments", "kind"), CASES)
def test_extract_content_and_source(  # type: ignore[no-untyped-def]
    parser, text: str, cue: str, source: str, fragments: list[str], kind: K
) -> None:
    a = _by_cue(extract(text, config=CONFIG, parser=parser), cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert [f.text for f in a.content_fragments] == fragments
    assert a.kind is kind


@pytest.mark.parametrize(
    ("text", "cue", "source", "content_contains"),
    [
        (
            "The spokesman declined to comment on the report.",
            "declined",
            "The spokesman",
            "the report",
        ),
        ("He expressed hope for a quick resolution.", "expressed", "He", "a quick resolution"),
        (
            "Lopez has led the strike from the start.\n\nLopez: “We are not leaving this town.”",
            ":",
            "Lopez",
            "We are not leaving this town.",
        ),
        (
            "Voices from the rally.\n\n“The bridge matters to all of us.”― Ana Ruiz.",
            "―",
            "Ana Ruiz",
            "The bridge matters to all of us.",
        ),
        (
            "Voices from the rally.\n\nAna Ruiz ― “The bridge matters to all of us.”",
            "―",
            "Ana Ruiz",
            "The bridge matters to all of us.",
        ),
    ],
)
def test_extract_content_contains(  # type: ignore[no-untyped-def]
    parser, text: str, cue: str, source: str, content_contains: str
) -> None:
    a = _by_cue(extract(text, config=CONFIG, parser=parser), cue)
    assert a.source_mention is not None and a.source_mention.text == source
    assert content_contains in a.text


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # passive with an agent: the agent speaks, the passive subject is the content
        ("The proposal was rejected by the council.", "rejected", "the council", "The proposal"),
        # for-to clauses after "call for"
        (
            "She called for all candidates to publish their plans.",
            "called",
            "She",
            "all candidates to publish their plans",
        ),
        # an impression nobody in the text holds
        ("The senator seemed to waver on the bill.", "seemed", None, "to waver on the bill"),
        # "accused X of Y" keeps the of-phrase
        (
            "The mayor accused the council of wasting money.",
            "accused",
            "The mayor",
            "the council of wasting money",
        ),
    ],
)
def test_extract_more_constructions(  # type: ignore[no-untyped-def]
    parser, text: str, cue: str, source: str | None, content: str
) -> None:
    a = _by_cue(extract(text, config=CONFIG, parser=parser), cue)
    assert (a.source_mention.text if a.source_mention else None) == source
    assert content in a.text


def test_extract_quote_running_over_paragraphs(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The mayor spoke on Friday. “We will rebuild the bridge,” she said. “It will take time."
        "\n\n“But the money is there, and the work starts in May.”"
    )
    a = _by_cue(extract(text, config=CONFIG, parser=parser), "said")
    assert a.source_mention is not None and a.source_mention.text == "she"
    assert "the work starts in May" in a.text
    assert a.content_fragments[0].text == "“We will rebuild the bridge,”"


def test_extract_no_speech_acts_inside_a_quotation(parser) -> None:  # type: ignore[no-untyped-def]
    text = "“I think we said what we wanted to say,” the coach said."
    atts = extract(text, config=CONFIG, parser=parser)
    assert [a.cue.text for a in atts if a.cue] == ["said"]
    assert atts[0].source_mention is not None and atts[0].source_mention.text == "the coach"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said “yes” and “no”.", ["“yes”", "“no”"]),
        ('He said "yes".', ['"yes"']),
        ("“Unclosed to the end", ["“Unclosed to the end"]),
        ("No quotes at all.", []),
        # sloppy copy mixes curly and straight marks
        ('“We won," he said. "Again.”', ['“We won,"', '"Again.”']),
    ],
)
def test_find_quotes(text: str, quotes: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text, [(0, len(text))])] == quotes

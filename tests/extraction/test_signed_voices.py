"""Lists of voices signed with a dash, in sloppy typography: non-breaking spaces, reversed
and nested quotation marks, several signed lines in one paragraph (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from app.extraction import Attribution, ExtractionConfig, extract
from app.extraction.contents import find_quotes

pytestmark = pytest.mark.model

CONFIG = ExtractionConfig(include_editorial=False)
NBSP = "\u00a0"


def _pairs(atts: list[Attribution]) -> list[tuple[str | None, str]]:
    return [(a.source_mention.text if a.source_mention else None, a.content.text) for a in atts]


SIGNED = (
    "Voices from the harbour.\n\n"
    "”The ferry is our lifeline. Without it the island empties.” ― Maria Olsen\n"
    "“We asked for a bridge twenty years ago.”― Peter Lund" + NBSP + "\n"
    "“Nobody in the capital listens to us.”" + NBSP + "― Anna Berg" + NBSP + "\n"
    "“The new timetable is a joke.” ―" + NBSP + "Jonas K. Holm."
)


def test_extract_signed_voices_each_get_their_own_signature(parser) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extract(SIGNED, config=CONFIG, parser=parser))
    assert pairs == [
        ("Maria Olsen", "”The ferry is our lifeline. Without it the island empties.”"),
        ("Peter Lund", "“We asked for a bridge twenty years ago.”"),
        ("Anna Berg", "“Nobody in the capital listens to us.”"),
        ("Jonas K. Holm", "“The new timetable is a joke.”"),
    ]


def test_extract_signature_takes_the_quotations_of_its_line(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Voices from the harbour.\n\n"
        "“The ferry is late.” ― Maria Olsen\n"
        "“We pay more every year.” And then: “Nobody explains why.” ― Peter Lund"
    )
    atts = extract(text, config=CONFIG, parser=parser)
    lund = [a for a in atts if a.source_mention and a.source_mention.text == "Peter Lund"]
    assert [f.text for f in lund[0].content_fragments] == [
        "“We pay more every year.”",
        "“Nobody explains why.”",
    ]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # a reversed opening mark at the start of a line
        ("”We won.” ― Ana Ruiz", ["”We won.”"]),
        # a quotation inside a quotation, both with curly double marks
        ("“He calls it “fair” and means it.” ― Ana Ruiz", ["“He calls it “fair” and means it.”"]),
        # a lost closing mark still ends the quotation where the next one opens
        ("“We won. “They lost.”", ["“We won. ", "“They lost.”"]),
        # a curly quotation inside a straight one (a transcript turn)
        (
            '"LEE: It is an episode of “Dragons’ Den.” But this is serious.',
            ['"LEE: It is an episode of “Dragons’ Den.” But this is serious.'],
        ),
        # a closing mark after a word is no opening mark
        ("He said it was over” and left.", []),
    ],
)
def test_find_quotes_sloppy_marks(text: str, quotes: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text, [(0, len(text))])] == quotes


def test_extract_transcript_turn_with_a_title_in_quotes(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Partial transcript as follows:\n\n"
        '"LEE: Well, my rival thinks this is an episode of “Dragons’ Den.” But this is a '
        "city, not a show. And his latest tweet was really mocking the fact that the budget "
        "is late."
    )
    atts = extract(text, config=CONFIG, parser=parser)
    assert [a.source_mention.text for a in atts if a.source_mention] == ["LEE"]
    assert atts[0].cue is not None and atts[0].cue.text == ":"


def test_extract_paragraph_wrapped_in_straight_marks_keeps_its_cues(parser) -> None:  # type: ignore[no-untyped-def]
    text = (
        "She spoke to a radio station on Friday.\n\n"
        '"“You don’t win a league by how many games you draw,” Lee responded before adding '
        'that her team will have to win some away games in March."'
    )
    atts = extract(text, config=CONFIG, parser=parser)
    cues = {a.cue.text: a for a in atts if a.cue is not None}
    assert cues["responded"].source_mention is not None
    assert cues["responded"].source_mention.text == "Lee"
    assert "adding" in cues

"""Conditions on verb cues: when a lexicon verb is accepted without its usual clause.

Sentences written for these tests; each case pairs an accepted use with a rejected one of the
same word where the rule has a boundary.
"""

from __future__ import annotations

import pytest

from app.extraction.cues import find_cues

pytestmark = pytest.mark.model


def _cue_heads(parser, sentence: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = parser.nlp(sentence)
    return [doc[c.head].text for c in find_cues(doc, para=0)]


@pytest.mark.parametrize(
    ("sentence", "word", "is_cue"),
    [
        # a poll or record the participle or the relative clause hangs on makes the finding
        ("The race is close, with polls showing a narrow lead for the mayor.", "showing", True),
        ("The video, which showed a heated exchange, was released on Friday.", "showed", True),
        # not when the noun is no document
        ("The crowd, with flags showing the city crest, marched on.", "showing", False),
        # a few clause-only verbs take a bare object from a person as what is put forward
        ("The senator listed her demands in a long letter.", "listed", True),
        ("The mayor addressed the charges at the hearing.", "addressed", True),
        ("The governor showed no sign of backing down.", "showed", True),
        ("The museum showed a film about the war.", "showed", False),
        ("The senator raised money for the party.", "raised", False),
        # "about" hung on the addressee still gives the topic of the talk
        ("The senator talked to reporters about the budget.", "talked", True),
        ("The senator spoke to the gathering of union leaders.", "spoke", False),
        # a vote to do something states the body's intent; a vote on a day does not
        ("The city council voted to repair the old bridge.", "voted", True),
        ("The city council voted on Monday.", "voted", False),
        # a relative pronoun as subject stands for its antecedent
        ("She thanked the union, which sought to block the merger.", "sought", True),
        ("She read the rule, which sought to block the merger.", "sought", False),
        # "hit" a person on or for something: a verbal attack, from a person or an ad
        ("The senator hit Smith on trade policy at the debate.", "hit", True),
        ("The storm hit Florida on Monday.", "hit", False),
        # a bare "went on" continues a quotation; going on for hours does not
        ("“We will win this seat,” the mayor went on.", "went", True),
        ("The talks went on for hours.", "went", False),
        # a relative clause of a held view in the present reports it; in the past it
        # identifies someone by what they did
        ("Voters who support the ban turned out early.", "support", True),
        ("The donor who backed the senator gave more money.", "backed", False),
        # a gerund after a preposition: a held view has the main subject as holder, a
        # deed does not
        ("The mayor lost votes for backing the new stadium.", "backing", True),
        ("After releasing the report, the group held a vote.", "releasing", False),
    ],
)
def test_verb_cue_conditions(parser, sentence: str, word: str, is_cue: bool) -> None:  # type: ignore[no-untyped-def]
    assert (word in _cue_heads(parser, sentence)) is is_cue

"""Cue words used for actions, causes or the reader rather than an attributed attitude.

Sentences written for these tests; each case pairs a rejected use with an accepted one of the
same word, so a rule that rejects too much fails as well.
"""

from __future__ import annotations

import pytest

from app.extraction.cues import find_cues

pytestmark = pytest.mark.model


def _cue_texts(parser, sentence: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = parser.nlp(sentence)
    return [doc[c.start : c.end].text for c in find_cues(doc, para=0)]


@pytest.mark.parametrize(
    ("sentence", "word", "is_cue"),
    [
        # a participle naming a thing by what was done to it ("the ads targeted at ...")
        ("The ads targeted at young voters ran all week.", "targeted", False),
        ("The bill signed by the governor takes effect in May.", "signed", False),
        ("The governor backed the new ads for young voters.", "backed", True),
        # the terms or the side of speaking are no topic
        ("The aide, who spoke on condition of anonymity, said the talks failed.", "spoke", False),
        ("The aide spoke on the budget at length.", "spoke", True),
        ("The former governor campaigned on her behalf in Ohio.", "campaigned", False),
        # a cause or a permission, not a mind
        ("The long delay helped underscore the split in the party.", "underscore", False),
        ("The clerk was not authorized to discuss the case.", "discuss", False),
        ("The mayor wants to discuss the case with the council.", "wants", True),
        # characterising verbs need a predicate; with a bare object they name an action
        ("Thousands of farmers cast their ballots on Sunday.", "cast", False),
        ("The senator cast his rival as a friend of the banks.", "cast", True),
        # what a subject "has" from others is not its own attitude
        ("The senator has the backing of the largest union.", "backing", False),
        ("The senator has doubts about the new tax.", "doubts", True),
        # "be supposed to" is a modal of plan or duty, nobody's belief
        ("The new bridge was supposed to open in the spring.", "supposed", False),
        ("Officials supposed that the bridge would open in the spring.", "supposed", True),
        # celebrating an occasion is an action; celebrating someone as something a stance
        ("The mayor celebrated his sixtieth birthday on Friday.", "celebrated", False),
        ("The mayor celebrated the nurses as heroes of the city.", "celebrated", True),
        # the publication's own voice and rosters are no quotations
        ("Editor’s note: The mayor has misled voters for years.", ":", False),
        ("Editor’s note: The mayor has misled voters for years.", "note", False),
        ("Ohio: Ann Lee, Bo Park, Cy Diaz, Dan Fox and Flo Hunt.", ":", False),
        ("Lopez: “We are not leaving this town.”", ":", True),
        # a date after the preposition is no topic; reacting reports an event
        ("The governor spoke on Monday at the fair.", "spoke", False),
        ("The governor spoke on taxes at the fair.", "spoke", True),
        ("The governor reacted to the verdict on Friday.", "reacted", False),
        # an empty "it" with a that-clause reports nobody's mind
        ("It turned out that the bridge was closed.", "turned", False),
        ("The mayor gathered that the bridge was closed.", "gathered", True),
        # a date is no content of a nominal cue; an inability is no attitude
        ("His statement on Tuesday drew sharp criticism.", "statement", False),
        ("His statement on the budget drew sharp criticism.", "statement", True),
        ("Her inability to win rural votes hurt the party.", "inability", False),
        # words that mostly name a deed or a chance
        ("The party launched a new ad campaign in May.", "launched", False),
        ("The new ads targeted young voters.", "targeted", False),
        ("The lawyers fought for the seat until the end.", "fought", False),
        ("His push for new roads stalled in the council.", "push", False),
        ("The new tax figures to raise billions.", "figures", False),
        ("The police discovered a tunnel under the road.", "discovered", False),
        ("The police discovered that the tunnel was old.", "discovered", True),
        ("The voters gave him a shot at the title.", "shot", False),
        ("The new speaker assumed office in May.", "assumed", False),
        ("Aides assumed that the vote would pass.", "assumed", True),
        ("The mayor invited forty guests to the gala.", "invited", False),
        ("The mayor invited the critics to speak at the hearing.", "invited", True),
        ("The storm determined the outcome of the race.", "determined", False),
        ("Auditors determined that the funds were missing.", "determined", True),
        ("The firm signed a lease for the new office.", "signed", False),
        # a possible stance is nobody's reported stance
        ("Rural voters may embrace the new mayor.", "embrace", False),
        ("Rural voters embraced the new mayor.", "embraced", True),
        ("The coach might talk about his plans next week.", "talk", False),
        ("The coach talked about his plans last week.", "talked", True),
        # "sure to" is likelihood, "make sure" a deed
        ("The bill is sure to pass the senate.", "sure", False),
        ("The clerk made sure that the doors were locked.", "sure", False),
        ("The mayor is sure that the bill will pass.", "sure", True),
        ("The new plan proved to be costly for the city.", "proved", False),
        ("The audit proved that the funds were missing.", "proved", True),
        ("The campaign wooed young voters with free concerts.", "wooed", False),
        ("The senator stood with other party leaders on the stage.", "stood", False),
        # a "verb" the parser joins to a noun is a noun
        (
            "Workers protested outside the stores, warehouses and call centers during the strike.",
            "call",
            False,
        ),
        # the generic "you" of the author addressing the reader
        ("If you believe the early polls, the race is already over.", "believe", False),
        ("The farmers believe the early polls.", "believe", True),
    ],
)
def test_cue_rejections(parser, sentence: str, word: str, is_cue: bool) -> None:  # type: ignore[no-untyped-def]
    found = _cue_texts(parser, sentence)
    assert any(word in c.split() for c in found) is is_cue, found

"""Content boundaries between neighbouring attributions of one paragraph."""

from __future__ import annotations

import pytest

from app.extraction import extract

# (text, cue of the attribution, text its content must hold, text it must not hold)
CASES = [
    # a quotation running on after a side remark continues the speaker's quote
    (
        "Introduction.\n\n"
        '"We can still win this race," the governor said when asked about the polls. '
        '"Our volunteers are working every single day."',
        "said",
        "Our volunteers are working",
        None,
    ),
    # a quotation opening a paragraph with a cue of its own later in that paragraph does not
    # run on from the previous paragraph's quote
    (
        "Introduction.\n\n"
        '"We will win this race," the mayor said.\n\n'
        '"Our volunteers are working every single day." The governor added that the vote '
        "would be close.",
        "said",
        "We will win this race",
        "Our volunteers",
    ),
    # "X said she A and promised B": the promise is the speaker's next act, not reported
    (
        "Introduction.\n\n"
        "The senator said she regretted her remarks and promised to stay out of the race.",
        "said",
        "she regretted her remarks",
        "promised",
    ),
    (
        "Introduction.\n\n"
        "The senator said she regretted her remarks and promised to stay out of the race.",
        "promised",
        "to stay out of the race",
        None,
    ),
    # ", and urged ...": set off by a comma, the next act even after a full noun subject
    (
        "Introduction.\n\n"
        "The chairman said the new tax plan would give money to landlords, and called it a "
        "gift to the rich.",
        "said",
        "the new tax plan would give money to landlords",
        "called",
    ),
    # a modal in the second verb keeps it inside the reported clause
    (
        "Introduction.\n\n"
        "The farmer said he was a lifelong voter and would probably support the mayor.",
        "said",
        "would probably support the mayor",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "cue", "inside", "outside"), CASES)
def test_content_bounds(parser, text, cue, inside, outside) -> None:  # type: ignore[no-untyped-def]
    atts = [a for a in extract(text, parser=parser) if a.cue is not None and a.cue.text == cue]
    assert atts, [(a.cue.text, a.content.text) for a in extract(text, parser=parser)]
    content = " | ".join(f.text for f in atts[0].content_fragments)
    assert inside in content
    if outside is not None:
        assert outside not in content

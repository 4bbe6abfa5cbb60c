"""extract() never fails and never invents text, whatever it is given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extraction import extract

pytestmark = pytest.mark.model


def _check(text: str, atts) -> None:  # type: ignore[no-untyped-def]
    for a in atts:
        spans = [a.content, *a.content_fragments, a.cue, a.source_mention, a.based_on]
        spans += [q.span for q in a.quantities]
        if a.said_on is not None:
            spans.append(a.said_on.span)
        for s in spans:
            if s is not None:
                assert 0 <= s.start <= s.end <= len(text)
                assert text[s.start : s.end] == s.text


PIECES = st.sampled_from(
    [
        "The minister said ",
        "the talks would resume",
        ". ",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        ", he said. ",
        "according to the police",
        ": ",
        "\n\n",
        "\r\n",
        "\r\n\r\n",
        "\x00",
        "\x1b",
        "\x7f",
        "\u2028",
        "😀🔥",
        "Lopez",
        " believes ",
        "Die Regierung sagte, ",
        "政府は述べた。",
        "حكومة",
        "\t",
        "—",
        "...",
        "(",
        ")",
        "Mr.",
        " on Monday ",
        "41,252",
        " people",
        "at least ",
        "Leave a Comment",
        "\ufeff",
        "\u200b",
    ]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=25).map("".join),
    st.text(max_size=200),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_extract_never_raises_and_spans_match(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    _check(text, extract(text, parser=parser))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“" * 50,
        "”“" * 30 + "said",
        '"""""" he said """"',
        "“Unbalanced quote, the mayor said.\n\nAnd then “another",
        "\r\n".join(["The minister said the talks would resume."] * 5),
        "😀 said 🔥: “😀”",
    ],
)
def test_extract_odd_texts(parser, text: str) -> None:  # type: ignore[no-untyped-def]
    _check(text, extract(text, parser=parser))


def test_extract_one_megabyte(parser) -> None:  # type: ignore[no-untyped-def]
    head = "The harbour was closed.\n\n"
    tail = "\n\n“We will reopen it,” the mayor said."
    # one unbroken run of letters (cut into chunks) and a long stretch of blank lines
    text = head + "x" * 600_000 + "\n" * 400_000 + tail
    assert len(text) > 1_000_000
    atts = extract(text, parser=parser)
    _check(text, atts)
    said = [a for a in atts if a.cue is not None and a.cue.text == "said"]
    assert said and said[0].source_mention is not None
    assert said[0].source_mention.text == "the mayor"

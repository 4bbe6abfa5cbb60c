"""Pronoun sources: number, gender, salience and relative pronouns (sentences written for
these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from app.extraction import extract

pytestmark = pytest.mark.model


def sources(parser: Any, text: str) -> list[tuple[str, str | None]]:
    """(mention, resolved name) of every attribution with a source mention."""
    out = []
    for a in extract(text, parser=parser):
        if a.source_mention is not None:
            out.append((a.source_mention.text, a.source.name if a.source else None))
    return out


def source_of(parser: Any, text: str, mention: str, nth: int = 0) -> str | None:
    found = [name for m, name in sources(parser, text) if m == mention]
    assert len(found) > nth, (mention, sources(parser, text))
    return found[nth]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Tom Ridley, the mayor of Dayton, said on Monday that the plant would stay open. "
            '"I think that if Peter Vance and the Ohio Chamber of Commerce win this fight, '
            'the plant will close," he said.'
        ),
        (
            "Tom Ridley, the mayor of Dayton, said the plant would stay open.\n\n"
            '"Peter Vance wants a fight. The Ohio Chamber of Commerce wants a fight. '
            'Nobody else does," he said.'
        ),
    ],
)
def test_pronoun_after_a_quote_is_its_speaker_not_a_man_it_names(parser: Any, text: str) -> None:
    assert source_of(parser, text, "he") == "Tom Ridley"

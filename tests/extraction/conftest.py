"""The real spaCy pipeline, loaded once for the extraction tests that need it."""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig, extract, get_parser


@pytest.fixture(scope="session")
def parser():  # type: ignore[no-untyped-def]
    return get_parser(ExtractionConfig())


@pytest.fixture(scope="session")
def by_cue(parser):  # type: ignore[no-untyped-def]
    """``by_cue(text, cue)``: the attributions of ``text`` (no editorial ones) and the first
    one whose cue reads ``cue``, which must exist."""
    config = ExtractionConfig(include_editorial=False)

    def find(text: str, cue: str):  # type: ignore[no-untyped-def]
        atts = extract(text, config=config, parser=parser)
        found = [a for a in atts if a.cue is not None and a.cue.text == cue]
        assert found, [(a.cue.text if a.cue else None) for a in atts]
        return atts, found[0]

    return find

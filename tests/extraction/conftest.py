"""The real spaCy pipeline, loaded once for the extraction tests that need it."""

from __future__ import annotations

import pytest

from app.extraction import ExtractionConfig, get_parser


@pytest.fixture(scope="session")
def parser():  # type: ignore[no-untyped-def]
    return get_parser(ExtractionConfig())

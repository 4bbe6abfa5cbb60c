"""Identity of a place's public body across articles: "Gaza Health Ministry", "Gaza's
Health Ministry" and "the territory's health ministry" said of Gaza are one source."""

from __future__ import annotations

import pytest

from app.services import identity


@pytest.mark.parametrize(
    ("name", "mention", "sentence", "expected"),
    [
        (
            "Health Ministry",
            "the Hamas-run territory's health ministry",
            "The offensive has killed at least 900 people in Ruritania, according to the "
            "Hamas-run territory's health ministry",
            "Ruritania Health Ministry",
        ),
        (
            "interior ministry",
            "the country's interior ministry",
            "In Freedonia, 40 people were arrested, the country's interior ministry said",
            "Freedonia Interior Ministry",
        ),
        # a month is a time, not a place
        (
            "Health Ministry",
            "the territory's health ministry",
            "The toll rose in September, the territory's health ministry said",
            "Health Ministry",
        ),
        # no place noun owns the body: nothing to resolve
        (
            "Health Ministry",
            "the health ministry",
            "Ten people died in Ruritania, the health ministry said",
            "Health Ministry",
        ),
        # a body that has a place in its name already keeps it
        (
            "Ruritania Health Ministry",
            "the country's Ruritania Health Ministry",
            "Ten people died in Freedonia, the country's Ruritania Health Ministry said",
            "Ruritania Health Ministry",
        ),
    ],
)
def test_place_body_name_ties_a_described_body_to_the_place_its_sentence_names(
    name: str, mention: str, sentence: str, expected: str
) -> None:
    assert identity.place_body_name(name, mention=mention, sentence=sentence) == expected


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Ruritania's Health Ministry", ["ruritania health ministry"]),
        ("Ruritania Health Ministry", ["ruritanias health ministry", "ruritania healths ministry"]),
        ("Ruritania's Foreign Ministry", ["ruritania foreign ministry"]),
        ("Ruritania Daily", []),  # not a body
    ],
)
def test_place_possessive_variants_spell_place_body_both_ways(
    name: str, variants: list[str]
) -> None:
    assert identity.place_possessive_variants(name) == variants

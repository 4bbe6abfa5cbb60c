"""Measures: what a figure counts, read from the words around it."""

from __future__ import annotations

import pytest

from app.extraction.quantities import find_quantities

pytestmark = pytest.mark.model

# (value, measure, normalized unit) for each quantity of the sentence, in text order
M = tuple[float, str, str | None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the event that governs the number
        (
            "The flood has resulted in the deaths of at least 412 people.",
            [(412, "deaths", "people")],
        ),
        ("The death toll rose to 312 on Sunday.", [(312, "deaths", "people")]),
        ("The toll was more than two dozen.", [(24, "deaths", "people")]),
        (
            "At least 20 people were killed and 45 wounded.",
            [(20, "deaths", "people"), (45, "injured", "people")],
        ),
        (
            "The earthquake killed at least 2,000 people and injured 5,000.",
            [(2000, "deaths", "people"), (5000, "injured", "people")],
        ),
        ("The ministry said 1,400 people were injured.", [(1400, "injured", "people")]),
        ("Rescuers pulled 17 bodies from the rubble.", [(17, "deaths", "people")]),
        ("The ministry counted 15,000 dead.", [(15000, "deaths", "people")]),
        ("Police arrested 14 protesters.", [(14, "arrested", "people")]),
        ("Troops detained 250 people overnight.", [(250, "arrested", "people")]),
        (
            "More than 1.9 million people have been displaced by the fighting.",
            [(1_900_000, "displaced", "people")],
        ),
        ("About 500 residents were evacuated from the village.", [(500, "displaced", "people")]),
        ("Officials reported 1,200 new cases.", [(1200, "cases", "cases")]),
        ("The virus has infected more than 3,000 people.", [(3000, "cases", "people")]),
        ("Gunmen abducted 20 students from a school.", [(20, "hostages", "people")]),
        (
            "The storm destroyed 2,048 homes and left 12 people missing.",
            [(2048, "other", "homes"), (12, "missing", "people")],
        ),
        # the counted noun itself
        ("Militants seized 251 hostages.", [(251, "hostages", "people")]),
        # the agents of a killing are not its victims
        (
            "Twenty gunmen killed 3 soldiers.",
            [(20, "other", "people"), (3, "deaths", "people")],
        ),
        (
            "A shooting by two gunmen who killed 14 shocked the town.",
            [(2, "other", "people"), (14, "deaths", "people")],
        ),
        # a noun no list knows is counted by the event; things are not
        ("Two former college punters died in a car wreck.", [(2, "deaths", "punters")]),
        ("Prosecutors dropped 20 charges.", [(20, "other", "charges")]),
        ("The senate killed 12 bills.", [(12, "other", "bills")]),
        (
            "The French minister said 18 others were critically injured.",
            [(18, "injured", "people")],
        ),
        # the deaths of hostages are deaths
        ("Officials announced the deaths of six hostages.", [(6, "deaths", "people")]),
        # money and shares count nothing of the above
        ("Turnout fell to 40 percent.", [(40, "other", "percent")]),
        ("The firm lost $3.5 million.", [(3_500_000, "other", "dollars")]),
        ("The program costs 20 million euros.", [(20_000_000, "other", "euros")]),
        ("Trump won 306 electoral votes.", [(306, "other", "votes")]),
    ],
)
def test_classify_measure_reads_the_words_around_a_figure(
    parser, sentence: str, expected: list[M]
) -> None:  # type: ignore[no-untyped-def]
    doc = parser.nlp(sentence)
    found = find_quantities(doc, 0, len(sentence))
    assert [(q.value, q.measure, q.normalized_unit) for q in found] == [
        (float(v), m, u) for v, m, u in expected
    ]


def test_find_quantities_keeps_both_numbers_of_x_of_whom_y(parser) -> None:  # type: ignore[no-untyped-def]
    sentence = (
        "Militants also seized 140 hostages, 52 of whom remain held in the mountains, "
        "including 9 individuals the army has declared dead."
    )
    found = find_quantities(parser.nlp(sentence), 0, len(sentence))
    got = [(q.value, q.qualifier, q.measure, q.part_of) for q in found]
    assert got == [
        (140, None, "hostages", None),
        (52, "of whom", "hostages", 140),
        (9, None, "deaths", None),
    ]


def test_find_quantities_keeps_the_whole_of_x_of_the_y(parser) -> None:  # type: ignore[no-untyped-def]
    sentence = "Officials said 33 of the 97 hostages were killed."
    (q,) = find_quantities(parser.nlp(sentence), 0, len(sentence))
    assert (q.value, q.part_of, q.measure, q.span.text) == (
        33,
        97,
        "deaths",
        "33 of the 97 hostages",
    )


@pytest.mark.parametrize(
    ("sentence", "low", "high", "qualifier", "text"),
    [
        ("Between 20 and 30 people died.", 20, 30, "between", "Between 20 and 30 people"),
        ("Some 5 to 10 children were hurt.", 5, 10, "some", "Some 5 to 10 children"),
        ("Police detained 40-50 protesters.", 40, 50, None, "40-50 protesters"),
        ("It cost 3-4 million euros.", 3_000_000, 4_000_000, None, "3-4 million euros"),
    ],
)
def test_find_quantities_keeps_both_ends_of_a_range(
    parser, sentence: str, low: float, high: float, qualifier: str | None, text: str
) -> None:  # type: ignore[no-untyped-def]
    (q,) = find_quantities(parser.nlp(sentence), 0, len(sentence))
    assert (q.value, q.value_to, q.qualifier, q.span.text) == (low, high, qualifier, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll rose from 20 to 30.",  # a change, not a range
        "The court ruled 5-4 on Monday.",  # a score
    ],
)
def test_find_quantities_reads_no_range_in_changes_and_scores(parser, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = find_quantities(parser.nlp(sentence), 0, len(sentence))
    assert all(q.value_to is None for q in found)

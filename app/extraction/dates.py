"""When was it said: time expressions resolved against the publication date.

Two public functions:

* :func:`resolve_date_phrase` turns a phrase ("on Tuesday", "late November", "last week")
  into a :class:`SaidOn` with a precision, through dateparser behind a cache;
* :func:`find_said_on` finds the time expression that belongs to a cue verb's own clause
  ("Miller stated on Monday that ..."), not to its content ("Hamas reported that its
  delegation met ... last week").

dateparser quirks handled here (measured with dateparser 1.2/1.5, see NOTES.md):

* ``PREFER_DATES_FROM='past'`` excludes the base day itself: "on Tuesday" in a Tuesday
  article would become the week before. The default resolves it right but sends
  "October 7th" into the future. So: parse with the default, and again with ``'past'``
  only when the result lies after the publication date.
* Modifiers ("late November", "at the beginning of September", "earlier this month") make
  dateparser return None: they are stripped and the remaining phrase gives the precision.
* Durations ("three years") come back as "three years ago"; decades ("the 1990s") as
  nonsense; bare small numbers ("97") as years. All are rejected before parsing.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dateparser.date import DateDataParser

from app.extraction.types import DatePrecision, SaidOn, Span

if TYPE_CHECKING:  # spaCy objects are only passed through, never constructed here
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["find_said_on", "resolve_date_phrase"]

# Parsers that read words; "timestamp" would turn "1205" into 1970 plus twenty minutes.
_PARSERS = ["relative-time", "absolute-time", "custom-formats"]

# Leading prepositions that introduce a time expression but carry no meaning for the date.
_LEAD_PREP = re.compile(
    r"^(?:on|in|at|during|by|around|about|as\s+of|as\s+early\s+as|as\s+late\s+as|from|"
    r"since|until|till|through|throughout|over|sometime|some\s+time|circa|ca\.|just|only|"
    r"nearly|almost|barely|roughly)\s+",
    re.IGNORECASE,
)
# Modifiers that narrow a period without moving it: stripped, the precision is kept.
_MODIFIER = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+half|"
    r"second\s+half|first\s+days|last\s+days|first\s+week|last\s+week|final\s+days)\s+of\s+"
    r"(?:the\s+)?|(?:late|early|mid|earlier|later)(?:\s*-\s*|\s+)(?:in\s+)?)",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s,.;:!?)\]\"'’”]+$")
_LEADING = re.compile(r"^[\s,.;:(\[\"'‘“]+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)

_NUMBER_WORD = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|several|few|a\s+few|many|some|couple\s+of|"
    r"a\s+couple\s+of)"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))"
# "three years", "for two weeks", "the past month", "the last three days": durations.
# "last week" and "next month" (no number, no article) are dates.
_DURATION = re.compile(
    rf"^(?:(?:for|within|over|in|after)\s+)?(?:the\s+(?:past|last|next|previous|coming|first|"
    rf"final)\s+(?:{_NUMBER_WORD}\s+)?|(?:(?:past|last|next|previous|coming|first|final)\s+)?"
    rf"{_NUMBER_WORD}\s+)(?:more\s+)?{_UNIT}$",
    re.IGNORECASE,
)
_DURATION_LEAD = re.compile(r"^(?:for|within|after|over\s+the\s+(?:past|last|next))\s", re.I)
_AGO = re.compile(r"\bago\b", re.IGNORECASE)
_DECADE = re.compile(r"\b(?:\d{2,4}|'\d{2})s\b")
_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_YEAR = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")
_HAS_YEAR = re.compile(r"\b(1[5-9]\d\d|2[01]\d\d)\b")
# Phrases that are only a time of day: "3 p.m.", "noon", "midnight GMT".
_TIME_ONLY = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|h|hrs|o'clock)?|noon|midnight|"
    r"(?:about|around|shortly\s+(?:before|after))\s+.*)"
    r"(?:\s+(?:[A-Z]{2,4}|local\s+time))?$",
    re.IGNORECASE,
)
_NOT_A_DATE = re.compile(
    r"^(?:now|recently|lately|currently|soon|then|later|earlier|once|previously|today's|"
    r"the\s+time|time|the\s+day|a\s+day|day|the\s+week|the\s+month|the\s+year|"
    r"the\s+moment|this\s+time|that\s+time|the\s+same\s+day)$",
    re.IGNORECASE,
)
_WEEKEND = re.compile(r"^(?:(this|last|the\s+past|past|this\s+past)\s+)?weekend$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
# "earlier in the week" is this week, "later in the month" this month
_IN_THE_PERIOD = re.compile(r"^(?:earlier|later)\s+in\s+the\s+(week|month|year)$", re.IGNORECASE)
_SEASON = re.compile(
    r"^(?:(this|last|past|the\s+past|this\s+past)\s+)?(spring|summer|fall|autumn|winter)"
    r"(?:\s+(?:of\s+)?(\d{4}))?$",
    re.IGNORECASE,
)
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_PERIOD_PRECISION = {
    "day": DatePrecision.DAY,
    "time": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}
# Two arbitrary, unlike bases (different weekday, month and year): a phrase that resolves
# the same against both is absolute.
_PROBE_BASES = (datetime(2001, 3, 14), datetime(2013, 11, 2))


def resolve_date_phrase(phrase: str, published_at: date | None) -> SaidOn | None:
    """Resolve a time expression against the publication date.

    "on Tuesday" in an article of Tuesday 2024-09-17 is 2024-09-17 (day); "Monday" is
    2024-09-16; "October 7th" is 2023-10-07 (never in the future); "last week" has week
    precision; "in May", "late November", "at the beginning of September" month precision;
    "in 2015" year precision. Durations ("for three years"), decades, bare times of day and
    vague words ("recently") give None. Without ``published_at`` only absolute dates
    resolve. The result's ``text`` is the phrase as given; ``span`` is left to the caller.
    Dates with week/month/year precision are normalised to the first day of the period
    (weeks start on Monday).
    """
    resolved = _resolve_cached(phrase, published_at)
    if resolved is None:
        return None
    day, precision = resolved
    return SaidOn(date=day, precision=precision, text=phrase)


@lru_cache(maxsize=4096)
def _resolve_cached(phrase: str, published_at: date | None) -> tuple[date, DatePrecision] | None:
    core = _core_phrase(phrase)
    if core is None:
        return None
    if published_at is None:
        season = _SEASON.match(core)
        if season:
            return _season_year(season, None)
        first = _parse(core, _PROBE_BASES[0], past=False)
        second = _parse(core, _PROBE_BASES[1], past=False)
        if first is None or first != second:
            return None  # relative to a base we do not have
        return first
    season = _SEASON.match(core)
    if season:
        return _season_year(season, published_at)
    base = datetime(published_at.year, published_at.month, published_at.day)
    weekend = _WEEKEND.match(core)
    if weekend:
        # the last Saturday strictly before a weekday base, or this weekend's Saturday
        offset = (published_at.weekday() - 5) % 7
        if weekend.group(1) and weekend.group(1).lower() != "this" and offset < 2:
            offset += 7
        return _normalise(published_at - timedelta(days=offset), DatePrecision.WEEK)
    result = _parse(core, base, past=False)
    if result is not None and result[0] > published_at:
        result = _parse(core, base, past=True) or result
    return result


def _season_year(
    season: re.Match[str], published_at: date | None
) -> tuple[date, DatePrecision] | None:
    """A season has the precision of its year. In an article of September 2016 (the fall)
    "last fall" is 2015, "last summer" and "this summer" 2016; "the summer of 2012" is 2012.
    A winter without a year straddles two years and gives None, as does a season of this
    year that has not begun."""
    which, name, year = season.group(1), season.group(2).lower(), season.group(3)
    if year:
        return date(int(year), 1, 1), DatePrecision.YEAR
    if published_at is None or name == "winter":
        return None
    start = _SEASON_START[name]
    current = published_at.month >= start and (
        name == "fall" or name == "autumn" or published_at.month < start + 3
    )
    if which and which.lower() == "this" and published_at.month < start:
        return None  # not begun yet
    if which and which.lower() == "this":
        return date(published_at.year, 1, 1), DatePrecision.YEAR
    if which and current:
        return date(published_at.year - 1, 1, 1), DatePrecision.YEAR  # "last fall" in the fall
    years_back = 0 if published_at.month >= start else 1
    return date(published_at.year - years_back, 1, 1), DatePrecision.YEAR


def _core_phrase(phrase: str) -> str | None:
    """The phrase without prepositions and modifiers, or None when it is no date."""
    text = _TRAILING.sub("", _LEADING.sub("", " ".join(phrase.split())))
    text = _TRAILING.sub("", _POSSESSIVE.sub("", text))  # "Monday's debate"
    if not text or len(text) > 60:
        return None
    period = _IN_THE_PERIOD.match(text)
    if period:
        return f"this {period.group(1).lower()}"
    for _ in range(3):  # "in late May", "at the end of early ..." peel in any order
        stripped = _MODIFIER.sub("", _LEAD_PREP.sub("", text))
        if stripped == text:
            break
        text = stripped
    text = text.strip()
    if not text or _NOT_A_DATE.match(text) or _DECADE.search(text):
        return None
    if _DURATION_LEAD.match(text):
        return None
    if _DURATION.match(text) and not _AGO.search(text):
        return None
    if _BARE_NUMBER.match(text) and not _YEAR.match(text):
        return None
    if _TIME_ONLY.match(text) and not _HAS_YEAR.search(text):
        return None
    if re.match(r"^this\s+(?:morning|afternoon|evening)$", text, re.IGNORECASE):
        return "today"
    return _ARTICLE.sub("", text) if not text.lower().startswith("the day") else text


def _parse(core: str, base: datetime, *, past: bool) -> tuple[date, DatePrecision] | None:
    parser = _parser(base, past)
    data = parser.get_date_data(core)
    if data is None or data.date_obj is None:
        return None
    precision = _PERIOD_PRECISION.get(str(data.period), DatePrecision.DAY)
    return _normalise(data.date_obj.date(), precision)


@lru_cache(maxsize=256)
def _parser(base: datetime, past: bool) -> DateDataParser:
    settings: dict[str, object] = {
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": _PARSERS,
        "STRICT_PARSING": False,
    }
    if past:
        settings["PREFER_DATES_FROM"] = "past"
    return DateDataParser(languages=["en"], settings=settings)


def _normalise(day: date, precision: DatePrecision) -> tuple[date, DatePrecision]:
    if precision is DatePrecision.WEEK:
        day = day - timedelta(days=day.weekday())
    elif precision is DatePrecision.MONTH:
        day = day.replace(day=1)
    elif precision is DatePrecision.YEAR:
        day = day.replace(month=1, day=1)
    return day, precision


# --- finding the cue's own time expression ------------------------------------------------


def _lexicon(name: str) -> frozenset[str]:
    """One entry a line of ``lexicons/<name>``; ``#`` starts a comment."""
    path = Path(__file__).with_name("lexicons") / name
    entries = (line.split("#", 1)[0].strip().lower() for line in path.open(encoding="utf-8"))
    return frozenset(e for e in entries if e)


# Dependency labels of a verb's complement clause: the content, whose dates are not ours.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "advcl", "acl", "relcl"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIME_PREPS = frozenset({"on", "in", "at", "during", "by", "late", "early", "earlier", "over"})
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|\.)?$|^(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)s?$",
    re.IGNORECASE,
)
_SPEECH_PARTICIPLES = frozenset(
    {
        "speak", "talk", "address", "write", "appear", "testify", "release", "publish",
        "issue", "post", "interview", "tweet", "air", "broadcast", "send", "deliver",
        "conduct", "file", "unveil",
    }
)  # fmt: skip
# Prepositions of the context or of a deadline: "Following talks last month", "by the end of
# this year" (a statement is not dated by either).
_CONTEXT_PREPS = frozenset(
    {"following", "after", "before", "since", "ahead", "prior", "until", "till", "follow", "by"}
)
_FUTURE = frozenset({"will", "'ll", "’ll", "shall", "wo"})
# Subordinators of a clause that shares its time with the clause it hangs on ("called the
# situation catastrophic when he toured the city on Monday", "said Friday as they ...");
# not "while", which is mostly concessive ("While X admitted Tuesday that ..., his campaign
# has argued ...").
_SAME_TIME = frozenset({"when", "as"})
_PAST = frozenset({"VBD", "VBN"})
_OCCASION_NOUNS = _lexicon("statement_occasions.txt")
_DOCUMENT_NOUNS = _lexicon("dated_documents.txt")
# How a time phrase may hang on a document source: "A 2014 study", "her 2003 book".
_NOUN_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "poss", "npadvmod", "nmod"})


def find_said_on(
    sent: SpacySpan,
    cue_token_i: int,
    published_at: date | None,
    *,
    offset: int = 0,
    text: str | None = None,
) -> SaidOn | None:
    """The date the cue's statement was made, from the speech act's own clause.

    Reads the parsed sentence ``sent`` and the doc index of the cue token. Takes DATE/TIME
    entities (and weekdays the NER missed) that attach to the speech act: to the cue verb
    as its modifier ("said Sunday", "told reporters late Friday"), through a preposition
    ("on Monday", "at the beginning of September"), through the occasion or medium of the
    statement ("said in a statement on Wednesday", "said at a campaign stop this week", "In
    a Facebook message posted Friday, ..."); to the act the cue continues ("announced on
    Friday ... and said ...", "spoke out Tuesday, arguing ..."); to a when/as/while clause
    of the act ("called it catastrophic when he toured the city on Monday") or to the clause
    or event the act is the when-clause of ("Monday night's debate, when Clinton cited
    ..."); to a document source ("A 2014 study found ..."). Anything inside the verb's
    complement clause, its object noun's modifiers or another subordinate clause is the
    content's or the context's: in "Miller stated on Monday that Washington is working
    ..." the date is Monday; in "Hamas reported that its delegation met ... last week" and
    in "Following talks last month, Washington indicated ..." there is none. Durations
    ("for three years") are not dates, and dates after the publication date are dropped (a
    statement is not made after the article reporting it). ``offset`` is where the doc
    starts in the article text (a paragraph doc's start; 0 for a whole-text doc): the span
    is in article offsets, its text sliced from ``text`` when given, else from the doc.
    """
    doc = sent.doc
    verb = _governing_verb(doc[cue_token_i])
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return None  # "will announce plans Friday": not said yet
    anchors = _anchors(verb)
    best: tuple[int, SaidOn] | None = None
    for start, end in _time_phrases(sent):
        if not _attached_to(doc[start:end], anchors):
            continue
        said = _said_on_for(doc, start, end, published_at, offset, text)
        if said is None:
            continue
        distance = min(abs(i - verb.i) for i in range(start, end))
        if best is None or distance < best[0]:
            best = (distance, said)
    return best[1] if best else None


def _governing_verb(cue: Token) -> Token:
    """The verb whose clause holds the statement's time.

    A verbal cue ("said", "according") and a nominal one ("claim") are their own
    governors; a particle or adjective cue leads up its head chain to the nearest verb.
    """
    if cue.pos_ in {"NOUN", "PROPN"}:
        return cue  # "Trump's claim on Monday": the noun's own date, not its clause's
    token = cue
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod":
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return cue


def _time_phrases(sent: SpacySpan) -> list[tuple[int, int]]:
    """Token ranges of time expressions in the sentence, with their time preposition."""
    doc = sent.doc
    phrases: list[tuple[int, int]] = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if token.ent_type_ in _TIME_LABELS and token.ent_iob_ == "B":
            end = i + 1
            # "Sunday morning" is often DATE + TIME: one phrase
            while end < sent.end and doc[end].ent_type_ in _TIME_LABELS:
                end += 1
            start, end = _trim_entity(doc, i, end)
            if start > sent.start and doc[start - 1].lower_ in _RELATIVE_WORDS:
                start -= 1  # "this" of "this week's debate" the NER left out
            root = doc[start:end].root
            prep = doc[start - 1] if start > sent.start else None
            # "on Monday", but not "At" of "At Monday's debate" (the prep governs "debate")
            if prep is not None and prep.lower_ in _TIME_PREPS and root.head.i == prep.i:
                start -= 1
            phrases.append((start, end))
            i = max(end, i + 1)
            while i < sent.end and doc[i].ent_iob_ == "I":
                i += 1
            continue
        if _WEEKDAY.match(token.text) and not token.ent_type_:
            start = i - 1 if i > sent.start and doc[i - 1].lower_ in _TIME_PREPS else i
            end = i + 1
            while end < sent.end and doc[end].lower_ in _DAY_PARTS:
                end += 1  # "Thursday morning"
            phrases.append((start, end))
            i = end
            continue
        i += 1
    return phrases


_RELATIVE_WORDS = frozenset({"this", "last", "next", "past", "earlier", "later", "early", "late"})
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_TIME_NOUNS = frozenset(
    {
        "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years",
        "morning", "afternoon", "evening", "night", "today", "yesterday", "tonight", "noon",
        "midnight", "spring", "summer", "fall", "autumn", "winter", "time", "hours", "hour",
        "minutes", "decade", "century", "quarter", "season", "period", "beginning", "end",
        "middle", "start", "half", "election", "holiday",
    }
)  # fmt: skip
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|"
    r"march|april|june|july|august|september|october|november|december)$",
    re.IGNORECASE,
)


def _trim_entity(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The entity without nouns at its edges that are no time words: the NER now and then
    runs a DATE over its neighbours ("essay last week", "Last week Stumpf")."""
    while end - start > 1 and _stray_noun(doc[end - 1]):
        end -= 1
    while end - start > 1 and _stray_noun(doc[start]):
        start += 1
    return start, end


def _stray_noun(token: Token) -> bool:
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and token.lower_ not in _TIME_NOUNS
        and not _WEEKDAY.match(token.text)
        and not _MONTH.match(token.text)
    )


def _anchors(verb: Token) -> set[int]:
    """The tokens whose own time is the speech act's: the act itself, the acts it continues,
    the clause or event it is the when-clause of, and what accompanies it."""
    acts = _same_act(verb)
    for i in list(acts):
        host = _when_host(verb.doc[i])
        if host is not None:
            acts |= _same_act(host)
    anchors = set(acts)
    for i in acts:
        anchors |= _companions(verb.doc[i])
    return anchors


def _same_act(token: Token) -> set[int]:
    """The token and the acts it continues: a participle or a subjectless conjunct of the
    speech verb ("announced on Friday ... and said", "spoke out Tuesday, arguing that"),
    "began by saying", "tried on Tuesday to make the case", "made a strong condemnation"."""
    acts = {token.i}
    for _ in range(4):
        head = _continued_act(token)
        if head is None or head.i in acts:
            break
        acts.add(head.i)
        token = head
    return acts


def _continued_act(token: Token) -> Token | None:
    head = token.head
    if head.i == token.i or head.dep_ in {"ccomp", "csubj", "parataxis"}:
        return None  # the head is someone's content: its time is not the act's
    own_subject = _has_own_subject(token)
    if token.dep_ == "advcl" and not own_subject and (token.tag_ == "VBG" or _purpose(token)):
        return head  # "..., arguing that ...", "gathered Friday to discuss ..."
    if token.dep_ == "acl" and token.tag_ == "VBG" and _is_medium(head) and head.dep_ == "dobj":
        return head.head  # "filed legal papers opposing ...", "sent a letter urging ..."
    if token.dep_ == "conj" and token.pos_ == "VERB" and head.pos_ in {"VERB", "AUX"}:
        return None if own_subject else head  # "announced X and said Y"
    if token.dep_ == "xcomp" and head.pos_ == "VERB":
        return head  # "tried on Tuesday to make the case"
    if token.dep_ == "pcomp" and head.lower_ == "by" and head.head.pos_ == "VERB":
        return head.head  # "began by saying"
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and head.pos_ == "VERB":
        return head  # a light verb's object: "made a strong condemnation on Friday"
    return None


def _has_own_subject(token: Token) -> bool:
    """A subject of its own, other than a quantifier that only distributes the main one
    ("vied for the title Wednesday, each touting ...")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass", "mark"} and c.lower_ not in {"each", "both", "all"}
        for c in token.children
    )


def _purpose(token: Token) -> bool:
    """A to-infinitive of purpose: "met with the liaison to discuss document requests"."""
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_medium(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in _DOCUMENT_NOUNS or lemma in _OCCASION_NOUNS or token.lower_ in _OCCASION_NOUNS


def _when_host(act: Token) -> Token | None:
    """The clause or event the act is the when-clause of: "faces a test on Tuesday when
    opponents try ...", "Monday night's debate, when Clinton cited ...", "made the reference
    Monday as he discussed ..."."""
    markers = {c.lower_: c for c in act.children if c.dep_ in {"mark", "advmod"}}
    if not markers.keys() & _SAME_TIME or act.tag_ not in _PAST:
        return None  # "When Democrats get to Philadelphia in late July": still to come
    when = markers.get("when")
    if when is not None and when.i >= 2 and act.doc[when.i - 1].text == ",":
        event = _noun_phrase_head(act.doc[when.i - 2])
        if event is not None:
            return event  # "since Monday night's debate, when Clinton cited ..."
    if act.dep_ == "advcl" and act.head.pos_ in {"VERB", "AUX"}:
        return act.head
    if act.dep_ in {"relcl", "acl"} and act.head.pos_ in {"NOUN", "PROPN"} and when is not None:
        return act.head
    return None


def _noun_phrase_head(token: Token) -> Token | None:
    """The head of the noun phrase that ends with ``token``: "the 2000 election in Florida"
    for "Florida"."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for _ in range(2):
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
            token = token.head.head
    return token


def _companions(act: Token) -> set[int]:
    """What happens with the act and at its time: speech participles of the act or its
    speaker ("Speaking on Sunday, the mayor said ...", "The report, released last week,
    found ..."), a subjectless participle before the act ("Dedicating the museum on
    Saturday, Obama said ..."; one after it may list other occasions: "has promoted it,
    advising graduates in 2007 ...") and the act's past when/as clause ("said ... as she
    and hundreds of others moved through the city early Sunday")."""
    out: set[int] = set()
    hosts = [act, *_source_nouns(act)]
    for host in hosts:
        for child in host.children:
            if child.dep_ in {"advcl", "acl"} and child.lemma_.lower() in _SPEECH_PARTICIPLES:
                out.add(child.i)
    for child in act.children:
        if child.dep_ != "advcl" or child.lemma_.lower() in _CONTEXT_PREPS:
            continue
        deps = {c.dep_ for c in child.children}
        markers = {c.lower_ for c in child.children if c.dep_ in {"mark", "advmod"}}
        accompanying = (
            child.tag_ == "VBG" and child.i < act.i and not deps & {"nsubj", "nsubjpass", "mark"}
        )
        if accompanying or (markers & _SAME_TIME and child.tag_ in _PAST):
            out.add(child.i)
    return out


def _source_nouns(act: Token) -> list[Token]:
    """The act's speaker as a noun: its subject, or the object of "according to"."""
    out = [c for c in act.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if act.lower_ == "according":
        out += [g for c in act.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return out


def _attached_to(phrase: SpacySpan, anchors: set[int]) -> bool:
    """Whether the phrase modifies the act itself (not its content, object or context)."""
    token = phrase.root
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return False
        if head.i in anchors:
            return token.dep_ not in _CONTENT_DEPS and token.dep_ not in {"dobj", "nsubj"}
        if token.dep_ == "npadvmod" and head.dep_ == "dobj" and head.head.i in anchors:
            return True  # "announced the deal Monday", "said as much ... Thursday morning"
        if head.lower_ in _CONTEXT_PREPS:
            return False  # "Following Monday's debate, ...": the context's date
        if _dates_the_source(token, head, anchors) or _heads_the_content(token, head, anchors):
            return True
        step = _occasion_step(token, head)
        if step is None:
            return False
        token = step
    return False


def _occasion_step(token: Token, head: Token) -> Token | None:
    """One step up from a time phrase towards the act, through the occasion or medium of
    the statement ("in a statement on Monday", "in a message posted Friday"), or None."""
    if token.dep_ == "pobj" and head.dep_ == "prep":
        return head
    occasion = _is_medium(head)
    if token.dep_ in {"prep", "npadvmod", "nmod", "compound", "amod", "poss", "nummod"} and (
        occasion or head.dep_ == "prep" or _posted(head)
    ):
        return head  # "in a statement on Monday": through the occasion noun
    if token.dep_ == "npadvmod" and head.dep_ == "advmod":
        return head  # "said as much in an interview earlier Thursday morning"
    if token.dep_ in {"pobj", "dobj"} and occasion:
        return head
    if token.lower_ in _OCCASION_NOUNS and token.dep_ == "pobj":
        return head
    if _posted(token) and occasion:
        return head  # "a Facebook message posted Friday"
    return None


def _posted(token: Token) -> bool:
    """A participle that says when its occasion noun came out: "a statement issued Tuesday"."""
    return (
        token.dep_ == "acl"
        and token.lemma_.lower() in _SPEECH_PARTICIPLES
        and _is_medium(token.head)
    )


def _dates_the_source(token: Token, head: Token, anchors: set[int]) -> bool:
    """ "A 2014 study ... found": the date of a document source is the date of what it says;
    "A group of doctors in 2015 sent ...": a time phrase between the speaker and the verb
    that the parser hung on the speaker is the verb's."""
    act = next((a for a in anchors for s in _source_nouns(head.doc[a]) if s.i == head.i), None)
    if act is None:
        return False
    if token.dep_ in _NOUN_MODIFIER_DEPS and head.lemma_.lower() in _DOCUMENT_NOUNS:
        return True
    return token.dep_ == "prep" and head.i < token.i < act and token.right_edge.i < act


def _heads_the_content(token: Token, head: Token, anchors: set[int]) -> bool:
    """ "told African-Americans this weekend he would ...": a bare time noun that opens the
    reported clause, before its subject, is the parser's misplaced modifier of the act."""
    if token.dep_ != "npadvmod" or head.dep_ != "ccomp" or head.head.i not in anchors:
        return False
    subjects = [c.i for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and head.head.i < token.i < min(subjects)


def _said_on_for(
    doc: Doc, start: int, end: int, published_at: date | None, offset: int, text: str | None
) -> SaidOn | None:
    span = doc[start:end]
    said = resolve_date_phrase(span.text, published_at)
    if said is None:
        return None
    if published_at is not None and said.date > published_at:
        return None
    char_start, char_end = span.start_char + offset, span.end_char + offset
    words = text[char_start:char_end] if text is not None else span.text
    return SaidOn(
        date=said.date,
        precision=said.precision,
        text=words,
        span=Span(char_start, char_end, words),
    )

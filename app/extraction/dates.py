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
    r"since|until|till|through|throughout|over|sometime|some\s+time|circa|ca\.)\s+",
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
_WEEKEND = re.compile(r"^(?:(this|last|the\s+past|past)\s+)?weekend$", re.IGNORECASE)
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
        first = _parse(core, _PROBE_BASES[0], past=False)
        second = _parse(core, _PROBE_BASES[1], past=False)
        if first is None or first != second:
            return None  # relative to a base we do not have
        return first
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


def _core_phrase(phrase: str) -> str | None:
    """The phrase without prepositions and modifiers, or None when it is no date."""
    text = _TRAILING.sub("", _LEADING.sub("", " ".join(phrase.split())))
    if not text or len(text) > 60:
        return None
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

# Dependency labels of a verb's complement clause: the content, whose dates are not ours.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "advcl", "acl", "relcl"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_TIME_PREPS = frozenset({"on", "in", "at", "during", "by", "late", "early", "earlier", "over"})
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|\.)?$|^(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)s?$",
    re.IGNORECASE,
)


def find_said_on(
    sent: SpacySpan,
    cue_token_i: int,
    published_at: date | None,
    *,
    offset: int = 0,
    text: str | None = None,
) -> SaidOn | None:
    """The date the cue verb's statement was made, from the cue's own clause.

    Reads the parsed sentence ``sent`` and the doc index of the cue token. Takes DATE/TIME
    entities (and weekdays the NER missed) that attach to the cue verb itself: as its
    modifier ("said Sunday", "told reporters late Friday"), through a preposition ("on
    Monday", "at the beginning of September") or through a communication noun ("said in a
    statement on Wednesday"). Anything inside the verb's complement clause, its object
    noun's modifiers or a subordinate clause is the content's or the context's: in "Miller
    stated on Monday that Washington is working ..." the date is Monday; in "Hamas reported
    that its delegation met ... last week" and in "Following talks last month, Washington
    indicated ..." there is none. Durations ("for three years") are not dates, and dates
    after the publication date are dropped (a statement is not made after the article
    reporting it). ``offset`` is where the doc starts in the article text (a paragraph
    doc's start; 0 for a whole-text doc): the span is in article offsets, its text sliced
    from ``text`` when given, else from the doc.
    """
    doc = sent.doc
    verb = _governing_verb(doc[cue_token_i])
    anchors = _anchors(verb)
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return None  # "will announce plans Friday": not said yet
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


_SPEECH_PARTICIPLES = frozenset(
    {
        "speak", "talk", "address", "write", "appear", "testify", "release", "publish",
        "issue", "post", "interview", "tweet",
    }
)  # fmt: skip
_CONTEXT_PREPS = frozenset({"following", "after", "before", "since", "ahead", "prior", "until"})
_FUTURE = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_COMMUNICATION_NOUNS = frozenset(
    {
        "statement", "interview", "briefing", "speech", "conference", "remarks", "post",
        "tweet", "letter", "report", "address", "call", "meeting", "appearance", "message",
        "release", "testimony", "hearing", "session", "broadcast", "video", "email",
        "announcement", "note", "filing", "talk", "comments", "comment", "debate", "rally",
        "show", "event", "summit", "visit", "trip", "forum", "program", "programme",
    }
)  # fmt: skip


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
            start = i
            root = doc[start:end].root
            prep = doc[start - 1] if start > sent.start else None
            # "on Monday", but not "At" of "At Monday's debate" (the prep governs "debate")
            if prep is not None and prep.lower_ in _TIME_PREPS and root.head.i == prep.i:
                start -= 1
            phrases.append((start, end))
            i = end
            continue
        if _WEEKDAY.match(token.text) and not token.ent_type_:
            start = i - 1 if i > sent.start and doc[i - 1].lower_ in _TIME_PREPS else i
            phrases.append((start, i + 1))
        i += 1
    return phrases


def _anchors(verb: Token) -> set[int]:
    """The verb, plus speech participles that describe the same act: "Speaking on Sunday,
    the mayor said ...", "The mayor, speaking on Sunday, said ...", "The report, released
    last week, found ..."."""
    anchors = {verb.i}
    hosts = [verb, *(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})]
    for host in hosts:
        for child in host.children:
            if child.dep_ in {"advcl", "acl"} and child.lemma_.lower() in _SPEECH_PARTICIPLES:
                anchors.add(child.i)
    return anchors


def _attached_to(phrase: SpacySpan, anchors: set[int]) -> bool:
    """Whether the phrase modifies the verb itself (not its content, object or context)."""
    root = phrase.root
    token = root
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return False
        if head.i in anchors:
            return token.dep_ not in _CONTENT_DEPS and token.dep_ not in {"dobj", "nsubj"}
        if head.lower_ in _CONTEXT_PREPS:
            return False  # "Following Monday's debate, ...": the context's date
        if token.dep_ == "pobj" and head.dep_ == "prep":
            token = head
            continue
        if token.dep_ in {"prep", "npadvmod", "nmod", "compound", "amod", "poss"} and (
            head.lower_ in _COMMUNICATION_NOUNS or head.dep_ == "prep"
        ):
            token = head  # "in a statement on Monday": through the communication noun
            continue
        if token.dep_ in {"pobj", "dobj"} and head.lower_ in _COMMUNICATION_NOUNS:
            token = head
            continue
        if token.lower_ in _COMMUNICATION_NOUNS and token.dep_ == "pobj":
            token = head
            continue
        return False
    return False


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

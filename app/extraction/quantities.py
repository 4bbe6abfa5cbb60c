"""Figures a claim asserts: "at least 41,252 people", "251 hostages, 97 of whom ...".

A small rule over spaCy tokens (``like_num``, CARDINAL/MONEY/PERCENT/QUANTITY entities):
quantulum3 is slow (about 2,300 words/s) and drops "at least" and "of whom" (NOTES.md).
Years, dates, times, ordinals and numbers inside names are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.extraction.measures import classify_measure, figure_unit, is_time_noun
from app.extraction.types import Quantity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_quantities"]

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "half": 0.5,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000,
    "k": 1_000, "tn": 1_000_000_000_000, "dozen": 12, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000, "dozens": 12,
}  # fmt: skip
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|tn)$", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
_SKIP_ENTS = frozenset(
    {"DATE", "TIME", "PERSON", "ORG", "GPE", "FAC", "PRODUCT", "LAW", "EVENT",
     "WORK_OF_ART", "LOC", "NORP", "LANGUAGE"}
)  # fmt: skip
_CURRENCY = {"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_PERCENT = frozenset({"%", "percent", "pct"})
# Longest first: "more than" before "more", "just over" before "over".
_QUALIFIERS = tuple(
    sorted(
        (
            ("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"),
            ("fewer", "than"), ("no", "more", "than"), ("no", "fewer", "than"),
            ("as", "many", "as"), ("as", "few", "as"), ("as", "much", "as"),
            ("up", "to"), ("close", "to"), ("nearly",), ("almost",), ("about",),
            ("around",), ("approximately",), ("roughly",), ("some",), ("over",),
            ("under",), ("just", "over"), ("just", "under"), ("upwards", "of"),
            ("an", "estimated"), ("exactly",), ("only",), ("just",), ("barely",),
            ("below",), ("above",), ("nearly", "all"), ("well", "over"), ("well", "above"),
            ("an", "additional"), ("another",), ("estimated",), ("approx.",), ("c.",), ("between",),
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_REL_PRONOUNS = frozenset({"whom", "which"})
_RANGE_LINKS = frozenset({"to", "-", "\u2013", "or"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


def find_quantities(
    doc: Doc, start_char: int, end_char: int, *, offset: int = 0, text: str | None = None
) -> tuple[Quantity, ...]:
    """Numbers asserted inside ``[start_char, end_char)``, with qualifier and counted noun.

    Reads a parsed ``doc`` whose first character sits at ``offset`` in the article ``text``
    (a paragraph doc: pass its start; a whole-text doc: 0). ``start_char``/``end_char`` and
    the returned spans are offsets into the article text; span texts are sliced from
    ``text`` when given, else from the doc. Example: "the deaths of at least 41,252
    people" gives value 41252, qualifier "at least", unit "people", span "at least 41,252
    people"; "251 hostages, 97 of whom remain held" gives 251 hostages and 97 (qualifier
    "of whom", unit "hostages"). Years, dates, times, ordinals, ages ("45-year-old") and
    numbers inside names are skipped.
    """
    lo, hi = start_char - offset, end_char - offset
    doc_len = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    lo, hi = max(0, lo), min(doc_len, hi)
    window = doc.char_span(lo, hi, alignment_mode="contract") if lo < hi else None
    tokens = list(window) if window is not None else []
    found: list[Quantity] = []
    last_unit: str | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not _is_number(tok) or _skip(tok):
            i += 1
            continue
        j = _group_end(tokens, i)
        group = tokens[i:j]
        value = _value(group)
        i = j
        if value is None:
            continue
        value_to, upper = _range_upper(tokens, group, value)
        if upper:
            i += len(upper) + 1
            value = _scaled_lower(group, upper, value)
        built = _build(doc, upper or group, value, last_unit, lo, hi, first_group=group)
        if built is None:
            continue
        spelled = all(not any(c.isdigit() for c in t.text) for t in group)
        if spelled and built.unit is None and built.qualifier is None and len(group) == 1:
            continue  # "those two": a bare number word asserts nothing
        found.append(_quantity(doc, built, value, value_to, found, offset, text))
        if built.unit is not None and built.unit != "percent":
            last_unit = built.unit
        # skip tokens the span swallowed ("% ", the unit)
        while i < len(tokens) and tokens[i].i <= built.last:
            i += 1
    return tuple(found)


def _group_end(tokens: list[Token], i: int) -> int:
    j = i + 1
    while j < len(tokens) and tokens[j].i == tokens[j - 1].i + 1 and _continues(tokens[j]):
        j += 1
    return j


def _quantity(
    doc: Doc,
    built: _Built,
    value: float,
    value_to: float | None,
    found: list[Quantity],
    offset: int,
    text: str | None,
) -> Quantity:
    char_start = doc[built.first].idx + offset
    last = doc[built.last]
    char_end = last.idx + len(last.text) + offset
    span_text = (
        text[char_start:char_end] if text is not None else doc[built.first : built.last + 1].text
    )
    measure = classify_measure(doc[built.number], built.noun, built.unit)
    part_of = built.part_of
    if built.qualifier in {"of whom", "of which"} and found:
        whole = found[-1]
        part_of = whole.value
        if measure == "other":
            measure = whole.measure  # "251 hostages, 97 of whom are women"
    unit_noun = built.noun if built.noun is not None else built.antecedent
    return Quantity(
        value,
        Span(char_start, char_end, span_text),
        built.qualifier,
        built.unit,
        measure=measure,
        normalized_unit=figure_unit(built.unit, unit_noun, measure),
        value_to=value_to,
        part_of=part_of,
    )


def _scaled_lower(lower: list[Token], upper: list[Token], value: float) -> float:
    """ "3-4 million": the lower bound shares the upper bound's scale (3 million)."""
    if any(t.lower_ in _SCALES for t in lower):
        return value
    scale = next((_SCALES[t.lower_] for t in upper if t.lower_ in _SCALES), None)
    return value * scale if scale else value


def _range_upper(
    tokens: list[Token], group: list[Token], value: float
) -> tuple[float | None, list[Token]]:
    """The upper bound of "between 20 and 30", "20 to 30", "20-30": (value, its tokens)."""
    end = group[-1].i
    pos = next((k for k, t in enumerate(tokens) if t.i == end), None)
    if pos is None or pos + 2 >= len(tokens):
        return None, []
    link, nxt = tokens[pos + 1], tokens[pos + 2]
    if link.i != end + 1 or nxt.i != end + 2 or not _is_number(nxt):
        return None, []
    doc = group[0].doc
    before = doc[group[0].i - 1].lower_ if group[0].i > 0 else ""
    word = link.lower_
    if before == "from":
        return None, []  # "rose from 20 to 30": two figures, not a range
    if not (word in _RANGE_LINKS or (word == "and" and before == "between")):
        return None, []
    upper = tokens[pos + 2 : _group_end(tokens, pos + 2)]
    high = _value(upper)
    if high is None or high <= value:
        return None, []  # "a 5-4 vote" is a score
    return high, upper


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    if _DIGITS.match(tok.text) or _DIGITS_SCALE.match(tok.text):
        return True
    if low in _UNITS_WORDS and low != "half":
        # "one" is mostly a pronoun or an idiom: "one of the officials", "one hell of a ..."
        if low == "one":
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            return nxt is not None and nxt.lower_ in _SCALES
        return True
    # "a dozen"; plurals ("hundreds of protesters") are not figures
    return low == "dozen"


def _continues(tok: Token) -> bool:
    low = tok.lower_
    return bool(_DIGITS.match(tok.text) or low in _UNITS_WORDS or low in _SCALES)


def _skip(tok: Token) -> bool:
    if tok.ent_type_ in _SKIP_ENTS and not _counted_range(tok):
        return True
    if _YEAR.match(tok.text) and tok.ent_type_ not in {"CARDINAL", "MONEY", "QUANTITY"}:
        return True
    if _YEAR.match(tok.text) and not _counted_noun_after(tok):
        return True
    doc = tok.doc
    # glued to a hyphen or slash: "COVID-19", "45-year-old", "9/11", "24/7"
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text in {"-", "/", "#"} and not before.whitespace_:
        return True
    glued = tok.i + 1 < len(doc) and doc[tok.i + 1].text in {"-", "/", ":"} and not tok.whitespace_
    if glued and not _hyphen_range(tok):
        return True
    return before is not None and before.lower_ in {"no.", "number", "page", "article"}


def _counted_range(tok: Token) -> bool:
    """ "Between 20 and 30 people" (tagged DATE by the model) counts people, not time."""
    doc = tok.doc
    if tok.ent_type_ != "DATE" or tok.i == 0 or doc[tok.i - 1].lower_ != "between":
        return False
    noun = tok.head
    return tok.dep_ == "nummod" and noun.pos_ in _NOUN_POS and not is_time_noun(noun)


def _hyphen_range(tok: Token) -> bool:
    """ "20-30 people": a range, unlike "45-year-old", "9/11" or "COVID-19"."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in {"-", "\u2013"}:
        return False
    upper = doc[tok.i + 2]
    if not _DIGITS.match(upper.text) or doc[tok.i + 1].whitespace_:
        return False
    after = doc[upper.i + 1] if upper.i + 1 < len(doc) else None
    return after is None or upper.whitespace_ or after.text not in {"-", "/"}


def _counted_noun_after(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "nummod" and head.pos_ in _NOUN_POS and head.i > tok.i


def _value(group: list[Token]) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for tok in group:
        low = tok.lower_
        text = tok.text.replace(",", "")
        m = _DIGITS_SCALE.match(tok.text)
        if m:
            current += float(m.group(1)) * _SCALES[m.group(2).lower()]
            seen = True
        elif _DIGITS.match(tok.text):
            current += float(text)
            seen = True
        elif low in _UNITS_WORDS:
            current += _UNITS_WORDS[low]
            seen = True
        elif low in _SCALES:
            scale = _SCALES[low]
            if scale == 100 or scale == 12:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
            seen = True
    if not seen:
        return None
    return total + current


@dataclass(frozen=True, slots=True)
class _Built:
    first: int  # token index of the span's first token (qualifier or currency sign)
    last: int  # of its last token (the counted noun, "%", "whom")
    number: int  # the last number token
    qualifier: str | None
    unit: str | None
    noun: Token | None = None  # the counted noun
    antecedent: Token | None = None  # "hostages" for "97 of whom"
    part_of: float | None = None  # 97 for "33 of the 97 hostages"


def _build(
    doc: Doc,
    group: list[Token],
    value: float,
    last_unit: str | None,
    lo: int,
    hi: int,
    *,
    first_group: list[Token],
) -> _Built | None:
    """The quantity around ``group`` (``first_group`` starts it: a range's lower bound)."""
    first, last = first_group[0].i, group[-1].i
    unit: str | None = None
    qualifier: str | None = None
    noun: Token | None = None
    antecedent: Token | None = None
    part_of: float | None = None
    # currency before the number: "$3.5 million"
    if first > 0 and doc[first - 1].lower_ in _CURRENCY and doc[first - 1].idx >= lo:
        first -= 1
        unit = _CURRENCY[doc[first].lower_]
    # percent after: "40 percent", "4.2%", "40 per cent"
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _PERCENT and _inside(nxt, hi):
        last = nxt.i
        unit = "percent"
    elif (
        nxt is not None
        and nxt.lower_ == "per"
        and last + 2 < len(doc)
        and doc[last + 2].lower_ == "cent"
        and _inside(doc[last + 2], hi)
    ):
        last = last + 2
        unit = "percent"
    # "97 of whom", "97 of the hostages", "33 of the 97 hostages"
    if unit is None and nxt is not None and nxt.lower_ == "of" and last + 2 < len(doc):
        after = doc[last + 2]
        if after.lower_ in _REL_PRONOUNS and _inside(after, hi):
            qualifier = f"of {after.lower_}"
            last = after.i
            antecedent = _relative_antecedent(group[-1])
            unit = antecedent.text if antecedent is not None else last_unit
        else:
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in _NOUN_POS and _inside(pobj, hi):
                unit = pobj.text
                noun = pobj
                last = max(last, pobj.i)
                part_of = _whole_of(pobj)
    if unit is None:
        noun = _counted_noun(group[-1])
        if noun is None and first_group[-1].i != group[-1].i:
            noun = _counted_noun(first_group[-1])  # "between 20 and 30 people"
            noun = noun if noun is not None and noun.i > last else None
        if noun is not None and _inside(noun, hi):
            unit = noun.text
            last = max(last, noun.i)
        else:
            noun = None
    if qualifier is None:
        qualifier, q_start = _qualifier_before(doc, first, lo)
        first = q_start
    return _Built(first, last, group[-1].i, qualifier, unit, noun, antecedent, part_of)


def _whole_of(pobj: Token) -> float | None:
    """97 in "33 of the 97 hostages": the number counting the whole."""
    for child in pobj.children:
        if child.dep_ == "nummod" and child.i < pobj.i and _DIGITS.match(child.text):
            return float(child.text.replace(",", ""))
    return None


def _inside(tok: Token, hi: int) -> bool:
    return tok.idx + len(tok.text) <= hi


def _counted_noun(tok: Token) -> Token | None:
    """The noun a number counts: "41,252 people", "six Israeli hostages", "3.5 million people"."""
    head = tok
    for _ in range(3):
        if head.dep_ not in {"nummod", "compound", "quantmod", "amod"} or head.head.i == head.i:
            break
        head = head.head
        if head.pos_ in _NOUN_POS and head.lower_ not in _SCALES and head.i > tok.i:
            if head.i - tok.i <= 4:
                return head
            return None
    return None


def _relative_antecedent(tok: Token) -> Token | None:
    """ "hostages" in "251 hostages, 97 of whom remain held": the relative clause's head."""
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            head = node.head
            return head if head.pos_ in _NOUN_POS else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _qualifier_before(doc: Doc, first: int, lo: int) -> tuple[str | None, int]:
    for words in _QUALIFIERS:
        n = len(words)
        start = first - n
        if start < 0 or doc[start].idx < lo:
            continue
        if all(doc[start + k].lower_ == w for k, w in enumerate(words)):
            return " ".join(t.text for t in doc[start:first]).lower(), start
    return None, first

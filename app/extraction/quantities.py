"""Figures a claim asserts: "at least 41,252 people", "251 hostages, 97 of whom ...".

A small rule over spaCy tokens (``like_num``, CARDINAL/MONEY/PERCENT/QUANTITY entities):
quantulum3 is slow (about 2,300 words/s) and drops "at least" and "of whom" (NOTES.md).
Years, dates, times, ordinals and numbers inside names are skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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
            ("an", "additional"), ("another",), ("estimated",), ("approx.",), ("c.",),
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_REL_PRONOUNS = frozenset({"whom", "which"})
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
        j = i + 1
        while j < len(tokens) and tokens[j].i == tokens[j - 1].i + 1 and _continues(tokens[j]):
            j += 1
        group = tokens[i:j]
        value = _value(group)
        i = j
        if value is None:
            continue
        quantity = _build(doc, group, value, last_unit, lo, hi)
        if quantity is None:
            continue
        first_tok, last_tok, qualifier, unit = quantity
        spelled = all(not any(c.isdigit() for c in t.text) for t in group)
        if spelled and unit is None and qualifier is None and len(group) == 1:
            continue  # "those two": a bare number word asserts nothing
        char_start = doc[first_tok].idx + offset
        last = doc[last_tok]
        char_end = last.idx + len(last.text) + offset
        span_text = (
            text[char_start:char_end] if text is not None else doc[first_tok : last_tok + 1].text
        )
        found.append(Quantity(value, Span(char_start, char_end, span_text), qualifier, unit))
        if unit is not None and unit != "percent":
            last_unit = unit
        # skip tokens the span swallowed ("% ", the unit)
        while i < len(tokens) and tokens[i].i <= last_tok:
            i += 1
    return tuple(found)


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
    if tok.ent_type_ in _SKIP_ENTS:
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
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text in {"-", "/", ":"} and not tok.whitespace_:
        return True
    return before is not None and before.lower_ in {"no.", "number", "page", "article"}


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


def _build(
    doc: Doc, group: list[Token], value: float, last_unit: str | None, lo: int, hi: int
) -> tuple[int, int, str | None, str | None] | None:
    """(first token, last token, qualifier, unit) of the quantity around ``group``."""
    first, last = group[0].i, group[-1].i
    unit: str | None = None
    qualifier: str | None = None
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
    # "97 of whom", "97 of the hostages"
    if unit is None and nxt is not None and nxt.lower_ == "of" and last + 2 < len(doc):
        after = doc[last + 2]
        if after.lower_ in _REL_PRONOUNS and _inside(after, hi):
            qualifier = f"of {after.lower_}"
            last = after.i
            unit = _relative_antecedent(group[-1]) or last_unit
        else:
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in _NOUN_POS and _inside(pobj, hi):
                unit = pobj.text
                last = max(last, pobj.i)
    if unit is None:
        noun = _counted_noun(group[-1])
        if noun is not None and _inside(noun, hi):
            unit = noun.text
            last = max(last, noun.i)
    if qualifier is None:
        qualifier, q_start = _qualifier_before(doc, first, lo)
        first = q_start
    return first, last, qualifier, unit


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


def _relative_antecedent(tok: Token) -> str | None:
    """ "hostages" in "251 hostages, 97 of whom remain held": the relative clause's head."""
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            head = node.head
            return head.text if head.pos_ in _NOUN_POS else None
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

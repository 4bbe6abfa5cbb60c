"""Headline cues: a cue verb in the -s form of a Title Case headline ("Senator Slams Mayor
Over Budget"), which the tagger takes for part of a name."""

from __future__ import annotations

from typing import Any

from app.extraction.cues.words import (
    BELIEF_VERBS,
    FINDING_VERBS,
    INTENTION_VERBS,
    PREP_VERBS,
    SAY_VERBS,
    STANCE_VERBS,
)

# Verbs of saying, thinking, wanting, finding, judging, and the prepositional ones
# ("Sides With", "Votes To")
_HEADLINE_VERBS = (
    SAY_VERBS
    | BELIEF_VERBS
    | INTENTION_VERBS
    | FINDING_VERBS
    | STANCE_VERBS
    | frozenset(PREP_VERBS)
)


def _headline_verb(doc: Any, tok: Any) -> bool:
    """A cue verb in the -s form of a Title Case headline, which the tagger takes for part
    of a name (or tags as a verb in a garbled parse): in "Senator Slams Mayor Over Budget"
    or "Union Endorses Smith", "Slams" and "Endorses" are verbs when the line is in Title
    Case, a name stands right before and words follow. Only the first such word of the
    line; the source is the name before it, the content the words after it."""
    text = tok.text
    if len(text) < 4 or not text.endswith("s") or not text[0].isupper() or not text[1:].islower():
        return False
    low = tok.lower_
    bases = {low[:-1]}
    if low.endswith("es"):
        bases.add(low[:-2])
    if low.endswith("ies"):
        bases.add(low[:-3] + "y")
    if not bases & _HEADLINE_VERBS:
        return False
    sent = tok.sent
    if tok.i == sent.start or tok.i + 1 >= sent.end:
        return False
    prev = doc[tok.i - 1]
    if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(not t.text[0].isupper() for t in words) > 0:
        return False  # Title Case: every longer word capitalised
    # the words before make one name: "Senate Leader Smith", "Ohio's Governor"; not a
    # clause ("Smith To Release Records") or a list ("Iowa: Ann Lee, Bo Park Rants")
    return not any(
        t.pos_ in _NOT_IN_NAMES
        or t.lower_ == "to"
        or t.text in _NOT_IN_NAMES_PUNCT
        or _headline_verb_word(t)
        for t in doc[sent.start : tok.i]
    )


_NOT_IN_NAMES = frozenset({"VERB", "AUX", "ADP", "SCONJ", "PRON"})

_NOT_IN_NAMES_PUNCT = frozenset(',:;"“”‘')


def _headline_verb_word(tok: Any) -> bool:
    low = tok.lower_
    return (
        tok.text[:1].isupper()
        and low.endswith("s")
        and bool({low[:-1], low[:-2], low[:-3] + "y"} & _HEADLINE_VERBS)
    )

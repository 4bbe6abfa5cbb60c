"""``find_cues``: every token of a paragraph is offered to the rooms in turn.

Phrases and marks first (``marks``: "according to", "In a poll, ...", the colon of
``Name: ...``, dashes, headline verbs), then by part of speech: ``verbs``, ``adjectives``,
``nouns``. A token heads at most one cue; the first room that finds one decides.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.extraction.cues.adjectives import (
    _adjective_cue,
    _stance_adj_cue,
)
from app.extraction.cues.cue import Cue
from app.extraction.cues.grammar import _lemma
from app.extraction.cues.marks import _phrase_or_mark_cue
from app.extraction.cues.misread import _misread_verb_cue, fronted_participle
from app.extraction.cues.nouns import _nominal_cue
from app.extraction.cues.verbs import _verb_cue


def find_cues(doc: Any, *, para: int) -> list[Cue]:
    """Cues in one parsed paragraph, in text order.

    Reads the dependency parse: a verb from the lexicons (``said``, ``believes``,
    ``wants``, ``shows``), an adjective of belief with a clause (``is confident that``), a
    cue noun with a possessor or a clause (``his claim that``), ``according to``, and a
    colon after a short name at the start of a sentence (``Caddell: "..."``).

    Example: in ``"We will win," Smith said on Monday.`` the cue is ``said`` (pattern
    ``verb``, kind INDIRECT until the content turns out to be a quote).
    """
    cues: list[Cue] = []
    for tok in doc:
        cue = _cue_at(doc, tok, para)
        if cue is not None:
            cues.append(cue)
    return cues


def _cue_at(doc: Any, tok: Any, para: int) -> Cue | None:
    """The cue headed by ``tok``, if any: phrases and marks first, then by part of speech."""
    lemma = _lemma(tok)
    pos = tok.pos_
    cue = _phrase_or_mark_cue(doc, tok, lemma, pos, para)
    if cue is not None:
        return cue
    if pos == "VERB" or (pos == "AUX" and lemma in ("say", "tell")):
        cue = _verb_cue(doc, tok, lemma, para)
        if cue is not None and cue.pattern == "verb" and fronted_participle(doc, tok):
            # "Claiming X, Smith told Fox ...": misparsed as a clausal subject
            return dataclasses.replace(cue, pattern="fronted")
        if cue is None and tok.dep_ == "acomp":
            cue = _stance_adj_cue(tok, para)  # "he is opposed to the deal"
        return cue
    if pos == "ADJ":
        return _adjective_cue(tok, lemma, para)
    if pos == "NOUN":
        # "Smith claims that ...": a speech verb tagged as a plural noun
        return _misread_verb_cue(doc, tok, para) or _nominal_cue(tok, lemma, para)
    return None

"""A speech verb the tagger took for a plural noun after a name: "Trump charges that
countries ...", "But Smith claims that he should be the exception". The parse then has no
verb, no subject and no complement: the cue, its source (the name before it) and its
content (the clause after "that") are read off the word order instead."""

from __future__ import annotations

from typing import Any

from app.extraction.cues.cue import Cue
from app.extraction.cues.words import BELIEF_VERBS, SAY_VERBS
from app.extraction.types import AttributionKind

_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Words that may open a sentence before its subject: "But Smith claims that ...".
_OPENERS = frozenset({"CCONJ", "ADV", "PUNCT", "SPACE"})


def _misread_verb_cue(doc: Any, tok: Any, para: int) -> Cue | None:
    """A plural noun whose singular is a verb of saying or believing, right after a name
    that is the subject of its sentence and right before the complementizer "that"."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s"):
        return None
    lemma = tok.lemma_.lower()
    kind = (
        AttributionKind.INDIRECT
        if lemma in SAY_VERBS
        else AttributionKind.BELIEF
        if lemma in BELIEF_VERBS
        else None
    )
    if kind is None or misread_subject(doc, tok) is None:
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "that" or nxt.tag_ != "IN":
        return None  # "that" as a relative pronoun (WDT) makes the noun reading right
    return Cue(para, tok.i, tok.i, tok.i + 1, kind, "misread_verb")


def misread_subject(doc: Any, tok: Any) -> tuple[int, int] | None:
    """The name right before ``tok`` that opens its sentence (after "But", "Still," ...),
    as a token range; None when anything else (a determiner, a possessive) comes first."""
    lo = tok.i
    while lo > tok.sent.start and _name_word(doc[lo - 1]):
        lo -= 1
    if lo == tok.i or doc[tok.i - 1].tag_ == "POS":
        return None
    if any(t.pos_ not in _OPENERS for t in doc[tok.sent.start : lo]):
        return None
    return (lo, tok.i)


def _name_word(t: Any) -> bool:
    if t.tag_ == "POS" or not (t.is_title or t.is_upper) or t.is_stop:
        return False
    return t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS or (t.pos_ == "NOUN" and t.is_alpha)


def fronted_participle(doc: Any, tok: Any) -> tuple[int, Any] | None:
    """ "Claiming the criticism is unfair, Smith told Fox that ...": a participle opening
    the sentence, set off by a comma before the main clause, is an act of the main clause's
    subject. The parser often reads the participle's object as the subject of a clause
    ("the criticism ... is designed"). Returns the comma's index and that subject, or None
    when the parser already hung the participle on the main verb (then the usual climb
    finds the subject) or no subject follows the comma."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("csubj", "csubjpass", "nsubj", "ROOT"):
        return None
    sent = tok.sent
    if any(t.pos_ not in _OPENERS for t in doc[sent.start : tok.i]):
        return None
    root = sent.root
    for i in range(tok.i + 2, min(root.i, sent.end)):
        if doc[i].text != ",":
            continue
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i > i), None)
        if subj is not None and subj.left_edge.i == i + 1 and root.pos_ == "VERB":
            return (i, subj)
        return None  # the first comma must open the main clause
    return None

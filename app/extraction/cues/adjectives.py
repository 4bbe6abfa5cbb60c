"""Adjective cues: belief and feeling with a clause ("she is confident that ..."),
impressions nobody holds ("it is not clear whether ..."), and stances with a prepositional
object ("critical of the plan", "opposed to the deal")."""

from __future__ import annotations

from typing import Any

from app.extraction.cues.cue import Cue
from app.extraction.cues.grammar import _animate_subject
from app.extraction.cues.words import (
    _CLAUSE_MARKS,
    _IMPERSONAL_ADJS,
    _RAISING_ADJS,
    BELIEF_ADJS,
    STANCE_ADJS,
)
from app.extraction.types import AttributionKind


def _adjective_cue(tok: Any, lemma: str, para: int) -> Cue | None:
    """ "it is not clear whether ...", "she is confident that ...", "he is critical of X"."""
    cue = None
    if lemma in _IMPERSONAL_ADJS:
        cue = _impersonal_adj_cue(tok, para)  # "it is not clear whether ..."
    if cue is None and lemma in BELIEF_ADJS and _belief_adj(tok, lemma):
        cue = Cue(para, tok.i, tok.i, tok.i + 1, AttributionKind.BELIEF, "adj")
    elif cue is None and lemma in BELIEF_ADJS and _copula_clause(tok):
        # "she is certain that ...", the clause parsed onto the copula: the copula
        # heads the cue, so that its subject and its clause are found
        cue = Cue(para, tok.head.i, tok.head.i, tok.i + 1, AttributionKind.BELIEF, "adj")
    elif cue is None and tok.dep_ in ("acomp", "ROOT"):
        cue = _stance_adj_cue(tok, para)  # "she is critical of the plan"
    return cue


def _belief_adj(tok: Any, lemma: str) -> bool:
    """An adjective of belief or feeling predicated of its subject with a clause: "she is
    confident that ...", "he is eager to ...". Not "make sure that ..." (an action), not
    "the bill is sure to pass" (a likelihood), not an attribute inside a noun phrase ("a
    prospect sure to anger them"), which has no subject of its own."""
    if tok.dep_ not in ("acomp", "ROOT"):
        return False
    if tok.dep_ == "acomp" and tok.head.lemma_.lower() == "make":
        return False
    kids = {c.dep_ for c in tok.children}
    if lemma in _RAISING_ADJS:
        return "ccomp" in kids
    return bool({"ccomp", "xcomp"} & kids)


def _impersonal_adj_cue(tok: Any, para: int) -> Cue | None:
    """ "It is not clear whether X", "Nor is it certain that Y": an impression nobody in
    the text holds (PolNeAR: no source), like "it seems". The copula carries the clause;
    the cue runs from the copula to the adjective."""
    cop = tok.head
    if tok.dep_ != "acomp" or cop.lemma_ != "be":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in cop.children):
        return None
    # the clause hangs on the copula or on the adjective; the cue's head is its governor
    gov = next(
        (g for g in (cop, tok) for c in g.children if c.dep_ == "ccomp" and c.i > tok.i), None
    )
    if gov is None:
        return None
    start = min(cop.i, tok.i)
    return Cue(para, gov.i, start, tok.i + 1, AttributionKind.BELIEF, "seem")


def _copula_clause(tok: Any) -> bool:
    """A belief adjective after "be" whose that-clause the parse hangs on the copula."""
    cop = tok.head
    if tok.dep_ != "acomp" or cop.lemma_ != "be":
        return False
    return any(
        c.dep_ == "ccomp"
        and c.i > tok.i
        and any(m.dep_ == "mark" and m.lower_ in _CLAUSE_MARKS for m in c.children)
        for c in cop.children
    )


def _stance_adj_cue(tok: Any, para: int) -> Cue | None:
    preps = STANCE_ADJS.get(tok.lower_)
    if not preps:
        return None
    for c in tok.rights:
        if (
            c.dep_ == "prep"
            and c.lower_ in preps
            and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        ):
            cop = tok.head if tok.dep_ == "acomp" else tok
            if not _animate_subject(cop):
                return None
            return Cue(
                para,
                tok.i,
                tok.i,
                c.i + 1 if c.i - tok.i <= 2 else tok.i + 1,
                AttributionKind.BELIEF,
                "adj",
            )
    return None

"""Noun cues: cue nouns with a possessor or a clause ("his claim that ...", "her plan to
..."), light verbs and idioms ("took aim at", "made the point that", "took credit for"),
agents of a stance ("a critic of X"), points of view ("in his view"), and copular and
existential frames ("the question is whether ...", "there are concerns about ...")."""

from __future__ import annotations

import dataclasses
from typing import Any

from app.extraction.cues.cue import Cue
from app.extraction.cues.grammar import (
    _editors_note,
    _for_to,
    _when_not_what,
    is_animate,
    possessor_of,
)
from app.extraction.cues.words import (
    _BELIEF_NOUNS,
    _CLAUSE_MARKS,
    _HELD_NOUNS,
    _INTENT_NOUNS,
    _LIGHT_IDIOMS,
    _PERSPECTIVE_NOUNS,
    _TAKEN_NOUNS,
    _TO_NOUNS,
    _TOPIC_NOUNS,
    AGENT_NOUNS,
    CONTENT_PREPS,
    CUE_NOUNS,
    LIGHT_VERBS,
    STANCE_NOUNS,
    _words,
)
from app.extraction.types import AttributionKind


def _nominal_cue(tok: Any, lemma: str, para: int) -> Cue | None:
    """ "a critic of X", "in his view, ...", "his claim that ...", "took aim at X"."""
    if lemma in AGENT_NOUNS:
        return _agent_noun_cue(tok, para)
    if lemma in _PERSPECTIVE_NOUNS:
        cue = _perspective_cue(tok, para)  # "in his view, ..."
        if cue is not None:
            return cue
    if lemma in _INTENT_NOUNS and tok.head.lower_ == "under":
        cue = _perspective_cue(tok, para, prep_word="under")  # "Under her plan, ..."
        if cue is not None:
            return dataclasses.replace(cue, kind=AttributionKind.INTENTION)
    if lemma in CUE_NOUNS or lemma in STANCE_NOUNS or lemma in _IDIOM_NOUNS:
        return _noun_cue(tok, lemma, para)
    return None


def _perspective_cue(tok: Any, para: int, prep_word: str = "in") -> Cue | None:
    """ "In his view, the tax is unfair": "in" + a possessed noun of perspective frames the
    clause it modifies as the possessor's, like "according to". The cue is the phrase; the
    source, the possessed noun phrase; the content, the rest of the clause. So does
    "under" + a possessed plan: "Under Smith's plan, families would pay less"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != prep_word or prep.dep_ != "prep":
        return None
    if not any(c.dep_ == "poss" and c.lower_ != "its" for c in tok.children):
        return None
    if prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return Cue(para, prep.i, prep.i, tok.i + 1, AttributionKind.BELIEF, "in_doc")


_AGENT_PREPS = _words("of for against")


def _agent_noun_cue(tok: Any, para: int) -> Cue | None:
    """ "X is a critic of Y", "X, a supporter of Y,": the noun and its preposition."""
    if tok.dep_ not in ("attr", "appos"):
        return None
    for c in tok.rights:
        if (
            c.dep_ == "prep"
            and c.lower_ in _AGENT_PREPS
            and any(g.dep_ == "pobj" for g in c.children)
        ):
            return Cue(
                para,
                tok.i,
                tok.i,
                c.i + 1 if c.i - tok.i <= 3 else tok.i + 1,
                AttributionKind.INDIRECT,
                "agent",
            )
    return None


def _noun_cue(tok: Any, lemma: str, para: int) -> Cue | None:
    kids = {c.dep_ for c in tok.children}
    # a preposition giving a date is no content: "his statement on Tuesday"
    has_comp = any(
        _content_complement(c, lemma) and not (c.dep_ == "prep" and _when_not_what(c))
        for c in tok.children
    )
    clause = any(
        (c.dep_ in ("acl", "ccomp") and _is_clause_acl(c)) or _of_whether(c) for c in tok.children
    )
    if tok.dep_ == "pobj" and tok.head.lower_ in _TOPIC_PREPS and not owned_that_clause(tok):
        # "asked about her plan to ...", "split over his call for ...": the noun is the
        # topic of another word, which is the attribution if any
        return None
    if lemma == "shot" and tok.head.lemma_.lower() in ("give", "have", "get", "stand"):
        return None  # "gave him a shot at the title": a chance, not a verbal attack
    if lemma == "note" and _editors_note([c for c in tok.children if c.dep_ == "poss"] + [tok]):
        return None  # "Editor's note: ...": the publication's own voice
    cop = _copular_clause(tok)
    if cop is not None and lemma in (CUE_NOUNS | STANCE_NOUNS):
        # "The question is whether ...": the copula carries the content clause
        kind = AttributionKind.BELIEF if lemma in _BELIEF_NOUNS else AttributionKind.INDIRECT
        return Cue(para, cop.i, tok.i, cop.i + 1, kind, "noun")
    cop = _copular_clause(tok, owned=True)
    if cop is None and lemma in _INTENT_NOUNS:
        cop = _copular_infinitive(tok)  # "her goal is to win the seat"
    if cop is not None and lemma in (CUE_NOUNS | STANCE_NOUNS) and _stance_holder(tok):
        # "His concern is that ...": the copula heads the cue as after a predicative
        # adjective: its subject (the possessed noun) names the holder, its clause the content
        kind = (
            AttributionKind.INTENTION
            if lemma in _INTENT_NOUNS
            else (AttributionKind.BELIEF if lemma in _BELIEF_NOUNS else AttributionKind.INDIRECT)
        )
        return Cue(para, cop.i, tok.i, cop.i + 1, kind, "adj")
    owner = _stance_holder(tok) or _existential(tok) or _agent_phrase(tok)
    if not owner and _in_a_range(tok):
        # "from X being Y, to the idea that Z": an item in a range of topics, nobody's
        # claim (with an owner it still is one: "to Smith's claim that Z")
        return None
    if (lemma in CUE_NOUNS or lemma in STANCE_NOUNS) and ((owner and has_comp) or clause):
        kind = (
            AttributionKind.INTENTION
            if lemma in _INTENT_NOUNS
            else (AttributionKind.BELIEF if lemma in _BELIEF_NOUNS else AttributionKind.INDIRECT)
        )
        return Cue(para, tok.i, tok.i, tok.i + 1, kind, "noun")
    head = tok.head
    if _light_idiom(tok, lemma):
        # "took credit for X", "sounded a cautious note about X", "drew attention to X"
        return Cue(para, tok.i, head.i, tok.i + 1, AttributionKind.INDIRECT, "noun")
    if (
        tok.dep_ == "dobj"
        and (lemma in CUE_NOUNS or lemma in STANCE_NOUNS)
        and head.lemma_.lower() in LIGHT_VERBS
        and _light_verb_fits(head.lemma_.lower(), lemma)
        and (
            bool({"acl", "ccomp", "xcomp", "prep"} & kids)
            or any(c.dep_ == "prep" for c in head.children if c.i > tok.i)
        )
    ):
        # "took aim at X", "made the point that X", "expressed hope for X"
        kind = AttributionKind.BELIEF if lemma in _BELIEF_NOUNS else AttributionKind.INDIRECT
        return Cue(para, tok.i, head.i, tok.i + 1, kind, "noun")
    return None


def _in_a_range(tok: Any) -> bool:
    """The object of "to" in a "from X ... to Y" range of the same sentence."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "to":
        return False
    sent = tok.sent
    return any(t.lower_ == "from" and t.dep_ == "prep" for t in tok.doc[sent.start : tok.i])


def _of_whether(c: Any) -> bool:
    """ "the question of whether X": "of" with a whether/if clause as its object."""
    return (
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pcomp"
            and any(m.dep_ == "mark" and m.lower_ in _CLAUSE_MARKS for m in g.children)
            for g in c.children
        )
    )


def _copular_clause(tok: Any, *, owned: bool = False) -> Any:
    """The copula of "the question is whether X", "one worry was that Y": a cue noun as
    subject of "be" whose complement is a that/whether clause; the noun has no possessor
    (whose question it is the text leaves unsaid). Returns the copula, or None."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.lemma_ != "be" or head.i < tok.i:
        return None
    if any(c.dep_ == "poss" for c in tok.children) != owned:
        return None
    for c in head.children:
        if (
            c.dep_ == "ccomp"
            and c.i > head.i
            and any(m.dep_ == "mark" and m.lower_ in _CLAUSE_MARKS for m in c.children)
        ):
            return head
    return None


def _copular_infinitive(tok: Any) -> Any:
    """The copula of "her goal is to win the seat": an owned intention noun, subject of
    "be" with a to-infinitive. Returns the copula, or None."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.lemma_ != "be" or head.i < tok.i:
        return None
    for c in head.children:
        if c.dep_ == "xcomp" and c.i > head.i and any(a.lower_ == "to" for a in c.children):
            return head
    return None


def _agent_phrase(tok: Any) -> bool:
    """ "calls by some senators for a recount", "criticism from unions of the plan": a
    "by"/"from" phrase names the holder as a possessor would."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "from")
        and any(g.dep_ == "pobj" and is_animate(g) for g in c.children)
        for c in tok.children
    )


def _existential(tok: Any) -> bool:
    """ "There are questions about X", "there is concern over Y": an existential sentence
    reports a view held by someone the text leaves unsaid (PolNeAR: no source)."""
    head = tok.head
    return (
        tok.dep_ == "attr"
        and head.lemma_ == "be"
        and any(c.dep_ == "expl" and c.lower_ == "there" for c in head.children)
    )


def _stance_holder(tok: Any) -> bool:
    """Whether the noun has a possessor that can hold a view: "her plan", "the union's
    claim"; not a time ("this week's warnings") and not "its" ("its appeal to voters"),
    which mostly stands for a thing."""
    c = possessor_of(tok)
    return c is not None and c.lower_ != "its" and c.ent_type_ not in ("DATE", "TIME")


# Prepositions that give a cue noun its content or its target: "criticism of X", "support
# for X", "questions about X", "her stance on X". Others give the occasion, the audience or
# the place ("his remarks at the rally", "her letter to donors", "his response to the
# attack"); "to" names the target only after nouns of opposing ("opposition to X").
_NOUN_CONTENT_PREPS = _words("about on of for against over behind toward towards regarding")

# Prepositions that make their object the topic of another word.
_TOPIC_PREPS = _words("about on upon over against as regarding concerning")


def _content_complement(c: Any, lemma: str) -> bool:
    """Whether a dependent of a cue noun can carry what is attributed."""
    if c.dep_ in ("ccomp", "xcomp"):
        return True
    if c.dep_ == "acl":
        # "the claim that ...", "a plan to ...", "a statement condemning X"; not "a letter
        # sent to donors"
        return _is_clause_acl(c) or c.tag_ == "VBG"
    if c.dep_ == "prep":
        if lemma in _TOPIC_NOUNS:
            return False  # "his stance on trade" names the topic, not the stance
        return c.lower_ in _NOUN_CONTENT_PREPS or (c.lower_ == "to" and lemma in _TO_NOUNS)
    return False


def _light_verb_fits(verb: str, lemma: str) -> bool:
    """Whether a light verb with this object noun reports its subject's own stance."""
    if lemma in _TAKEN_NOUNS:
        return verb == "take"
    if verb in ("have", "hold"):
        return lemma in _BELIEF_NOUNS or lemma in _INTENT_NOUNS or lemma in _HELD_NOUNS
    return True


_IDIOM_NOUNS = frozenset().union(*_LIGHT_IDIOMS.values())


def _light_idiom(tok: Any, lemma: str) -> bool:
    """Whether the noun is the object of a light-verb idiom from ``_LIGHT_IDIOMS`` whose
    target follows as a preposition's object, on the noun or on the verb: "took a whack
    at X" ("at" on the verb), "sounded a note about X" ("about" on the noun)."""
    head = tok.head
    if tok.dep_ != "dobj" or head.pos_ != "VERB":
        return False
    if lemma not in _LIGHT_IDIOMS.get(head.lemma_.lower(), ()):
        return False
    if any(_for_to(c) for c in tok.children):
        return True  # "sounded a call for the state to act": the clause is the target
    preps = [c for c in (*tok.children, *head.children) if c.dep_ == "prep" and c.i > tok.i]
    return any(
        c.lower_ in CONTENT_PREPS
        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        and not _when_not_what(c)
        for c in preps
    )


def _is_clause_acl(tok: Any) -> bool:
    """A clause that states the noun's content ("the claim that X", "a plan to X")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def owned_that_clause(tok: Any) -> bool:
    """A cue noun of saying or believing with a possessor that names someone (not a
    pronoun) and a that-clause: "Smith's claim that X", "the police's earlier claim that
    Y". The claim is the possessor's wherever the noun stands ("seized on Smith's claim")."""
    if tok.lemma_.lower() in _INTENT_NOUNS:
        return False
    poss = possessor_of(tok)
    if poss is None or poss.pos_ not in ("PROPN", "NOUN"):
        return False
    return any(
        c.dep_ in ("acl", "ccomp")
        and c.i > tok.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    )

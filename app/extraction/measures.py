"""What a figure counts: deaths, injured, missing, hostages, displaced, arrested, cases.

A quantity's *measure* comes from the words around it, read through the dependency tree:
the event that governs the number ("killed 20", "the deaths of 20 people", "the death toll
rose to 312", "97 of whom remain held"), the words that modify the counted noun ("20 dead
civilians", "33 individuals the military declared dead") and the counted noun itself
("251 hostages", "1,200 new cases"). Figures of money, percentages and of things that are
not people ("2,048 homes") are ``other``.

The word lists are data (``lexicons/measure_<name>.txt``, ``people.txt``,
``currencies.txt``); the rules below only say where in the sentence a word must stand.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MEASURES", "classify_measure", "figure_unit"]

# Order matters when a word sits in two lists: the earlier measure wins.
MEASURES = ("deaths", "injured", "missing", "hostages", "displaced", "arrested", "cases")
OTHER = "other"

_LEXICONS = Path(__file__).with_name("lexicons")
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
# Where the counted people stand to the event word: its object, its passive subject, ...
_PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "pobj", "appos", "npadvmod"})
# ... and what a verb says about its subject: "remain held", "were left dead".
_COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "attr", "advcl", "conj"})
_MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "appos", "compound"})
# "rose to 312", "stands at 312", "climbed by 12": the figure of the subject.
_LEVEL_PREPS = frozenset({"to", "at", "by", "from", "of"})
_COPULAS = frozenset({"be", "stand", "reach", "rise", "climb", "jump", "top", "hit", "exceed"})
_THING_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "PRODUCT", "LAW"})
_TIME_NOUNS = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "night"}
)


def _load(name: str) -> frozenset[str]:
    lines = (_LEXICONS / name).read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _lexicons() -> dict[str, frozenset[str]]:
    return {m: _load(f"measure_{m}.txt") for m in MEASURES}


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return _load("people.txt")


@lru_cache(maxsize=1)
def _things() -> frozenset[str]:
    return _load("things.txt")


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return _load("currencies.txt")


def _word_measure(tok: Token) -> str | None:
    """The measure a single word names, by its lower-case form or lemma."""
    forms = {tok.lower_, tok.lemma_.lower()}
    for measure, words in _lexicons().items():
        if forms & words:
            return measure
    return None


def is_time_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in _TIME_NOUNS


def _counts_people(noun: Token | None) -> bool:
    if noun is None:
        return True
    lemma = noun.lemma_.lower()
    if lemma in _things():
        return False
    return (
        lemma in _people()
        or noun.lower_ in _people()
        or noun.ent_type_ == "NORP"
        or _word_measure(noun) is not None
    )


def classify_measure(number: Token, noun: Token | None, unit: str | None) -> str:
    """The measure of the figure whose last number token is ``number``.

    ``noun`` is the counted noun when there is one ("people" in "at least 41,252 people"),
    ``unit`` the unit the quantity reader found ("percent", "dollars", the noun). Example:
    "the deaths of at least 41,252 people" gives ``deaths`` (the governing noun), "Militants
    seized 251 hostages" ``hostages``, "97 of whom remain held" ``hostages`` (the subject's
    complement), "the death toll rose to 312" ``deaths`` (the subject of a level verb),
    "Turnout fell to 40 percent" ``other``.
    """
    if unit == "percent" or _is_currency(unit):
        return OTHER
    if noun is not None and is_time_noun(noun):
        return OTHER
    anchor = noun if noun is not None else number
    found = (
        _modifier_measure(anchor)
        or _governor_measure(anchor)
        or (_word_measure(noun) if noun is not None else None)
    )
    if found is None:
        return OTHER
    if _counts_people(noun) or _unknown_noun(noun):
        return found  # "two former college punters died": a noun no list knows
    return OTHER


def _unknown_noun(noun: Token | None) -> bool:
    """A plural common noun that no list knows, named by no entity: maybe people."""
    if noun is None or noun.ent_type_ in _THING_ENTS:
        return False
    return noun.tag_ in {"NNS", "NNPS"} and noun.lemma_.lower() not in _things()


def _is_currency(unit: str | None) -> bool:
    if unit is None:
        return False
    low = unit.lower()
    return low in _currencies() or low.rstrip("s") in _currencies()


def _modifier_measure(anchor: Token) -> str | None:
    """ "20 dead civilians", "people killed in the attack", "individuals ... declared dead"."""
    for child in anchor.children:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        if child.dep_ in {"relcl", "acl"} and _has_own_object(child):
            continue  # "two radicals who killed 14": the anchor is the agent
        found = _word_measure(child)
        if found is None and child.pos_ in _PREDICATE_POS:
            found = _complement_measure(child, exclude=anchor)
        if found is not None:
            return found
    return None


def _has_own_object(verb: Token) -> bool:
    return any(
        c.dep_ == "dobj" and c.lower_ not in {"whom", "who", "that", "which"} for c in verb.children
    )


def _complement_measure(verb: Token, *, exclude: Token) -> str | None:
    for child in verb.children:
        if child.i != exclude.i and child.dep_ in _COMPLEMENT_DEPS:
            found = _word_measure(child)
            if found is not None:
                return found
    return None


def _subject_measure(verb: Token) -> str | None:
    """ "The death toll" / "the number of dead" as the subject of "rose to 312"."""
    for subj in verb.children:
        if subj.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        for tok in (subj, *subj.children):
            if tok.dep_ in {"compound", "amod", "nsubj", "nsubjpass"} or tok.i == subj.i:
                found = _word_measure(tok)
                if found is not None:
                    return found
            if tok.dep_ == "prep" and tok.lower_ == "of":
                found = _of_chain_measure(tok)
                if found is not None:
                    return found
    return None


def _of_chain_measure(prep: Token, depth: int = 3) -> str | None:
    """ "the number of dead", "estimates of the number of Syrian refugees"."""
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        found = _word_measure(pobj) or _compound_measure(pobj)
        if found is not None:
            return found
        if depth > 1:
            for child in pobj.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    found = _of_chain_measure(child, depth - 1)
                    if found is not None:
                        return found
    return None


def _governor_measure(anchor: Token) -> str | None:
    """Climb from the counted people to the event that governs them (at most the clause)."""
    tok = anchor
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return None
        dep = tok.dep_
        if dep == "pobj":
            found = _preposition_measure(tok, head)
            if found is not None:
                return found
            tok = head.head if head.head.i != head.i else head
            if tok.pos_ in _PREDICATE_POS:
                return _clause_measure(tok, None, "prep")
            continue
        if head.pos_ in _PREDICATE_POS:
            return _clause_measure(head, tok, dep)
        tok = head
    return None


def _preposition_measure(pobj: Token, prep: Token) -> str | None:
    gov = prep.head
    if gov.i == prep.i:
        return None
    low = prep.lower_
    if low == "of" and gov.pos_ in _NOUN_POS:
        return _word_measure(gov) or _compound_measure(gov)
    if low in _LEVEL_PREPS and gov.pos_ in _PREDICATE_POS:
        return _subject_measure(gov)
    if gov.pos_ in _NOUN_POS and gov.lemma_.lower() in {"toll", "total", "tally", "number"}:
        return _word_measure(gov) or _compound_measure(gov)
    return None


def _compound_measure(noun: Token) -> str | None:
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            found = _word_measure(child)
            if found is not None:
                return found
    return None


def _clause_measure(verb: Token, tok: Token | None, dep: str) -> str | None:
    """The measure a verb or adjective gives to the figure standing as ``dep`` of it."""
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if dep == "nsubj" and has_object:
        return None  # "20 gunmen killed 3 soldiers": the 20 are the agents
    if dep in _PATIENT_DEPS or dep in {"nsubj", "prep"}:
        if verb.lemma_.lower() not in _COPULAS or dep != "attr":
            found = _word_measure(verb)
            if found is not None:
                return found
        if tok is not None:
            found = _complement_measure(verb, exclude=tok)
            if found is not None:
                return found
        if verb.lemma_.lower() in _COPULAS:
            return _subject_measure(verb)
    return None


def figure_unit(unit: str | None, noun: Token | None, measure: str) -> str | None:
    """The unit of a figure: ``people``, ``percent``, a currency, else the counted noun.

    "41,252 people" and "251 hostages" are ``people``; "40 percent" is ``percent``; "$3.5
    million" and "20 million euros" are ``dollars`` and ``euros``; "2,048 homes" ``homes``;
    a bare "killing 20" is ``people`` because deaths count people, "1,200 new cases"
    ``cases``.
    """
    if unit == "percent":
        return "percent"
    if _is_currency(unit):
        low = (unit or "").lower()
        return low if low.endswith("s") or low in {"yen", "yuan", "won", "rand"} else low + "s"
    if noun is not None and (
        noun.lemma_.lower() in _people() or noun.lower_ in _people() or noun.ent_type_ == "NORP"
    ):
        return "people"
    if measure == "cases":
        return "cases"
    if measure != OTHER and (noun is None or _word_measure(noun) is not None):
        return "people"  # "1,000 deaths", "killing 20": deaths count people
    if noun is not None:
        return noun.lower_
    return unit.lower() if unit else None

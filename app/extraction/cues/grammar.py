"""Token tests shared by the cue rooms: who can hold a view (``is_animate``,
``_animate_subject``), the mended lemma, clauses, quotation marks, dates after prepositions."""

from __future__ import annotations

from typing import Any

from app.extraction.cues.words import (
    _ANIMATE_NOUNS,
    _SLANG,
    _VERB_LEXICON,
    _words,
)

_ANIMATE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

_ANIMATE_PRONOUNS = frozenset({"he", "she", "they", "who", "we", "i", "you", "it", "that"})

_QUANTIFIERS = _words("both all many most some several few each none half")


def is_animate(tok: Any) -> bool:
    """Whether a subject can hold a stance: a person, an organisation, a group of people."""
    if tok.ent_type_ in _ANIMATE_ENTS or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        # "both of his senators", "many", "most in both states"
        return tok.lower_ in _ANIMATE_PRONOUNS or tok.lower_ in _QUANTIFIERS
    if tok.lemma_.lower() in _ANIMATE_NOUNS or tok.lower_ in _ANIMATE_NOUNS:
        return True
    return tok.pos_ == "NUM"  # "56 percent", "two-thirds"


def _has_clause(tok: Any) -> bool:
    if tok.dep_ == "parataxis" and any(c.lower_ == "you" for c in tok.children):
        return False  # the filler "you know", "you see"
    return any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) or (tok.dep_ == "parataxis")


def _lemma(tok: Any) -> str:
    """The lemma, mended where the rule lemmatiser drops a silent e: "hoping" -> "hop",
    "hated" -> "hat", "hopes" -> "hop" become "hope", "hate" when only the e-form is a cue
    word; "retweeted" -> "retweete" becomes "retweet"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma not in _VERB_LEXICON:
        if lemma + "e" in _VERB_LEXICON and tok.lower_.endswith(("ed", "ing", "es")):
            return lemma + "e"
        if lemma.endswith("e") and lemma[:-1] in _VERB_LEXICON and tok.lower_.endswith("ed"):
            return lemma[:-1]
        return _SLANG.get(tok.lower_, lemma)
    return lemma


def _when_not_what(prep: Any) -> bool:
    """ "spoke on Monday", "campaigned on Labor Day": the preposition gives a date, not
    the topic of the speech."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


_QUOTE_MARKS = frozenset('“”"')


def _is_quote_mark(text: str) -> bool:
    """A token that opens or closes a quotation: “ ” " or the wire-copy '' (two
    apostrophes standing for a double quote)."""
    return text[:1] in _QUOTE_MARKS or text == "''"


def _holder(subj: Any, verb: Any) -> bool:
    """Whether a subject names someone who can hold a stance; a relative pronoun stands for
    its antecedent: "the union, which backed her in May" (the union backed her)."""
    if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        return is_animate(verb.head)
    return is_animate(subj)


def _animate_subject(tok: Any) -> bool:
    if misread_name(tok) is not None:
        return True  # "Trump openly admires X": a name misread as a verb
    if any(c.dep_ == "agent" for c in tok.children):
        return True  # a passive with its "by" agent: the agent holds the stance
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return _holder(c, tok)
        if c.dep_ == "agent":
            return True
    # an inherited subject ("X said and endorsed Y", "supporting Y"): trust it
    return tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl")


def _quote_follows(doc: Any, tok: Any) -> bool:
    return tok.i + 1 < len(doc) and _is_quote_mark(doc[tok.i + 1].text)


def _editors_note(toks: Any) -> bool:
    """ "Editor's note", "Editors' Note": the label of the publication's own remark."""
    lemmas = [t.lemma_.lower() for t in toks]
    return "note" in lemmas and any(x.startswith("editor") for x in lemmas)


def _for_to(tok: Any) -> bool:
    """An infinitive with its own subject after "for" ("a call for the state to accept
    migrants", "time for Congress to back the bill"): what someone wants or asks of that
    subject, not a stance the subject is reported to take."""
    kids = list(tok.children)
    return (
        any(c.dep_ == "mark" and c.lower_ == "for" for c in kids)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        and any(c.dep_ == "nsubj" for c in kids)
    )


def misread_name(verb: Any) -> Any | None:
    """ "Trump openly admires X, comparing him to Y": a name opening the sentence that the
    tagger read as an imperative verb with the real verb as its object. No imperative takes
    a finite verb after it, so the word is the subject. Returns that word for the misread
    root itself or for the finite verb hanging on it, else None."""
    root = verb.head if verb.dep_ in ("dobj", "ccomp", "conj") else verb
    if not (
        root.dep_ == "ROOT"
        and root.i == root.sent.start
        and root.is_title
        and root.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
    ):
        return None
    for c in root.children:
        between = root.doc[root.i + 1 : c.i]
        if c.tag_ in ("VBZ", "VBD") and c.i > root.i and all(t.pos_ == "ADV" for t in between):
            return root if verb in (root, c) else None
    return None


def is_possessor(c: Any) -> bool:
    """A possessor of its head noun: "her plan", "the union's claim"; also a name the parser
    hung otherwise though its "'s" marks it ("Tulsa police's earlier claim")."""
    if c.dep_ == "poss":
        return True
    return (
        c.dep_ in ("nsubj", "compound", "nmod")
        and c.i < c.head.i
        and c.head.pos_ == "NOUN"
        and any(g.dep_ == "case" and g.lower_ in ("'s", "’s", "'", "’") for g in c.children)
    )


def main_verb_as_participle(tok: Any) -> bool:
    """A past form the parser hung as a participle on a sentence-opening name with an
    appositive, in a sentence left with no verb at all ("Aaron Roe, the director of X,
    compared Y to Z"): the name's own verb, not a description of it."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and head.dep_ == "ROOT"
        and head.pos_ == "PROPN"
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and any(c.dep_ == "appos" and head.i < c.i < tok.i for c in head.children)
        and not any(c.dep_ in ("auxpass", "agent") for c in tok.children)
    )


def possessor_of(tok: Any) -> Any | None:
    """The possessor of noun ``tok`` (see ``is_possessor``), or, when the parser made
    the "'s" a verb of its own ("Tulsa police['s]" read as "police is"), the word right
    before an "'s" that stands before the noun with only adjectives between."""
    found = next((c for c in tok.children if is_possessor(c)), None)
    if found is not None:
        return found
    j = tok.i - 1
    while j > 0 and tok.doc[j].pos_ in ("ADJ", "ADV"):
        j -= 1
    if j > 0 and tok.doc[j].tag_ == "POS" and tok.doc[j].head != tok:
        return tok.doc[j - 1]
    return None

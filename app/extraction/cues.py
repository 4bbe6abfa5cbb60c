"""Finding attribution cues: the words that attribute content to a source.

PolNeAR (Newell, Margolin & Ruths 2018; its annotation guidelines define cues) annotates as cue the
verb or phrase that introduces attributed material: verbs of saying ("said", "told",
"tweeted"), of believing and feeling ("thinks", "fears"), of intending ("wants", "plans"),
of finding ("the poll shows"), evaluative speech acts ("criticized", "praised", "called for"),
nominal cues ("his claim that ..."), "according to", and the colon of ``X: "..."``.

The open-class word lists (verbs, nouns, adjectives of saying, believing, intending, finding,
judging) are data files in ``app/extraction/lexicons/``, written by hand from the guidelines
and general knowledge of English reporting verbs (nothing is counted out of a corpus) and
loaded once at import by ``app.extraction.lexicon``; each file says where it came from and
which rule reads it. Closed-class words that are part of a rule's grammar (prepositions,
pronouns, modals, complementizers) stay beside the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.extraction.lexicon import load_map, load_words
from app.extraction.types import AttributionKind


def _words(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words."""
    return frozenset(text.split())


# Prepositions that introduce nominal content after some speech verbs: "talk about X".
CONTENT_PREPS = frozenset(
    {"about", "on", "of", "for", "to", "that", "against", "over", "with", "at"}
)

# Verbs of saying that take a clause, a quote or a direct object as content.
SAY_VERBS = load_words("say_verbs")
# Verbs of believing, feeling, knowing: content is a clause (or a quote).
BELIEF_VERBS = load_words("belief_verbs")
# Verbs of wanting and intending: content is an infinitive (or an object).
INTENTION_VERBS = load_words("intention_verbs")
# Verbs with which polls, studies, documents and data attribute findings.
FINDING_VERBS = load_words("finding_verbs")
# Subjects that make a finding: "the poll shows".
DOCUMENT_NOUNS = load_words("document_nouns")
# Verbs that are cues only with a clausal complement (they are too common otherwise).
CLAUSE_ONLY = load_words("clause_only_verbs")
# Adjectives of belief and feeling with a clause: "he is confident that ...".
BELIEF_ADJS = load_words("belief_adjs")
# Nouns of saying, believing and intending: "his claim that ...", "her plan to ...".
CUE_NOUNS = load_words("cue_nouns")


# Stance verbs: attributed evaluations of an object ("Sanders endorsed him"); cues only
# with a person or organisation as subject.
STANCE_VERBS = load_words("stance_verbs")
# Verbs that are cues with a prepositional object: "talked about X", "called for X".
PREP_VERBS: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split()) for verb, preps in load_map("prep_verbs").items()
}
# Light verbs that carry a cue noun as object: "made the point that", "took aim at".
LIGHT_VERBS = load_words("light_verbs")
# Nouns that with a light verb (or a possessor) attribute an evaluation or a statement.
STANCE_NOUNS = load_words("stance_nouns")
_ANIMATE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_ANIMATE_PRONOUNS = frozenset({"he", "she", "they", "who", "we", "i", "you", "it", "that"})
_ANIMATE_NOUNS = load_words("animate_nouns")


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


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue inside one paragraph's parse: token indices are local to that paragraph."""

    para: int
    head: int  # the cue's head token (the verb, noun, "according", or ":")
    start: int  # first token of the cue phrase
    end: int  # one past its last token
    kind: AttributionKind
    pattern: str  # "verb", "adj", "noun", "agent", "seem", "according_to", "colon", "byline"


def _category(lemma: str) -> AttributionKind | None:
    if lemma in SAY_VERBS:
        return AttributionKind.INDIRECT
    if lemma in BELIEF_VERBS:
        return AttributionKind.BELIEF
    if lemma in INTENTION_VERBS:
        return AttributionKind.INTENTION
    if lemma in FINDING_VERBS:
        return AttributionKind.FINDING
    return None


def _has_clause(tok: Any) -> bool:
    if tok.dep_ == "parataxis" and any(c.lower_ == "you" for c in tok.children):
        return False  # the filler "you know", "you see"
    return any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) or (tok.dep_ == "parataxis")


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
    cue = _phrase_or_mark_cue(doc, tok, lemma, para)
    if cue is not None:
        return cue
    if pos == "VERB" or (pos == "AUX" and lemma in ("say", "tell")):
        cue = _verb_cue(doc, tok, lemma, para)
        if cue is None and tok.dep_ == "acomp":
            cue = _stance_adj_cue(tok, para)  # "he is opposed to the deal"
        return cue
    if pos == "ADJ":
        return _adjective_cue(tok, lemma, para)
    if pos == "NOUN":
        return _nominal_cue(tok, lemma, para)
    return None


def _phrase_or_mark_cue(doc: Any, tok: Any, lemma: str, para: int) -> Cue | None:
    """ "according to", "In a poll, ...", the colon of "Caddell: ...", a dash before or after
    a quotation, and the verb of a Title Case headline."""
    i = tok.i
    if lemma == "accord" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
        return Cue(para, i, i, i + 2, AttributionKind.ACCORDING_TO, "according_to")
    if lemma == "in" and tok.dep_ == "prep" and _in_document(tok):
        # "In a CNN poll, Clinton leads by five points": the poll says so
        return Cue(para, i, i, i + 1, AttributionKind.ACCORDING_TO, "in_doc")
    if (
        tok.text == ":" or (tok.text in ("―", "—", "–", "--") and _quote_follows(doc, tok))
    ) and _colon_cue(doc, tok):
        # "Caddell: ..." and, in lists of voices, "Carla Sanchez ― “...”"
        return Cue(para, i, i, i + 1, AttributionKind.INDIRECT, "colon")
    if tok.text.lstrip('”"') in _DASHES and _byline_after_quote(doc, tok):
        # '“...”― Carla Sanchez.': the speaker signs the quotation
        return Cue(para, i, i, i + 1, AttributionKind.INDIRECT, "byline")
    if tok.pos_ in ("PROPN", "NOUN", "VERB") and _headline_verb(doc, tok):
        # "Senator Slams Mayor Over Budget": the name before it speaks, the rest is
        # what is said, as after the colon of "Senator: ..."
        return Cue(para, i, i, i + 1, AttributionKind.INDIRECT, "colon")
    return None


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


def _nominal_cue(tok: Any, lemma: str, para: int) -> Cue | None:
    """ "a critic of X", "in his view, ...", "his claim that ...", "took aim at X"."""
    if lemma in AGENT_NOUNS:
        return _agent_noun_cue(tok, para)
    if lemma in _PERSPECTIVE_NOUNS:
        cue = _perspective_cue(tok, para)  # "in his view, ..."
        if cue is not None:
            return cue
    if lemma in CUE_NOUNS or lemma in STANCE_NOUNS or lemma in _IDIOM_NOUNS:
        return _noun_cue(tok, lemma, para)
    return None


# Nouns of a point of view that frame a clause: "in her view", "in his opinion".
_PERSPECTIVE_NOUNS = load_words("perspective_nouns")


def _perspective_cue(tok: Any, para: int) -> Cue | None:
    """ "In his view, the tax is unfair": "in" + a possessed noun of perspective frames the
    clause it modifies as the possessor's, like "according to". The cue is the phrase; the
    source, the possessed noun phrase; the content, the rest of the clause."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    if not any(c.dep_ == "poss" for c in tok.children):
        return None
    if prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return Cue(para, prep.i, prep.i, tok.i + 1, AttributionKind.BELIEF, "in_doc")


# Adjectives (and adjectival participles) of stance with a prepositional object:
# "critical of the plan", "opposed to the deal", "skeptical about the poll".
STANCE_ADJS: dict[str, frozenset[str]] = {
    adj: frozenset(preps.split()) for adj, preps in load_map("stance_adjs").items()
}
# Nouns of people by their stance: "a fierce critic of the deal", "is a campaigner for".
AGENT_NOUNS = load_words("agent_nouns")
_AGENT_PREPS = _words("of for against")


# Adjectives that with a to-infinitive say how likely something is: "sure to fail".
_RAISING_ADJS = load_words("raising_adjs")


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


# Adjectives of knowledge said of an extraposed clause: "it is clear that ...".
_IMPERSONAL_ADJS = load_words("impersonal_adjs")


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


_INTENT_NOUNS = load_words("intent_nouns")
_BELIEF_NOUNS = load_words("belief_nouns")


# What a subject can "have" as its own attitude: "has doubts about", "has a plan to".


_SLANG = load_map("slang_lemmas")


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


_IN_DOCUMENTS = DOCUMENT_NOUNS | load_words("message_nouns")


def _in_document(tok: Any) -> bool:
    """ "In a new poll, ..." / "In a statement, ...": a clause-initial "in" whose object is
    a document or a message, on a verb that is not itself a cue."""
    gov = tok.head
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if gov == tok or gov.pos_ not in ("VERB", "AUX") or not objs or objs[0].pos_ != "NOUN":
        return False
    if is_poll(objs[0]) and not _has_according_to(tok.sent):
        # a poll reports what its respondents said: "In a new poll, 40 percent said they
        # would stay home"; after the verb only on a main clause that is no cue itself:
        # "the mayor leads in the polls"
        return tok.i < gov.i or (gov.dep_ == "ROOT" and _lemma(gov) not in _VERB_LEXICON)
    if tok.i > gov.i or _lemma(gov) in _VERB_LEXICON:
        return False  # "In a statement, the ministry said ...": the verb is the cue
    return objs[0].lemma_.lower() in _IN_DOCUMENTS


_POLLS = load_words("poll_nouns")


def _has_according_to(sent: Any) -> bool:
    return any(t.lower_ == "according" for t in sent)


def is_poll(noun: Any) -> bool:
    """An opinion poll or survey (whose findings are the respondents' answers)."""
    return noun.lemma_.lower() in _POLLS


@dataclass(frozen=True, slots=True)
class _Verb:
    """A verb that may head a cue, with what its rules read: the mended lemma, the kind its
    lexicon gives it (None for verbs outside the four kinds), its own prepositions (from
    ``PREP_VERBS``) and the end of its phrase, particle and own preposition included."""

    tok: Any
    lemma: str
    kind: AttributionKind | None
    preps: frozenset[str] | None
    end: int
    para: int

    def cue(self, kind: AttributionKind, *, end: int | None = None, pattern: str = "verb") -> Cue:
        i = self.tok.i
        return Cue(self.para, i, i, self.end if end is None else end, kind, pattern)


def _verb_cue(doc: Any, tok: Any, lemma: str, para: int) -> Cue | None:
    """A cue headed by the verb ``tok``: uses that report nothing are set aside, then the
    first of the rules in ``_VERB_RULES`` that fits makes the cue."""
    if _reports_nothing(tok, lemma):
        return None
    verb = _candidate(tok, lemma, para)
    for rule in (_regarded, _seeming):
        cue = rule(verb)
        if cue is not None:
            return cue
    if _describes_not_reports(doc, verb):
        return None
    for rule in _VERB_RULES:
        cue = rule(verb)
        if cue is not None:
            return cue
    return None


def _candidate(tok: Any, lemma: str, para: int) -> _Verb:
    end = tok.i + 1
    # phrasal particles belong to the cue: "pointed out", "called for"
    for c in tok.rights:
        if c.dep_ == "prt" and c.i == end:
            end = c.i + 1
    preps = PREP_VERBS.get(lemma)
    if preps:
        # the preposition of a prepositional verb belongs to the cue: "called for"
        for c in tok.rights:
            if c.dep_ == "prep" and c.i == end and c.lower_ in preps:
                end = c.i + 1
    return _Verb(tok, lemma, _category(lemma), preps, end, para)


def _reports_nothing(tok: Any, lemma: str) -> bool:
    if lemma == "tweet" and tok.lower_ == "tweet":
        return True  # "tweet" is mostly the noun or page debris; "tweeted" is the verb
    return _not_an_attitude(tok, lemma)


def _regarded(v: _Verb) -> Cue | None:
    """ "the senator is known for his temper", "the plan was considered dead": how someone
    or something is regarded, by people the text leaves unnamed."""
    tok = v.tok
    if (
        v.lemma in REGARD_VERBS
        and regard_predicate(tok) is not None
        and (tok.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in tok.children))
    ):
        return v.cue(AttributionKind.BELIEF)
    return None


def _seeming(v: _Verb) -> Cue | None:
    """ "it appears that ...", "the senator seemed to waver": an unsourced impression."""
    if v.lemma in _SEEM_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in v.tok.children):
        return v.cue(AttributionKind.BELIEF, pattern="seem")
    return None


def _describes_not_reports(doc: Any, v: _Verb) -> bool:
    """Uses of a cue verb that say what something is or does rather than report a mind."""
    tok, lemma = v.tok, v.lemma
    if v.kind is not None and _imperative(tok):
        return True  # "Want more updates? Sign up ...", "Read the full statement"
    if lemma == "compare" and not any(
        c.dep_ in ("dobj", "ccomp", "nsubjpass") for c in tok.children
    ):
        return True  # "61 percent, compared with 54 percent": a comparison of figures
    if (
        lemma in STANCE_VERBS
        and lemma not in SAY_VERBS
        and _identifying_relative(doc, tok)
        and not (tok.tag_ in ("VBP", "VBZ") and lemma in _HELD_VIEW_VERBS)
    ):
        return True  # "a donor who backed Walker": who the donor is, not a stance reported
    if _reduced_passive(tok) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and lemma not in _MIND_VERBS
    ):
        # "a group called Brokers", "the cuts announced last week"; and, even with an
        # agent, for deeds: "the bill signed by the governor", "ads targeted at women"
        return True
    # "a bill that laid out new rules": what the bill is, not a claim (with a clause it
    # still reports one: "a report that said the economy grew")
    return _that_relative(tok) and _identifying_relative(doc, tok)


def _lexicon_verb(v: _Verb) -> Cue | None:
    """A verb of saying, believing, intending or finding (a clause-only one with a clause)."""
    if v.kind is not None and not (v.lemma in CLAUSE_ONLY and not _has_clause(v.tok)):
        return v.cue(v.kind)
    return None


def _held_object(v: _Verb) -> Cue | None:
    """ "she listed her demands", "he showed no sign of backing down", "the mayor addressed
    the charges", "voters remember the crash": with a person as subject these verbs put
    forward or hold their object as a view of their own."""
    tok = v.tok
    if (
        v.lemma in _OBJECT_TOO
        and v.kind is not None
        and _personal_subject(tok)
        and any(c.dep_ in ("dobj", "acomp", "oprd") for c in tok.children)
    ):
        return v.cue(v.kind)
    return None


def _attack_on_issue(v: _Verb) -> Cue | None:
    """ "the senator hit Smith on trade", "the ad hits him for skipping the debate": a
    verbal attack on a person over an issue."""
    tok = v.tok
    if (
        v.lemma == "hit"
        and _animate_subject(tok)
        and any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in ("him", "her", "them"))
            for c in tok.children
        )
        and any(c.dep_ == "prep" and c.lower_ in ("on", "for", "over") for c in tok.children)
    ):
        return v.cue(AttributionKind.INDIRECT)
    return None


def _body_vote(v: _Verb) -> Cue | None:
    """ "the council voted to pay the victims": a body's decision, stated as its intent."""
    tok = v.tok
    if v.lemma == "vote" and _animate_subject(tok) and any(c.dep_ == "xcomp" for c in tok.children):
        return v.cue(AttributionKind.INTENTION)
    return None


def _document_finding(v: _Verb) -> Cue | None:
    """ "the poll showed a slimmer lead for Clinton": a finding verb with an object."""
    if v.kind is AttributionKind.FINDING and _document_subject(v.tok) and _has_object(v.tok):
        return v.cue(v.kind)
    return None


def _retort(v: _Verb) -> Cue | None:
    """ "the governor shot back: “...”", "she fired back that ...": a retort."""
    doc = v.tok.doc
    if (
        v.lemma in _RETORT_VERBS
        and v.end < len(doc)
        and doc[v.end].lower_ == "back"
        and (_has_clause(v.tok) or _bare_before_quote(doc[v.end]))
    ):
        return v.cue(AttributionKind.INDIRECT, end=v.end + 1)
    return None


def _put_it_cue(v: _Verb) -> Cue | None:
    """ "as the senator put it, ...", "she put it this way: “...”"."""
    if v.lemma == "put" and _put_it(v.tok):
        return v.cue(AttributionKind.INDIRECT, end=v.tok.i + 2)
    return None


def _bare_quote_verb(v: _Verb) -> Cue | None:
    """'"...," he continued.' / 'She added: "..."'; and '"...," he went on.', 'She went
    on: "..."' (with "to say" the inner verb is the cue)."""
    tok = v.tok
    went_on = (
        v.lemma == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
        and not any(c.dep_ in ("xcomp", "advcl", "prep") and c.i > tok.i for c in tok.children)
    )
    if (v.lemma in QUOTE_VERBS or went_on) and _bare_before_quote(tok):
        return v.cue(AttributionKind.INDIRECT)
    return None


def _regarding_as(v: _Verb) -> Cue | None:
    """ "voters see him as the favourite": the verb alone; the object and its "as"
    predicate are the content."""
    if v.preps and "as" in v.preps and _object_as(v.tok):
        return v.cue(AttributionKind.BELIEF, end=v.tok.i + 1)
    return None


def _prepositional(v: _Verb) -> Cue | None:
    """ "talked about X", "called for X": a verb with its own preposition and an object
    after it (as for stances: "she might talk about taxes" reports no talk)."""
    tok, preps = v.tok, v.preps
    if not preps or any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY for c in tok.children):
        return None
    for c in [*tok.rights, *_addressee_preps(tok)]:
        if (
            c.dep_ in ("prep", "prt", "dobj")
            and c.lower_ in preps
            and (c.dep_ != "prep" or any(g.dep_ in ("pobj", "pcomp") for g in c.children))
            and not _when_not_what(c)
        ):
            end = max(v.end, c.i + 1) if c.i - tok.i <= 3 else v.end
            return v.cue(AttributionKind.INDIRECT, end=end)
    return None


def _seeing(v: _Verb) -> Cue | None:
    """ "voters see a glass half empty", "investors see a one-in-five chance": a view."""
    tok = v.tok
    if (
        v.lemma == "see"
        and tok.tag_ in ("VBP", "VBZ")
        and _personal_subject(tok)
        and any(c.dep_ == "dobj" for c in tok.children)
    ):
        return v.cue(AttributionKind.BELIEF)
    return None


def _made_clear_cue(v: _Verb) -> Cue | None:
    """ "she made (it) clear that ...", "he made known his opposition to ..."."""
    if v.lemma == "make" and _made_clear(v.tok) and _animate_subject(v.tok):
        return v.cue(AttributionKind.INDIRECT)
    return None


def _person_and_clause(v: _Verb) -> Cue | None:
    """Any verb with a person as subject and a that-clause reports a mind or a saying: "he
    made it clear that ...", "she learned that ..."."""
    tok = v.tok
    if (
        v.lemma not in _NOT_CUES
        and _that_clause(tok)
        and _animate_subject(tok)
        and not _impersonal_subject(tok)
    ):
        return v.cue(AttributionKind.BELIEF)
    return None


def _stance_on_object(v: _Verb) -> Cue | None:
    """ "Sanders endorsed him", "critics slammed the plan": a stance verb with an object and
    someone to hold the stance. A gerund after a preposition inherits its holder only for a
    held view ("she lost votes for backing the deal"); "after releasing the ad" names a
    deed. A possible stance is nobody's reported stance ("the ruling could undermine the
    law", "voters may embrace him")."""
    tok, lemma = v.tok, v.lemma
    if (
        lemma in STANCE_VERBS
        and _has_object(tok)
        and (_animate_subject(tok) or (tok.dep_ == "pcomp" and lemma in _HELD_VIEW_VERBS))
        and not _object_speaks(tok)
        and not any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY for c in tok.children)
    ):
        return v.cue(AttributionKind.INDIRECT)
    return None


# The rules of a verb cue, in the order they are tried (the first that fits decides).
_VERB_RULES = (
    _lexicon_verb,
    _held_object,
    _attack_on_issue,
    _body_vote,
    _document_finding,
    _retort,
    _put_it_cue,
    _bare_quote_verb,
    _regarding_as,
    _prepositional,
    _seeing,
    _made_clear_cue,
    _person_and_clause,
    _stance_on_object,
)


_MIND_VERBS = SAY_VERBS | BELIEF_VERBS
# Verbs of a held view: "voters who support the ban" (now) against "the donor who backed
# the senator" (a deed).
_HELD_VIEW_VERBS = load_words("held_view_verbs")
# Clause-only verbs that with a person as subject and a bare object still attribute it
# ("she listed her demands").
_OBJECT_TOO = load_words("object_too_verbs")
# Nouns after "on" that give the terms or the side of speaking, not its topic.
_TERMS_NOUNS = load_words("terms_nouns")
# Verbs through which a cause or a permission is stated, not a mind: "helped determine".
_ENABLING_VERBS = load_words("enabling_verbs")
# Verbs that characterise someone only with a predicate: "cast him as a moderate".
_PREDICATE_VERBS = load_words("predicate_verbs")


def _not_an_attitude(tok: Any, lemma: str) -> bool:
    """Uses of a cue word that report no statement, belief or stance (PolNeAR's
    guidelines: actions and descriptions of the source are no attributions)."""
    kids = [c.dep_ for c in tok.children]
    if "ccomp" not in kids and "dobj" not in kids and "xcomp" not in kids:
        # "she spoke on condition of anonymity", "he campaigned on her behalf"
        for c in tok.children:
            if (
                c.dep_ == "prep"
                and c.lower_ == "on"
                and any(g.dep_ == "pobj" and g.lemma_.lower() in _TERMS_NOUNS for g in c.children)
            ):
                return True
    if lemma == "figure" and "xcomp" in kids:
        return True  # "the tax figures to raise billions": a modal of likelihood
    if lemma == "prove" and any(k in ("xcomp", "acomp", "attr", "oprd") for k in kids):
        return True  # "the plan proved (to be) costly": a copula of outcome, no finding
    if lemma == "suppose" and "auxpass" in kids:
        return True  # "the talks were supposed to end today": a modal of plan or duty
    if (
        tok.dep_ == "conj"
        and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")
        and not any(k in ("nsubj", "nsubjpass") for k in kids)
    ):
        return True  # a "verb" joined to a noun is a noun: "stores and call centers"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ENABLING_VERBS:
        return True  # "the delay helped underscore the split"
    if (
        lemma in _PREDICATE_VERBS
        and not any(c.lower_ == "as" for c in tok.children)
        and not any(k in ("oprd", "ccomp", "xcomp") for k in kids)
    ):
        return True  # "voters cast their ballots", "issues that frame the race"
    # the generic "you" of the author talking to the reader: "if you believe the polls"
    return any(c.dep_ == "nsubj" and c.lower_ == "you" for c in tok.children)


def _addressee_preps(tok: Any) -> list[Any]:
    """Prepositions the parser hangs on the addressee instead of the verb: in "she talked
    to reporters about the budget" "about" depends on "reporters". Only "about": "of" there
    mostly belongs to the noun ("spoke to the gathering of leaders")."""
    return [
        g
        for c in tok.rights
        if c.dep_ == "prep" and c.lower_ in ("to", "with")
        for o in c.children
        if o.dep_ == "pobj"
        for g in o.rights
        if g.dep_ == "prep" and g.lower_ == "about"
    ]


def _when_not_what(prep: Any) -> bool:
    """ "spoke on Monday", "campaigned on Labor Day": the preposition gives a date, not
    the topic of the speech."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


_POSSIBILITY = _words("could might may can ca should must")


# Verbs that introduce a quotation only when used bare ("he continued", "she went on").
QUOTE_VERBS = load_words("quote_verbs")
_QUOTE_MARKS = frozenset('“”"')


def _is_quote_mark(text: str) -> bool:
    """A token that opens or closes a quotation: “ ” " or the wire-copy '' (two
    apostrophes standing for a double quote)."""
    return text[:1] in _QUOTE_MARKS or text == "''"


def _bare_before_quote(tok: Any) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == ":" and nxt.i + 1 < len(tok.doc):
        nxt = tok.doc[nxt.i + 1]
    if nxt is not None and _is_quote_mark(nxt.text) and nxt.text not in ("”",):
        return True  # 'Smith continued: “...”', 'He added “...”'
    if any(_complement_after(tok, c) for c in tok.children):
        return tok.lemma_ == "go" and any(c.lower_ == "on" for c in tok.children)
    sent = tok.sent
    return any(_is_quote_mark(t.text) for t in sent) or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ":"
    )


# Verbs of regarding whose passive takes a predicate: "is known as", "was considered a
# favourite", "is seen as".
REGARD_VERBS = load_words("regard_verbs")


def regard_predicate(tok: Any) -> Any:
    """The predicate of a passive verb of regarding: "as Y", "for Y" (known for), or a
    predicate complement ("considered dead", "considered a favourite")."""
    if tok.tag_ != "VBN":
        return None
    for c in tok.children:
        if c.i < tok.i:
            continue
        as_for = c.lower_ == "as" or (c.lower_ == "for" and tok.lemma_ == "know")
        if c.dep_ == "prep" and as_for and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return c
        if c.dep_ in ("oprd", "attr", "acomp") or (c.dep_ == "xcomp" and tok.lemma_ != "know"):
            return c
    return None


def _complement_after(tok: Any, c: Any) -> bool:
    """An object or complement of its own ("continued the fight", "continued to rise"),
    not the quotation before it ('"We lost," he continued') or after it ('he continued,
    "we lost"')."""
    if c.dep_ not in ("dobj", "xcomp", "ccomp", "prep", "attr") or c.i < tok.i:
        return False
    lo = c.left_edge.i
    return not any(_is_quote_mark(t.text) for t in tok.doc[tok.i : lo + 1])


def _object_as(tok: Any) -> bool:
    """A direct object followed by an "as" predicate, on the verb or on the object."""
    for obj in tok.children:
        if obj.dep_ == "dobj" and obj.i > tok.i:
            cands = [*tok.rights, *obj.rights]
            return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in cands)
    return False


def _put_it(tok: Any) -> bool:
    """ "put it" with a speaker, as a way of saying: "As Smith put it, ...", "Smith put it
    bluntly: “...”"."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "it" or doc[tok.i + 1].dep_ != "dobj":
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    return as_clause or _bare_before_quote_after(doc, tok.right_edge.i)


def _bare_before_quote_after(doc: Any, i: int) -> bool:
    """A colon or an opening quotation right after token ``i``."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and (nxt.text == ":" or nxt.text[:1] in '“"')


_RETORT_VERBS = load_words("retort_verbs")

_NOT_CUES = load_words("not_cue_verbs")


_CLEAR_WORDS = load_words("clear_words")


def _made_clear(tok: Any) -> bool:
    return any(
        c.lower_ in _CLEAR_WORDS and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj", "advmod")
        for c in tok.children
    ) and any(c.dep_ in ("ccomp", "dobj", "xcomp", "oprd") for c in tok.children)


_WH_MARKS = _words("whether if")
_WH_WORDS = _words("what why how who whom which where when")


def _identifying_relative(doc: Any, tok: Any) -> bool:
    """A relative clause ("a donor who backed X", "the candidate she backed") whose verb
    takes only an object: no clause, no quotation."""
    return (
        tok.dep_ == "relcl"
        and not any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in tok.children)
        and not _quote_follows(doc, tok)
    )


def _that_relative(tok: Any) -> bool:
    """A relative clause introduced by "that" as its subject ("a report that showed ...")."""
    return tok.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ == "that" for c in tok.children
    )


def _reduced_passive(tok: Any) -> bool:
    """A participle hanging on a noun as a passive relative with no ``by`` agent names
    or describes the noun; nobody in the text says anything."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("acl", "amod")
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _that_clause(tok: Any) -> bool:
    """A complement clause: "that ...", or "whether/if/what/how ..." after a verb whose
    subject is a person or group (not "it", "that")."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i < tok.i:
            continue
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
        wh = any(m.dep_ == "mark" and m.lower_ in _WH_MARKS for m in c.children) or (
            c.left_edge.lower_ in _WH_WORDS and c.left_edge.i > tok.i
        )
        if wh and _personal_subject(tok):
            return True
    return False


def _impersonal_subject(tok: Any) -> bool:
    """ "it turned out that ...", "that meant that ...": an empty or anaphoric subject
    holds no mind; the verb is not in a lexicon, so nobody is reported."""
    return any(
        c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that", "which") for c in tok.children
    )


def _personal_subject(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "nsubj":
            if c.pos_ == "PRON":
                return c.lower_ in ("he", "she", "they", "i", "we", "who")
            return is_animate(c)
    return False


def _imperative(tok: Any) -> bool:
    return (
        tok.dep_ == "ROOT"
        and tok.i == tok.sent.start
        and tok.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _document_subject(tok: Any) -> bool:
    """A poll, record or document as subject: its own ("the poll shows"), or the noun a
    participle or a relative clause hangs on ("with polls showing a tie", "the video,
    which showed the arrest")."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in tok.children):
        return True
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        or (
            tok.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in tok.children)
        )
    ):
        return tok.head.lemma_.lower() in DOCUMENT_NOUNS
    return False


def _has_object(tok: Any) -> bool:
    kids = list(tok.children)
    if any(c.dep_ == "agent" for c in kids) and any(c.dep_ == "nsubjpass" for c in kids):
        return True  # "the plan was backed by most voters": the passive subject
    return any(
        c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)
        for c in kids
    )


def _object_speaks(tok: Any) -> bool:
    """ "issued a statement saying X", "released an ad claiming X": the object carries
    its own content; the participle is the cue, not the verb of publishing."""
    return any(
        c.dep_ == "dobj" and any(g.dep_ == "acl" and g.tag_ == "VBG" for g in c.children)
        for c in tok.children
    )


def _holder(subj: Any, verb: Any) -> bool:
    """Whether a subject names someone who can hold a stance; a relative pronoun stands for
    its antecedent: "the union, which backed her in May" (the union backed her)."""
    if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        return is_animate(verb.head)
    return is_animate(subj)


def _animate_subject(tok: Any) -> bool:
    if any(c.dep_ == "agent" for c in tok.children):
        return True  # a passive with its "by" agent: the agent holds the stance
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return _holder(c, tok)
        if c.dep_ == "agent":
            return True
    # an inherited subject ("X said and endorsed Y", "supporting Y"): trust it
    return tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl")


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
    if tok.dep_ == "pobj" and tok.head.lower_ in _TOPIC_PREPS:
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


_CLAUSE_MARKS = _words("that whether if")


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
    for c in tok.children:
        if c.dep_ == "poss":
            return c.lower_ != "its" and c.ent_type_ not in ("DATE", "TIME")
    return False


# Prepositions that give a cue noun its content or its target: "criticism of X", "support
# for X", "questions about X", "her stance on X". Others give the occasion, the audience or
# the place ("his remarks at the rally", "her letter to donors", "his response to the
# attack"); "to" names the target only after nouns of opposing ("opposition to X").
_NOUN_CONTENT_PREPS = _words("about on of for against over behind toward towards regarding")
_TO_NOUNS = load_words("to_nouns")
# Prepositions that make their object the topic of another word.
_TOPIC_PREPS = _words("about on upon over against as regarding concerning")
# Nouns of a held opinion (or a manner of speaking) whose prepositional phrase gives only
# its topic: "her rhetoric on trade".
_TOPIC_NOUNS = load_words("topic_nouns")


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


# Nouns a subject can "have" or "hold" as its own message: "has a question about".
_HELD_NOUNS = load_words("held_nouns")
# Nouns of verbal attack that attribute only in the idiom "take a shot at X".
_TAKEN_NOUNS = load_words("taken_nouns")


def _light_verb_fits(verb: str, lemma: str) -> bool:
    """Whether a light verb with this object noun reports its subject's own stance."""
    if lemma in _TAKEN_NOUNS:
        return verb == "take"
    if verb in ("have", "hold"):
        return lemma in _BELIEF_NOUNS or lemma in _INTENT_NOUNS or lemma in _HELD_NOUNS
    return True


# Idioms of a light verb and a noun by which the subject judges, credits, blames or
# points at a target: "took credit for", "sounded a note about", "drew attention to".
_LIGHT_IDIOMS: dict[str, frozenset[str]] = {
    verb: frozenset(nouns.split()) for verb, nouns in load_map("light_idioms").items()
}
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


def _quote_follows(doc: Any, tok: Any) -> bool:
    return tok.i + 1 < len(doc) and _is_quote_mark(doc[tok.i + 1].text)


_SEEM_VERBS = load_words("seem_verbs")
_DASHES = frozenset({"―", "—", "–", "--"})


def _byline_after_quote(doc: Any, tok: Any) -> bool:
    glued = tok.text[:1] in '”"'  # the tokenizer keeps '”―' together
    if not glued and (tok.i == 0 or doc[tok.i - 1].text[-1:] not in '”"'):
        return False
    name = byline_range(doc, tok)
    return name is not None


def byline_range(doc: Any, tok: Any) -> tuple[int, int] | None:
    """The short name after a dash that signs a quotation, up to the line or sentence end."""
    i = j = tok.i + 1
    while j < len(doc) and j - i < 6 and not doc[j].is_punct and "\n" not in doc[j].text:
        if "\n" in doc[j - 1].whitespace_ and j > i:
            break
        j += 1
    if j == i or not doc[i].text[:1].isupper():
        return None
    if j < len(doc) and not (
        doc[j].is_punct or "\n" in doc[j].text or "\n" in doc[j - 1].whitespace_
    ):
        return None
    return (i, j)


def _colon_cue(doc: Any, colon: Any) -> bool:
    """``Name: content`` — a short noun phrase with a name, at the start of a sentence."""
    sent = colon.sent
    start = sent.start
    for t in doc[sent.start : colon.i]:
        if t.text in _DASHES or t.text == "-":
            start = t.i + 1  # "RESULTS ARE IN - Jane Smith: “...”": the name after the dash
    n = colon.i - start
    if n < 1 or n > 6 or colon.i + 2 >= sent.end + 1:
        return False
    before = doc[start : colon.i]
    if n == 1 and len(before[0].text) == 1:
        # "Q: ..." / "A: ...": an interview transcript's turn marks, not a source; the
        # answers' own cues ("I think ...") are the attributions
        return False
    if not any(
        t.pos_ == "PROPN"
        or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or (t.pos_ == "NOUN" and t.text[:1].isupper())
        for t in before
    ) and not (
        n <= 3 and all(t.is_alpha and t.text[:1].isupper() and not t.is_stop for t in before)
    ):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return False
    if _editors_note(before):
        return False  # "Editor's note: ...": the publication's own voice
    after = doc[colon.i + 1 : sent.end]
    if sum(t.text == "," for t in after) >= 3 and 2 * sum(t.pos_ == "PROPN" for t in after) > len(
        after
    ):
        return False  # "Ohio: Ann Lee, Bo Park, Cy Diaz, ...": a roster, nobody speaks
    # the content must follow: at least a few more tokens in the paragraph
    return len(doc) - colon.i > 3


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


def _editors_note(toks: Any) -> bool:
    """ "Editor's note", "Editors' Note": the label of the publication's own remark."""
    lemmas = [t.lemma_.lower() for t in toks]
    return "note" in lemmas and any(x.startswith("editor") for x in lemmas)


_VERB_LEXICON = (
    SAY_VERBS
    | BELIEF_VERBS
    | INTENTION_VERBS
    | FINDING_VERBS
    | STANCE_VERBS
    | QUOTE_VERBS
    | frozenset(PREP_VERBS)
)

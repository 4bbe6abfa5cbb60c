"""Verb cues: "said", "believes", "wants", "shows", "criticized", "talked about",
"called for", '"...," he continued', "as Smith put it", and the uses of those verbs that
report nothing ("a group called X", "the tax figures to raise billions").

``_verb_cue`` sets aside the uses that report no mind, then tries the rules of
``_VERB_RULES`` in order; the first that fits makes the cue.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

from app.extraction.cues.cue import Cue
from app.extraction.cues.grammar import (
    _animate_subject,
    _for_to,
    _has_clause,
    _is_quote_mark,
    _lemma,
    _quote_follows,
    _when_not_what,
    is_animate,
    main_verb_as_participle,
)
from app.extraction.cues.words import (
    _CLEAR_WORDS,
    _ENABLING_VERBS,
    _HELD_VIEW_VERBS,
    _NOT_CUES,
    _OBJECT_TOO,
    _PREDICATE_VERBS,
    _RETORT_VERBS,
    _SEEM_VERBS,
    _TERMS_NOUNS,
    BELIEF_VERBS,
    CLAUSE_ONLY,
    CONTENT_PREPS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    INTENTION_VERBS,
    PREP_VERBS,
    QUOTE_VERBS,
    REGARD_VERBS,
    SAY_VERBS,
    STANCE_VERBS,
    _words,
)
from app.extraction.types import AttributionKind


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


class _Verb(NamedTuple):
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
            return _after_seeming(cue, tok)
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
        if _seems_to_report(v.tok):
            return None  # "she seemed to think ...": the verb after it makes the cue
        return v.cue(AttributionKind.BELIEF, pattern="seem")
    return None


def _seems_to_report(seem: Any) -> bool:
    """ "Smith seemed to think X", "she appeared to blame Y": a seeming verb whose
    infinitive is a cue verb and whose subject is someone (not "it"): the impression is of
    the subject's own speech act or belief, and the subject is its source."""
    if not any(c.dep_ == "xcomp" and _attitude_verb(c) for c in seem.children):
        return False
    subj = next((c for c in seem.children if c.dep_ in ("nsubj", "expl")), None)
    if subj is None:
        return seem.dep_ == "conj"  # "X agreed and seemed to think ...": X's subject
    return subj.lower_ not in ("it", "there") and is_animate(subj)


def _attitude_verb(tok: Any) -> bool:
    """A speech act with what it says ("appeared to blame the workers", "seemed to urge a
    delay") or a belief with its clause ("seemed to think the plan was phony"); not "seems
    to understand the economy", "investors seem to agree", "appears to be embracing it"."""
    lemma = _lemma(tok)
    if lemma in _NOT_CUES or (lemma in CLAUSE_ONLY and not _has_clause(tok)):
        return False
    if lemma in BELIEF_VERBS and _has_clause(tok):
        return True
    said = any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep") for c in tok.children)
    return lemma in SAY_VERBS and said


def _after_seeming(cue: Cue, tok: Any) -> Cue:
    """The cue phrase of "seemed to think" starts at the seeming verb."""
    gov = tok.head
    if tok.dep_ == "xcomp" and _lemma(gov) in _SEEM_VERBS and _seems_to_report(gov):
        return dataclasses.replace(cue, start=min(cue.start, gov.i))
    return cue


def _describes_not_reports(doc: Any, v: _Verb) -> bool:
    """Uses of a cue verb that say what something is or does rather than report a mind."""
    tok, lemma = v.tok, v.lemma
    if v.kind is not None and _imperative(tok):
        return True  # "Want more updates? Sign up ...", "Read the full statement"
    if _for_to(tok):
        return True  # "a call for the state to accept more migrants": asked of the state
    if lemma == "compare" and not any(
        c.dep_ in ("dobj", "ccomp", "nsubjpass") or c.pos_ == "PROPN" for c in tok.children
    ):
        return True  # "61 percent, compared with 54 percent": a comparison of figures
    if (
        lemma in STANCE_VERBS
        and lemma not in SAY_VERBS
        and _identifying_relative(doc, tok)
        and not (tok.tag_ in ("VBP", "VBZ") and lemma in _HELD_VIEW_VERBS)
    ):
        return True  # "a donor who backed Walker": who the donor is, not a stance reported
    if main_verb_as_participle(tok):
        return False  # "Aaron Roe, the director of X, compared Y to Z": the main verb
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


_POSSIBILITY = _words("could might may can ca should must")


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
        c.dep_ == "dobj" and any(_participle_on(g) for g in c.children) for c in tok.children
    )


def _participle_on(g: Any) -> bool:
    """A participle hanging on a noun ("a statement saying X"), not a clause the parser
    took for one ("the decision that Smith was violating X")."""
    return (
        g.dep_ == "acl"
        and g.tag_ == "VBG"
        and not any(m.dep_ in ("mark", "nsubj", "aux") for m in g.children)
    )

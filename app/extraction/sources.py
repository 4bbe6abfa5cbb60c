"""Finding the source mention of a cue: the noun phrase naming who says, believes or finds.

The PolNeAR guidelines mark the whole noun phrase of the source,
appositions included ("Qatar's Foreign Ministry spokesperson, Majed al-Ansari"), and
pronouns as they stand ("he"); resolving them is ``resolve.py``'s job, not this module's.
"""

from __future__ import annotations

from typing import Any

from app.extraction.cues import (
    CUE_NOUNS,
    DOCUMENT_NOUNS,
    STANCE_NOUNS,
    Cue,
    _has_clause,
    byline_range,
    fronted_participle,
    is_animate,
    is_poll,
    is_possessor,
    main_verb_as_participle,
    misread_name,
    misread_subject,
    possessor_of,
)
from app.extraction.lexicon import load_words
from app.extraction.types import AttributionKind

_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_EXPLETIVE = frozenset({"it", "there"})
# Climb from a cue verb to the verb whose subject it shares: "X said and added ...",
# "X wants to say", "..., X said, adding ...", "a statement saying ...".
_CLIMB = frozenset(
    {"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "relcl", "prep", "acomp", "dep", "advmod"}
)


def find_source(doc: Any, cue: Cue) -> tuple[int, int] | None:
    """``(start, end)`` token range of the source mention of ``cue`` in ``doc``, or None.

    Verbs: the subject (the ``by`` agent of a passive), climbing to the governing verb for
    participles, infinitives and coordinated verbs ("X said, adding ..."); the noun a
    relative clause hangs on ("Smith, who said ..."). ``according to X``: X. Nouns: the
    possessor ("Trump's claim"). Colon: the words before it.

    Example: in ``Qatar's Foreign Ministry spokesperson, Majed al-Ansari, said ...`` the
    source is the whole phrase before ``said``.
    """
    head = doc[cue.head]
    if cue.pattern == "in_doc":
        objs = [c for c in head.children if c.dep_ == "pobj"]
        if objs and head.lower_ == "under":
            # "Under Smith's plan, ...": the plan's owner
            poss = next((c for c in objs[0].children if c.dep_ == "poss"), objs[0])
            return _np_range(doc, poss, cue)
        if objs and _own_statement(head, objs[0]) is not None:
            # "In a statement, Smith was more cautious": the statement is Smith's
            return _np_range(doc, _own_statement(head, objs[0]), cue)
        return _np_range(doc, objs[0], cue) if objs else None
    if cue.pattern == "according_to":
        to = doc[cue.head + 1] if cue.head + 1 < len(doc) else None
        if to is None:
            return None
        objs = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            objs = [c for c in head.children if c.dep_ in ("pobj", "prep")]
            objs = [c for c in objs if c.i > cue.end - 1]
        return _np_range(doc, objs[0], cue) if objs else None
    if cue.pattern == "seem":
        return None  # whose impression it is, the text does not say
    if cue.pattern == "byline":
        return byline_range(doc, head)
    if cue.pattern == "misread_verb":
        return misread_subject(doc, head)
    if cue.pattern == "fronted":
        fronted = fronted_participle(doc, head)
        return _np_range(doc, fronted[1], cue) if fronted else None
    if cue.pattern == "colon":
        sent = head.sent
        end = cue.head
        for t in doc[sent.start : cue.head]:
            if t.lower_ in ("on", "about") and t.pos_ == "ADP" and t.i > sent.start:
                end = t.i  # "Obama on Climate Change: ...": the name before its topic
                break
        return _trim(doc, sent.start, end)
    if cue.pattern == "agent":
        # "X is a critic of Y": the subject of the copula; "X, a critic of Y": X
        if head.dep_ == "appos":
            return _np_range(doc, head.head, cue, skip=head)
        subj = _subject(head.head)
        if subj is not None and subj is not _PASSIVE:
            return _np_range(doc, subj, cue)
        if subj is None and head.head.lemma_ == "be":
            # the parser lost the copula's subject ("Rhonda Hughes, 43, is a supporter of X")
            return _nearest_name(doc, head.head.i)
        return None
    if cue.pattern == "noun":
        c = possessor_of(head)
        if c is not None:
            if c.pos_ == "PRON" and head.dep_ == "dobj":
                # "He stepped up his attacks on X": the subject names the one the
                # possessive pronoun refers back to
                subj = _subject(head.head)
                if subj is not None and subj is not _PASSIVE and _agrees(subj, c):
                    return _np_range(doc, subj, cue)
            if c.head == head or is_possessor(c):
                return _np_range(doc, c, cue)
            lo = c.left_edge.i if c.left_edge.i < c.i else c.i
            return _trim(doc, lo, c.i + 2)  # "Tulsa police's": up to the "'s"
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return _np_range(doc, objs[0], cue)
        # "X issued a statement saying ...": the subject of the governing verb
        noun = head
        while noun.dep_ == "conj" and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "made a promise and a claim that ..."
        # "his remarks carried a personal tone, and a tacit acknowledgment that ...": a noun
        # the parser joined to the verb itself is its second object
        second = noun.dep_ == "conj" and noun.head.pos_ == "VERB" and noun.head.i < noun.i
        if noun.dep_ in ("dobj", "pobj", "attr") or second:
            gov = noun.head if noun.dep_ != "pobj" else noun.head.head
            if gov.lemma_ == "be":
                # "to Smith being a co-founder, to the idea that ...": the subject of a
                # copula is what is described, not the one who holds the idea
                return None
            subj = _subject(gov)
            for _ in range(3):
                if subj is not None or gov.dep_ not in ("xcomp", "conj") or gov.head == gov:
                    break
                # "tried to make the case that X", "... and made the case that X": the
                # light verb shares the subject of the verb it hangs on
                gov = gov.head
                subj = _subject(gov)
            if subj is not None and subj is not _PASSIVE:
                # "his remarks carried an acknowledgment that X": the remarks' owner
                return _np_range(doc, _owner_of_act(subj) or subj, cue)
        return None
    # verbs and adjectives
    if main_verb_as_participle(head):
        # "Murphy, the head of the PAC, tweeted ...": the name the verb was hung on
        return _np_range(doc, head.head, cue, skip=head)
    shown = _shown_speaking(doc, head)
    if shown is not None:
        return _np_range(doc, shown, cue)
    tok = head
    if cue.pattern == "adj":
        # "he is confident that ...": the subject of the copula
        tok = head.head if head.dep_ in ("acomp", "amod") else head
    if _asyndetic_conj(head):
        # "targeting X since Clinton, at the debate, cited Y": no "and" joins the verbs, so
        # the parser's coordination is wrong; the name before the aside is the subject
        found = _name_before_aside(doc, cue)
        if found is not None:
            return found
    for _ in range(8):
        name = misread_name(tok)
        if name is not None:
            return (name.i, name.i + 1)  # "Trump openly admires X": the misread name
        subj = _subject(tok)
        if tok != head and subj is not None and subj is not _PASSIVE and subj.i > head.i:
            # "Ryan, despite admitting X, the victims need Y": a garbled clause with two
            # subjects; the one before the cue's adjunct controls it
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < head.i), subj)
        if subj is _PASSIVE and tok != head:
            # "she was spotted at the rally, criticizing X": the cue's own verb is
            # active; the passive subject of the verb it hangs on is its speaker
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), _PASSIVE)
            if subj is _PASSIVE and tok.dep_ == "advcl" and tok.tag_ == "VBN":
                # "Smith was defensive when forced to defend X": the reduced clause's
                # passive subject is the main clause's, and it does what it was forced to
                tok = tok.head
                continue
        if subj is _PASSIVE and tok == head and cue.kind is AttributionKind.INTENTION:
            owner = _owner_of_act(next((c for c in tok.children if c.dep_ == "nsubjpass"), tok))
            if owner is not None:
                # "Smith's plan is intended to ...": the plan's owner intends it
                return _np_range(doc, owner, cue)
        if subj is _PASSIVE:
            return None
        if subj is not None:
            # PolNeAR marks the relative pronoun itself: "Smith, [who] said ..."
            if subj.lower_ in _EXPLETIVE and subj.dep_ in ("nsubjpass", "expl"):
                return None
            if subj.lower_ == "it" and tok != head and tok.lemma_ == "be":
                # "it is hard to imagine ...", "it is worth remembering that ...": the
                # "it" of an extraposed clause; the thought is nobody's in particular
                return None
            owner = _owner_of_act(subj) if tok != head and tok.lemma_ == "be" else None
            if owner is not None:
                # "his best response was to say ...": the possessor says it
                return _np_range(doc, owner, cue)
            return _np_range(doc, subj, cue)
        if tok.dep_ == "relcl":
            return _np_range(doc, tok.head, cue, skip=tok)
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = tok.head
            if _idle_noun(noun):
                # "X made a bid to persuade Y", "X gave new impetus to oppose Y": the noun
                # neither speaks nor thinks; the speaker is the subject of its verb
                tok = noun.head
                continue
            author = _author(noun)
            if author is not None:
                # "X released a statement saying ...": PolNeAR's source is X, who issued it
                return _np_range(doc, author, cue)
            # "a statement saying ...", "officials familiar with ..."
            return _np_range(doc, noun, cue, skip=tok)
        if tok.dep_ not in _CLIMB or tok.head == tok:
            return (
                _after_verb(doc, head, cue)
                or _misread_name(doc, head, cue)
                or _nearest_speaker(doc, cue)
            )
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _CAUSATIVES:
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                # "the ruling led many lawyers to question ...": the object of the
                # governing verb does the questioning (object control)
                return _np_range(doc, obj, cue)
        tok = tok.head
    return None


def _owner_of_act(subj: Any) -> Any | None:
    """The possessor of a copula's subject that names an act or a turn, not a person or a
    document ("his best response", "her first move", "their plan"): who does it."""
    lemma = subj.lemma_.lower()
    if subj.pos_ != "NOUN" or is_animate(subj) or lemma in DOCUMENT_NOUNS or lemma in _PEOPLE:
        return None  # "his friends make jokes": the friends make them
    return next((c for c in subj.children if c.dep_ == "poss" and c.lower_ != "its"), None)


# Common nouns for people and for the people one is related to ("his friends").
_PEOPLE = load_words("source_human_nouns") | load_words("source_relation_nouns")

# Things that carry a message of their own: "an ad attacking X", "a video showing Y".
_SPEAKING_THINGS = load_words("source_speaking_things")


def _idle_noun(noun: Any) -> bool:
    """A common noun that cannot be a source: not a person, group, document or message,
    and itself an object or a prepositional object inside a clause."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ in ("dobj", "pobj", "attr", "npadvmod")
        and noun.head != noun
        and not is_animate(noun)
        and lemma not in _SPEAKING_THINGS
        and lemma not in DOCUMENT_NOUNS
        and lemma not in CUE_NOUNS
        and lemma not in STANCE_NOUNS
    )


_POSSESSIVE_OF = {
    "he": "his",
    "she": "her",
    "it": "its",
    "they": "their",
    "i": "my",
    "we": "our",
    "you": "your",
}


def _agrees(subj: Any, poss: Any) -> bool:
    """Whether possessive ``poss`` can refer back to ``subj`` ("he ... his", "the party ...
    its"; not "he ... her")."""
    if subj.pos_ == "PRON":
        return _POSSESSIVE_OF.get(subj.lower_) == poss.lower_
    return poss.lower_ in ("his", "her", "its", "their")


# Messages someone issues in their own name: "the group released an ad attacking X" is
# the group's attack (polls and studies, by contrast, speak for themselves).
_ISSUED = load_words("source_issued_documents")


def _author(noun: Any) -> Any | None:
    """Who issued a document or message: the subject of the verb that has it as its object
    ("the campaign [released] a statement", "she [wrote] in a letter"), when that verb is
    active."""
    if noun.lemma_.lower() not in _ISSUED:
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "of" and verb.head.dep_ == "dobj":
        # "ran a string of editorials attacking X"
        noun = verb.head
        verb = noun.head
    elif noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(verb)
    if subj is None or subj is _PASSIVE:
        return None
    return subj


def _shown_speaking(doc: Any, verb: Any) -> Any | None:
    """ "The ad shows Clinton asking, ...", "footage of Smith saying ...": a participle right
    after a person (no comma between) is that person's act, however the parser hung it."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "advcl") or verb.i == 0:
        return None
    before = doc[verb.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ == "to":
        return None  # "a letter to Zucker asking ...": the one written to does not ask
    if before.ent_type_ == "PERSON" or before.lower_ in ("him", "her", "them"):
        return before
    return None


def _own_statement(prep: Any, noun: Any) -> Any | None:
    """The person or organisation that is the subject of the clause framed by "In a
    statement, ..." (not a poll, which speaks for its respondents, nor "in his view")."""
    if is_poll(noun) or any(c.dep_ == "poss" for c in noun.children):
        return None
    gov = prep.head
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < prep.i:
        return None
    if subj.ent_type_ in ("PERSON", "ORG") or subj.lower_ in _SPEAKERS:
        return subj
    return None


def speaker_outside(doc: Any, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """The parse took a source from inside a quotation the cue stands outside of
    (“We were wrong,” Ramos told ...): the quotation spans tokens ``[lo, hi)``.
    Take the inverted speaker after the verb, else the nearest name or personal pronoun
    between the quotation and the cue."""
    head = doc[cue.head]
    found = _after_verb(doc, head, cue)
    if found is not None and not (lo <= found[0] < hi):
        return found
    start = hi if hi <= cue.start else head.sent.start
    for i in range(cue.start - 1, start - 1, -1):
        tok = doc[i]
        if lo <= i < hi:
            break
        if (
            tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or tok.lower_ in _SPEAKERS
            or tok.pos_ == "PROPN"
        ):
            return _phrase_of(doc, tok, start, cue.start)
    if hi <= cue.start:
        # 'Smith hedged, calling it "a draft" -- and, asked again, adding "..."': nobody
        # between the quotation and the cue; the subject before the quotation goes on
        for i in range(lo - 1, head.sent.start - 1, -1):
            tok = doc[i]
            if tok.dep_ == "nsubj" and (tok.lower_ in _SPEAKERS or tok.ent_type_ == "PERSON"):
                return _phrase_of(doc, tok, head.sent.start, lo)
    return None


_SPEAKERS = frozenset({"he", "she", "they"})


def _nearest_speaker(doc: Any, cue: Cue) -> tuple[int, int] | None:
    """The parse left the verb without a subject: take the nearest name or personal
    pronoun before it in the sentence ("Murphy, the head of the PAC, Tweeted ...")."""
    head = doc[cue.head]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    if head.pos_ not in ("VERB", "AUX") or head.tag_ == "VBN" and not perfect:
        return None  # a bare participle may be a passive: its subject is no speaker
    return _name_before_aside(doc, cue) or _nearest_name(doc, cue.start)


def _asyndetic_conj(verb: Any) -> bool:
    """A verb coordinated with an earlier one with no conjunction between them."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.i > verb.i:
        return False
    return not any(
        c.dep_ in ("cc", "preconj") and verb.head.i < c.i < verb.i for c in verb.head.children
    ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _name_before_aside(doc: Any, cue: Cue) -> tuple[int, int] | None:
    """ "Smith, appearing after Jones at the CNN forum, cited ...", "In Ohio, Jane Roe, the
    head of the Urban League, told ...": a name set off before a comma-enclosed aside that
    ends right before the verb is its subject, not the last name inside the aside. An
    appositive aside belongs to the source; a participle or relative clause does not."""
    sent = doc[cue.start].sent
    i = cue.start - 1
    while i > sent.start and doc[i].pos_ == "ADV":
        i -= 1  # "..., forcefully told"
    if i <= sent.start or doc[i].text != ",":
        return None
    k = next((j for j in range(i - 1, sent.start, -1) if doc[j].text == ","), None)
    if k is None or k + 1 >= i:
        return None
    m = k
    while m > sent.start and _name_word(doc[m - 1]):
        m -= 1
    if m == k or not any(t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS for t in doc[m:k]):
        return None
    if m > sent.start and doc[m - 1].text != "," and doc[m - 1].lower_ not in _SUBORDINATORS:
        return None  # the name must open the sentence or its clause, or follow a comma
    first = doc[k + 1]
    appositive = first.pos_ in ("DET", "ADJ", "NOUN", "PROPN") and first.tag_ != "VBG"
    return _trim(doc, m, i if appositive else k)


_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Words opening a clause that the parser may read as prepositions: "since Clinton cited X".
_SUBORDINATORS = frozenset({"since", "because", "after", "before", "while", "until", "once"})


def _name_word(tok: Any) -> bool:
    """A word of a name: capitalised ("Smith", "H.", "Trump" even when mistagged)."""
    return (tok.is_title or tok.is_upper) and (tok.is_alpha or tok.text.endswith("."))


def _nearest_name(doc: Any, end: int) -> tuple[int, int] | None:
    """The nearest name or personal pronoun before token ``end`` in its sentence, as the
    whole noun phrase cut before ``end``."""
    sent = doc[end].sent
    for i in range(end - 1, sent.start - 1, -1):
        tok = doc[i]
        if tok.ent_type_ in ("GPE", "LOC") and _place_object(tok):
            continue  # "Hollande said Tuesday in Paris, noting ...": where, not who
        if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.lower_ in (
            "he",
            "she",
            "they",
            "i",
            "we",
        ):
            return _phrase_of(doc, tok, sent.start, end)
    return None


def _place_object(tok: Any) -> bool:
    """A place named as the object of "in", "at", "from" ... ("in Paris")."""
    while tok.dep_ in ("compound", "flat") and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "from", "to", "near")


def _phrase_of(doc: Any, tok: Any, lo: int, end: int) -> tuple[int, int] | None:
    """The noun phrase ``tok`` belongs to ("Tom" in "Mayor Tom Ruiz"), kept within
    ``[lo, end)``."""
    root = tok
    while root.head != root and root.dep_ in ("compound", "flat", "amod", "poss"):
        root = root.head
    if root.dep_ == "appos" and root.head.ent_type_ == "PERSON" and root.head.i < root.i:
        root = root.head  # "a top aide" in "Smith, a top aide,": the name it describes
    return _trim(doc, max(root.left_edge.i, lo), min(root.right_edge.i + 1, end))


# Verbs that make someone else do what their complement says: "led X to question".
_CAUSATIVES = load_words("source_causatives")


def _misread_name(doc: Any, verb: Any, cue: Cue) -> tuple[int, int] | None:
    """A finite verb with no subject after a capitalised word opening the sentence: the
    parser read an unfamiliar name as an adverb or adjective ("Skelly called him ...")."""
    i = cue.start - 1
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )
    if verb.pos_ != "VERB" or not finite or i < 0:
        return None
    tok = doc[i]
    opens = i == verb.sent.start or doc[i - 1].text in ("”", '"', ",", "''")
    if (
        opens
        and tok.is_title
        and tok.is_alpha
        and not tok.is_stop
        and tok.pos_
        in (
            "ADV",
            "ADJ",
            "PROPN",
            "NOUN",
        )
    ):
        return (i, i + 1)
    return None


_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON"})


def _after_verb(doc: Any, verb: Any, cue: Cue) -> tuple[int, int] | None:
    """An inverted speaker the parser did not attach: '"...," said Robin Maynard, ...'."""
    i = cue.end
    if verb.pos_ != "VERB" or i >= len(doc) or doc[i].pos_ not in ("PROPN", "PRON", "DET"):
        return None
    if cue.start > verb.sent.start and not doc[cue.start - 1].is_punct:
        return None  # only a quotation or a comma inverts: '"...," said X', '..., says X'
    if (
        doc[i].dep_ in ("nsubj", "nsubjpass")
        and doc[i].head != verb
        or (doc[i].dep_ == "poss" and doc[i].head.head != verb)
    ):
        # "they say [they] will vote", "vouched for [Garland]'s record": the word after
        # the verb opens its content, it does not name the speaker
        return None
    if doc[i].pos_ == "PRON" and doc[i].lower_ not in ("he", "she", "they", "it", "we"):
        return None
    np = doc[i]
    while np.dep_ in ("det", "amod", "compound", "nummod", "poss") and np.head.i > np.i:
        np = np.head
    if verb.tag_ == "VBG" and np.dep_ in ("dobj", "attr", "oprd") and np.head == verb:
        return None  # '..., suggesting a few questions': a participle does not invert
    if doc[i].ent_type_ in ("DATE", "TIME"):
        return None  # '"...," X said Thursday morning': when, not who
    j = i
    while j < len(doc) and (doc[j].pos_ in _NP_POS or doc[j].tag_ == "POS") and j - i < 8:
        j += 1
        if doc[j - 1].pos_ == "PRON":
            break
    return _trim(doc, i, j)


def _subject(verb: Any) -> Any | None:
    """The speaker of ``verb``: its subject, or the ``by`` agent of a passive.

    A passive without an agent has no speaker in the text ("when asked whether ...",
    "he is expected to ..."): the passive subject is the addressee or the topic. Returns
    ``_PASSIVE`` then, so callers do not climb to another verb's subject.
    """
    subj = None
    passive = False
    perfect = _has_clause(verb) and any(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children
    )
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        elif c.dep_ in ("nsubj", "csubj") and (subj is None or _closer(c, subj, verb)):
            # the nearest subject: a dateline "MACAU (Reuters) –" may parse as a second one
            subj = c
        elif perfect and c.dep_ in ("nsubjpass", "auxpass"):
            # "he's said he will run": "has said", not a passive
            if c.dep_ == "nsubjpass":
                subj = c
        elif c.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if subj is None and passive and verb.lemma_.lower() in _EXPERIENCER_PASSIVES:
        # "she is convinced that ...", "he was focused on X": the passive subject holds
        # the belief or the stance
        found = next(
            (
                g
                for c in verb.children
                for g in (c, *c.children)
                if g.dep_ in ("nsubjpass", "nsubj") and (g == c or c.dep_ == "auxpass")
            ),
            None,
        )  # (the parser may hang the subject on "was": "Maher was focused on X")
        if found is not None and not any(c.dep_ == "agent" for c in verb.children):
            return found
    if subj is None and (passive or verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl")):
        return _PASSIVE
    return subj


_PASSIVE = object()
# Verbs whose passive names the one who feels, believes or attends: "is convinced that",
# "was worried about", "is focused on".
_EXPERIENCER_PASSIVES = load_words("source_experiencer_passives")


def _closer(a: Any, b: Any, verb: Any) -> bool:
    """Whether subject ``a`` is a better choice than ``b``: before the verb beats after
    it, then the nearer one wins."""
    a_before, b_before = a.i < verb.i, b.i < verb.i
    if a_before != b_before:
        return a_before
    return abs(a.i - verb.i) < abs(b.i - verb.i)


def _np_range(doc: Any, tok: Any, cue: Cue, skip: Any = None) -> tuple[int, int] | None:
    """The noun phrase headed by ``tok``: its subtree, cut before the cue and before
    relative clauses that contain the cue."""
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if skip is not None:
        # the noun a relative clause hangs on: stop before the clause
        hi = min(hi, skip.left_edge.i)
    if lo <= cue.head < hi:
        # the cue is inside the phrase (e.g. a participle hanging on the source): cut at it
        if cue.head >= tok.i:
            hi = min(hi, cue.start)
        else:
            lo = max(lo, cue.end)
    return _trim(doc, lo, hi)


def _trim(doc: Any, lo: int, hi: int) -> tuple[int, int] | None:
    # page debris glued before the subject: keep what follows the last line break
    for i in range(hi - 1, lo - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            lo = i + 1
            break
    # a dateline before the subject: "MACAU (Reuters) - Top donor Sheldon Adelson said"
    for i in range(hi - 1, lo, -1):
        if doc[i].text in ("-", "—", "–", "--") and doc[i - 1].text == ")":
            lo = i + 1
            break
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in "“\"'‘":
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        if doc[hi - 1].text == ")" and any(t.text == "(" for t in doc[lo : hi - 1]):
            break  # "Rep. Jane Doe (D-Ohio)": the bracket closes inside the phrase
        hi -= 1
    return (lo, hi) if hi > lo else None

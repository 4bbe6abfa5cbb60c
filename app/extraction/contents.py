"""Finding the content of a cue: what was said, believed, intended or found.

The PolNeAR guidelines mark the attributed material without the
complementizer ("said [that] X"), quotation marks included, split into fragments around an
interrupting cue and source (``"A," he said, "B."``), and running over sentences and
paragraphs while the quotation goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.extraction.cues import (
    CONTENT_PREPS,
    PREP_VERBS,
    REGARD_VERBS,
    SAY_VERBS,
    STANCE_VERBS,
    Cue,
    fronted_participle,
    is_animate,
    owned_that_clause,
    regard_predicate,
)
from app.extraction.lexicon import load_words

# Verbs whose direct object is the person spoken to, not what is said.
ADDRESSEE_VERBS = load_words("addressee_verbs")
# Verbs of asking: their content can be an indirect question ("asked if ...").
_QUESTION_VERBS = load_words("question_verbs")
_OPEN = "“„‟«"
_CLOSE = "”»"
_STRAIGHT = '"'
# Leading words of a complement that PolNeAR leaves out of the content.
_MARKERS = frozenset({"that"})


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the text: ``[start, end)`` including its quotation marks.

    ``closed`` is False when the paragraph ended before a closing mark (the convention
    for a quotation that goes on in the next paragraph).
    """

    start: int
    end: int
    closed: bool


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quotations delimited by curly (“…”) or straight ("…") double quotes, per paragraph.

    A quotation never crosses a paragraph boundary; an unclosed one runs to the end of its
    paragraph. Single quotes are left alone (they are mostly apostrophes or quotes inside
    quotes).
    """
    quotes: list[Quote] = []
    for pstart, pend in paragraphs:
        i = pstart
        open_at = -1
        open_char = ""
        while i < pend:
            ch = text[i]
            # two apostrophes stand for a straight double quote in some wire copy
            mark = _STRAIGHT if ch == "'" and text.startswith("''", i) else ch
            width = 2 if mark != ch else 1
            if mark == _STRAIGHT:
                role = _straight_role(text, i, width, pstart, pend)
            else:
                role = "open" if mark in _OPEN else "close" if mark in _CLOSE else ""
                if role == "close" and open_at < 0 and _opens_a_line(text, i, pstart):
                    role = "open"  # '”We won.” ― Jane Doe': a reversed opening mark
            if open_at < 0:
                if role == "open" or (mark == _STRAIGHT and role == "either"):
                    open_at, open_char = i, mark
            elif (
                (open_char == _STRAIGHT) == (mark == _STRAIGHT) and role in ("close", "either")
            ) or (role == "close" and (open_char == _STRAIGHT) != (mark == _STRAIGHT)):
                # mixed marks close too: '“We won," he said' (a curly quote closed straight)
                quotes.append(Quote(open_at, i + width, True))
                open_at = -1
            elif (
                open_char == _STRAIGHT
                and role == "open"
                and _turn_goes_on(text, open_at, i, pend)
                and _curly_end(text, i, pend)
            ):
                # '"PENCE: It is an episode of “Shark Tank.” But ...': a curly quotation
                # inside a straight one (transcripts open each turn with a straight mark)
                i = _curly_end(text, i, pend)
                continue
            elif (open_char == _STRAIGHT) == (mark == _STRAIGHT) and role == "open":
                inner = _nested_end(text, i + 1, pend) if mark != _STRAIGHT else None
                if inner is not None:
                    i = inner  # '“He calls it “hell” and means it.”': a quote inside
                    continue
                # a new quotation opens before the last one closed: the mark was lost
                quotes.append(Quote(open_at, i, False))
                open_at, open_char = i, mark
            i += width
        if open_at >= 0:
            quotes.append(Quote(open_at, pend, False))
    return quotes


_WORD = re.compile(r"\w+")
_CURLY = re.compile(f"[{_OPEN}{_CLOSE}]")


def _opens_a_line(text: str, i: int, lo: int) -> bool:
    """A closing mark at the start of a line, before a word: sloppy copy (or an editor's
    keyboard) turned the opening mark around ('”Fear.” ― Jane Doe')."""
    k = i - 1
    while k >= lo and text[k] in " \t\xa0":
        k -= 1
    return (k < lo or text[k] == "\n") and i + 1 < len(text) and text[i + 1].isalnum()


def _turn_goes_on(text: str, open_at: int, i: int, hi: int) -> bool:
    """A straight quotation that runs on the same line to a curly one and is not closed at
    the end of its paragraph (a transcript turn, a quotation going on over paragraphs); a
    paragraph wrapped in straight marks ('"“A,” he said."') keeps its curly quotations."""
    return "\n" not in text[open_at:i] and text[hi - 1] != _STRAIGHT


def _curly_end(text: str, i: int, hi: int) -> int:
    """After the curly opening mark at ``i``: the position after the curly mark that closes
    it, when the next curly mark closes (0 otherwise)."""
    if text[i] not in _OPEN:
        return 0
    m = _CURLY.search(text, i + 1, hi)
    return m.end() if m is not None and m.group() in _CLOSE else 0


def _nested_end(text: str, i: int, hi: int) -> int | None:
    """After a curly opening mark inside an open curly quotation: when the next two curly
    marks both close, the first closes a quotation inside the quotation ('“He calls it
    “hell” and means it.”') and the second the outer one. Returns the position after the
    inner closing mark, or None (then the outer quotation lost its closing mark)."""
    marks = list(_CURLY.finditer(text, i, hi))[:2]
    if len(marks) == 2 and all(m.group() in _CLOSE for m in marks):
        return marks[0].end()
    return None


def _straight_role(text: str, i: int, width: int, lo: int, hi: int) -> str:
    """Whether a straight quote opens ("open"), closes ("close") or could do both, judged
    by its neighbours: '"We' opens, 'win," he' closes."""
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < hi else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def quote_words(text: str, q: Quote) -> int:
    return len(_WORD.findall(text, q.start, q.end))


Ranges = list[tuple[int, int]]


def find_content(doc: Any, cue: Cue, source: tuple[int, int] | None) -> Ranges:
    """Token ranges ``[(start, end), ...]`` of the content of ``cue`` in ``doc``.

    Verbs: the clausal complement (``said [that] X``), the governing clause when the cue is
    a parenthetical (``X, he said``), the infinitive (``wants to X``), the object
    (``announced the deaths of six hostages``) or a prepositional object (``talked about X``).
    ``according to``: the clause it modifies, without the cue and source. Nouns: their
    clause or prepositional complement. Colon: the rest of the sentence.
    Returns [] when there is none; quotes around or after the cue are added by the
    pipeline.

    Example: ``He said that the talks would resume.`` → ``the talks would resume``.
    """
    excluded = set(range(cue.start, cue.end))
    if source is not None:
        excluded.update(range(*source))
    content_of = _CONTENT_BY_PATTERN.get(cue.pattern, _verb_content)
    return content_of(doc, cue, excluded)


def _framed_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "according to X, ...", "In a poll, ...": the clause the phrase modifies."""
    head = doc[cue.head]
    gov = head.head
    if gov == head:
        return []
    # the root of the clause the phrase modifies
    while (
        gov.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis") and gov.head != gov
    ):
        gov = gov.head
    excluded.update(t.i for t in head.subtree)
    return _ranges(doc, [t.i for t in gov.subtree if t.i not in excluded])


def _seem_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "it seems that X", "X seemed to Y": the subject and the complement."""
    idx = []
    for c in doc[cue.head].children:
        if c.dep_ in ("nsubj", "xcomp", "ccomp") and c.lower_ not in ("it", "there"):
            idx += [t.i for t in c.subtree if t.i not in excluded]
    return _ranges(doc, sorted(set(idx)))


def _byline_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    return []  # the quotation before the dash; the pipeline knows the quotes


def _misread_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "Smith claims that X" read as nouns: X is the rest of the sentence after "that"."""
    sent = doc[cue.head].sent
    end = sent.end
    while end > cue.end + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _ranges(doc, [i for i in range(cue.end + 1, end) if i not in excluded])


def _fronted_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "Claiming X, Smith told Fox ...": X, up to the comma before the main clause."""
    fronted = fronted_participle(doc, doc[cue.head])
    if fronted is None:
        return []
    idx = [i for i in range(cue.end, fronted[0]) if i not in excluded]
    while idx and doc[idx[0]].lower_ in _MARKERS:
        idx.pop(0)
    return _ranges(doc, idx)


def _colon_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "Caddell: X": the rest of the paragraph's first run after the colon."""
    sent = doc[cue.head].sent
    return _ranges(doc, list(range(cue.head + 1, len(doc))))[:1] if sent else []


def _noun_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "his claim that X", "her plan to X", "criticism of X", "took aim at X"."""
    head = doc[cue.head]
    found = _for_to_clause(doc, head, list(head.children), excluded)
    if found:
        return found  # "a call for the state to act": the for-to clause
    for c in head.children:
        if c.dep_ in ("acl", "ccomp", "xcomp", "relcl") and c.i > head.i:
            idx = _complement(c, excluded)
            if owned_that_clause(head) and idx and doc[idx[0] - 1].lower_ == "that":
                idx.insert(0, idx[0] - 1)  # PolNeAR: "Smith's claim [that X]"
            return _ranges(doc, idx)
    preps = [c for c in head.children if c.dep_ == "prep" and c.i > head.i]
    if cue.start < cue.head:
        # a light verb carries the noun: "took aim at X", "made the point that X"
        verb = doc[cue.start]
        preps += [c for c in verb.children if c.dep_ == "prep" and c.i > head.i]
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > head.i:
                return _ranges(doc, _complement(c, excluded))
    for c in preps:
        if c.lower_ in CONTENT_PREPS:
            return _ranges(doc, [t.i for t in c.subtree if t.i != c.i and t.i not in excluded])
    return []


def _adj_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "confident that X", "eager to X", "critical of X"."""
    for c in doc[cue.head].children:
        if c.dep_ in ("ccomp", "xcomp"):
            return _ranges(doc, _complement(c, excluded))
    # "critical of the plan": the object of the cue's preposition
    return _agent_content(doc, cue, excluded)


def _agent_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """ "a critic of X": the object of the cue's preposition."""
    if cue.end > cue.head + 1:
        prep = doc[cue.end - 1]
        return _ranges(doc, [t.i for t in prep.subtree if t.i != prep.i and t.i not in excluded])
    return []


def _verb_content(doc: Any, cue: Cue, excluded: set[int]) -> Ranges:
    """The content of a verb cue: the first of ``_VERB_CONTENT_RULES`` that applies."""
    verb = doc[cue.head]
    kids = list(verb.children)
    for rule in _VERB_CONTENT_RULES:
        found = rule(doc, verb, kids, excluded)
        if found is not None:
            return found
    return []


def _clausal_complement(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "said [that] X". A complement after the verb first: in "six in ten said X; half
    said Y" the parser may hang the first clause on the second verb as well."""
    for c in sorted(kids, key=lambda k: k.i < verb.i):
        if c.dep_ == "ccomp" and c.i not in excluded:
            return _ranges(doc, _lost_subject(verb, c, excluded) + _complement(c, excluded))
    return None


def _clause_on_object(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "told a meeting of leaders that few people understood X": the parser hung the
    that-clause on the object as a relative clause. A relative clause opened by "that" as a
    complementizer (dep mark) with a subject of its own has no gap: it is the verb's
    complement."""
    objs = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i]
    # "told staff in a memo that the company had to cut jobs": on the object of a preposition
    objs += [
        g for c in kids if c.dep_ == "prep" and c.i > verb.i for g in c.children if g.dep_ == "pobj"
    ]
    for obj in objs:
        for t in obj.subtree:
            if t.dep_ != "relcl" or t.i <= obj.i:
                continue
            opener = doc[t.left_edge.i]
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            if opener.lower_ == "that" and opener.dep_ == "mark" and has_subject:
                return _ranges(doc, _complement(t, excluded))
    return None


def _lost_subject(verb: Any, clause: Any, excluded: set[int]) -> list[int]:
    """ "thinks the plan was phony": the parser made "the plan" the verb's object and left
    the clause after it without a subject; the object is the clause's subject."""
    if clause.i < verb.i or any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children):
        return []
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        return []  # "told reporters ...": the object is the one spoken to
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None:
        return []
    # the object and what the parser hung beside it ("the outreach [to voters]")
    between = verb.doc[obj.left_edge.i : clause.left_edge.i]
    if any(t.pos_ in ("VERB", "AUX", "PUNCT") or t.lower_ in _MARKERS for t in between):
        return []
    return [t.i for t in between if t.i not in excluded]


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _indirect_question(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "asked voters if they would caucus": the parser hangs the indirect question as an
    adverbial clause."""
    if verb.lemma_.lower() not in _QUESTION_VERBS:
        return None
    for c in kids:
        if (
            c.dep_ == "advcl"
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ):
            return _ranges(doc, [t.i for t in c.subtree if t.i not in excluded])
    return None


def _main_clause_of_as(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "As the Times noted, Clinton raised ...", "As Smith put it, ...": the main clause."""
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and (not any(c.dep_ in ("dobj", "xcomp", "prep") for c in kids) or verb.lemma_ == "put")
    ):
        return _governing_clause(doc, verb, excluded)
    return None


def _parenthetical_host(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "X, he said, Y" and "X, she added": the clause the cue interrupts or follows."""
    if verb.dep_ == "parataxis" or (
        verb.dep_ in ("ccomp",) and verb.i > verb.head.i and _is_parenthetical(verb)
    ):
        return _governing_clause(doc, verb, excluded)
    return None


def _governing_clause(doc: Any, verb: Any, excluded: set[int]) -> Ranges:
    gov = verb.head
    skip = {t.i for t in verb.subtree} | excluded
    return _ranges(doc, [t.i for t in gov.subtree if t.i not in skip])


def _for_to_clause(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "called for all candidates to lay out specifics": a for-to clause."""
    for c in kids:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            marks = {m.i for m in c.children if m.dep_ == "mark"}
            return _ranges(doc, [t.i for t in c.subtree if t.i not in excluded | marks])
    return None


def _passive_subjects(kids: list[Any]) -> list[Any]:
    return [c for c in kids if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "there")]


def _seen_as(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "the kingdom is seen as a bulwark": the passive subject and its "as" predicate."""
    as_preds = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    subj = _passive_subjects(kids)
    if as_preds and subj and "as" in PREP_VERBS.get(verb.lemma_.lower(), frozenset()):
        idx = [t.i for t in subj[0].subtree] + [t.i for t in as_preds[0].subtree]
        return _ranges(doc, [i for i in idx if i not in excluded])
    return None


def _regarded_predicate(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "the senator is known for his temper": the one regarded and the predicate; "a fund
    known as X": the noun the participle hangs on."""
    pred = regard_predicate(verb) if verb.lemma_.lower() in REGARD_VERBS else None
    subj = _passive_subjects(kids)
    if pred is None or not (subj or verb.dep_ == "acl"):
        return None
    idx = [t.i for t in subj[0].subtree] if subj else list(range(verb.head.left_edge.i, verb.i))
    idx += [t.i for t in pred.subtree if not (t == pred and t.dep_ == "prep")]
    return _ranges(doc, [i for i in idx if i not in excluded])


def _passive_subject(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "the proposal was rejected by Congress": the passive subject is the content."""
    for c in kids:
        if (
            c.dep_ == "nsubjpass"
            and c.lower_ not in ("it", "there")
            and c.i not in excluded
            and any(k.dep_ == "agent" for k in kids)
        ):
            return _ranges(doc, [t.i for t in c.subtree if t.i not in excluded])
    return None


def _pro_form(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "55 percent said so", "the candidate said no"."""
    for c in kids:
        if c.lower_ in ("so", "yes", "no") and c.i == verb.i + 1:
            return [(c.i, c.i + 1)]
    return None


def _infinitive(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "wants to X", "vowed to X"; "advocates a set of rules to end X" (the infinitive
    belongs to the object before it, not to an addressee as in "urged Congress to act")."""
    for c in kids:
        if c.dep_ == "xcomp" and c.i > verb.i:
            idx = _complement(c, excluded, keep_to=True)
            obj = next((o for o in kids if o.dep_ == "dobj" and verb.i < o.i < c.i), None)
            if obj is not None and _thing_before_infinitive(verb, obj):
                idx = [t.i for t in obj.subtree if t.i not in excluded] + idx
            for more in _shared_to(c, kids):
                # "to end X, stop Y and remove Z": the bare verbs share the "to"
                idx += list(range(max(idx, default=more.i) + 1, more.left_edge.i))
                idx += [t.i for t in more.subtree if t.i not in excluded]
            return _ranges(doc, sorted(set(idx)))
    return None


def _shared_to(xcomp: Any, kids: list[Any]) -> list[Any]:
    """Bare infinitives the parser hung on the verb after an infinitive and a comma ("to end
    X, stop Y and remove Z"): they share its "to"."""
    out = []
    end = xcomp.right_edge.i
    for c in kids:
        if (
            c.dep_ == "advcl"
            and c.tag_ == "VB"
            and c.left_edge.i > end
            and _comma_between(xcomp.doc, end, c.left_edge.i)
            and not any(g.dep_ in ("nsubj", "mark", "aux") for g in c.children)
        ):
            out.append(c)
            end = c.right_edge.i
    return out


def _comma_between(doc: Any, end: int, start: int) -> bool:
    """Only a comma between token ``end`` (itself, or the token after it) and ``start``."""
    gap = doc[end + 1 : start].text
    return not gap.strip(", ") and ("," in gap or doc[end].text == ",")


def _thing_before_infinitive(verb: Any, obj: Any) -> bool:
    """An object that is no addressee: a common noun naming no person or group."""
    return (
        verb.lemma_.lower() not in ADDRESSEE_VERBS
        and obj.pos_ == "NOUN"
        and obj.ent_type_ == ""
        and not is_animate(obj)
    )


def _direct_object(doc: Any, verb: Any, kids: list[Any], excluded: set[int]) -> Ranges | None:
    """ "announced the deaths of six hostages"; with its predicate: "called him a liar",
    "accused Trump of using divisive rhetoric", "praised her for her work". Not the
    addressee: "told him", "asked reporters"."""
    compares = verb.lemma_.lower() in _COMPARING
    for c in kids:
        if c.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSEE_VERBS:
            continue
        if c.dep_ in ("dobj", "oprd") and c.i > verb.i and c.i not in excluded:
            lo = c.left_edge.i
            hi = c.right_edge.i + 1
            for d in kids:
                if d.dep_ in ("oprd", "xcomp", "ccomp") and d.i > c.i:
                    hi = max(hi, d.right_edge.i + 1)
                if d.dep_ == "prep" and d.lower_ in ("of", "for", "as", "over") and d.i > c.i:
                    hi = max(hi, d.right_edge.i + 1)
                if d.dep_ == "prep" and d.lower_ in ("to", "with") and d.i > c.i and compares:
                    hi = max(hi, d.right_edge.i + 1)  # "compared him favorably to X"
                if _object_participle(doc, c, d):
                    hi = max(hi, d.right_edge.i + 1)  # "released an ad this week showing X"
            skip = excluded | _appended_clauses(c)
            return _ranges(doc, [i for i in range(lo, hi) if i not in skip])
    return None


def _object_participle(doc: Any, obj: Any, d: Any) -> bool:
    """A participle the parser hung on the verb that describes the object right before it
    ("released an ad this week showing X"): no comma, subject or mark of its own, and only
    a time phrase between."""
    if d.dep_ != "advcl" or d.tag_ != "VBG" or d.i <= obj.i:
        return False
    if d.lemma_.lower() in SAY_VERBS or d.lemma_.lower() in STANCE_VERBS:
        return False  # "a letter to X asking that ...", "an op-ed hammering X": acts of their own
    if any(g.dep_ in ("nsubj", "mark", "advmod") for g in d.children):
        return False  # "addressed the controversy when introducing Pence"
    if doc[d.left_edge.i - 1].is_punct:
        return False  # "rebut that criticism, fundraising for ...": an act of its own
    gap = doc[obj.right_edge.i + 1 : d.left_edge.i]
    return all(t.dep_ in ("npadvmod", "det") or t.ent_type_ in ("DATE", "TIME") for t in gap)


def _prepositional_object(
    doc: Any, verb: Any, kids: list[Any], excluded: set[int]
) -> Ranges | None:
    """ "talked about X", "spoke to reporters about [X]" (the verb's own preposition first);
    after a verb of plain saying only "about" and "of" ("said on CNN" is where, not what)."""
    own_preps = PREP_VERBS.get(verb.lemma_.lower(), frozenset())
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in own_preps and c.i > verb.i and not _temporal(c):
            kids = [c, *(k for k in kids if k != c)]
            break
    plain = verb.lemma_.lower() in _PLAIN_SAYING
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and c.i > verb.i and not _temporal(c):
            if plain and c.lower_ not in ("about", "of"):
                continue
            skip = excluded.union(*(_appended_clauses(g) for g in c.children))
            objs = [t.i for t in c.subtree if t.i != c.i and t.i not in skip]
            if objs:
                return _ranges(doc, objs)
    return None


# What a cue's content is, by the cue's pattern ("verb" and anything else: the verb rules).
_CONTENT_BY_PATTERN = {
    "according_to": _framed_content,
    "in_doc": _framed_content,
    "seem": _seem_content,
    "byline": _byline_content,
    "colon": _colon_content,
    "misread_verb": _misread_content,
    "fronted": _fronted_content,
    "noun": _noun_content,
    "adj": _adj_content,
    "agent": _agent_content,
}
# The content of a verb cue, tried in this order (the first that applies decides).
_VERB_CONTENT_RULES = (
    _clausal_complement,
    _clause_on_object,
    _indirect_question,
    _main_clause_of_as,
    _parenthetical_host,
    _for_to_clause,
    _seen_as,
    _regarded_predicate,
    _passive_subject,
    _pro_form,
    _infinitive,
    _direct_object,
    _prepositional_object,
)


# Verbs whose object is set beside another thing: "compared him to X", "likened it to Y".
_COMPARING = frozenset({"compare", "liken", "equate"})

# Verbs of plain saying: only "about"/"of" give their topic ("said of the plan").
_PLAIN_SAYING = load_words("plain_saying_verbs")


def _temporal(prep: Any) -> bool:
    """ "on Saturday", "for three years": a time, not what was said."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _appended_clauses(noun: Any) -> set[int]:
    """Tokens of a non-restrictive clause after a nominal content: "praised X[, who has
    vowed ...]" — the writer's addition, often an attribution of its own."""
    out: set[int] = set()
    doc = noun.doc
    for c in noun.children:
        if (
            c.dep_ in ("relcl", "acl", "appos")
            and c.i > noun.i
            and c.left_edge.i > 0
            and doc[c.left_edge.i - 1].text in (",", "—", "–", "(")
        ):
            out.update(range(c.left_edge.i - 1, c.right_edge.i + 1))
    return out


def _is_parenthetical(verb: Any) -> bool:
    """``X, he said, Y``: a cue verb set off by commas inside the clause it reports; not a
    complement clause opened by "that" after a quoted title ('told "Face the Nation" that
    ...')."""
    if any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in verb.children):
        return False
    prev = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return prev is not None and prev.text in (",", "”", '"')


def _complement(tok: Any, excluded: set[int], *, keep_to: bool = False) -> list[int]:
    skip = set(excluded)
    for c in tok.children:
        # "said X is Y, and he railed against Z": a coordinated clause with its own subject
        # and no "that" of its own is the writer's, not the reported content
        if (
            c.dep_ == "conj"
            and c.i > tok.i
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and not any(g.dep_ == "mark" for g in c.children)
            and _after_comma_and(c)
            and tok.i > tok.head.i  # before its cue ("X, but Y, she said") it is all hers
        ):
            skip.update(t.i for t in c.subtree)
            skip.update(g.i for g in tok.children if g.dep_ == "cc" and g.i < c.i)
    for t in tok.subtree:
        # "said he backs the bill[, which includes ...]": the writer's addition
        if t.dep_ == "relcl" and t.left_edge.i > 0 and tok.doc[t.left_edge.i - 1].text == ",":
            skip.update(range(t.left_edge.i - 1, t.right_edge.i + 1))
    idx = [t.i for t in tok.subtree if t.i not in skip]
    # drop the complementizer: "said [that] ..."
    while (
        idx
        and tok.doc[idx[0]].lower_ in _MARKERS
        and (tok.doc[idx[0]].dep_ == "mark" or tok.doc[idx[0]].pos_ == "SCONJ")
    ):
        idx.pop(0)
    return idx


def _after_comma_and(conj: Any) -> bool:
    """The coordinated clause is set off by ", and" / ", but" (a new sentence-level clause)."""
    left = conj.left_edge.i
    doc = conj.doc
    return left >= 2 and doc[left - 1].dep_ == "cc" and doc[left - 2].text == ","


def _ranges(doc: Any, idx: list[int]) -> list[tuple[int, int]]:
    """Contiguous token ranges of ``idx``, trimmed of edge punctuation other than quotes."""
    if not idx:
        return []
    idx = sorted(set(idx))
    out: list[tuple[int, int]] = []
    lo = prev = idx[0]
    for i in idx[1:]:
        if i != prev + 1:
            out.append((lo, prev + 1))
            lo = i
        prev = i
    out.append((lo, prev + 1))
    trimmed = []
    for lo, hi in out:
        while lo < hi and _trim_tok(doc[lo]):
            lo += 1
        while hi > lo and _trim_tok(doc[hi - 1]):
            hi -= 1
        if hi > lo:
            trimmed.append((lo, hi))
    return trimmed


def _trim_tok(tok: Any) -> bool:
    if tok.is_space:
        return True
    return tok.is_punct and tok.text not in "“”\"‘’'" and tok.text not in ("...", "…", "?", "!")

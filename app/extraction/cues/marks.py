"""Cues that are phrases or punctuation: "according to", a clause-initial "in" with a
document ("In a new poll, ..."), the colon of ``Name: ...`` and a dash before a quotation
(``Carla Sanchez ― “...”``), and a dash signing one (``“...” ― Carla Sanchez``)."""

from __future__ import annotations

from typing import Any

from app.extraction.cues.cue import Cue
from app.extraction.cues.grammar import (
    _editors_note,
    _lemma,
    _quote_follows,
)
from app.extraction.cues.headlines import _headline_verb
from app.extraction.cues.words import (
    _IN_DOCUMENTS,
    _POLLS,
    _VERB_LEXICON,
)
from app.extraction.types import AttributionKind


def _phrase_or_mark_cue(doc: Any, tok: Any, lemma: str, pos: str, para: int) -> Cue | None:
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
    if pos in ("PROPN", "NOUN", "VERB") and _headline_verb(doc, tok):
        # "Senator Slams Mayor Over Budget": the name before it speaks, the rest is
        # what is said, as after the colon of "Senator: ..."
        return Cue(para, i, i, i + 1, AttributionKind.INDIRECT, "colon")
    return None


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


def _has_according_to(sent: Any) -> bool:
    return any(t.lower_ == "according" for t in sent)


def is_poll(noun: Any) -> bool:
    """An opinion poll or survey (whose findings are the respondents' answers)."""
    return noun.lemma_.lower() in _POLLS


_DASHES = frozenset({"―", "—", "–", "--"})


def _byline_after_quote(doc: Any, tok: Any) -> bool:
    glued = tok.text[:1] in '”"'  # the tokenizer keeps '”―' together
    k = tok.i - 1
    while k >= 0 and _inline_space(doc[k]):
        k -= 1  # '”\xa0― Jane Doe': a non-breaking space is a token of its own
    if not glued and (k < 0 or doc[k].text[-1:] not in '”"'):
        return False
    name = byline_range(doc, tok)
    return name is not None


def byline_range(doc: Any, tok: Any) -> tuple[int, int] | None:
    """The short name after a dash that signs a quotation, up to the line or sentence end."""
    i = tok.i + 1
    while i < len(doc) and _inline_space(doc[i]):
        i += 1  # '― \xa0Jane Doe': the non-breaking space is a token of its own
    j = i
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


def _inline_space(tok: Any) -> bool:
    """A whitespace token within a line (a non-breaking space), not a line break."""
    return tok.is_space and "\n" not in tok.text


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

"""The extraction recipe: text in, attributions out (STYLE.md section 6)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.extraction.chrome import is_chrome, is_headline
from app.extraction.contents import Quote, find_content, find_quotes, quote_words
from app.extraction.coref import (
    SourceResolver,
    name_lede_descriptions,
    name_section_descriptions,
)
from app.extraction.cues import Cue, find_cues, is_poll, owned_that_clause
from app.extraction.dates import find_said_on
from app.extraction.parse import Paragraph, ParsedText, Parser, get_parser
from app.extraction.quantities import find_quantities
from app.extraction.reported import reports_a_statement
from app.extraction.sources import find_source, speaker_outside
from app.extraction.types import (
    Attribution,
    AttributionKind,
    ExtractionConfig,
    Span,
)


@dataclass(frozen=True, slots=True)
class Draft:
    """An attribution before enrichment: character ranges into the text."""

    para: int
    cue: Cue
    cue_range: tuple[int, int]
    source_range: tuple[int, int] | None  # characters
    source_tokens: tuple[int, int] | None  # tokens of the cue's paragraph
    fragments: tuple[tuple[int, int], ...]  # characters, sorted, disjoint
    reported_in: tuple[int, int] | None = None  # the cue of a medium's report around it


def extract(
    text: str,
    *,
    published_at: date | None = None,
    title: str | None = None,
    config: ExtractionConfig = ExtractionConfig(),  # noqa: B008
    parser: Parser | None = None,
) -> list[Attribution]:
    """Every attribution of ``text`` (cue + source mention + content), in text order.

    Reads the article text as given (CRLF, control characters and any length are fine; an
    empty text gives ``[]``) and, for dating statements, its ``published_at``. Each
    attribution carries character spans into ``text``: the cue, the source mention (the
    whole noun phrase, pronouns as they stand), the content split into fragments around an
    interrupting cue, plus the resolved source, ``said_on``, quantities and ``based_on``.
    Attributions embedded in another one's content ("X said Y wants Z") are left to the
    reporting one, as PolNeAR mostly does, except a speech act a news medium reports
    ("Prosecutors on Friday requested ..., news agencies reported"), which is a claim of its
    own with ``reported_in`` set. Sentences in the article's own voice come as
    EDITORIAL attributions when ``config.include_editorial`` is set; the headline and page
    chrome yield nothing.

    Example: ``"We will rebuild," the mayor said on Monday.`` gives one DIRECT_QUOTE with
    cue ``said``, source mention ``the mayor`` and content ``"We will rebuild,"``.
    """
    if not text or not text.strip():
        return []
    parsed = (parser or get_parser(config)).parse(text)
    live = _news_paragraphs(parsed, title)  # no headline, no page chrome
    quotes = find_quotes(text, [(p.start, p.end) for p in parsed.paragraphs])
    drafts = _find_drafts(parsed, live, quotes)  # cue -> source -> content, per paragraph
    drafts = _attach_quotes(drafts, quotes, parsed, live, text)  # quotes running on
    drafts = _drop_nested(_split_off(_dedupe(drafts), parsed), parsed)
    attributions = _assemble(drafts, parsed, quotes, published_at)  # resolve, date, count
    if live:  # "A New York judge ... Justice Frank Nervo": the lede's description is named
        horizon = live[min(3, len(live) - 1)].end
        attributions = name_lede_descriptions(attributions, lede_end=live[0].end, horizon=horizon)
        attributions = name_section_descriptions(attributions, text)  # "2:45 p.m." sections
    if config.include_editorial:
        attributions += _editorial(parsed, live, attributions)
    attributions.sort(key=lambda a: (a.content.start, a.content.end))
    return attributions


def _find_drafts(parsed: ParsedText, live: list[Paragraph], quotes: list[Quote]) -> list[Draft]:
    paragraphs = parsed.paragraphs
    return [
        d
        for p in live
        for d in _drafts_in(
            p,
            parsed.text,
            quotes,
            paragraphs[p.index + 1] if p.index + 1 < len(paragraphs) else None,
        )
    ]


def _news_paragraphs(parsed: ParsedText, title: str | None) -> list[Paragraph]:
    out = []
    for p in parsed.paragraphs:
        ptext = parsed.text[p.start : p.end]
        if is_chrome(ptext) or is_headline(ptext, index=p.index, title=title):
            continue
        out.append(p)
    return out


def _drafts_in(
    p: Paragraph, text: str, quotes: list[Quote], following: Paragraph | None
) -> list[Draft]:
    doc = p.doc
    off = p.start
    pquotes = [q for q in quotes if p.start <= q.start < p.end]
    out = []
    for cue in find_cues(doc, para=p.index):
        src_tok = find_source(doc, cue)
        content_tok = find_content(doc, cue, src_tok)
        cue_range = (off + doc[cue.start].idx, off + _end_char(doc, cue.end))
        quoted = _inside_quote(cue_range, pquotes)
        if quoted is not None and (quoted.closed or _first_person(doc, src_tok)):
            # PolNeAR annotates the quoting, not the speech acts inside a quotation
            continue
        src_tok = _outside_quote(doc, cue, src_tok, cue_range, off, pquotes)
        if cue.pattern == "colon" and src_tok is not None:
            src_tok = _after_dash(doc, src_tok)
        src_range = (
            (off + doc[src_tok[0]].idx, off + _end_char(doc, src_tok[1])) if src_tok else None
        )
        frags = [(off + doc[s].idx, off + _end_char(doc, e)) for s, e in content_tok]
        frags = _widen_to_quotes(frags, pquotes)
        frags = _quote_before_verb(text, frags, pquotes, cue_range, src_range) or frags
        if cue.pattern == "byline":
            # the cue is the dash alone, not the closing quote glued to it
            lead = len(text[cue_range[0] : cue_range[1]]) - len(
                text[cue_range[0] : cue_range[1]].lstrip('”"')
            )
            cue_range = (cue_range[0] + lead, cue_range[1])
            frags = _signed_quotes(text, pquotes, cue_range[0])
        if not frags and cue.pattern in ("verb", "colon") and not _modifies_noun(doc, cue):
            frags = _nearby_quote(doc, cue, off, pquotes, cue_range, src_range)
        if not frags and following is not None and _ends_with_colon(text, cue_range, p.end):
            # "Caddell continued:" closing a paragraph introduces the next one
            frags = [(following.start, following.end)]
        frags = [f for f in frags if not _overlaps(f, cue_range)] or frags
        if not frags:
            continue
        out.append(Draft(p.index, cue, cue_range, src_range, src_tok, tuple(sorted(frags))))
    return out


def _quote_before_verb(
    text: str,
    frags: list[tuple[int, int]],
    quotes: list[Quote],
    cue_range: tuple[int, int],
    src_range: tuple[int, int] | None,
) -> list[tuple[int, int]] | None:
    """'“...,” Warren told Stumpf, after he admitted X': a quotation closed by a comma right
    before its speaker and verb is what they said; an unquoted clause the parser hung on
    the verb after a comma is no part of it (None: keep the content found)."""
    if not frags or text[frags[0][0]] in "“\"'" or frags[0][0] < cue_range[1]:
        return None
    if "," not in text[cue_range[1] : frags[0][0]]:
        return None
    lo = min(cue_range[0], src_range[0]) if src_range else cue_range[0]
    for q in quotes:
        before = q.closed and q.end <= lo and not text[q.end : lo].strip()
        if before and text[q.start : q.end].rstrip("”\"'").endswith(","):
            return [(q.start, q.end)]
    return None


def _signed_quotes(text: str, quotes: list[Quote], dash: int) -> list[tuple[int, int]]:
    """The quotation right before a signing dash, with the earlier quotations of its line
    ('“A.” And so on: “B.” ― Jane Doe' signs both)."""
    signed = [q for q in quotes if -1 <= dash - q.end <= 2][-1:]
    if not signed:
        return []
    for q in reversed([q for q in quotes if q.end <= signed[0].start]):
        gap = text[q.end : signed[0].start]
        if "\n" in gap or any(d in gap for d in "―—–"):
            break  # a new line, or the signature of the quotation before
        signed.insert(0, q)
    return [(q.start, q.end) for q in signed]


def _outside_quote(
    doc: Any,
    cue: Cue,
    src_tok: tuple[int, int] | None,
    cue_range: tuple[int, int],
    off: int,
    quotes: list[Quote],
) -> tuple[int, int] | None:
    """A source inside a closed quotation the cue stands outside of is a word of the
    quotation ('“We were wrong,” Ramos told ...'): look for the speaker outside it."""
    if src_tok is None:
        return None
    s, e = off + doc[src_tok[0]].idx, off + _end_char(doc, src_tok[1])
    q = _inside_quote((s, e), quotes)
    if q is None or not q.closed or _overlaps(cue_range, (q.start, q.end)):
        return src_tok
    lo = next((t.i for t in doc if off + t.idx >= q.start), len(doc))
    hi = next((t.i for t in doc if off + t.idx >= q.end), len(doc))
    return speaker_outside(doc, cue, lo, hi)


def _after_dash(doc: Any, src: tuple[int, int]) -> tuple[int, int]:
    """ "TURNOUT WAS LOW - Jane Smith: “...”": the speaker is the name after the dash."""
    lo, hi = src
    for i in range(lo, hi - 1):
        if doc[i].text in ("-", "—", "―", "–", "--"):
            lo = i + 1
    while lo < hi - 1 and doc[lo].text in ('"', "“", "''"):
        lo += 1  # '"PENCE: ...': a transcript turn opens with a quotation mark
    return (lo, hi)


def _inside_quote(r: tuple[int, int], quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.start < r[0] and r[1] <= q.end:
            return q
    return None


_FIRST_SECOND = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})


def _first_person(doc: Any, src: tuple[int, int] | None) -> bool:
    return src is None or any(doc[i].lower_ in _FIRST_SECOND for i in range(*src))


def _ends_with_colon(text: str, cue_range: tuple[int, int], para_end: int) -> bool:
    tail = text[cue_range[1] : para_end].rstrip()
    return tail.endswith(":") and len(tail) < 80


def _end_char(doc: Any, end_tok: int) -> int:
    t = doc[end_tok - 1]
    return t.idx + len(t.text)


def _overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _widen_to_quotes(frags: list[tuple[int, int]], quotes: list[Quote]) -> list[tuple[int, int]]:
    """A content that starts or ends inside a quotation takes the whole quotation."""
    out = []
    for s, e in frags:
        for q in quotes:
            # the quotation overlaps the fragment partially: extend over it
            if (
                q.start < e
                and s < q.end
                and (s > q.start or e < q.end)
                and (q.start <= s < q.end or q.start < e <= q.end)
            ):
                s, e = min(s, q.start), max(e, q.end)
        out.append((s, e))
    return _merge(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _modifies_noun(doc: Any, cue: Cue) -> bool:
    """A participle describing a noun ("a plan proposed by the mayor") or a passive without
    its agent ("the hearing he was called to", "when questioned") says nothing of a
    quotation elsewhere in its sentence."""
    head = doc[cue.head]
    if head.tag_ == "VBN" and head.dep_ in ("relcl", "advcl"):
        # "the hearing he was called to", "when questioned": a passive without its agent
        kids = {c.dep_ for c in head.children}
        return "agent" not in kids and "nsubj" not in kids and ("aux" not in kids)
    return head.tag_ == "VBN" and head.dep_ in ("acl", "amod")


def _nearby_quote(
    doc: Any,
    cue: Cue,
    off: int,
    quotes: list[Quote],
    cue_range: tuple[int, int],
    src_range: tuple[int, int] | None,
) -> list[tuple[int, int]]:
    """A cue verb without a complement speaks the quotation of its sentence, or the one
    right before or after it (``"...!" he wrote.``, ``he said: "..."``)."""
    sent = doc[cue.head].sent
    s0, s1 = off + sent.start_char, off + sent.end_char
    inside = [
        q
        for q in quotes
        if q.start < s1 and s0 < q.end and not _overlaps((q.start, q.end), cue_range)
    ]
    if inside:
        return [(q.start, q.end) for q in inside]
    text = doc.text
    lo = min(cue_range[0], src_range[0]) if src_range else cue_range[0]
    hi = max(cue_range[1], src_range[1]) if src_range else cue_range[1]
    best: tuple[int, Quote] | None = None
    for q in quotes:
        if q.end <= lo:
            gap = text[q.end - off : lo - off]
        elif q.start >= hi:
            gap = text[hi - off : q.start - off]
        else:
            continue
        near = len(gap) <= 4 and not any(ch in gap for ch in ".!?")
        if near and (best is None or len(gap) < best[0]):
            best = (len(gap), q)
    return [(best[1].start, best[1].end)] if best else []


def _attach_quotes(
    drafts: list[Draft], quotes: list[Quote], parsed: ParsedText, live: list[Paragraph], text: str
) -> list[Draft]:
    """Quotations without a cue of their own continue the nearest direct quote before them,
    in the same paragraph or (a quotation running over paragraphs) the previous one."""
    live_idx = {p.index for p in live}
    para_of = {}
    for p in parsed.paragraphs:
        para_of[p.start] = p.index
    covered = []
    for d in drafts:
        covered.extend(d.fragments)
        covered.append(d.cue_range)
        if d.source_range:
            covered.append(d.source_range)
    drafts = list(drafts)
    for q in quotes:
        if quote_words(text, q) < 3 or _is_title(text, q):
            continue
        if any(_overlaps((q.start, q.end), c) for c in covered):
            continue
        para = _para_at(parsed, q.start)
        if para is None or para not in live_idx:
            continue
        best = quoted = None
        for j, d in enumerate(drafts):
            if d.fragments[0][0] > q.start:
                # a cue after the quote in the same paragraph: "...". Then he said: "..."
                # and it beats a quote of the previous paragraph: '"...," she added.' opens
                # a paragraph of its own speaker, not the last one's continuation
                if d.para == para and (best is None or drafts[best].para != para):
                    best = j
                break
            if d.para == para or (d.para == para - 1 and _is_quote_draft(d, text)):
                best = j
                if d.para == para and _is_quote_draft(d, text):
                    quoted = j
        if quoted is not None:
            # '"A," she said when asked about B. "C."': the quotation goes on with the
            # speaker's quote, not with the side remark that follows it
            best = quoted
        if best is None:
            continue
        d = drafts[best]
        drafts[best] = dataclasses.replace(
            d, fragments=tuple(_merge([*d.fragments, (q.start, q.end)]))
        )
    return drafts


def _is_title(text: str, q: Quote) -> bool:
    """ "told CNN's “State of the Union” that ...": a short quotation whose words are all
    capitalised (small words aside) and that ends no sentence is a title, not speech."""
    inner = text[q.start : q.end].strip("“”\"' ")
    words = inner.split()
    if not words or len(words) > 6 or any(ch in inner for ch in ".,!?;:"):
        return False
    return all(w[:1].isupper() or (len(w) <= 3 and w.islower()) for w in words)


def _is_quote_draft(d: Draft, text: str) -> bool:
    s, e = d.fragments[-1]
    return text[s] in '“"' or text[e - 1] in '”"'


def _para_at(parsed: ParsedText, pos: int) -> int | None:
    for p in parsed.paragraphs:
        if p.start <= pos < p.end:
            return p.index
    return None


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One attribution per content: when two cues claim the same content, keep the first
    with a source (``said`` beats its participle ``adding`` on the same clause)."""
    seen: dict[tuple[tuple[int, int], ...], int] = {}
    out: list[Draft] = []
    for d in drafts:
        key = d.fragments
        if key in seen:
            k = seen[key]
            if out[k].source_range is None and d.source_range is not None:
                out[k] = d
            continue
        seen[key] = len(out)
        out.append(d)
    return out


_JOINERS = frozenset({"while", "whereas", "but", "and"})


def _split_off(drafts: list[Draft], parsed: ParsedText) -> list[Draft]:
    """ "A said X, while B said Y": the parse often hangs B's clause inside X. A clause
    joined by a comma and "while", "whereas", "but" or "and", whose cue names a source of
    its own, is a new attribution: X stops before it."""
    out = list(drafts)
    for k, d in enumerate(out):
        para = parsed.paragraphs[d.para]
        doc, off = para.doc, para.start
        cut = None
        for o in drafts:
            if o is d or o.para != d.para or o.cue.pattern != "verb" or o.source_tokens is None:
                continue
            if not any(_overlaps(o.cue_range, f) for f in d.fragments):
                continue
            if d.source_range is None or _overlaps(o.source_range, d.source_range):
                continue
            head = doc[o.cue.head]
            lo = o.source_tokens[0]
            if head.dep_ not in ("advcl", "conj") or lo < 2 or lo > head.i:
                continue
            if doc[lo - 1].lower_ not in _JOINERS or doc[lo - 2].text != ",":
                continue
            edge = off + doc[lo - 2].idx
            if edge > d.fragments[0][0] and (cut is None or edge < cut):
                cut = edge
        if cut is not None:
            frags = tuple((fs, min(fe, cut)) for fs, fe in d.fragments if fs < cut)
            out[k] = dataclasses.replace(d, fragments=frags)
    return out


def _drop_nested(drafts: list[Draft], parsed: ParsedText) -> list[Draft]:
    """Keep the reporting attribution, not the ones reported inside its content.

    In "X said Y wants Z" the claim is X's: Y's wish is part of what X said. PolNeAR
    annotates such embedded attributions only now and then (on the training split, about
    one in seven of those this library would find), so they are left out. When two cues
    each sit in the other's content (a parse that loops), the wider content wins. A
    non-restrictive relative clause (", who said X,") is the writer's aside and no part of
    the content around it: it keeps its own attribution. So does a speech act with a source
    of its own inside a news medium's report ("Prosecutors on Friday requested ..., news
    agencies reported"): see reported.py.
    """
    drafts = [d for d in drafts if not _frames_a_speaker(d, drafts, parsed)]
    drafts = _cut_asides(drafts, parsed)
    out = []
    for d in drafts:
        around = [
            o for o in drafts if o is not d and any(_overlaps(d.cue_range, f) for f in o.fragments)
        ]
        media = [o for o in around if _media_report_of(o, d, parsed)]
        inside = [o for o in around if all(o is not m for m in media)]
        if _owned_claim(d, parsed):
            inside = []  # "X seized on Trump's claim that Y": Trump's claim stands too
        if any(
            not any(_overlaps(o.cue_range, f) for f in d.fragments) or _width(o) > _width(d)
            for o in inside
        ):
            continue
        out.append(dataclasses.replace(d, reported_in=media[0].cue_range) if media else d)
    return out


def _owned_claim(d: Draft, parsed: ParsedText) -> bool:
    """A cue noun with a named possessor and a that-clause ("Trump's claim that X"): the
    possessor's claim, which PolNeAR annotates inside the one that reports it."""
    if d.cue.pattern != "noun" or d.source_tokens is None:
        return False
    head = parsed.paragraphs[d.para].doc[d.cue.head]
    return owned_that_clause(head)


def _media_report_of(o: Draft, d: Draft, parsed: ParsedText) -> bool:
    """Whether ``o`` is a news medium reporting the speech act ``d`` of another source."""
    if o.para != d.para or o.source_tokens is None or d.source_tokens is None:
        return False
    doc = parsed.paragraphs[o.para].doc
    return reports_a_statement(doc, (o.cue.head, o.source_tokens), (d.cue.head, d.source_tokens))


def _aside(d: Draft, parsed: ParsedText) -> tuple[int, int] | None:
    """The characters of a non-restrictive relative clause (", who said X") that holds the
    cue of ``d``: the writer's own aside about someone, not part of what anyone reported."""
    p = parsed.paragraphs[d.para]
    head = p.doc[d.cue.head]
    if d.cue.pattern in ("adj", "noun") and head.dep_ in ("acomp", "dobj", "attr"):
        head = head.head  # "who is critical of X", "who took aim at X"
    if d.cue.pattern == "verb" and head.dep_ == "conj":
        return _second_act(p, head)
    if d.cue.pattern == "verb" and _participle_aside(head):
        lo = head.left_edge.i
        if lo == 0 or p.doc[lo - 1].text != ",":
            return None
        return (p.start + p.doc[lo - 1].idx, p.start + _end_char(p.doc, head.right_edge.i + 1))
    if d.cue.pattern not in ("verb", "adj", "noun") or head.dep_ != "relcl":
        return None
    lo = head.left_edge.i
    if lo == 0 or p.doc[lo - 1].text not in (",", "—", "–"):
        return None
    return (p.start + p.doc[lo - 1].idx, p.start + _end_char(p.doc, head.right_edge.i + 1))


def _is_second_act(d: Draft, parsed: ParsedText) -> bool:
    head = parsed.paragraphs[d.para].doc[d.cue.head]
    return d.cue.pattern == "verb" and (head.dep_ == "conj" or _participle_aside(head))


def _participle_aside(head: Any) -> bool:
    """ "..., pointing to his record": a participle after the clause it hangs on, with no
    subject of its own: the speaker's accompanying act."""
    return (
        head.dep_ == "advcl"
        and head.tag_ == "VBG"
        and head.i > head.head.i
        and not any(c.dep_ in ("nsubj", "mark") for c in head.children)
    )


def _second_act(p: Paragraph, head: Any) -> tuple[int, int] | None:
    """ "He called for X and proposed Y": a speech act coordinated (with "and", "but")
    without a subject of its own is the same speaker's next act, not part of the first
    one's content, even when the parser hangs it inside that content."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    cc = [c for c in head.head.children if c.dep_ == "cc" and c.i < head.i]
    if not cc:
        return None
    lo = cc[-1].i
    if lo > 0 and p.doc[lo - 1].text == ",":
        lo -= 1
    return (p.start + p.doc[lo].idx, p.start + _end_char(p.doc, head.right_edge.i + 1))


def _cut_asides(drafts: list[Draft], parsed: ParsedText) -> list[Draft]:
    """ "Y criticised Z, who said X": the aside about Z is an attribution of its own; the
    content of Y ends before it."""
    asides = [(d, a) for d in drafts if (a := _aside(d, parsed)) is not None]
    if not asides:
        return drafts
    out = []
    speaker: dict[int, Draft] = {}
    for o in drafts:
        frags = list(o.fragments)
        for d, (s, e) in asides:
            if d is o or _overlaps(o.cue_range, (s, e)):
                continue
            if not any(fs <= s and e <= fe for fs, fe in frags):
                continue
            if _is_participle(d, parsed) and o.source_tokens is not None and o.para == d.para:
                speaker.setdefault(id(d), o)  # "X said Y, pointing to Z": X points
            elif _is_second_act(d, parsed) and not (
                d.source_range and _overlaps(d.source_range, o.source_range)
            ):
                if not _speaker_goes_on(d, o, parsed):
                    continue  # only the same speaker's next act leaves the content
                speaker.setdefault(id(d), o)  # and it is the speaker's
            cut = []
            for fs, fe in frags:
                if fs <= s and e <= fe:
                    cut += [_trim(parsed.text, a, b) for a, b in ((fs, s), (e, fe))]
                else:
                    cut.append((fs, fe))
            frags = [(a, b) for a, b in cut if b - a > 1]
        if frags and tuple(frags) != o.fragments:
            o = dataclasses.replace(o, fragments=tuple(frags))
        out.append(o)
    for k, d in enumerate(drafts):
        if id(d) in speaker:
            src = speaker[id(d)]
            out[k] = dataclasses.replace(
                out[k], source_range=src.source_range, source_tokens=src.source_tokens
            )
    return out


def _speaker_goes_on(d: Draft, o: Draft, parsed: ParsedText) -> bool:
    """ "The mayor said she regretted it and promised to do better": the parser hangs the
    second verb on the reported clause. When that clause's subject is a pronoun (most often
    the speaker herself) or the verb is set off by ", and", a verb without a subject of its
    own, in the same tense as the speech verb and with no auxiliary or negation of the
    reported clause ("... and would not vote"), is the speaker's next act."""
    if d.para != o.para or o.source_tokens is None:
        return False
    doc = parsed.paragraphs[d.para].doc
    head = doc[d.cue.head]
    clause = head.head
    return (
        head.dep_ == "conj"
        and clause.dep_ == "ccomp"
        and clause.head.i == o.cue.head
        and (any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in clause.children) or _comma_cc(head))
        and head.tag_ == doc[o.cue.head].tag_
        and not any(c.dep_ in ("aux", "auxpass", "neg") for c in head.children)
    )


def _comma_cc(head: Any) -> bool:
    """ "..., and urged X": the conjunct set off by a comma before its "and"."""
    lo = head.left_edge.i
    doc = head.doc
    return lo >= 2 and doc[lo - 1].dep_ == "cc" and doc[lo - 2].text == ","


def _is_participle(d: Draft, parsed: ParsedText) -> bool:
    head = parsed.paragraphs[d.para].doc[d.cue.head]
    return d.cue.pattern == "verb" and _participle_aside(head)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Without the spaces and clause punctuation left at the edges of a cut."""
    while s < e and (text[s].isspace() or text[s] in ",;—–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;—–"):
        e -= 1
    return (s, e)


def _frames_a_speaker(d: Draft, drafts: list[Draft], parsed: ParsedText) -> bool:
    """ "In an interview, X said Y": the document frame is only where X said it; the
    speech verb with a source of its own inside the frame's content is the attribution."""
    if d.cue.pattern != "in_doc" or _poll_frame(d, parsed):
        return False
    if parsed.paragraphs[d.para].doc[d.cue.head].lower_ == "under":
        return False  # "Under Smith's plan, X would pay Y": the plan says it, not a place
    return any(
        o is not d
        and o.cue.pattern == "verb"
        and o.source_tokens is not None
        and any(_overlaps(o.cue_range, f) for f in d.fragments)
        for o in drafts
    )


def _poll_frame(d: Draft, parsed: ParsedText) -> bool:
    """ "In a new poll, 40 percent said X": the poll reports the respondents' answers, so
    it frames their speech verb (which is nested in its content)."""
    head = parsed.paragraphs[d.para].doc[d.cue.head]
    return any(c.dep_ == "pobj" and is_poll(c) for c in head.children)


def _width(d: Draft) -> int:
    return sum(e - s for s, e in d.fragments)


def _in_quotes(frags: tuple[tuple[int, int], ...], quotes: list[Quote]) -> bool:
    return all(any(q.start <= s and e <= q.end for q in quotes) for s, e in frags)


def _assemble(
    drafts: list[Draft], parsed: ParsedText, quotes: list[Quote], published_at: date | None
) -> list[Attribution]:
    text = parsed.text
    resolver = SourceResolver(text, [(p.start, p.doc) for p in parsed.paragraphs])
    out = []
    for d in sorted(drafts, key=lambda d: (d.cue_range[0], d.fragments[0][0])):
        p = parsed.paragraphs[d.para]
        doc = p.doc
        frags = tuple(Span.of(text, s, e) for s, e in d.fragments)
        content = Span.of(text, frags[0].start, frags[-1].end)
        kind = d.cue.kind
        if kind is AttributionKind.INDIRECT and _in_quotes(d.fragments, quotes):
            kind = AttributionKind.DIRECT_QUOTE
        source_mention = Span.of(text, *d.source_range) if d.source_range else None
        source = None
        based_on = None
        if d.source_tokens is not None:
            resolved = _resolve(resolver, doc, d.source_tokens)
            if resolved is not None:
                source = resolved.source
                based_on = _shift_span(resolved.based_on, p.start, text)
        said_on = find_said_on(
            doc[d.cue.head].sent, d.cue.head, published_at, offset=p.start, text=text
        )
        quantities = tuple(q for s, e in d.fragments for q in _quantities_in(parsed, s, e))
        out.append(
            Attribution(
                kind=kind,
                content=content,
                content_fragments=frags,
                cue=Span.of(text, *d.cue_range),
                source_mention=source_mention,
                source=source,
                said_on=said_on,
                based_on=based_on,
                quantities=quantities,
                confidence=0.7 if source_mention is not None else 0.5,
                reported_in=Span.of(text, *d.reported_in) if d.reported_in else None,
            )
        )
    return out


def _resolve(resolver: Any, doc: Any, tokens: tuple[int, int]) -> Any:
    """Resolve a source mention; the possessive marker ("the judge['s] claim") is not
    part of the entity's name."""
    lo, hi = tokens
    while hi - lo > 1 and doc[hi - 1].tag_ == "POS":
        hi -= 1
    return resolver.resolve(doc[lo:hi])


def _quantities_in(parsed: ParsedText, s: int, e: int) -> tuple[Any, ...]:
    p = next((p for p in parsed.paragraphs if p.start <= s < p.end), None)
    if p is None:
        return ()
    return find_quantities(p.doc, s, min(e, p.end), offset=p.start, text=parsed.text)


def _shift_span(span: Any, off: int, text: str) -> Span | None:
    """A span in paragraph-doc offsets (or a spaCy Span) as a Span of the whole text."""
    if span is None:
        return None
    if hasattr(span, "start_char"):
        return Span.of(text, off + span.start_char, off + span.end_char)
    return Span.of(text, off + span.start, off + span.end)


def _editorial(
    parsed: ParsedText, live: list[Paragraph], attributions: list[Attribution]
) -> list[Attribution]:
    """Sentences of the article's own voice: not touched by any attribution's spans."""
    taken: list[tuple[int, int]] = []
    for a in attributions:
        taken.extend((f.start, f.end) for f in a.content_fragments)
        if a.cue:
            taken.append((a.cue.start, a.cue.end))
        if a.source_mention:
            taken.append((a.source_mention.start, a.source_mention.end))
    taken.sort()
    text = parsed.text
    out = []
    for p in live:
        for sent in p.doc.sents:
            s, e = p.start + sent.start_char, p.start + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s < 2 or not any(t.is_alpha for t in sent):
                continue
            if any(_overlaps((s, e), t) for t in taken):
                continue
            span = Span.of(text, s, e)
            out.append(Attribution.editorial(span))
    return out

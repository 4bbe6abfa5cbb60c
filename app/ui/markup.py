"""An article's text as HTML with its claims marked: the heart of /ui/articles/{id}.

Claims overlap and nest (a quoted claim can hold another speaker's cue; one mention can
speak several claims), so the text is cut at every span boundary and each piece is
wrapped in the elements of every span over it, outermost first:

* ``<mark data-claim-id="7">`` for each claim whose content covers the piece (the content
  fragments, so the cue that interrupts a quotation is not marked as what was said);
* ``<span class="cue" data-claims="7 8">`` over a cue ("said", "according to");
* ``<a class="who" href="/ui/sources/3" data-claims="7">`` over a source mention.

The pieces' text, in order and unescaped, is the article text exactly: spans index it.
Every piece of text and attribute is escaped here (the article is untrusted input).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from app.models import ClaimPublic


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    role: str  # "content", "cue", "who"
    claim: ClaimPublic


def _spans(text: str, claims: Sequence[ClaimPublic]) -> list[_Span]:
    out: list[_Span] = []
    n = len(text)

    def add(start: int, end: int, role: str, claim: ClaimPublic) -> None:
        start, end = max(0, start), min(n, end)
        if start < end:
            out.append(_Span(start, end, role, claim))

    for claim in claims:
        for fragment in claim.content_fragments or [claim.content]:
            add(fragment.start, fragment.end, "content", claim)
        if claim.cue is not None:
            add(claim.cue.start, claim.cue.end, "cue", claim)
        if claim.source_mention is not None:
            add(claim.source_mention.start, claim.source_mention.end, "who", claim)
    return out


def claim_label(claim: ClaimPublic) -> str:
    """What hovering a mark tells: who (and as what), how, when."""
    parts = []
    if claim.source is not None:
        role = getattr(claim, "source_role", None) or claim.source.role
        parts.append(f"{claim.source.name} ({role})" if role else claim.source.name)
    parts.append(claim.kind.replace("_", " "))
    if claim.said_on is not None:
        precision = claim.said_on_precision or "day"
        said = f"said {claim.said_on.isoformat()}"
        parts.append(said if precision == "day" else f"{said} ({precision})")
    return " · ".join(parts)


def _ids(spans: list[_Span]) -> str:
    return " ".join(str(s.claim.id) for s in spans)


def _wrap(
    piece: Markup,
    covering: list[_Span],
    first_of: set[int],
    source_url: Callable[[int], str],
) -> Markup:
    who = [s for s in covering if s.role == "who"]
    if who:
        source = next((s.claim.source for s in who if s.claim.source is not None), None)
        if source is not None:
            piece = Markup('<a class="who" href="{}" data-claims="{}" title="{}">{}</a>').format(
                source_url(source.id), _ids(who), source.name, piece
            )
        else:
            piece = Markup('<span class="who" data-claims="{}">{}</span>').format(_ids(who), piece)
    cues = [s for s in covering if s.role == "cue"]
    if cues:
        piece = Markup('<span class="cue" data-claims="{}">{}</span>').format(_ids(cues), piece)
    # innermost (shortest) content last, so that the outer claim's mark wraps it
    contents = sorted(
        (s for s in covering if s.role == "content"),
        key=lambda s: (s.claim.content.end - s.claim.content.start, s.claim.id),
    )
    for span in contents:
        claim = span.claim
        anchor = Markup(' id="c{}"').format(claim.id) if claim.id in first_of else Markup()
        first_of.discard(claim.id)
        piece = Markup('<mark{} class="{}" data-claim-id="{}" title="{}">{}</mark>').format(
            anchor, f"claim {claim.kind}", claim.id, claim_label(claim), piece
        )
    return piece


def mark_claims(
    text: str,
    claims: Sequence[ClaimPublic],
    *,
    source_url: Callable[[int], str] = lambda source_id: f"/ui/sources/{source_id}",
) -> Markup:
    """``text`` as escaped HTML with every claim's content, cue and source mention set off."""
    spans = _spans(text, claims)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    first_of = {c.id for c in claims}
    by_start = sorted(spans, key=lambda s: s.start)
    pieces: list[Markup] = []
    active: list[_Span] = []
    i = 0
    for start, end in zip(cuts, cuts[1:], strict=False):
        while i < len(by_start) and by_start[i].start <= start:
            active.append(by_start[i])
            i += 1
        # every cut is a span boundary: a span still open at ``start`` covers the piece
        active = [s for s in active if s.end > start]
        pieces.append(_wrap(escape(text[start:end]), active, first_of, source_url))
    return Markup("").join(pieces)

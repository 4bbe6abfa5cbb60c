"""Test data: small hand-written articles and a deterministic fake extractor.

The fake understands one pattern, ``<Name>[, <role> of <Org>,] said [on <Weekday>] that
<content>.``, and turns every other sentence into an editorial claim, so that API and
service tests do not depend on the NLP model (the seed tests use the real one).
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from typing import Any

from app.extraction.types import (
    Attribution,
    AttributionKind,
    DatePrecision,
    Quantity,
    ResolvedSource,
    SaidOn,
    SourceType,
    Span,
)

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_SAID = re.compile(
    r"^(?P<source>[A-Z][\w'’. -]*?)"
    r"(?:, (?P<role>[a-z ]+) (?:of|for) (?:the )?(?P<org>[A-Z][\w'’ ]+),)?"
    rf" (?P<cue>said)(?: (?P<when>on (?P<day>{_WEEKDAY})))?"
    r" that (?P<content>.+?)\.$"
)
_QUANTITY = re.compile(
    r"(?:(?P<qual>at least|more than|about) )?(?P<num>\d[\d,]*) (?P<unit>[a-z]+)"
)
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _said_on(day: str, published_at: date | None) -> date | None:
    if published_at is None:
        return None
    back = (published_at.weekday() - _DAYS.index(day)) % 7
    return published_at - timedelta(days=back)


def fake_extract(text: str, *, published_at: date | None, title: str | None) -> list[Attribution]:
    out: list[Attribution] = []
    for m in _SENTENCE.finditer(text):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        sentence = text[start : m.end()]
        said = _SAID.match(sentence)
        if said is None:
            content = _span(text, start, m.end())
            out.append(Attribution.editorial(content))
            continue

        def g(name: str, said: re.Match[str] = said, start: int = start) -> tuple[int, int]:
            return start + said.start(name), start + said.end(name)

        content = _span(text, *g("content"))
        name = said.group("source").strip()
        source = ResolvedSource(
            name=name,
            type=SourceType.PERSON if " " in name else SourceType.ORGANIZATION,
            alias=name,
            role=said.group("role"),
            affiliation=said.group("org"),
            affiliation_type=SourceType.GOVERNMENT if said.group("org") else None,
        )
        when = None
        if said.group("day"):
            day = _said_on(said.group("day"), published_at)
            if day is not None:
                when = SaidOn(day, DatePrecision.DAY, said.group("when"), _span(text, *g("when")))
        quantities = tuple(
            Quantity(
                value=float(q.group("num").replace(",", "")),
                span=_span(text, content.start + q.start(), content.start + q.end()),
                qualifier=q.group("qual"),
                unit=q.group("unit"),
            )
            for q in _QUANTITY.finditer(content.text)
        )
        out.append(
            Attribution(
                kind=AttributionKind.INDIRECT,
                content=content,
                content_fragments=(content,),
                cue=_span(text, *g("cue")),
                source_mention=_span(text, *g("source")),
                source=source,
                said_on=when,
                quantities=quantities,
                confidence=0.8,
            )
        )
    return out


_counter = itertools.count(1)


def article_body(**overrides: Any) -> dict[str, Any]:
    """A unique small article: one attributed claim and one editorial sentence."""
    n = next(_counter)
    body: dict[str, Any] = {
        "title": f"Harbour report {n}",
        "text": (
            f"Maria Lopez, spokesperson of the Port Authority, said on Monday that "
            f"at least {n} ships were delayed by fog. The harbour reopened at noon {n}."
        ),
        "publisher": "Coastal Times",
        "published_at": "2024-09-17",
    }
    body.update(overrides)
    return body


_SCRIPTED = re.compile(r"(?:^|(?<=\. ))(?P<mention>[A-Z].*?) said that (?P<content>.+?)\.(?= |$)")


def scripted(sources: dict[str, ResolvedSource]):
    """An extractor: each "<mention> said that <content>." is a claim of sources[mention]."""

    def extract(text: str, *, published_at, title) -> list[Attribution]:
        out = []
        for m in _SCRIPTED.finditer(text):
            content = Span.of(text, *m.span("content"))
            out.append(
                Attribution(
                    kind=AttributionKind.INDIRECT,
                    content=content,
                    content_fragments=(content,),
                    source_mention=Span.of(text, *m.span("mention")),
                    source=sources[m.group("mention")],
                )
            )
        return out

    return extract

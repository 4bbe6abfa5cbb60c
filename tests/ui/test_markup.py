"""mark_claims: the article text as escaped HTML with claims, cues and mentions set off."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from app.models import ArticleSummary, ClaimPublic, SourceRef, SpanPublic
from app.ui.chart import weekly_chart, weeks
from app.ui.markup import mark_claims


def _span(text: str, needle: str, start: int = 0) -> SpanPublic:
    i = text.index(needle, start)
    return SpanPublic(start=i, end=i + len(needle), text=needle)


def _claim(
    claim_id: int,
    text: str,
    content: str | SpanPublic,
    *,
    cue: str | None = None,
    who: str | None = None,
    source: tuple[int, str] | None = None,
    fragments: list[SpanPublic] | None = None,
    kind: str = "indirect",
) -> ClaimPublic:
    content_span = content if isinstance(content, SpanPublic) else _span(text, content)
    return ClaimPublic(
        id=claim_id,
        article_id=1,
        kind=kind,
        text=content_span.text,
        content=content_span,
        content_fragments=fragments or [content_span],
        cue=_span(text, cue) if cue else None,
        source_mention=_span(text, who) if who else None,
        source=SourceRef(id=source[0], name=source[1], type="person") if source else None,
        source_role=None,
        source_generic=False,
        said_on=date(2024, 9, 16),
        said_on_precision="day",
        said_on_text="on Monday",
        based_on=None,
        quantities=[],
        confidence=0.9,
        article=ArticleSummary(id=1, title=None, publisher=None, published_at=None, url=None),
    )


class _Tree(HTMLParser):
    """The text, what each claim's marks hold, and a check that every tag closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.marked: dict[str, str] = {}  # claim id -> the text inside its marks
        self.inside: dict[str, str] = {}  # "cue"/"who" -> the text inside those
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append((tag, dict(attrs)))
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for tag, attrs in self.stack:
            if tag == "mark":
                claim_id = str(attrs["data-claim-id"])
                self.marked[claim_id] = self.marked.get(claim_id, "") + data
            for role in ("cue", "who"):
                if role in (attrs.get("class") or "").split():
                    self.inside[role] = self.inside.get(role, "") + data


def _parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(str(markup))
    tree.close()
    assert tree.stack == []
    return tree


TEXT = (
    "Maria Lopez, spokesperson of the Port Authority, said on Monday that 40 ships waited.\n\n"
    '"The fog is lifting," she added, "and we reopen at noon."'
)


def test_mark_claims_keeps_the_text_and_sets_off_each_span() -> None:
    said = _claim(
        1, TEXT, "40 ships waited", cue="said", who="Maria Lopez", source=(3, "Maria Lopez")
    )
    first, second = _span(TEXT, "The fog is lifting,"), _span(TEXT, "and we reopen at noon.")
    whole = SpanPublic(start=first.start, end=second.end, text=TEXT[first.start : second.end])
    quote = _claim(
        2, TEXT, whole, cue="added", who="she", source=(3, "Maria Lopez"), fragments=[first, second]
    )
    tree = _parse(mark_claims(TEXT, [said, quote]))
    assert tree.text == TEXT  # every character, in order, nothing added
    assert tree.marked == {"1": "40 ships waited", "2": first.text + second.text}
    assert tree.inside == {"cue": "saidadded", "who": "Maria Lopezshe"}
    links = [a for tag, a in tree.elements if tag == "a"]
    assert [a["href"] for a in links] == ["/ui/sources/3", "/ui/sources/3"]
    marks = [a for tag, a in tree.elements if tag == "mark"]
    # the first piece of each claim is its anchor (#c7 from the claim list)
    assert [m.get("id") for m in marks] == ["c1", "c2", None]
    assert marks[0]["title"] == "Maria Lopez · indirect · said 2024-09-16"


def test_mark_claims_nests_a_claim_inside_another() -> None:
    text = "The mayor said that the chief said the bridge was safe."
    inner = _claim(2, text, "the bridge was safe", cue="said the", who="the chief")
    inner = inner.model_copy(update={"cue": _span(text, "said", text.index("chief"))})
    outer = _claim(1, text, "the chief said the bridge was safe", cue="said", who="The mayor")
    tree = _parse(mark_claims(text, [outer, inner]))
    assert tree.text == text
    assert tree.marked == {"1": "the chief said the bridge was safe", "2": "the bridge was safe"}
    # wherever claim 2 is marked, claim 1's mark is around it
    html_out = str(mark_claims(text, [outer, inner]))
    assert '<mark class="claim indirect" data-claim-id="1"' in html_out
    assert html_out.index('data-claim-id="1"') < html_out.index('data-claim-id="2"')


def test_mark_claims_overlapping_claims_stay_well_formed() -> None:
    text = "Alpha beta gamma delta epsilon."
    a = _claim(1, text, "Alpha beta gamma")
    b = _claim(2, text, "gamma delta epsilon")
    tree = _parse(mark_claims(text, [a, b]))  # _parse checks that tags close in order
    assert tree.text == text
    assert tree.marked == {"1": "Alpha beta gamma", "2": "gamma delta epsilon"}


def test_mark_claims_escapes_untrusted_text_and_names() -> None:
    text = 'Eve <script>alert(1)</script> said that "<b>x</b>" & y.'
    claim = _claim(
        1,
        text,
        '"<b>x</b>" & y',
        cue="said",
        who="Eve <script>alert(1)</script>",
        source=(9, 'Eve "><img src=x onerror=alert(2)>'),
    )
    out = str(mark_claims(text, [claim]))
    assert "<script>" not in out and "<b>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&amp; y" in out
    tree = _parse(out)
    assert tree.text == text
    assert [t for t, _ in tree.elements] == ["a", "span", "mark"]
    (a,) = [attrs for tag, attrs in tree.elements if tag == "a"]
    assert a["title"] == 'Eve "><img src=x onerror=alert(2)>'  # an attribute value, inert


def test_mark_claims_clips_spans_outside_the_text() -> None:
    text = "Short text."
    bad = _claim(1, text, SpanPublic(start=6, end=400, text="text."))
    tree = _parse(mark_claims(text, [bad]))
    assert tree.text == text
    assert tree.marked == {"1": "text."}
    assert _parse(mark_claims("", [])).text == ""


def test_weeks_fill_the_gaps_monday_first() -> None:
    days = [(date(2024, 9, 18), 2), (date(2024, 9, 16), 1), (date(2024, 10, 3), 4)]
    assert [(w.monday.isoformat(), w.count) for w in weeks(days)] == [
        ("2024-09-16", 3),
        ("2024-09-23", 0),
        ("2024-09-30", 4),
    ]
    assert weeks([]) == []


def test_weekly_chart_draws_one_bar_per_busy_week() -> None:
    svg = str(weekly_chart([(date(2024, 9, 16), 3), (date(2024, 9, 30), 6)]))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 2
    assert "<title>week of 2024-09-30: 6 claims</title>" in svg
    assert 'aria-label="9 claims over 3 weeks, at most 6 in a week"' in svg
    assert "<svg" not in str(weekly_chart([]))

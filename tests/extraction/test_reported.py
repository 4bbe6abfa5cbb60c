"""A statement a news medium reports gets a claim and a date of its own (reported.py)."""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction import AttributionKind, extract

pytestmark = pytest.mark.model

TUESDAY = date(2024, 9, 17)


def _claims(text: str, parser) -> set[tuple[str | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return {
        (
            a.source_mention.text if a.source_mention else None,
            a.cue.text if a.cue else None,
            a.said_on.date.isoformat() if a.said_on else None,
        )
        for a in extract(text, published_at=TUESDAY, parser=parser)
        if a.kind is not AttributionKind.EDITORIAL
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a medium's report around another source's speech act: both are claims
        (
            "Prosecutors on Friday requested a 10-year sentence for the former minister, "
            "news agencies reported.",
            {("news agencies", "reported", None), ("Prosecutors", "requested", "2024-09-13")},
        ),
        (
            "The prime minister said on Monday that the talks had failed, the state news "
            "agency reported.",
            {
                ("the state news agency", "reported", None),
                ("The prime minister", "said", "2024-09-16"),
            },
        ),
        (
            "The Daily Ledger reported Saturday that the governor told aides last week that "
            "he would not run again.",
            {
                ("The Daily Ledger", "reported", "2024-09-14"),
                ("the governor", "told", "2024-09-09"),
            },
        ),
        # no medium, or no source of its own: the report keeps what it reports
        (
            "Officials said Monday that the senator told them he would resign.",
            {("Officials", "said", "2024-09-16")},
        ),
        (
            "White House press secretary Jane Roe said Monday that the president told him "
            "he was angry.",
            {("White House press secretary Jane Roe", "said", "2024-09-16")},
        ),
        (
            "The newspaper reported that the plan was announced on Friday.",
            {("The newspaper", "reported", None)},
        ),
    ],
)
def test_statement_reported_by_a_medium_is_a_claim_of_its_own(
    parser, text: str, expected: set[tuple[str | None, str | None, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    assert _claims(text, parser) == expected


def test_reported_statement_keeps_the_report_whole(parser) -> None:  # type: ignore[no-untyped-def]
    text = "Prosecutors on Friday requested a 10-year sentence, news agencies reported."
    atts = extract(text, published_at=TUESDAY, parser=parser)
    report = next(a for a in atts if a.cue is not None and a.cue.text == "reported")
    inner = next(a for a in atts if a.cue is not None and a.cue.text == "requested")
    # the medium reported the whole statement; the inner claim is only what was requested
    assert report.text == "Prosecutors on Friday requested a 10-year sentence"
    assert inner.text == "a 10-year sentence"
    assert inner.reported_in is not None and inner.reported_in.text == "reported"
    assert report.reported_in is None
    assert inner.said_on is not None and inner.said_on.text == "on Friday"
    assert text[inner.said_on.span.start : inner.said_on.span.end] == "on Friday"  # type: ignore[union-attr]

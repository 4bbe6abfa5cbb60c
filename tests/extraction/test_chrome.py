"""Page chrome and headlines are not news."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.chrome import is_chrome, is_headline


@pytest.mark.parametrize(
    "paragraph",
    [
        "Leave a Comment",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Scroll to Top",
        "Back to top",
        "Read the rest here",
        "Read more",
        "Click here to subscribe to our newsletter.",
        "Follow us on Twitter and Facebook",
        "Share this article",
        "Facebook Twitter Email",
        "Sign up for our daily newsletter",
        "Subscribe",
        "We use cookies to improve your experience. By continuing you accept our use of cookies.",
        "Related: Storm season begins early",
        "Advertisement",
        "Story continues below advertisement",
        "https://example.com/news/2024/storm",
        "* * *",
        "",
        "   \n ",
        "© 2024 Example Media. All rights reserved.",
        "(AP Photo/Jane Doe)",
        "Photo: Example Images",
        "Image caption The bridge before the storm",
        "This story has been updated.",
        "Reporting by Jane Doe; Editing by John Roe",
        "Copyright 2024 Example Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
    ],
)
def test_is_chrome_detects_page_chrome(paragraph: str) -> None:
    assert is_chrome(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The regulator said users must be able to reject cookies easily.",
        "Popular support for the measure has fallen, the poll found.",
        "Share prices fell 3 percent on Monday.",
        "Register to vote today, the mayor urged residents.",
        "Comments by the minister drew criticism from the opposition.",
        "The army announced an expansion of its operation.",
        "Read the statement in full, the spokesman told reporters, and judge for yourself.",
        "Related talks are expected in Geneva next week.",
        "Reporting by the ministry was late, officials said.",
        "The photographer said the image was real.",
    ],
)
def test_is_chrome_keeps_news(paragraph: str) -> None:
    assert not is_chrome(paragraph)


@pytest.mark.parametrize(
    ("paragraph", "index", "title", "expected"),
    [
        ("Storm Season Starts Early Across the Coast", 0, None, True),
        ("Is the Ceasefire Over?", 0, None, True),
        (
            "storm season starts early, across the coast!",
            0,
            "Storm Season Starts Early Across the Coast",
            True,
        ),
        (
            "Storm Season Starts Early Across the Coast",
            1,
            "Storm Season Starts Early Across the Coast",
            True,
        ),
        ("Storm Season Starts Early Across the Coast", 1, None, False),
        ("The ministry said on Tuesday that talks would continue.", 0, None, False),
        ("\u201cWe will fight on,\u201d he said", 0, None, False),
        ("Storm season starts. Officials warn residents to prepare now", 0, None, False),
        ("A different opening line", 0, "Storm Season Starts Early Across the Coast", True),
        ("The ministry said on Tuesday that talks would continue.", 0, "Talks go on", False),
    ],
)
def test_is_headline(paragraph: str, index: int, title: str | None, expected: bool) -> None:
    assert is_headline(paragraph, index=index, title=title) is expected


@given(st.text(max_size=300), st.integers(min_value=0, max_value=5), st.none() | st.text())
@settings(max_examples=200, deadline=None)
def test_chrome_and_headline_never_fail(paragraph: str, index: int, title: str | None) -> None:
    assert is_chrome(paragraph) in (True, False)
    assert is_headline(paragraph, index=index, title=title) in (True, False)

"""Page chrome and headlines: paragraphs that are not the article's news.

Scraped articles keep bits of the page around them ("Leave a Comment", "Scroll to Top",
cookie and share prompts, "Read the rest here"). They are not claims. The patterns are
general and conservative: a paragraph is chrome only when all of it is such a prompt, so a
real sentence that happens to mention "comment" or "subscribe" stays news. The patterns
are data: ``app/extraction/lexicons/chrome_patterns.txt``, one regular expression a line.
"""

from __future__ import annotations

import re

from app.extraction.lexicon import load_lines

__all__ = ["is_chrome", "is_headline"]

# Each pattern must match the whole (normalised) paragraph.
_CHROME_PATTERNS = load_lines("chrome_patterns")
_CHROME = re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in _CHROME_PATTERNS) + r")$", re.I)
# A paragraph made only of links, emoji, separators: "» » »", "* * *", "|".
_NO_WORDS = re.compile(r"^[\W_]*$")
_SPACE = re.compile(r"\s+")
_STRIP = re.compile(r"^[\s*•·|»«›>\-–—:#]+|[\s*•·|»«›<\-–—:.!…]+$")


def is_chrome(paragraph: str) -> bool:
    """Whether the paragraph is page chrome rather than article text.

    True for prompts and widgets of the page around an article: "Leave a Comment", "Your
    email address will not be published. Required fields are marked *", "Scroll to Top",
    cookie notices, share/follow/subscribe/newsletter prompts, "Read the rest here",
    "Click here ...", "Related: ...", "Advertisement", bare URLs, and paragraphs with no
    word at all. Matches whole paragraphs only (after whitespace normalisation), so prose
    that merely mentions cookies or comments is kept.
    """
    text = _SPACE.sub(" ", paragraph).strip()
    if not text:
        return True
    if _NO_WORDS.match(text):
        return True
    if len(text) > 400:
        return False
    core = _STRIP.sub("", text)
    if not core:
        return True
    return bool(_CHROME.match(core) or _CHROME.match(text))


_WORD = re.compile(r"\w+")
_SPEECH_TAG = re.compile(r"[,”\"]\s*[”\"]?\s*(?:\w+\s+){0,3}(?:said|says|told|added|stated)\b")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)]*\s+[A-Z\"“]")


def is_headline(paragraph: str, *, index: int, title: str | None) -> bool:
    """Whether the paragraph is the article's headline, which is not a claim.

    True when the paragraph equals ``title`` (ignoring case, punctuation and whitespace),
    wherever it stands in the first few paragraphs; or, with or without a title, when it is
    the first paragraph (``index == 0``) and looks like a headline: a single short line with
    no sentence-final full stop and no sentence break inside ("Gaza Truce Efforts Continue
    Despite Setbacks").
    """
    words = _WORD.findall(paragraph.lower())
    if not words:
        return False
    if title is not None and index <= 2 and words == _WORD.findall(title.lower()):
        return True
    if index != 0:
        return False
    text = paragraph.strip()
    if "\n" in text or len(words) > 25 or len(text) > 200:
        return False
    if _SENTENCE_INSIDE.search(text):
        return False
    if text[0] in "\"“‘'" and text.rstrip()[-1] in "\"”’'":
        return False  # a quotation opening the article is a quote, not a headline
    if _SPEECH_TAG.search(text):
        return False  # '"We will fight on," he said' without its full stop
    return not text.rstrip("\"”’')]").endswith((".", ",", ";", ":"))

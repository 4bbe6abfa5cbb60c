"""Page chrome and headlines: paragraphs that are not the article's news.

Scraped articles keep bits of the page around them ("Leave a Comment", "Scroll to Top",
cookie and share prompts, "Read the rest here"). They are not claims. The patterns are
general and conservative: a paragraph is chrome only when all of it is such a prompt, so a
real sentence that happens to mention "comment" or "subscribe" stays news.
"""

from __future__ import annotations

import re

__all__ = ["is_chrome", "is_headline"]

_URL = r"(?:https?://|www\.)\S+"
# Each pattern must match the whole (normalised) paragraph.
_CHROME_PATTERNS = [
    rf"{_URL}",
    r"(?:leave|post|add|write|view|show|hide|load)\s+(?:a|your|the|all|more)?\s*(?:comments?|reply|replies|responses?)(?:\s+cancel\s+reply)?",  # noqa: E501
    r"\d*\s*(?:comments?|replies|responses)(?:\s*\(\d+\))?",
    r"(?:no|\d+)\s+comments?(?:\s+yet)?",
    r"(?:cancel\s+)?reply(?:\s+to\s+\S+)?",
    r"your\s+email\s+address\s+will\s+not\s+be\s+published.*",
    r"required\s+fields\s+are\s+marked.*",
    r"(?:scroll|back|go|return)\s+to\s+(?:the\s+)?top",
    r"(?:this\s+(?:web)?site|we)\s+uses?\s+cookies.*",
    r"(?:we|this\s+(?:web)?site|our\s+(?:web)?site|by\s+(?:continuing|using|clicking)|you\s+can|"
    r"please|to\s+(?:continue|improve)|accept|manage|allow)\b.{0,300}\bcookies?\b.{0,300}",
    r"(?:cookie|privacy)\s+(?:policy|settings|preferences|notice)",
    r"(?:share|tweet|pin|email|print)(?:\s+(?:this|on|via)\b.{0,60})?",
    r"share\s+(?:this\s+)?(?:article|story|post|page)(?:\s+on\s+.*|\s+via\s+.*)?",
    r"(?:share|follow)\s+(?:us\s+)?on\s+(?:facebook|twitter|x|linkedin|instagram|whatsapp|"
    r"telegram|youtube|tiktok|reddit|threads|bluesky|social\s+media)(?:[\s,]+(?:and|or|"
    r"facebook|twitter|x|linkedin|instagram|whatsapp|telegram|youtube|tiktok|reddit))*",
    r"(?:facebook|twitter|linkedin|whatsapp|email|reddit|telegram|print|copy\s+link)"
    r"(?:[\s,|/]+(?:facebook|twitter|linkedin|whatsapp|email|reddit|telegram|print|copy\s+link|x))*",
    r"(?:subscribe|sign\s+up|register|join)\b.{0,80}(?:newsletters?|updates|inbox|"
    r"notifications|our\s+(?:mailing\s+)?list|for\s+free)\W*",
    r"(?:subscribe|sign\s+up|log\s*in|sign\s+in|register)(?:\s+(?:now|here|today))?",
    r"(?:get|receive)\s+(?:our|the)\s+.{0,40}(?:newsletter|alerts?|updates)\b.{0,60}",
    r"read\s+(?:the\s+)?(?:rest|more|full\s+(?:story|article))(?:\s+(?:here|at\b.*|on\b.*))?",
    r"(?:continue|keep)\s+reading.{0,40}",
    r"click\s+here\b.{0,120}",
    r"(?:related|see\s+also|more\s+on\s+this|recommended|trending|most\s+read|popular|"
    r"read\s+next|also\s+read|you\s+may\s+also\s+like|more\s+stories)"
    r"(?:\s*:\s*.{0,120}|\s*(?:articles?|stories|posts|content|coverage|news)?)",
    r"(?:advertisement|sponsored(?:\s+content)?|ad|promoted|story\s+continues\s+below"
    r"(?:\s+(?:this\s+)?advertisement)?)",
    r"(?:skip|jump)\s+to\s+(?:main\s+)?(?:content|navigation)",
    r"(?:all\s+rights\s+reserved|copyright|©).{0,250}",
    r"\(?(?:(?:AP|AFP|Reuters|Getty|EPA|Bloomberg)\s+)?photos?(?:graph)?\s*(?:/|by\b|:).{0,80}",
    r"image\s+(?:copyright|caption|source)\b.{0,120}",
    r"(?:this\s+)?(?:story|article|post)\s+(?:has\s+been|was)\s+updated\b.{0,120}",
    r"(?:additional\s+)?(?:reporting|writing)\s+by\s+(?-i:[A-Z]).{0,200}",
    r"(?:editing|edited)\s+by\s+(?-i:[A-Z]).{0,120}",
    r"(?:previous|next)\s+(?:article|post|story)\b.{0,120}",
    r"(?:tags?|filed\s+under|categories|category)\s*:.{0,200}",
    r"(?:photo|image|video|credit|source)\s*:\s*\S.{0,80}",
    r"(?:watch|listen)\s*:?\s*(?:the\s+)?(?:video|podcast|live)\b.{0,80}",
    r"(?:this\s+)?(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:published|appeared)\s+"
    r"(?:on|in|at)\b.{0,120}",
    r"(?:updated|published|posted)\s*:?\s*[\w ,.:]{0,40}\d.{0,30}",
    r"(?:we\s+)?(?:value|respect)\s+your\s+privacy.{0,200}",
    r"(?:loading|please\s+wait)\W*",
    r"(?:menu|search|home|close|open|toggle\s+navigation|navigation)",
]
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

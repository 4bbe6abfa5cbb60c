"""Statements a news medium reports: "Prosecutors on Friday requested ..., news agencies
reported."

The extraction keeps the reporting attribution and leaves the ones reported inside its
content to it ("X said Y wants Z" is X's claim), as PolNeAR mostly does. One frame is an
exception: when the reporter is a news medium and what it reports is someone else's speech
act with a source of its own, that act is the news. It gets a claim of its own, with its own
source and its own date ("on Friday"), beside the medium's report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["reports_a_statement"]


def _lexicon(name: str) -> frozenset[str]:
    path = Path(__file__).with_name("lexicons") / name
    entries = (line.split("#", 1)[0].strip().lower() for line in path.open(encoding="utf-8"))
    return frozenset(e for e in entries if e)


_MEDIA = _lexicon("reporting_media.txt")
# The verbs of a medium's report: "reported", "said".
_REPORTING = frozenset({"report", "say"})
# Words that look like media words but, lower-cased, are common words of other sources.
_CAPITALISED_ONLY = frozenset(
    {"post", "times", "journal", "guardian", "observer", "daily", "press", "sky", "fox", "mehr"}
)


def reports_a_statement(
    doc: Any, frame: tuple[int, tuple[int, int]], inner: tuple[int, tuple[int, int]]
) -> bool:
    """Whether the attribution ``frame`` (cue head, source tokens) is a news medium
    reporting the speech act ``inner`` (cue head, source tokens) of someone else.

    Both are token indices of one parsed paragraph ``doc``. True for "..., news agencies
    reported", "..., the state news agency said", "The New York Times reported that Trump
    told aides ..."; False when the frame's source is no medium ("Officials said the
    senator told them ...") or the inner act has no source of its own. Only reports and
    sayings frame: "according to Reuters" and "the Times wrote" keep what they carry (on
    PolNeAR those inner acts are not annotated as claims of their own).
    """
    (frame_cue, frame_source), (inner_cue, inner_source) = frame, inner
    if doc[frame_cue].lemma_.lower() not in _REPORTING:
        return False
    if not is_media(doc[frame_source[0] : frame_source[1]]):
        return False
    lo, hi = inner_source
    if lo < frame_source[1] and frame_source[0] < hi:
        return False  # the same source: one act, not a report of another's
    return doc[inner_cue].pos_ in {"VERB", "AUX"}


def is_media(mention: Any) -> bool:
    """A source mention naming a news medium (a spaCy span): its head is a media word
    ("news agencies", "the state news agency", "The New York Times", "Reuters") or, in a
    name that is no person's, a capitalised word before the head is ("The Daily Beast").
    "White House press secretary Josh Earnest" and "a news anchor" are people."""
    root = mention.root
    if _media_word(root):
        return True
    if root.ent_type_ == "PERSON" or root.pos_ != "PROPN":
        return False
    return any(
        t.dep_ == "compound" and t.text[:1].isupper() and _media_word(t) for t in root.children
    )


def _media_word(token: Any) -> bool:
    low = token.lower_
    if low not in _MEDIA and token.lemma_.lower() not in _MEDIA:
        return False
    return low not in _CAPITALISED_ONLY or token.text[:1].isupper()

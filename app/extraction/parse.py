"""Loading the spaCy pipeline and parsing an article paragraph by paragraph.

This is the only module that imports spaCy. The rest of ``extraction`` works on the
:class:`ParsedText` it returns: one spaCy ``Doc`` per paragraph, each with the character
offset of its paragraph in the original text, so every token maps back to the text exactly
(``text[offset + token.idx : ...] == token.text``).

Paragraphs are split on blank lines before parsing: on raw articles the parser otherwise
builds "sentences" that run over paragraph breaks (NOTES.md, spaCy section).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.extraction.types import ExtractionConfig, ExtractionError

# A blank line: a line break, optional horizontal whitespace, another line break (CRLF, CR
# and Unicode line/paragraph separators included).
_NL = r"(?:\r\n|\r(?!\n)|\n|\u2028|\u2029)"
_BLANK_LINE = re.compile(_NL + r"[^\S\r\n\u2028\u2029]*" + _NL + r"\s*")
# Characters the tokenizer is best kept away from: C0/C1 controls other than tab/newline.
# They are replaced one-for-one by spaces, so offsets stay unchanged.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
# Inside an overlong paragraph: cut preferably after a sentence end, else at whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the text: ``text[start:end]``, parsed as ``doc``."""

    index: int
    start: int
    end: int
    doc: Any  # spacy.tokens.Doc; typed loosely so callers need not import spaCy


@dataclass(frozen=True, slots=True)
class ParsedText:
    text: str
    paragraphs: tuple[Paragraph, ...]


class Parser:
    """A loaded spaCy pipeline plus the paragraph splitting around it."""

    def __init__(self, nlp: Any, config: ExtractionConfig) -> None:
        self.nlp = nlp
        self.config = config
        self.model_name = f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}"
        # Paragraphs are cut to max_chunk_chars, so spaCy's own limit never triggers.
        self.nlp.max_length = max(self.nlp.max_length, config.max_chunk_chars + 1)

    def parse(self, text: str) -> ParsedText:
        """Split ``text`` into paragraphs and parse them (batched through ``nlp.pipe``)."""
        ranges = list(paragraph_ranges(text, max_chars=self.config.max_chunk_chars))
        cleaned = [_CONTROL.sub(" ", text[s:e]) for s, e in ranges]
        docs = self.nlp.pipe(cleaned, batch_size=64)
        paragraphs = tuple(
            Paragraph(i, s, e, doc)
            for i, ((s, e), doc) in enumerate(zip(ranges, docs, strict=True))
        )
        return ParsedText(text, paragraphs)


def paragraph_ranges(text: str, *, max_chars: int = 100_000) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, stripped of surrounding whitespace.

    Paragraphs are separated by blank lines; a paragraph longer than ``max_chars`` is cut
    into chunks after a sentence end (or at whitespace, or hard) so no chunk exceeds it.
    """
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        yield from _chunks(text, pos, m.start(), max_chars)
        pos = m.end()
    yield from _chunks(text, pos, len(text), max_chars)


def _chunks(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:
        limit = start + max_chars
        cut = None
        for m in _SENTENCE_END.finditer(text, start + max_chars // 2, limit):
            cut = m.end()
        if cut is None:
            ws = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
            cut = ws + 1 if ws > start else limit
        seg_end = cut
        while seg_end > start and text[seg_end - 1].isspace():
            seg_end -= 1
        if seg_end > start:
            yield start, seg_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def load_parser(config: ExtractionConfig) -> Parser:
    """Load the first spaCy pipeline of ``config.models`` that is installed.

    Raises :class:`ExtractionError` when none loads. Nothing is downloaded.
    """
    import spacy  # local import: only this module depends on spaCy

    errors = []
    for name in config.models:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:  # not installed / incompatible
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        return Parser(nlp, config)
    raise ExtractionError("no spaCy pipeline could be loaded (" + "; ".join(errors) + ")")


@lru_cache(maxsize=4)
def get_parser(config: ExtractionConfig = ExtractionConfig()) -> Parser:  # noqa: B008
    """The process-wide parser for ``config`` (loaded on first use, then reused)."""
    return load_parser(config)

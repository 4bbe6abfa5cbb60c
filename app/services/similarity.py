"""When two claims' contents say the same thing: normalised text, MinHash band keys, rapidfuzz.

Pure functions, no database. A claim's content is *normalised* (Unicode NFKC, case folded,
curly quotes and "n't" unified, punctuation dropped, one space between words); the same
normalised text is the same statement (``same_text``). Otherwise two contents are a close
rewrite when rapidfuzz's similarity (the better of ``ratio`` and ``token_sort_ratio`` on the
normalised texts, 0..100) reaches ``REWRITE_MIN``, both have at least ``REWRITE_MIN_WORDS``
words, and they agree on what a rewrite must not change: the numbers they give and whether
they deny ("not", "never", "no"). "killed 35,034 people" and "killed 41,252 people" are two
statements of a series, not one statement twice; "the talks will resume" and "the talks will
not resume" contradict each other.

Candidates are found without comparing every pair: the content's word set (minus a few
function words) gets a MinHash signature of ``BANDS * ROWS`` values, cut into ``BANDS``
bands of ``ROWS``; each band, with the claim's scope (its source), hashes to a 64-bit key.
Two claims are candidates when at least ``MIN_SHARED_BANDS`` of their keys are equal. For
word-set Jaccard similarity J that happens with probability
1 - (1-J^2)^12 - 12 J^2 (1-J^2)^11: 0.99 at J = 0.67 (a third of the words changed),
0.84 at J = 0.5, 0.08 at J = 0.2 and 0.006 at J = 0.1 (unrelated statements of one source).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from app.services.identity import lexicon

BANDS = 12
ROWS = 2
MIN_SHARED_BANDS = 2
REWRITE_MIN = 85.0
REWRITE_MIN_WORDS = 5

_PREFIX = 5
_MERSENNE = (1 << 61) - 1
# Fixed, arbitrary permutation parameters (a, b) of (a * x + b) mod p: the keys must stay
# the same across processes and releases, so they are constants, not random draws.
_PERMUTATIONS = tuple(
    (
        int.from_bytes(hashlib.blake2b(b"a%d" % i, digest_size=8).digest()) % _MERSENNE | 1,
        int.from_bytes(hashlib.blake2b(b"b%d" % i, digest_size=8).digest()) % _MERSENNE,
    )
    for i in range(BANDS * ROWS)
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_NOT = re.compile(r"n't\b")
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# word lists: app/services/lexicons/number_words.txt, negations.txt, minhash_stopwords.txt
_NUMBER_WORDS = lexicon("number_words")
_NEGATIONS = lexicon("negations")
_FUNCTION_WORDS = lexicon("minhash_stopwords")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What matching needs of one claim's content."""

    normalized: str
    text_hash: str  # 16 hex digits of the normalised text's BLAKE2b
    words: int
    numbers: tuple[str, ...]  # sorted, separators dropped ("41,252" -> "41252"), number words
    negated: bool


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_WORD.findall(_NOT.sub(" not", folded)))


def fingerprint(text: str) -> Fingerprint:
    normalized = normalize(text)
    words = normalized.split()
    numbers = tuple(
        sorted(
            [n.replace(",", "").replace(".", "") for n in _NUMBER.findall(text)]
            + [w for w in words if w in _NUMBER_WORDS]
        )
    )
    return Fingerprint(
        normalized=normalized,
        text_hash=hashlib.blake2b(normalized.encode(), digest_size=8).hexdigest(),
        words=len(words),
        numbers=numbers,
        negated=any(w in _NEGATIONS for w in words),
    )


@lru_cache(maxsize=8192)
def _word_values(word: str) -> tuple[int, ...]:
    """A word's value under each permutation (cached: news vocabulary repeats, and this is
    most of the CPU a claim's keys cost)."""
    h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest())
    return tuple((a * h + b) % _MERSENNE for a, b in _PERMUTATIONS)


def band_keys(fp: Fingerprint, *, scope: int) -> list[int]:
    """The claim's LSH keys within ``scope`` (signed 64-bit, as the database stores them).
    Scope 0 (no source, or the article's own voice) only ever needs the same text (to
    recognise a republished article): one key, of the normalised text."""
    if scope == 0:
        data = b"0:text:" + fp.text_hash.encode()
        return [int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), signed=True)]
    words = set(fp.normalized.split())
    # a word's first letters stand for the word: "floods" and "flooding" are one feature
    content = {w[:_PREFIX] for w in words - _FUNCTION_WORDS or words} or {""}
    signature = list(map(min, zip(*map(_word_values, content), strict=True)))
    keys = []
    for band in range(BANDS):
        values = signature[band * ROWS : (band + 1) * ROWS]
        data = b"%d:%d:" % (scope, band) + b",".join(b"%d" % v for v in values)
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), signed=True))
    return keys


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """rapidfuzz's similarity of the two normalised contents, 0..100."""
    if a.text_hash == b.text_hash:
        return 100.0
    return max(
        fuzz.ratio(a.normalized, b.normalized), fuzz.token_sort_ratio(a.normalized, b.normalized)
    )


def match(a: Fingerprint, b: Fingerprint) -> tuple[str, float] | None:
    """``("same_text", 100.0)``, ``("rewrite", score)`` or None (not the same statement)."""
    if a.text_hash == b.text_hash:
        return ("same_text", 100.0)
    if min(a.words, b.words) < REWRITE_MIN_WORDS:
        return None
    if a.numbers != b.numbers or a.negated != b.negated:
        return None
    score = similarity(a, b)
    return ("rewrite", round(score, 1)) if score >= REWRITE_MIN else None

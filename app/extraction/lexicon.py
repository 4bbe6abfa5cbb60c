"""Word lists as data: the lexicons in ``app/extraction/lexicons/``, loaded once.

Lexicons are data, rules are code (STYLE.md section 6): a rule names the list it uses, and
adding a word is a one-line change to a text file, not to the rule. Every list is read
once, at import of the module that uses it, into an immutable object; a lookup at run time
costs what a lookup in a literal ``frozenset`` costs.

File formats (UTF-8; a line whose first character is ``#`` is a comment, blank lines are
ignored; comments say where the list came from and what it is for):

``<name>.txt``
    One entry a line: a word or a phrase (single spaces inside a phrase). Read by
    :func:`load_words` into a ``frozenset``, or by :func:`load_lines` into a tuple that
    keeps the file's order (for lists whose order matters, such as patterns).
``<name>.tsv``
    One ``key<TAB>value`` pair a line (exactly one tab). Read by :func:`load_map` into a
    read-only ``{key: value}`` mapping in file order; the value is free text that the
    module using it interprets (for example a space-separated list of prepositions, or a
    class name).

The loader is strict: an entry with leading, trailing or doubled whitespace, a tab in a
word list, a comment after an entry (`` #``), a duplicate entry or key, or an empty key
stops the import with a :class:`LexiconError` naming the file and line, rather than
silently matching nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = [
    "LexiconError",
    "lexicon_names",
    "load_lines",
    "load_map",
    "load_words",
    "parse_lines",
    "parse_map",
]

_PACKAGE = "app.extraction"
_FOLDER = "lexicons"


class LexiconError(ValueError):
    """A lexicon file that breaks its format (names the file and the line)."""


def _entries(lines: Iterable[str], source: str) -> list[tuple[int, str]]:
    """The (line number, text) of each entry line: comments and blank lines dropped."""
    out = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        out.append((number, line))
    return out


def _check_entry(text: str, where: str) -> None:
    if text != text.strip() or "  " in text:
        raise LexiconError(f"{where}: stray whitespace in {text!r}")
    if "\t" in text:
        raise LexiconError(f"{where}: tab in {text!r}")
    if " #" in text:
        raise LexiconError(f"{where}: a comment goes on a line of its own, not after {text!r}")


def parse_lines(lines: Iterable[str], source: str = "<text>") -> tuple[str, ...]:
    """The entries of a word list in file order; duplicates and stray whitespace refused."""
    seen: set[str] = set()
    out: list[str] = []
    for number, line in _entries(lines, source):
        where = f"{source}:{number}"
        _check_entry(line, where)
        if line in seen:
            raise LexiconError(f"{where}: duplicate entry {line!r}")
        seen.add(line)
        out.append(line)
    return tuple(out)


def parse_map(lines: Iterable[str], source: str = "<text>") -> Mapping[str, str]:
    """The ``key<TAB>value`` pairs of a table in file order; duplicate keys refused."""
    out: dict[str, str] = {}
    for number, line in _entries(lines, source):
        where = f"{source}:{number}"
        if line.count("\t") != 1:
            raise LexiconError(f"{where}: expected key<TAB>value, got {line!r}")
        key, value = line.split("\t")
        if not key:
            raise LexiconError(f"{where}: empty key")
        _check_entry(key, where)
        if value:
            _check_entry(value, where)
        if key in out:
            raise LexiconError(f"{where}: duplicate key {key!r}")
        out[key] = value
    return MappingProxyType(out)


def _read(filename: str) -> tuple[list[str], str]:
    path = resources.files(_PACKAGE).joinpath(_FOLDER, filename)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon {filename!r} in {_PACKAGE}/{_FOLDER}") from None
    return text.splitlines(), f"{_FOLDER}/{filename}"


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/<name>.txt`` in file order."""
    return parse_lines(*_read(f"{name}.txt"))


@cache
def load_words(name: str) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt`` as a set: ``load_words("say_verbs")``."""
    return frozenset(load_lines(name))


@cache
def load_map(name: str) -> Mapping[str, str]:
    """The ``key<TAB>value`` pairs of ``lexicons/<name>.tsv`` (read-only, file order)."""
    return parse_map(*_read(f"{name}.tsv"))


def lexicon_names() -> list[str]:
    """The file names of every lexicon shipped with the package (for tests and tools)."""
    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".txt", ".tsv")))

"""The word lists in app/extraction/lexicons load, and their format is kept."""

from __future__ import annotations

from importlib import resources

import pytest

from app.extraction.lexicon import (
    LexiconError,
    lexicon_names,
    load_lines,
    load_map,
    load_words,
    parse_lines,
    parse_map,
)

NAMES = lexicon_names()
FOLDER = resources.files("app.extraction").joinpath("lexicons")


def _entry_lines(filename: str) -> list[str]:
    text = FOLDER.joinpath(filename).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def test_lexicons_are_shipped() -> None:
    assert "say_verbs.txt" in NAMES
    assert len(NAMES) >= 2


@pytest.mark.parametrize("filename", NAMES)
def test_lexicon_loads(filename: str) -> None:
    name, ext = filename.rsplit(".", 1)
    loaded = load_words(name) if ext == "txt" else load_map(name)
    assert len(loaded) == len(_entry_lines(filename)) > 0


@pytest.mark.parametrize("filename", NAMES)
def test_lexicon_has_no_duplicates(filename: str) -> None:
    keys = [ln.split("\t")[0] for ln in _entry_lines(filename)]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


@pytest.mark.parametrize("filename", NAMES)
def test_lexicon_has_no_stray_whitespace(filename: str) -> None:
    for line in _entry_lines(filename):
        for part in line.split("\t"):
            assert part == part.strip() and "  " not in part, repr(line)
        assert line.count("\t") == (1 if filename.endswith(".tsv") else 0), repr(line)


@pytest.mark.parametrize("filename", NAMES)
def test_lexicon_says_where_it_came_from(filename: str) -> None:
    text = FOLDER.joinpath(filename).read_text(encoding="utf-8")
    assert text.startswith("# "), "a lexicon opens with a comment on its origin and use"


def test_lexicon_load_is_cached() -> None:
    assert load_words("say_verbs") is load_words("say_verbs")
    assert "said" not in load_words("say_verbs") and "say" in load_words("say_verbs")


def test_lexicon_lines_keep_file_order() -> None:
    assert parse_lines(["# origin", "", "b", "a phrase", "c"]) == ("b", "a phrase", "c")
    assert load_lines("say_verbs")[0] == "say"


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (["say", "tell", "say"], "duplicate"),
        (["say "], "whitespace"),
        ([" say"], "whitespace"),
        (["secretary  of state"], "whitespace"),
        (["say\ttell"], "tab"),
        (["say # the commonest"], "comment"),
    ],
)
def test_lexicon_rejects_bad_word_list(lines: list[str], reason: str) -> None:
    with pytest.raises(LexiconError, match=reason):
        parse_lines(lines, "bad.txt")


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (["speak\tabout", "speak\tof"], "duplicate"),
        (["speak about"], "key<TAB>value"),
        (["speak\tabout\tof"], "key<TAB>value"),
        (["\tabout"], "empty key"),
        (["speak\tabout "], "whitespace"),
    ],
)
def test_lexicon_rejects_bad_table(lines: list[str], reason: str) -> None:
    with pytest.raises(LexiconError, match=reason):
        parse_map(lines, "bad.tsv")


def test_lexicon_map_keeps_pairs_in_order() -> None:
    table = parse_map(["# origin", "see\tas", "speak\tabout of"])
    assert list(table.items()) == [("see", "as"), ("speak", "about of")]


def test_lexicon_missing_file_is_an_error() -> None:
    with pytest.raises(LexiconError, match="no lexicon"):
        load_words("no_such_list")

"""The people an article names, and the words it uses to describe them.

Coreference needs more than the sources seen so far: "the Republican nominee" is whoever the
article elsewhere calls "Republican presidential nominee Donald Trump" or "Donald Trump, the
GOP nominee", even when that mention is not itself a source. :func:`people_of` reads every
PERSON entity of the article once and gathers, per full name, the title and apposition words
around each of its mentions (bare surnames count for the full name they stand for).
:func:`describes` then picks the person a definite description refers to.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.extraction.lexicon import load_words

if TYPE_CHECKING:
    from spacy.tokens import Token

MALE_NAMES = load_words("given_names_male") | load_words("given_names_male_extra")
FEMALE_NAMES = load_words("given_names_female") | load_words("given_names_female_extra")

# Spellings of one descriptor word: "GOP nominee" describes a Republican nominee.
_SAME_WORD = {"gop": "republican", "dem": "democratic", "democrat": "democratic", "u.s.": "us"}
_SKIP = frozenset({"the", "a", "an", "and", "of", "'s", "’s", "-", ",", "mr.", "mrs.", "ms."})
_NARROWING = ("vice", "deputy", "assistant", "associate", "lieutenant")
# "former", "retired": when someone held a role, not which role ("the former secretary of
# state" is not whoever the article calls a former president)
_TEMPORAL = frozenset({"former", "retired", "then", "ex", "onetime", "late", "outgoing"})
_STOP_LEFT = frozenset({"said", "says", "told", "by", "with", "to", "for", "that", "and", "or"})


def descriptor_word(tok: Token) -> str:
    low = tok.lower_
    return _SAME_WORD.get(low, low)


@dataclass(slots=True)
class Person:
    """One person of the article: full name, how often named, and describing words."""

    name: str
    mentions: int = 0
    first: int = 0  # character offset of the first mention
    words: Counter[str] = field(default_factory=Counter)


def people_of(docs: list[tuple[int, Any]]) -> dict[str, Person]:
    """Full name -> Person for the PERSON entities of ``docs`` ((offset, spaCy Doc) pairs in
    text order). Single-word names are counted for the one full name ending in them, or else
    beginning with them ("Hillary" for Hillary Clinton)."""
    people: dict[str, Person] = {}
    singles: list[tuple[str, int, list[str]]] = []
    for offset, doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            names = [t for t in ent if t.is_alpha or "-" in t.text or "." in t.text]
            names = [t for t in names if t.tag_ != "POS" and t.lower_ not in _SKIP]
            if not names:
                continue
            words = _around(ent)
            if len(names) == 1:
                singles.append((names[0].text, offset + ent.start_char, words))
                continue
            full = _full_name(ent.doc, names[0].i, names[-1].i)
            if " " not in full:  # "Mr. Holtz-Eakin": one hyphenated surname
                singles.append((full, offset + ent.start_char, words))
                continue
            person = people.setdefault(full, Person(full, first=offset + ent.start_char))
            person.mentions += 1
            person.words.update(words)
    by_last: dict[str, list[Person]] = {}
    for person in people.values():
        by_last.setdefault(person.name.split()[-1], []).append(person)
    by_first: dict[str, list[Person]] = {}
    for person in people.values():
        by_first.setdefault(person.name.split()[0], []).append(person)
    for single, _start, words in singles:
        # "Clinton" counts for the one Clinton named in full; "Hillary" for the one Hillary
        owners = by_last.get(single, [])
        if not owners and single.lower() in MALE_NAMES | FEMALE_NAMES:
            owners = by_first.get(single, [])
        if len(owners) == 1:
            owners[0].mentions += 1
            owners[0].words.update(words)
    return people


def _full_name(doc: Any, first: int, last: int) -> str:
    """First and last name with what binds them: particles ("Bill de Blasio") and hyphenated
    parts ("Ban Ki-moon"), not middle initials ("Donald J. Trump" is "Donald Trump")."""
    out = doc[first].text
    for i in range(first + 1, last + 1):
        tok, prev = doc[i], doc[i - 1]
        glued = not prev.whitespace_  # "Ki" "-" "moon"
        if i == last or glued or tok.is_lower or (i < last and not tok.whitespace_):
            out += ("" if glued else " ") + tok.text
    return out


def _around(ent: Any) -> list[str]:
    """Title words right before a name and the words of its apposition."""
    doc = ent.doc
    words: list[str] = []
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 6:
        tok = doc[i]
        if tok.is_punct or tok.lower_ in _STOP_LEFT or tok.pos_ in {"VERB", "AUX", "DET"}:
            break
        if tok.ent_type_ == "PERSON" or tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
            break
        words.append(descriptor_word(tok))
        i -= 1
    root = ent.root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from"} and child.i > root.i:
            # "Sen. Tom Baxter of Vermont": where the person is from describes them
            words.extend(descriptor_word(t) for t in child.subtree if t.ent_type_ == "GPE")
        if child.dep_ == "appos" and child.i > root.i:
            words.extend(
                descriptor_word(t)
                for t in child.subtree
                if not t.is_punct and t.lower_ not in _SKIP and t.i - child.i < 8
            )
    return [w for w in words if w not in _SKIP]


def describes(
    people: dict[str, Person],
    head: str,
    modifiers: list[str],
    *,
    before: int,
    gender: str | None = None,
) -> str | None:
    """The full name of the person that "the <modifiers> <head>" refers to: someone the
    article describes with ``head`` (a role or epithet: "nominee", "businessman"), and
    with the most of ``modifiers`` ("republican", "presidential"); ties go to the person
    named more often. Only people named before offset ``before`` count, and with a
    ``gender`` ("m" for "the businessman") no one whose given name is the other's."""
    if gender is not None:
        people = {k: p for k, p in people.items() if _given_name_gender(p.name) in (None, gender)}
    found = _best(people, head, modifiers, before)
    if found is None and any(m not in _TEMPORAL for m in modifiers):
        # "the GOP nominee" where the article never says "nominee" of anyone: the person
        # it describes with all the modifiers ("Republican Donald Trump")
        found = _best(people, None, modifiers, before)
    if found is None and head in _CANDIDACY:
        found = _protagonist(people, modifiers, before)
    return found


def _given_name_gender(name: str) -> str | None:
    first = name.split()[0].lower()
    male, female = first in MALE_NAMES, first in FEMALE_NAMES
    return "m" if male and not female else "f" if female and not male else None


# Epithets of the person a campaign story is about ("the nominee", "the businessman").
_CANDIDACY = frozenset(
    {"nominee", "candidate", "frontrunner", "front-runner", "businessman", "billionaire"}
)
_SIDES = frozenset({"republican", "democratic", "libertarian", "independent", "green"})


def _protagonist(people: dict[str, Person], modifiers: list[str], before: int) -> str | None:
    """ "the Republican presidential nominee" in a story about Donald Trump that never calls
    him so: the person named at least four times and twice as often as anyone else, unless
    the article gives that person another party than the description's."""
    ranked = sorted((p for p in people.values() if p.first < before), key=lambda p: -p.mentions)
    wanted = {m for m in modifiers if m in _SIDES}
    if wanted:
        # "the Republican nominee" where only the main figures carry party words: the most
        # named person the article calls Republican, if no one else of that side comes near
        sided = [p for p in ranked if p.words.keys() & wanted]
        if (
            sided
            and sided[0].mentions >= 4
            and (len(sided) == 1 or sided[0].mentions >= 2 * sided[1].mentions)
        ):
            return sided[0].name
    if not ranked or ranked[0].mentions < 4:
        return None
    if len(ranked) > 1 and ranked[0].mentions < 2 * ranked[1].mentions:
        return None
    top = ranked[0]
    has = {w for w in top.words if w in _SIDES}
    if wanted and has and not wanted & has:
        return None
    if wanted and any(p.words.keys() & wanted for p in ranked[1:]):
        return None  # someone else is the article's "Democratic" one
    return top.name


def _best(
    people: dict[str, Person], head: str | None, modifiers: list[str], before: int
) -> str | None:
    best: tuple[int, int, str] | None = None
    wanted = {m for m in modifiers if m in _SIDES}
    for person in people.values():
        if person.first >= before or (head is not None and person.words[head] == 0):
            continue
        if head is None and not all(person.words[m] for m in modifiers):
            continue
        if any(person.words[q] and q not in modifiers for q in _NARROWING):
            continue  # "the Republican nominee" is not the vice-presidential nominee
        sides = {w for w in person.words if w in _SIDES}
        if wanted and sides and not wanted & sides:
            continue  # "the Democratic nominee" is not the one the article calls Republican
        shared = sum(1 for m in modifiers if person.words[m] > 0)
        if modifiers and shared == 0:
            continue
        key = (shared, person.mentions, person.name)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


# "the International Monetary Fund (IMF)", "Office for National Statistics (ONS)"
_SPELLED = re.compile(
    r"((?:[A-Z][\w'’&-]*\s+)(?:(?:of|for|and|on|the|de|[A-Z][\w'’&-]*)\s+){0,8}[A-Z][\w'’&-]*)"
    r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)"
)
_MINOR = frozenset({"of", "for", "and", "on", "the", "de"})


def acronyms_in(text: str) -> dict[str, str]:
    """Acronym -> full name for every "Full Name (ACRONYM)" of ``text`` whose capitals
    spell the acronym ("Office for National Statistics (ONS)"; "ONS" → the office)."""
    found: dict[str, str] = {}
    for m in _SPELLED.finditer(text):
        words, acronym = m.group(1).split(), m.group(2)
        letters = acronym.upper()
        # the name is the shortest tail of the capitalised run whose initials spell it
        for start in range(len(words)):
            tail = words[start:]
            if initials(tail).upper() == letters and tail[0].lower() not in _MINOR:
                found.setdefault(acronym, " ".join(tail).replace("’", "'"))
                break
    return found


def initials(words: list[str]) -> str:
    """The first letters of a name's words, its small words left out: "Institute for Fiscal
    Studies" -> "IFS"."""
    return "".join(w[0] for w in words if w.lower() not in _MINOR)

"""Identity across articles: which stored source a name found in an article is.

Extraction resolves mentions inside one article ("Trump" -> "Donald Trump", "he" -> the
quoted speaker) and hands over a canonical name. This module decides whether that name is a
source the directory already holds, in these steps (``STRATEGIES``, first hit wins):

1. the same **key** (``name_key``: case, accents, apostrophes, dots, a possessive "'s", a
   leading "the" and honorifics do not count: "The U.S. State Department's" is "us state
   department", "Mr. Trump" is "trump");
2. a **learned alias** with that key: an acronym the text spelled out ("the Office for
   National Statistics (ONS)"), a name a person merged into another source or renamed;
3. for a person with a middle name or initial ("Donald J. Trump", "Hillary Rodham
   Clinton"), the source named by **first and last name** alone;
4. for a person, the one source whose first and last name (and suffix) are the same and
   whose middle parts agree ("Donald Trump" finds "Donald J. Trump"; "George Bush" finds
   neither "George W. Bush" nor "George H. W. Bush", being ambiguous between them).

Before those, a **national body** under another of its spellings ("the State Department",
"US State Department"; ``lexicons/national_bodies.txt``); after them, a body by its
**initials** ("IMF") and "<place>'s <body>" spelled the other way ("Gaza's Health
Ministry"). After an ingest, a bare surname that holds the same office, or the same post at
the same body ("Peskov, the Kremlin spokesman"), as exactly one full-name namesake becomes
that person (``consolidate_office_namesakes``).

An article-local description of a person ("the GOP presidential nominee", "the
president") that the article itself did not tie to a name becomes the one person the
article names who is known under that office or candidacy, of that party
(``described_person``, called by ingest).

What never merges: a bare surname with a full name ("Clinton" is its own source: the
extraction side resolves surnames within the article, and across articles a surname alone
could be anyone of that name), different first names ("Bill Clinton", "Hillary Clinton"),
different suffixes ("Donald Trump", "Donald Trump Jr."), and generic mentions ("officials",
"a spokesman"), which never become sources at all (see ``generic_key``).

To add a rule, write a function ``(session, name) -> int | None`` and put it in
``STRATEGIES``; word lists are the text files in ``lexicons/`` beside this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from anyascii import anyascii
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.db import utcnow
from app.extraction.lexicon import load_map
from app.extraction.types import SourceType
from app.models import Claim, Source, SourceAlias
from app.models.correction import not_corrected

LEXICONS = Path(__file__).resolve().parent / "lexicons"
KEY_LENGTH = 500


@cache
def lexicon(name: str) -> frozenset[str]:
    """One word or phrase a line of ``lexicons/<name>.txt``; ``#`` starts a comment."""
    lines = (LEXICONS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip().casefold()))


class AliasKind(StrEnum):
    """Why a source has an alias. Only learned aliases (not ``seen``) resolve names."""

    SEEN = "seen"  # a surface form a mention used ("Trump", "Mr. Miller")
    ACRONYM = "acronym"  # spelled out in a text: "the Office for National Statistics (ONS)"
    MERGED = "merged"  # the name of a source a person merged into this one
    RENAMED = "renamed"  # this source's name before a person renamed it


LEARNED = (AliasKind.ACRONYM, AliasKind.MERGED, AliasKind.RENAMED)

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u0060\u00b4\u2032]")
_POSSESSIVE = re.compile(r"(?<=\w)'s$", re.IGNORECASE)
_DOTS = re.compile(r"\.")
_COMMAS = re.compile(r",")
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    """NFKC, accents and other scripts folded to ASCII, one apostrophe, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = _APOSTROPHES.sub("'", text)
    folded = anyascii(text)
    text = folded if folded.strip() else text  # a name anyascii cannot spell keeps its own
    return _SPACES.sub(" ", text).strip()


def name_key(name: str) -> str:
    """The identity of a name, as stored in ``source.key`` and matched by ``?source=``.

    "Qatar’s Foreign Ministry" and "qatar's foreign ministry", "U.S. State Department" and
    "The US State Department", "Mr. Miller" and "Miller", "Trump's" and "Trump", "Succès"
    and "Succes" share one key; "Donald Trump Jr." keeps its suffix.
    """
    text = _POSSESSIVE.sub("", _fold(name))
    text = _APOSTROPHES.sub("", text)
    text = _SPACES.sub(" ", _COMMAS.sub(" ", _DOTS.sub("", text))).strip().casefold()
    words = text.split(" ")
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in lexicon("honorifics"):
        words = words[1:]
    return " ".join(words)[:KEY_LENGTH]


def generic_key(mention: str) -> str:
    """The key a generic mention is found by: ``name_key`` without an opening determiner
    ("the officials", "some officials" -> "officials"; "a spokesman" -> "spokesman")."""
    words = name_key(mention).split(" ")
    while len(words) > 1 and words[0] in lexicon("generic_determiners"):
        words = words[1:]
    return " ".join(words)


def generic_head(key: str) -> str:
    """The last word of a generic key: every key that ends with ``key``'s words has it."""
    return key.rsplit(" ", 1)[-1]


@dataclass(frozen=True, slots=True)
class Name:
    """A name as identity sees it. For people, ``match_key`` is first + last name + suffix
    ("donald trump" for "Donald J. Trump"); for everything else it equals ``key``."""

    text: str
    key: str
    match_key: str
    middles: tuple[str, ...] = ()
    person: bool = False


def analyse(name: str, *, type: str | SourceType) -> Name:
    """Split a person's key into first name, middle parts, family name and suffix."""
    key = name_key(name)
    words = key.split(" ")
    if str(type) != SourceType.PERSON or len(words) < 2:
        return Name(name, key, key)
    suffix: list[str] = []
    while len(words) > 2 and words[-1] in lexicon("name_suffixes"):
        suffix.insert(0, words.pop())
    last_start = len(words) - 1
    while last_start > 1 and words[last_start - 1] in lexicon("name_particles"):
        last_start -= 1
    first, middles, last = words[0], words[1:last_start], words[last_start:]
    match_key = " ".join([first, *last, *suffix])
    return Name(name, key, match_key, tuple(middles), person=True)


def middles_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two people's middle parts can be the same person's: initials agree with
    names ("J" ~ "John"), a missing middle agrees only with initials ("Donald Trump" ~
    "Donald J. Trump", but not ~ "Hillary Rodham Clinton": a full middle name could be a
    different person's). "W" and "H W" (two Presidents Bush) disagree."""
    if not a or not b:
        return all(len(m) == 1 for m in (a or b))
    return len(a) == len(b) and all(
        x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y) for x, y in zip(a, b, strict=True)
    )


def is_acronym_of(alias: str, name: str) -> bool:
    """Whether ``alias`` is the initials of ``name``: "ONS" of "Office for National
    Statistics", "UNRWA" of "United Nations Relief and Works Agency", "DoD" of
    "Department of Defense". Only short all-letter aliases written with capitals."""
    letters = _DOTS.sub("", alias.strip())
    if not (
        2 <= len(letters) <= 10 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2
    ):
        return False
    words = [w for w in re.split(r"[\s\-]+", name_key(name)) if w]
    if len(words) < 2:
        return False
    every = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in lexicon("acronym_stopwords"))
    return letters.casefold() in (every, content)


# --- looking names up in the directory ---------------------------------------------------

Strategy = Callable[[Session, Name], int | None]


_LIVE_ID = sa.func.coalesce(Source.merged_into_id, Source.id)


def _live(session: Session, source_id: int) -> int:
    """The source that answers for ``source_id``: itself, or the one it was merged into
    (merges keep one hop: merging into a merged source re-points every redirect)."""
    return session.execute(sa.select(_LIVE_ID).where(Source.id == source_id)).scalar_one()


def _by_key(session: Session, name: Name) -> int | None:
    return session.execute(sa.select(_LIVE_ID).where(Source.key == name.key)).scalar()


def _by_learned_alias(session: Session, name: Name) -> int | None:
    ids = session.execute(
        sa.select(SourceAlias.source_id)
        .where(SourceAlias.key == name.key, SourceAlias.kind.in_([str(k) for k in LEARNED]))
        .distinct()
        .limit(2)
    ).scalars()
    found = {_live(session, i) for i in ids}
    return found.pop() if len(found) == 1 else None  # an ambiguous acronym resolves nothing


def _by_first_and_last(session: Session, name: Name) -> int | None:
    if not name.person or not name.middles:
        return None
    return session.execute(sa.select(_LIVE_ID).where(Source.key == name.match_key)).scalar()


def _by_agreeing_middles(session: Session, name: Name) -> int | None:
    if not name.person:
        return None
    rows = session.execute(
        sa.select(Source.id, Source.name).where(
            Source.match_key == name.match_key,
            Source.type == str(SourceType.PERSON),
            Source.merged_into_id.is_(None),
            Source.key != name.key,
        )
    ).all()
    agreeing = {
        row.id
        for row in rows
        if middles_agree(analyse(row.name, type=SourceType.PERSON).middles, name.middles)
    }
    return agreeing.pop() if len(agreeing) == 1 else None


def _by_place_possessive(session: Session, name: Name) -> int | None:
    """ "Gaza's Health Ministry" is "Gaza Health Ministry" and the other way round: a body
    named by "<place>'s <body>" or "<place> <body>" (not for people: "Trump's" is cut as a
    possessive by ``name_key`` already)."""
    if name.person:
        return None
    variants = place_possessive_variants(name.text)
    if not variants:
        return None
    found = set(
        session.execute(sa.select(_LIVE_ID).where(Source.key.in_(variants)).limit(2)).scalars()
    )
    return found.pop() if len(found) == 1 else None


def place_possessive_variants(name: str) -> list[str]:
    """The keys of the other spellings of "<place>'s <body>" / "<place> <body>" (the body
    ends the name and its head is in ``lexicons/body_words.txt``)."""
    folded = _fold(name)
    m = _INNER_POSSESSIVE.match(folded)
    if m is not None:
        return [name_key(f"{m.group(1)} {m.group(2)}")]
    words = name_key(name).split(" ")
    if len(words) < 2 or words[-1] not in lexicon("body_words"):
        return []
    out = []
    for i in range(1, len(words)):
        if all(w in lexicon("body_words") for w in words[i:]):
            out.append(" ".join([*words[: i - 1], words[i - 1] + "s", *words[i:]]))
    return out


_INNER_POSSESSIVE = re.compile(r"^(?:the )?(.+?)'s (.+)$", re.IGNORECASE)
_IN_PLACE = re.compile(r"\b[Ii]n (?:the )?((?:[A-Z][\w-]+)(?: [A-Z][\w-]+)*)")


def is_bare_body(name: str) -> bool:
    """ "Health Ministry", "the interior ministry": a public body with no place in its name."""
    words = name_key(name).split(" ")
    return bool(words[0]) and all(w in lexicon("body_words") for w in words)


def place_of_description(mention: str, sentence: str) -> str | None:
    """The place a description of a place's body stands for, named in its sentence.

    "... at least 41,252 people in Gaza, according to the Hamas-run territory's health
    ministry": the mention owns the body by a place noun ("territory's", "country's") and
    the sentence names the place ("in Gaza", nearest before the mention, else the first
    after it). None when the mention has no such possessive or the sentence names no place.
    """
    words = [w.strip(".,;:") for w in _fold(mention).casefold().split(" ")]
    owners = [w[:-2] for w in words if w.endswith("'s")]
    if not any(o.split("-")[-1] in lexicon("place_nouns") for o in owners):
        return None
    at = sentence.find(mention)
    before = sentence[: at if at >= 0 else len(sentence)]
    after = sentence[at + len(mention) :] if at >= 0 else ""
    places = [p for p in _IN_PLACE.findall(before) if p.casefold() not in lexicon("calendar_words")]
    if places:
        return places[-1]
    places = [p for p in _IN_PLACE.findall(after) if p.casefold() not in lexicon("calendar_words")]
    return places[0] if places else None


def place_body_name(name: str, *, mention: str | None, sentence: str | None) -> str:
    """ "Gaza Health Ministry" for the body "Health Ministry" a mention ties to the place a
    sentence names (``place_of_description``); ``name`` unchanged otherwise."""
    if not mention or not sentence or not is_bare_body(name):
        return name
    place = place_of_description(mention, sentence)
    if place is None:
        return name
    body = " ".join(w if w[:1].isupper() else w.capitalize() for w in name.split(" "))
    return f"{place} {body}"


def _by_initials(session: Session, name: Name) -> int | None:
    """ "IMF" when the directory has one body whose initials spell it ("International
    Monetary Fund"), and the reverse: the full name finds the one acronym-named body. Only
    organisations, governments and media; an acronym two bodies share resolves nothing."""
    if name.person or not name.key:
        return None
    bodies = [str(t) for t in (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.MEDIA)]
    words = name.key.split(" ")
    written = _DOTS.sub("", name.text.strip())
    if len(words) == 1 and 3 <= len(written) <= 6 and written.isalpha() and written.isupper():
        rows = session.execute(
            sa.select(Source.id, Source.name).where(
                Source.type.in_(bodies),
                Source.merged_into_id.is_(None),
                Source.key.like(f"{words[0][0]}% %"),
            )
        ).all()
        hits = {r.id for r in rows if is_acronym_of(written, r.name)}
        return hits.pop() if len(hits) == 1 else None
    if len(words) < 3:
        return None  # "Associated Press" is not every "AP"
    initials = "".join(w[0] for w in words if w not in lexicon("acronym_stopwords"))
    rows = session.execute(
        sa.select(Source.id, Source.name).where(
            Source.type.in_(bodies),
            Source.merged_into_id.is_(None),
            Source.key.in_([initials, "".join(w[0] for w in words)]),
        )
    ).all()
    hits = {r.id for r in rows if is_acronym_of(r.name, name.text)}
    return hits.pop() if len(hits) == 1 else None


@cache
def _national_bodies() -> dict[str, frozenset[str]]:
    """Key -> the keys of every spelling of the same national body (``national_bodies``)."""
    out: dict[str, frozenset[str]] = {}
    for line in (LEXICONS / "national_bodies.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        keys = frozenset(name_key(k) for k in line.split("|"))
        for key in keys:
            out[key] = keys
    return out


def _by_national_body(session: Session, name: Name) -> int | None:
    """ "the State Department" is the "US State Department", "the Defense Department" the
    "Pentagon": the one live source under another spelling of that national body."""
    if name.person:
        return None
    spellings = _national_bodies().get(name.key)
    if not spellings:
        return None
    others = sorted(spellings - {name.key})
    found = set(
        session.execute(sa.select(_LIVE_ID).where(Source.key.in_(others)).limit(2)).scalars()
    )
    return found.pop() if len(found) == 1 else None


STRATEGIES: tuple[Strategy, ...] = (
    _by_key,
    _by_national_body,
    _by_place_possessive,
    _by_learned_alias,
    _by_first_and_last,
    _by_agreeing_middles,
    _by_initials,
)


def find_source(session: Session, name: Name) -> int | None:
    """The id of the live source ``name`` is, or None when the directory has none."""
    if not name.key:
        return None
    for strategy in STRATEGIES:
        found = strategy(session, name)
        if found is not None:
            return found
    return None


def _insert(dialect: str, table: Any) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def scoped_key(key: str, scope: str | None) -> str:
    """The key of an entity known only within one article ("the union" of article ``scope``):
    never equal to a directory-wide key, nor to another article's."""
    if not scope:
        return key
    suffix = f" #{scope}"
    return key[: KEY_LENGTH - len(suffix)] + suffix


def resolve_source(
    session: Session,
    dialect: str,
    *,
    name: str,
    type: str | SourceType,
    scope: str | None = None,
    role: str | None = None,
) -> int:
    """The source ``name`` is: found by ``find_source`` or created. Does not commit.

    With ``scope`` (an article's id for a description it does not tie to a name, such as
    "the union"), the source is that article's own: only the same key in the same scope
    finds it. A concurrent transaction creating the same key is absorbed (``ON CONFLICT DO
    NOTHING`` on the unique key, then read back)."""
    parsed = analyse(name, type=type)
    if scope:
        key = scoped_key(parsed.key, scope)
        parsed = Name(name, key, key)
    found = find_source(session, parsed)
    office = office_of(role) if str(type) == SourceType.PERSON and not scope else None
    if found is None and office is not None:
        found = _by_surname_and_office(session, parsed, office) or _adopt_surname_source(
            session, dialect, parsed, office
        )
    if found is not None:
        return found
    source_t = Source.__table__
    session.execute(
        _insert(dialect, source_t)
        .values(
            name=name.strip()[:500],
            key=parsed.key,
            match_key=parsed.match_key[:KEY_LENGTH],
            type=str(type),
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
    )
    created = _by_key(session, parsed)
    assert created is not None  # inserted now, or by the winner of a race
    return created


_NARROWING = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under"})


def office_of(role: str | None) -> str | None:
    """The office a role names, if one person holds it at a time: "president" of "US
    president", "vice president" of "Vice President"; None for "spokesperson"."""
    words = (role or "").casefold().replace("-", " ").split()
    if not words or words[-1] not in lexicon("offices"):
        return None
    if len(words) > 1 and words[-2] in _NARROWING:
        return f"{words[-2]} {words[-1]}"
    return words[-1]


def post_of(role: str | None) -> str | None:
    """The post a role names within its body: "spokesman", "spokeswoman" and
    "spokesperson" are one post; "chief economist" is "economist"."""
    words = (role or "").casefold().replace("-", " ").split()
    if not words:
        return None
    return "spokesperson" if words[-1].startswith("spokes") else words[-1]


def _namesakes_in_post(
    session: Session, surname: str, role: str | None, affiliation_id: int
) -> list[Any]:
    """The people with ``surname`` who hold the same post at the same body: two Kremlin
    spokesmen named Peskov are one man."""
    rows = session.execute(
        sa.select(Source.id, Source.key, Source.role).where(
            Source.type == str(SourceType.PERSON),
            Source.merged_into_id.is_(None),
            Source.affiliation_id == affiliation_id,
            sa.or_(Source.key == surname, Source.match_key.like(f"% {surname}")),
        )
    ).all()
    return [r for r in rows if post_of(r.role) == post_of(role)]


def _namesakes_in_office(session: Session, surname: str, office: str) -> list[Any]:
    rows = session.execute(
        sa.select(Source.id, Source.key, Source.role).where(
            Source.type == str(SourceType.PERSON),
            Source.merged_into_id.is_(None),
            sa.or_(Source.key == surname, Source.match_key.like(f"% {surname}")),
        )
    ).all()
    return [r for r in rows if office_of(r.role) == office]


def _by_surname_and_office(session: Session, name: Name, office: str) -> int | None:
    """ "President Obama" in an article that never gives his first name: the one person of
    the directory with that family name who holds that office. A bare surname without an
    office, or an office two namesakes hold, stays its own source."""
    if " " in name.key:
        return None
    rows = [r for r in _namesakes_in_office(session, name.key, office) if " " in r.key]
    return rows[0].id if len(rows) == 1 else None


def _adopt_surname_source(session: Session, dialect: str, name: Name, office: str) -> int | None:
    """ "Barack Obama", president, when the directory so far knows only "Obama", president:
    that source learns the full name (its old name stays an alias)."""
    if not name.person or name.middles:
        return None
    surname = name.key.split(" ")[-1]
    rows = _namesakes_in_office(session, surname, office)
    if len(rows) != 1 or rows[0].key != surname:
        return None
    source_id = int(rows[0].id)
    old = session.execute(sa.select(Source.name).where(Source.id == source_id)).scalar_one()
    session.execute(
        sa.update(Source)
        .where(Source.id == source_id, Source.key == surname)
        .values(name=name.text.strip()[:500], key=name.key, match_key=name.match_key)
    )
    add_alias(session, dialect, source_id=source_id, alias=old, kind=AliasKind.SEEN)
    return source_id


def consolidate_office_namesakes(
    session: Session, dialect: str, source_ids: Sequence[int]
) -> dict[int, int]:
    """Order-independent surname identity: once a bare surname source ("Obama") and one
    full-name namesake ("Barack Obama") hold the same office ("president"), they are one
    person, whichever article came first. Runs after an ingest's roles are stored, on the
    sources it touched. Returns {absorbed id: the id that answers for it}. Two full-name
    namesakes in the office (two Presidents Bush) or no office keep them apart."""
    moved: dict[int, int] = {}
    rows = session.execute(
        sa.select(Source.id, Source.key, Source.role, Source.affiliation_id).where(
            Source.id.in_(sorted(set(source_ids))),
            Source.type == str(SourceType.PERSON),
            Source.merged_into_id.is_(None),
        )
    ).all()
    for row in rows:
        office = office_of(row.role)
        if row.id in moved:
            continue
        surname = row.key.split(" ")[-1]
        if office is not None:
            namesakes = _namesakes_in_office(session, surname, office)
        elif post_of(row.role) is not None and row.affiliation_id is not None:
            # "Peskov, the Kremlin spokesman" and "Kremlin spokesman Dmitry Peskov"
            namesakes = _namesakes_in_post(session, surname, row.role, row.affiliation_id)
        else:
            continue
        full = [r for r in namesakes if " " in r.key]
        bare = [r for r in namesakes if r.key == surname and r.id not in moved]
        if len(full) != 1 or not bare:
            continue
        target = int(full[0].id)
        for old in bare:
            if _lock_live(session, [int(old.id), target]):
                absorb(session, dialect, old_id=int(old.id), target=target)
                moved[int(old.id)] = target
    return moved


def _lock_live(session: Session, ids: list[int]) -> bool:
    """Lock the rows of ``ids`` (id order: no deadlock between two writers; SQLite's writer
    lock already serialises) and say whether all are still live, unmerged sources."""
    rows = session.execute(
        sa.select(Source.id, Source.merged_into_id)
        .where(Source.id.in_(sorted(set(ids))))
        .order_by(Source.id)
        .with_for_update()
    ).all()
    return len(rows) == len(set(ids)) and all(r.merged_into_id is None for r in rows)


def absorb(session: Session, dialect: str, *, old_id: int, target: int) -> None:
    """Make ``target`` answer for ``old_id``: its claims, aliases (its name becomes a
    learned alias), what the target lacks (type, role, affiliation), and every source that
    was merged into it or spoke for it. The caller holds both rows (locks them on
    PostgreSQL) and records why."""
    old = session.execute(sa.select(Source.__table__).where(Source.id == old_id)).one()
    source_t, alias_t = Source.__table__, SourceAlias.__table__
    claim_t = Claim.__table__
    session.execute(
        sa.update(claim_t).where(claim_t.c.source_id == old_id).values(source_id=target)
    )
    aliases = session.execute(
        sa.select(alias_t.c.alias, alias_t.c.kind).where(alias_t.c.source_id == old_id)
    ).all()
    session.execute(sa.delete(alias_t).where(alias_t.c.source_id == old_id))
    for alias, kind in aliases:
        add_alias(session, dialect, source_id=target, alias=alias, kind=AliasKind(kind))
    add_alias(session, dialect, source_id=target, alias=old.name, kind=AliasKind.MERGED)
    _fill_from(session, old=old, target=target)
    for column in (source_t.c.merged_into_id, source_t.c.affiliation_id):
        session.execute(sa.update(source_t).where(column == old_id).values({column.name: target}))
    session.execute(  # a source that spoke for the merged one and is now the target
        sa.update(source_t)
        .where(source_t.c.id == target, source_t.c.affiliation_id == target)
        .values(affiliation_id=None)
    )
    session.execute(
        sa.update(source_t).where(source_t.c.id == old_id).values(merged_into_id=target)
    )


def _fill_from(session: Session, *, old: Any, target: int) -> None:
    """What the target lacks and the merged source knew: type, role, affiliation."""
    source_t = Source.__table__
    where = source_t.c.id == target
    if old.type != "unknown":
        session.execute(
            sa.update(source_t)
            .where(where, source_t.c.type == "unknown", not_corrected("type"))
            .values(type=old.type)
        )
    if old.role is not None:
        session.execute(
            sa.update(source_t)
            .where(where, source_t.c.role.is_(None), not_corrected("role"))
            .values(role=old.role, role_on=old.role_on)
        )
    if old.affiliation_id is not None and old.affiliation_id != target:
        session.execute(
            sa.update(source_t)
            .where(where, source_t.c.affiliation_id.is_(None), not_corrected("affiliation_id"))
            .values(affiliation_id=old.affiliation_id)
        )


def add_alias(
    session: Session, dialect: str, *, source_id: int, alias: str, kind: AliasKind
) -> None:
    """Record that ``source_id`` goes by ``alias``; a learned kind upgrades a seen one."""
    alias = alias.strip()[:500]
    key = name_key(alias)
    if not key:
        return
    alias_t = SourceAlias.__table__
    stmt = _insert(dialect, alias_t).values(
        source_id=source_id, alias=alias, key=key, kind=str(kind)
    )
    if kind == AliasKind.SEEN:
        session.execute(stmt.on_conflict_do_nothing())
    else:
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["source_id", "alias"], set_={"kind": str(kind)}
            )
        )


def described_person(
    session: Session,
    *,
    role: str | None,
    description: str,
    people: dict[int, str | None],
    text: str = "",
) -> int | None:
    """The person an article-local description ("the GOP presidential nominee", "the
    president") is, when the article does not tie it to a name itself: the one person the
    article names who is known under that role (in this article or earlier ones) and, when
    the description names a party (the extraction's ``source_parties`` lexicon: "GOP" is the
    Republican Party), is affiliated with it. The people named are the article's own sources
    (``people``: id -> the role the article gives them) and the directory's holders of the
    role whose full name the ``text`` gives. Roles many people hold at once ("the
    spokesman") never match: only offices and candidacies do, and all candidacies are one
    ("nominee", "candidate")."""
    words = (role or "").casefold().replace("-", " ").split()
    if not words:
        return None
    candidacies = lexicon("candidacies")
    heads = candidacies if words[-1] in candidacies else {words[-1]}
    if not heads <= lexicon("offices") | candidacies:
        return None
    parties = _party_names()
    party = next((parties[w] for w in _fold(description).casefold().split() if w in parties), None)
    own = {pid: {r.casefold().split()[-1]} if r else set() for pid, r in people.items()}
    found = _holders(session, own, heads, party)
    if found:  # the article's own sources first; else the holders it names in passing
        return found[0] if len(found) == 1 else None
    named = {
        pid: {current.casefold().split()[-1]}
        for pid, name, current in _role_holders(session, heads)
        if " " in name.strip() and name in text
    }
    found = _holders(session, named, heads, party)
    return found[0] if len(found) == 1 else None


@cache
def _party_names() -> dict[str, str]:
    """Party word -> the party's name, case-folded: "gop" -> "republican party"."""
    return {word: party.casefold() for word, party in load_map("source_parties").items()}


def _holders(
    session: Session, known: dict[int, set[str]], heads: set[str], party: str | None
) -> list[int]:
    """The people of ``known`` (id -> role heads seen) known under one of ``heads`` in any
    article, and affiliated with ``party`` when given."""
    if not known:
        return []
    rows = session.execute(
        sa.select(Claim.source_id, Claim.source_role)
        .where(Claim.source_id.in_(sorted(known)), Claim.source_role.is_not(None))
        .distinct()
    ).all()
    for row in rows:
        known[row.source_id].add(row.source_role.casefold().split()[-1])
    holders = [pid for pid, seen in known.items() if seen & heads]
    if party is not None and holders:
        affiliation = Source.__table__.alias("affiliation")
        rows = session.execute(
            sa.select(Source.id, affiliation.c.name)
            .join(affiliation, affiliation.c.id == Source.affiliation_id)
            .where(Source.id.in_(holders))
        ).all()
        holders = [r.id for r in rows if r.name.casefold() == party]
    return holders


def _role_holders(session: Session, heads: set[str]) -> list[Any]:
    """Live people of the directory whose current role ends with one of ``heads``."""
    role = sa.func.lower(Source.role)
    wanted = [sa.or_(role == h, role.like(f"% {h}")) for h in sorted(heads)]
    return list(
        session.execute(
            sa.select(Source.id, Source.name, Source.role).where(
                Source.type == str(SourceType.PERSON),
                Source.merged_into_id.is_(None),
                Source.role.is_not(None),
                sa.or_(*wanted),
            )
        ).all()
    )


def update_role(session: Session, *, source_id: int, role: str, said_on: date | None) -> None:
    """Make ``role`` the source's role if it is at least as recent as the one it has (a role
    with a date beats one without; an undated role only fills an empty one), unless a person
    corrected the role."""
    source_t = Source.__table__
    where = [source_t.c.id == source_id, not_corrected("role")]
    if said_on is None:
        where.append(source_t.c.role.is_(None))
    else:
        where.append(
            sa.or_(
                source_t.c.role.is_(None),
                source_t.c.role_on.is_(None),
                source_t.c.role_on <= said_on,
            )
        )
    session.execute(sa.update(source_t).where(*where).values(role=role[:300], role_on=said_on))

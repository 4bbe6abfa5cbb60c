"""In-article coreference: which entity of the article each source mention refers to.

A :class:`SourceResolver` is built once per article (with the article's parsed paragraphs)
and fed the article's source mentions in text order. Names are analysed by
:mod:`app.extraction.mentions`; references back are resolved here:

* pronouns (he, she, it, they, his, her, who, which) → the most recent compatible entity,
  preferring the last speaker, then the last clause subject, of the pronoun's gender
  (gender from titles, role words, given names);
* bare surnames and "Mr. X" → the full name given in the article (the namesake named more
  often when two share it: Ted, not Rafael, Cruz); never a famous namesake elsewhere;
* definite descriptions → the person the article describes so elsewhere ("the Republican
  nominee" for "Republican nominee Donald Trump", :mod:`app.extraction.people`), or the
  body whose name has the word ("the ministry");
* acronyms the article spells out ("the International Monetary Fund (IMF)").

No coreference package works offline here: this is rules over the parse and lexicons.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from app.extraction.contents import find_quotes
from app.extraction.lexicon import load_map, load_words
from app.extraction.mentions import (
    _APOSTROPHES,
    _CAPITALS,
    _DEMONYMS,
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _EPITHETS,
    _FEMALE,
    _FEMALE_NAMES,
    _GENDERED_ROLES,
    _GOV_WORDS,
    _HONORIFICS,
    _MALE,
    _MALE_NAMES,
    _MEDIA_WORDS,
    _NAME_PARTICLES,
    _NOT_GIVEN_NAMES,
    _POSSESSIVE_PRONOUNS,
    _PRONOUNS,
    _ROLE_WORDS,
    _TEMPORAL_MODIFIERS,
    _TITLE_ABBREVIATIONS,
    _analyse,
    _based_on,
    _conjuncts,
    _content_tokens,
    _could_be_surname,
    _cut_clauses,
    _document_author,
    _extend_titles,
    _head,
    _is_human_noun,
    _not_a_speaker,
    _surface,
    campaign_of_person,
)
from app.extraction.people import (
    Person,
    acronyms_in,
    describes,
    descriptor_word,
    initials,
    people_of,
)
from app.extraction.types import Attribution, ResolvedSource, SourceType, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["ResolvedMention", "SourceResolver"]


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A resolved source mention.

    ``based_on`` is the further source the mention itself cites ("official Israeli figures"
    in "an AFP tally based on official Israeli figures"), as character offsets into the
    mention's *doc* (``Span.start == spacy_span.start_char``): the caller adds the doc's
    offset in the article.
    """

    source: ResolvedSource
    based_on: Span | None = None


# "First Last" pairs, overlapping ("Donald John Trump" gives both pairs)
_GIVEN_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+) $")
_GIVEN_NAMES = _MALE_NAMES | _FEMALE_NAMES
_NAME_PAIR = re.compile(
    r"(?=(?<![\w.])([A-Z][a-z][\w'’-]*)\s+(?:([A-Z])\.\s+)?([A-Z][\w'’-]*[\w])\b)"
)


_FULL_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z][\w'’-]*)")


_HISTORY_WINDOW = 300
_POSSESSIVE_END = re.compile(r"['’]s$")
_AGE = re.compile(r",\s*\d{1,3}$")
_MARKUP_EDGES = re.compile(r"^[^\w(]+|[^\w.)]+$")
_NARROWING_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under"})


_ACRONYM_WORD = re.compile(r"(?:[A-Z]\.?){2,6}")


_SUBJECT_WINDOW = 6


_SPEAKER_WINDOW = 2


_ADDRESSEE = frozenset({"you", "your", "yourself", "yourselves", "y'all"})


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


# A definite document ("the statement") looks back this many paragraphs / documents.
_DOCUMENT_REACH = 3
_POLL_WORDS = frozenset({"poll", "survey", "polls", "surveys"})
_ISSUING = frozenset(
    {
        "issue",
        "release",
        "publish",
        "put",
        "air",
        "run",
        "launch",
        "unveil",
        "post",
        "send",
        "write",
    }
)


_ROLE_NOUN_ALIASES = {"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes"}
_TITLE_VARIANTS = {k: tuple(v.split("|")) for k, v in load_map("source_title_variants").items()}
_UNNAMED_ROLES = load_words("source_unnamed_roles")
_NOT_PLACES = frozenset({"former", "local", "city", "county", "state", "federal", "country"})
_PLACE_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
_POLICE_FORCE = re.compile(
    rf"(?<![\w-])({_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}}) (?:police|Police)(?: [Dd]epartment)?\b"
)
_SPOUSES = {
    spouse: gender
    for gender, words in (
        (_FEMALE, ("wife", "ex-wife", "widow")),
        (_MALE, ("husband", "ex-husband")),
    )
    for spouse in words
}
_ROLE_SYNONYMS = {
    word: group for group in (frozenset({"lawyer", "attorney", "counsel"}),) for word in group
}
_RULING_NOUNS = frozenset({"government", "regime"})
_PLAIN_PERSON_NOUNS = frozenset({"woman", "man", "girl", "boy", "lady"})
_SAME_OFFICE = {"judge": "justice", "justice": "judge"}
_BODY_TYPES = frozenset(
    {SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.MEDIA, SourceType.GROUP}
)


@dataclass(frozen=True, slots=True)
class _Entry:
    source: ResolvedSource
    gender: str | None
    plural: bool
    subject: bool = False  # a speaker, or the subject of its clause: the likeliest "he"
    speaker: bool = False  # the source of an attribution
    quoted: bool = False  # named inside quotation marks (in someone's words)
    at: int = -1  # where the article names it (for names found by scanning the text)
    main: bool = False  # the subject of a sentence's main clause, found by scanning the text


class SourceResolver:
    """Resolves the source mentions of one article, in text order.

    Build one per article (``SourceResolver(text)``) and call :meth:`resolve` with each
    source mention (a spaCy Span of the full noun phrase) in text order: pronouns and
    descriptions resolve to the most recent compatible source seen so far, including
    people and organisations named earlier in the mentions' paragraphs.
    """

    def __init__(self, text: str, docs: list[tuple[int, Any]] | None = None) -> None:
        self.text = text
        self._docs = docs or []  # (offset, paragraph doc): the whole article, for people_of
        self._people: dict[str, Person] | None = None
        self._namesake_genders: dict[str, str | None] = {}
        self._acronyms: dict[str, str] | None = None
        self._surname_genders: dict[str, str] | None = None
        self._history: list[_Entry] = []
        self._scanned: dict[int, int] = {}  # id(doc) -> token index scanned up to
        self._offsets: dict[int, int | None] = {}  # id(doc) -> its offset in the text
        # id(doc) -> PERSON/ORG names and subject descriptions: (start, end, is a name)
        self._doc_ents: dict[int, list[tuple[int, int, bool]]] = {}
        self._cursor = 0
        self._names: list[tuple[int, str, str]] | None = None  # given-name full names
        # surname -> (start, "First Last", "First"), built on first use
        self._full_names: dict[str, list[tuple[int, str, str]]] | None = None
        self._writers: list[tuple[int, int, str, bool]] | None = None
        self._quotes: list[tuple[int, int]] | None = None  # the article's quotations
        self._chain_genders: dict[str, str] | None = None  # surname -> gender of its pronouns

    def resolve(self, mention: SpacySpan) -> ResolvedMention | None:
        """The source behind ``mention``, or None (an unresolvable pronoun, no words).

        Example: after "Qatar's Foreign Ministry spokesperson, Majed al-Ansari, declined to
        comment", the mention "he" resolves to Majed al-Ansari (person, spokesperson), with
        alias "Majed al-Ansari".
        """
        tokens = _content_tokens(mention)
        if not tokens:
            return None
        if len(tokens) == 1 and tokens[0].lower_ in _ADDRESSEE:
            return None  # "you" is the reader or the interviewer, never a source we know
        if len(tokens) == 1 and tokens[0].lower_ in _RELATIVE_PRONOUNS and not _acronym(tokens[0]):
            # "..., who said ...": the noun the relative clause hangs on
            antecedent_np = _relative_antecedent_np(tokens[0])
            return self.resolve(antecedent_np) if antecedent_np is not None else None
        self._scan_before(mention)
        based_on = _based_on(mention)
        if based_on is not None:
            cut = based_on[0]
            tokens = [t for t in tokens if t.i < cut]
        based_span = None
        if based_on is not None:
            doc = mention.doc
            sub = doc[based_on[1] : based_on[2]]
            based_span = Span(sub.start_char, sub.end_char, sub.text)
        tokens = _cut_clauses(tokens)
        if not tokens:
            return None
        swallowed = self._person_in_misparse(tokens)
        if swallowed is not None:
            return self.resolve(swallowed)
        whole = _whole_hyphenated(tokens, mention)
        if whole is not None:
            return self.resolve(whole)
        conjuncts = _conjuncts(tokens)
        if len(conjuncts) > 1:
            one = self._one_described_twice(tokens, conjuncts, mention)
            if one is not None:
                self._touch(one, subject=True, speaker=True)
                return ResolvedMention(one, based_span)
            return self._resolve_coordination(tokens, conjuncts, mention, based_span)
        if len(tokens) > 1 and tokens[0].lower_ in {"my", "our"}:
            # "my mother" is someone of this text's writer: one source within the article
            mine = _analyse(tokens[1:], tokens[1:])
            if mine is not None and not mine[2]:
                own = replace(mine[0], name=_surface(tokens), local=True, generic=False)
                # a speaker like any other: '"...," my father often said. He also told ...'
                self._history.append(_Entry(own, mine[1], False, subject=True, speaker=True))
                return ResolvedMention(own, based_span)
        if len(tokens) > 1 and tokens[0].lower_ in _POSSESSIVE_PRONOUNS:
            owned = self._resolve_owned(tokens, mention)
            if owned is not None:
                return ResolvedMention(owned, based_span)
        # coreference first: pronouns, descriptions, surnames
        antecedent = self._antecedent(tokens, mention)
        if antecedent is not None:
            self._touch(antecedent, subject=True, speaker=True)
            return ResolvedMention(antecedent, based_span)
        if len(tokens) == 1 and _pronoun(tokens[0]):
            return None
        spelled = self._spelled_out(tokens)
        if spelled is not None:
            return ResolvedMention(spelled, based_span)
        force = self._police_force(tokens)
        if force is not None:
            self._history.append(_Entry(force, None, True))
            return ResolvedMention(force, based_span)
        if _not_a_speaker(tokens):
            return None
        analysed = _analyse(tokens, mention)
        if analysed is None:
            return None
        source, gender, plural = analysed
        if _bare_title(tokens, source):
            # "Senator from Texas says ..." (a headline's style for "the senator from Texas"):
            # someone of this article, not a source named "Texas Senator" in every article
            source = replace(source, local=True)
        held = self._owned_role_holder(source)
        if held is not None:
            self._history.append(_Entry(held, gender, False, subject=True, speaker=True))
            return ResolvedMention(replace(held, alias=_surface(tokens)), based_span)
        source = self._campaign_team(source)
        trimmed = _MARKUP_EDGES.sub("", source.name.rsplit(">", 1)[-1])
        trimmed = _AGE.sub("", trimmed)  # "Schiff, 56, who has served ...": Schiff
        if trimmed and trimmed != source.name:  # '">Sanders' of a tweet's markup: Sanders
            source = replace(source, name=trimmed)
        if source.type in _BODY_TYPES and " " not in source.name and not source.generic:
            # "a Times article" after "The New York Times": the body named in full before
            fuller_body = self._find(
                lambda e: (
                    e.source.type in _BODY_TYPES
                    and not e.source.generic
                    and " and " not in e.source.name
                    and _name_ends_with(e.source, source.name.lower())
                )
            )
            if fuller_body is not None:
                source = replace(fuller_body.source, alias=source.alias)
        if (
            source.type in _BODY_TYPES
            and " " not in source.name
            and source.name.istitle()
            and self._namesakes_of(source.name)
        ):
            # "Schiff, 56, who ..." typed an organisation by the NER: the article's Adam Schiff
            source = replace(source, type=SourceType.PERSON)
        if source.type in _BODY_TYPES and self._named_person(source.name):
            # "Ivanka Trump acknowledged", an organisation to the NER here and a person where
            # the article names her elsewhere: a person ("she wrote" goes on with her)
            source = replace(source, type=SourceType.PERSON)
        if source.type is SourceType.PERSON and " " not in source.name:
            fuller = self._fuller_name(source, gender, tokens, mention)
            if fuller is not None:
                source = fuller
            surname = next((t for t in tokens if t.text == source.name), None)
            if " " not in source.name and not source.role and surname is not None:
                # "Obama" where the article only ever says "President Obama": the role
                # lets identity find the one holder of that office
                titled = self._titled_surname(surname)
                if titled is not None:
                    source = replace(source, role=titled.role)
        source = self._full_affiliation(source)
        self._history.append(_Entry(source, gender, plural, subject=True, speaker=True))
        return ResolvedMention(source, based_span)

    def _full_affiliation(self, source: ResolvedSource) -> ResolvedSource:
        """ "Erdogan's spokesman, Ibrahim Kalin" in an article that names Recep Tayyip
        Erdogan: affiliated with him by his full name, not with a bare "Erdogan"."""
        affiliation = (source.affiliation or "").translate(_APOSTROPHES)
        if not affiliation or not affiliation[:1].isupper():
            return source
        if source.affiliation_type in _BODY_TYPES:
            # "Commission President Ursula von der Leyen" after "the European Commission"
            fuller = {
                e.source.name
                for e in self._history
                if e.source.type in _BODY_TYPES
                and not e.source.generic
                and " and " not in e.source.name
                and e.source.name.lower() != affiliation.lower()
                and _name_ends_with(e.source, affiliation.lower())
            }
            if len(fuller) == 1:
                return replace(source, affiliation=fuller.pop())
            return source
        namesakes = self._namesakes_of(affiliation) if " " not in affiliation else []
        if not namesakes:
            return source
        full = self._main_person(namesakes).name
        written = {
            e.source.name
            for e in self._history
            if e.source.type is SourceType.PERSON
            and e.source.name.split()[-1] == affiliation
            and e.source.name.split()[0] == full.split()[0]
        }
        if len(written) == 1:  # as the article wrote it: "Recep Tayyip Erdogan"
            full = written.pop()
        return replace(source, affiliation=full, affiliation_type=SourceType.PERSON)

    def _person_in_misparse(self, tokens: list[Token]) -> SpacySpan | None:
        """The person inside a mention the parser ran together with its neighbours: "Trump
        avoids" or "Trump demands accountability ..., yet" (the verb taken for a plural noun),
        "the Washington Post Trump" (a lost comma) — when the article names that person in
        full. "Trump supporters" and "the Trump campaign" are someone else."""
        if len(tokens) < 2:
            return None
        surnames = {p.name.split()[-1] for p in self._article_people().values()}
        first, second, last = tokens[0], tokens[1], tokens[-1]
        if first.text in surnames and second.text.islower() and _reads_as_verb(second):
            return first.doc[first.i : first.i + 1]
        before = [t for t in tokens[:-1] if t.lower_ not in _DETERMINERS]
        if (
            last.text in surnames
            and before
            and all(t.ent_type_ == "ORG" and t.text[:1].isupper() for t in before)
            and last.ent_type_ in {"ORG", "PERSON", ""}
        ):
            return last.doc[last.i : last.i + 1]
        return None

    def _campaign_team(self, source: ResolvedSource) -> ResolvedSource:
        """ "the Trump team" (the NER took "Trump" for an organisation) in a story that names
        Donald Trump: "Trump campaign", like "the Trump campaign"."""
        words = source.name.split()
        if len(words) != 2 or words[1].lower() not in {"team", "campaign"}:
            return source
        if words[1].lower() == "campaign" and source.type is SourceType.ORGANIZATION:
            return source
        owners = sorted(self._namesakes_of(words[0]), key=lambda p: -p.mentions)
        if not owners or (len(owners) > 1 and owners[0].mentions == owners[1].mentions):
            return source  # "the Trump team": the Trump the story names most
        return campaign_of_person(owners[0].name, alias=source.alias)

    def _fuller_name(
        self,
        source: ResolvedSource,
        gender: str | None,
        tokens: list[Token],
        mention: SpacySpan,
    ) -> ResolvedSource | None:
        """ "Rendell, a Clinton surrogate" or "Mr. Holtz-Eakin" after "Ed Rendell" or
        "Douglas Holtz-Eakin": a surname the mention analysis kept whole, resolved like a
        bare one (a person seen before, else the article's full name), keeping the role this
        mention gives. Only when the article names one person of that surname: with two
        ("Barack" and "Michelle Obama") the mention stays as it is."""
        titled = any(
            t.text[:1].isupper() and (t.lower_ in _TITLE_ABBREVIATIONS or t.lower_ in _ROLE_WORDS)
            for t in tokens
            if t.i < tokens[-1].i and t.text != source.name
        )
        if titled:
            return None  # "President Obama" names its holder: identity finds the office's one
        if source.name.isupper() and len(source.name) > 2:
            # "WALLACE:" of a transcript: the one person the article names so
            shouting = [
                p.name
                for p in self._article_people().values()
                if p.name.split()[-1].upper() == source.name
            ]
            if len(shouting) != 1:
                return None
            return ResolvedSource(name=shouting[0], type=SourceType.PERSON, alias=source.alias)
        key = source.name.lower()
        if len(self._namesakes_of(source.name)) > 1:
            return None
        entry = self._find(
            lambda e: (
                e.source.type is SourceType.PERSON
                and " and " not in e.source.name
                and _name_ends_with(e.source, key)
                and (gender is None or self._gender_of(e) in (None, gender))
            )
        )
        if entry is not None:
            found = entry.source
        else:
            surname = next((t for t in tokens if t.text == source.name), None)
            if surname is None or not _could_be_surname(surname):
                return None
            found = self._person_from_text(surname, mention, gender)
            if found is None or " " not in found.name:
                return None
        return replace(
            found,
            alias=source.alias,
            role=source.role or found.role,
            affiliation=source.affiliation or found.affiliation,
            affiliation_type=source.affiliation_type or found.affiliation_type,
        )

    def _one_described_twice(
        self, tokens: list[Token], conjuncts: list[list[Token]], mention: SpacySpan
    ) -> ResolvedSource | None:
        """ "the former first lady and U.S. senator": one determiner over two roles is one
        person, the one either role describes (no names among the conjuncts)."""
        if tokens[0].lower_ != "the" or any(t.ent_type_ in {"PERSON", "ORG"} for t in tokens):
            return None
        for conjunct in conjuncts:
            words = [t for t in conjunct if t.lower_ not in _DETERMINERS]
            if not words or len(words) > 4:
                continue
            found = self._description_antecedent(words, mention)
            if found is not None and found.type is SourceType.PERSON and not found.generic:
                return replace(found, alias=_surface(tokens))
        heads = [_head([t for t in c if t.lower_ not in _DETERMINERS] or c) for c in conjuncts]
        if not all(_is_human_noun(h) or h.lower_ in _ROLE_WORDS for h in heads):
            return None
        genders = {_GENDERED_ROLES[h.lower_] for h in heads if h.lower_ in _GENDERED_ROLES}
        gender = genders.pop() if len(genders) == 1 else None
        entry = self._find(
            lambda e: (
                e.source.type is SourceType.PERSON
                and not e.plural
                and not e.source.generic
                and e.subject
                and (gender is None or self._gender_of(e) in (None, gender))
            ),
            window=_SUBJECT_WINDOW,
        )
        return replace(entry.source, alias=_surface(tokens)) if entry is not None else None

    def _resolve_coordination(
        self,
        tokens: list[Token],
        conjuncts: list[list[Token]],
        mention: SpacySpan,
        based_span: Span | None,
    ) -> ResolvedMention | None:
        """ "both Israel and Hamas": one plural source named by its parts."""
        parts: list[ResolvedSource] = []
        for conjunct in conjuncts:
            antecedent = self._antecedent(conjunct, mention)
            if antecedent is not None:
                parts.append(antecedent)
                continue
            analysed = _analyse(conjunct, conjunct)
            if analysed is not None:
                self._history.append(_Entry(*analysed))
                parts.append(analysed[0])
        if not parts:
            return None
        if len(parts) == 1:
            return ResolvedMention(parts[0], based_span)
        types = {p.type for p in parts}
        words = [t for t in tokens if t.lower_ not in {"both", "either", "neither"}]
        source = ResolvedSource(
            name=" and ".join(p.name for p in parts),
            type=types.pop() if len(types) == 1 else SourceType.UNKNOWN,
            alias=_surface(words),
        )
        self._history.append(_Entry(source, None, True))
        return ResolvedMention(source, based_span)

    def _resolve_owned(self, tokens: list[Token], mention: SpacySpan) -> ResolvedSource | None:
        """ "its delegation" after Hamas: Hamas's Delegation, affiliated with Hamas."""
        owner = self._antecedent(tokens[:1], mention)
        if owner is None:
            return None
        spouse = _SPOUSES.get("".join(t.text for t in tokens[1:]).lower())
        named = self._spouse_named(owner, spouse) if spouse else None
        if named is not None:
            self._history.append(_Entry(named, spouse, False, subject=True))
            return replace(named, alias=_surface(tokens))
        analysed = _analyse(tokens[1:], tokens[1:])
        if analysed is None:
            return None
        source, gender, plural = analysed
        if source.type is SourceType.PERSON and source.name[:1].isupper():
            # "her opponent, Donald Trump": a named person stands on their own
            self._history.append(_Entry(source, gender, plural))
            return source
        if source.type in {SourceType.DOCUMENT, SourceType.UNKNOWN}:
            return owner  # "his remarks", "their tendency": the owner speaks
        if owner.type is SourceType.PERSON and _head(tokens[1:]).lemma_.lower() in {
            "campaign",
            "team",
        }:
            # "her campaign" after Hillary Clinton: "Clinton campaign", as named elsewhere
            campaign = campaign_of_person(owner.name, alias=_surface(tokens))
            self._history.append(_Entry(campaign, None, False))
            return campaign
        body = source.name
        kind = source.type
        if kind is not SourceType.PERSON:
            # "its delegation": a body of the owner, named as such
            body = " ".join(w[:1].upper() + w[1:] for w in body.split()) if body.islower() else body
            kind = owner.type if owner.type is not SourceType.PERSON else kind
        possessive = "'" if owner.name.endswith("s") else "'s"
        owned = replace(
            source,
            type=kind,
            name=f"{owner.name}{possessive} {body}",
            alias=_surface(tokens),
            affiliation=owner.name,
            affiliation_type=owner.type,
            generic=plural,  # "her husband" is someone; "his aides" are not one entity
        )
        self._history.append(_Entry(owned, gender, plural))
        return owned

    def _owned_role_holder(self, source: ResolvedSource) -> ResolvedSource | None:
        """ "Pagliano's lawyer" after "An attorney for Pagliano, Mark MacDougall": the person
        named with that role for that owner; "Keith Lamont Scott's wife": the woman named
        with his surname (``_spouse_named``). Only for a role with an owner and no name."""
        role, owner = source.role, source.affiliation
        if source.type is not SourceType.PERSON or not role or not owner:
            return None
        if source.generic or not source.name.lower().endswith(role.split()[-1]):
            return None  # a named person ("Mark MacDougall") or a group
        spouse = _SPOUSES.get(role.split()[-1])
        if spouse is not None:  # a wife is someone's, whatever the NER made of him
            return self._spouse_named(
                ResolvedSource(name=owner, type=SourceType.PERSON, alias=owner), spouse
            )
        want = _ROLE_SYNONYMS.get(role.split()[-1], {role.split()[-1]})
        owner_last = owner.split()[-1]
        found = self._find(
            lambda e: (
                e.source.type is SourceType.PERSON
                and not (e.source.local or e.source.generic)
                and e.source.name != source.name
                and bool(e.source.role)
                and e.source.role.split()[-1] in want
                and (e.source.affiliation or "").split()[-1:] == [owner_last]
            )
        )
        return found.source if found is not None else None

    def _spouse_named(self, owner: ResolvedSource, gender: str) -> ResolvedSource | None:
        """ "His ex-wife" where the article names "Donald and Ivana Trump": the one person of
        ``gender`` the article names with the owner's surname (with an owner it describes
        only, "the GOP nominee", with the surname of someone of the other gender)."""
        people = self._article_people()
        if owner.type is not SourceType.PERSON:
            return None
        if " " in owner.name and not owner.local:
            surnames = {owner.name.split()[-1]}
        elif owner.local:
            surnames = {
                p.name.split()[-1]
                for p in people.values()
                if self._person_gender(p.name) == _other(gender)
            }
        else:
            return None
        found = [
            p
            for p in people.values()
            if p.name != owner.name
            and p.name.split()[-1] in surnames
            and self._person_gender(p.name) != _other(gender)
            and not owner.name.startswith(p.name.split()[0])
        ]
        if len(found) != 1:
            return None
        return ResolvedSource(name=found[0].name, type=SourceType.PERSON, alias=found[0].name)

    # -- coreference --

    def _antecedent(self, tokens: list[Token], mention: SpacySpan) -> ResolvedSource | None:
        """The entity a pronoun, a short name or a definite description refers back to."""
        if len(tokens) == 1 and _pronoun(tokens[0]):
            return self._pronoun_antecedent(tokens[0])
        words = [t for t in tokens if t.lower_ not in _DETERMINERS]
        if not words:
            return None
        titles = {t.i for t in words if t.lower_ in _HONORIFICS or t.lower_ in _TITLE_ABBREVIATIONS}
        honorific = next((_HONORIFICS[t.lower_] for t in words if _HONORIFICS.get(t.lower_)), None)
        if titles and len(words) > len(titles):
            words = [t for t in words if t.i not in titles]  # "Mr. Cruz" is "Cruz"
        named = [t for t in words if t.lower_ not in _NAME_PARTICLES or t.i == words[0].i]
        if all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in named) and len(named) <= 2:
            # "Miller", "Mr. Cruz", "Von der Leyen" (particles do not count)
            return self._name_antecedent(tokens, words, mention, honorific)
        first = tokens[0].lower_
        if first not in {"the", "this", "that", "these", "those"} or len(words) > 4:
            return None
        return self._description_antecedent(words, mention)

    def _pronoun_antecedent(self, pronoun: Token) -> ResolvedSource | None:
        """ "he": the last speaker, else the last subject, else the last person of that
        gender; "it"/"they": the last body or group. Outside quotation marks, people named
        inside someone's quoted words come last: in '"... if Donald Trump is elected," he
        said', "he" is still the speaker of the quotation, not the man it names."""
        cls, gender = _PRONOUNS[pronoun.lower_]
        if pronoun.lower_ in _FIRST_PERSON:
            writer = self._writer_of(pronoun)
            if writer is not None:
                return writer
        offset = self._offset_of(pronoun.doc)
        sentence = -1 if offset is None else offset + pronoun.sent.start_char
        skip = _asking_agents(pronoun)
        entry = None
        if not self._in_quotation(pronoun):
            entry = self._pronoun_entry(cls, gender, told=True, sentence=sentence, skip=skip)
        if entry is None:
            entry = self._pronoun_entry(cls, gender, told=False, sentence=sentence, skip=skip)
        if entry is None and cls == "person" and gender is not None:
            return self._gendered_name_before(pronoun, gender)
        return entry.source if entry else None

    def _pronoun_entry(
        self,
        cls: str,
        gender: str | None,
        *,
        told: bool,
        sentence: int,
        skip: frozenset[str] = frozenset(),
    ) -> _Entry | None:
        """The entry a pronoun of class ``cls`` and ``gender`` refers to; with ``told``,
        never one named inside quotation marks. The last speaker, or the subject of the
        pronoun's own sentence (starting at offset ``sentence``: "Romney was never able to
        shake that image, which was cemented with his comment"), goes on even when the
        article never shows that person's gender. Names in ``skip`` (their last word) are
        no candidates."""
        history = (
            [
                e
                for e in self._history
                if e.source.name.split()[-1:] != [] and (e.source.name.split()[-1] not in skip)
            ]
            if skip
            else self._history
        )

        def fits(e: _Entry) -> bool:
            if told and e.quoted:
                return False
            if cls != "person" and self._body_taken_for_person(e):
                # "Following the debate Politifact did a fact-check. On Tuesday they
                # published ...": a one-word name the NER took for a person
                e = replace(e, source=replace(e.source, type=SourceType.ORGANIZATION))
            return _pronoun_fits(replace(e, gender=self._gender_of(e)), cls, gender)

        def known(e: _Entry) -> bool:
            return fits(e) and self._gender_of(e) == gender

        entry = None
        if cls == "person" and gender is not None:
            # the last speaker, else subject, goes on: "X said Y did Z ... He added"; a
            # known "she" among the last few sources beats a more recent unknown
            # people named since as objects do not interrupt: "Obama said after meeting
            # with President Vladimir Putin. He ..." goes on with Obama
            last = _last(
                history,
                lambda e: not (told and e.quoted) and (e.speaker or e.subject),
                _SUBJECT_WINDOW,
            )
            unknown_last = (
                last is not None
                and last.source.type is SourceType.PERSON
                and not last.plural
                and not last.source.generic
                and (
                    # a new sentence about someone: "Cole said ... The president appeared
                    # unmoved. Speaking in Ohio, he said ..." (the president)
                    (last.main and self._gender_of(last) in (None, gender))
                    or (
                        (last.speaker or (last.subject and sentence >= 0 and last.at >= sentence))
                        and self._gender_of(last) is None
                    )
                )
            )
            entry = (
                (last if unknown_last else None)
                or _last(history, lambda e: e.speaker and known(e), _SPEAKER_WINDOW)
                or _last(history, lambda e: e.subject and known(e), _SUBJECT_WINDOW)
                or _last(history, known, 6)
            )
        if entry is None and cls != "person":
            # "The ad then references FBI criticism of ... It also mentions": a body or
            # document that was the subject goes on, not one named inside the sentence
            entry = _last(history, lambda e: e.speaker and fits(e), _SUBJECT_WINDOW) or _last(
                history, lambda e: e.subject and fits(e), _SUBJECT_WINDOW
            )
        if entry is None:
            # nothing of that gender known nearby: the most recent compatible entity, but
            # only among the last few (a pronoun does not reach back a page)
            entry = _last(history, fits, _SUBJECT_WINDOW)
        return entry

    def _body_taken_for_person(self, entry: _Entry) -> bool:
        """Whether a person entry, a subject, is one word that names no person the article
        knows: no given name, no surname of a full name it gives, no gender it shows."""
        source = entry.source
        if source.type is not SourceType.PERSON or source.generic or " " in source.name:
            return False
        if not (entry.subject or entry.speaker):
            return False  # "stocking up on Beehive freeze-dried food. ... they planned"
        word = source.name
        if not word[:1].isupper() or word.lower() in _GIVEN_NAMES or source.role:
            return False
        return self._gender_of(entry) is None and not self._is_surname(word)

    def _in_quotation(self, token: Token) -> bool:
        """Whether ``token`` stands inside quotation marks (someone's quoted words)."""
        offset = self._offset_of(token.doc)
        return offset is not None and self._in_quotation_at(offset + token.idx)

    def _in_quotation_at(self, position: int) -> bool:
        if self._quotes is None:
            paragraphs = [(o, o + len(d.text)) for o, d in self._docs]
            self._quotes = [(q.start, q.end) for q in find_quotes(self.text, paragraphs)]
        return any(start < position < end for start, end in self._quotes)

    def _writer_of(self, pronoun: Token) -> ResolvedSource | None:
        """ "I" outside quotation marks in an op-ed signed "Charlotte Meehan is a playwright
        ...", or "I"/"we" in a letter signed "Chris Smith." on a letters page: the writer."""
        offset = self._offset_of(pronoun.doc)
        if offset is None:
            return None
        position = offset + pronoun.idx
        if self._writers is None:
            self._writers = writers_of(self.text)
        line_start = self.text.rfind("\n", 0, position) + 1
        if len(_QUOTE_MARKS_RE.findall(self.text[line_start:position])) % 2:
            return None  # inside a quotation: the quoted speaker
        for start, end, name, letter in self._writers:
            if start <= position < end and (letter or pronoun.lower_ in {"i", "me", "my"}):
                return ResolvedSource(name=name, type=SourceType.PERSON, alias=name)
        return None

    def _gender_of(self, entry: _Entry) -> str | None:
        """A person's gender as the entry knows it, else as the article shows it anywhere:
        "Mr. Obama", "Ms. Strada", or the given name of the full name it names."""
        if entry.gender is not None or entry.source.type is not SourceType.PERSON:
            return entry.gender
        if self._surname_genders is None:
            self._surname_genders = _surname_genders(self.text)
        words = entry.source.name.split()
        if not words:
            return None
        if len(words) > 1:
            given = _given_name_gender(words[0])
            if given is not None:
                return given
        if len(words) > 1 and len(self._namesakes_of(words[-1])) > 1:
            return None  # "Mr. Trump" says nothing of Ivanka Trump
        found = self._surname_genders.get(words[-1])
        if found is None and len(words) == 1 and not self._is_surname(words[0]):
            found = _given_name_gender(words[0])  # "Melanie said": a woman named by first name
        if found is None:
            if self._chain_genders is None:
                self._in_quotation_at(0)  # the article's quotations, found once
                self._chain_genders = pronoun_chain_genders(self._docs, self._quotes or [])
            found = self._chain_genders.get(words[-1])
        return found

    def _article_people(self) -> dict[str, Person]:
        """The article's people (``people_of``), found once."""
        if self._people is None:
            self._people = people_of(self._docs)
        return self._people

    def _namesakes_of(self, surname: str) -> list[Person]:
        """The people the article names in full with ``surname`` last."""
        return [p for p in self._article_people().values() if p.name.split()[-1] == surname]

    def _main_person(self, namesakes: list[Person]) -> Person:
        """Of people sharing a surname, the one the article names more often, else first:
        the story's own Cruz comes before "his father, Rafael Cruz"."""
        return min(namesakes, key=lambda p: (-p.mentions, p.first))

    def _named_person(self, name: str) -> bool:
        """Whether the NER reads ``name`` (a full name) as a person elsewhere in the article."""
        if " " not in name:
            return False
        return name in self._article_people()

    def _is_surname(self, word: str) -> bool:
        """Whether the article names someone in full with ``word`` last ("Amelize Joseph"):
        then "Joseph" alone is her surname, not a man's given name."""
        if self._namesakes_of(word):  # people_of's names are all full names
            return True
        return any(m.group(2) == word for m in _FULL_NAME.finditer(self.text))

    def _name_antecedent(
        self,
        tokens: list[Token],
        words: list[Token],
        mention: SpacySpan,
        honorific: str | None = None,
    ) -> ResolvedSource | None:
        """A bare surname or a short form of a name seen before: "Miller", "the Post";
        "Mrs. Clinton" is never a man the article names Clinton."""
        first = tokens[0].lower_
        key = " ".join(t.text for t in words).translate(_APOSTROPHES).lower()
        named_thing = any(t.ent_type_ in {"ORG", "GPE", "NORP", "LOC"} for t in words)

        def fits(e: _Entry) -> bool:
            if " and " in e.source.name or not _name_ends_with(e.source, key):
                return False
            if e.source.name.lower() == key and e.source.type is not SourceType.PERSON:
                return False  # "Security Council" itself: look on for the one named in full
            if honorific and self._gender_of(e) not in (None, honorific):
                return False
            if e.source.type is SourceType.PERSON:
                # "Miller" for "Matthew Miller"; "De Blasio" (the NER's ORG) for "Bill de Blasio"
                plain = "," not in e.source.name and len(e.source.name.split()) <= 4
                return not named_thing or (len(words) > 1 and plain)
            # "the Post" for "New York Post" (the NER's entity leaves "the" out); "a Times
            # article" names the paper that made it
            start = tokens[0]
            if len(tokens) == 1 and start.dep_ == "compound" and start.head.pos_ == "NOUN":
                return e.source.type in _BODY_TYPES
            return first == "the" or (start.i > 0 and start.doc[start.i - 1].lower_ == "the")

        def leads(e: _Entry) -> bool:
            # "Patriot" for "Patriot Coal", "Brookings" for "Brookings Institution": a body
            # named in full is also called by its first word
            name = e.source.name.split()
            return (
                e.source.type in _BODY_TYPES
                and not e.source.generic
                and len(name) > 1
                and " and " not in e.source.name
                and name[0].lower() == key
            )

        entry = self._find(fits)
        lone = words[0] if len(words) == 1 else None
        if entry is None and lone is not None and first != "the" and lone.text[:1].isupper():
            person = any(lone.text in p.name.split() for p in self._article_people().values())
            if not person and (lone.pos_ == "PROPN" or lone.ent_type_ == "ORG"):
                entry = self._find(leads)  # not "Trump" for "Trump campaign"
        if entry is not None and entry.source.type is SourceType.PERSON and len(words) == 1:
            main = self._main_namesake(words[0].text, entry, honorific or _speaker_gender(lone))
            if not honorific or self._gender_of(main) in (None, honorific):
                entry = main
        if entry is not None and key != entry.source.name.lower():
            return replace(entry.source, alias=_surface(tokens))
        if entry is None and len(words) == 1 and _could_be_surname(words[0]):
            return self._person_from_text(words[0], mention, honorific)
        return None

    def _description_antecedent(
        self, words: list[Token], mention: SpacySpan
    ) -> ResolvedSource | None:
        """ "the Republican nominee", "the spokesman", "the businessman", "the ministry";
        "the statement", "the clip": the maker of the document the text mentioned last."""
        head = _head(words)
        lemma = head.lemma_.lower()
        if len(words) == 1 and lemma in _DOCUMENT_NOUNS and lemma not in _POLL_WORDS:
            # a bare "the statement" refers back; "the transcript of the debate" is new
            maker = self._last_document_maker(mention)
            if maker is not None:
                return maker
        described = self._described(words, _head(words), mention)
        if described is not None:
            return described
        if any(t.ent_type_ in {"PERSON", "ORG"} for t in words):
            return None
        if len(words) == 1 and head.lower_ in _PLAIN_PERSON_NOUNS:
            return self._plain_person(head, mention)
        head = _head(words)  # "the former secretary of state": secretary
        holder = self._role_holder(head)
        if holder is not None and self._other_place(words, holder.source):
            return None  # "the Vermont senator" is not the senator from Texas
        if holder is None:
            holder = self._placed_office_speaker(words, head)
        if len(words) == 1 and head.lemma_.lower() in _RULING_NOUNS:
            country = self._country_subject(mention)
            if country is not None:
                return replace(country, alias=_surface(words))
        if head.lemma_.lower() in _CLASS_NOUNS and any(
            t.lower_ in _DEMONYMS or t.ent_type_ in {"GPE", "NORP"} for t in words if t.i < head.i
        ):
            return None  # "the Saudi government" names its own body, not the last one
        if holder is None and len(words) == 1 and head.lemma_.lower() == "campaign":
            run = self._candidate_campaign()
            if run is not None:
                return replace(run, alias=_surface(words))
        entry = holder or self._epithet_holder(head) or self._body_named(head, words)
        if entry is not None and self._other_party(words, entry.source):
            return None  # "the Democratic nominee" is not the Republican Party's nominee
        return entry.source if entry is not None else None

    def _last_document_maker(self, mention: SpacySpan) -> ResolvedSource | None:
        """Who made the document a definite "the statement" / "the ad" refers back to: the
        last document named with its maker in this or the previous paragraphs ("A web video
        by the Republican National Committee ... The ad also mentions ... The clip says";
        "the Security Council issued a statement ... The statement noted")."""
        docs = [d for _, d in self._docs]
        here = next((k for k, d in enumerate(docs) if d is mention.doc), None)
        if here is None:
            return None
        seen = 0
        for k in range(here, max(-1, here - _DOCUMENT_REACH - 1), -1):
            doc = docs[k]
            end = mention.start if doc is mention.doc else len(doc)
            for tok in reversed(doc[:end]):
                if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _DOCUMENT_NOUNS:
                    continue
                seen += 1
                maker = _document_author(list(tok.subtree), tok) or _issuer_of(tok)
                if maker:
                    made = self.resolve(doc[maker[0].i : maker[-1].i + 1])
                    return made.source if made is not None else None
                if seen >= _DOCUMENT_REACH:
                    return None
        return None

    def _other_party(self, words: list[Token], source: ResolvedSource) -> bool:
        """Whether the description names one party ("the Democratic nominee") and the article
        gives the source another ("Republican Party", "Republican nominee Tom Baxter")."""
        named = {_PARTY_NAMES[w] for w in map(descriptor_word, words) if w in _PARTY_NAMES}
        if not named:
            return False
        person = self._article_people().get(source.name)
        theirs = {_PARTY_NAMES[w] for w in person.words if w in _PARTY_NAMES} if person else set()
        if source.affiliation and source.affiliation.casefold() in _PARTY_NAMES.values():
            theirs.add(source.affiliation.casefold())
        return bool(theirs) and not theirs & named

    def _other_place(self, words: list[Token], source: ResolvedSource) -> bool:
        """Whether a title with a place ("the Vermont senator") names one the article never
        ties to the source (its title words, role or affiliation). Epithets are not asked:
        "the New York businessman" of a campaign story is its businessman."""
        places = {t.lower_ for t in words if t.ent_type_ == "GPE" and t.text[:1].isupper()}
        if not places:
            return False
        person = self._article_people().get(source.name)
        known = set(person.words) if person else set()
        for text in (source.role, source.affiliation):
            known |= set((text or "").casefold().split())
        return not places <= known

    def _role_holder(self, head: Token) -> _Entry | None:
        """ "the spokesman", "the president", "the senator": a role seen before."""
        noun, lemma = head.lower_, head.lemma_.lower()
        if not (noun in _ROLE_WORDS or lemma in _ROLE_WORDS or noun in _GENDERED_ROLES):
            return None
        want = _ROLE_NOUN_ALIASES.get(lemma, lemma)
        gender = _GENDERED_ROLES.get(noun)
        return self._find(
            lambda e: (
                e.source.type is SourceType.PERSON
                and e.source.role is not None
                and _role_names(e.source.role, want)
                and (gender is None or self._gender_of(e) in (None, gender))
            )
        )

    def _country_subject(self, mention: SpacySpan) -> ResolvedSource | None:
        """ "North Korea's fifth missile test ... did nothing to stop the government's
        determination": the country a clause of this or the previous paragraph is about
        (its subject, or the subject's owner), nearest first."""
        docs = [d for _, d in self._docs]
        here = next((k for k, d in enumerate(docs) if d is mention.doc), None)
        if here is None:
            return None
        countries = set(_DEMONYMS.values())
        for doc in (docs[here], docs[here - 1] if here > 0 else None):
            if doc is None:
                continue
            end = mention.start if doc is mention.doc else len(doc)
            for ent in reversed([e for e in doc.ents if e.label_ == "GPE" and e.end <= end]):
                name = _POSSESSIVE_END.sub("", ent.text).removeprefix("the ")
                root = ent.root
                subject = root.dep_ in {"nsubj", "nsubjpass"} or (
                    root.dep_ == "poss" and root.head.dep_ in {"nsubj", "nsubjpass"}
                )
                if name in countries and subject:
                    return ResolvedSource(name=name, type=SourceType.GOVERNMENT, alias=name)
        return None

    def _candidate_campaign(self) -> ResolvedSource | None:
        """ "Hillary Clinton plans to call on young people ... The campaign says": the
        campaign of the person just speaking or the subject just named, when the article
        names that person's campaign ("Clinton's campaign") and no campaign came since."""
        for entry in reversed(self._history[-_SUBJECT_WINDOW:]):
            if "campaign" in entry.source.name.lower().split():
                return None  # "the campaign" of the last one named
            person = entry.source
            if not (entry.speaker or entry.subject) or entry.quoted or entry.plural:
                continue
            if person.type is not SourceType.PERSON or person.generic or person.local:
                continue
            surname = re.escape(person.name.split()[-1])
            if re.search(rf"\b{surname}(?:['’]s)? (?:[a-z]+ )?campaign\b", self.text):
                return campaign_of_person(person.name, alias=person.name)
            return None
        return None

    def _plain_person(self, head: Token, mention: SpacySpan) -> ResolvedSource | None:
        """ "the woman", "the man": someone the article introduced without a name ("a
        female Trump supporter"), never a person it names only after its first "the woman"
        (the reporter of the profile named in between); when no one named fits, the first
        person of that gender the next paragraphs call by a given name alone ("Melanie
        thought ..."): a profile's subject known by her first name."""
        gender = _GENDERED_ROLES.get(head.lower_)
        offset = self._offset_of(mention.doc)
        position = (offset or 0) + head.idx
        used = re.search(rf"\bthe {re.escape(head.lower_)}\b", self.text, re.IGNORECASE)
        first_use = min(used.start(), position) if used else position
        entry = self._epithet_holder(head)
        if entry is not None and self._first_named(entry) < first_use:
            return entry.source
        named = self._given_name_after(mention.doc, position, gender)
        if named is None:
            return None
        source = ResolvedSource(name=named, type=SourceType.PERSON, alias=named)
        self._history.append(_Entry(source, gender, False))
        return replace(source, alias=_surface([head]))

    def _first_named(self, entry: _Entry) -> int:
        """Where the article first names the entry's source."""
        person = self._article_people().get(entry.source.name)
        if person is not None:
            return person.first
        found = self.text.find(entry.source.name)
        return found if found >= 0 else entry.at

    def _given_name_after(self, doc: Any, position: int, gender: str | None) -> str | None:
        """The first given name standing alone as a person (no surname anywhere in the
        article) of ``gender`` after ``position``, in this or the next few paragraphs."""
        here = next((k for k, (_, d) in enumerate(self._docs) if d is doc), None)
        if here is None or gender is None:
            return None
        for offset, later in self._docs[here : here + _DOCUMENT_REACH + 1]:
            for ent in later.ents:
                words = [t for t in ent if t.is_alpha]
                if ent.label_ != "PERSON" or len(words) != 1 or offset + ent.start_char < position:
                    continue
                word = words[0].text
                if _given_name_gender(word) == gender and not self._is_surname(word):
                    return word
        return None

    def _placed_office_speaker(self, words: list[Token], head: Token) -> _Entry | None:
        """ "As far as whether Sanders still senses anger, the Vermont senator acknowledged
        ...": an office with a place, where the article gives no one that office, is the
        person just speaking (or the subject just named) whose role the article never gives:
        news varies a name with the office and state of its holder."""
        if head.lower_ not in _ROLE_WORDS and head.lemma_.lower() not in _ROLE_WORDS:
            return None
        if not any(t.ent_type_ == "GPE" and t.text[:1].isupper() for t in words if t.i < head.i):
            return None
        if any(t.lower_ in _TEMPORAL_MODIFIERS for t in words):
            return None  # "the former New Mexico governor": someone named for a past office
        gender = _GENDERED_ROLES.get(head.lower_)
        return _last(
            self._history,
            lambda e: (
                e.speaker
                and not e.quoted
                and e.source.type is SourceType.PERSON
                and not e.plural
                and not e.source.generic
                and e.source.role is None
                and (gender is None or self._gender_of(e) in (None, gender))
            ),
            _SPEAKER_WINDOW,
        )

    def _epithet_holder(self, head: Token) -> _Entry | None:
        """ "the businessman", "the Wisconsin Republican", "the retired neurosurgeon":
        someone already described so, else the last person whose role does not contradict
        it."""
        noun, lemma = head.lower_, head.lemma_.lower()
        if lemma in _CLASS_NOUNS:
            return None  # "the newspaper", "the broadcaster": a body, not a person's epithet
        epithet = noun in _EPITHETS or lemma in _EPITHETS
        if not (epithet or _is_human_noun(head)) or noun in _ROLE_WORDS or head.tag_ != "NN":
            return None
        gender = _GENDERED_ROLES.get(noun)

        def person_fits(e: _Entry) -> bool:
            return (
                e.source.type is SourceType.PERSON
                and not e.plural
                and (gender is None or self._gender_of(e) in (None, gender))
            )

        return self._find(
            lambda e: person_fits(e) and noun in (e.source.role or "").split()
        ) or self._find(
            lambda e: person_fits(e) and (epithet or e.source.role is None),
            window=_SUBJECT_WINDOW,
        )

    def _body_named(self, head: Token, words: list[Token] | None = None) -> _Entry | None:
        """ "the ministry", "the department": a body whose name has the word (and the
        description's own words: "the district court" is not the Court of Appeals); "the
        paper": the last source of that class. A body named inside a group ("a three-judge
        panel of the U.S. Court of Appeals") is that body."""
        lemma = head.lemma_.lower()
        own = {t.lower_ for t in words or [] if t.i < head.i and t.text.islower()}
        own -= {"the", "this", "that"}

        def named_so(e: _Entry) -> bool:
            name = e.source.name.lower().split()
            return lemma in name and own <= set(name)

        entry = self._find(lambda e: e.source.type is not SourceType.PERSON and named_so(e))
        if entry is not None and entry.source.generic and " of " in entry.source.name:
            body = entry.source.name.split(" of ", 1)[1].removeprefix("the ")
            if lemma in body.lower().split() and own <= set(body.lower().split()):
                kind = entry.source.type
                kind = SourceType.ORGANIZATION if kind is SourceType.UNKNOWN else kind
                return _Entry(ResolvedSource(name=body, type=kind, alias=body), None, False)
        wanted_type = _CLASS_NOUNS.get(lemma)
        if entry is None and wanted_type is not None:
            entry = self._find(lambda e: e.source.type is wanted_type, window=_SUBJECT_WINDOW)
        return entry

    def _described(self, words: list[Token], head: Token, mention: Any) -> ResolvedSource | None:
        """ "the Republican nominee": the person the article describes so elsewhere."""
        if head.tag_ != "NN" or not _is_human_noun(head) or not self._docs:
            return None
        offset = self._offset_of(mention.doc)
        position = (offset or 0) + words[0].idx
        modifiers = [descriptor_word(t) for t in words if t.i < head.i and not t.is_punct]
        gender = _GENDERED_ROLES.get(head.lower_) or _clause_gender(head)
        people = self._article_people()
        if gender is not None:
            # as the article shows each one's gender: "Mr. Romney", "Romney ... he said"
            people = {
                k: p for k, p in people.items() if self._person_gender(p.name) != _other(gender)
            }
        name = describes(people, descriptor_word(head), modifiers, before=position, gender=gender)
        if name is None:
            return None
        entry = self._find(lambda e: e.source.name == name)
        if entry is not None:
            return replace(entry.source, alias=_surface(words))
        source = ResolvedSource(name=name, type=SourceType.PERSON, alias=name)
        self._history.append(_Entry(source, _GENDERED_ROLES.get(head.lower_), False))
        return replace(source, alias=_surface(words))

    def _namesake_gender(self, name: str) -> str | None:
        """A full name's gender as ``_person_gender`` knows it, else from the he or she
        that follows the name in its own sentence ("Jeb Bush says he is ending his bid",
        "Ivanka Trump ... She said"), outside quotation marks."""
        if name in self._namesake_genders:
            return self._namesake_genders[name]
        found = self._person_gender(name) or self._pronoun_after_name(name)
        self._namesake_genders[name] = found
        return found

    def _pronoun_after_name(self, name: str) -> str | None:
        for m in re.finditer(re.escape(name), self.text):
            after = self.text[m.end() : m.end() + 160].split("\n", 1)[0]
            after = re.split(r"[\"“”]", after, maxsplit=1)[0]
            pronoun = re.search(r"\b(he|she|his|her)\b", after, re.IGNORECASE)
            if pronoun is not None:
                return _MALE if pronoun.group(1).lower() in {"he", "his"} else _FEMALE
        return None

    def _person_gender(self, name: str) -> str | None:
        source = ResolvedSource(name=name, type=SourceType.PERSON, alias=name)
        return self._gender_of(_Entry(source, None, False))

    def _person_from_text(
        self, surname: Token, mention: Any, want_gender: str | None = None
    ) -> ResolvedSource | None:
        """ "Trump" → "Donald Trump" when the article names him in full somewhere.

        The nearest "First Last" before the mention wins (else the first after it); the
        first word must look like a given name: not a title, a stop word, a month or a
        place. The NER often takes a lone surname for an organisation or a place.
        """
        inner = self._inner_name_of(surname)
        if inner is not None:
            return inner
        doc = surname.doc
        offset = self._offset_of(doc)
        position = (offset if offset is not None else 0) + surname.idx
        if self._full_names is None:
            self._full_names = {}
            for m in _NAME_PAIR.finditer(self.text):
                last = _POSSESSIVE_END.sub("", m.group(3))  # "Donald Trump’s": Trump
                full = self.text[m.start(1) : m.start(3) + len(last)]
                given = _GIVEN_BEFORE.search(self.text, max(0, m.start(1) - 40), m.start(1))
                if given is not None and given.group(1).lower() in _GIVEN_NAMES:
                    # "Hillary Rodham Clinton": Rodham is a middle name, she is Hillary Clinton
                    full = f"{given.group(1)} {last}"
                    self._full_names.setdefault(last, []).append(
                        (given.start(1), full, given.group(1))
                    )
                    continue
                self._full_names.setdefault(last, []).append((m.start(1), full, m.group(1)))
        best: tuple[int, str, str] | None = None
        for start, full, first in self._full_names.get(surname.text, []):
            low = first.lower()
            if (
                low in _NOT_GIVEN_NAMES
                or low in _ROLE_WORDS
                or low in _HONORIFICS
                or low in _DEMONYMS
                or low in _CAPITALS
                or low in _MEDIA_WORDS  # "the Washington Post Trump said" (a lost comma)
                or low in _GOV_WORDS
                or doc.vocab[low].is_stop
                or first.endswith(("'s", "’s"))
                or (want_gender is not None and _given_name_gender(low) == _other(want_gender))
            ):
                continue  # "Mrs. Clinton" is not "Bill Clinton"
            before = self.text[max(0, start - 3) : start]
            opens_sentence = start == 0 or re.search(r"(?:[.!?\"“”:]\s*|''|\n)$", before)
            if opens_sentence and low not in _MALE_NAMES and low not in _FEMALE_NAMES:
                continue  # "Maybe Trump ...": a capitalised word opening a sentence
            if best is None or start < position:
                best = (start, full, first)
            if start >= position:
                break
        if best is None:
            return self._family_name_first(surname) or self._titled_surname(surname)
        best = self._main_full_name(surname.text, best)
        best_start, full, first_name = best
        name = full.translate(_APOSTROPHES)
        first = first_name.lower()
        gender = _MALE if first in _MALE_NAMES else _FEMALE if first in _FEMALE_NAMES else None
        before = self.text[max(0, best_start - 25) : best_start].split()
        role = None
        if before:
            word = before[-1].lower()
            if word in _TITLE_ABBREVIATIONS or word in _ROLE_WORDS:
                role = _TITLE_ABBREVIATIONS.get(word, word)
            if word in _HONORIFICS and _HONORIFICS[word]:
                gender = _HONORIFICS[word]
        source = ResolvedSource(name=name, type=SourceType.PERSON, alias=surname.text, role=role)
        self._history.append(_Entry(replace(source, alias=name), gender, False))
        return source

    def _main_full_name(self, surname: str, nearest: tuple[int, str, str]) -> tuple[int, str, str]:
        """Of two people sharing ``surname`` ("Bill Clinton", "Hillary Clinton"), the one the
        article names more often (counting "Hillary" alone), else the one it names first."""
        namesakes = self._namesakes_of(surname)
        if len(namesakes) < 2:
            return nearest
        first = self._main_person(namesakes).name.split()[0]
        for start, full, given in self._full_names.get(surname, []) if self._full_names else []:
            if given == first:
                return (start, full, given)
        return nearest

    def _inner_name_of(self, word: Token) -> ResolvedSource | None:
        """ "Kim" after "Kim Jong Un" spoke, "Lula" after "Luiz Inácio Lula da Silva": a word
        of exactly one person named so far, as the article wrote the name, when it is no
        one's last name and the NER does not read it as a place or a body."""
        if word.ent_type_ in {"GPE", "LOC", "ORG", "FAC", "NORP"}:
            return None
        sources = [
            e.source.name
            for e in self._history
            if e.source.type is SourceType.PERSON and not e.source.generic
        ]
        people = [p.name for p in self._article_people().values()]
        if any(_without_suffix(n.split())[-1] == word.text for n in sources + people if n):
            return None

        vocab = word.doc.vocab

        def inner(name: str) -> bool:
            words = _without_suffix(name.split())
            if any(vocab[w.lower()].is_stop for w in words if w not in _NAME_PARTICLES):
                return False  # "Will Twitter Be Next", a headline the NER read as a name
            return word.text in words[:-1]

        # the names sources were given ("Kim Jong Un"), else the NER's ("Kim Un")
        named = {n for n in sources if inner(n)}
        known = bool(named)  # then the caller makes that entry salient again
        if not named:
            named = {n for n in people if inner(n)}
        if len(named) != 1:
            return None
        source = ResolvedSource(name=named.pop(), type=SourceType.PERSON, alias=word.text)
        if not known:
            self._history.append(_Entry(replace(source, alias=source.name), None, False))
        return source

    def _family_name_first(self, surname: Token) -> ResolvedSource | None:
        """ "Mr. Ban" in a story that names "Ban Ki-moon", "Mr. Xi" after "Xi Jinping"; and,
        with no honorific, "Kim" after "Kim Jong Un", "Lula" after "Luiz Inácio Lula da
        Silva", "Hillary" after "Hillary Clinton": a word of exactly one full name the
        article gives (not its last word, and no one's last word), which the NER does not
        read as a place or a body."""
        before = surname.doc[surname.i - 1] if surname.i > 0 else None
        honorific = before is not None and before.lower_ in _HONORIFICS
        if not honorific and surname.ent_type_ in {"GPE", "LOC", "ORG", "FAC", "NORP"}:
            return None
        people = [p.name.split() for p in self._article_people().values()]
        if any(words[-1] == surname.text for words in people):
            return None
        found = {
            " ".join(words)
            for words in people
            if (words[0] == surname.text and len(words) == 2)
            or (not honorific and surname.text in words[:-1])
        }
        if len(found) != 1:
            return None
        name = found.pop()
        source = ResolvedSource(name=name, type=SourceType.PERSON, alias=surname.text)
        gender = _HONORIFICS[before.lower_] if honorific and before is not None else None
        self._history.append(_Entry(source, gender, False))
        return source

    def _titled_surname(self, surname: Token) -> ResolvedSource | None:
        """ "Mr. Obama" in an article that never gives his first name but calls him
        "President Obama" somewhere: the surname with the title the article gives it most
        often as its role ("Vice President Pence": vice president), so that identity can
        find the one namesake of the directory who holds that office."""
        pattern = re.compile(
            r"(?<![\w.])(?:([A-Z][a-z]+)\s+)?([A-Z][a-z]+\.?)\s+" + re.escape(surname.text) + r"\b"
        )
        roles: Counter[str] = Counter()
        for m in pattern.finditer(self.text):
            word = m.group(2).lower()
            role = _TITLE_ABBREVIATIONS.get(word) or (word if word in _ROLE_WORDS else None)
            if role is None:
                continue
            before = (m.group(1) or "").lower()
            roles[f"{before} {role}" if before in _NARROWING_WORDS else role] += 1
        if not roles:
            return None
        role = roles.most_common(1)[0][0]
        name = surname.text.translate(_APOSTROPHES)
        source = ResolvedSource(name=name, type=SourceType.PERSON, alias=name, role=role)
        self._history.append(_Entry(source, None, False))
        return source

    def _gendered_name_before(self, pronoun: Token, gender: str) -> ResolvedSource | None:
        """ "she" with no woman among the sources so far: the nearest "First Last" before it
        in the article whose first name is a woman's (a man's for "he")."""
        offset = self._offset_of(pronoun.doc)
        if offset is None:
            return None
        position = offset + pronoun.idx
        if self._names is None:
            self._names = [
                (m.start(), m.group(0).translate(_APOSTROPHES), m.group(1).lower())
                for m in _FULL_NAME.finditer(self.text)
                if m.group(1).lower() in _MALE_NAMES or m.group(1).lower() in _FEMALE_NAMES
            ]
        names = _FEMALE_NAMES if gender == _FEMALE else _MALE_NAMES
        best = None
        for start, name, first in self._names:
            if start >= position:
                break
            if first in names:
                best = name
        if best is None:
            return None
        source = ResolvedSource(name=best, type=SourceType.PERSON, alias=best)
        self._history.append(_Entry(source, gender, False))
        return source

    def _offset_of(self, doc: Any) -> int | None:
        """Where ``doc`` starts in the article (paragraph docs come in text order)."""
        key = id(doc)
        if key in self._offsets:
            return self._offsets[key]
        head = doc[: min(len(doc), 40)].text[:200]
        found = self.text.find(head, self._cursor) if head else -1
        if found < 0:
            found = self.text.find(head) if head else -1
        offset = found if found >= 0 else None
        if offset is not None:
            self._cursor = offset
        self._offsets[key] = offset
        return offset

    def _police_force(self, tokens: list[Token]) -> ResolvedSource | None:
        """ "police" or "the police" in a story that names one force ("Charlotte-Mecklenburg
        police", "the Tulsa Police Department"): that force, always named "<Place> Police
        Department"; "Tulsa police" itself too. None elsewhere (police in general)."""
        words = [t for t in tokens if t.lower_ not in _DETERMINERS]
        if not words or words[-1].lower_ != "police" and not _ends_police_department(words):
            return None
        if len(words) > 1 and words[-1].lower_ == "police":
            place = _surface(words[:-1])
            forces = {place} if self._is_place(place) else set()
        elif len(words) > 1:
            return None  # "the Chicago Police Department": a name of its own already
        else:
            forces = self._forces()
        if len(forces) != 1 or not self._is_place(next(iter(forces))):
            return None  # none, or two forces named: "police" could be either
        name = f"{forces.pop()} Police Department"
        return ResolvedSource(name=name, type=SourceType.GOVERNMENT, alias=_surface(tokens) or name)

    def _forces(self) -> set[str]:
        """The "<Place> police" of the article ("But police", "Local police" are none)."""
        found = {m.group(1) for m in _POLICE_FORCE.finditer(self.text)}
        vocab = self._docs[0][1].vocab if self._docs else None

        def junk(word: str) -> bool:
            return word in _NOT_PLACES or (vocab is not None and vocab[word].is_stop)

        return {f for f in found if not junk(f.split()[0].lower())}

    def _is_place(self, place: str) -> bool:
        """Whether the article's NER takes ``place`` (or its first part) for a place."""
        heads = {place, place.split("-")[0], place.split()[0]}
        return any(
            ent.label_ in {"GPE", "LOC"} and ent.text in heads
            for _, doc in self._docs
            for ent in doc.ents
        )

    def _spelled_out(self, tokens: list[Token]) -> ResolvedSource | None:
        """ "IMF" where the article wrote "the International Monetary Fund (IMF)": the full
        name, with the acronym as the alias (so the directory learns it)."""
        words = [t for t in tokens if t.lower_ not in _DETERMINERS]
        if len(words) != 1 or not _ACRONYM_WORD.fullmatch(words[0].text):
            return None
        if self._acronyms is None:
            self._acronyms = acronyms_in(self.text)
        full = self._acronyms.get(words[0].text.replace(".", ""))
        if full is None:
            full = self._initials_of(words[0].text.replace(".", ""))
        if full is None:
            return None
        entry = self._find(lambda e: e.source.name == full)
        if entry is not None:
            return replace(entry.source, alias=words[0].text)
        low = full.lower().split()
        kind = SourceType.GOVERNMENT if set(low) & _GOV_WORDS else SourceType.ORGANIZATION
        source = ResolvedSource(name=full, type=kind, alias=words[0].text)
        self._history.append(_Entry(source, None, False, subject=True))
        return source

    def _initials_of(self, acronym: str) -> str | None:
        """ "the IFS" after "the Institute for Fiscal Studies" with no "(IFS)": the one body
        named so far whose capitalised words spell the acronym."""
        if len(acronym) < 2:
            return None
        names = {
            e.source.name
            for e in self._history
            if e.source.type in _BODY_TYPES and not e.source.generic
        }
        # "Paul Johnson, director of the Institute for Fiscal Studies": affiliations count
        names |= {e.source.affiliation for e in self._history if e.source.affiliation}
        found = {name for name in names if initials(name.split()) == acronym}
        return found.pop() if len(found) == 1 else None

    def _main_namesake(self, surname: str, entry: _Entry, gender: str | None = None) -> _Entry:
        """ "Cruz" where the article names both Ted and Rafael Cruz: the one it names more
        often (the article's subject), else the one it names first ("his father, Rafael
        Cruz" comes after the story's own Cruz). ``gender``, from an honorific or the clause
        ("Trump says he would pay"), rules out the namesakes of the other one."""
        namesakes = self._namesakes_of(surname)
        if len(namesakes) < 2:
            return entry
        if gender is not None:
            known = {p.name: self._namesake_gender(p.name) for p in namesakes}
            namesakes = [p for p in namesakes if known[p.name] == gender] or [
                p for p in namesakes if known[p.name] is None
            ]
            if not namesakes:
                return entry
        top = self._main_person(namesakes)
        first, last = top.name.split()[0], top.name.split()[-1]
        found = self._find(
            lambda e: (
                e.source.type is SourceType.PERSON
                and e.source.name.split()[:1] == [first]
                and e.source.name.split()[-1:] == [last]
            )
        )
        if found is None:
            # named in full only where no source speaks ("Secrecy is no stranger to Hillary
            # Clinton's health"): the article's Clinton all the same
            found = _Entry(
                ResolvedSource(name=top.name, type=SourceType.PERSON, alias=top.name),
                None,
                False,
            )
        return found or entry

    def _touch(
        self,
        source: ResolvedSource,
        *,
        subject: bool,
        speaker: bool = False,
        quoted: bool = False,
        at: int = -1,
        main: bool = False,
    ) -> None:
        """Make the entity behind ``source`` the most recent one mentioned (its entry moves
        to the end of the history, so "he" after "If Mr. Trump ..." is Trump again)."""
        entry = self._find(lambda e: e.source.name == source.name)
        if entry is not None:
            self._history.append(
                replace(entry, subject=subject, speaker=speaker, quoted=quoted, at=at, main=main)
            )

    def _find(self, accept: Any, window: int | None = None) -> _Entry | None:
        # a reference back reaches the last few hundred sources, not the whole of a huge text
        history = self._history[-(window or _HISTORY_WINDOW) :]
        for entry in reversed(history):
            if accept(entry):
                return entry
        return None

    def _scan_before(self, mention: SpacySpan) -> None:
        """Register people and organisations named before the mention: in its doc, and in
        the paragraphs before it that hold no source ("Suu Kyi presided over a summit." then
        '"...," she said' in the next paragraph)."""
        doc = mention.doc
        if any(d is doc for _, d in self._docs):
            for _, earlier in self._docs:
                if earlier is doc:
                    break
                if id(earlier) not in self._scanned:  # no source in it: the whole paragraph
                    self._scan_doc(earlier, len(earlier))
        self._scan_doc(doc, mention.start)
        self._scanned[id(doc)] = max(self._scanned.get(id(doc), 0), mention.end)

    def _scan_doc(self, doc: Any, until: int) -> None:
        """Register the people and organisations of ``doc`` not scanned yet, up to token
        ``until``, and make salient again those a subject describes ("the president
        appeared cowed. Campaigning in 2012, he ...")."""
        key = id(doc)
        start = self._scanned.get(key, 0)
        ents = self._doc_ents.get(key)
        if ents is None:
            ents = [
                (e.start, e.end, True)
                for e in doc.ents
                if e.label_ in {"PERSON", "ORG"} or _is_country_subject(e)
            ]
            ents += [(t.left_edge.i, t.i + 1, False) for t in doc if _is_subject_description(t)]
            ents.sort()
            self._doc_ents[key] = ents
        for ent_start, ent_end, named in ents:
            if ent_start < start or ent_end > until:
                continue
            ent = doc[ent_start:ent_end]
            tokens = _content_tokens(ent)
            if not tokens:
                continue
            subject = ent.root.dep_ in {"nsubj", "nsubjpass"}
            main = subject and ent.root.head.dep_ == "ROOT"
            quoted = self._in_quotation(ent[0])
            offset = self._offset_of(doc)
            at = -1 if offset is None else offset + ent.start_char
            if named and ent.root.ent_type_ == "GPE":  # a country: never a surname ("Poor Mexico")
                country = _analyse(tokens, ent)
                if country is not None:
                    self._history.append(
                        _Entry(*country, subject=subject, quoted=quoted, at=at, main=main)
                    )
                continue
            known = self._antecedent(tokens, ent)
            if known is not None:
                # a later mention of a known source: it is salient again
                self._touch(known, subject=subject, quoted=quoted, at=at, main=main)
                continue
            if not named:
                continue  # a description of no one known: nothing to register
            analysed = _analyse(_extend_titles(tokens), ent)
            if analysed is not None:
                entry = _Entry(*analysed, subject=subject, quoted=quoted, at=at, main=main)
                self._history.append(entry)
        self._scanned[key] = max(start, until)


_CLASS_NOUNS = {k: SourceType(v) for k, v in load_map("source_class_nouns").items()}


_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_QUOTE_MARKS_RE = re.compile(r"[\"“”]|''")
_SIGNATURE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*\.?$|^@\w+\.?$")
_TAGLINE = re.compile(
    r"^([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})\s+"
    r"(?:is|was|teaches|writes|has been|served|works)\b"
)


def writers_of(text: str) -> list[tuple[int, int, str, bool]]:
    """Who writes each part of an opinion text: (start, end, name, is_letter). A letters
    page signs each letter with a line of its own ("Chris Smith.", "@plish516."): the
    letter runs from the previous signature to its own. An op-ed ends with a tagline
    ("Charlotte Meehan is playwright-in-residence at ..."): one writer for the whole text.
    News stories have neither: []."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    if len(lines) < 3:
        return []
    signatures = [(s, e, t.rstrip(".")) for s, e, t in lines[1:] if _SIGNATURE.match(t)]
    if len(signatures) >= 2:
        out, start = [], lines[1][0]
        for _s, e, name in signatures:
            out.append((start, e, name, True))
            start = e
        return out
    tagline = _TAGLINE.match(lines[-1][2])
    if tagline:
        return [(0, len(text), tagline.group(1), False)]
    return []


def _whole_hyphenated(tokens: list[Token], mention: SpacySpan) -> SpacySpan | None:
    """ "His ex-wife agreed" that the parser split into subjects "ex", "-", "wife": the
    mention "wife" as a whole word with its determiner, "His ex-wife"."""
    first = tokens[0]
    doc, i = first.doc, first.i
    if i < 2 or doc[i - 1].text not in {"-", "‐"} or doc[i - 1].whitespace_:
        return None
    if doc[i - 2].whitespace_ or not doc[i - 2].is_alpha:
        return None
    start = i - 2
    if start > 0 and doc[start - 1].lower_ in _POSSESSIVE_PRONOUNS | _DETERMINERS:
        start -= 1
    return doc[start : mention.end]


_COUNTRIES = frozenset(_DEMONYMS.values())


def _is_country_subject(ent: Any) -> bool:
    """A country as the subject of a clause ("how strongly should Mexico retaliate? It has
    shown it knows how"): "it" may go on with it."""
    name = ent.text.removeprefix("the ")
    return ent.label_ == "GPE" and name in _COUNTRIES and ent.root.dep_ in {"nsubj", "nsubjpass"}


def _bare_title(tokens: list[Token], source: ResolvedSource) -> bool:
    """Whether a person mention is a title and places only, no name and no determiner:
    "Senator from Texas", "Vermont Governor"."""
    if source.type is not SourceType.PERSON or not source.role or source.local:
        return False
    if source.generic or tokens[0].lower_ in _DETERMINERS:
        return False
    titled = False
    for tok in tokens:
        low = tok.lower_
        if low in _ROLE_WORDS or low in _TITLE_ABBREVIATIONS:
            titled = True
        elif tok.text[:1].isupper() and tok.ent_type_ not in {"GPE", "NORP"}:
            return False  # a name ("Senator Tom Baxter"), a body
    return titled


def _asking_agents(pronoun: Token) -> frozenset[str]:
    """The askers of an adverbial passive before ``pronoun`` in its sentence: "When pressed
    by Holt about jobs, his best response was ..." is about the one pressed, not Holt."""
    found = set()
    for tok in pronoun.sent:
        if tok.i >= pronoun.i:
            break
        agent = tok.head
        if tok.dep_ == "pobj" and agent.dep_ == "agent" and agent.head.dep_ == "advcl":
            found.add(_POSSESSIVE_END.sub("", tok.text))
    return frozenset(found)


def _ends_police_department(words: list[Token]) -> bool:
    return len(words) > 2 and [t.lower_ for t in words[-2:]] == ["police", "department"]


def name_lede_descriptions(
    attributions: list[Attribution], *, lede_end: int, horizon: int
) -> list[Attribution]:
    """ "A New York judge has rejected ..." in the lede, then "Manhattan Supreme Court
    Justice Frank Nervo rejected that argument": the lede's indefinite description is the
    source the story names next (news cataphora), and its later "the judge" follows. Only an
    indefinite description in the first news paragraph (ending at ``lede_end``), the next
    named source of its kind before ``horizon``, and never a role stories leave unnamed ("a
    senior official", "a spokesman")."""
    out = list(attributions)
    for i, a in enumerate(out):
        s, m = a.source, a.source_mention
        if s is None or not s.generic or s.anonymous or m is None or m.start >= lede_end:
            continue
        if m.text.split(maxsplit=1)[0].lower() not in {"a", "an"}:
            continue
        if s.role and s.role.split()[-1] in _UNNAMED_ROLES:
            continue
        named = _next_naming(out[i + 1 :], s, 0, horizon)
        if named is None:
            continue
        for k, b in enumerate(out):
            if b.source is not None and b.source.generic and b.source.name == s.name:
                out[k] = replace(b, source=replace(named, alias=b.source.alias))
    return out


_NON_SPACE = re.compile(r"\S")
_TIMESTAMP_LINE = re.compile(r"(?m)^[ \t]*\d{1,2}(?::\d{2})?[ \t]*[ap]\.[ \t]?m\.[ \t]*$")


def name_section_descriptions(attributions: list[Attribution], text: str) -> list[Attribution]:
    """A running story in timed sections ("2:45 p.m." on a line of its own) opens each
    section with a lede: "Connecticut's tax commissioner says ..." then "Kevin Sullivan says
    he ...". The person a section's first paragraph describes by a role only (an article-local
    description, no name) is the person the section names next, as in the story's own lede
    (``name_lede_descriptions``); never a role stories leave unnamed ("a spokeswoman")."""
    stamps = [m.end() for m in _TIMESTAMP_LINE.finditer(text)]
    out = list(attributions)
    for k, start in enumerate(stamps):
        end = stamps[k + 1] if k + 1 < len(stamps) else len(text)
        opening = _NON_SPACE.search(text, start)  # the section's first paragraph
        lede_end = text.find("\n", opening.start()) if opening else -1
        lede_end = end if lede_end < 0 else min(lede_end, end)
        for i, a in enumerate(out):
            s, m = a.source, a.source_mention
            if s is None or m is None or not start <= m.start < lede_end:
                continue
            if not (s.local and s.type is SourceType.PERSON and s.role) or s.anonymous:
                continue
            if s.role.split()[-1] in _UNNAMED_ROLES:
                continue
            named = _next_naming(out[i + 1 :], s, lede_end, end)
            if named is None:
                continue
            for j, b in enumerate(out):
                same = b.source is not None and b.source.name == s.name and b.source.local
                here = b.source_mention is not None and start <= b.source_mention.start < end
                if same and here and b.source is not None:
                    out[j] = replace(b, source=replace(named, alias=b.source.alias))
    return out


def _next_naming(
    later: list[Attribution], described: ResolvedSource, lo: int, hi: int
) -> ResolvedSource | None:
    """The first source of ``later`` whose mention starts in [lo, hi) and names the person
    or thing ``described`` describes."""
    for b in later:
        m = b.source_mention
        in_reach = b.source is not None and m is not None and lo <= m.start < hi
        if in_reach and _names_description(b.source, described, m.text):
            return b.source
    return None


def _names_description(named: ResolvedSource, described: ResolvedSource, mention: str) -> bool:
    """Whether a named source can be what an indefinite description stood for."""
    if named.generic or named.local or named.anonymous or " and " in named.name:
        return False
    if described.type is SourceType.PERSON:
        if named.type is not SourceType.PERSON:
            return False
        if named.role is None or described.role is None:
            return True
        want = described.role.split()[-1]
        return _role_names(named.role, want) or _role_names(named.role, _SAME_OFFICE.get(want, ""))
    if "poll" in described.name.lower().split():
        return named.type is not SourceType.PERSON and "poll" in mention.lower()
    return described.type in _BODY_TYPES and named.type in _BODY_TYPES


def _role_names(role: str, want: str) -> bool:
    """Whether "the <want>" describes someone with ``role``: "the spokesman" a
    spokesperson, "the president" a president but not a vice president."""
    words = role.replace("-", " ").split()
    if want in _TITLE_VARIANTS:
        # "the premier" for a prime minister, "the envoy" for a special coordinator
        joined = " ".join(words)
        return any(re.search(rf"\b{re.escape(o)}\b", joined) for o in _TITLE_VARIANTS[want])
    for k, word in enumerate(words):
        hit = word == want or (want == "spokes" and word.startswith("spokes"))
        if hit and not (k > 0 and words[k - 1] in {"vice", "deputy", "assistant", "associate"}):
            return True
    return False


_TITLED_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sen|Rep|Gov)\.?\s+([A-Z][\w'’-]+)")


def _surname_genders(text: str) -> dict[str, str]:
    """Surname -> gender where the article says so unambiguously: an honorific ("Mr.
    Obama") or a full name with a known given name ("Barack Obama")."""
    seen: dict[str, set[str]] = {}
    for m in _TITLED_SURNAME.finditer(text):
        gender = _HONORIFICS.get(m.group(1).lower() + ".")
        if gender:
            seen.setdefault(m.group(2).translate(_APOSTROPHES), set()).add(gender)
    for m in _FULL_NAME.finditer(text):
        first = m.group(1).lower()
        gender = _MALE if first in _MALE_NAMES else _FEMALE if first in _FEMALE_NAMES else None
        if gender:
            seen.setdefault(m.group(2).translate(_APOSTROPHES), set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}


def _given_name_gender(word: str) -> str | None:
    first = word.lower()
    male, female = first in _MALE_NAMES, first in _FEMALE_NAMES
    return _MALE if male and not female else _FEMALE if female and not male else None


_CHAIN_PRONOUNS = {"he": _MALE, "him": _MALE, "his": _MALE, "she": _FEMALE, "her": _FEMALE}


def pronoun_chain_genders(docs: list[tuple[int, Any]], quotes: list[tuple[int, int]]) -> dict:
    """Surname -> gender as the article's own pronouns show it: "Aung San Suu Kyi visited
    the White House six years after she was released" makes Suu Kyi a woman though "Aung"
    is in no list of given names. A person named as the subject of a clause votes for a
    "he"/"she" that is the subject of a clause under that clause (not one coordinated with
    it: "Trump waved, and she switched off the television"), in the same sentence, with no
    other person named in between; quoted words do not vote. The gender with more votes
    than the other wins."""

    def quoted(offset: int, tok: Any) -> bool:
        position = offset + tok.idx
        return any(start < position < end for start, end in quotes)

    votes: dict[str, Counter[str]] = {}
    for offset, doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.root.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if quoted(offset, ent[0]):
                continue
            for tok in doc[ent.end : ent.sent.end]:
                if tok.ent_type_ == "PERSON":
                    break
                gender = _CHAIN_PRONOUNS.get(tok.lower_)
                if gender is None or tok.dep_ not in {"nsubj", "nsubjpass"}:
                    continue
                if not quoted(offset, tok) and _clause_under(tok.head, ent.root.head):
                    name = _POSSESSIVE_END.sub("", ent.text).split()[-1].translate(_APOSTROPHES)
                    votes.setdefault(name, Counter())[gender] += 1
                break
    out = {}
    for name, counted in votes.items():
        ranked = counted.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[name] = ranked[0][0]
    return out


def _clause_under(verb: Any, top: Any) -> bool:
    """Whether the clause of ``verb`` is ``top``'s or one subordinate to it, through
    verbs only and no coordination."""
    while verb.i != top.i:
        if verb.dep_ == "conj" or verb.pos_ not in {"VERB", "AUX"} or verb.head.i == verb.i:
            return False
        verb = verb.head
    return True


def _pronoun_fits(entry: _Entry, cls: str, gender: str | None) -> bool:
    source = entry.source
    if cls == "person":
        if source.type is not SourceType.PERSON or entry.plural:
            return False
        return gender is None or entry.gender in (None, gender)
    if cls == "thing":
        return source.type is not SourceType.PERSON and not entry.plural
    # they / we: plural people or any body
    return entry.plural or source.type in {
        SourceType.GOVERNMENT,
        SourceType.ORGANIZATION,
        SourceType.GROUP,
        SourceType.MEDIA,
    }


def _is_subject_description(tok: Token) -> bool:
    """ "the president" as the subject of its clause, a role word under "the" outside any
    name: the person the article describes so is its subject."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    if tok.lower_ not in _ROLE_WORDS and tok.lower_ not in _GENDERED_ROLES:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _last(history: list[_Entry], accept: Any, window: int) -> _Entry | None:
    """The most recent of the last ``window`` entries of ``history`` that ``accept`` takes."""
    return next((e for e in reversed(history[-window:]) if accept(e)), None)


def _name_ends_with(source: ResolvedSource, key: str) -> bool:
    name = source.name.lower()
    if name == key:
        return True
    parts = name.split()
    keys = key.split()
    if len(parts) <= len(keys):
        return False
    if parts[-len(keys) :] == keys:
        return True
    # "al-Ansari" for "Majed al-Ansari", "Ansari" too
    last = parts[-1]
    return len(keys) == 1 and last.split("-")[-1] == keys[0]


def _reads_as_verb(tok: Token) -> bool:
    """A word after a name that is its verb, whatever the tagger said: "avoids", "demands"
    (not "supporters", "campaign", "aides": people and bodies)."""
    if tok.tag_ in {"VB", "VBD", "VBP", "VBZ", "MD"}:
        return True
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s") or _is_human_noun(tok):
        return False
    stem, lemma = tok.lower_[:-1], tok.lemma_.lower()
    nouns = (_CLASS_NOUNS, _DOCUMENT_NOUNS)
    return not stem.endswith("er") and not any(w in n for w in (stem, lemma) for n in nouns)


def _issuer_of(document: Token) -> list[Token] | None:
    """ "the Security Council issued a statement": the subject of a verb of making whose
    object is the document, when it is a name."""
    verb = document.head
    if document.dep_ != "dobj" or verb.lemma_.lower() not in _ISSUING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(t.ent_type_ in {"ORG", "PERSON", "GPE"} for t in subject.subtree):
        return None
    named = [t for t in subject.subtree if t.tag_ != "POS" and not t.is_punct]
    return named or None


def _clause_gender(subject: Token) -> str | None:
    """The gender a clause gives its subject through a possessive or reflexive pronoun of
    its own: "The Democratic nominee attacked her opponent" (a woman). Pronouns inside a
    clause with another subject do not count."""
    verb = subject.head
    if subject.dep_ not in {"nsubj", "nsubjpass"} or verb == subject:
        return None
    mine = {t.i for t in subject.subtree}
    found: set[str] = set()
    for t in verb.subtree:
        if t.i in mine or t.lower_ not in _OWN_PRONOUNS:
            continue
        node, own_clause = t.head, True
        while node != verb and node.head != node:
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                own_clause = False
                break
            node = node.head
        if own_clause:
            found.add(_OWN_PRONOUNS[t.lower_])
    return found.pop() if len(found) == 1 else None


def _acronym(tok: Token) -> bool:
    """An acronym written like a pronoun: "the WHO", "IT" are bodies."""
    return tok.text.isupper() and len(tok.text) > 1


def _pronoun(tok: Token) -> bool:
    return tok.lower_ in _PRONOUNS and not _acronym(tok)


_NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix: "Biden" is the last name of "Joseph
    R. Biden Jr.", not an inner one."""
    while len(words) > 1 and words[-1].lower().rstrip(",") in _NAME_SUFFIXES:
        words = words[:-1]
    return words


def _speaker_gender(subject: Token | None) -> str | None:
    """The gender a speech clause gives its subject through the he or she that opens what
    it says ("Trump says he would pay for it"), which is the speaker far more often than
    anyone else. (A possessive in the clause is not: "Clinton cited it as an example of his
    disrespect" is about another man.)"""
    if subject is None or subject.dep_ != "nsubj":
        return None
    verb = subject.head
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        said = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        between = verb.doc[verb.i + 1 : said.i] if said is not None else []
        if any(t.lower_ != "that" for t in between):
            continue  # right after the verb only: not a quotation's "she", not a later clause
        if said is not None and said.lower_ in {"he", "she"}:
            return _MALE if said.lower_ == "he" else _FEMALE
    return None


_PARTY_NAMES = {k: v.casefold() for k, v in load_map("source_parties").items()}


def _other(gender: str) -> str:
    return _FEMALE if gender == _MALE else _MALE


_OWN_PRONOUNS = {"his": _MALE, "himself": _MALE, "her": _FEMALE, "herself": _FEMALE}


def _relative_antecedent_np(pronoun: Token) -> Any:
    """The noun phrase a relative pronoun stands for, without the relative clause."""
    clause = pronoun.head
    if pronoun.i > clause.i:
        return None
    while clause.dep_ == "conj" and clause.head.dep_ in {"relcl", "acl"}:
        clause = clause.head  # "someone who ... and who has come out ...": the first clause's
    if clause.dep_ not in {"relcl", "acl"}:
        return _noun_before(pronoun)
    noun = _referring_noun(clause.head, human=pronoun.lower_ in {"who", "whom"})
    if noun.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
        return None
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        # "John Bentel, a tech staffer at the State Department who told ...": John Bentel
        name = noun.head
        return noun.doc[name.left_edge.i : name.i + 1]
    subject = _predicated_of(noun)
    if subject is not None:
        return subject
    if noun.pos_ in {"PRON", "NUM"}:
        return None  # "someone who ...": no one in particular
    start = noun.left_edge.i
    end = clause.left_edge.i if clause.left_edge.i > noun.i else noun.i + 1
    if noun.i != clause.head.i:
        end = noun.i + 1  # "the nominee for president, who": the nominee, not his office
    if end <= start:
        return None
    return noun.doc[start:end]


def _noun_before(pronoun: Token) -> Any:
    """ "the Chicago Police Department which reported ..." that the parser took for a clause
    of its own: the name right before "which"/"who" (a comma between allowed)."""
    if pronoun.lower_ not in {"which", "who"} or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    i = pronoun.i - 1
    if i >= 0 and pronoun.doc[i].text == ",":
        i -= 1
    if i < 0 or pronoun.doc[i].pos_ != "PROPN" or pronoun.doc[i].dep_ == "compound":
        return None
    noun = pronoun.doc[i]
    return noun.doc[noun.left_edge.i : noun.i + 1]


def _referring_noun(noun: Token, *, human: bool) -> Token:
    """The noun a relative clause hanging on ``noun`` describes: "one of three members who
    voted" is about the one; "the nominee for president, who began" about the nominee (a
    bare role after a preposition names an office, not a person); with ``human`` ("who"),
    "a banker from Lagos, who said" about the banker, not the place."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i >= noun.i:
        return noun
    owner = prep.head
    partitive = prep.lower_ == "of" and (owner.lower_ == "one" or owner.pos_ == "NUM")
    bare_role = (
        noun.tag_ == "NN"  # "a meeting with House members who ..." are the members
        and (noun.lower_ in _ROLE_WORDS or noun.lower_ in _GENDERED_ROLES)
        and not any(c.dep_ in {"det", "poss", "nummod", "compound"} for c in noun.children)
    )
    place = human and noun.ent_type_ in _PLACE_ENTS
    if partitive or (
        (place or (bare_role and noun.pos_ == "NOUN")) and owner.pos_ in {"NOUN", "PROPN"}
    ):
        return owner
    return noun


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _predicated_of(noun: Token) -> Any:
    """The subject a noun is said of: "Kaine is a former lawyer who opposes ..." (Kaine),
    "Scott was one of three members who voted ..." (Scott), "As someone who grew up there,
    I know ..." (I)."""
    verb = None
    if noun.dep_ == "attr":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"PROPN", "NOUN", "PRON"} or subject.i == noun.i:
        return None
    return noun.doc[subject.left_edge.i : subject.i + 1]

"""Who is behind a source mention: canonical name, type, role, affiliation, coreference.

A :class:`SourceResolver` is built once per article and fed the article's source mentions
in text order. Each mention is analysed by rule over spaCy's parse and named entities plus
small hand-written lexicons (titles and roles, media outlets, government-body words,
document nouns, first names):

* "US State Department spokesperson Matthew Miller" → Matthew Miller, person, role
  "spokesperson", affiliation "US State Department" (government);
* "Qatar's foreign ministry" → "Qatar's Foreign Ministry" (government): body words are
  title-cased and curly apostrophes straightened in the canonical name only, so the variants
  of one body meet; the alias keeps the mention as written;
* "an AFP tally based on official Israeli figures" → AFP (media), based on "official Israeli
  figures" (a document made by a named author speaks for that author);
* "a senior official who spoke on condition of anonymity" → "anonymous senior official";
* pronouns and definite descriptions ("he", "the ministry", "the spokesman", "the Post",
  a bare surname) → the most recent compatible source of the article (gender from a title,
  role word or first name, number, type). No coreference package works offline here, so
  this is the classic most-recent-compatible-antecedent rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.extraction.people import Person, acronyms_in, describes, descriptor_word, people_of
from app.extraction.types import ResolvedSource, SourceType, Span

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


# --- lexicons ------------------------------------------------------------------------------


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_LEXICONS = Path(__file__).resolve().parent / "lexicons"


def _lexicon(name: str) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt``: one a line, ``#`` starts a comment."""
    lines = (_LEXICONS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(e for e in (line.split("#", 1)[0].strip() for line in lines) if e)


_MALE, _FEMALE = "m", "f"

_PRONOUNS: dict[str, tuple[str, str | None]] = {
    # pronoun: (class, gender)  class: person / thing / plural / any
    "he": ("person", _MALE), "him": ("person", _MALE), "his": ("person", _MALE),
    "she": ("person", _FEMALE), "her": ("person", _FEMALE),
    "i": ("person", None), "me": ("person", None),
    "it": ("thing", None), "its": ("thing", None),
    "they": ("plural", None), "them": ("plural", None), "their": ("plural", None),
    "we": ("plural", None), "us": ("plural", None),
}  # fmt: skip

_HONORIFICS: dict[str, str | None] = {
    "mr": _MALE, "mr.": _MALE, "mrs": _FEMALE, "mrs.": _FEMALE, "ms": _FEMALE,
    "ms.": _FEMALE, "miss": _FEMALE, "dr": None, "dr.": None, "sir": _MALE, "dame": _FEMALE,
    "lord": _MALE, "lady": _FEMALE, "madam": _FEMALE, "sheikh": _MALE, "rabbi": None,
    "rev.": None, "reverend": None, "father": _MALE, "sister": _FEMALE, "brother": _MALE,
}  # fmt: skip

# Abbreviated titles and what they stand for.
_TITLE_ABBREVIATIONS = {
    "sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor",
    "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant",
    "adm.": "admiral", "maj.": "major", "capt.": "captain", "cmdr.": "commander",
    "prof.": "professor", "pres.": "president", "supt.": "superintendent", "amb.": "ambassador",
    "atty.": "attorney", "insp.": "inspector", "det.": "detective", "cpl.": "corporal",
    "pvt.": "private", "lt": "lieutenant", "gen": "general", "gov": "governor",
}  # fmt: skip

# Multi-word roles, matched before single words ("secretary of state" is one role).
_MULTIWORD_ROLES = (
    "secretary of state", "secretary of defense", "secretary of the treasury",
    "secretary of homeland security", "chief of staff", "chief of police",
    "attorney general", "prime minister", "vice president", "foreign minister",
    "defense minister", "defence minister", "finance minister", "interior minister",
    "health minister", "press secretary", "defense secretary", "foreign secretary",
    "home secretary", "national security adviser", "national security advisor",
    "secretary general", "secretary-general", "chief executive", "chief executive officer",
    "supreme leader", "crown prince", "house speaker", "majority leader", "minority leader",
    "white house press secretary", "deputy prime minister", "first lady",
    "head of state", "commander in chief", "commander-in-chief", "high commissioner",
    "special envoy", "special counsel", "district attorney", "police chief",
    "army chief", "military spokesman", "military spokesperson", "state senator",
    "state representative", "chief justice", "police commissioner", "foreign ministry spokesman",
)  # fmt: skip

_MULTIWORD_ROLE_SET = frozenset(_MULTIWORD_ROLES)
_ROLE_WORDS = _words(
    """
    spokesperson spokesman spokeswoman spokespeople president minister secretary senator
    representative congressman congresswoman congressmember governor mayor chancellor
    ambassador envoy official officer director chief commander general adviser advisor aide
    analyst expert professor researcher economist lawyer attorney judge justice chairman
    chairwoman chair chairperson ceo cfo coo executive founder cofounder co-founder leader
    head king queen prince princess pope speaker lawmaker legislator member negotiator
    mediator diplomat correspondent reporter editor columnist author scientist doctor
    physician nurse witness resident activist candidate nominee strategist pollster consultant
    manager coach captain lieutenant colonel sergeant major admiral commissioner inspector
    premier emir sheikh monarch sultan ayatollah cleric imam bishop archbishop cardinal
    rabbi pastor priest mp mep deputy superintendent sheriff prosecutor detective historian
    journalist producer host anchor owner partner principal teacher student worker soldier
    councilman councilwoman councillor councilor alderman delegate commissioner director-general
    administrator coordinator organizer organiser campaigner fellow lecturer dean provost
    rector governor-general viceroy magistrate counsel solicitor barrister paramedic surgeon
    epidemiologist virologist psychologist engineer physicist economist treasurer auditor
    regulator trustee board investor banker trader broker officer spokes
    """
)
# Words that may precede a role word inside the role ("senior official", "deputy minister").
_ROLE_MODIFIERS = _words(
    """
    senior junior deputy former acting top chief assistant associate interim lead principal
    foreign prime vice first special executive managing general regional local national
    international military government state federal presidential party ranking longtime
    veteran retired outgoing incoming newly elected co press defense
    defence finance interior health security intelligence economic political legal medical
    public independent
    """
)
_GENDERED_ROLES = {
    "spokesman": _MALE, "spokeswoman": _FEMALE, "chairman": _MALE, "chairwoman": _FEMALE,
    "congressman": _MALE, "congresswoman": _FEMALE, "king": _MALE, "queen": _FEMALE,
    "prince": _MALE, "princess": _FEMALE, "councilman": _MALE, "councilwoman": _FEMALE,
    "businessman": _MALE, "businesswoman": _FEMALE, "emir": _MALE, "sheikh": _MALE,
    "sultan": _MALE, "pope": _MALE, "first lady": _FEMALE, "crown prince": _MALE,
    "father": _MALE, "mother": _FEMALE, "husband": _MALE, "wife": _FEMALE, "man": _MALE,
    "woman": _FEMALE, "son": _MALE, "daughter": _FEMALE, "brother": _MALE, "sister": _FEMALE,
    "boy": _MALE, "girl": _FEMALE, "actor": _MALE, "actress": _FEMALE,
}  # fmt: skip

_MALE_NAMES = _lexicon("given_names_male") | _lexicon("given_names_male_extra")
_FEMALE_NAMES = _lexicon("given_names_female") | _lexicon("given_names_female_extra")

_MEDIA_NAMES = _words(
    """
    afp reuters ap bbc cnn msnbc nbc abc cbs npr pbs bloomberg axios politico haaretz
    xinhua tass interfax yonhap kyodo dpa ansa efe ynet newsweek vox breitbart huffpost
    buzzfeed semafor vice wsj nyt ft cnbc fox sky ria wafa anadolu irna mehr tasnim
    """
)
_MEDIA_PHRASES = (
    "associated press", "agence france-presse", "agence france presse", "al jazeera",
    "al-jazeera", "al arabiya", "al-arabiya", "fox news", "sky news", "new york times",
    "washington post", "wall street journal", "new york post", "usa today",
    "los angeles times", "financial times", "the guardian", "the independent",
    "the telegraph", "daily mail", "the economist", "the atlantic", "the hill",
    "times of israel", "jerusalem post", "channel 12", "channel 13", "kan news",
    "le monde", "der spiegel", "la repubblica", "el pais", "south china morning post",
    "global times", "the new yorker", "the intercept", "propublica", "the daily beast",
    "the times", "the sun", "the mirror", "the post", "state media", "state television",
    "state tv", "news agency", "the conversation",
)  # fmt: skip
_MEDIA_WORDS = _words(
    """
    times post news journal herald tribune gazette telegraph guardian chronicle inquirer
    observer examiner magazine radio tv television broadcasting broadcaster network channel
    newspaper daily weekly wire outlet tabloid
    """
)

_GROUP_NAMES = (
    "hamas", "hezbollah", "hizbollah", "taliban", "houthis", "houthi", "houthi rebels",
    "islamic jihad", "palestinian islamic jihad", "isis", "isil", "islamic state",
    "al-qaeda", "al qaeda", "al-qaida", "al-shabab", "al-shabaab", "boko haram", "pkk",
    "wagner", "wagner group", "proud boys", "antifa", "hts", "hayat tahrir al-sham",
    "ansar allah", "al-aqsa martyrs brigades", "qassam brigades", "al-qassam brigades",
)  # fmt: skip
_GROUP_WORDS = _words(
    """
    group movement militia militias militants militant rebels insurgents fighters brigades
    faction factions guerrillas gunmen protesters protestors demonstrators activists
    extremists jihadists separatists
    """
)
_GOV_WORDS = _words(
    """
    ministry department government administration office cabinet parliament congress
    senate house kremlin pentagon police army military forces idf authorities authority
    officials embassy consulate council court judiciary prosecutors prosecutor's
    prosecutor agency bureau commission directorate regime junta presidency knesset duma
    legislature assembly municipality governorate secretariat mission delegation
    """
)
_GOV_NAMES = (
    "white house", "state department", "foreign office", "downing street", "elysee",
    "élysée", "the pentagon", "kremlin", "fbi", "cia", "nsa", "dhs", "doj", "idf",
    "justice department", "defense department", "treasury", "home office", "mossad",
    "shin bet", "cogat", "knesset", "congress", "senate", "supreme court",
)  # fmt: skip
_DOCUMENT_NOUNS = _words(
    """
    poll polls survey surveys report reports study studies statement statements tally
    analysis analyses data figures figure document documents memo memorandum letter filing
    filings complaint lawsuit indictment ruling verdict census audit review assessment
    estimate estimates count records record release research investigation findings
    affidavit transcript tweet tweets post posts video cable order decision forecast
    projection projections model models testimony communique communiqué declaration
    bulletin notice advisory warning paper papers book article editorial op-ed index
    database dataset survey-based press-release readout tallies numbers toll remarks
    comments words speech account message interview op-ed column results note
    """
)
_HUMAN_NOUNS = _words(
    """
    official spokesman spokeswoman spokesperson source witness resident expert analyst lawyer
    attorney doctor physician nurse teacher student worker soldier officer diplomat aide
    adviser advisor negotiator mediator lawmaker senator man woman mother father survivor
    relative neighbor neighbour professor researcher economist scientist activist leader
    commander president minister candidate voter victim employee executive founder owner
    historian journalist reporter correspondent editor member insider person someone
    representative envoy ambassador judge prosecutor investigator inspector strategist
    consultant pollster critic supporter opponent friend colleague patient resident
    official farmer driver passenger manager director chairman chairwoman mayor governor
    boy girl child parent son daughter brother sister husband wife spokespeople people
    """
)
_PLURAL_GOV = frozenset({"officials", "authorities", "prosecutors", "police", "investigators"})
_ANONYMOUS = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|(?:he|she|they)\s+not\s+be)|"
    r"anonymous(?:ly)?|unnamed|unidentified|not\s+authori[sz]ed\s+to|asked\s+not\s+to\s+be|"
    r"declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|"
    r"familiar\s+with|speaking\s+on\s+background|on\s+background|knowledgeable\s+about|"
    r"with\s+knowledge\s+of|briefed\s+on)",
    re.IGNORECASE,
)
_DEMONYMS = {
    "american": "United States", "israeli": "Israel", "palestinian": "Palestinian Authority",
    "qatari": "Qatar", "egyptian": "Egypt", "british": "United Kingdom", "russian": "Russia",
    "ukrainian": "Ukraine", "chinese": "China", "french": "France", "german": "Germany",
    "iranian": "Iran", "lebanese": "Lebanon", "syrian": "Syria", "saudi": "Saudi Arabia",
    "turkish": "Turkey", "indian": "India", "japanese": "Japan", "jordanian": "Jordan",
    "iraqi": "Iraq", "emirati": "United Arab Emirates", "canadian": "Canada",
    "australian": "Australia", "italian": "Italy", "spanish": "Spain", "polish": "Poland",
    "mexican": "Mexico", "brazilian": "Brazil", "korean": "South Korea",
    "south korean": "South Korea", "north korean": "North Korea", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "yemeni": "Yemen", "european": "European Union",
    "dutch": "Netherlands", "swedish": "Sweden", "norwegian": "Norway", "irish": "Ireland",
    "u.s.": "United States", "us": "United States",
}  # fmt: skip
# Capitals standing for their governments ("Washington indicated ..."); the NER often
# takes a lone capital for a person.
_CAPITALS = _words(
    """
    washington moscow beijing kyiv kiev tehran doha cairo ankara riyadh jerusalem brussels
    london paris berlin tokyo seoul pyongyang damascus beirut baghdad kabul islamabad delhi
    ottawa canberra amman caracas havana taipei rome madrid warsaw budapest minsk tripoli
    khartoum nairobi addis pretoria brasilia bogota lima santiago buenos manila jakarta
    hanoi bangkok dhaka kathmandu tbilisi yerevan baku tashkent astana muscat manama
    sanaa ramallah
    """
)
_PARTIES = {
    "democratic": "Democratic Party", "democrat": "Democratic Party",
    "republican": "Republican Party", "gop": "Republican Party",
    "labour": "Labour Party", "tory": "Conservative Party", "likud": "Likud",
}  # fmt: skip
_EPITHETS = _words(
    """
    businessman businesswoman tycoon mogul billionaire millionaire actor actress star singer
    rapper writer author nominee candidate frontrunner front-runner contender hopeful
    politician incumbent challenger rival veteran republican democrat conservative liberal
    man woman father mother lawmaker official leader host billionaire developer magnate
    """
)
_NOT_GIVEN_NAMES = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday president senator sen rep gov
    the former late new north south east west united great said says told asked when while
    after before during since but and yet so if that this these those when where why how
    democrat democrats republican republicans gop house senate white black first lady
    """
)
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL"})
_HONORIFIC_PREFIX = re.compile(r"^(?:(?:the\s+)?(?:Mr|Mrs|Ms|Dr|Messrs)\.?\s+)(?=[A-Z])")
# "First Last" pairs, overlapping ("Donald John Trump" gives both pairs)
_NAME_PAIR = re.compile(
    r"(?=(?<![\w.])([A-Z][a-z][\w'’-]*)\s+(?:([A-Z])\.\s+)?([A-Z][\w'’-]*[\w])\b)"
)
_FULL_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z][\w'’-]*)")
_HISTORY_WINDOW = 300
_ACRONYM_WORD = re.compile(r"(?:[A-Z]\.?){2,6}")
_SUBJECT_WINDOW = 6
_SPEAKER_WINDOW = 2
_ADDRESSEE = frozenset({"you", "your", "yourself", "yourselves", "y'all"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "one"})
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "de", "al"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_CHAIN_VERBS = frozenset({"based", "citing", "drawing", "relying", "quoting", "derived"})
_ROLE_NOUN_ALIASES = {"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes"}


# --- the resolver ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    source: ResolvedSource
    gender: str | None
    plural: bool
    subject: bool = False  # a speaker, or the subject of its clause: the likeliest "he"
    speaker: bool = False  # the source of an attribution


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
        self._acronyms: dict[str, str] | None = None
        self._history: list[_Entry] = []
        self._scanned: dict[int, int] = {}  # id(doc) -> token index scanned up to
        self._offsets: dict[int, int | None] = {}  # id(doc) -> its offset in the text
        self._doc_ents: dict[int, list[tuple[int, int]]] = {}  # id(doc) -> PERSON/ORG
        self._cursor = 0
        self._names: list[tuple[int, str, str]] | None = None  # given-name full names
        # surname -> (start, "First Last", "First"), built on first use
        self._full_names: dict[str, list[tuple[int, str, str]]] | None = None

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
        if len(tokens) == 1 and tokens[0].lower_ in _RELATIVE_PRONOUNS:
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
        conjuncts = _conjuncts(tokens)
        if len(conjuncts) > 1:
            return self._resolve_coordination(tokens, conjuncts, mention, based_span)
        if len(tokens) > 1 and tokens[0].lower_ in _POSSESSIVE_PRONOUNS:
            owned = self._resolve_owned(tokens, mention)
            if owned is not None:
                return ResolvedMention(owned, based_span)
        # coreference first: pronouns, descriptions, surnames
        antecedent = self._antecedent(tokens, mention)
        if antecedent is not None:
            self._touch(antecedent, subject=True, speaker=True)
            return ResolvedMention(antecedent, based_span)
        if len(tokens) == 1 and tokens[0].lower_ in _PRONOUNS:
            return None
        spelled = self._spelled_out(tokens)
        if spelled is not None:
            return ResolvedMention(spelled, based_span)
        if _not_a_speaker(tokens):
            return None
        analysed = _analyse(tokens, mention)
        if analysed is None:
            return None
        source, gender, plural = analysed
        self._history.append(_Entry(source, gender, plural, subject=True, speaker=True))
        return ResolvedMention(source, based_span)

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

    # -- coreference --

    def _antecedent(self, tokens: list[Token], mention: SpacySpan) -> ResolvedSource | None:
        words = [t for t in tokens if t.lower_ not in _DETERMINERS]
        if len(tokens) == 1 and tokens[0].lower_ in _PRONOUNS:
            cls, gender = _PRONOUNS[tokens[0].lower_]
            entry = None
            if cls == "person" and gender is not None:
                # the last speaker, else subject, goes on: "X said Y did Z ... He added"
                entry = self._find(
                    lambda e: e.speaker and _pronoun_fits(e, cls, gender) and e.gender == gender,
                    window=_SPEAKER_WINDOW,
                ) or self._find(
                    lambda e: e.subject and _pronoun_fits(e, cls, gender) and e.gender == gender,
                    window=_SUBJECT_WINDOW,
                )
            if entry is None and cls == "person" and gender is not None:
                # a known "she" among the last few sources beats a more recent unknown
                entry = self._find(
                    lambda e: _pronoun_fits(e, cls, gender) and e.gender == gender, window=6
                )
            if entry is None:
                entry = self._find(lambda e: _pronoun_fits(e, cls, gender))
            if entry is None and cls == "person" and gender is not None:
                return self._gendered_name_before(tokens[0], gender)
            return entry.source if entry else None
        if not words:
            return None
        first = tokens[0].lower_
        head = words[-1]
        titles = {t.i for t in words if t.lower_ in _HONORIFICS or t.lower_ in _TITLE_ABBREVIATIONS}
        if titles and len(words) > len(titles):
            words = [t for t in words if t.i not in titles]  # "Mr. Cruz" is "Cruz"
        # a bare surname or a short form of a name seen before: "Miller", "the Post"
        if all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in words) and len(words) <= 2:
            key = " ".join(t.text for t in words).translate(_APOSTROPHES).lower()
            named_thing = any(t.ent_type_ in {"ORG", "GPE", "NORP", "LOC"} for t in words)

            def fits(e: _Entry) -> bool:
                if " and " in e.source.name or not _name_ends_with(e.source, key):
                    return False
                if e.source.type is SourceType.PERSON:
                    return not named_thing  # "Miller" for "Matthew Miller"
                return first == "the"  # "the Post" for "New York Post"

            entry = self._find(fits)
            if entry is not None and entry.source.type is SourceType.PERSON and len(words) == 1:
                entry = self._main_namesake(words[0].text, entry)
            if entry is not None and key != entry.source.name.lower():
                return replace(entry.source, alias=_surface(tokens))
            if entry is None and len(words) == 1 and _could_be_surname(words[0]):
                return self._person_from_text(words[0], mention)
            return None
        definite = first in {"the", "this", "that", "these", "those"}
        if not definite or len(words) > 4:
            return None
        described = self._described(words, _head(words), mention)
        if described is not None:
            return described
        if any(t.ent_type_ in {"PERSON", "ORG"} for t in words):
            return None
        head = _head(words)  # "the former secretary of state": secretary
        noun = head.lower_
        lemma = head.lemma_.lower()
        # "the spokesman", "the president", "the senator": a role seen before
        if noun in _ROLE_WORDS or lemma in _ROLE_WORDS or noun in _GENDERED_ROLES:
            want = _ROLE_NOUN_ALIASES.get(lemma, lemma)
            gender = _GENDERED_ROLES.get(noun)
            entry = self._find(
                lambda e: (
                    e.source.type is SourceType.PERSON
                    and e.source.role is not None
                    and _role_names(e.source.role, want)
                    and (gender is None or e.gender in (None, gender))
                )
            )
            if entry is not None:
                return entry.source
        epithet = noun in _EPITHETS or lemma in _EPITHETS
        if (epithet or _is_human_noun(head)) and noun not in _ROLE_WORDS and head.tag_ == "NN":
            # "the businessman", "the Wisconsin Republican", "the retired neurosurgeon": the
            # last person whose role does not contradict it
            gender = _GENDERED_ROLES.get(noun)

            def person_fits(e: _Entry) -> bool:
                return (
                    e.source.type is SourceType.PERSON
                    and not e.plural
                    and (gender is None or e.gender in (None, gender))
                )

            # someone already described so ("retired neurosurgeon"), else the last person
            # whose role does not contradict it
            entry = self._find(
                lambda e: person_fits(e) and noun in (e.source.role or "").split()
            ) or self._find(lambda e: person_fits(e) and (epithet or e.source.role is None))
            if entry is not None:
                return entry.source
        # "the ministry", "the department": a body whose name has the word
        entry = self._find(
            lambda e: (
                e.source.type is not SourceType.PERSON and lemma in e.source.name.lower().split()
            )
        )
        if entry is not None:
            return entry.source
        wanted_type = _CLASS_NOUNS.get(lemma)
        if wanted_type is not None:
            entry = self._find(lambda e: e.source.type is wanted_type)
            if entry is not None:
                return entry.source
        return None

    def _described(self, words: list[Token], head: Token, mention: Any) -> ResolvedSource | None:
        """ "the Republican nominee": the person the article describes so elsewhere."""
        if head.tag_ != "NN" or not _is_human_noun(head) or not self._docs:
            return None
        if self._people is None:
            self._people = people_of(self._docs)
        offset = self._offset_of(mention.doc)
        position = (offset or 0) + words[0].idx
        modifiers = [descriptor_word(t) for t in words if t.i < head.i and not t.is_punct]
        name = describes(self._people, descriptor_word(head), modifiers, before=position)
        if name is None:
            return None
        entry = self._find(lambda e: e.source.name == name)
        if entry is not None:
            return replace(entry.source, alias=_surface(words))
        source = ResolvedSource(name=name, type=SourceType.PERSON, alias=name)
        self._history.append(_Entry(source, _GENDERED_ROLES.get(head.lower_), False))
        return replace(source, alias=_surface(words))

    def _person_from_text(self, surname: Token, mention: Any) -> ResolvedSource | None:
        """ "Trump" → "Donald Trump" when the article names him in full somewhere.

        The nearest "First Last" before the mention wins (else the first after it); the
        first word must look like a given name: not a title, a stop word, a month or a
        place. The NER often takes a lone surname for an organisation or a place.
        """
        doc = surname.doc
        offset = self._offset_of(doc)
        position = (offset if offset is not None else 0) + surname.idx
        if self._full_names is None:
            self._full_names = {}
            for m in _NAME_PAIR.finditer(self.text):
                full = self.text[m.start(1) : m.end(3)]
                self._full_names.setdefault(m.group(3), []).append((m.start(1), full, m.group(1)))
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
            ):
                continue
            before = self.text[max(0, start - 3) : start]
            opens_sentence = start == 0 or re.search(r"(?:[.!?\"“”:]\s*|\n)$", before)
            if opens_sentence and low not in _MALE_NAMES and low not in _FEMALE_NAMES:
                continue  # "Maybe Trump ...": a capitalised word opening a sentence
            if best is None or start < position:
                best = (start, full, first)
            if start >= position:
                break
        if best is None:
            return None
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
            return None
        entry = self._find(lambda e: e.source.name == full)
        if entry is not None:
            return replace(entry.source, alias=words[0].text)
        low = full.lower().split()
        kind = SourceType.GOVERNMENT if set(low) & _GOV_WORDS else SourceType.ORGANIZATION
        source = ResolvedSource(name=full, type=kind, alias=words[0].text)
        self._history.append(_Entry(source, None, False, subject=True))
        return source

    def _main_namesake(self, surname: str, entry: _Entry) -> _Entry:
        """ "Cruz" where the article names both Ted and Rafael Cruz: the one it names in
        full more often (the article's subject), else the most recent one."""
        if self._people is None:
            self._people = people_of(self._docs)
        namesakes = [p for p in self._people.values() if p.name.split()[-1] == surname]
        if len(namesakes) < 2:
            return entry
        top = max(namesakes, key=lambda p: p.mentions)
        if sum(1 for p in namesakes if p.mentions == top.mentions) > 1:
            return entry
        first, last = top.name.split()[0], top.name.split()[-1]
        found = self._find(
            lambda e: (
                e.source.type is SourceType.PERSON
                and e.source.name.split()[:1] == [first]
                and e.source.name.split()[-1:] == [last]
            )
        )
        return found or entry

    def _touch(self, source: ResolvedSource, *, subject: bool, speaker: bool = False) -> None:
        """Make the entity behind ``source`` the most recent one mentioned (its entry moves
        to the end of the history, so "he" after "If Mr. Trump ..." is Trump again)."""
        entry = self._find(lambda e: e.source.name == source.name)
        if entry is not None:
            self._history.append(replace(entry, subject=subject, speaker=speaker))

    def _find(self, accept: Any, window: int | None = None) -> _Entry | None:
        # a reference back reaches the last few hundred sources, not the whole of a huge text
        history = self._history[-(window or _HISTORY_WINDOW) :]
        for entry in reversed(history):
            if accept(entry):
                return entry
        return None

    def _scan_before(self, mention: SpacySpan) -> None:
        """Register people and organisations named in the mention's doc before it."""
        doc = mention.doc
        key = id(doc)
        start = self._scanned.get(key, 0)
        ents = self._doc_ents.get(key)
        if ents is None:
            ents = [(e.start, e.end) for e in doc.ents if e.label_ in {"PERSON", "ORG"}]
            self._doc_ents[key] = ents
        for ent_start, ent_end in ents:
            if ent_start < start or ent_end > mention.start:
                continue
            ent = doc[ent_start:ent_end]
            tokens = _content_tokens(ent)
            if not tokens:
                continue
            subject = ent.root.dep_ in {"nsubj", "nsubjpass"}
            known = self._antecedent(tokens, ent)
            if known is not None:
                # a later mention of a known source: it is salient again
                self._touch(known, subject=subject)
                continue
            analysed = _analyse(_extend_titles(tokens), ent)
            if analysed is not None:
                self._history.append(_Entry(*analysed, subject=subject))
        self._scanned[key] = max(self._scanned.get(key, 0), mention.end)


_CLASS_NOUNS = {
    "group": SourceType.GROUP, "movement": SourceType.GROUP, "militants": SourceType.GROUP,
    "company": SourceType.ORGANIZATION, "firm": SourceType.ORGANIZATION,
    "organization": SourceType.ORGANIZATION, "organisation": SourceType.ORGANIZATION,
    "newspaper": SourceType.MEDIA, "paper": SourceType.MEDIA, "outlet": SourceType.MEDIA,
    "broadcaster": SourceType.MEDIA, "network": SourceType.MEDIA,
    "government": SourceType.GOVERNMENT, "administration": SourceType.GOVERNMENT,
    "regime": SourceType.GOVERNMENT, "country": SourceType.GOVERNMENT,
}  # fmt: skip


def _role_names(role: str, want: str) -> bool:
    """Whether "the <want>" describes someone with ``role``: "the spokesman" a
    spokesperson, "the president" a president but not a vice president."""
    words = role.replace("-", " ").split()
    for k, word in enumerate(words):
        hit = word == want or (want == "spokes" and word.startswith("spokes"))
        if hit and not (k > 0 and words[k - 1] in {"vice", "deputy", "assistant", "associate"}):
            return True
    return False


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


# --- analysing a mention ---------------------------------------------------------------------


_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})


def _conjuncts(tokens: list[Token]) -> list[list[Token]]:
    """The parts of a coordinated mention ("both Israel and Hamas"), or ``[tokens]``.

    Only a coordination of the mention's head counts: "Nelson Diaz, a former aide to Mr.
    Rubio and now the chairman ..." is one person with two descriptions.
    """
    head = _head(tokens)
    ids = {t.i for t in tokens}
    heads = [head]
    frontier = [head]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if child.dep_ == "conj" and child.i in ids:
                heads.append(child)
                frontier.append(child)
    if len(heads) == 1:
        return [tokens]
    # "the US and Qatari governments" shares a head: keep it whole
    if any(h.pos_ == "ADJ" for h in heads):
        return [tokens]
    conj_ids = {h.i for h in heads}
    parts: list[list[Token]] = []
    for h in heads:
        own = set()
        stack = [h]
        while stack:
            node = stack.pop()
            own.add(node.i)
            for child in node.children:
                if child.i in conj_ids or child.dep_ == "cc" or child.i not in ids:
                    continue
                stack.append(child)
        part = [t for t in tokens if t.i in own and not (t.is_punct and t.text != "-")]
        part = [t for t in part if t.lower_ not in {"both", "either", "neither"}]
        if part:
            parts.append(part)
    return parts if len(parts) > 1 else [tokens]


def _content_tokens(span: Any) -> list[Token]:
    """Tokens of the mention without surrounding punctuation, quotes and spaces."""
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"according", "to", "by"}):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _based_on(mention: SpacySpan) -> tuple[int, int, int] | None:
    """(cut token, start, end) of "based on X" / "citing X" inside the mention."""
    for tok in mention:
        if tok.lower_ not in _CHAIN_VERBS or tok.dep_ not in {"acl", "advcl", "prep", "amod"}:
            continue
        objs: list[Token] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"on", "upon", "from"}:
                objs.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "dobj":
                objs.append(child)
        if objs:
            obj = objs[0]
            start = obj.left_edge.i
            end = min(obj.right_edge.i + 1, mention.end)
            cut = tok.i
            while cut > mention.start and mention.doc[cut - 1].is_punct:
                cut -= 1
            return cut, start, end
    return None


def _cut_clauses(tokens: list[Token]) -> list[Token]:
    """Drop relative clauses, parentheticals and trailing modifiers of the head NP."""
    out: list[Token] = []
    depth = 0
    for tok in tokens:
        if tok.text in {"(", "["}:
            depth += 1
            continue
        if tok.text in {")", "]"}:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if tok.lower_ in {"who", "which", "that", "whose", "whom"} and out:
            break
        if tok.dep_ in {"relcl", "acl"} and out and tok.i > out[-1].i:
            break
        if tok.tag_ in {"VBG", "VBN", "VBD", "VBZ"} and out and out[-1].text == ",":
            break  # "Trump, speaking to veterans in Virginia," is Trump
        out.append(tok)
    while out and (out[-1].is_punct or out[-1].lower_ in {"and", "or"}):
        out.pop()
    return out


def _text_between(first: Token, last: Token) -> str:
    """The text from ``first`` to ``last`` as written (``Doc.text`` rebuilds the whole
    paragraph on every access: far too slow to call per mention)."""
    return first.doc[first.i : last.i + 1].text


def _surface(tokens: list[Token]) -> str:
    """The mention as written, from its first to last word, without a leading article."""
    words = list(tokens)
    while words and words[0].lower_ in _DETERMINERS and len(words) > 1:
        words = words[1:]
    if not words:
        return ""
    return _text_between(words[0], words[-1])


def _analyse(tokens: list[Token], mention: Any) -> tuple[ResolvedSource, str | None, bool] | None:
    """Analyse a mention that is not a reference back: None when nothing names a source."""
    analysed = _analyse_words(tokens, mention)
    if analysed is None or not any(c.isalnum() for c in analysed[0].name):
        return None  # "'s", "—": no words, no source
    return analysed


def _analyse_words(
    tokens: list[Token], mention: Any
) -> tuple[ResolvedSource, str | None, bool] | None:
    text_all = " ".join(t.text for t in mention)
    anonymous = bool(_ANONYMOUS.search(text_all))
    person = _person_entity(tokens)
    if person is None:
        person = _given_name_run(tokens)
    if len(tokens) == 1 and tokens[0].lower_ in _CAPITALS:
        person = None
    if person is not None:
        return _analyse_person(tokens, person)
    other = _analyse_other(tokens, anonymous)
    if other is None or not _is_generic(tokens, other[0]):
        return other
    source, gender, plural = other
    if tokens[0].lower_ in _DEFINITE and not plural and not source.anonymous:
        return replace(source, local=True), gender, plural  # "the union": someone in particular
    return replace(source, generic=True), gender, plural


def _person_entity(tokens: list[Token]) -> list[Token] | None:
    """The PERSON entity the mention is about: the one at its head or in apposition.

    "Clinton campaign communications director Jennifer Palmieri" is about Palmieri;
    "Trump's spokesman" is about an unnamed spokesman; "attacks on Trump" about no one.
    """
    runs: list[list[Token]] = []
    for tok in tokens:
        if tok.ent_type_ == "PERSON":
            if runs and tok.ent_iob_ == "I" and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    if not runs:
        return None
    head = _head(tokens)
    doc = tokens[0].doc
    for run in reversed(runs):
        nxt = run[-1].i + 1
        if nxt < len(doc) and doc[nxt].tag_ == "POS":
            continue  # a possessor: "Trump's spokesman"
        ids = {t.i for t in run}
        if head.i in ids:
            return run
        last = run[-1]
        if last.dep_ == "appos" or (last.dep_ == "conj" and last.head.i == head.i):
            return run
        if last.dep_ in {"compound", "nmod"} and last.head.i == head.i and head.i > last.i:
            continue  # "the Clinton campaign"
    return None


def _given_name_run(tokens: list[Token]) -> list[Token] | None:
    """A person's name the NER missed, at the head of the mention: "Zoe Saldana" (a known
    given name), "Mr. Begala" (an honorific), "Simmons, an Obama supporter" (an apposition
    naming a human role)."""
    head = _head(tokens)
    if not head.text[:1].isupper() or head.pos_ != "PROPN" or head.ent_type_ in _PLACE_ENTS:
        return None
    low = head.lower_
    if any(low in lexicon for lexicon in (_MEDIA_NAMES, _CAPITALS, _GOV_WORDS, _PARTIES)):
        return None
    k = next((k for k, t in enumerate(tokens) if t.i == head.i), None)
    if k is None:
        return None
    start = k
    while start > 0 and tokens[start - 1].pos_ == "PROPN" and tokens[start - 1].text[:1].isupper():
        if tokens[start - 1].lower_ in _HONORIFICS or tokens[start - 1].lower_ in _ROLE_WORDS:
            break
        start -= 1
    run = tokens[start : k + 1]
    before = tokens[start - 1] if start > 0 else None
    if run[0].lower_ in _MALE_NAMES or run[0].lower_ in _FEMALE_NAMES:
        return run
    if before is not None and (
        before.lower_ in _HONORIFICS
        or before.lower_ in _TITLE_ABBREVIATIONS
        or (before.lower_ in _ROLE_WORDS and before.text[:1].isupper())  # "Prince Alwaleed"
    ):
        return run
    for child in head.children:
        if child.dep_ == "appos" and (
            child.lower_ in _HUMAN_NOUNS
            or child.lemma_.lower() in _HUMAN_NOUNS
            or child.lower_ in _ROLE_WORDS
            or child.lower_ in _EPITHETS
        ):
            return run
    return None


def _extend_titles(tokens: list[Token]) -> list[Token]:
    """A PERSON entity with the titles right before it: "President Joe Biden"."""
    first = tokens[0]
    doc = first.doc
    i = first.i
    while i > 0:
        prev = doc[i - 1]
        low = prev.lower_
        if (
            low in _HONORIFICS
            or low in _TITLE_ABBREVIATIONS
            or low in _ROLE_WORDS
            or (low in _ROLE_MODIFIERS and prev.text[:1].isupper())
        ):
            i -= 1
            continue
        break
    return [doc[j] for j in range(i, first.i)] + tokens


def _analyse_person(
    tokens: list[Token], person: list[Token]
) -> tuple[ResolvedSource, str | None, bool] | None:
    # titles the NER put inside the name: "President Obama"
    name_tokens = list(person)
    leading: list[Token] = []
    while len(name_tokens) > 1 and (
        name_tokens[0].lower_ in _HONORIFICS
        or name_tokens[0].lower_ in _TITLE_ABBREVIATIONS
        or name_tokens[0].lower_ in _ROLE_WORDS
    ):
        leading.append(name_tokens.pop(0))
    while name_tokens and (name_tokens[-1].tag_ == "POS" or name_tokens[-1].is_punct):
        name_tokens.pop()
    if not name_tokens:
        return None
    name = _text_between(name_tokens[0], name_tokens[-1])
    alias = name
    name = _clean_name(name)
    if not name.split():
        return None
    before = [t for t in tokens if t.i < person[0].i] + leading
    after = [t for t in tokens if t.i > person[-1].i]
    gender = None
    for tok in before:
        if tok.lower_ in _HONORIFICS and _HONORIFICS[tok.lower_]:
            gender = _HONORIFICS[tok.lower_]
    descriptor = _descriptor(before) or _descriptor(after)
    role, affiliation = _split_descriptor(descriptor)
    if gender is None and role is not None:
        for word, g in _GENDERED_ROLES.items():
            if re.search(rf"\b{re.escape(word)}\b", role):
                gender = g
                break
    if gender is None:
        first_name = name.split()[0].lower().rstrip(".")
        if first_name in _MALE_NAMES:
            gender = _MALE
        elif first_name in _FEMALE_NAMES:
            gender = _FEMALE
    if role is not None:
        role = re.sub(r"\b(spokes)(man|woman)\b", r"\1\2", role)
    aff_name, aff_type = (None, None)
    if affiliation:
        aff_name, aff_type = _affiliation(affiliation)
    source = ResolvedSource(
        name=name,
        type=SourceType.PERSON,
        alias=alias,
        role=role,
        affiliation=aff_name,
        affiliation_type=aff_type,
    )
    return source, gender, False


def _descriptor(tokens: list[Token]) -> list[Token]:
    """Words describing a person: "US State Department spokesperson", "a senior aide".

    Drops a dateline ("WASHINGTON —"), ages ("76-year-old"), articles and punctuation.
    """
    words = list(tokens)
    for k, t in enumerate(words):
        dateline = all(w.text.isupper() or w.is_punct for w in words[:k])
        if t.text in {"—", "--", "–"} and k < len(words) - 1 and dateline:
            words = words[k + 1 :]
            break
    words = [t for t in words if not _AGE.match(t.text)]
    # "76 - year - old" tokenised apart
    out: list[Token] = []
    for t in words:
        if t.lower_ in {"year", "years"} and out and out[-1].text == "-":
            out = out[:-1]
            if out and out[-1].like_num:
                out = out[:-1]
            continue
        if t.lower_ == "old" and out and out[-1].text == "-":
            out = out[:-1]
            continue
        out.append(t)
    words = [t for t in out if not t.is_punct or t.text == "-"]
    while words and (words[0].lower_ in _DETERMINERS or words[0].is_punct):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].lower_ in {"and", "of"}):
        words = words[:-1]
    return [w for w in words if w.lower_ not in _HONORIFICS or w.lower_ in _ROLE_WORDS]


def _split_descriptor(words: list[Token]) -> tuple[str | None, list[Token]]:
    """(role, affiliation words) of a descriptor.

    The role is a known multi-word title ("secretary of state"), else the run of role
    words and lower-case nouns/adjectives at the end ("presidential front-runner"), or the
    words before "for/of/at X" ("a spokesman for the ministry"); "former"/"retired" join
    the role wherever they stand. The affiliation is the run of names (and body words such
    as "campaign") right before the role: "US State Department", "Qatar's Foreign Ministry".
    """
    if not words:
        return None, []
    # "a former aide to X and now the chairman of Y": the first description only
    cut = next((k for k, w in enumerate(words) if w.lower_ in {"and", "but"} and k > 0), None)
    if cut is not None:
        words = words[:cut]
    for k, tok in enumerate(words):
        if tok.lower_ in {"for", "at", "with", "of", "to"} and k > 0 and _role_like(words[k - 1]):
            start = k
            while start > 0 and (
                _role_like(words[start - 1]) or words[start - 1].lower_ in _TEMPORAL_MODIFIERS
            ):
                start -= 1
            role_part = words[start:k]
            tail = " ".join(w.lower_ for w in role_part[-3:] + words[k : k + 2])
            if tail.endswith(("secretary of state", "chief of staff", "head of state")):
                continue
            role = _role_text(role_part)
            if role is not None:
                return role, _np_after(words[k + 1 :])
    role_tokens: list[Token] = []
    rest = words
    for n in range(min(6, len(words)), 1, -1):  # longest known multi-word title first
        if _join_role(words[-n:]) in _MULTIWORD_ROLE_SET:
            role_tokens, rest = words[-n:], words[:-n]
            break
    if not role_tokens:
        k = len(words)
        while k > 0 and _role_like(words[k - 1]):
            k -= 1
        role_tokens, rest = words[k:], words[:k]
    while rest and rest[-1].text.islower() and rest[-1].lower_ in _ROLE_MODIFIERS:
        role_tokens = [rest[-1], *role_tokens]
        rest = rest[:-1]
    temporal = [w for w in rest if w.lower_ in _TEMPORAL_MODIFIERS]
    rest = [w for w in rest if w.lower_ not in _TEMPORAL_MODIFIERS]
    if not role_tokens:
        return None, _affiliation_run(rest, from_end=True)
    role = " ".join([*(_expand(w) for w in temporal), _join_role(role_tokens)])
    return role, _affiliation_run(rest, from_end=True)


def _join_role(tokens: list[Token]) -> str:
    """Role words as written ("front-runner" stays one word), lower case, titles expanded."""
    out = ""
    for k, w in enumerate(tokens):
        glue = k > 0 and tokens[k - 1].i == w.i - 1 and not tokens[k - 1].whitespace_
        out += ("" if glue or k == 0 else " ") + _expand(w)
    return out


def _np_after(words: list[Token]) -> list[Token]:
    """ "the United States Hispanic Chamber of Commerce" after "president of": up to a
    comma, a relative pronoun or a preposition of place ("in northern New Jersey")."""
    out: list[Token] = []
    for w in words:
        if w.lower_ in {"who", "which", "that", "in", "from", "near", ",", ";"}:
            break
        if w.lower_ in _DETERMINERS and not out:
            continue
        out.append(w)
    if not any(w.pos_ == "PROPN" or w.ent_type_ or w.text[:1].isupper() for w in out):
        return []
    return out


def _role_like(tok: Token) -> bool:
    """A word that can be part of a role: a title, or a lower-case common noun/adjective
    that is not the name of a body ("campaign", "ministry" belong to the affiliation)."""
    if _is_role_word(tok):
        return True
    low = tok.lower_
    if low in _GOV_WORDS or low in _ORG_WORDS or tok.ent_type_ or not tok.text.islower():
        return False
    return tok.pos_ in {"NOUN", "ADJ"} or (tok.text == "-")


def _affiliation_run(words: list[Token], *, from_end: bool) -> list[Token]:
    """The names (with possessive marks and body words) next to the role."""
    ordered = list(reversed(words)) if from_end else list(words)
    run: list[Token] = []
    for w in ordered:
        body_word = w.lower_ in _GOV_WORDS or w.lower_ in _ORG_WORDS
        lower_word = w.text.islower() and not body_word and w.tag_ != "POS"
        namelike = not lower_word and (
            w.pos_ == "PROPN"
            or bool(w.ent_type_)
            or w.tag_ == "POS"
            or w.lower_ in _GOV_WORDS
            or w.lower_ in _ORG_WORDS
            or (w.text[:1].isupper() and not w.is_sent_start)
            or w.lower_ in _DEMONYMS
            or (w.text == "-" and run)
        )
        if w.lower_ in _DETERMINERS and not from_end:
            continue
        if not namelike:
            break
        run.append(w)
    if from_end:
        run.reverse()
    if not any(w.pos_ == "PROPN" or w.ent_type_ or w.text[:1].isupper() for w in run):
        return []
    if run and all(w.ent_type_ in {"GPE", "LOC"} or w.is_punct for w in run):
        first = run[0]
        prev = first.doc[first.i - 1] if first.i > 0 else None
        if prev is not None and prev.lower_ in {"of", "from", "in", "near"}:
            return []  # "Karen Janes, 67, of Exeter, N.H.": where she lives, not for whom
    return run


_AGE = re.compile(r"^\d+-(?:year|yr)s?-old$", re.IGNORECASE)
_TEMPORAL_MODIFIERS = frozenset({"former", "retired", "then", "ex", "onetime", "late", "outgoing"})
_ORG_WORDS = _words(
    """
    campaign committee party union foundation institute company firm corporation bank
    association center centre council club network university college school hospital
    fund organization organisation coalition alliance caucus network board team league
    """
)


def _is_role_word(tok: Token) -> bool:
    low = tok.lower_
    return low in _ROLE_WORDS or low in _TITLE_ABBREVIATIONS or tok.lemma_.lower() in _ROLE_WORDS


def _role_text(tokens: list[Token]) -> str | None:
    words = [t for t in tokens if t.lower_ not in _DETERMINERS and not t.is_punct]
    return " ".join(_expand(w) for w in words) or None


def _expand(tok: Token) -> str:
    low = tok.lower_
    return _TITLE_ABBREVIATIONS.get(low, low)


def _affiliation(words: list[Token]) -> tuple[str | None, SourceType | None]:
    words = [
        w for w in words if w.lower_ not in _DETERMINERS and not (w.is_punct and w.text != "-")
    ]
    while words and (words[-1].tag_ == "POS" or words[-1].is_punct):
        words = words[:-1]
    if not words:
        return None, None
    if len(words) == 1 and words[0].lower_ in _DEMONYMS:
        return _DEMONYMS[words[0].lower_], SourceType.GOVERNMENT
    if words[-1].lower_ in _PARTIES and all(
        w.ent_type_ in {"GPE", "NORP"} or w.lower_ in _DEMONYMS for w in words[:-1]
    ):
        return _PARTIES[words[-1].lower_], SourceType.ORGANIZATION  # "US Democratic"
    surface = _text_between(words[0], words[-1])
    source_type = _classify(words)
    name = _canonical(words, source_type, surface)
    return name, source_type


def _classify(words: list[Token]) -> SourceType:
    if not words:
        return SourceType.UNKNOWN
    low = " ".join(w.lower_ for w in words)
    lows = [w.lower_ for w in words]
    head = _head(words)
    if head.lower_ in _PARTITIVES:
        # "the proportion of GOP primary voters", "the average of recent polls"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if pobj is not None:
            return _classify([t for t in pobj.subtree if t.lower_ not in _DETERMINERS])
    head_low = head.lower_
    if head.lemma_.lower() in _MEDIA_WORDS and _lower_word(head) and head.tag_ == "NNS":
        return SourceType.MEDIA  # "six newspapers"
    if _is_human_noun(head) and _lower_word(head) and head_low not in _PLURAL_GOV:
        # "a White House official", "a spokesperson for the Pentagon": people
        return SourceType.GROUP if head.tag_ in {"NNS", "NNPS"} else SourceType.PERSON
    if any(low == g or low.startswith(g + " ") for g in _GROUP_NAMES):
        return SourceType.GROUP if head_low not in _GOV_WORDS else SourceType.GOVERNMENT
    if any(p in f" {low} " for p in (f" {m} " for m in _MEDIA_PHRASES)) or low in _MEDIA_PHRASES:
        return SourceType.MEDIA
    if lows[-1] in _MEDIA_NAMES or (len(lows) <= 2 and lows[0] in _MEDIA_NAMES):
        return SourceType.MEDIA
    if head_low in _MEDIA_WORDS and head.text[:1].isupper() and len(words) > 1:
        return SourceType.MEDIA
    if head_low in _DOCUMENT_NOUNS and _lower_word(head):
        return SourceType.DOCUMENT
    if len(words) == 1 and head_low in _CAPITALS:
        return SourceType.GOVERNMENT
    if any(low == g or low.endswith(" " + g) or low.startswith(g) for g in _GOV_NAMES):
        return SourceType.GOVERNMENT
    if head_low in _GOV_WORDS or head.lemma_.lower() in _GOV_WORDS:
        return SourceType.GOVERNMENT
    if head_low in _GROUP_WORDS:
        return SourceType.GROUP
    if head_low in _ORG_WORDS or head.lemma_.lower() in _ORG_WORDS:
        return SourceType.ORGANIZATION
    if head_low in _MEDIA_WORDS and head.text[:1].isupper():
        return SourceType.MEDIA
    if head.ent_type_ == "GPE" or (len(words) == 1 and head.ent_type_ in {"GPE", "LOC"}):
        return SourceType.GOVERNMENT
    if head.ent_type_ == "NORP":
        return SourceType.GROUP
    if head.ent_type_ == "ORG":
        return SourceType.ORGANIZATION
    if head.ent_type_ == "PERSON":
        return SourceType.PERSON
    if head_low in _PLURAL_GOV:
        return SourceType.GOVERNMENT
    if head_low in _HUMAN_NOUNS or head.lemma_.lower() in _HUMAN_NOUNS:
        return SourceType.GROUP if head.tag_ in {"NNS", "NNPS"} else SourceType.PERSON
    if head.pos_ == "PROPN":
        return SourceType.ORGANIZATION
    return SourceType.UNKNOWN


def _canonical(words: list[Token], source_type: SourceType, surface: str) -> str:
    """Canonical name: curly apostrophes straightened; a named body title-cased
    ("Qatar's foreign ministry" → "Qatar's Foreign Ministry"); generic descriptions lower
    case except their proper nouns ("authorities", "Israeli officials")."""
    named_body = (
        source_type in {SourceType.GOVERNMENT, SourceType.ORGANIZATION, SourceType.GROUP}
        and words[-1].tag_ in {"NN", "NNP"}
        and len(words) > 1
        and words[-1].lower_ in _GOV_WORDS | _GROUP_WORDS | {"party", "company", "union"}
    )
    out: list[str] = []
    if named_body and words[0].lower_ in _DEMONYMS and all(w.text.islower() for w in words[1:]):
        # "the Qatari foreign ministry" is "Qatar's Foreign Ministry"
        country = _DEMONYMS[words[0].lower_]
        out.append(country + ("'" if country.endswith("s") else "'s"))
        words = words[1:]
    for k, w in enumerate(words):
        text = w.text.translate(_APOSTROPHES)
        if w.tag_ == "POS":
            if out:
                out[-1] = out[-1] + text
            continue
        if named_body:
            if text.islower() and (text not in _SMALL_WORDS or k == 0):
                text = text[:1].upper() + text[1:]
        elif _is_generic_word(w):
            text = text.lower()
        glued = k > 0 and words[k - 1].i == w.i - 1 and not words[k - 1].whitespace_
        if out and glued:  # "Hamas-run", "al-Ansari"; not across a dropped comma
            out[-1] = out[-1] + text
        else:
            out.append(text)
    name = " ".join(out)
    name = re.sub(r"\bU\.S\.(?=\s|$)", "US", name)
    return _clean_name(name) if name else surface


def _is_generic_word(tok: Token) -> bool:
    # a sentence-initial capital is not a proper noun: "Authorities said ..."
    return tok.pos_ not in {"PROPN"} and not tok.ent_type_ and not tok.text.isupper()


def _clean_name(name: str) -> str:
    name = name.translate(_APOSTROPHES)
    name = _HONORIFIC_PREFIX.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    name = re.sub(r"'s$", "", name)
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def _analyse_other(
    tokens: list[Token], anonymous: bool
) -> tuple[ResolvedSource, str | None, bool] | None:
    words = [t for t in tokens if t.lower_ not in _DETERMINERS or t.i > tokens[0].i + 1]
    while words and (words[0].lower_ in _DETERMINERS or words[0].is_punct):
        words = words[1:]
    if not words:
        return None
    head = _head(words)
    alias = _surface(tokens)
    plural = head.tag_ in {"NNS", "NNPS"}
    # a document by a named author speaks for the author: "an AFP tally", "a Gallup poll"
    is_document = head.lower_ in _DOCUMENT_NOUNS or head.lemma_.lower() in _DOCUMENT_NOUNS
    if is_document and _lower_word(head):  # "the Post" is a newspaper, "the post" is not
        author = _document_author(words, head)
        if author is not None:
            author_type = _classify(author)
            if author_type is SourceType.DOCUMENT:
                author_type = SourceType.ORGANIZATION
            surface = _surface(author)
            name = _canonical(author, author_type, surface)
            return ResolvedSource(name, author_type, surface), None, False
        name = _canonical(_strip_possessor(words), SourceType.DOCUMENT, alias)
        return ResolvedSource(name, SourceType.DOCUMENT, alias), None, plural
    campaign = _campaign_of(words, head)
    if campaign is not None:
        return campaign, None, False
    possessor, body = _split_possessor(words)
    affiliation: tuple[str | None, SourceType | None] = (None, None)
    name_words = words
    if possessor and body and not _is_proper(possessor):
        # "the Hamas-run territory's health ministry": the possessor describes, it does not
        # name; an organisation inside it is the affiliation
        name_words = body
        org = [t for t in possessor if t.ent_type_ in {"ORG", "GPE", "NORP"}]
        if org:
            affiliation = _affiliation(org)
    source_type = _classify(name_words)
    # the head with what precedes it: "sources familiar with the talks" → "sources"
    pre_head = [w for w in name_words if w.i <= head.i]
    human_head = head.lower_ in _HUMAN_NOUNS or head.lemma_.lower() in _HUMAN_NOUNS
    personal = {SourceType.PERSON, SourceType.GROUP, SourceType.UNKNOWN}
    if anonymous and (source_type in personal or human_head):
        role = _role_text([w for w in pre_head if w.ent_type_ == "" and w.tag_ != "POS"])
        role = re.sub(r"\b(source|official|person|diplomat|officer)s\b", r"\1", role or "source")
        nationality = [w for w in pre_head if w.ent_type_ in {"NORP", "GPE", "ORG"}]
        aff = _affiliation(nationality) if nationality else (None, None)
        kind = SourceType.GROUP if plural else SourceType.PERSON
        name = f"anonymous {role}" + ("s" if plural and not role.endswith("s") else "")
        return (
            ResolvedSource(
                name=name,
                type=kind,
                alias=alias,
                role=role,
                affiliation=aff[0],
                affiliation_type=aff[1],
                anonymous=True,
            ),
            None,
            plural,
        )
    if source_type is SourceType.PERSON:
        before_head = [w for w in pre_head if w.i != head.i]
        aff_words = _affiliation_run(before_head, from_end=True)
        after = False
        if not aff_words:
            # "a spokesperson for the Pentagon"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in {"for", "at", "of", "with", "from"}:
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        aff_words = _np_after(list(pobj.subtree))
                        after = bool(aff_words)
                    break
        aff_ids = {w.i for w in aff_words}
        role_words = [w for w in pre_head if w.i not in aff_ids and w.tag_ != "POS"]
        role = _role_text([w for w in role_words if not w.ent_type_]) or None
        aff = _affiliation(aff_words) if aff_words else (None, None)
        name = _canonical(pre_head, source_type, alias)
        if after and aff[0]:
            name = f"{aff[0]} {name}"
        gender = _GENDERED_ROLES.get(head.lower_)
        return (
            ResolvedSource(name, source_type, alias, role, aff[0], aff[1], anonymous),
            gender,
            False,
        )
    name = _canonical(name_words, source_type, alias)
    source = ResolvedSource(
        name=name,
        type=source_type,
        alias=alias,
        affiliation=affiliation[0],
        affiliation_type=affiliation[1],
        anonymous=anonymous,
    )
    return source, None, plural or head.lower_ in _PLURAL_GOV


_NOT_SPEAKERS = _lexicon("not_speakers")


def _not_a_speaker(tokens: list[Token]) -> bool:
    """A storm, a war, "criticism", "Thursday morning": nothing that can say anything."""
    words = [t for t in tokens if t.lower_ not in _DETERMINERS and not t.is_punct]
    if not words:
        return True
    head = _head(words)
    if head.ent_type_ in {"DATE", "TIME"} and head.pos_ != "PROPN":
        return True
    return _lower_word(head) and (head.lower_ in _NOT_SPEAKERS or head.lemma_ in _NOT_SPEAKERS)


_DEFINITE = frozenset({"the", "this", "that"})
_OWNERS = frozenset({"my", "his", "her", "its", "their", "our"})
_NAMING_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"})


def _is_generic(tokens: list[Token], source: ResolvedSource) -> bool:
    """Whether a mention picks out no one entity (ENTITIES.md "generic"): "officials",
    "critics", "a spokesman", "the Republican nominee" unresolved, "polls", "Democrats".

    A source is one entity when its head is a name (a proper noun the NER tags as a
    person, organisation or place, or a capitalised body such as "the White House") or a
    body noun pinned down by a place or organisation ("the Israeli military", "Qatar's
    foreign ministry"). A role or a group of people is never a name by itself, however
    it is qualified ("a State Department spokesman", "Israeli officials"): its claims keep
    their source mention, but they are not pooled with other articles' mentions.
    """
    if source.anonymous:
        return True
    words = [t for t in tokens if t.lower_ not in _DETERMINERS and not t.is_punct]
    if not words:
        return True
    head = _head(words)
    if head.tag_ == "POS" or head.lower_ in _POSSESSIVE_PRONOUNS:
        return False
    plural = head.tag_ in {"NNS", "NNPS"}
    if not plural and any(w.tag_ == "POS" or w.lower_ in _OWNERS for w in words if w.i < head.i):
        return False  # "his ex-wife", "Pagliano's lawyer", "my father": someone in particular
    human = _is_human_noun(head) and _lower_word(head)
    if human or head.lower_ in _PLURAL_GOV and not any(w.ent_type_ == "GPE" for w in words):
        return True
    if head.ent_type_ == "NORP" and head.tag_ in {"NNS", "NNPS"}:
        return True  # "Republicans", "Palestinians"
    if not _lower_word(head):
        return False  # "the White House", "Hamas", "AFP"
    before = [w for w in words if w.i < head.i]
    return not any(
        w.ent_type_ in _NAMING_ENTS or w.ent_type_ == "NORP" or w.pos_ == "PROPN" for w in before
    )


def _campaign_of(words: list[Token], head: Token) -> ResolvedSource | None:
    """ "Donald Trump's presidential campaign", "the Trump campaign", "Clinton's team":
    "<Surname> campaign" (ENTITIES.md's convention), an organisation affiliated with the
    candidate when the mention names them in full."""
    if head.lemma_.lower() not in {"campaign", "team"} or not _lower_word(head):
        return None
    run = [w for w in words if w.i < head.i and w.ent_type_ == "PERSON" and w.tag_ != "POS"]
    if not run or any(w.i < head.i and w.ent_type_ in {"ORG", "GPE"} for w in words):
        return None
    surname = run[-1].text.translate(_APOSTROPHES)
    full = _text_between(run[0], run[-1]).translate(_APOSTROPHES) if len(run) > 1 else None
    return ResolvedSource(
        name=f"{surname} campaign",
        type=SourceType.ORGANIZATION,
        alias=_surface(words),
        affiliation=full,
        affiliation_type=SourceType.PERSON if full else None,
    )


_PARTITIVES = _words(
    """
    proportion majority majorities minority share percent percentage half third quarter
    average number plurality most many some all each none rest bulk fraction
    """
)
_AGENT_SUFFIXES = ("ist", "ists", "er", "ers", "or", "ors", "ian", "ians", "ives", "eon", "eons")


def _is_human_noun(tok: Token) -> bool:
    """A noun for people: a known one ("witness", "senator", "nominee"), or a lower-case
    agent noun ("investors", "environmentalists", "neurosurgeon")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    lexicons = (_HUMAN_NOUNS, _ROLE_WORDS, _EPITHETS)
    if any(low in lexicon or lemma in lexicon for lexicon in lexicons):
        return True
    if tok.pos_ != "NOUN" or not tok.text.isalpha() or len(low) < 6:
        return False
    if lemma in _DOCUMENT_NOUNS or lemma in _GOV_WORDS or lemma in _ORG_WORDS:
        return False
    return low.endswith(_AGENT_SUFFIXES)


def _lower_word(tok: Token) -> bool:
    """A common noun as written, or capitalised only because it opens the sentence."""
    if tok.text.islower():
        return True
    return bool(tok.is_sent_start and tok.pos_ != "PROPN" and not tok.ent_type_)


def _could_be_surname(tok: Token) -> bool:
    low = tok.lower_
    if not tok.text[:1].isupper() or tok.text.isupper() or len(tok.text) < 2:
        return False
    if tok.ent_type_ in {"NORP", "DATE", "TIME", "CARDINAL"}:
        return False
    lexicons = (_MEDIA_NAMES, _CAPITALS, _DEMONYMS, _PARTIES, _GOV_WORDS, _ROLE_WORDS)
    if any(low in lexicon for lexicon in lexicons):
        return False
    return not any(low == g for g in _GROUP_NAMES)


def _relative_antecedent_np(pronoun: Token) -> Any:
    """The noun phrase a relative pronoun stands for, without the relative clause."""
    clause = pronoun.head
    if clause.dep_ not in {"relcl", "acl"} or pronoun.i > clause.i:
        return None
    noun = clause.head
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    start = noun.left_edge.i
    end = clause.left_edge.i if clause.left_edge.i > noun.i else noun.i + 1
    if end <= start:
        return None
    return noun.doc[start:end]


def _head(words: list[Token]) -> Token:
    """The syntactic head among the words (the one whose head is outside them)."""
    ids = {w.i for w in words}
    for w in words:
        outside = w.head.i not in ids or w.head.i == w.i
        if outside and w.tag_ != "POS" and not w.is_punct:
            return w
    return words[-1]


def _document_author(words: list[Token], head: Token) -> list[Token] | None:
    """The named maker of a document: "AFP" in "an AFP tally", "the UN's report"."""
    ids = {w.i for w in words}
    for w in words:
        if w.i >= head.i or w.ent_type_ not in {"ORG", "PERSON", "GPE"}:
            continue
        run = [x for x in words if x.ent_type_ == w.ent_type_ and x.i < head.i and x.i >= w.i]
        run = [x for k, x in enumerate(run) if k == 0 or run[k - 1].i == x.i - 1]
        return [x for x in run if x.tag_ != "POS"] or None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"} and child.i in ids:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                sub = [t for t in objs[0].subtree if t.lower_ not in _DETERMINERS]
                return sub or None
    # media outlets often escape the NER: "a Reuters count"
    for w in words:
        if w.i < head.i and w.lower_ in _MEDIA_NAMES:
            return [w]
    return None


def _split_possessor(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """("the Hamas-run territory", "health ministry") of "... territory's health ministry"."""
    for k, w in enumerate(words):
        if w.tag_ == "POS" and k > 0:
            return words[:k], words[k + 1 :]
    return [], words


def _strip_possessor(words: list[Token]) -> list[Token]:
    possessor, body = _split_possessor(words)
    return body if body else words


def _is_proper(words: list[Token]) -> bool:
    head = words[-1]
    return head.pos_ == "PROPN" or bool(head.ent_type_)

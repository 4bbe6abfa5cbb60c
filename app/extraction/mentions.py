"""Mention analysis: what a source mention names, before any reference back is resolved.

Splits a mention into the name, the role or title and the affiliation, and gives the source
its type, by rule over spaCy's parse and named entities plus the lexicons in ``lexicons/``
(``source_*`` files: titles and roles, media, government and group words, document nouns;
``given_names_*``: given names and their gender; ``not_speakers``):

* "US State Department spokesperson Matthew Miller" → Matthew Miller, person, role
  "spokesperson", affiliation "US State Department" (government);
* "Qatar's foreign ministry" → "Qatar's Foreign Ministry" (government): body words are
  title-cased and curly apostrophes straightened in the canonical name only, so the variants
  of one body meet; the alias keeps the mention as written;
* "an AFP tally based on official Israeli figures" → AFP (media), based on "official Israeli
  figures" (a document made by a named author speaks for that author);
* "a senior official who spoke on condition of anonymity" → "anonymous senior official",
  generic; "officials", "critics", "a spokesman" → generic (no one entity); "the union"
  with no name for it in the article → local (one entity of that article only);
* "the storm", "criticism", "Thursday morning" → no source at all.

References back ("he", "the ministry", "Trump" for "Donald Trump") are resolved in
:mod:`app.extraction.coref`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.extraction.lexicon import load_lines, load_map, load_words
from app.extraction.people import FEMALE_NAMES, MALE_NAMES
from app.extraction.types import ResolvedSource, SourceType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_MALE, _FEMALE = "m", "f"


_PRONOUNS: dict[str, tuple[str, str | None]] = {
    k: (v.split()[0], None if v.split()[1] == "-" else v.split()[1])
    for k, v in load_map("source_pronouns").items()
}


_HONORIFICS: dict[str, str | None] = {
    k: v or None for k, v in load_map("source_honorifics").items()
}


# Abbreviated titles and what they stand for.
_TITLE_ABBREVIATIONS = dict(load_map("source_title_abbreviations"))


# Multi-word roles, matched before single words ("secretary of state" is one role).
_MULTIWORD_ROLES = load_lines("source_multiword_roles")


_MULTIWORD_ROLE_SET = frozenset(_MULTIWORD_ROLES)


_ROLE_WORDS = load_words("source_role_words")


# Words that may precede a role word inside the role ("senior official", "deputy minister").
_ROLE_MODIFIERS = load_words("source_role_modifiers")


_GENDERED_ROLES = dict(load_map("source_gendered_roles"))


_MALE_NAMES = MALE_NAMES


_FEMALE_NAMES = FEMALE_NAMES


_MEDIA_NAMES = load_words("source_media_names")


_MEDIA_PHRASES = load_lines("source_media_phrases")


_MEDIA_WORDS = load_words("source_media_words")


_GROUP_NAMES = load_lines("source_group_names")


_GROUP_WORDS = load_words("source_group_words")


_GOV_WORDS = load_words("source_government_words")


_GOV_NAMES = load_lines("source_government_names")


_DOCUMENT_NOUNS = load_words("source_document_nouns")


_HUMAN_NOUNS = load_words("source_human_nouns")


_PLURAL_GOV = frozenset({"officials", "authorities", "prosecutors", "police", "investigators"})


_ANONYMOUS = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|(?:he|she|they)\s+not\s+be)|"
    r"anonymous(?:ly)?|unnamed|unidentified|not\s+authori[sz]ed\s+to|asked\s+not\s+to\s+be|"
    r"declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|"
    r"familiar\s+with|speaking\s+on\s+background|on\s+background|knowledgeable\s+about|"
    r"with\s+knowledge\s+of|briefed\s+on)",
    re.IGNORECASE,
)


_DEMONYMS = dict(load_map("source_demonyms"))


# Capitals standing for their governments ("Washington indicated ..."); the NER often
# takes a lone capital for a person.
_CAPITALS = load_words("source_capitals")


_PARTIES = dict(load_map("source_parties"))


_EPITHETS = load_words("source_epithets")


_NOT_GIVEN_NAMES = load_words("source_not_given_names")


_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL"})


_HONORIFIC_PREFIX = re.compile(r"^(?:(?:the\s+)?(?:Mr|Mrs|Ms|Dr|Messrs)\.?\s+)(?=[A-Z])")


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "one"})


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "de", "al"})


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})


_CHAIN_VERBS = frozenset({"based", "citing", "drawing", "relying", "quoting", "derived"})


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
    """Drop relative clauses, parentheticals and trailing modifiers of the head NP, and a
    leading adverbial clause the parser ran into it ("As Obama appears set to veto the
    bill, Democratic nominee Hillary Clinton" is Hillary Clinton)."""
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if tokens and tokens[0].pos_ == "SCONJ" and commas and commas[-1] + 1 < len(tokens):
        tokens = tokens[commas[-1] + 1 :]
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
        if tok.lower_ in {"who", "which", "that", "whose", "whom"} and out and tok.text != "WHO":
            break
        if tok.dep_ in {"relcl", "acl"} and out and tok.i > out[-1].i:
            break
        if tok.tag_ in {"VBG", "VBN", "VBD", "VBZ"} and out and out[-1].text == ",":
            break  # "Trump, speaking to veterans in Virginia," is Trump
        if out and tok.dep_ == "prep" and tok.lower_ in {"in", "during"} and _in_a_text(tok):
            break  # "Trump in his announcement speech" is Trump
        out.append(tok)
    while out and (out[-1].is_punct or out[-1].lower_ in {"and", "or"}):
        out.pop()
    return out


def _in_a_text(prep: Token) -> bool:
    """ "in his announcement speech", "during an interview": where someone said it."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and (
        objs[0].lemma_.lower() in _DOCUMENT_NOUNS or objs[0].lower_ in _DOCUMENT_NOUNS
    )


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
        person = _given_name_run(tokens) or _name_in_apposition(tokens)
    if len(tokens) == 1 and tokens[0].lower_ in _CAPITALS:
        person = None
    if person is not None:
        return _analyse_person(tokens, person)
    other = _analyse_other(tokens, anonymous)
    if other is None or not _is_generic(tokens, other[0]):
        return other
    source, gender, plural = other
    # "the two", "the three senators" (not "the mother of three"): several, no one entity
    ids = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in ids or t.head == t), tokens[0])
    count = [
        t for t in tokens if t.like_num and (t == top or (t.dep_ == "nummod" and t.head == top))
    ]
    several = any(t.lower_ not in {"one", "1"} for t in count)
    if tokens[0].lower_ in _DEFINITE and not plural and not several and not source.anonymous:
        return replace(source, local=True), gender, plural  # "the union": someone in particular
    return replace(source, generic=True), gender, plural


_LINKING_PREPOSITIONS = frozenset(
    {"for", "under", "to", "with", "by", "of", "from", "at", "like", "as", "including", "and"}
)


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
    runs = [_through_particles(run, tokens) for run in runs]
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
        if last == tokens[-1] and run[0].i > 0 and _is_role_word(doc[run[0].i - 1]):
            # "WHO chief Tedros Adhanom Ghebreyesus", however the parse goes (not "a
            # spokesman for Hillary Clinton", "director under President Bill Clinton")
            before = [t for t in tokens if t.i < run[0].i]
            if not any(t.is_punct or t.lower_ in _LINKING_PREPOSITIONS for t in before):
                return run
        if last.dep_ in {"compound", "nmod"} and last.head.i == head.i and head.i > last.i:
            continue  # "the Clinton campaign"
    return None


_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "bin"})


def _through_particles(run: list[Token], tokens: list[Token]) -> list[Token]:
    """A PERSON run the NER cut at a particle, carried on to the family name: "Ursula
    von" + "der Leyen" is Ursula von der Leyen."""
    ids = {t.i for t in tokens}
    doc = run[-1].doc
    out = list(run)
    particles: list[Token] = []
    while len(out) > 1 and out[-1].text in _NAME_PARTICLES:
        particles.insert(0, out.pop())
    k = run[-1].i + 1
    while k in ids:
        tok = doc[k]
        if tok.text in _NAME_PARTICLES:
            particles.append(tok)
        elif particles and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            out += [*particles, tok]
            particles = []
        else:
            break
        k += 1
    return out if not particles and len(out) > len(run) else run


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
    while start > 0:
        prev = tokens[start - 1]
        if _glued_hyphen(tokens, start - 1):
            start -= 2  # "Jean-Marc Ayrault", "Anne-Marie Slaughter": one given name
            continue
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
            break
        if prev.lower_ in _HONORIFICS or prev.lower_ in _ROLE_WORDS:
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


def _name_in_apposition(tokens: list[Token]) -> list[Token] | None:
    """A person's name the NER missed (or took for a place) in apposition to a role: "its
    leader, Kemi Badenoch", "the party's spokesman, Joe Bloggs". Two to four capitalised
    words, none a body's, a party's or a capital's."""
    head = _head(tokens)
    low = head.lemma_.lower()
    if not head.text.islower() or (low not in _ROLE_WORDS and head.lower_ not in _ROLE_WORDS):
        return None
    ids = {t.i for t in tokens}
    for child in head.children:
        if child.dep_ != "appos" or child.i not in ids or child.pos_ != "PROPN":
            continue
        run = [t for t in child.subtree if t.i in ids and (not t.is_punct or t.text == "-")]
        words = [t for t in run if t.text != "-"]
        if not 2 <= len(words) <= 4 or run[-1] != child:
            return None
        for t in words:
            word = t.lower_
            if not t.text[:1].isupper() or t.ent_type_ in {"NORP", "FAC"}:
                return None
            lexicons = (_GOV_WORDS, _ORG_WORDS, _MEDIA_NAMES, _PARTIES, _CAPITALS, _ROLE_WORDS)
            if any(word in lexicon for lexicon in lexicons):
                return None
        return run
    return None


def _glued_hyphen(tokens: list[Token], k: int) -> bool:
    """``tokens[k]`` is a hyphen joining two capitalised words with no space ("Jean-Marc")."""
    if k < 1 or tokens[k].text != "-" or tokens[k - 1].whitespace_ or tokens[k].whitespace_:
        return False
    return tokens[k - 1].text[:1].isupper() and tokens[k - 1].is_alpha


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
    if role is not None and not _names_a_person(role):
        role = None  # "the private sector", "trade": no title or occupation
    if gender is None and role is not None:
        for word, g in _GENDERED_ROLES.items():
            if re.search(rf"\b{re.escape(word)}\b", role):
                gender = g
                break
    if gender is None and len(name.split()) > 1:  # a lone "Clinton" is a surname
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
        if tok.lower_ in {"on", "in"} and k > 0 and _is_role_word(words[k - 1]):
            # "now a consultant on Burma in the private sector": consultant
            role = _role_text([w for w in words[:k] if _role_like(w)])
            if role is not None:
                return role, []
        if tok.lower_ in {"for", "at", "with", "of", "to"} and k > 0 and _role_like(words[k - 1]):
            start = k
            while start > 0 and (
                _role_like(words[start - 1])
                or words[start - 1].lower_ in _TEMPORAL_MODIFIERS
                or _hyphen_in_title(words, start - 1)
            ):
                start -= 1
            role_part = words[start:k]
            tail = " ".join(w.lower_ for w in role_part[-3:] + words[k : k + 2])
            if tail.endswith(("secretary of state", "chief of staff", "head of state")):
                continue
            role = _role_text(role_part)
            if role is not None:
                return role, _np_after(words[k + 1 :])
    if len(words) > 2 and words[-1].lower_ in _ADDRESS_TITLES and _is_role_word(words[-2]):
        words = words[:-1]  # "Supreme Leader Ayatollah": the supreme leader
    role_tokens: list[Token] = []
    rest = words
    for n in range(min(6, len(words)), 1, -1):  # longest known multi-word title first
        if _join_role(words[-n:]) in _MULTIWORD_ROLE_SET:
            role_tokens, rest = words[-n:], words[:-n]
            break
    if not role_tokens:
        k = len(words)
        while k > 0 and (_role_like(words[k - 1]) or _hyphen_in_title(words, k - 1)):
            k -= 1
        role_tokens, rest = words[k:], words[:k]
    while rest and rest[-1].text.islower() and rest[-1].lower_ in _ROLE_MODIFIERS:
        role_tokens = [rest[-1], *role_tokens]
        rest = rest[:-1]
    # "the former president's wife": "former" is the owner's, not the wife's
    owned_from = max((k + 1 for k, w in enumerate(rest) if w.tag_ == "POS"), default=0)
    temporal = [w for w in rest[owned_from:] if w.lower_ in _TEMPORAL_MODIFIERS]
    rest = [w for w in rest if w.lower_ not in _TEMPORAL_MODIFIERS or w not in temporal]
    if not role_tokens:
        return None, _affiliation_run(rest, from_end=True)
    role = " ".join([*(_expand(w) for w in temporal), _join_role(role_tokens)])
    return role, _affiliation_run(rest, from_end=True)


def _hyphen_in_title(words: list[Token], k: int) -> bool:
    """The hyphen of "Director-General", "Governor-General": written without spaces between
    two role words."""
    tok = words[k]
    if tok.text != "-" or k == 0 or k + 1 >= len(words) or tok.whitespace_:
        return False
    before = words[k - 1]
    return not before.whitespace_ and _is_role_word(before) and _is_role_word(words[k + 1])


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
    for k, w in enumerate(ordered):
        if w.lower_ in _RELATION_NOUNS:
            break  # "Rival Hillary Clinton" opening a sentence: how she stands, no body
        if w.lower_ in {"of", "for", "on"} and run and k + 1 < len(ordered):
            other = ordered[k + 1]  # "Bank of England", "Institute for Fiscal Studies"
            named = other.pos_ == "PROPN" or (other.text[:1].isupper() and not other.is_sent_start)
            if named and other.tag_ != "POS":
                run.append(w)
                continue
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


_ORG_WORDS = load_words("source_organization_words")


def _is_role_word(tok: Token) -> bool:
    low = tok.lower_
    return low in _ROLE_WORDS or low in _TITLE_ABBREVIATIONS or tok.lemma_.lower() in _ROLE_WORDS


_NOT_ROLES = load_words("source_not_roles")
_ADDRESS_TITLES = load_words("source_address_titles")
_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ship", "able", "ible", "ous", "ful")
_RELATION_NOUNS = load_words("source_relation_nouns")


def _names_a_person(role: str) -> bool:
    """Whether a role ends in a title or occupation ("consultant", "retired neurosurgeon",
    "secretary of state"), not a thing, a field or an event ("private sector", "trade",
    "election")."""
    words = role.split(" of ")[0].split()
    if not words:
        return False
    last = words[-1]
    if last in _RELATION_NOUNS:
        return False  # "rival", "opponent", "longtime member": how one stands, not a title
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return False  # "taxes", "expectations", "closest aides": no one person's title
    if last in _ROLE_WORDS or last in _HUMAN_NOUNS:
        return True
    if last in _DOCUMENT_NOUNS:
        return False  # "Trump in his announcement speech": a speech is no title
    return last not in _NOT_ROLES and not last.endswith(_ABSTRACT_SUFFIXES)


def _role_text(tokens: list[Token]) -> str | None:
    words = [t for t in tokens if t.lower_ not in _DETERMINERS and not t.is_punct]
    if any(_hyphen_in_title(tokens, k) for k in range(len(tokens))):
        # "Governor-General" keeps its hyphen
        words = [t for k, t in enumerate(tokens) if t in words or _hyphen_in_title(tokens, k)]
        return _join_role(words)
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
    words = _named_part(words)
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


def _named_part(words: list[Token]) -> list[Token]:
    """An affiliation as a name: without the lower-case words describing it ("centrist Tax
    Policy Center", "former White House") or a title before a person's name ("President
    Barack Obama"); nothing when no word of it is a name ("oversight", "25")."""
    while len(words) > 1 and any(w.text[:1].isupper() for w in words[1:]):
        first = words[0]
        title = first.lower_ in _HONORIFICS or first.lower_ in _TITLE_ABBREVIATIONS
        title = (title or _is_role_word(first)) and words[1].ent_type_ == "PERSON"
        if not (first.text.islower() or title or first.lower_ in _TEMPORAL_MODIFIERS):
            break
        words = words[1:]
    if not any(w.text[:1].isupper() and w.is_alpha for w in words):
        return []
    return words


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


_Analysed = tuple[ResolvedSource, str | None, bool]  # source, gender, plural


def _analyse_other(tokens: list[Token], anonymous: bool) -> _Analysed | None:
    """A mention that names no person: a document, a campaign, a body, a group, an
    anonymous or unnamed person ("a spokesperson for the Pentagon")."""
    words = [t for t in tokens if t.lower_ not in _DETERMINERS or t.i > tokens[0].i + 1]
    while words and (words[0].lower_ in _DETERMINERS or words[0].is_punct):
        words = words[1:]
    if not words:
        return None
    head = _head(words)
    alias = _surface(tokens)
    plural = head.tag_ in {"NNS", "NNPS"}
    is_document = head.lower_ in _DOCUMENT_NOUNS or head.lemma_.lower() in _DOCUMENT_NOUNS
    if is_document and _lower_word(head):  # "the Post" is a newspaper, "the post" is not
        return _analyse_document(words, head, alias, plural)
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
        return _analyse_anonymous(pre_head, alias, plural)
    if source_type is SourceType.PERSON:
        return _analyse_unnamed_person(pre_head, head, alias, anonymous)
    name_words, within = _body_within(name_words)
    if within and affiliation[0] is None:
        affiliation = _affiliation(within)
    name_words, runner = _run_by(name_words)
    if runner and affiliation[0] is None:
        affiliation = _affiliation(runner)  # "the Hamas-run health ministry": Hamas
    name_words = _place_first(name_words)
    name = _canonical(_proper_part(name_words), source_type, alias)
    source = ResolvedSource(
        name=name,
        type=source_type,
        alias=alias,
        affiliation=affiliation[0],
        affiliation_type=affiliation[1],
        anonymous=anonymous,
    )
    return source, None, plural or head.lower_ in _PLURAL_GOV


_RUN_BY = frozenset({"run", "led", "controlled", "backed", "funded", "owned", "allied"})


def _run_by(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "the Hamas-run health ministry", "the Iran-backed militia": the body's name without
    who runs it, and who runs it (its affiliation)."""
    for k in range(1, len(words) - 2):
        dash, verb = words[k], words[k + 1]
        if dash.text == "-" and verb.lower_ in _RUN_BY and words[k - 1].text[:1].isupper():
            runner = [w for w in words[:k] if w.lower_ not in _DETERMINERS]
            return words[k + 2 :], runner
    return words, []


def _place_first(words: list[Token]) -> list[Token]:
    """ "the health ministry in Gaza" is the Gaza Health Ministry: a body named by its
    words alone, then "in" a place."""
    for k, w in enumerate(words):
        if w.lower_ != "in" or k == 0:
            continue
        body, place = words[:k], [t for t in words[k + 1 :] if t.lower_ not in _DETERMINERS]
        body_words = [t for t in body if t.lower_ not in _DETERMINERS]
        bare = all(t.lower_ in _GOV_WORDS or t.text.islower() for t in body_words)
        bare = bare and bool(body_words) and body_words[-1].lower_ in _GOV_WORDS | _ORG_WORDS
        if bare and place and all(t.ent_type_ in {"GPE", "LOC"} for t in place):
            return [*place, *[t for t in body if t.lower_ not in _DETERMINERS]]
        break
    return words


def _body_within(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "the Center for Federal Tax Policy at the more conservative Tax Foundation": a body
    within another is named by its own name, the other is its affiliation (not "the
    University of California at Berkeley": a place is part of a name)."""
    for k, tok in enumerate(words):
        if tok.lower_ != "at" or k == 0 or not words[0].text[:1].isupper() or tok.ent_type_:
            continue  # an "at" inside one name ("University of California at Berkeley")
        rest = [t for t in words[k + 1 :] if t.lower_ not in _DETERMINERS]
        proper = [t for t in rest if t.text[:1].isupper()]
        if proper and all(t.ent_type_ == "ORG" for t in proper) and proper[-1] == rest[-1]:
            return words[:k], _proper_part(rest)
    return words, []


def _proper_part(words: list[Token]) -> list[Token]:
    """A body's name without the lower-case words describing it: "the nonpartisan
    Commission on Presidential Debates", "the conservative-leaning Tax Foundation", "the
    opposition Conservative Party", "the rights group Amnesty International"."""
    described = {"JJ", "JJR", "RBR", "RB", "VBG", "VBN", "NN", "NNS", "HYPH"}
    k = 0
    while k < len(words) and (
        (words[k].text.islower() and words[k].tag_ in described) or (words[k].text == "-" and k > 0)
    ):
        k += 1  # "conservative-leaning", "more conservative", "left-wing"
    rest = words[k:]
    if k and rest and rest[0].pos_ == "PROPN" and rest[0].ent_type_ == "ORG" and rest[0].is_title:
        return rest
    return words


def _analyse_document(words: list[Token], head: Token, alias: str, plural: bool) -> _Analysed:
    """A document by a named author speaks for the author ("an AFP tally", "a Gallup
    poll"); an unattributed one is a document source ("a new poll")."""
    author = _document_author(words, head)
    if author is not None:
        campaign = _campaign_of(author, _head(author))
        if campaign is not None:
            return campaign, None, False  # "a new ad from Donald Trump's campaign"
        author_type = _classify(author)
        if author_type is SourceType.DOCUMENT:
            author_type = SourceType.ORGANIZATION
        surface = _surface(author)
        name = _canonical(author, author_type, surface)
        if head.lemma_.lower() in _CAMPAIGN_DOCUMENTS and author_type is SourceType.PERSON:
            # "a memorable Hillary Clinton ad": her campaign made it
            return campaign_of_person(name, alias=alias), None, False
        if head.lemma_.lower() == "poll":
            # a named poll is its own source: "the Reuters/Ipsos poll", "a Quinnipiac
            # University poll" (its maker is the affiliation), as polls are cited by name
            poll = ResolvedSource(
                f"{name} poll",
                SourceType.DOCUMENT,
                alias,
                affiliation=name,
                affiliation_type=author_type,
            )
            return poll, None, False
        return ResolvedSource(name, author_type, surface), None, False
    name = _canonical(_strip_possessor(words), SourceType.DOCUMENT, alias)
    return ResolvedSource(name, SourceType.DOCUMENT, alias), None, plural


def _analyse_anonymous(pre_head: list[Token], alias: str, plural: bool) -> _Analysed:
    """ "a senior Israeli official who spoke on condition of anonymity": "anonymous senior
    official", role "senior official", affiliation Israel."""
    role = _role_text([w for w in pre_head if w.ent_type_ == "" and w.tag_ != "POS"])
    role = re.sub(r"\b(source|official|person|diplomat|officer)s\b", r"\1", role or "source")
    nationality = [w for w in pre_head if w.ent_type_ in {"NORP", "GPE", "ORG"}]
    aff = _affiliation(nationality) if nationality else (None, None)
    kind = SourceType.GROUP if plural else SourceType.PERSON
    name = f"anonymous {role}" + ("s" if plural and not role.endswith("s") else "")
    source = ResolvedSource(
        name=name,
        type=kind,
        alias=alias,
        role=role,
        affiliation=aff[0],
        affiliation_type=aff[1],
        anonymous=True,
    )
    return source, None, plural


def _analyse_unnamed_person(
    pre_head: list[Token], head: Token, alias: str, anonymous: bool
) -> _Analysed:
    """ "a State Department spokesman", "a spokesperson for the Pentagon": role and
    affiliation of someone the text does not name."""
    before_head = [w for w in pre_head if w.i != head.i]
    aff_words = _affiliation_run(before_head, from_end=True)
    after = False
    title_tail = ""  # "of state" of "the former secretary of state"
    if not aff_words:
        # "a spokesperson for the Pentagon"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"for", "at", "of", "with", "from"}:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                titled = pobj is not None and f"{head.lower_} {child.lower_} {pobj.lower_}"
                if titled in _MULTIWORD_ROLE_SET:
                    title_tail = f" {child.lower_} {pobj.lower_}"  # one title, no body "state"
                    break
                if pobj is not None:
                    aff_words = _np_after(list(pobj.subtree))
                    after = bool(aff_words)
                break
    aff_ids = {w.i for w in aff_words}
    role_words = [w for w in pre_head if w.i not in aff_ids and w.tag_ != "POS"]
    role = _role_text([w for w in role_words if not w.ent_type_]) or None
    aff = _affiliation(aff_words) if aff_words else (None, None)
    name = _canonical(pre_head, SourceType.PERSON, alias)
    if title_tail and role:
        role, name = role + title_tail, name + title_tail
    if after and aff[0]:
        name = f"{aff[0]} {name}"
    gender = _GENDERED_ROLES.get(head.lower_)
    source = ResolvedSource(name, SourceType.PERSON, alias, role, aff[0], aff[1], anonymous)
    return source, gender, False


_NOT_SPEAKERS = load_words("not_speakers")


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
    is_document = head.lower_ in _DOCUMENT_NOUNS or head.lemma_.lower() in _DOCUMENT_NOUNS
    if is_document and source.type is not SourceType.DOCUMENT:
        return False  # "a study by Loyola Law School": the named author speaks
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
    if not plural and _named_by_of(head):
        return False  # "the city of Phoenix", "the government of Qatar"
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
    # "Trump's campaign" where the NER took the bare possessor for an organisation
    owner = [w for w in words if w.dep_ == "poss" and w.head == head and w.text[:1].isupper()]
    lone_owner = (
        len(owner) == 1
        and owner[0].ent_type_ == "ORG"
        and owner[0].pos_ in {"PROPN", "NOUN"}
        and _could_be_surname(owner[0])
    )
    run = [
        w
        for w in words
        if w.i < head.i
        and w.tag_ != "POS"
        and (
            w.ent_type_ == "PERSON"
            or (w.pos_ == "PROPN" and not w.ent_type_ and _could_be_surname(w))
            or (lone_owner and w == owner[0])
        )
    ]
    orgs = [w for w in words if w.i < head.i and w.ent_type_ in {"ORG", "GPE"} and w not in run]
    if not run or orgs:
        return None
    return campaign_of_person(
        _text_between(run[0], run[-1]).translate(_APOSTROPHES), alias=_surface(words)
    )


def campaign_of_person(person: str, *, alias: str) -> ResolvedSource:
    """The campaign of ``person`` ("Donald Trump" or a bare "Trump"): "<Surname> campaign"
    (ENTITIES.md's convention), an organisation affiliated with the person when the full
    name is known."""
    full = person if " " in person else None
    return ResolvedSource(
        name=f"{person.split()[-1]} campaign",
        type=SourceType.ORGANIZATION,
        alias=alias,
        affiliation=full,
        affiliation_type=SourceType.PERSON if full else None,
    )


def _named_by_of(head: Token) -> bool:
    """A body noun named by its "of" object: "the city of Phoenix", "the government of
    Qatar" (not "the people of Gaza": only bodies)."""
    if head.lemma_.lower() not in _GOV_WORDS | _ORG_WORDS | {"city", "state", "country"}:
        return False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            return pobj is not None and pobj.pos_ == "PROPN"
    return False


_PARTITIVES = load_words("source_partitives")


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
    return _maker_in_clause(head)


_MADE_BY = frozenset({"release", "conduct", "publish", "issue", "commission", "produce", "write"})
_CAMPAIGN_DOCUMENTS = frozenset({"ad", "advertisement", "commercial", "spot"})
_DELIVERED = frozenset({"deliver", "give", "make", "sign", "send", "post", "file", "draft"})
_PLACED_IN = frozenset({"appear", "publish", "run", "print", "post"})


def _maker_in_clause(head: Token) -> list[Token] | None:
    """The maker a clause on the document names: "an analysis released by the Department
    of Veterans Affairs", "a study that appeared in the British Medical Journal", "a
    document on the Trump campaign's website"."""
    for clause in head.children:
        if clause.dep_ not in {"acl", "relcl"} or clause.i < head.i:
            continue
        if clause.dep_ == "relcl" and clause.lemma_ in _MADE_BY | _DELIVERED:
            # "a speech Mrs. Clinton delivered at New York University": her speech
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.ent_type_ in {"ORG", "PERSON", "GPE"}:
                named = [t for t in subject.subtree if t.tag_ != "POS" and not t.is_punct]
                while len(named) > 1 and (
                    named[0].lower_ in _HONORIFICS
                    or named[0].lower_ in _TITLE_ABBREVIATIONS
                    or named[0].lower_ in _ROLE_WORDS
                ):
                    named = named[1:]  # "Senator Grassley": Grassley
                return named
        for prep in clause.children:
            wanted = {"by"} if clause.lemma_ in _MADE_BY else set()
            wanted |= {"in"} if clause.lemma_ in _PLACED_IN else set()
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in wanted:
                named = _named_object(prep)
                if named is not None:
                    return named
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"on", "from"}:
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            owner = [c for c in objs[0].children if c.dep_ == "poss"] if objs else []
            if owner and any(t.ent_type_ in {"ORG", "PERSON", "GPE"} for t in owner[0].subtree):
                return [t for t in owner[0].subtree if t.tag_ != "POS"]  # "the X's website"
    return None


def _named_object(prep: Token) -> list[Token] | None:
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    if not objs or not any(t.ent_type_ in {"ORG", "PERSON", "GPE"} for t in objs[0].subtree):
        return None
    sub = [t for t in objs[0].subtree if t.lower_ not in _DETERMINERS and not t.is_punct]
    return sub or None


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

"""The word lists the cue rules read, by name.

Open-class lists are loaded from the data files in ``app/extraction/lexicons/`` (each says
where it came from and which rule uses it); adding a word is a one-line change there.
Closed-class sets shared by several rooms (prepositions, complementizers) are written here.
"""

from __future__ import annotations

from app.extraction.lexicon import load_map, load_words


def _words(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words."""
    return frozenset(text.split())


# Prepositions that introduce nominal content after some speech verbs: "talk about X".
CONTENT_PREPS = frozenset(
    {"about", "on", "of", "for", "to", "that", "against", "over", "with", "at"}
)

# Verbs of saying that take a clause, a quote or a direct object as content.
SAY_VERBS = load_words("say_verbs")

# Verbs of believing, feeling, knowing: content is a clause (or a quote).
BELIEF_VERBS = load_words("belief_verbs")

# Verbs of wanting and intending: content is an infinitive (or an object).
INTENTION_VERBS = load_words("intention_verbs")

# Verbs with which polls, studies, documents and data attribute findings.
FINDING_VERBS = load_words("finding_verbs")

# Subjects that make a finding: "the poll shows".
DOCUMENT_NOUNS = load_words("document_nouns")

# Verbs that are cues only with a clausal complement (they are too common otherwise).
CLAUSE_ONLY = load_words("clause_only_verbs")

# Adjectives of belief and feeling with a clause: "he is confident that ...".
BELIEF_ADJS = load_words("belief_adjs")

# Nouns of saying, believing and intending: "his claim that ...", "her plan to ...".
CUE_NOUNS = load_words("cue_nouns")

# Stance verbs: attributed evaluations of an object ("Sanders endorsed him"); cues only
# with a person or organisation as subject.
STANCE_VERBS = load_words("stance_verbs")

# Verbs that are cues with a prepositional object: "talked about X", "called for X".
PREP_VERBS: dict[str, frozenset[str]] = {
    verb: frozenset(preps.split()) for verb, preps in load_map("prep_verbs").items()
}

# Light verbs that carry a cue noun as object: "made the point that", "took aim at".
LIGHT_VERBS = load_words("light_verbs")

# Nouns that with a light verb (or a possessor) attribute an evaluation or a statement.
STANCE_NOUNS = load_words("stance_nouns")

# Nouns of people, groups and organisations that can hold a stance: "critics", "the union".
_ANIMATE_NOUNS = load_words("animate_nouns")

# Nouns of a point of view that frame a clause: "in her view", "in his opinion".
_PERSPECTIVE_NOUNS = load_words("perspective_nouns")

# Adjectives (and adjectival participles) of stance with a prepositional object:
# "critical of the plan", "opposed to the deal", "skeptical about the poll".
STANCE_ADJS: dict[str, frozenset[str]] = {
    adj: frozenset(preps.split()) for adj, preps in load_map("stance_adjs").items()
}

# Nouns of people by their stance: "a fierce critic of the deal", "is a campaigner for".
AGENT_NOUNS = load_words("agent_nouns")

# Adjectives that with a to-infinitive say how likely something is: "sure to fail".
_RAISING_ADJS = load_words("raising_adjs")

# Adjectives of knowledge said of an extraposed clause: "it is clear that ...".
_IMPERSONAL_ADJS = load_words("impersonal_adjs")

# Nouns of intending and of believing: the kind of a noun cue ("her plan to", "his fear
# that") and what a subject can "have" as its own ("has a plan", "has doubts").
_INTENT_NOUNS = load_words("intent_nouns")
_BELIEF_NOUNS = load_words("belief_nouns")

# Contractions the lemmatiser leaves alone: "wanna" -> "want".
_SLANG = load_map("slang_lemmas")

# Documents and messages after a clause-initial "in": "In a statement, ...".
_IN_DOCUMENTS = DOCUMENT_NOUNS | load_words("message_nouns")

# Opinion polls, whose findings are their respondents' answers.
_POLLS = load_words("poll_nouns")

# Verbs of a held view: "voters who support the ban" (now) against "the donor who backed
# the senator" (a deed).
_HELD_VIEW_VERBS = load_words("held_view_verbs")

# Clause-only verbs that with a person as subject and a bare object still attribute it
# ("she listed her demands").
_OBJECT_TOO = load_words("object_too_verbs")

# Nouns after "on" that give the terms or the side of speaking, not its topic.
_TERMS_NOUNS = load_words("terms_nouns")

# Verbs through which a cause or a permission is stated, not a mind: "helped determine".
_ENABLING_VERBS = load_words("enabling_verbs")

# Verbs that characterise someone only with a predicate: "cast him as a moderate".
_PREDICATE_VERBS = load_words("predicate_verbs")

# Verbs that introduce a quotation only when used bare ("he continued", "she went on").
QUOTE_VERBS = load_words("quote_verbs")

# Verbs of regarding whose passive takes a predicate: "is known as", "was considered a
# favourite", "is seen as".
REGARD_VERBS = load_words("regard_verbs")

# Verbs that with "back" make a retort: "shot back", "fired back".
_RETORT_VERBS = load_words("retort_verbs")

# Light verbs that report no mind even with a person and a that-clause.
_NOT_CUES = load_words("not_cue_verbs")

# "made (it) clear that ...", "made known his opposition".
_CLEAR_WORDS = load_words("clear_words")

# Complementizers of a content clause: "the question of whether ...".
_CLAUSE_MARKS = _words("that whether if")

# Nouns of opposing whose "to" names the target: "opposition to the deal".
_TO_NOUNS = load_words("to_nouns")

# Nouns of a held opinion (or a manner of speaking) whose prepositional phrase gives only
# its topic: "her rhetoric on trade".
_TOPIC_NOUNS = load_words("topic_nouns")

# Nouns a subject can "have" or "hold" as its own message: "has a question about".
_HELD_NOUNS = load_words("held_nouns")

# Nouns of verbal attack that attribute only in the idiom "take a shot at X".
_TAKEN_NOUNS = load_words("taken_nouns")

# Idioms of a light verb and a noun by which the subject judges, credits, blames or
# points at a target: "took credit for", "sounded a note about", "drew attention to".
_LIGHT_IDIOMS: dict[str, frozenset[str]] = {
    verb: frozenset(nouns.split()) for verb, nouns in load_map("light_idioms").items()
}

# Verbs of an unsourced impression: "it appears that ...".
_SEEM_VERBS = load_words("seem_verbs")

# Every verb a rule knows by name (``_lemma`` mends a lost silent e against it).
_VERB_LEXICON = (
    SAY_VERBS
    | BELIEF_VERBS
    | INTENTION_VERBS
    | FINDING_VERBS
    | STANCE_VERBS
    | QUOTE_VERBS
    | frozenset(PREP_VERBS)
)

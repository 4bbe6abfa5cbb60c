"""Finding attribution cues: the words that attribute content to a source.

PolNeAR (Newell, Margolin & Ruths 2018; its annotation guidelines define cues) annotates as cue the
verb or phrase that introduces attributed material: verbs of saying ("said", "told",
"tweeted"), of believing and feeling ("thinks", "fears"), of intending ("wants", "plans"),
of finding ("the poll shows"), evaluative speech acts ("criticized", "praised", "called for"),
nominal cues ("his claim that ..."), "according to", and the colon of ``X: "..."``.

The rooms, by what they find:

``finder``      ``find_cues``: offers each token to the rooms below, first match wins
``verbs``       verb cues ("said", "wants", "talked about", '"...," he continued')
``adjectives``  "confident that", "it is not clear whether", "critical of"
``nouns``       "his claim that", "took aim at", "a critic of", "in his view"
``marks``       "according to", "In a poll, ...", ``Name: ...``, dashes around quotations
``headlines``   "Senator Slams Mayor Over Budget"
``misread``     misparsed cues: "Smith claims that ..." (a noun), "Claiming X, Smith said"
``grammar``     token tests the rooms share (animacy, subjects, clauses, quotation marks)
``words``       the word lists the rules read, by name
``cue``         the ``Cue`` record

The open-class word lists (verbs, nouns, adjectives of saying, believing, intending, finding,
judging) are data files in ``app/extraction/lexicons/``, written by hand from the guidelines
and general knowledge of English reporting verbs (nothing is counted out of a corpus) and
loaded once at import by ``app.extraction.lexicon``; each file says where it came from and
which rule reads it. Closed-class words that are part of a rule's grammar (prepositions,
pronouns, modals, complementizers) stay beside the rule.
"""

from __future__ import annotations

from app.extraction.cues.cue import Cue
from app.extraction.cues.finder import find_cues
from app.extraction.cues.grammar import _has_clause as _has_clause
from app.extraction.cues.grammar import (
    is_animate,
    is_possessor,
    main_verb_as_participle,
    misread_name,
    possessor_of,
)
from app.extraction.cues.marks import byline_range, is_poll
from app.extraction.cues.misread import fronted_participle, misread_subject
from app.extraction.cues.nouns import owned_that_clause
from app.extraction.cues.verbs import regard_predicate
from app.extraction.cues.words import (
    AGENT_NOUNS,
    BELIEF_ADJS,
    BELIEF_VERBS,
    CLAUSE_ONLY,
    CONTENT_PREPS,
    CUE_NOUNS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    INTENTION_VERBS,
    LIGHT_VERBS,
    PREP_VERBS,
    QUOTE_VERBS,
    REGARD_VERBS,
    SAY_VERBS,
    STANCE_ADJS,
    STANCE_NOUNS,
    STANCE_VERBS,
)
from app.extraction.cues.words import _words as _words

__all__ = [
    "AGENT_NOUNS",
    "BELIEF_ADJS",
    "BELIEF_VERBS",
    "CLAUSE_ONLY",
    "CONTENT_PREPS",
    "CUE_NOUNS",
    "DOCUMENT_NOUNS",
    "FINDING_VERBS",
    "INTENTION_VERBS",
    "LIGHT_VERBS",
    "PREP_VERBS",
    "QUOTE_VERBS",
    "REGARD_VERBS",
    "SAY_VERBS",
    "STANCE_ADJS",
    "STANCE_NOUNS",
    "STANCE_VERBS",
    "Cue",
    "byline_range",
    "find_cues",
    "fronted_participle",
    "is_animate",
    "is_poll",
    "is_possessor",
    "main_verb_as_participle",
    "misread_name",
    "misread_subject",
    "owned_that_clause",
    "possessor_of",
    "regard_predicate",
]

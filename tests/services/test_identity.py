"""Cross-article identity (app/services/identity.py): keys, name analysis, and lookups in
the directory, including the names that must stay apart."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.extraction.types import SourceType
from app.services import identity
from app.services.identity import AliasKind, analyse, generic_key, is_acronym_of, name_key

PERSON = SourceType.PERSON
ORG = SourceType.ORGANIZATION


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qatar’s Foreign Ministry", "Qatar's foreign ministry"),
        ("U.S. State Department", "US State Department"),
        ("The U.S. State Department", "US State Department"),
        ("  Matthew   Miller ", "matthew miller"),
        ("ＡＦＰ", "AFP"),
        ("Donald Trump's", "Donald Trump"),
        ("Donald Trump’s", "Donald Trump"),
        ("Mr. Miller", "Miller"),
        ("Dr. Jill Stein", "Jill Stein"),
        ("Mrs Clinton", "Clinton"),
        ("Ms. Lopez", "Lopez"),
        ("Succès Masra", "Succes Masra"),
        ("O’Rourke", "O'Rourke"),
    ],
)
def test_name_key_ignores_what_does_not_change_who(a, b) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Matthew Miller", "Matthew Millar"),
        ("Donald Trump", "Donald Trump Jr."),
        ("Bill Clinton", "Hillary Clinton"),
        ("Clinton", "Hillary Clinton"),
    ],
)
def test_name_key_keeps_different_names_apart(a, b) -> None:
    assert name_key(a) != name_key(b)


def test_name_key_keeps_a_lone_article_or_honorific() -> None:
    assert name_key("The") == "the"
    assert name_key("Dr.") == "dr"


def test_analyse_splits_a_person_name() -> None:
    trump = analyse("Donald J. Trump", type=PERSON)
    assert (trump.key, trump.match_key, trump.middles) == ("donald j trump", "donald trump", ("j",))
    junior = analyse("Donald Trump Jr.", type=PERSON)
    assert junior.match_key == "donald trump jr" and junior.middles == ()
    beethoven = analyse("Ludwig van Beethoven", type=PERSON)
    assert beethoven.match_key == "ludwig van beethoven" and beethoven.middles == ()
    hillary = analyse("Hillary Rodham Clinton", type=PERSON)
    assert hillary.match_key == "hillary clinton" and hillary.middles == ("rodham",)


def test_analyse_leaves_organisations_whole() -> None:
    ons = analyse("Office for National Statistics", type=ORG)
    assert ons.match_key == ons.key == "office for national statistics"
    assert not ons.person


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((), ("j",), True),
        (("j",), ("john",), True),
        (("j",), ("j",), True),
        ((), ("rodham",), False),
        (("w",), ("h", "w"), False),
        (("j",), ("k",), False),
        (("john",), ("james",), False),
    ],
)
def test_middles_agree(a, b, same) -> None:
    assert identity.middles_agree(a, b) is same
    assert identity.middles_agree(b, a) is same


@pytest.mark.parametrize(
    ("alias", "name", "expected"),
    [
        ("ONS", "Office for National Statistics", True),
        ("UNRWA", "United Nations Relief and Works Agency", True),
        ("DoD", "Department of Defense", True),
        ("U.N.", "United Nations", True),
        ("IDF", "Israel Defense Forces", True),
        ("ONS", "Office of Nuclear Safety", True),
        ("ABC", "Office for National Statistics", False),
        ("Ons", "Office for National Statistics", False),  # not written as an acronym
        ("Trump", "Donald Trump", False),
        ("DT", "Donald", False),
    ],
)
def test_is_acronym_of(alias, name, expected) -> None:
    assert is_acronym_of(alias, name) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("officials", "the officials"), ("a spokesman", "the spokesman"), ("Polls", "some polls")],
)
def test_generic_key_drops_determiners(a, b) -> None:
    assert generic_key(a) == generic_key(b)


# --- against the directory ---------------------------------------------------------------


def _resolve(db, name: str, type: SourceType = PERSON) -> int:
    with db.write_session() as session:
        source_id = identity.resolve_source(session, db.dialect, name=name, type=type)
        session.commit()
    return source_id


def test_resolve_source_same_key_is_one_source(db) -> None:
    first = _resolve(db, "Matthew Miller")
    assert _resolve(db, "Mr. Matthew Miller's") == first
    assert _resolve(db, "matthew miller") == first


def test_resolve_source_middle_initial_meets_the_plain_name(db) -> None:
    plain = _resolve(db, "Donald Trump")
    assert _resolve(db, "Donald J. Trump") == plain
    assert _resolve(db, "Donald John Trump") == plain


def test_resolve_source_plain_name_meets_an_earlier_middle_initial(db) -> None:
    initial = _resolve(db, "Donald J. Trump")
    assert _resolve(db, "Donald Trump") == initial


def test_resolve_source_middle_name_joins_an_existing_first_and_last_name(db) -> None:
    hillary = _resolve(db, "Hillary Clinton")
    assert _resolve(db, "Hillary Rodham Clinton") == hillary


def test_resolve_source_middle_name_alone_does_not_claim_a_later_plain_name(db) -> None:
    # "John Paul Jones" could be someone other than a "John Jones" seen later: conservative
    full = _resolve(db, "John Paul Jones")
    assert _resolve(db, "John Jones") != full


def test_resolve_source_two_clintons_stay_apart(db) -> None:
    hillary = _resolve(db, "Hillary Clinton")
    bill = _resolve(db, "Bill Clinton")
    assert hillary != bill
    assert _resolve(db, "Bill J. Clinton") == bill


def test_resolve_source_father_and_son_stay_apart(db) -> None:
    father = _resolve(db, "Donald Trump")
    son = _resolve(db, "Donald Trump Jr.")
    assert father != son
    assert _resolve(db, "Donald J. Trump Jr.") == son
    assert _resolve(db, "Donald J. Trump") == father


def test_resolve_source_bare_surname_stays_apart_from_the_famous_namesake(db) -> None:
    hillary = _resolve(db, "Hillary Clinton")
    bare = _resolve(db, "Clinton")
    assert bare != hillary
    assert _resolve(db, "Mrs. Clinton") == bare


def test_resolve_source_people_sharing_a_surname_stay_apart(db) -> None:
    assert _resolve(db, "Mark Kelly") != _resolve(db, "Megyn Kelly")


def test_resolve_source_ambiguous_middles_create_a_new_source(db) -> None:
    w = _resolve(db, "George W. Bush")
    hw = _resolve(db, "George H. W. Bush")
    assert w != hw
    plain = _resolve(db, "George Bush")
    assert plain not in (w, hw)


def test_resolve_source_learned_acronym_resolves_later_mentions(db) -> None:
    ons = _resolve(db, "Office for National Statistics", ORG)
    with db.write_session() as session:
        identity.add_alias(session, db.dialect, source_id=ons, alias="ONS", kind=AliasKind.ACRONYM)
        session.commit()
    assert _resolve(db, "ONS", ORG) == ons


def test_resolve_source_seen_alias_does_not_resolve(db) -> None:
    # "Clinton" seen as a form of Hillary Clinton in one article says nothing about a bare
    # "Clinton" in another
    hillary = _resolve(db, "Hillary Clinton")
    with db.write_session() as session:
        identity.add_alias(
            session, db.dialect, source_id=hillary, alias="Clinton", kind=AliasKind.SEEN
        )
        session.commit()
    assert _resolve(db, "Clinton") != hillary


def test_add_alias_learned_kind_upgrades_a_seen_one(db) -> None:
    ons = _resolve(db, "Office for National Statistics", ORG)
    with db.write_session() as session:
        for kind in (AliasKind.SEEN, AliasKind.ACRONYM, AliasKind.SEEN):
            identity.add_alias(session, db.dialect, source_id=ons, alias="ONS", kind=kind)
        session.commit()
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT alias, kind FROM source_alias")).all()
    assert [tuple(r) for r in rows] == [("ONS", "acronym")]

"""Ingest through identity: roles over time, generic mentions, learned acronyms, aliases."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from app.extraction.types import ResolvedSource, SourceType
from app.models import ArticleCreate
from app.services.ingest import ingest_article
from tests.factories import scripted

PERSON, ORG = SourceType.PERSON, SourceType.ORGANIZATION
PER_SOURCE = (
    "SELECT s.name, count(*) FROM claim c JOIN source s ON s.id = c.source_id "
    "GROUP BY s.name ORDER BY s.name"
)


def _ingest(db, text: str, published: str, sources: dict[str, ResolvedSource]) -> int:
    article = ArticleCreate(text=text, published_at=date.fromisoformat(published))
    return ingest_article(db, article=article, extractor=scripted(sources)).article.id


def _rows(db, sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def test_ingest_claim_keeps_the_role_of_its_article_and_source_takes_the_latest(db) -> None:
    def yellen(role: str) -> dict[str, ResolvedSource]:
        return {"Janet Yellen": ResolvedSource("Janet Yellen", PERSON, "Janet Yellen", role=role)}

    _ingest(
        db, "Janet Yellen said that rates will rise.", "2021-06-01", yellen("Treasury Secretary")
    )
    _ingest(db, "Janet Yellen said that rates rose.", "2016-06-01", yellen("Fed chair"))
    rows = _rows(
        db,
        "SELECT c.source_role, s.role FROM claim c JOIN source s ON s.id = c.source_id "
        "ORDER BY c.id",
    )
    assert rows == [
        ("Treasury Secretary", "Treasury Secretary"),
        ("Fed chair", "Treasury Secretary"),
    ]
    _ingest(db, "Janet Yellen said that growth slows.", "2023-01-01", yellen("economist"))
    assert _rows(db, "SELECT role FROM source") == [("economist",)]


def test_ingest_generic_mentions_have_no_source_and_stay_apart(db) -> None:
    officials = {"Officials": ResolvedSource("officials", PERSON, "Officials", generic=True)}
    _ingest(db, "Officials said that the bridge is safe.", "2024-01-01", officials)
    _ingest(db, "Officials said that the dam is full.", "2024-02-01", officials)
    assert _rows(db, "SELECT count(*) FROM source") == [(0,)]
    rows = _rows(db, "SELECT source_id, source_mention_text, generic_key FROM claim ORDER BY id")
    assert rows == [(None, "Officials", "officials"), (None, "Officials", "officials")]


def test_ingest_learns_an_acronym_spelled_out_in_the_text(db) -> None:
    ons = ResolvedSource("Office for National Statistics", ORG, "ONS")
    _ingest(db, "ONS said that prices rose.", "2024-01-01", {"ONS": ons})
    later = {"ONS": ResolvedSource("ONS", ORG, "ONS")}
    _ingest(db, "ONS said that wages fell.", "2024-02-01", later)
    assert _rows(db, "SELECT name FROM source") == [("Office for National Statistics",)]
    assert _rows(db, "SELECT alias, kind FROM source_alias") == [("ONS", "acronym")]


def test_ingest_name_variants_of_one_person_meet_across_articles(db) -> None:
    def trump(name: str) -> dict[str, ResolvedSource]:
        return {name: ResolvedSource(name, PERSON, name)}

    _ingest(db, "Donald Trump said that walls work.", "2016-01-01", trump("Donald Trump"))
    _ingest(db, "Donald J. Trump said that deals work.", "2016-01-02", trump("Donald J. Trump"))
    _ingest(
        db, "Donald Trump Jr. said that hunting is fun.", "2016-01-03", trump("Donald Trump Jr.")
    )
    rows = _rows(db, PER_SOURCE)
    assert rows == [("Donald Trump", 2), ("Donald Trump Jr.", 1)]


def test_ingest_bare_surnames_in_two_articles_stay_apart_from_full_names(db) -> None:
    hillary = {
        "Hillary Clinton": ResolvedSource("Hillary Clinton", PERSON, "Hillary Clinton"),
        "Clinton": ResolvedSource("Hillary Clinton", PERSON, "Clinton"),
    }
    _ingest(db, "Hillary Clinton said that A. Clinton said that B.", "2016-01-01", hillary)
    bare = {"Clinton": ResolvedSource("Clinton", PERSON, "Clinton")}
    _ingest(db, "Clinton said that C.", "2016-01-02", bare)
    rows = _rows(db, PER_SOURCE)
    assert rows == [("Clinton", 1), ("Hillary Clinton", 2)]


def _harper(role: str = "presidential nominee") -> dict[str, ResolvedSource]:
    person = ResolvedSource(
        "Jane Harper",
        PERSON,
        "Jane Harper",
        role=role,
        affiliation="Republican Party",
        affiliation_type=ORG,
    )
    return {"Jane Harper": person}


def _described(mention: str, name: str, role: str) -> dict[str, ResolvedSource]:
    return {mention: ResolvedSource(name, PERSON, mention, role=role, local=True)}


def test_ingest_a_local_description_is_the_person_named_who_holds_that_role(db) -> None:
    # the directory knows Jane Harper as the Republican nominee; a later article names her
    # in passing and quotes "the GOP presidential nominee" without tying it to her
    _ingest(db, "Jane Harper said that taxes will fall.", "2024-01-01", _harper())
    text = "The GOP presidential nominee said that jobs will return. Jane Harper toured Ohio."
    described = _described("The GOP presidential nominee", "GOP presidential nominee", "nominee")
    _ingest(db, text, "2024-02-01", described)
    assert _rows(db, PER_SOURCE) == [("Jane Harper", 2)]


def test_ingest_a_description_of_another_party_or_a_shared_role_stays_local(db) -> None:
    _ingest(db, "Jane Harper said that taxes will fall.", "2024-01-01", _harper())
    democrat = _described("The Democratic nominee", "Democratic nominee", "nominee")
    text = "The Democratic nominee said that jobs will return. Jane Harper toured Ohio."
    _ingest(db, text, "2024-02-01", democrat)
    _ingest(db, "Jane Harper said that taxes rose.", "2024-03-01", _harper("spokeswoman"))
    spokeswoman = _described("The spokeswoman", "spokeswoman", "spokeswoman")
    _ingest(db, "The spokeswoman said that it rained. Jane Harper left.", "2024-04-01", spokeswoman)
    assert _rows(db, PER_SOURCE) == [
        ("Democratic nominee", 1),
        ("Jane Harper", 2),
        ("spokeswoman", 1),
    ]


def _spokesman(name: str, body: str) -> ResolvedSource:
    gov = SourceType.GOVERNMENT
    return ResolvedSource(
        name, PERSON, name, role="spokesman", affiliation=body, affiliation_type=gov
    )


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        ("Kremlin", [("Oleg Petrov", 2)]),
        ("State Duma", [("Oleg Petrov", 1), ("Petrov", 1)]),  # the same post elsewhere
    ],
)
def test_ingest_a_bare_surname_in_the_same_post_at_the_same_body_is_the_full_name(
    db, body: str, rows: list[tuple]
) -> None:
    full = {"Kremlin spokesman Oleg Petrov": _spokesman("Oleg Petrov", "Kremlin")}
    _ingest(db, "Kremlin spokesman Oleg Petrov said that A.", "2024-01-01", full)
    bare = {"The spokesman Petrov": _spokesman("Petrov", body)}
    _ingest(db, "The spokesman Petrov said that B.", "2024-01-02", bare)
    assert _rows(db, PER_SOURCE) == rows


def test_ingest_spellings_of_one_national_body_are_one_source(db) -> None:
    gov = SourceType.GOVERNMENT
    first = {"The U.S. State Department": ResolvedSource("US State Department", gov, "x")}
    _ingest(db, "The U.S. State Department said that A.", "2024-01-01", first)
    later = {"The State Department": ResolvedSource("State Department", gov, "x")}
    _ingest(db, "The State Department said that B.", "2024-01-02", later)
    health = {"The Health Ministry": ResolvedSource("Health Ministry", gov, "x")}
    _ingest(db, "The Health Ministry said that C.", "2024-01-03", health)
    assert _rows(db, PER_SOURCE) == [("Health Ministry", 1), ("US State Department", 2)]

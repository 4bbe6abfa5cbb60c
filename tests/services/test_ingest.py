"""The write path on its own: one transaction, idempotency under a lost race, spans."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from app.extraction.types import Attribution, AttributionKind, ResolvedSource, SourceType, Span
from app.models import ArticleCreate
from app.services import ingest
from tests.factories import article_body, fake_extract


def _count(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_ingest_article_is_one_transaction(db, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "_insert_claims", boom)
    with pytest.raises(RuntimeError):
        ingest.ingest_article(db, article=ArticleCreate(**article_body()), extractor=fake_extract)
    for table in ("article", "source", "source_alias", "claim", "quantity"):
        assert _count(db, table) == 0, table


def test_ingest_article_lost_race_returns_the_winner(db) -> None:
    article = ArticleCreate(**article_body(url="https://example.org/race"))
    first = ingest.ingest_article(db, article=article, extractor=fake_extract)
    # the second writer passed its existence check before the first committed
    rows, specs = ingest._plan(
        article.text,
        fake_extract(article.text, published_at=article.published_at, title=None),
        publisher=article.publisher,
        published_at=article.published_at,
    )
    fields = ingest.article_fields(article)
    second = ingest._store(
        db, article=fields, sha=ingest.content_sha256(fields.text), rows=rows, specs=specs
    )
    assert first.created and not second.created
    assert second.article.id == first.article.id
    assert _count(db, "article") == 1
    assert _count(db, "claim") == 2


def test_ingest_article_drops_spans_that_are_not_in_the_text(db) -> None:
    text = "Ann Lee said that rain came. The end."

    def sloppy(text: str, *, published_at, title):
        good = Span.of(text, 18, 27)
        return [
            Attribution(
                kind=AttributionKind.INDIRECT,
                content=good,
                content_fragments=(good,),
                cue=Span(8, 12, "told"),  # wrong text: dropped, the claim stays
                source_mention=Span.of(text, 0, 7),
                source=ResolvedSource("Ann Lee", SourceType.PERSON, "Ann Lee"),
            ),
            Attribution(  # content beyond the text: the claim is dropped
                kind=AttributionKind.EDITORIAL,
                content=Span(30, 99, "The end."),
                content_fragments=(Span(30, 99, "The end."),),
            ),
        ]

    result = ingest.ingest_article(
        db, article=ArticleCreate(text=text, published_at=date(2024, 1, 2)), extractor=sloppy
    )
    assert result.article.claim_count == 1
    with db.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT text, cue_start, source_mention_text FROM claim")).one()
    assert tuple(row) == ("rain came", None, "Ann Lee")


def test_ingest_article_editorial_claims_belong_to_the_publisher(db) -> None:
    body = article_body(text="The port reopened.", publisher="Coastal Times")
    ingest.ingest_article(db, article=ArticleCreate(**body), extractor=fake_extract)
    with db.engine.connect() as conn:
        name, kind = conn.execute(
            sa.text("SELECT s.name, s.type FROM claim c JOIN source s ON s.id = c.source_id")
        ).one()
    assert (name, kind) == ("Coastal Times", "media")
    without = article_body(text="The port closed.", publisher=None)
    ingest.ingest_article(db, article=ArticleCreate(**without), extractor=fake_extract)
    with db.engine.connect() as conn:
        assert (
            conn.execute(sa.text("SELECT count(*) FROM claim WHERE source_id IS NULL")).scalar_one()
            == 1
        )


def _one_claim_extractor(source: ResolvedSource):  # type: ignore[no-untyped-def]
    """An extractor giving one claim whose source mention is the text's first word pair."""

    def extract(text: str, *, published_at: date | None, title: str | None) -> list[Attribution]:
        mention = Span(0, 9, text[:9])
        content = Span(15, len(text), text[15:])
        return [
            Attribution(
                kind=AttributionKind.INDIRECT,
                content=content,
                content_fragments=(content,),
                cue=Span(10, 14, text[10:14]),
                source_mention=mention,
                source=source,
            )
        ]

    return extract


def _source_ids(db) -> list[int | None]:
    with db.engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT source_id FROM claim ORDER BY id")).scalars())


def test_ingest_article_local_description_is_one_source_per_article(db) -> None:
    union = ResolvedSource(name="union", type=SourceType.ORGANIZATION, alias="union", local=True)
    extractor = _one_claim_extractor(union)
    for text in ("The union said wages must rise now.", "The union said the strike goes on."):
        body = article_body(text=text, publisher=None)
        ingest.ingest_article(db, article=ArticleCreate(**body), extractor=extractor)
    first, second = _source_ids(db)
    assert first is not None and second is not None and first != second


def test_ingest_generic_mentions_are_never_pooled(db) -> None:
    officials = ResolvedSource(
        name="officials", type=SourceType.GOVERNMENT, alias="officials", generic=True
    )
    extractor = _one_claim_extractor(officials)
    for text in ("Officials said wages must rise now.", "Officials said the strike goes on."):
        body = article_body(text=text, publisher=None)
        ingest.ingest_article(db, article=ArticleCreate(**body), extractor=extractor)
    assert _source_ids(db) == [None, None]
    assert _count(db, "source") == 0


def _person(name: str, role: str | None) -> ResolvedSource:
    return ResolvedSource(name=name, type=SourceType.PERSON, alias=name, role=role)


def _ingest_as(db, texts_and_sources: list[tuple[str, ResolvedSource]]) -> list[int | None]:
    for text, source in texts_and_sources:
        body = article_body(text=text, publisher=None)
        extractor = _one_claim_extractor(source)
        ingest.ingest_article(db, article=ArticleCreate(**body), extractor=extractor)
    return _source_ids(db)


@pytest.mark.parametrize("full_name_first", [True, False])
def test_ingest_surname_in_office_finds_the_one_namesake_in_that_office(
    db, full_name_first: bool
) -> None:
    full = ("Xavier Olmo said the plan will fail.", _person("Xavier Olmo", "president"))
    bare = ("President said the plan is sound.", _person("Olmo", "president"))
    first, second = _ingest_as(db, [full, bare] if full_name_first else [bare, full])
    assert first == second
    with db.engine.connect() as conn:
        names = conn.execute(sa.text("SELECT name FROM source")).scalars().all()
    assert names == ["Xavier Olmo"]


def test_ingest_surname_without_a_shared_office_stays_apart(db) -> None:
    ids = _ingest_as(
        db,
        [
            ("Spokesman said the plan will fail.", _person("Jane Olmo", "spokesperson")),
            ("Spokesman said the plan is sound.", _person("Olmo", "spokesperson")),
            ("President said the plan is sound.", _person("Olmo", "president")),
        ],
    )
    assert ids[0] != ids[1]
    assert ids[0] != ids[2]


def test_ingest_bare_surname_joins_its_namesake_once_both_hold_the_office(db) -> None:
    ids = _ingest_as(
        db,
        [
            ("Lawmaker said the plan will fail.", _person("Olmo", None)),
            ("Senators said the plan is sound.", _person("Xavier Olmo", "president")),
            ("President said the plan will pass.", _person("Olmo", "president")),
        ],
    )
    # the bare "Olmo" learned the office in the third article: from then on one person
    assert ids[0] == ids[1] == ids[2]
    with db.engine.connect() as conn:
        live = conn.execute(
            sa.text("SELECT name FROM source WHERE merged_into_id IS NULL")
        ).scalars()
        assert list(live) == ["Xavier Olmo"]


def test_ingest_bare_surname_stays_apart_when_two_namesakes_held_the_office(db) -> None:
    ids = _ingest_as(
        db,
        [
            ("Governors said the plan will fail.", _person("Xavier Olmo", "president")),
            ("Governors said the plan will pass.", _person("Yolanda Olmo", "president")),
            ("President said the plan is sound.", _person("Olmo", None)),
            ("President said the plan is dead.", _person("Olmo", "president")),
        ],
    )
    assert len({ids[0], ids[1], ids[2]}) == 3
    assert ids[3] == ids[2]


def test_store_articles_is_one_idempotent_transaction(db) -> None:
    def prepared(**overrides):
        return ingest.prepare_article(
            ArticleCreate(**article_body(**overrides)), extractor=fake_extract
        )

    stored = ingest.store_article(db, prepared=prepared(url="https://example.org/old"))
    batch = [
        prepared(url="https://example.org/new"),
        prepared(url="https://example.org/old"),  # stored before
        prepared(url="https://example.org/new"),  # earlier in this batch
        prepared(),
    ]
    results = ingest.store_articles(db, prepared=batch)
    assert [r.created for r in results] == [True, False, False, True]
    assert results[1].article.id == stored.article.id
    assert results[2].article.id == results[0].article.id
    assert _count(db, "article") == 3
    assert _count(db, "claim") == 2 * 3


def test_store_articles_stores_none_when_one_fails(db, monkeypatch) -> None:
    batch = [
        ingest.prepare_article(ArticleCreate(**article_body()), extractor=fake_extract)
        for _ in range(3)
    ]
    calls = []
    real = ingest._insert_claims

    def third_fails(session, article_id, rows, source_ids):
        calls.append(article_id)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        real(session, article_id, rows, source_ids)

    monkeypatch.setattr(ingest, "_insert_claims", third_fails)
    with pytest.raises(RuntimeError):
        ingest.store_articles(db, prepared=batch)
    for table in ("article", "source", "source_alias", "claim", "quantity"):
        assert _count(db, table) == 0, table


def _body(name: str) -> ResolvedSource:
    return ResolvedSource(name=name, type=SourceType.ORGANIZATION, alias=name)


@pytest.mark.parametrize("full_first", [True, False])
def test_ingest_acronym_finds_the_one_body_whose_initials_spell_it(db, full_first: bool) -> None:
    full = ("The fund said growth will slow.", _body("International Monetary Fund"))
    short = ("The body said growth will slow.", _body("IMF"))
    first, second = _ingest_as(db, [full, short] if full_first else [short, full])
    assert first == second


def test_ingest_acronym_of_two_bodies_joins_neither(db) -> None:
    ids = _ingest_as(
        db,
        [
            ("The fund said growth will slow.", _body("International Monetary Fund")),
            ("The forum said growth will slow.", _body("Internal Mapping Forum")),
            ("The body said growth will slow.", _body("IMF")),
        ],
    )
    assert len(set(ids)) == 3


def test_ingest_article_lost_race_on_the_canonical_url(db) -> None:
    """Two addresses of one page (same <link rel=canonical>) ingested at once: the loser's
    insert meets the unique canonical URL and answers with the winner's article."""
    page = (
        "<html><head><title>Pier</title>"
        "<link rel='canonical' href='https://coast.example/pier'></head><body><article>"
        "<p>Lena Fischer said on Wednesday that repairs would take two weeks.</p>"
        "<p>The closure could cost fishing crews most of the autumn season.</p>"
        "</article></body></html>"
    )
    first = ingest.ingest_article(
        db,
        article=ArticleCreate(html=page, url="https://coast.example/pier?utm=a"),
        extractor=fake_extract,
    )
    # the second writer passed its existence check before the first committed
    fields = ingest.article_fields(ArticleCreate(html=page, url="https://m.coast.example/pier"))
    assert fields.canonical_url == "https://coast.example/pier"
    second = ingest._store(
        db, article=fields, sha=ingest.content_sha256(fields.text), rows=[], specs={}
    )
    assert first.created and not second.created
    assert second.article.id == first.article.id
    assert _count(db, "article") == 1

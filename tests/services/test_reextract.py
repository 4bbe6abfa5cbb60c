"""Re-extraction over stored articles: claims replaced in one transaction per article,
people's corrections kept (app/services/reextract.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import sqlalchemy as sa

from app.errors import NotFound
from app.extraction.types import Attribution, AttributionKind, ResolvedSource, SourceType, Span
from app.models import ArticleCreate
from app.services import corrections, reextract
from app.services.ingest import ingest_article

TEXT = "Lee said that ships wait. Bo Chen said that ships leave. Cy Dunn said that fog lifts."
_SAID = re.compile(r"(?P<mention>[A-Z][\w ]*?) said (?P<that>that )(?P<content>[^.]+)\.")


def extractor(names: dict[str, str], *, with_that: frozenset[str] = frozenset()):
    """Each "<mention> said that <content>." is a claim of the person names[mention]; for
    the mentions in ``with_that`` the content span starts at "that" (a shifted span)."""

    def extract(text: str, *, published_at, title) -> list[Attribution]:
        out = []
        for m in _SAID.finditer(text):
            start = m.start("that") if m.group("mention") in with_that else m.start("content")
            content = Span.of(text, start, m.end("content"))
            name = names[m.group("mention")]
            out.append(
                Attribution(
                    kind=AttributionKind.INDIRECT,
                    content=content,
                    content_fragments=(content,),
                    source_mention=Span.of(text, *m.span("mention")),
                    source=ResolvedSource(name, SourceType.PERSON, m.group("mention")),
                )
            )
        return out

    return extract


FIRST = extractor({"Lee": "Lee", "Bo Chen": "Bo Chen", "Cy Dunn": "Cy Dunn"})


def _claims(db) -> dict[str, tuple[int, str | None]]:
    """content text -> (claim id, source name)"""
    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT c.id, c.content_text, s.name FROM claim c "
                "LEFT JOIN source s ON s.id = c.source_id"
            )
        ).all()
    return {text.removeprefix("that "): (claim_id, name) for claim_id, text, name in rows}


def _source_id(db, name: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT id FROM source WHERE name = :n"), {"n": name}
        ).scalar_one()


@pytest.fixture
def stored(db) -> int:
    article = ArticleCreate(text=TEXT, published_at=date(2024, 9, 17))
    return ingest_article(db, article=article, extractor=FIRST).article.id


def test_reextract_keeps_a_moved_claim_on_its_corrected_source(db, stored) -> None:
    moved_id = _claims(db)["ships leave"][0]
    corrections.reassign_claim(db, claim_id=moved_id, source_id=_source_id(db, "Cy Dunn"))
    better = extractor(
        {"Lee": "Ann Lee", "Bo Chen": "Bo Chen", "Cy Dunn": "Cy Dunn"},
        with_that=frozenset({"Lee", "Bo Chen"}),
    )
    done = reextract.reextract_article(db, article_id=stored, extractor=better)
    assert (done.claims_before, done.claims_after, done.reapplied, done.unmatched) == (3, 3, 1, 0)
    assert done.kept_ids == 1  # "fog lifts": same span, same id
    after = _claims(db)
    assert after["ships wait"][1] == "Ann Lee"  # the better extraction wins where uncorrected
    assert after["ships leave"][1] == "Cy Dunn"  # the person's correction wins where made
    assert after["fog lifts"][1] == "Cy Dunn"
    # and again: the correction now follows the new claim
    done = reextract.reextract_article(db, article_id=stored, extractor=better)
    assert done.reapplied == 1 and done.kept_ids == 3
    assert _claims(db)["ships leave"][1] == "Cy Dunn"


def test_reextract_keeps_corrected_source_fields_and_merges(db, stored) -> None:
    lee = _source_id(db, "Lee")
    corrections.update_source(db, source_id=lee, changes={"name": "Li Wei", "role": "pilot"})
    corrections.merge_sources(
        db, source_id=_source_id(db, "Bo Chen"), into=_source_id(db, "Cy Dunn")
    )
    reextract.reextract_article(db, article_id=stored, extractor=FIRST)
    after = _claims(db)
    assert after["ships wait"][1] == "Li Wei"  # the old name leads to the renamed source
    assert after["ships leave"][1] == "Cy Dunn"  # the merged name leads to the target
    with db.engine.connect() as conn:
        role = conn.execute(sa.text("SELECT role FROM source WHERE id = :i"), {"i": lee})
        assert role.scalar_one() == "pilot"


def test_reextract_is_one_transaction_per_article(db, stored, monkeypatch) -> None:
    before = _claims(db)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(corrections, "reapply_claim_corrections", boom)
    changed = extractor({"Lee": "Ann Lee", "Bo Chen": "Bo Chen", "Cy Dunn": "Cy Dunn"})
    with pytest.raises(RuntimeError):
        reextract.reextract_article(db, article_id=stored, extractor=changed)
    assert _claims(db) == before


def test_reextract_prune_removes_only_sources_nothing_refers_to(db, stored) -> None:
    corrections.update_source(db, source_id=_source_id(db, "Cy Dunn"), changes={"role": "mayor"})
    nobody = extractor({"Lee": "Ann Lee", "Bo Chen": "Ann Lee", "Cy Dunn": "Ann Lee"})
    reextract.reextract_article(db, article_id=stored, extractor=nobody)
    assert reextract.prune_sources(db) == 2  # Lee and Bo Chen; Cy Dunn was corrected
    with db.engine.connect() as conn:
        names = conn.execute(sa.text("SELECT name FROM source ORDER BY name")).scalars().all()
    assert names == ["Ann Lee", "Cy Dunn"]


def test_reextract_article_ids_names_the_missing(db, stored) -> None:
    assert reextract.article_ids(db) == [stored]
    assert reextract.article_ids(db, ids=[stored, stored]) == [stored]
    with pytest.raises(NotFound, match="999"):
        reextract.article_ids(db, ids=[stored, 999])

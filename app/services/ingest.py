"""The write path: one article, its claims, sources and quantities, in one transaction.

Extraction (CPU-bound, ~0.15 s an article) runs before the transaction opens. The article
insert is ``INSERT ... ON CONFLICT DO NOTHING`` against the unique url / content hash, so
concurrent submissions of the same article leave exactly one row and the losers answer
with the winner's article. Sources are upserted the same way, in a fixed (key) order, so
that concurrent transactions on PostgreSQL cannot deadlock on each other's new sources.
"""

from __future__ import annotations

import hashlib
import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, Protocol

import sqlalchemy as sa
from anyio import CapacityLimiter, to_thread
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.db import Database, utcnow
from app.errors import InvalidInput, ServiceUnavailable
from app.extraction.types import (
    Attribution,
    AttributionKind,
    ExtractionConfig,
    ExtractionError,
    ResolvedSource,
    SourceType,
    Span,
)
from app.models import (
    Article,
    ArticleCreate,
    ArticlePublic,
    Claim,
    Quantity,
    RepublicationOf,
    Source,
)
from app.models.correction import not_corrected
from app.services import appearances, identity
from app.services.identity import AliasKind, name_key
from app.services.webpage import FetchPolicy, extract_page, fetch_page

log = logging.getLogger("claimtrail.ingest")


class Extractor(Protocol):
    def __call__(
        self, text: str, *, published_at: date | None, title: str | None
    ) -> list[Attribution]: ...


def make_extractor(config: ExtractionConfig) -> Extractor:
    """The real extraction library, serialised within this process (spaCy pipelines are
    not documented as thread-safe, and under the GIL two CPU-bound extractions in threads
    take as long as one after the other). Processes extract in parallel: serve workers,
    ``ingest --workers`` and queue workers each have their own. The HTTP route does not
    queue for this lock in a thread: see ``ingest_article_async``."""
    lock = threading.Lock()

    def run(text: str, *, published_at: date | None, title: str | None) -> list[Attribution]:
        try:
            from app.extraction import extract, get_parser
        except ImportError as exc:  # pragma: no cover - the library is part of the app
            raise ServiceUnavailable("the extraction library is not available") from exc
        with lock:
            try:
                get_parser(config)  # cached once loaded
            except ExtractionError as exc:
                # The server's fault (CLAIMTRAIL_EXTRACTION_MODELS), not the article's: 503,
                # not the 422 that an ExtractionError about the text gets.
                raise ServiceUnavailable(f"the NLP model could not be loaded: {exc}") from exc
            return extract(text, published_at=published_at, title=title, config=config)

    return run


def preload_extraction(config: ExtractionConfig) -> None:
    """Load the NLP model now (once per process) rather than on the first POST."""
    from app.extraction import get_parser

    get_parser(config)


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: ArticlePublic
    created: bool


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class _SourceSpec:
    name: str
    type: str
    role: str | None = None
    role_on: date | None = None  # the date of the claim that gave the role
    affiliation_key: str | None = None
    aliases: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)  # learned: "ONS" of "Office for ..."
    scope: str | None = None  # set for an article-local entity ("the union"): its article


@dataclass(slots=True)
class _ClaimRow:
    values: dict[str, Any]
    source_key: str | None
    quantities: list[dict[str, Any]]


def _valid(span: Span | None, text: str) -> bool:
    return (
        span is not None
        and 0 <= span.start <= span.end <= len(text)
        and text[span.start : span.end] == span.text
    )


def _span_values(prefix: str, span: Span | None, text: str) -> dict[str, Any]:
    if span is None or not _valid(span, text):
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _later(a: date | None, b: date | None) -> bool:
    """Whether a role dated ``a`` is more recent than one dated ``b`` (undated is oldest)."""
    return a is not None and (b is None or a >= b)


def _merge_source(specs: dict[str, _SourceSpec], spec: _SourceSpec) -> str:
    key = identity.scoped_key(name_key(spec.name), spec.scope)
    have = specs.get(key)
    if have is None:
        specs[key] = spec
        return key
    if have.type == SourceType.UNKNOWN and spec.type != SourceType.UNKNOWN:
        have.type = spec.type
    if spec.role and (have.role is None or _later(spec.role_on, have.role_on)):
        have.role, have.role_on = spec.role, spec.role_on
    have.affiliation_key = have.affiliation_key or spec.affiliation_key
    have.aliases |= spec.aliases
    have.acronyms |= spec.acronyms
    return key


def _resolved_source(
    specs: dict[str, _SourceSpec],
    source: ResolvedSource,
    *,
    said_on: date | None,
    scope: str,
    mention: str | None = None,
    sentence: str | None = None,
) -> str | None:
    if source.generic or not source.name or not name_key(source.name):
        return None
    # "the Hamas-run territory's health ministry ... in Gaza" is the Gaza Health Ministry
    name = identity.place_body_name(source.name.strip(), mention=mention, sentence=sentence)
    affiliation_key = None
    if source.affiliation and name_key(source.affiliation):
        affiliation_type = source.affiliation_type or SourceType.ORGANIZATION
        affiliation_key = _merge_source(
            specs, _SourceSpec(name=source.affiliation, type=str(affiliation_type))
        )
    alias = source.alias.strip() if source.alias else ""
    acronym = alias if alias and identity.is_acronym_of(alias, source.name) else None
    key = _merge_source(
        specs,
        _SourceSpec(
            name=name,
            type=str(source.type),
            role=source.role.strip()[:300] if source.role and source.role.strip() else None,
            role_on=said_on,
            affiliation_key=affiliation_key,
            aliases={alias} if alias else set(),
            acronyms={acronym} if acronym else set(),
            scope=scope if source.local else None,
        ),
    )
    if affiliation_key == key:  # a source does not speak for itself
        specs[key].affiliation_key = None
    return key


def _sentence_around(text: str, span: Span) -> str:
    """The sentence (roughly: between full stops or line breaks) holding ``span``."""
    start = max(text.rfind(". ", 0, span.start) + 2, text.rfind("\n", 0, span.start) + 1, 0)
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _source_values(source: ResolvedSource | None, mention: Span | None) -> dict[str, Any]:
    """What the claim itself records of its source: role, name form, generic key."""
    if source is None:
        return {
            "source_role": None,
            "source_alias": None,
            "generic_key": None,
            "generic_head": None,
        }
    role = source.role.strip()[:300] if source.role and source.role.strip() else None
    alias = source.alias.strip()[:500] if source.alias and source.alias.strip() else None
    generic = None
    if source.generic:
        generic = identity.generic_key(mention.text if mention else source.alias or source.name)
    return {
        "source_role": role,
        "source_alias": alias,
        "generic_key": generic or None,
        "generic_head": identity.generic_head(generic) if generic else None,
    }


def _plan(
    text: str,
    attributions: Sequence[Attribution],
    *,
    publisher: str | None,
    published_at: date | None,
) -> tuple[list[_ClaimRow], dict[str, _SourceSpec]]:
    """Turn attributions into rows; drop any whose content is not a span of the text."""
    specs: dict[str, _SourceSpec] = {}
    publisher_key = None
    if publisher and name_key(publisher):
        publisher_key = _merge_source(
            specs, _SourceSpec(name=publisher, type=str(SourceType.MEDIA), aliases={publisher})
        )
    today = utcnow().date()
    rows: list[_ClaimRow] = []
    scope = content_sha256(text)[:16]  # article-local entities are keyed by their article
    for a in attributions:
        if not _valid(a.content, text):
            log.warning("dropping an attribution whose content is not a span of the text")
            continue
        fragments = [
            f
            for f in a.content_fragments
            if _valid(f, text) and a.content.start <= f.start <= f.end <= a.content.end
        ] or [a.content]
        said_on = a.said_on
        dated = (said_on.date if said_on else None) or published_at
        mention = a.source_mention if _valid(a.source_mention, text) else None
        if a.source is not None:
            key = _resolved_source(
                specs,
                a.source,
                said_on=dated,
                scope=scope,
                mention=mention.text if mention else None,
                sentence=_sentence_around(text, mention) if mention else None,
            )
        elif a.kind == AttributionKind.EDITORIAL or (a.cue is None and a.source_mention is None):
            key = publisher_key
        else:
            key = None
        confidence = a.confidence if math.isfinite(a.confidence) else 0.5
        values: dict[str, Any] = {
            "kind": str(a.kind),
            "text": " ".join(f.text for f in fragments),
            "content_start": a.content.start,
            "content_end": a.content.end,
            "content_text": a.content.text,
            "content_fragments": [[f.start, f.end] for f in fragments],
            **_span_values("cue", a.cue, text),
            **_span_values("source_mention", a.source_mention, text),
            **_source_values(a.source, mention),
            **_span_values("based_on", a.based_on, text),
            "said_on": said_on.date if said_on else None,
            "said_on_precision": str(said_on.precision) if said_on else None,
            "said_on_text": said_on.text[:300] if said_on else None,
            "confidence": min(1.0, max(0.0, confidence)),
            "sort_date": (said_on.date if said_on else None) or published_at or today,
        }
        quantities = [
            {
                "value": q.value,
                "qualifier": q.qualifier[:100] if q.qualifier else None,
                "unit": q.unit[:200] if q.unit else None,
                "measure": q.measure,
                "figure_unit": q.normalized_unit[:200] if q.normalized_unit else None,
                "value_to": _finite(q.value_to),
                "part_of": _finite(q.part_of),
                "span_start": q.span.start,
                "span_end": q.span.end,
                "span_text": q.span.text,
            }
            for q in a.quantities
            if _valid(q.span, text) and math.isfinite(q.value)
        ]
        rows.append(_ClaimRow(values=values, source_key=key, quantities=quantities))
    return rows, specs


def _insert(dialect: str, table: Any) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def _find_existing(
    session: Session, *, urls: Sequence[str], sha: str | None
) -> ArticlePublic | None:
    """The stored article one of ``urls`` names (as its url, final or canonical URL); with
    no url, the one with the same text and no url."""
    query = sa.select(Article).order_by(Article.id)
    if urls:
        query = query.where(
            sa.or_(
                Article.url.in_(urls),
                Article.canonical_url.in_(urls),
                Article.final_url.in_(urls),
            )
        )
    elif sha is not None:
        query = query.where(Article.url.is_(None), Article.content_sha256 == sha)
    else:
        return None
    article = session.scalars(query.limit(1)).first()
    if article is None:
        return None
    found = ArticlePublic.model_validate(article, from_attributes=True)
    assert article.id is not None
    republished = appearances.republication_of(session, article_id=article.id)
    return (
        found
        if republished is None
        else found.model_copy(
            update={"republication_of": RepublicationOf.model_validate(republished)}
        )
    )


def _described_by_role(spec: _SourceSpec) -> bool:
    """An article-local person the article describes by a role only ("the president")."""
    return bool(spec.scope) and spec.type == SourceType.PERSON and spec.role is not None


def _upsert_sources(
    session: Session, dialect: str, specs: dict[str, _SourceSpec], text: str = ""
) -> dict[str, int]:
    """Find or create each source (key order, see app/services/identity.py), fill an unknown
    type or a missing affiliation, keep the most recent role, record the aliases."""
    ids = {
        key: identity.resolve_source(
            session,
            dialect,
            name=specs[key].name,
            type=specs[key].type,
            scope=specs[key].scope,
            role=specs[key].role,
        )
        for key in sorted(specs)
        if not _described_by_role(specs[key])
    }
    people = {
        ids[key]: spec.role
        for key, spec in specs.items()
        if key in ids and not spec.scope and spec.type == SourceType.PERSON
    }
    for key in sorted(specs):
        if key in ids:
            continue
        spec = specs[key]
        # "the GOP presidential nominee", local to its article: the one person it names who
        # is known under that role (app/services/identity.py: described_person)
        ids[key] = identity.described_person(
            session,
            role=spec.role,
            description=spec.name,
            people=people,
            text=text,
        ) or identity.resolve_source(
            session, dialect, name=spec.name, type=spec.type, scope=spec.scope, role=spec.role
        )
    source_t = Source.__table__
    if dialect == "postgresql" and ids:
        # Follow a source merged or pruned meanwhile by a concurrent transaction (no row
        # lock: share locks here deadlocked against the role updates of concurrent ingests).
        rows = session.execute(
            sa.select(source_t.c.id, source_t.c.merged_into_id).where(
                source_t.c.id.in_(sorted(set(ids.values())))
            )
        ).all()
        present = {r.id for r in rows}
        moved = {r.id: r.merged_into_id for r in rows if r.merged_into_id is not None}
        for key in sorted(k for k, source_id in ids.items() if source_id not in present):
            # pruned meanwhile (claimtrail reextract --all): find or create it again
            spec = specs[key]
            ids[key] = identity.resolve_source(
                session, dialect, name=spec.name, type=spec.type, scope=spec.scope
            )
        ids = {key: moved.get(source_id, source_id) for key, source_id in ids.items()}
    for key in sorted(specs):
        spec, source_id = specs[key], ids[key]
        if spec.type != SourceType.UNKNOWN:
            session.execute(
                sa.update(source_t)
                .where(
                    source_t.c.id == source_id,
                    source_t.c.type == str(SourceType.UNKNOWN),
                    not_corrected("type"),
                )
                .values(type=spec.type)
            )
        affiliation_id = ids.get(spec.affiliation_key) if spec.affiliation_key else None
        if affiliation_id is not None and affiliation_id != source_id:
            session.execute(
                sa.update(source_t)
                .where(
                    source_t.c.id == source_id,
                    source_t.c.affiliation_id.is_(None),
                    not_corrected("affiliation_id"),
                )
                .values(affiliation_id=affiliation_id)
            )
        if spec.role:
            identity.update_role(session, source_id=source_id, role=spec.role, said_on=spec.role_on)
    aliases = sorted(
        {(ids[key], alias, AliasKind.SEEN) for key, spec in specs.items() for alias in spec.aliases}
        | {
            (ids[key], alias, AliasKind.ACRONYM)
            for key, spec in specs.items()
            for alias in spec.acronyms
        }
    )
    for source_id, alias, kind in aliases:
        identity.add_alias(session, dialect, source_id=source_id, alias=alias, kind=kind)
    absorbed = identity.consolidate_office_namesakes(session, dialect, sorted(set(ids.values())))
    for target in sorted(set(absorbed.values())):
        # the absorbed sources' claims are the target's now: their statements meet
        appearances.relink_source(session, source_id=target)
    return {key: absorbed.get(source_id, source_id) for key, source_id in ids.items()}


_RETRYABLE_PG = {"40001", "40P01"}  # serialization failure, deadlock detected


def _retryable(exc: OperationalError) -> bool:
    code = getattr(exc.orig, "sqlstate", None)
    return code in _RETRYABLE_PG or "database is locked" in str(exc.orig)


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """The article as it will be stored: given, or extracted from its web page."""

    text: str
    url: str | None
    title: str | None
    publisher: str | None
    author: str | None
    published_at: date | None
    language: str | None
    final_url: str | None = None
    canonical_url: str | None = None
    fetched_at: datetime | None = None

    @property
    def urls(self) -> list[str]:
        """Every URL that names this article (for idempotency)."""
        return list(dict.fromkeys(u for u in (self.url, self.final_url, self.canonical_url) if u))


def article_fields(article: ArticleCreate, *, fetch: FetchPolicy | None = None) -> ArticleFields:
    """The given text, or the page's: fetched from ``url`` (under ``fetch``, by default the
    safe policy) unless its ``html`` was sent. Fields the request gives win over the page's.
    Network and HTML parsing, no NLP and no database."""
    if article.text is not None:
        return ArticleFields(
            text=article.text,
            url=article.url,
            title=article.title,
            publisher=article.publisher,
            author=article.author,
            published_at=article.published_at,
            language=article.language,
        )
    fetched = None
    html = article.html
    if html is None:
        assert article.url is not None  # ArticleCreate requires text, html or url
        fetched = fetch_page(article.url, policy=fetch or FetchPolicy())
        html = fetched.html
    page = extract_page(html, url=fetched.final_url if fetched else article.url)
    return ArticleFields(
        text=page.text,
        url=article.url,
        title=article.title or page.title,
        publisher=article.publisher or page.publisher,
        author=article.author or page.author,
        published_at=article.published_at or page.published_at,
        language=article.language or page.language,
        final_url=fetched.final_url if fetched else None,
        canonical_url=page.canonical_url,
        fetched_at=fetched.fetched_at if fetched else None,
    )


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article with its claims planned and no database touched yet. Plain data, so it
    crosses process boundaries (``claimtrail ingest --workers N`` extracts in a pool)."""

    article: ArticleFields
    sha: str
    rows: list[_ClaimRow]
    specs: dict[str, _SourceSpec]


def find_article(db: Database, *, article: ArticleCreate) -> ArticlePublic | None:
    """The stored article with the same url (as url, final or canonical URL), or the same
    text without a url, if any. A page sent as html without a url is looked up once its
    text is extracted (at store time)."""
    if article.text is None and article.url is None:
        return None
    sha = content_sha256(article.text) if article.text is not None else None
    with db.session() as session:
        return _find_existing(session, urls=[article.url] if article.url else [], sha=sha)


def prepare_article(
    article: ArticleCreate | ArticleFields,
    *,
    extractor: Extractor,
    fetch: FetchPolicy | None = None,
) -> PreparedArticle:
    """Fetch or read the page if it is one, extract and plan the claims; no database."""
    fields = article if isinstance(article, ArticleFields) else article_fields(article, fetch=fetch)
    try:
        attributions = extractor(fields.text, published_at=fields.published_at, title=fields.title)
    except ExtractionError as exc:
        raise InvalidInput(f"the text could not be processed: {exc}") from exc
    rows, specs = _plan(
        fields.text, attributions, publisher=fields.publisher, published_at=fields.published_at
    )
    return PreparedArticle(fields, content_sha256(fields.text), rows, specs)


def ingest_article(
    db: Database,
    *,
    article: ArticleCreate,
    extractor: Extractor,
    fetch: FetchPolicy | None = None,
    link: bool = True,
) -> IngestResult:
    """Store an article with its claims, or return the one already stored. Commits.

    With only a ``url`` the page is fetched under ``fetch`` (default: the safe policy, no
    host allowed beyond public addresses); with ``html`` it is read without fetching. A
    url already stored (as url, final or canonical URL) answers without fetching again.
    """
    existing = find_article(db, article=article)
    if existing is not None:
        return IngestResult(existing, created=False)
    prepared = prepare_article(article, extractor=extractor, fetch=fetch)
    return store_article(db, prepared=prepared, link=link)


async def ingest_article_async(
    db: Database,
    *,
    article: ArticleCreate,
    extractor: Extractor,
    limiter: CapacityLimiter,
    fetch: FetchPolicy | None = None,
    link: bool = True,
) -> IngestResult:
    """``ingest_article`` for an event loop: database work in worker threads, extraction
    in a worker thread as well but only ``limiter``'s number at once (fetching a page does
    not hold one of those). Callers waiting for the extractor wait on the event loop,
    holding no thread that reads need. Commits."""
    existing = await to_thread.run_sync(partial(find_article, db, article=article))
    if existing is not None:
        return IngestResult(existing, created=False)
    fields = await to_thread.run_sync(partial(article_fields, article, fetch=fetch))
    prepared = await to_thread.run_sync(
        partial(prepare_article, fields, extractor=extractor), limiter=limiter
    )
    return await to_thread.run_sync(partial(store_article, db, prepared=prepared, link=link))


def store_article(db: Database, *, prepared: PreparedArticle, link: bool = True) -> IngestResult:
    """Store one prepared article in its own transaction (idempotent); with ``link``, its
    claims are linked to their appearances in other articles (app/services/appearances.py).
    Commits."""
    p = prepared
    return _retrying(
        lambda: _store(db, article=p.article, sha=p.sha, rows=p.rows, specs=p.specs, link=link)
    )


def store_articles(
    db: Database, *, prepared: Sequence[PreparedArticle], link: bool = True
) -> list[IngestResult]:
    """Store several prepared articles in ONE transaction (bulk loads: one commit, one lock
    round, instead of one per article); all or none. Idempotent like ``store_article``:
    an article already stored, or stored earlier in the same batch, is returned as it is.
    Commits."""
    if not prepared:
        return []

    def store_all() -> list[IngestResult]:
        with db.write_session() as session:
            results = [_store_in(session, db.dialect, p, link=link) for p in prepared]
            session.commit()
        return results

    return _retrying(store_all)


def _retrying(store: Callable[[], IngestResult | list[IngestResult]]) -> Any:
    for attempt in range(3):
        try:
            return store()
        except OperationalError as exc:
            if attempt == 2 or not _retryable(exc):
                raise
            log.info("retrying ingest after %s", exc.orig.__class__.__name__)
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def _store(
    db: Database,
    *,
    article: ArticleFields,
    sha: str,
    rows: list[_ClaimRow],
    specs: dict[str, _SourceSpec],
    link: bool = True,
) -> IngestResult:
    with db.write_session() as session:
        result = _store_in(
            session, db.dialect, PreparedArticle(article, sha, rows, specs), link=link
        )
        if result.created:
            session.commit()
        else:
            session.rollback()  # nothing was written: release the write lock at once
    return result


def _store_in(
    session: Session, dialect: str, prepared: PreparedArticle, *, link: bool = True
) -> IngestResult:
    """Insert the article (ON CONFLICT DO NOTHING), its sources and claims, and (``link``)
    index the claims' appearances; no commit."""
    article, sha, rows = prepared.article, prepared.sha, prepared.rows
    if article.final_url or article.canonical_url:
        # A page may be stored under another of its URLs (its canonical or final one):
        # the unique url and canonical URL cannot catch every such pair.
        existing = _find_existing(session, urls=article.urls, sha=sha)
        if existing is not None:
            return IngestResult(existing, created=False)
    values = {
        "url": article.url,
        "final_url": article.final_url,
        "canonical_url": article.canonical_url,
        "fetched_at": article.fetched_at,
        "title": article.title,
        "publisher": article.publisher,
        "author": article.author,
        "published_at": article.published_at,
        "language": article.language,
        "text": article.text,
        "content_sha256": sha,
        "ingested_at": utcnow(),
        "claim_count": len(rows),
    }
    article_t = Article.__table__
    new_id = session.execute(
        _insert(dialect, article_t)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(article_t.c.id)
    ).scalar_one_or_none()
    if new_id is None:
        # Stored already: by someone else (committed before our insert) or earlier in this
        # transaction. Either way the row is visible to this statement.
        existing = _find_existing(session, urls=article.urls, sha=sha)
        if existing is None:  # pragma: no cover - the conflicting row must exist
            raise InvalidInput("the article conflicts with an existing one")
        return IngestResult(existing, created=False)
    source_ids = _upsert_sources(session, dialect, prepared.specs, prepared.article.text)
    _insert_claims(session, new_id, rows, source_ids)
    republished = None
    if link:
        appearances.link_article(session, article_id=new_id)
        republished = appearances.republication_of(session, article_id=new_id)
    return IngestResult(
        ArticlePublic(id=new_id, republication_of=republished, **values), created=True
    )


def _insert_claims(
    session: Session, article_id: int, rows: list[_ClaimRow], source_ids: dict[str, int]
) -> None:
    if not rows:
        return
    claim_t = Claim.__table__
    params = [
        {
            **row.values,
            "article_id": article_id,
            "source_id": source_ids.get(row.source_key) if row.source_key else None,
        }
        for row in rows
    ]
    claim_ids = (
        session.execute(
            sa.insert(claim_t).returning(claim_t.c.id, sort_by_parameter_order=True), params
        )
        .scalars()
        .all()
    )
    quantities = [
        {**q, "claim_id": claim_id}
        for claim_id, row in zip(claim_ids, rows, strict=True)
        for q in row.quantities
    ]
    if quantities:
        session.execute(sa.insert(Quantity.__table__), quantities)


ExtractorFactory = Callable[[ExtractionConfig], Extractor]

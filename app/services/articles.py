"""Read queries on articles, and their deletion."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from app.db import MAX_ID, Database
from app.errors import InvalidInput, NotFound
from app.models import Article, ArticlePublic, Claim, ClaimPublic, Page
from app.pagination import PageParams, decode_cursor, make_page
from app.services import claims as claim_queries
from app.services.search import article_matches


def _public(article: Article) -> ArticlePublic:
    return ArticlePublic.model_validate(article, from_attributes=True)


def get_article(db: Database, *, article_id: int) -> ArticlePublic:
    """One article, or NotFound."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    with db.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise NotFound(f"article {article_id} does not exist")
        return _public(article)


def list_articles(
    db: Database,
    *,
    page: PageParams,
    publisher: str | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
    q: str | None = None,
) -> Page[ArticlePublic]:
    """Articles, newest publication first (undated last), then newest id first."""
    if published_from and published_to and published_from > published_to:
        raise InvalidInput(
            "published_from must not be after published_to", loc=("query", "published_from")
        )
    query = sa.select(Article)
    if publisher is not None:
        query = query.where(Article.publisher == publisher)
    if published_from is not None:
        query = query.where(Article.published_at >= published_from)
    if published_to is not None:
        query = query.where(Article.published_at <= published_to)
    if q is not None:
        query = query.where(article_matches(db.dialect, q))
    if page.cursor:
        c_date, c_id = decode_cursor(page.cursor, (date, int))
        if c_date is None:
            query = query.where(Article.published_at.is_(None), Article.id < c_id)
        else:
            query = query.where(
                sa.or_(
                    Article.published_at < c_date,
                    sa.and_(Article.published_at == c_date, Article.id < c_id),
                    Article.published_at.is_(None),
                )
            )
    query = query.order_by(Article.published_at.desc().nulls_last(), Article.id.desc()).limit(
        page.limit + 1
    )
    with db.session() as session:
        rows = list(session.scalars(query).all())
        return make_page(rows, page.limit, key=lambda a: [a.published_at, a.id], item=_public)


def delete_article(db: Database, *, article_id: int) -> None:
    """Remove an article and (by cascade) its claims and quantities. Commits."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    with db.write_session() as session:
        deleted = session.execute(
            sa.delete(Article.__table__).where(Article.__table__.c.id == article_id)
        ).rowcount
        if not deleted:
            raise NotFound(f"article {article_id} does not exist")
        session.commit()


def list_article_claims(db: Database, *, article_id: int, page: PageParams) -> Page[ClaimPublic]:
    """The claims of one article in text order (by content start)."""
    if not 1 <= article_id <= MAX_ID:
        raise NotFound(f"article {article_id} does not exist")
    query = claim_queries.claim_select().where(Claim.article_id == article_id)
    if page.cursor:
        c_start, c_id = decode_cursor(page.cursor, (int, int))
        query = query.where(sa.tuple_(Claim.content_start, Claim.id) > sa.tuple_(c_start, c_id))
    query = query.order_by(Claim.content_start, Claim.id).limit(page.limit + 1)
    with db.session() as session:
        if session.get(Article, article_id) is None:
            raise NotFound(f"article {article_id} does not exist")
        return claim_queries.page_of_claims(
            session, query, page.limit, key=lambda c: [c.content_start, c.id]
        )

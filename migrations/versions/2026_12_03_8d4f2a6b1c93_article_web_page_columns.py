"""article: final_url, canonical_url (unique) and fetched_at for articles from web pages

Revision ID: 8d4f2a6b1c93
Revises: c4e7a9d2b615
Create Date: 2026-12-03 14:00:00+00:00

Articles ingested from a URL keep where the fetch ended after redirects and when it ran;
a page's <link rel="canonical"> identifies the article like its url does, so it is unique
(NULLs do not collide on either database). Plain ADD COLUMN and CREATE INDEX: no table
rebuild on SQLite, so the full-text triggers stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "8d4f2a6b1c93"
down_revision: str | None = "c4e7a9d2b615"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "article", sa.Column("final_url", sqlmodel.AutoString(length=2048), nullable=True)
    )
    op.add_column(
        "article", sa.Column("canonical_url", sqlmodel.AutoString(length=2048), nullable=True)
    )
    op.add_column("article", sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("uq_article_canonical_url", "article", ["canonical_url"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_article_canonical_url", table_name="article")
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+): no table rebuild, the triggers stay.
    op.drop_column("article", "fetched_at")
    op.drop_column("article", "canonical_url")
    op.drop_column("article", "final_url")

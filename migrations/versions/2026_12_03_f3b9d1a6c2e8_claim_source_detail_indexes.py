"""claim: covering indexes for a source's detail (the forms it was seen under, its roles)

Revision ID: f3b9d1a6c2e8
Revises: e1a7c3f95b42
Create Date: 2026-12-03 17:20:00+00:00

GET /sources/{id} counts the forms a source was seen under and the roles its claims gave it.
Both read every claim of the source from the table (a claim row holds its texts): 230 ms for
the most quoted source of a million claims on SQLite. With these indexes they read only
index entries, and the roles only those of claims that have one.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "f3b9d1a6c2e8"
down_revision: str | None = "e1a7c3f95b42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_claim_source_id_source_alias",
        "claim",
        ["source_id", "source_alias", "source_mention_text"],
    )
    op.create_index(
        "ix_claim_source_id_source_role",
        "claim",
        ["source_id", "source_role", "said_on", "article_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_claim_source_id_source_role", table_name="claim")
    op.drop_index("ix_claim_source_id_source_alias", table_name="claim")

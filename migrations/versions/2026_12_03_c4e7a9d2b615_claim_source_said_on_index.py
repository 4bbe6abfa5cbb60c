"""claim: index (source_id, said_on) for a source's claim statistics

Revision ID: c4e7a9d2b615
Revises: 8f2a6c4d1e70
Create Date: 2026-12-03 15:15:00+00:00

A source's claim_count, first_said_on and last_said_on (GET /sources, /sources/{id}) are
count/min/max over its claims: with this index they are read from the index alone instead of
from every claim row of the source (93k rows for the most quoted source of a million claims).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c4e7a9d2b615"
down_revision: str | None = "8f2a6c4d1e70"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claim_source_id_said_on", "claim", ["source_id", "said_on"])


def downgrade() -> None:
    op.drop_index("ix_claim_source_id_said_on", table_name="claim")

"""corrections by people: the correction log, and source.wikidata_id

Revision ID: 9e4a7c2b1f58
Revises: 8d4f2a6b1c93
Create Date: 2026-12-03 14:10:00+00:00

``correction`` records each correction with its time: a changed field of a source, a merge
of one source into another, a claim moved to another source (with its article and content
span, so that ``claimtrail reextract`` finds the claim's counterpart and moves it again).
``source.wikidata_id`` is a plain ``ADD COLUMN`` (no table rebuild on SQLite).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "9e4a7c2b1f58"
down_revision: str | None = "8d4f2a6b1c93"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "source",
        sa.Column("wikidata_id", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    )
    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("to_source_id", sa.Integer(), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("content_start", sa.Integer(), nullable=True),
        sa.Column("content_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_correction_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_correction_claim_id_claim"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_correction_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_source_id"],
            ["source.id"],
            name=op.f("fk_correction_to_source_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction")),
    )
    op.create_index(op.f("ix_correction_article_id"), "correction", ["article_id"])
    op.create_index(op.f("ix_correction_claim_id"), "correction", ["claim_id"])
    op.create_index("ix_correction_source_id_field", "correction", ["source_id", "field"])


def downgrade() -> None:
    op.drop_index("ix_correction_source_id_field", table_name="correction")
    op.drop_index(op.f("ix_correction_claim_id"), table_name="correction")
    op.drop_index(op.f("ix_correction_article_id"), table_name="correction")
    op.drop_table("correction")
    op.drop_column("source", "wikidata_id")

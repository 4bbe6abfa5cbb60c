"""appearances: claim_fingerprint, claim_band, article_republication

Revision ID: a7c3e5f9b214
Revises: b7d5e2a9c4f1
Create Date: 2026-12-03 17:00:00+00:00

The index that links one statement by one source across articles (app/services/
appearances.py): each claim's normalised-text hash, scope (its source) and statement, its
MinHash band keys, and which article republishes which. New tables only (no table rebuild).
Claims stored before this revision are indexed by ``claimtrail appearances`` (the
migration does not run the matching code itself: it would tie a schema step to code that
may change).

On SQLite, the two tables the lists read (a claim's earliest_appearance and
appearance_count, an article's republication_of) bump ``read_version`` like the others
(b7d5e2a9c4f1), so that a page kept in memory is not answered after the index changed
(a merge re-linking, ``claimtrail appearances``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "a7c3e5f9b214"
down_revision: str | None = "b7d5e2a9c4f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Tables the lists read (see b7d5e2a9c4f1, read_version): their changes bump the counter.
READ_TABLES = ("claim_fingerprint", "article_republication")
EVENTS = {"ai": "INSERT", "au": "UPDATE", "ad": "DELETE"}


def upgrade() -> None:
    op.create_table(
        "claim_fingerprint",
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.Integer(), nullable=False),
        sa.Column("text_hash", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("appeared_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_claim_fingerprint_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_fingerprint_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_fingerprint")),
    )
    op.create_index(op.f("ix_claim_fingerprint_article_id"), "claim_fingerprint", ["article_id"])
    op.create_index(op.f("ix_claim_fingerprint_scope"), "claim_fingerprint", ["scope"])
    op.create_index(
        "ix_claim_fingerprint_statement_id_appeared_on",
        "claim_fingerprint",
        ["statement_id", "appeared_on", "claim_id"],
    )
    op.create_table(
        "claim_band",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_band_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "claim_id", name=op.f("pk_claim_band")),
    )
    op.create_index(op.f("ix_claim_band_claim_id"), "claim_band", ["claim_id"])
    op.create_table(
        "article_republication",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=False),
        sa.Column("matched_claims", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_republication_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["original_id"],
            ["article.id"],
            name=op.f("fk_article_republication_original_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_republication")),
    )
    op.create_index(
        op.f("ix_article_republication_original_id"), "article_republication", ["original_id"]
    )
    if op.get_bind().dialect.name == "sqlite":
        for table in READ_TABLES:
            for suffix, event in EVENTS.items():
                op.execute(
                    f"CREATE TRIGGER read_version_{table}_{suffix} AFTER {event} ON {table} "
                    "BEGIN UPDATE read_version SET n = n + 1 WHERE id = 1; END"
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in READ_TABLES:
            for suffix in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS read_version_{table}_{suffix}")
    op.drop_index(op.f("ix_article_republication_original_id"), table_name="article_republication")
    op.drop_table("article_republication")
    op.drop_index(op.f("ix_claim_band_claim_id"), table_name="claim_band")
    op.drop_table("claim_band")
    op.drop_index("ix_claim_fingerprint_statement_id_appeared_on", table_name="claim_fingerprint")
    op.drop_index(op.f("ix_claim_fingerprint_scope"), table_name="claim_fingerprint")
    op.drop_index(op.f("ix_claim_fingerprint_article_id"), table_name="claim_fingerprint")
    op.drop_table("claim_fingerprint")

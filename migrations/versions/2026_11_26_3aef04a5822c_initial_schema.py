"""initial schema: articles, sources and aliases, claims, quantities, full-text search

Revision ID: 3aef04a5822c
Revises:
Create Date: 2026-11-26 15:27:35.746737+00:00

Full-text search is dialect-specific and lives only here (``migrations/env.py`` keeps
autogenerate away from it):
- SQLite: FTS5 external-content tables ``article_fts`` (title, text), ``claim_fts`` (text),
  ``source_fts`` (name), ``source_alias_fts`` (alias), kept in sync by triggers.
- PostgreSQL: GIN indexes on ``to_tsvector(...)`` expressions; the queries in
  ``app/services/search.py`` use the very same expressions.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "3aef04a5822c"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, fts table, indexed columns, tokenizer) on SQLite
SQLITE_FTS = [
    ("article", "article_fts", ("title", "text"), "porter unicode61 remove_diacritics 2"),
    ("claim", "claim_fts", ("text",), "porter unicode61 remove_diacritics 2"),
    ("source", "source_fts", ("name",), "unicode61 remove_diacritics 2"),
    ("source_alias", "source_alias_fts", ("alias",), "unicode61 remove_diacritics 2"),
]

# (index name, table, expression) on PostgreSQL; must match app/services/search.py
POSTGRES_FTS = [
    (
        "ix_article_fts",
        "article",
        "to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)",
    ),
    ("ix_claim_fts", "claim", "to_tsvector('english'::regconfig, text)"),
    ("ix_source_fts", "source", "to_tsvector('simple'::regconfig, name)"),
    ("ix_source_alias_fts", "source_alias", "to_tsvector('simple'::regconfig, alias)"),
]


def _create_sqlite_fts() -> None:
    for table, fts, columns, tokenizer in SQLITE_FTS:
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='id', tokenize='{tokenizer}')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
        )


def _drop_sqlite_fts() -> None:
    for _table, fts, _columns, _tokenizer in SQLITE_FTS:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(length=2048), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("publisher", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("published_at", sa.Date(), nullable=True),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=35), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("url", name=op.f("uq_article_url")),
    )
    op.create_index("ix_article_published_at_id", "article", ["published_at", "id"])
    op.create_index(op.f("ix_article_publisher"), "article", ["publisher"])
    op.create_index(
        "uq_article_content_sha256_no_url",
        "article",
        ["content_sha256"],
        unique=True,
        sqlite_where=sa.text("url IS NULL"),
        postgresql_where=sa.text("url IS NULL"),
    )

    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("affiliation_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["affiliation_id"],
            ["source.id"],
            name=op.f("fk_source_affiliation_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("key", name=op.f("uq_source_key")),
    )
    op.create_index(op.f("ix_source_affiliation_id"), "source", ["affiliation_id"])
    op.create_index(op.f("ix_source_type"), "source", ["type"])

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("content_fragments", sa.JSON(), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("source_mention_start", sa.Integer(), nullable=True),
        sa.Column("source_mention_end", sa.Integer(), nullable=True),
        sa.Column("source_mention_text", sa.Text(), nullable=True),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("said_on_precision", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("said_on_text", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("based_on_start", sa.Integer(), nullable=True),
        sa.Column("based_on_end", sa.Integer(), nullable=True),
        sa.Column("based_on_text", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("sort_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_claim_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_claim_source_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    op.create_index(
        "ix_claim_article_id_content_start", "claim", ["article_id", "content_start", "id"]
    )
    op.create_index(op.f("ix_claim_kind"), "claim", ["kind"])
    op.create_index(op.f("ix_claim_said_on"), "claim", ["said_on"])
    op.create_index("ix_claim_sort_date_id", "claim", ["sort_date", "id"])
    op.create_index("ix_claim_source_id_sort_date_id", "claim", ["source_id", "sort_date", "id"])

    op.create_table(
        "source_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_source_alias_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_alias")),
        sa.UniqueConstraint("source_id", "alias", name=op.f("uq_source_alias_source_id_alias")),
    )
    op.create_index(op.f("ix_source_alias_key"), "source_alias", ["key"])

    op.create_table(
        "quantity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("qualifier", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_quantity_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quantity")),
    )
    op.create_index(op.f("ix_quantity_claim_id"), "quantity", ["claim_id"])

    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        _create_sqlite_fts()
    elif dialect == "postgresql":
        for name, table, expression in POSTGRES_FTS:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({expression})")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        _drop_sqlite_fts()
    elif dialect == "postgresql":
        for name, _table, _expression in POSTGRES_FTS:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index(op.f("ix_quantity_claim_id"), table_name="quantity")
    op.drop_table("quantity")
    op.drop_index(op.f("ix_source_alias_key"), table_name="source_alias")
    op.drop_table("source_alias")
    op.drop_index("ix_claim_source_id_sort_date_id", table_name="claim")
    op.drop_index("ix_claim_sort_date_id", table_name="claim")
    op.drop_index(op.f("ix_claim_said_on"), table_name="claim")
    op.drop_index(op.f("ix_claim_kind"), table_name="claim")
    op.drop_index("ix_claim_article_id_content_start", table_name="claim")
    op.drop_table("claim")
    op.drop_index(op.f("ix_source_type"), table_name="source")
    op.drop_index(op.f("ix_source_affiliation_id"), table_name="source")
    op.drop_table("source")
    op.drop_index("uq_article_content_sha256_no_url", table_name="article")
    op.drop_index(op.f("ix_article_publisher"), table_name="article")
    op.drop_index("ix_article_published_at_id", table_name="article")
    op.drop_table("article")

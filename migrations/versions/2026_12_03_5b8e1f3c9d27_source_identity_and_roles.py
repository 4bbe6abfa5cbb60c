"""source identity and roles over time: match keys, learned aliases, merges, claim roles

Revision ID: 5b8e1f3c9d27
Revises: 7c1d2e9f4a10
Create Date: 2026-12-03 13:40:00+00:00

- ``source.match_key`` (first + last name of a person; the key otherwise), ``role_on`` (the
  date of the statement that gave ``role``: a more recent role replaces it) and
  ``merged_into_id`` (a source a person merged into another answers with that one);
- ``source_alias.kind``: ``seen`` in a text, or learned (``acronym``, ``merged``,
  ``renamed``); only learned aliases resolve names of later articles;
- ``claim.source_role`` (the role the source had in that article), ``source_alias`` (the
  form of its name behind the mention) and ``generic_key`` (a generic mention such as
  "officials", which has no source and is found by this key).

Plain ``ADD COLUMN`` on both databases (no table rebuild, so SQLite's full-text triggers
stay). Existing sources get ``match_key = key``; ``claimtrail reextract --all`` re-keys
them with the current rules.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "5b8e1f3c9d27"
down_revision: str | None = "7c1d2e9f4a10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SOURCE_FTS_TRIGGERS = {
    "ai": "AFTER INSERT ON source BEGIN "
    "INSERT INTO source_fts(rowid, name) VALUES (new.id, new.name); END",
    "ad": "AFTER DELETE ON source BEGIN "
    "INSERT INTO source_fts(source_fts, rowid, name) VALUES ('delete', old.id, old.name); END",
    "au": "AFTER UPDATE ON source BEGIN "
    "INSERT INTO source_fts(source_fts, rowid, name) VALUES ('delete', old.id, old.name); "
    "INSERT INTO source_fts(rowid, name) VALUES (new.id, new.name); END",
}


def _sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def _source_columns() -> list[sa.Column]:
    return [
        sa.Column("match_key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("role_on", sa.Date(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
    ]


def _add_source_columns() -> None:
    fk_name = op.f("fk_source_merged_into_id_source")
    if not _sqlite():
        for column in _source_columns():
            op.add_column("source", column)
        op.create_foreign_key(
            fk_name, "source", "source", ["merged_into_id"], ["id"], ondelete="SET NULL"
        )
        return
    # SQLite adds a foreign key only by rebuilding the table (batch mode), which drops the
    # table's full-text triggers: made again, as the initial revision made them.
    for suffix in SOURCE_FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS source_fts_{suffix}")
    with op.batch_alter_table("source", recreate="always") as batch:
        for column in _source_columns():
            batch.add_column(column)
        batch.create_foreign_key(fk_name, "source", ["merged_into_id"], ["id"], ondelete="SET NULL")
    for suffix, body in SOURCE_FTS_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER source_fts_{suffix} {body}")


def upgrade() -> None:
    _add_source_columns()
    op.execute("UPDATE source SET match_key = key")
    op.create_index(op.f("ix_source_match_key"), "source", ["match_key"])
    op.create_index(op.f("ix_source_merged_into_id"), "source", ["merged_into_id"])

    op.add_column(
        "source_alias",
        sa.Column(
            "kind",
            sqlmodel.sql.sqltypes.AutoString(length=20),
            server_default="seen",
            nullable=False,
        ),
    )

    op.add_column(
        "claim",
        sa.Column("source_role", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    )
    op.add_column(
        "claim",
        sa.Column("source_alias", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    )
    op.add_column(
        "claim",
        sa.Column("generic_key", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    )
    op.create_index(op.f("ix_claim_generic_key"), "claim", ["generic_key"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_generic_key"), table_name="claim")
    op.drop_column("claim", "generic_key")
    op.drop_column("claim", "source_alias")
    op.drop_column("claim", "source_role")
    op.drop_column("source_alias", "kind")
    op.drop_index(op.f("ix_source_merged_into_id"), table_name="source")
    op.drop_index(op.f("ix_source_match_key"), table_name="source")
    if not _sqlite():
        op.drop_constraint(op.f("fk_source_merged_into_id_source"), "source", type_="foreignkey")
        for column in ("merged_into_id", "role_on", "match_key"):
            op.drop_column("source", column)
        return
    # SQLite drops a column that is in a foreign key only by rebuilding the table, which
    # drops the table's full-text triggers: made again, as the initial revision made them.
    for suffix in SOURCE_FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS source_fts_{suffix}")
    with op.batch_alter_table("source", recreate="always") as batch:
        for column in ("merged_into_id", "role_on", "match_key"):
            batch.drop_column(column)
    for suffix, body in SOURCE_FTS_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER source_fts_{suffix} {body}")

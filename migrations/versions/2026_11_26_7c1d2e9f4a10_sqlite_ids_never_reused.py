"""sqlite: article and claim ids are never reused (AUTOINCREMENT)

Revision ID: 7c1d2e9f4a10
Revises: 3aef04a5822c
Create Date: 2026-11-26 16:15:00+00:00

Without AUTOINCREMENT SQLite hands out max(id) + 1, so deleting the newest article and
ingesting another gave the new one the deleted article's id (and its claims the deleted
claims' ids): a link to /articles/{id} or /claims/{id} silently showed something else.
PostgreSQL sequences never reuse ids; this makes SQLite behave the same. No-op on
PostgreSQL.

The tables are rebuilt (batch mode); ``migrations/env.py`` turns SQLite's foreign keys off
around the migration, as SQLite's table-rebuild procedure requires (dropping the old
``article`` with foreign keys on would cascade-delete every claim). The rebuild drops the
full-text triggers of the table, so they are created again, exactly as the initial
revision made them.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "7c1d2e9f4a10"
down_revision: str | None = "3aef04a5822c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, fts table, indexed columns): as in the initial revision
TABLES = [
    ("article", "article_fts", ("title", "text")),
    ("claim", "claim_fts", ("text",)),
]


def _create_fts_triggers(table: str, fts: str, columns: tuple[str, ...]) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
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


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, fts, columns in TABLES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
        _create_fts_triggers(table, fts, columns)


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)

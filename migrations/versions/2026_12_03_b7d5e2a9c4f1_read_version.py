"""read_version: a counter every write to what the lists show bumps (SQLite)

Revision ID: b7d5e2a9c4f1
Revises: f3b9d1a6c2e8
Create Date: 2026-12-03 17:40:00+00:00

The list endpoints keep the bytes of pages they answered, per serve process, under the value
of this counter they read in the same read transaction as the page (app/api/fast.py). Row
triggers on every table a list reads bump it in the same transaction as the change, whatever
makes the change (ingest, corrections, merges, reextract, deletes, from any process or any
tool), so a page is answered from memory only while nothing it could show has changed.

SQLite only: one writer at a time there, so the one counter row costs writers no waiting.
On PostgreSQL one row updated by every writer would queue concurrent ingests behind each
other; the lists are not kept there. Like the full-text and claim-count triggers, these are
dropped by a later SQLite migration that rebuilds one of these tables (batch mode, recreate):
it must create them again.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "b7d5e2a9c4f1"
down_revision: str | None = "f3b9d1a6c2e8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table a list endpoint reads (the full-text tables follow these by their own triggers).
TABLES = ("article", "claim", "quantity", "source", "source_alias")
EVENTS = {"ai": "INSERT", "au": "UPDATE", "ad": "DELETE"}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE read_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)"
    )
    # From a random value: another database file (a restored or replaced one) does not share
    # the numbers of this one.
    op.execute("INSERT INTO read_version (id, n) VALUES (1, random() & 4503599627370495)")
    for table in TABLES:
        for suffix, event in EVENTS.items():
            op.execute(
                f"CREATE TRIGGER read_version_{table}_{suffix} AFTER {event} ON {table} "
                "BEGIN UPDATE read_version SET n = n + 1 WHERE id = 1; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        for suffix in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS read_version_{table}_{suffix}")
    op.execute("DROP TABLE read_version")

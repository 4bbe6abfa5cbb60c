"""source: a stored claim_count, kept exact by triggers on claim

Revision ID: e1a7c3f95b42
Revises: 9e4a7c2b1f58
Create Date: 2026-12-03 17:00:00+00:00

GET /sources and /sources/{id} show each source's claim_count. Counted at read time it cost
a walk over the source's index entries: 93k for the most quoted source of a million claims,
so a page of sources got slower as the archive grew (issue 7). The count is now a column of
``source``, backfilled here and kept by the database itself, in the same transaction as the
change to ``claim`` that moves it, whatever makes that change: ingest, reextract, a claim
moved to another source, a merge, a deleted article (its claims go by ON DELETE CASCADE), a
deleted source (its claims' source_id becomes NULL).

- SQLite: row triggers on INSERT, DELETE and UPDATE OF source_id.
- PostgreSQL: statement triggers with transition tables (one UPDATE per statement and
  source, not one per row: a merge moves 90k claims in one statement). Each locks the source
  rows it changes in ``key`` order first, the order in which ingest finds and updates its
  sources, so concurrent writers queue rather than deadlock.

A later SQLite migration that rebuilds ``claim`` (batch mode, recreate) drops its triggers:
it must create these again, as 7c1d2e9f4a10 does for the full-text triggers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e1a7c3f95b42"
down_revision: str | None = "9e4a7c2b1f58"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGERS = {
    "source_claim_count_ai": (
        "AFTER INSERT ON claim WHEN new.source_id IS NOT NULL BEGIN "
        "UPDATE source SET claim_count = claim_count + 1 WHERE id = new.source_id; END"
    ),
    "source_claim_count_ad": (
        "AFTER DELETE ON claim WHEN old.source_id IS NOT NULL BEGIN "
        "UPDATE source SET claim_count = claim_count - 1 WHERE id = old.source_id; END"
    ),
    "source_claim_count_au": (
        "AFTER UPDATE OF source_id ON claim WHEN old.source_id IS NOT new.source_id BEGIN "
        "UPDATE source SET claim_count = claim_count - 1 WHERE id = old.source_id; "
        "UPDATE source SET claim_count = claim_count + 1 WHERE id = new.source_id; END"
    ),
}

# (trigger, event, transition tables, the per-source deltas of the statement)
POSTGRES_TRIGGERS = [
    (
        "source_claim_count_ins",
        "INSERT",
        "NEW TABLE AS new_rows",
        "SELECT source_id, count(*) AS n FROM new_rows WHERE source_id IS NOT NULL "
        "GROUP BY source_id",
    ),
    (
        "source_claim_count_del",
        "DELETE",
        "OLD TABLE AS old_rows",
        "SELECT source_id, -count(*) AS n FROM old_rows WHERE source_id IS NOT NULL "
        "GROUP BY source_id",
    ),
    (
        "source_claim_count_upd",
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "SELECT source_id, sum(n) AS n FROM ("
        " SELECT o.source_id, -1 AS n FROM old_rows o JOIN new_rows w ON w.id = o.id"
        "  WHERE o.source_id IS DISTINCT FROM w.source_id AND o.source_id IS NOT NULL"
        " UNION ALL"
        " SELECT w.source_id, 1 AS n FROM old_rows o JOIN new_rows w ON w.id = o.id"
        "  WHERE o.source_id IS DISTINCT FROM w.source_id AND w.source_id IS NOT NULL"
        ") moved GROUP BY source_id",
    ),
]

_POSTGRES_FUNCTION = """
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM source s
        WHERE s.id IN (SELECT d.source_id FROM ({deltas}) d WHERE d.n <> 0)
        ORDER BY s.key, s.id FOR NO KEY UPDATE;
    UPDATE source s SET claim_count = s.claim_count + d.n
        FROM ({deltas}) d WHERE s.id = d.source_id AND d.n <> 0;
    RETURN NULL;
END $$
"""

BACKFILL = (
    "UPDATE source SET claim_count = (SELECT count(*) FROM claim WHERE claim.source_id = source.id)"
)


def create_triggers() -> None:
    """The triggers of this revision (also for later revisions that rebuild ``claim``)."""
    if op.get_bind().dialect.name == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        return
    for name, event, tables, deltas in POSTGRES_TRIGGERS:
        op.execute(_POSTGRES_FUNCTION.format(name=name, deltas=deltas))
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON claim REFERENCING {tables} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )


def drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name, _event, _tables, _deltas in POSTGRES_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON claim")
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")


def upgrade() -> None:
    op.add_column(
        "source", sa.Column("claim_count", sa.Integer(), nullable=False, server_default="0")
    )
    op.execute(BACKFILL)
    create_triggers()


def downgrade() -> None:
    drop_triggers()
    # ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), not a batch rebuild: rebuilding the
    # table would drop its full-text and claim-count triggers
    op.drop_column("source", "claim_count")

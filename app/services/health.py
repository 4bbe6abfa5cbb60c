"""The readiness check."""

from __future__ import annotations

import sqlalchemy as sa

from app.db import Database


def check_database(db: Database) -> None:
    """Raise (OperationalError → 503) unless the database answers a trivial query."""
    with db.engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))

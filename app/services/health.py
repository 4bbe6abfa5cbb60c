"""The readiness check."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.db import Database
from app.errors import ServiceUnavailable


def check_database(db: Database) -> None:
    """Raise unless the database answers and carries the migrated schema (→ 503)."""
    with db.engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))  # unreachable: OperationalError → 503
        try:
            version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
        except (OperationalError, ProgrammingError):
            version = None
        if version is None:
            raise ServiceUnavailable(
                "the database has no schema yet: run `claimtrail migrate` (or `serve`)"
            )

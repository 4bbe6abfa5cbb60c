"""/health (liveness) and /ready (the database answers)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import DbDep
from app.errors import problem_responses
from app.services.health import check_database

router = APIRouter(tags=["health"])


class Status(BaseModel):
    status: str


@router.get("/health", summary="Liveness")
async def health() -> Status:
    """The process is up; does not touch the database."""
    return Status(status="ok")


@router.get("/ready", summary="Readiness", responses=problem_responses(503))
def ready(db: DbDep) -> Status:
    """The process is up and the database answers (503 otherwise)."""
    check_database(db)
    return Status(status="ready")

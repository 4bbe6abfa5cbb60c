"""An asynchronous ingest job (``POST /articles`` with ``Prefer: respond-async``). Not a
table: jobs live in the queue (Redis) until their result expires."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

JobStatus = Literal["queued", "running", "done", "failed"]


class JobPublic(BaseModel):
    id: str = Field(description="Job id, as in `Location: /jobs/{id}`.")
    status: JobStatus = Field(
        description="`queued` (waiting, or waiting again after its worker died), `running`, "
        "`done` (see `article_id`) or `failed` (see `error`)."
    )
    article_id: int | None = Field(
        default=None, description="When `done`: the stored article (`/articles/{article_id}`)."
    )
    created: bool | None = Field(
        default=None,
        description="When `done`: true if this job stored the article, false if it was "
        "already stored (same url, or same text without a url).",
    )
    error: str | None = Field(default=None, description="When `failed`: why.")
    enqueued_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None

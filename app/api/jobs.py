"""/jobs: the state of an asynchronous ingest (``POST /articles`` + ``Prefer: respond-async``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.concurrency import run_in_threadpool

from app.api.deps import JobsDep
from app.api.examples import JOB_EXAMPLE, json_example
from app.errors import problem_responses
from app.models import JobPublic
from app.services.jobs import get_job

router = APIRouter(prefix="/jobs", tags=["jobs"])

# Not bounded in the signature (as the other ids): an id never issued is a 404, not a 422.
JobId = Annotated[
    str,
    Path(
        description="Job id, from the `Location` of a 202 answer to `POST /articles`.",
        examples=[JOB_EXAMPLE["id"]],
    ),
]


@router.get(
    "/{job_id}",
    summary="Read an ingest job",
    responses={200: json_example(JOB_EXAMPLE), **problem_responses(404, 422, 503)},
)
async def read_job(jobs: JobsDep, job_id: JobId) -> JobPublic:
    """`queued`, `running`, `done` (with `article_id`) or `failed` (with `error`).

    A job whose worker died goes back to `queued` and runs again; ids never issued, or
    whose result expired, are 404.
    """
    return await run_in_threadpool(get_job, jobs, job_id=job_id)

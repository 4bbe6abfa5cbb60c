"""Asynchronous ingest through a job queue (RQ on Redis), for scaling extraction out.

``POST /articles`` with ``Prefer: respond-async`` enqueues the validated request body
(``ArticleCreate``, as JSON) and answers 202; ``claimtrail worker`` processes, on any
number of machines sharing the database and Redis, run :func:`ingest_job` on it, which is
the same ``ingest_article`` the synchronous route calls.

Delivery is at least once: RQ keeps a running job in its started-job registry with a
deadline (the job timeout plus a grace period, refreshed by nobody while it runs). A
worker killed mid-job (SIGKILL, a lost machine) leaves its job there; when the deadline
passes, the next maintenance round of any live worker puts it back on the queue (up to
``queue_retries`` times). Running a job twice is harmless: ingest stores an article, its
sources and claims in one transaction with ``INSERT ... ON CONFLICT DO NOTHING`` on the
article's url or text hash, so a retried job either stores the whole article or finds the
one stored by the killed run (committed just before the kill) and answers with its id.

Job payloads and results are JSON (RQ's JSONSerializer), not pickles: nothing in Redis can
make a worker run code of its choosing.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from app.errors import AppError, NotFound, ServiceUnavailable
from app.models import ArticleCreate, JobPublic

if TYPE_CHECKING:
    from redis import Redis
    from rq import Queue

    from app.db import Database
    from app.services.ingest import Extractor

log = logging.getLogger("claimtrail.jobs")

JOB_FUNCTION = "app.services.jobs.ingest_job"
# What a worker adds to the job timeout before another worker may take the job over. RQ's
# SimpleWorker adds 60 s; a job that overruns its timeout is stopped by the worker itself
# (SIGALRM), so a few seconds cover the bookkeeping after it.
HEARTBEAT_GRACE_SECONDS = 10


@dataclass(slots=True)
class JobQueue:
    """The queue handle the app and the workers share."""

    connection: Redis
    queue: Queue
    job_timeout: int
    retries: int
    result_ttl: int

    def close(self) -> None:
        self.connection.close()


def connect_queue(
    url: str,
    *,
    name: str = "claimtrail",
    job_timeout: int = 600,
    retries: int = 3,
    result_ttl: int = 86_400,
) -> JobQueue:
    """A handle on the queue at ``url`` (redis://host:port/db). Connects lazily."""
    from redis import Redis
    from rq import Queue
    from rq.serializers import JSONSerializer

    connection = Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
    queue = Queue(name, connection=connection, serializer=JSONSerializer)
    return JobQueue(connection, queue, job_timeout, retries, result_ttl)


def queue_from_settings(settings: Any) -> JobQueue | None:
    if not settings.queue_url:
        return None
    return connect_queue(
        settings.queue_url,
        name=settings.queue_name,
        job_timeout=settings.queue_job_timeout,
        retries=settings.queue_retries,
        result_ttl=settings.queue_result_ttl,
    )


def _unavailable(exc: Exception) -> ServiceUnavailable:
    log.warning("the job queue is not reachable: %s", exc)
    return ServiceUnavailable("the job queue is not reachable; try again shortly")


def enqueue_article(jobs: JobQueue, *, article: ArticleCreate) -> JobPublic:
    """Queue the ingest of ``article`` (the validated request body); returns the job."""
    from redis.exceptions import RedisError
    from rq import Retry

    try:
        job = jobs.queue.enqueue(
            JOB_FUNCTION,
            article.model_dump(mode="json"),
            job_id=str(uuid.uuid4()),
            job_timeout=jobs.job_timeout,
            result_ttl=jobs.result_ttl,
            failure_ttl=jobs.result_ttl,
            retry=Retry(max=jobs.retries) if jobs.retries > 0 else None,
            description="ingest article",
        )
    except RedisError as exc:
        raise _unavailable(exc) from exc
    return _public(job)


def get_job(jobs: JobQueue | None, *, job_id: str) -> JobPublic:
    """The job's state; NotFound for an id never issued, expired, or without a queue."""
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    missing = NotFound(f"no job {job_id}")
    try:
        canonical = str(uuid.UUID(job_id))
    except ValueError:
        raise missing from None
    if jobs is None or canonical != job_id.lower():
        raise missing
    try:
        job = Job.fetch(canonical, connection=jobs.connection, serializer=jobs.queue.serializer)
        return _public(job)
    except NoSuchJobError:
        raise missing from None
    except RedisError as exc:
        raise _unavailable(exc) from exc


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _last_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else "the job failed"


def _public(job: Any) -> JobPublic:
    from rq.job import JobStatus

    status = job.get_status(refresh=False)
    view: dict[str, Any] = {
        "id": job.id,
        "enqueued_at": _utc(job.enqueued_at),
        "started_at": _utc(job.started_at),
        "ended_at": _utc(job.ended_at),
    }
    if status == JobStatus.STARTED:
        return JobPublic(status="running", **view)
    if status == JobStatus.FINISHED:
        result = job.return_value() or {}
        if result.get("article_id") is not None:
            return JobPublic(
                status="done",
                article_id=result["article_id"],
                created=result.get("created"),
                **view,
            )
        return JobPublic(status="failed", error=result.get("error") or "the job failed", **view)
    if status in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
        latest = job.latest_result()
        why = _last_line(latest.exc_string if latest is not None else None)
        if "AbandonedJobError" in why or "Moved to FailedJobRegistry" in why:
            why = "its worker stopped before finishing, too many times"
        return JobPublic(status="failed", error=why, **view)
    return JobPublic(status="queued", **view)  # queued, deferred, scheduled: waiting


# ---- the worker side ---------------------------------------------------------------------


@dataclass(slots=True)
class _WorkerContext:
    db: Database
    extractor: Extractor
    fetch: Any = None  # the FetchPolicy of the settings (CLAIMTRAIL_FETCH_*)
    link: bool = True  # CLAIMTRAIL_LINK_APPEARANCES


_context: _WorkerContext | None = None


def ingest_job(payload: dict[str, Any]) -> dict[str, Any]:
    """What a worker runs for one job: ingest the article (idempotent, one transaction).

    Returns ``{"article_id", "created"}``, or ``{"error"}`` when the article itself cannot
    be ingested (retrying would not help). Anything else (database down, a bug) raises,
    and RQ retries the job up to its limit.
    """
    from app.services.ingest import ingest_article

    if _context is None:  # pragma: no cover - run_worker sets it before working
        raise RuntimeError("ingest_job runs inside `claimtrail worker`")
    try:
        article = ArticleCreate.model_validate(payload)
        result = ingest_article(
            _context.db,
            article=article,
            extractor=_context.extractor,
            fetch=_context.fetch,
            link=_context.link,
        )
    except AppError as exc:
        if exc.status >= 500:
            raise
        return {"error": exc.detail}
    return {"article_id": result.article.id, "created": result.created}


def run_worker(
    settings: Any,
    *,
    extractor: Extractor | None = None,
    burst: bool = False,
    name: str | None = None,
) -> int:
    """Work the queue until stopped (SIGTERM/SIGINT: finish the current job, then exit)."""
    global _context
    from rq.serializers import JSONSerializer
    from rq.worker import SimpleWorker

    from app.db import database_from_settings
    from app.services.ingest import make_extractor, preload_extraction

    jobs = queue_from_settings(settings)
    if jobs is None:
        raise ValueError("set CLAIMTRAIL_QUEUE_URL to the Redis the API enqueues to")
    if extractor is None:
        config = settings.extraction_config()
        preload_extraction(config)  # before the first job, not inside its timeout
        extractor = make_extractor(config)
    db = database_from_settings(settings)
    _context = _WorkerContext(db, extractor, settings.fetch_policy(), settings.link_appearances)

    class Worker(SimpleWorker):
        # SimpleWorker: jobs run in this process, where the model is loaded once (a fork
        # per job would copy the model's pages as soon as the parser touched them).
        def get_heartbeat_ttl(self, job: Any, working_time: float = 0.0) -> int:
            return int(job.timeout or jobs.job_timeout) + HEARTBEAT_GRACE_SECONDS

    interval = settings.queue_maintenance_interval
    worker = Worker(
        [jobs.queue],
        connection=jobs.connection,
        name=name,
        serializer=JSONSerializer,
        maintenance_interval=interval,
        # the idle wait for a job is worker_ttl - 15 s: wake up for maintenance on time
        worker_ttl=interval + 15,
        log_job_description=False,
    )
    try:
        worker.work(burst=burst, logging_level=settings.log_level.upper(), with_scheduler=False)
    finally:
        _context = None
        db.dispose()
        jobs.close()
    return 0

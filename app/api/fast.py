"""The list endpoints' fast path: well-formed reads answered without FastAPI's per-request
machinery.

Profiled in process (``scripts/profile_read.py --profile``), a 50-claim page of
``GET /claims`` cost ≈ 1.07 ms of CPU, of which the service and its SQL ≈ 0.5 ms: the rest
was FastAPI solving the route's dependencies (≈ 0.35 ms: per parameter it re-inspects the
annotation, validates through pydantic and deep-copies defaults), routing over every route
(≈ 0.06 ms) and the thread-pool hop; under concurrency threads handing the GIL back and forth
(sqlite3 releases it for every row) doubled the CPU of each request.

``FastReads`` is a pure ASGI middleware in front of the routes. For a ``GET`` of a list
endpoint whose every query parameter is one the route declares, given at most once, in a
form that the route's own validation accepts unchanged (digits for integers, ``YYYY-MM-DD``
for dates, a member of the enum, a string within its length limits, no NUL) and asking for
JSON, it parses the parameters itself and calls the same service the route calls, then sends
the same ``JSONBody``. Anything else (a parameter it does not fully understand, ``format=``,
a CSV Accept header, a body, ``HEAD``) goes to the FastAPI app unchanged, so every 422 keeps
FastAPI's wording; an error of the service is rendered by the app's own exception handlers.
``tests/api/test_fast_reads.py`` checks that both paths answer byte for byte the same.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.export import VARY, ExportFormat, wanted_format
from app.api.responses import JSONBody, dump_json
from app.config import Settings
from app.db import READ_VERSION_TABLE, Database
from app.extraction.types import AttributionKind, SourceType
from app.models.common import require_iso_date
from app.pagination import PageParams
from app.services import articles as article_service
from app.services import claims as claim_service
from app.services import sources as source_service
from app.services.claims import ClaimFilters

__all__ = ["FastReads", "PageCache", "reads_inline"]

log = logging.getLogger("claimtrail")


class _Slow(Exception):
    """This request is not one the fast path answers exactly: FastAPI's route does."""


_INT = re.compile(r"-?[0-9]{1,18}")
_ID_PATH = re.compile(r"/(sources|articles)/([0-9]{1,10})/claims")


def _int(value: str) -> int:
    if not _INT.fullmatch(value):
        raise _Slow
    return int(value)


def _text(min_length: int, max_length: int) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not min_length <= len(value) <= max_length:
            raise _Slow
        return value

    return parse


def _iso_date(value: str) -> date:
    try:
        require_iso_date(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _Slow from None


def _member(values: frozenset[str]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in values:
            raise _Slow
        return value

    return parse


def _limit(value: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise _Slow
    return int(value)


def _cursor(value: str) -> str:
    if len(value) > 1000:
        raise _Slow
    return value


# The query parameters of each list route, as its signature declares them (app/api/*.py).
_PAGE = {"limit": _limit, "cursor": _cursor}
_FILTERS = {
    "said_from": _iso_date,
    "said_to": _iso_date,
    "q": _text(1, 500),
    "kind": _member(frozenset(k.value for k in AttributionKind)),
    "article_id": _int,
    "publisher": _text(0, 300),
}
_CLAIMS = {**_PAGE, **_FILTERS, "source_id": _int, "source": _text(1, 500)}
_SOURCE_CLAIMS = {**_PAGE, **_FILTERS}
_SOURCES = {
    **_PAGE,
    "q": _text(1, 500),
    "type": _member(frozenset(t.value for t in SourceType)),
}
_ARTICLES = {
    **_PAGE,
    "publisher": _text(0, 300),
    "published_from": _iso_date,
    "published_to": _iso_date,
    "q": _text(1, 500),
}
_ARTICLE_CLAIMS = dict(_PAGE)


@dataclass(frozen=True, slots=True)
class _Read:
    params: dict[str, Callable[[str], Any]]
    negotiated: bool  # the claim lists: Accept and format= may ask for CSV or NDJSON


_ROUTES = {
    "/claims": _Read(_CLAIMS, negotiated=True),
    "/sources": _Read(_SOURCES, negotiated=False),
    "/articles": _Read(_ARTICLES, negotiated=False),
    "sources": _Read(_SOURCE_CLAIMS, negotiated=True),  # /sources/{id}/claims
    "articles": _Read(_ARTICLE_CLAIMS, negotiated=False),  # /articles/{id}/claims
}


def _parse(read: _Read, scope: Scope) -> dict[str, Any]:
    """The route's parameters from the query string, or _Slow."""
    given: dict[str, Any] = {}
    query = scope["query_string"]
    if query:
        # As Starlette's QueryParams reads it.
        for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if "\x00" in value:  # every parameter, declared or not (app.api.deps)
                raise _Slow
            parse = read.params.get(name)
            if parse is None:
                if read.negotiated and name == "format":
                    raise _Slow
                continue  # unknown parameters are ignored
            if name in given:
                raise _Slow
            given[name] = parse(value)
    return given


def _wants_json(scope: Scope) -> bool:
    accept = None
    for key, value in scope["headers"]:
        if key == b"accept":
            if accept is not None:
                return False
            accept = value.decode("latin-1")
    return wanted_format(accept, None) is ExportFormat.json


def _has_body(scope: Scope) -> bool:
    return any(key in (b"content-length", b"transfer-encoding") for key, _ in scope["headers"])


def _page(settings: Settings, given: dict[str, Any]) -> PageParams:
    limit = given.get("limit")
    if limit is None:
        limit = min(settings.default_page_limit, settings.page_max_limit)
    if not 1 <= limit <= settings.page_max_limit:
        raise _Slow
    return PageParams(limit=limit, cursor=given.get("cursor") or None)


def _filters(given: dict[str, Any]) -> ClaimFilters:
    return ClaimFilters(
        source_id=given.get("source_id"),
        source=given.get("source"),
        said_from=given.get("said_from"),
        said_to=given.get("said_to"),
        q=given.get("q"),
        kind=given.get("kind"),
        article_id=given.get("article_id"),
        publisher=given.get("publisher"),
    )


def _request_path(scope: Scope) -> str:
    url = Request(scope).url
    return f"{url.path}?{url.query}" if url.query else url.path


Headers = dict[str, str] | None
Answer = tuple[bytes, Headers]  # a page's body and its extra headers


class PageCache:
    """The bytes of pages answered since the database last changed, least recently used
    first out beyond ``max_bytes``. Every page is kept under the ``read_version`` it was read
    with (in the same read transaction as the page, migration b7d5e2a9c4f1): a request that
    reads another version empties the cache, so no page outlives a change it could show."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.version: int | None = None
        self.pages: OrderedDict[Hashable, Answer] = OrderedDict()
        self.size = 0

    def get(self, version: int, key: Hashable) -> Answer | None:
        if version != self.version:
            self.version = version
            self.pages.clear()
            self.size = 0
            return None
        answer = self.pages.get(key)
        if answer is not None:
            self.pages.move_to_end(key)
        return answer

    def put(self, version: int, key: Hashable, answer: Answer) -> None:
        size = len(answer[0])
        if version != self.version or size > self.max_bytes // 4 or key in self.pages:
            return
        self.pages[key] = answer
        self.size += size
        while self.size > self.max_bytes:
            _, (old, _headers) = self.pages.popitem(last=False)
            self.size -= len(old)


_READ_VERSION = f"SELECT n FROM {READ_VERSION_TABLE} WHERE id = 1"


class FastReads:
    """Answers the well-formed list GETs itself; everything else goes to ``app``."""

    def __init__(self, app: ASGIApp, *, db: Database, settings: Settings, inline: bool) -> None:
        self.app = app
        self.db = db
        self.settings = settings
        # Whether the service runs on the event loop rather than in the thread pool (README,
        # Performance: measured per database).
        self.inline = inline
        # Pages are kept only where the service runs on the loop (one request at a time) and
        # the database keeps the read_version counter: SQLite.
        keep = inline and db.is_sqlite and settings.read_cache_bytes > 0
        self.cache = PageCache(settings.read_cache_bytes) if keep else None

    def _answer(self, key: Hashable, plan: Callable[[], tuple[Any, Headers]]) -> Answer:
        """The page's bytes: kept ones while the database is unchanged, else the service's.
        The version and the page are read in one read transaction (one snapshot)."""
        cache = self.cache
        if cache is None:
            content, headers = plan()
            return dump_json(content), headers
        with self.db.cursor() as cur:  # the service's own cursor() joins this transaction
            try:
                version = cur.execute_text(_READ_VERSION, ())[0][0]
            except self.db.engine.dialect.loaded_dbapi.OperationalError:  # no such table
                # not migrated (a database older than the counter): pages are not kept
                log.warning("no %s table: list pages are not kept", READ_VERSION_TABLE)
                self.cache = None
                content, headers = plan()
                return dump_json(content), headers
            kept = cache.get(version, key)
            if kept is not None:
                return kept
            content, headers = plan()
            answer = dump_json(content), headers
            cache.put(version, key, answer)
            return answer

    def _plan(self, scope: Scope) -> tuple[Hashable, Callable[[], tuple[Any, Headers]]] | None:
        """The page's key (route and parameters) and what to run for this request, or None
        when FastAPI's route must answer it."""
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path = scope["path"]
        read = _ROUTES.get(path)
        ident = None
        if read is None:
            if not path.endswith("/claims"):
                return None
            m = _ID_PATH.fullmatch(path)
            if m is None:
                return None
            read, ident = _ROUTES[m.group(1)], int(m.group(2))
        try:
            given = _parse(read, scope)
            if _has_body(scope) or (read.negotiated and not _wants_json(scope)):
                return None
            page = _page(self.settings, given)
        except _Slow:
            return None
        db = self.db
        key = (path, page, tuple(sorted(given.items())))
        if path == "/claims":
            filters = _filters(given)
            return key, lambda: (
                claim_service.list_claims(db, page=page, filters=filters),
                VARY,
            )
        if path == "/sources":
            q, type_ = given.get("q"), given.get("type")
            return key, lambda: (
                source_service.list_sources(db, page=page, q=q, type=type_),
                None,
            )
        if path == "/articles":
            return key, lambda: (
                article_service.list_articles(
                    db,
                    page=page,
                    publisher=given.get("publisher"),
                    published_from=given.get("published_from"),
                    published_to=given.get("published_to"),
                    q=given.get("q"),
                ),
                None,
            )
        assert ident is not None
        if path.startswith("/sources/"):
            filters, where = _filters(given), _request_path(scope)
            return key, lambda: (
                source_service.list_source_claims(
                    db, source_id=ident, page=page, filters=filters, path=where
                ),
                VARY,
            )
        return key, lambda: (
            article_service.list_article_claims(db, article_id=ident, page=page),
            None,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        planned = self._plan(scope)
        if planned is None:
            await self.app(scope, receive, send)
            return
        key, plan = planned
        try:
            if self.inline:
                body, headers = self._answer(key, plan)
            else:
                body, headers = await run_in_threadpool(self._answer, key, plan)
        except Exception as exc:
            handler = _handler_for(scope, exc)
            if handler is None:
                raise  # ServerErrorMiddleware answers it, as for a route
            response = await handler(Request(scope, receive), exc)
        else:  # what JSONBody(content, headers=headers) sends
            response = Response(body, media_type=JSONBody.media_type, headers=headers)
        await response(scope, receive, send)


def reads_inline(db: Database) -> bool:
    """Whether the fast path runs the list services on the event loop (else in the thread
    pool). SQLite: on the loop. Its driver releases the GIL around every row it steps, so
    with requests in flight on several pool threads every row was a hand-over between
    threads: in process, 8 requests at a time cost 0.99 ms of CPU per ``/claims`` page in
    the pool against 0.57 ms on the loop (0.72 against 0.56 one at a time); the query itself
    is CPU work of this process, not a wait a thread could overlap.
    PostgreSQL: in the pool, where the driver waits on the server's socket (README)."""
    return db.is_sqlite


def _handler_for(scope: Scope, exc: Exception) -> Any:
    """The app's exception handler for ``exc``, as Starlette's ExceptionMiddleware finds it
    (the 500 handler is ServerErrorMiddleware's, outside this middleware)."""
    handlers = scope["app"].exception_handlers
    for cls in type(exc).__mro__:
        if cls is Exception:
            return None
        if cls in handlers:
            return handlers[cls]
    return None
